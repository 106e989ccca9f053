"""Pages of internal training: the catalogue, a training's page, writing a training from
practices, review and publication, materials, the participant handout (PDF) and the
facilitator's guide.

Trainings are fetched through palabre.permissions (404 for what the person may not see);
each form hands its values to one service (palabre.lib.views.submit).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from palabre import permissions
from palabre.learning.models import Training
from palabre.learning.pdf import handout_pdf
from palabre.learning.selectors import trainings as selectors
from palabre.learning.services import trainings as services
from palabre.lib.views import submit
from palabre.lib.visibility import Visibility
from palabre.organisations.models import Organisation
from palabre.permissions import learning as rules
from palabre.permissions import practices as practice_rules
from palabre.practices.models import Practice
from palabre.themes.models import Theme

PRACTICE_CHOICES = 30


# Forms ------------------------------------------------------------------------------


class PracticesField(forms.MultipleChoiceField):
    """Practice numbers, in the order sent. Which of them the person may use is the
    service's question: its message is the one people read."""

    def valid_value(self, value: Any) -> bool:
        return True


def _practice_label(practice: Practice) -> str:
    organisation = practice.lead_organisation
    return f"{practice.title} — {organisation.acronym or organisation.name}"


def _practice_choices(user: Any, chosen: list[str]) -> list[tuple[str, str]]:
    """What the form offers: the practices already chosen (in their order), then those of
    the person's organisations and those they saved, then the latest published ones,
    all among the published practices they may read."""
    visible = practice_rules.practices_visible_to(user).select_related("lead_organisation")
    chosen_ids = [int(pk) for pk in chosen if str(pk).isdigit() and len(str(pk)) < 19]
    found = {p.pk: p for p in visible.filter(pk__in=chosen_ids)}
    practices = [found[pk] for pk in chosen_ids if pk in found]
    near = visible.filter(
        Q(lead_organisation__in=permissions.org_ids(user)) | Q(saves__user=user.pk)
    ).exclude(pk__in=chosen_ids)
    latest = visible.exclude(pk__in=chosen_ids).order_by("-published_at", "-pk")
    seen = set(found)
    for practice in [*near.order_by("title", "pk")[:PRACTICE_CHOICES], *latest[:PRACTICE_CHOICES]]:
        if practice.pk not in seen:
            seen.add(practice.pk)
            practices.append(practice)
    return [(str(p.pk), _practice_label(p)) for p in practices]


class TrainingForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    objectives = forms.CharField(
        label=gettext_lazy("Objectives"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What participants will be able to do after the training."),
    )
    audience = forms.CharField(
        label=gettext_lazy("For whom"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    duration_minutes = forms.IntegerField(
        label=gettext_lazy("Duration (minutes)"), min_value=15, max_value=60 * 24 * 10
    )
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)
    visibility = forms.ChoiceField(
        label=gettext_lazy("Who can see it once published"), choices=Visibility.choices
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=gettext_lazy("Choose the organisation"),
    )
    themes = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Themes"),
        queryset=Theme.objects.order_by("position", "name_fr"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Left empty, the themes of the practices are used."),
    )
    practices = PracticesField(
        label=gettext_lazy("Practices it is built on"),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Their steps, success factors and conditions for replication are pulled in as a "
            "starting point, which you then edit."
        ),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if permissions.is_facilitator(user):
            organisations = Organisation.objects.all()
        else:
            organisations = Organisation.objects.filter(pk__in=permissions.org_ids(user))
        self.fields["organisation"].queryset = organisations.order_by("name")
        if self.is_bound:
            chosen = self.data.getlist("practices") if hasattr(self.data, "getlist") else []
        else:
            chosen = [str(pk) for pk in self.initial.get("practices", [])]
        self.fields["practices"].widget.choices = _practice_choices(user, chosen)

    def ordered_practices(self) -> list[str]:
        # The order the boxes were sent in: the page lists the chosen ones first.
        return list(self.cleaned_data["practices"])


class TrainingEditForm(TrainingForm):
    content = forms.CharField(
        label=gettext_lazy("Steps and content"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=gettext_lazy("Markdown: ## for a heading, 1. for numbered steps, ** for bold."),
    )
    checklist = forms.CharField(
        label=gettext_lazy("Checklist to apply the practice"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("One item per line."),
    )
    handout = forms.CharField(
        label=gettext_lazy("Participant handout"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "What participants keep, printed with the objectives, the steps and the checklist."
        ),
    )
    facilitator_guide = forms.CharField(
        label=gettext_lazy("Facilitator's guide"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Seen only by the trainers, the organisation's administrators and facilitators."
        ),
    )
    trainers = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Trainers"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, user: Any, training: Training, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["trainers"].queryset = (
            get_user_model()
            .objects.filter(
                Q(memberships__organisation=training.organisation_id)
                | Q(pk__in=training.trainers.values("pk"))
            )
            .filter(is_active=True)
            .distinct()
            .order_by("display_name", "pk")
        )


EDIT_FIELDS = (
    "title", "objectives", "audience", "duration_minutes", "language", "visibility",
    "organisation", "content", "facilitator_guide", "handout", "checklist",
)  # fmt: skip


def _training_initial(training: Training) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(training, name) for name in EDIT_FIELDS}
    initial["themes"] = list(training.themes.all())
    initial["trainers"] = list(training.trainers.all())
    initial["practices"] = list(
        training.practices.through.objects.filter(training=training)
        .order_by("position", "pk")
        .values_list("practice_id", flat=True)
    )
    return initial


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What should change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class MaterialForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"))
    caption = forms.CharField(label=gettext_lazy("Caption"), max_length=300, required=False)


# Reading ----------------------------------------------------------------------------


def catalogue(request):
    theme = None
    if request.GET.get("theme"):
        theme = Theme.objects.filter(slug=request.GET["theme"][:80]).first()
    trainings = selectors.catalogue(user=request.user, theme=theme)
    context = {
        "theme": theme,
        "trainings": trainings,
        "groups": selectors.catalogue_by_theme(trainings) if theme is None else [],
        "themes": selectors.catalogue_themes(user=request.user),
        "can_create": rules.can_create(request.user),
        "is_facilitator": permissions.is_facilitator(request.user),
    }
    return render(request, "learning/trainings/catalogue.html", context)


@login_required
def mine(request):
    user = request.user
    context = {
        "trainings": selectors.trainings_in_progress(user=user),
        "to_review": selectors.trainings_to_review() if rules.can_review(user) else None,
        "can_create": rules.can_create(user),
    }
    return render(request, "learning/trainings/mine.html", context)


def detail(request, pk: int):
    training = rules.training_for(request.user, pk)
    page = selectors.training_page(user=request.user, training=training)
    context = {
        "training": training,
        "page": page,
        "checklist": training.checklist_items(),
        "review_form": ReviewForm() if page.can_review else None,
    }
    return render(request, "learning/trainings/detail.html", context)


def guide(request, pk: int):
    training = rules.training_for(request.user, pk)
    if not rules.can_see_guide(request.user, training):
        raise Http404
    return render(request, "learning/trainings/guide.html", {"training": training})


def handout(request, pk: int):
    training = rules.training_for(request.user, pk)
    content = handout_pdf(
        training,
        practices=selectors.training_practices(user=request.user, training=training),
        themes=list(training.themes.order_by("position", "pk")),
        request=request,
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="palabre-training-{training.pk}.pdf"'
    return response


def material(request, pk: int, material_pk: int):
    training = rules.training_for(request.user, pk)
    item = rules.material_for(request.user, training, material_pk)
    if not item.is_ready:  # a photo whose metadata (GPS…) the worker has not removed yet
        raise Http404
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# Writing ----------------------------------------------------------------------------


@login_required
def create(request):
    user = request.user
    if not rules.can_create(user):
        raise Http404
    initial: dict[str, Any] = {
        "duration_minutes": 120,
        "language": request.LANGUAGE_CODE
        if request.LANGUAGE_CODE in dict(settings.LANGUAGES)
        else "fr",
        "visibility": Visibility.NETWORK,
    }
    orgs = sorted(permissions.org_ids(user))
    if orgs:
        initial["organisation"] = orgs[0]
    source = None
    if request.GET.get("practice"):
        source = practice_rules.practice_for(user, request.GET["practice"])
        initial.update(
            title=source.title,
            objectives="",
            practices=[source.pk],
            themes=list(source.themes.all()),
            language=source.language,
        )
        if source.lead_organisation_id in orgs:
            initial["organisation"] = source.lead_organisation_id
    form = TrainingForm(request.POST or None, user=user, initial=initial)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.training_create(
                by=user,
                organisation=form.cleaned_data["organisation"],
                title=form.cleaned_data["title"],
                objectives=form.cleaned_data["objectives"],
                practices=form.ordered_practices(),
                audience=form.cleaned_data["audience"],
                duration_minutes=form.cleaned_data["duration_minutes"],
                language=form.cleaned_data["language"],
                visibility=form.cleaned_data["visibility"],
                **({"themes": form.cleaned_data["themes"]} if form.cleaned_data["themes"] else {}),
            ),
        )
        if done.ok:
            messages.success(
                request,
                _(
                    "Training created from the practices. Edit its content, then submit it for review."
                ),
            )
            return redirect("learning:training_edit", pk=done.value.pk)
        status = done.status
    return render(
        request, "learning/trainings/form.html", {"form": form, "source": source}, status=status
    )


@login_required
def edit(request, pk: int):
    user = request.user
    training = rules.training_editable_for(user, pk)
    form = TrainingEditForm(
        request.POST or None, user=user, training=training, initial=_training_initial(training)
    )
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.training_update(
                training=training,
                by=user,
                fields={name: form.cleaned_data[name] for name in EDIT_FIELDS},
                practices=form.ordered_practices(),
                themes=form.cleaned_data["themes"],
                trainers=form.cleaned_data["trainers"],
            ),
        )
        if done.ok:
            messages.success(request, _("Saved."))
            return redirect(done.value)
        status = done.status
    return render(
        request,
        "learning/trainings/form.html",
        {"form": form, "training": training},
        status=status,
    )


def _transition(request, pk: int, action, success: str, **kwargs):
    training = rules.training_for(request.user, pk)
    result = action(training=training, by=request.user, **kwargs)
    messages.success(request, success)
    return redirect(result)


@require_POST
@login_required
def submit_for_review(request, pk: int):
    return _transition(
        request, pk, services.training_submit, _("Submitted. A facilitator will review it.")
    )


@require_POST
@login_required
def withdraw(request, pk: int):
    return _transition(
        request, pk, services.training_withdraw, _("Taken back: it is a draft again.")
    )


@require_POST
@login_required
def publish(request, pk: int):
    return _transition(request, pk, services.training_publish, _("Published."))


@require_POST
@login_required
def archive(request, pk: int):
    return _transition(request, pk, services.training_archive, _("Archived."))


@require_POST
@login_required
def request_changes(request, pk: int):
    form = ReviewForm(request.POST)
    form.is_valid()
    return _transition(
        request,
        pk,
        services.training_request_changes,
        _("Changes requested. The trainers have been told."),
        comment=form.cleaned_data.get("comment", ""),
    )


@login_required
def materials(request, pk: int):
    training = rules.training_editable_for(request.user, pk)
    form = MaterialForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.material_add(
                training=training,
                by=request.user,
                upload=form.cleaned_data["file"],
                caption=form.cleaned_data["caption"],
            ),
        )
        if done.ok:
            messages.success(request, _("File added."))
            return redirect("learning:training_materials", pk=training.pk)
        status = done.status
    return render(
        request,
        "learning/trainings/materials.html",
        {
            "training": training,
            "form": form,
            "materials": training.materials.all(),
            "max_size": settings.ATTACHMENT_MAX_BYTES,
        },
        status=status,
    )


