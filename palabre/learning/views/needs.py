"""Pages of internal training: the training needs.

- ``trainings/needs/`` (``needs``): the themes ranked by need, for facilitators (the
  whole network, or one organisation) and org admins (their organisations); 404 for
  anyone else, as if it did not exist;
- ``trainings/needs/<theme>/`` (``need``): one theme's need with the evidence behind
  it, the decision taken, "mark as covered" and "turn into a training";
- ``trainings/needs/<theme>/decide/`` (``need_decide``): POST a decision;
- ``trainings/wishes/`` (``wish``): POST "I want to learn this" about a practice or a
  theme (or take it back). Works without JavaScript (a redirect and a message); with
  htmx, answers the box only.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from palabre.learning.models import LearningWish, NeedDecision
from palabre.learning.selectors import needs as selectors
from palabre.learning.services import needs as services
from palabre.lib.views import submit
from palabre.permissions import is_facilitator, is_member
from palabre.permissions import learning as rules
from palabre.permissions import practices as practice_rules
from palabre.themes.models import Theme

BOX = "learning/needs/_wish_box.html"

KIND_LABELS = {
    "wishes": gettext_lazy("“I want to learn this”"),
    "skills": gettext_lazy("Skills wanted on profiles"),
    "feedback": gettext_lazy("Difficulties and changes asked in feedback reports"),
    "abandoned": gettext_lazy("Abandoned adoptions"),
    "unanswered": gettext_lazy("Unanswered questions"),
    "searches": gettext_lazy("Searches that found few practices"),
}

PERIODS = {
    "3m": (gettext_lazy("the last 3 months"), 92),
    "12m": (gettext_lazy("the last 12 months"), 365),
    "all": (gettext_lazy("all time"), None),
}
DEFAULT_PERIOD = "12m"


def kinds() -> list[dict[str, Any]]:
    return [
        {"kind": kind, "label": KIND_LABELS[kind], "weight": selectors.WEIGHTS[kind]}
        for kind in selectors.KINDS
    ]


# The needs pages ---------------------------------------------------------------


def _filters(request: HttpRequest) -> dict[str, Any]:
    """The page's filters: an organisation (one the viewer may read the needs of, else
    404) and a period."""
    if not rules.can_see_needs(request.user):
        raise Http404
    slug = request.GET.get("organisation", "").strip()
    organisation = rules.needs_organisation_for(request.user, slug) if slug else None
    period = request.GET.get("period", DEFAULT_PERIOD)
    if period not in PERIODS:
        period = DEFAULT_PERIOD
    days = PERIODS[period][1]
    since = timezone.localdate() - timedelta(days=days) if days is not None else None
    query = {}
    if organisation is not None:
        query["organisation"] = organisation.slug
    if period != DEFAULT_PERIOD:
        query["period"] = period
    return {
        "organisation": organisation,
        "period": period,
        "since": since,
        "query": ("?" + urlencode(query)) if query else "",
    }


def _theme(slug: str) -> Theme:
    # Themes are the network's shared thesaurus: seen by everyone.
    return get_object_or_404(Theme.objects.select_related("parent"), slug=slug)


def needs_index(request: HttpRequest) -> HttpResponse:
    """The themes ranked by training need, each with its counts per kind of signal."""
    filters = _filters(request)
    ranking = selectors.needs_ranking(
        viewer=request.user, organisation=filters["organisation"], since=filters["since"]
    )
    for need in ranking:
        need.rows = [(kind, need.counts[kind]) for kind in selectors.KINDS if need.counts[kind]]
    return render(
        request,
        "learning/needs/index.html",
        {
            **filters,
            "needs": ranking,
            "kinds": kinds(),
            "labels": KIND_LABELS,
            "organisations": list(rules.needs_organisations(request.user).order_by("name")),
            "network": is_facilitator(request.user),
            "periods": [(key, label) for key, (label, _days) in PERIODS.items()],
        },
    )


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=NeedDecision.Status.choices,
        widget=forms.RadioSelect,
    )
    organisation = forms.ChoiceField(label=gettext_lazy("For"), required=False)
    training = forms.ChoiceField(
        label=gettext_lazy("The training that answers it (optional)"), required=False
    )
    note = forms.CharField(
        label=gettext_lazy("Note (optional)"),
        required=False,
        max_length=services.NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": services.NOTE_MAX}),
    )

    def __init__(self, *args: Any, user: Any, theme: Theme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = []
        if is_facilitator(user):
            choices.append(("", _("The whole network")))
        self.organisations = {o.slug: o for o in rules.needs_organisations(user).order_by("name")}
        choices += [(slug, o.name) for slug, o in self.organisations.items()]
        self.fields["organisation"].choices = choices
        self.trainings = {
            str(t.pk): t
            for t in rules.trainings_openable_by(user).filter(themes=theme).order_by("title")
        }
        self.fields["training"].choices = [("", "—")] + [
            (pk, t.title) for pk, t in self.trainings.items()
        ]
        if not self.trainings:
            del self.fields["training"]

    def clean_organisation(self) -> Any:
        slug = self.cleaned_data.get("organisation") or ""
        return self.organisations.get(slug)

    def clean_training(self) -> Any:
        return self.trainings.get(self.cleaned_data.get("training") or "")


def _detail(
    request: HttpRequest,
    theme: Theme,
    filters: dict[str, Any],
    *,
    form: DecisionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    need = selectors.need_of_theme(
        viewer=request.user,
        theme=theme,
        organisation=filters["organisation"],
        since=filters["since"],
    )
    if need is None:
        raise Http404
    if form is None:
        initial = {
            "status": NeedDecision.Status.COVERED,
            "organisation": filters["organisation"].slug if filters["organisation"] else "",
        }
        form = DecisionForm(user=request.user, theme=theme, initial=initial)
    sections = [
        {**entry, "count": need.counts[entry["kind"]], "items": need.evidence[entry["kind"]]}
        for entry in kinds()
    ]
    return render(
        request,
        "learning/needs/detail.html",
        {
            **filters,
            "theme": theme,
            "need": need,
            "sections": sections,
            "form": form,
            "can_decide": bool(form.fields["organisation"].choices),
        },
        status=status,
    )


def need_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One theme's need: every piece of evidence the viewer may open, and the decision."""
    filters = _filters(request)
    return _detail(request, _theme(slug), filters)


