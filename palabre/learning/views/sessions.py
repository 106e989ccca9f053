"""Pages of internal training: sessions.

A session's page shows its training, dates, place (the online link only to confirmed
participants and those who run it, as workshops do), trainers and places left; its
buttons and links lead to the workshops' own pages and forms (register, cancel, take
attendance, evaluate, registrations, evaluation results), so the same rules and code
apply. Here too: scheduling a session of a training, the list of upcoming sessions,
"my trainings", the certificate of participation (PDF, for those marked present) and the
participants' export (CSV/XLSX, for trainers and facilitators).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from palabre.learning import exports
from palabre.learning.selectors import sessions as selectors
from palabre.learning.services import sessions as services
from palabre.lib import spreadsheets
from palabre.lib.views import submit
from palabre.lib.visibility import Visibility
from palabre.permissions import learning as rules
from palabre.workshops.forms import COMMON_TIME_ZONES, DateInput, TimeInput
from palabre.workshops.models import DEFAULT_TIME_ZONE, Workshop


class TrainingSessionForm(forms.ModelForm):
    """The session's own facts; title and objectives come from the training."""

    starts_at = forms.TimeField(
        label=gettext_lazy("Starts at"),
        initial="09:00",
        widget=TimeInput(),
        help_text=gettext_lazy("On each day, in the session's time zone."),
    )
    online_url = forms.URLField(
        label=gettext_lazy("Online link"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=gettext_lazy("Shown only to registered participants."),
    )
    time_zone = forms.ChoiceField(label=gettext_lazy("Time zone"), initial=DEFAULT_TIME_ZONE)

    class Meta:
        model = Workshop
        fields = [
            "start_date", "end_date", "venue", "city", "country", "online_url", "capacity",
            "waiting_list_size", "registration_closes_on", "time_zone", "visibility",
            "description",
        ]  # fmt: skip
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "registration_closes_on": DateInput(),
            "visibility": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "capacity": gettext_lazy("Leave empty for no limit. The trainers are not counted."),
        }

    def __init__(self, *args: Any, training: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(z, z.replace("_", " ")) for z in COMMON_TIME_ZONES]
        order = [Visibility.ORGANISATION, Visibility.NETWORK, Visibility.PUBLIC]
        allowed = order[: order.index(training.visibility) + 1]
        self.fields["visibility"].choices = [
            (value, label) for value, label in Visibility.choices if value in allowed
        ]
        self.fields["visibility"].initial = training.visibility
        self.fields["end_date"].required = False
        self.fields["end_date"].help_text = _("Empty: the same day.")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start_date") and not data.get("end_date"):
            data["end_date"] = data["start_date"]
        return data

    def values(self) -> dict[str, Any]:
        data = {name: self.cleaned_data.get(name) for name in self._meta.fields}
        data["starts_at"] = self.cleaned_data["starts_at"]
        data["country"] = str(data.get("country") or "")
        data["description"] = data.get("description") or ""
        if data.get("waiting_list_size") is None:
            data.pop("waiting_list_size", None)
        return data


# Lists --------------------------------------------------------------------------------


@vary_on_headers("HX-Request")
def index(request):
    """Upcoming (or past) sessions of the trainings this person may see."""
    when = "past" if request.GET.get("when") == "past" else "upcoming"
    page = Paginator(selectors.session_list(user=request.user, when=when), 20).get_page(
        request.GET.get("page")
    )
    for session in page.object_list:
        session.places_left = selectors.places_left_of(session)
    context = {"page": page, "when": when}
    if request.htmx:
        return render(request, "learning/sessions/index.html#results", context)
    return render(request, "learning/sessions/index.html", context)


@login_required
def mine(request):
    """My trainings: the sessions I am registered to, and the trainings I give."""
    return render(
        request, "learning/sessions/mine.html", {"mine": selectors.my_trainings(request.user)}
    )


# One session --------------------------------------------------------------------------


def detail(request, pk: int):
    session = rules.session_for(request.user, pk)
    workshop = session.workshop
    context = {
        "session": session,
        "training": session.training,
        "workshop": workshop,
        "places_left": selectors.places_left_of(session),
        "today": workshop.today(),
        **selectors.session_facts(session, request.user),
    }
    return render(request, "learning/sessions/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def create(request, pk: int):
    """Schedule a session of a training (its trainers, org admins, facilitators)."""
    training = rules.training_for(request.user, pk)
    if not rules.can_schedule_session(request.user, training):
        raise Http404
    form = TrainingSessionForm(request.POST or None, training=training)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.session_create(training=training, by=request.user, **form.values()),
        )
        if done.ok:
            messages.success(
                request,
                _("The session is scheduled and open for registration. Its trainers run it."),
            )
            return redirect(done.value)
        status = done.status
    return render(
        request,
        "learning/sessions/form.html",
        {"form": form, "training": training},
        status=status,
    )


def certificate(request, pk: int):
    """The certificate of participation: for a person marked present, nobody else."""
    # lazy: WeasyPrint is slow to import and only the certificate needs it
    from palabre.learning import certificates

    session = rules.certificate_session_for(request.user, pk)
    content = certificates.certificate_pdf(session, request.user)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{certificates.certificate_filename(session)}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def export_participants(request, pk: int, fmt: str):
    """Participants, attendance and quiz scores: trainers and facilitators only."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    session = rules.session_results_for(request.user, pk)
    header, rows = exports.participant_rows(session)
    name = f"training-session-{session.pk}"
    if fmt == "xlsx":
        return spreadsheets.xlsx_response(
            header, rows, filename=f"{name}.xlsx", sheet=_("Participants")
        )
    return spreadsheets.csv_response(header, rows, filename=f"{name}.csv")


urlpatterns = [
    path("training-sessions/", index, name="sessions"),
    path("training-sessions/<int:pk>/", detail, name="session"),
    path("training-sessions/<int:pk>/certificate.pdf", certificate, name="session_certificate"),
    path(
        "training-sessions/<int:pk>/participants.<str:fmt>",
        export_participants,
        name="session_export",
    ),
    path("trainings/<int:pk>/sessions/new/", create, name="session_new"),
    path("my/trainings/", mine, name="my_trainings"),
]