@require_POST
@login_required
def material_delete(request, pk: int, material_pk: int):
    training = rules.training_editable_for(request.user, pk)
    item = rules.material_for(request.user, training, material_pk)
    services.material_remove(material=item, by=request.user)
    messages.success(request, _("File removed."))
    return redirect("learning:training_materials", pk=training.pk)


urlpatterns = [
    path("trainings/", catalogue, name="catalogue"),
    path("trainings/new/", create, name="training_create"),
    path("trainings/mine/", mine, name="trainings_mine"),
    path("trainings/<int:pk>/", detail, name="training"),
    path("trainings/<int:pk>/edit/", edit, name="training_edit"),
    path("trainings/<int:pk>/guide/", guide, name="training_guide"),
    path("trainings/<int:pk>/handout.pdf", handout, name="training_handout"),
    path("trainings/<int:pk>/submit/", submit_for_review, name="training_submit"),
    path("trainings/<int:pk>/withdraw/", withdraw, name="training_withdraw"),
    path("trainings/<int:pk>/publish/", publish, name="training_publish"),
    path("trainings/<int:pk>/archive/", archive, name="training_archive"),
    path("trainings/<int:pk>/request-changes/", request_changes, name="training_request_changes"),
    path("trainings/<int:pk>/materials/", materials, name="training_materials"),
    path("trainings/<int:pk>/materials/<int:material_pk>/", material, name="training_material"),
    path(
        "trainings/<int:pk>/materials/<int:material_pk>/delete/",
        material_delete,
        name="training_material_delete",
    ),
]