@require_POST
def need_decide(request: HttpRequest, slug: str) -> HttpResponse:
    """Mark a theme's need as covered, or as turned into a training."""
    filters = _filters(request)
    theme = _theme(slug)
    form = DecisionForm(request.POST, user=request.user, theme=theme)
    done = submit(
        form,
        lambda: services.need_decide(
            theme=theme,
            organisation=form.cleaned_data["organisation"],
            status=form.cleaned_data["status"],
            training=form.cleaned_data.get("training"),
            note=form.cleaned_data["note"],
            by=request.user,
        ),
    )
    if not done.ok:
        if done.status == 404:
            raise Http404
        return _detail(request, theme, filters, form=form, status=done.status)
    if done.value.status == NeedDecision.Status.COVERED:
        note = _("The need for “%(theme)s” is marked as covered.")
    else:
        note = _("The need for “%(theme)s” is marked as turned into a training.")
    messages.success(request, note % {"theme": theme.name})
    return redirect(reverse("learning:need", args=[theme.slug]) + filters["query"])


# "I want to learn this" ----------------------------------------------------------


def wish_box_context(
    request: HttpRequest, *, practice: Any = None, theme: Any = None, note: str = ""
) -> dict[str, Any]:
    """What the "I want to learn this" box needs (the panels and the view share it)."""
    subject = {"practice": practice} if practice is not None else {"theme": theme}
    user = request.user
    mine_only = Q(person=user) if is_member(user) else Q(pk__in=[])
    found = LearningWish.objects.filter(**subject).aggregate(
        count=Count("pk"), mine=Count("pk", filter=mine_only)
    )
    target = practice if practice is not None else theme
    kind = "practice" if practice is not None else "theme"
    return {
        "kind": kind,
        "value": practice.pk if practice is not None else theme.slug,
        "target": target,
        "count": found["count"],
        "mine": bool(found["mine"]),
        "note": note,
        "next": request.path if request.method == "GET" else _next(request, target),
        "box_id": f"wish-{kind}-{target.pk}",
    }


def render_wish_box(request: HttpRequest, **kwargs: Any) -> str:
    return render_to_string(BOX, wish_box_context(request, **kwargs), request)


def _next(request: HttpRequest, target: Any) -> str:
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, {request.get_host()}, request.is_secure()
    ):
        return wanted
    return target.get_absolute_url()


class WishForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("What would you like to learn? (optional)"),
        required=False,
        max_length=services.NOTE_MAX,
    )


@require_POST
@vary_on_headers("HX-Request")
def wish(request: HttpRequest) -> HttpResponse:
    """POST ``practice=<id>`` or ``theme=<slug>``, and ``remove=1`` to take it back."""
    practice = theme = None
    if request.POST.get("practice"):
        practice = practice_rules.practice_for(request.user, request.POST["practice"])
    elif request.POST.get("theme"):
        theme = _theme(request.POST["theme"])
    else:
        raise Http404
    target = practice if practice is not None else theme
    if not is_member(request.user):
        return redirect_to_login(target.get_absolute_url())
    if request.POST.get("remove"):
        removed = services.wish_remove(person=request.user, practice=practice, theme=theme)
        note = (
            _("Your wish is withdrawn.") if removed else _("You had not said you want to learn it.")
        )
    else:
        form = WishForm(request.POST)
        done = submit(
            form,
            lambda: services.wish_add(
                person=request.user,
                practice=practice,
                theme=theme,
                note=form.cleaned_data["note"],
            ),
        )
        if not done.ok:
            if done.status == 404:
                raise Http404
            note = " ".join(str(e) for errors in form.errors.values() for e in errors)
            if request.htmx:
                html = render_wish_box(request, practice=practice, theme=theme, note=note)
                return HttpResponse(html, status=done.status)
            messages.error(request, note)
            return redirect(_next(request, target))
        if done.value.duplicate:
            note = _("You already said you want to learn it: it counts once.")
        else:
            note = _(
                "Noted. Facilitators and your organisation's administrators use these "
                "wishes to plan trainings."
            )
    if request.htmx:
        return HttpResponse(render_wish_box(request, practice=practice, theme=theme, note=note))
    messages.success(request, note)
    return redirect(_next(request, target))


urlpatterns = [
    path("trainings/needs/", needs_index, name="needs"),
    path("trainings/needs/<slug:slug>/", need_detail, name="need"),
    path("trainings/needs/<slug:slug>/decide/", need_decide, name="need_decide"),
    path("trainings/wishes/", wish, name="wish"),
]
