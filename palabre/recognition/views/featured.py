"""Pages of recognition: featured items (the facilitators' form, the history) and the
expertise directory “Who can help me?” with its “ask a question” form.

Objects are fetched through palabre.permissions (404 for what the person may not see);
each form hands its values to one service (palabre.lib.views.submit).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers
from django_countries import countries

from palabre.lib.views import submit
from palabre.organisations.models import Organisation
from palabre.permissions import organisations as organisation_rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import recognition as rules
from palabre.recognition.models import Feature
from palabre.recognition.selectors import directory as directory_selectors
from palabre.recognition.selectors import featured as selectors
from palabre.recognition.services import directory as directory_services
from palabre.recognition.services import featured as services
from palabre.recognition.services.featured import REASON_MAX
from palabre.themes.models import Theme

HISTORY_PAGE_SIZE = 30
DIRECTORY_PAGE_SIZE = 20
DEFAULT_WEEKS = 4


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# Featured items --------------------------------------------------------------------


class FeatureForm(forms.Form):
    # Checked by the service, whose message is the one people read.
    reason = forms.CharField(
        label=gettext_lazy("Why (one or two sentences)"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX}),
        help_text=gettext_lazy(
            "It is shown with the item on the home page and in the newsletter: say what "
            "others can learn from it."
        ),
    )
    starts_on = forms.DateField(label=gettext_lazy("From"), widget=_date_input())
    ends_on = forms.DateField(label=gettext_lazy("Until (included)"), widget=_date_input())


def _item_to_feature(request) -> tuple[str, Any, str]:
    """What the form features, from its address: ``?practice=``, ``?person=`` or
    ``?organisation=`` (a slug); 404 for anything else or what cannot be seen."""
    user = request.user
    if request.GET.get("practice"):
        item = practice_rules.practice_for(user, request.GET["practice"])
        return Feature.Kind.PRACTICE, item, urlencode({"practice": item.pk})
    if request.GET.get("person"):
        item = organisation_rules.person_for(user, request.GET["person"])
        return Feature.Kind.PERSON, item, urlencode({"person": item.pk})
    if request.GET.get("organisation"):
        item = organisation_rules.organisation_for(user, request.GET["organisation"][:80])
        return Feature.Kind.ORGANISATION, item, urlencode({"organisation": item.slug})
    raise Http404


def feature_new(request):
    """A facilitator features the practice, person or organisation named in the address."""
    if not rules.can_feature(request.user):
        raise Http404
    kind, item, query = _item_to_feature(request)
    today = timezone.localdate()
    form = FeatureForm(
        request.POST or None,
        initial={"starts_on": today, "ends_on": today + timedelta(weeks=DEFAULT_WEEKS)},
    )
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.feature_create(
                by=request.user,
                kind=kind,
                item=item,
                reason=form.cleaned_data["reason"],
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
            ),
        )
        if done.ok:
            messages.success(request, _("Featured. Those concerned have been told."))
            return redirect("recognition:featured")
        status = done.status
    context = {
        "form": form,
        "kind": kind,
        "item": item,
        "item_url": selectors.person_url(item)
        if kind == Feature.Kind.PERSON
        else item.get_absolute_url(),
        "action": f"{reverse('recognition:feature_new')}?{query}",
        "current": selectors.current_features(viewer=request.user, limit=None),
    }
    return render(request, "recognition/featured/form.html", context, status=status)


@require_POST
def feature_end(request, pk: int):
    feature = rules.feature_for(request.user, pk)
    services.feature_end(feature=feature, by=request.user)
    messages.success(request, _("The feature has ended. It stays in the history."))
    return redirect("recognition:featured")


def featured(request):
    """What is featured now and what was, with the reasons: everything for facilitators,
    what the person may see for others."""
    today = timezone.localdate()
    page = Paginator(
        selectors.feature_history(viewer=request.user, today=today), HISTORY_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    for feature in page:
        feature.status = selectors.feature_status(feature, today)
        feature.url = selectors.item_url(feature)
    return render(
        request,
        "recognition/featured/history.html",
        {"page": page, "can_feature": rules.can_feature(request.user)},
    )


# Who can help me? ------------------------------------------------------------------


class ThemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Theme) -> str:
        return f"— {obj.name}" if obj.parent_id else obj.name


def _theme_field(*, required: bool) -> ThemeChoiceField:
    return ThemeChoiceField(
        label=gettext_lazy("Theme"),
        queryset=Theme.objects.order_by("position", "name_fr"),
        to_field_name="slug",
        required=required,
        empty_label=gettext_lazy("Any theme") if not required else gettext_lazy("Choose a theme"),
    )


class DirectoryForm(forms.Form):
    theme = forms.Field(required=False)  # replaced in __init__ (a fresh queryset per form)
    skill = forms.CharField(
        label=gettext_lazy("Skill"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("For example: suivi-évaluation, warrantage, gestion financière"),
    )
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    organisation_kind = forms.ChoiceField(
        label=gettext_lazy("Kind of organisation"),
        required=False,
        choices=[("", gettext_lazy("Any kind")), *Organisation.Kind.choices],
    )
    language = forms.CharField(
        label=gettext_lazy("Language spoken"),
        required=False,
        max_length=50,
        help_text=gettext_lazy("For example: fulfulde, English"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"] = _theme_field(required=False)
        codes = Organisation.objects.order_by().values_list("country", flat=True).distinct()
        names = sorted(((str(c), countries.name(c)) for c in codes if c), key=lambda c: c[1])
        self.fields["country"].choices = [("", _("Any country")), *names]

    def filters(self) -> directory_selectors.Filters:
        data = self.cleaned_data
        return directory_selectors.Filters(
            theme=data.get("theme"),
            skill=directory_selectors.normalise(data.get("skill") or "")[:100],
            country=data.get("country") or "",
            organisation_kind=data.get("organisation_kind") or "",
            language=directory_selectors.normalise(data.get("language") or "")[:50],
        )


def _members_only(request) -> None:
    if not rules.can_use_directory(request.user):
        raise Http404


@vary_on_headers("HX-Request")
def directory(request):
    """“Who can help me?”: people ranked by the evidence the viewer may see."""
    _members_only(request)
    form = DirectoryForm(request.GET or None)
    status, page, filters = 200, None, None
    if form.is_bound and not form.is_valid():
        status = 400
    else:
        filters = form.filters() if form.is_bound else directory_selectors.Filters()
        helpers = directory_selectors.find_helpers(viewer=request.user, filters=filters)
        page = Paginator(helpers, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
        directory_selectors.with_details(page.object_list)
        theme = filters.theme
        for helper in page.object_list:
            helper.sentence_text = helper.sentence(theme)
            helper.organisations = [m.organisation for m in helper.person.memberships.all()]
            helper.show_email = rules.can_see_email(request.user, helper.person)
            helper.url = selectors.person_url(helper.person)
            helper.ask_url = reverse("recognition:directory_ask", args=[helper.person_id]) + (
                f"?{urlencode({'theme': theme.slug})}" if theme is not None else ""
            )
    context = {
        "form": form,
        "page": page,
        "filters": filters,
        "weights": directory_selectors.WEIGHTS,
    }
    template = "recognition/directory/index.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context, status=status)


class AskForm(forms.Form):
    theme = forms.Field(required=False)  # replaced in __init__
    title = forms.CharField(
        label=gettext_lazy("Your question, in one line"),
        max_length=200,
        required=False,
    )
    question = forms.CharField(
        label=gettext_lazy("Details"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Your situation, what you already tried. Others with the same problem will read "
            "the answer too."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"] = _theme_field(required=False)


def directory_ask(request, pk: int):
    """Ask someone found in the directory a question: a discussion in the theme's space that
    mentions them, so they are told."""
    _members_only(request)
    person = rules.contributor_for(request.user, pk)
    if request.method == "POST":
        form = AskForm(request.POST)
    else:
        form = AskForm(initial={"theme": request.GET.get("theme", "")[:80]})
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: directory_services.directory_question_ask(
                by=request.user,
                person=person,
                theme=form.cleaned_data["theme"],
                title=form.cleaned_data["title"],
                question=form.cleaned_data["question"],
            ),
        )
        if done.ok:
            messages.success(
                request,
                _("Your question is asked. %(name)s has been told; you will be told of answers.")
                % {"name": person},
            )
            return redirect(done.value.get_absolute_url())
        status = done.status
    return render(
        request,
        "recognition/directory/ask.html",
        {"form": form, "person": person},
        status=status,
    )


urlpatterns = [
    path("featured/", featured, name="featured"),
    path("featured/new/", feature_new, name="feature_new"),
    path("featured/<int:pk>/end/", feature_end, name="feature_end"),
    path("who-can-help/", directory, name="directory"),
    path("who-can-help/<int:pk>/ask/", directory_ask, name="directory_ask"),
]
