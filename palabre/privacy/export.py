"""What Palabre holds about one person, gathered area by area for their archive.

Each area is one JSON file of the archive; the files the person uploaded (attachments,
flip-chart photos, training materials) and the PDFs made for them (attestations,
certificates) go under ``files/``. Only the person's own records are read: what they wrote,
gave, recorded or received. Another person's private records never are — for a workshop,
their own registration and evaluation, not the other participants'; for a thread, their
own messages with the thread's title.
"""

from __future__ import annotations

import importlib
import io
import json
import logging
import re
import shutil
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from palabre.accounts.models import ApiToken, UserSession
from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement
from palabre.audit.models import AuditEvent
from palabre.discussions.models import Answer, Subscription, Thread, UsefulMark
from palabre.learning.models import (
    FollowUp,
    LearningWish,
    QuizAttempt,
    QuizOption,
    QuizQuestion,
    Training,
    TrainingMaterial,
    TrainingSession,
)
from palabre.notifications.models import Notification, NotificationPreference
from palabre.organisations.models import Invitation, Membership
from palabre.permissions import practices as practice_rules
from palabre.permissions import recognition as recognition_rules
from palabre.practices.models import LONG_TEXTS, Attachment, Practice, ReviewComment, Revision
from palabre.privacy.models import DataExport, ErasureRequest
from palabre.recognition.models import Attestation, ContributorSettings, Feature, Thanks
from palabre.workshops.models import (
    ActionUpdate,
    Attendance,
    CollectiveAction,
    Evaluation,
    GroupMember,
    Registration,
    Restitution,
    RestitutionPhoto,
)
from palabre.workshops.models import (
    Session as WorkshopSession,
)

logger = logging.getLogger(__name__)

# Fields read as they are, for the areas that list many.
ACCOUNT_FIELDS = (
    "email display_name job_title language languages_spoken skills_offered "
    "skills_wanted bio network_role is_active date_joined last_login"
)
PRACTICE_FIELDS = (
    "beneficiaries_women beneficiaries_men cost_amount cost_currency period_start "
    "period_end region project_name created_at updated_at published_at "
    "last_published_at review_by"
)
RESTITUTION_FIELDS = "key_learnings successes shortcomings recommendations status updated_at"
ADOPTION_FIELDS = (
    "team project_name started_on ended_on status context adaptations abandon_reason "
    "region created_at"
)
FEEDBACK_FIELDS = (
    "reported_on effectiveness results difficulties suggestions would_recommend "
    "visibility answer created_at"
)
ATTESTATION_FIELDS = (
    "period_start period_end language status created_at built_at revoked_at statement"
)

# Files already compressed are stored as they are: deflating them again costs time for nothing.
STORED_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "pdf", "zip", "mp3", "m4a", "ogg", "mp4"}


@dataclass
class Archive:
    """The areas (file name → data) and the files (path in the archive → how to read it)."""

    areas: dict[str, Any] = field(default_factory=dict)
    files: dict[str, Callable[[], IO[bytes]]] = field(default_factory=dict)

    def add_file(self, folder: str, pk: int, name: str, opener: Callable[[], IO[bytes]]) -> str:
        path = f"files/{folder}/{pk}-{safe_name(name)}"
        self.files[path] = opener
        return path

    def add_stored(self, folder: str, record: Any, attribute: str = "file") -> str | None:
        """A file of a record (an upload, a PDF), if it is still in storage."""
        stored = getattr(record, attribute)
        if not stored or not stored.storage.exists(stored.name):
            return None
        name = getattr(record, "original_name", "") or stored.name.rsplit("/", 1)[-1]
        return self.add_file(
            folder, record.pk, name, lambda: stored.storage.open(stored.name, "rb")
        )


def safe_name(name: str) -> str:
    """A file name that stays one name inside the archive, whatever the uploader typed."""
    base = re.sub(r"[\x00-\x1f/\\:*?\"<>|]+", "_", name.rsplit("/", 1)[-1]).strip(" .")
    return (base or "file")[-120:]


def _url(obj: Any) -> str:
    try:
        return settings.SITE_URL + obj.get_absolute_url()
    except Exception:  # an object without a page of its own
        return ""


def _fields(obj: Model, names: str | Iterable[str]) -> dict[str, Any]:
    """The named fields of a record (names separated by spaces, or a list)."""
    if isinstance(names, str):
        names = names.split()
    return {name: getattr(obj, name) for name in names}


# The areas -------------------------------------------------------------------------


def account(person: Any) -> dict[str, Any]:
    data = _fields(person, ACCOUNT_FIELDS)
    settings_row = ContributorSettings.objects.filter(person=person).first()
    data["contributor_page"] = (
        _fields(settings_row, "page_visibility show_email") if settings_row else None
    )
    return data


def memberships(person: Any) -> dict[str, Any]:
    rows = Membership.objects.filter(user=person).select_related("organisation")
    invitations = (
        Invitation.objects.filter(Q(email__iexact=person.email) | Q(accepted_by=person))
        .select_related("organisation", "invited_by")
        .order_by("created_at")
    )
    return {
        "memberships": [
            {
                "organisation": m.organisation.name,
                "organisation_address": _url(m.organisation),
                "role": m.role,
                "joined_at": m.joined_at,
            }
            for m in rows
        ],
        "invitations_received": [
            {
                "organisation": i.organisation.name,
                "role": i.role,
                "invited_by": str(i.invited_by) if i.invited_by else None,
                "message": i.message,
                "sent_at": i.created_at,
                "accepted_at": i.accepted_at,
                "revoked_at": i.revoked_at,
            }
            for i in invitations
        ],
    }


def practices(person: Any, archive: Archive) -> dict[str, Any]:
    written = (
        Practice.objects.filter(Q(pk__in=practice_rules.practices_authored_by(person)))
        .select_related("lead_organisation")
        .prefetch_related("steps", "partners", "themes", "tags", "attachments", "revisions")
        .order_by("created_at", "pk")
    )
    mine = []
    for p in written:
        row = {
            "id": p.pk,
            "address": _url(p),
            **_fields(p, "title kind status visibility language summary"),
            **_fields(p, LONG_TEXTS),
            **_fields(p, PRACTICE_FIELDS),
            "country": str(p.country) if p.country else "",
            "lead_organisation": p.lead_organisation.name,
            "partners": [o.name for o in p.partners.all()],
            "themes": [t.name for t in p.themes.all()],
            "tags": [t.name for t in p.tags.all()],
            "new_version_of": p.revises_id,
            "steps": [
                _fields(s, "position title description what_made_it_work") for s in p.steps.all()
            ],
            "attachments": [
                {"name": a.original_name, "kind": a.kind, "caption": a.caption}
                for a in p.attachments.all()
            ],
            "revisions": [_fields(r, "number published_at note data") for r in p.revisions.all()],
        }
        mine.append(row)
    uploads = []
    for a in Attachment.objects.filter(uploaded_by=person).select_related("practice"):
        uploads.append(
            {
                "practice": a.practice.title,
                "name": a.original_name,
                "kind": a.kind,
                "caption": a.caption,
                "uploaded_at": a.created_at,
                "file": archive.add_stored("practices", a),
            }
        )
    saved = practice_rules.practices_openable_by(person).filter(saves__user=person)
    return {
        "practices_written": mine,
        "attachments_uploaded": uploads,
        "versions_published_by_me": [
            {"practice": r.practice.title, "number": r.number, "published_at": r.published_at}
            for r in Revision.objects.filter(published_by=person).select_related("practice")
        ],
        "review_comments_written": [
            {"practice": c.practice.title, **_fields(c, "section body created_at")}
            for c in ReviewComment.objects.filter(author=person).select_related("practice")
        ],
        "saved_practices": [{"title": p.title, "address": _url(p)} for p in saved],
    }


def workshops(person: Any, archive: Archive) -> dict[str, Any]:
    registrations = Registration.objects.filter(person=person).select_related(
        "workshop", "organisation", "practice", "first_choice", "second_choice"
    )
    led = WorkshopSession.objects.filter(
        Q(presenter=person) | Q(facilitator=person) | Q(rapporteur=person)
    ).select_related("workshop")
    evaluations = (
        Evaluation.objects.filter(person=person)
        .select_related("workshop")
        .prefetch_related("ratings__session")
    )
    photos = RestitutionPhoto.objects.filter(uploaded_by=person).select_related(
        "restitution__session__workshop"
    )
    return {
        "registrations": [
            {
                "workshop": r.workshop.title,
                "workshop_address": _url(r.workshop),
                "first_day": r.workshop.start_date,
                "last_day": r.workshop.end_date,
                "for_organisation": r.organisation.name if r.organisation else None,
                "practice_presented": r.practice.title if r.practice else None,
                "first_choice_of_group": r.first_choice.name if r.first_choice else None,
                "second_choice_of_group": r.second_choice.name if r.second_choice else None,
                **_fields(r, "role status notes created_at cancelled_at"),
            }
            for r in registrations
        ],
        "attendance": [
            {
                "workshop": a.session.workshop.title,
                "session": a.session.title,
                "starts_at": a.session.starts_at,
                "present": a.present,
            }
            for a in Attendance.objects.filter(person=person).select_related("session__workshop")
        ],
        "groups": [
            {"workshop": g.session.workshop.title, "group": g.session.title}
            for g in GroupMember.objects.filter(person=person).select_related("session__workshop")
        ],
        "sessions_led": [
            {
                "workshop": s.workshop.title,
                "session": s.title,
                "kind": s.kind,
                "starts_at": s.starts_at,
                "as": [
                    role
                    for role, pk in (
                        ("presenter", s.presenter_id),
                        ("facilitator", s.facilitator_id),
                        ("rapporteur", s.rapporteur_id),
                    )
                    if pk == person.pk
                ],
            }
            for s in led
        ],
        "evaluations_given": [
            {
                "workshop": e.workshop.title,
                **_fields(e, "overall most_useful to_improve created_at"),
                "sessions": [
                    {"session": r.session.title, "rating": r.rating} for r in e.ratings.all()
                ],
            }
            for e in evaluations
        ],
        "restitutions_written": [
            {
                "workshop": r.session.workshop.title,
                "session": r.session.title,
                **_fields(r, RESTITUTION_FIELDS),
            }
            for r in Restitution.objects.filter(written_by=person).select_related(
                "session__workshop"
            )
        ],
        "photos_uploaded": [
            {
                "workshop": p.restitution.session.workshop.title,
                "session": p.restitution.session.title,
                "name": p.original_name,
                "caption": p.caption,
                "uploaded_at": p.created_at,
                "file": archive.add_stored("workshops", p),
            }
            for p in photos
        ],
        "collective_actions": [
            {
                "workshop": a.workshop.title,
                **_fields(a, "title description due_date status created_at"),
                "in_charge": a.owner_person_id == person.pk,
                "recorded_by_me": a.created_by_id == person.pk,
            }
            for a in CollectiveAction.objects.filter(
                Q(owner_person=person) | Q(created_by=person)
            ).select_related("workshop")
        ],
        "action_follow_ups_written": [
            {"action": u.action.title, **_fields(u, "note status created_at")}
            for u in ActionUpdate.objects.filter(author=person).select_related("action")
        ],
    }


def _space_label(space: Any) -> str:
    subject = space.subject
    return str(subject) if subject is not None else ""


def discussions(person: Any) -> dict[str, Any]:
    threads = Thread.objects.filter(author=person).select_related("space__practice", "space__theme")
    answers = Answer.objects.filter(author=person).select_related("thread")
    return {
        "threads_opened": [
            {
                "address": _url(t),
                "about": _space_label(t.space),
                **_fields(
                    t, "kind title body language created_at edited_at hidden_at hidden_reason"
                ),
            }
            for t in threads
        ],
        "answers_written": [
            {
                "thread": a.thread.title,
                "address": _url(a),
                "accepted": a.thread.accepted_answer_id == a.pk,
                **_fields(a, "body created_at edited_at hidden_at hidden_reason"),
            }
            for a in answers
        ],
        "marked_useful": [
            {"thread": m.answer.thread.title, "answer": m.answer_id, "created_at": m.created_at}
            for m in UsefulMark.objects.filter(user=person).select_related("answer__thread")
        ],
        "following": [
            {"kind": s.kind, "what": str(s.target), "since": s.created_at}
            for s in Subscription.objects.filter(user=person).select_related(
                "practice", "theme", "thread", "organisation"
            )
        ],
    }


def adoptions(person: Any) -> dict[str, Any]:
    adoption_rows = Adoption.objects.filter(Q(created_by=person) | Q(contact=person))
    reports = FeedbackReport.objects.filter(created_by=person).select_related(
        "adoption__practice", "adoption__organisation"
    )
    return {
        "adoptions_recorded": [
            {
                "practice": a.practice.title,
                "organisation": a.organisation.name,
                "address": _url(a),
                "recorded_by_me": a.created_by_id == person.pk,
                "contact_person": a.contact_id == person.pk,
                **_fields(a, ADOPTION_FIELDS),
                "country": str(a.country) if a.country else "",
            }
            for a in adoption_rows.select_related("practice", "organisation")
        ],
        "feedback_reports_written": [
            {
                "adoption": str(r.adoption),
                **_fields(r, FEEDBACK_FIELDS),
            }
            for r in reports
        ],
        "answers_to_feedback": [
            {"adoption": str(r.adoption), "answer": r.answer, "answered_at": r.answered_at}
            for r in FeedbackReport.objects.filter(answered_by=person).select_related(
                "adoption__practice", "adoption__organisation"
            )
        ],
        "indicators_created": [
            {"organisation": i.organisation.name, **_fields(i, "name unit created_at")}
            for i in Indicator.objects.filter(created_by=person).select_related("organisation")
        ],
        "measurements_entered": [
            {
                "indicator": m.indicator.name,
                **_fields(m, "measured_on value source comment created_at"),
            }
            for m in Measurement.objects.filter(entered_by=person).select_related("indicator")
        ],
    }


def _thanked_item(kind: str, object_id: int) -> str:
    model = recognition_rules.THANKED_MODELS.get(kind)
    item = model._default_manager.filter(pk=object_id).first() if model else None
    return str(item) if item is not None else ""


def recognition(person: Any, archive: Archive) -> dict[str, Any]:
    received = Thanks.objects.none()
    for kind in Thanks.Kind.values:
        received |= Thanks.objects.filter(
            kind=kind, object_id__in=recognition_rules.thanked_items_of(person, kind)
        )
    attestations = []
    for a in Attestation.objects.filter(person=person):
        attestations.append(
            {
                **_fields(a, ATTESTATION_FIELDS),
                "verification_code": a.code,
                "file": archive.add_stored("attestations", a, "pdf")
                if a.revoked_at is None
                else None,
            }
        )
    return {
        "thanks_given": [
            {
                "kind": t.kind,
                "for": _thanked_item(t.kind, t.object_id),
                "message": t.message,
                "created_at": t.created_at,
            }
            for t in Thanks.objects.filter(giver=person)
        ],
        "thanks_received": [
            {
                "kind": t.kind,
                "for": _thanked_item(t.kind, t.object_id),
                "from": str(t.giver),
                "message": t.message,
                "created_at": t.created_at,
            }
            for t in received.select_related("giver").order_by("created_at", "pk")
        ],
        "featured": [
            _fields(f, "reason starts_on ends_on ended_at")
            for f in Feature.objects.filter(person=person)
        ],
        "attestations": attestations,
    }


def _quiz_answers(attempt: QuizAttempt) -> list[dict[str, Any]]:
    """Each question of the attempt with the answer chosen and whether it was right."""
    answers = attempt.answers or {}
    questions = {
        q.pk: q
        for q in QuizQuestion.objects.filter(pk__in=[int(k) for k in answers if str(k).isdigit()])
    }
    options = {o.pk: o for o in QuizOption.objects.filter(question__in=list(questions))}
    rows = []
    for key, option_id in answers.items():
        question = questions.get(int(key)) if str(key).isdigit() else None
        option = options.get(int(option_id)) if str(option_id).isdigit() else None
        rows.append(
            {
                "question": question.text if question else None,
                "answer": option.text if option else None,
                "right": option.is_correct if option else None,
            }
        )
    return rows


def learning(person: Any, archive: Archive) -> dict[str, Any]:
    attended = (
        TrainingSession.objects.filter(
            workshop__sessions__attendance__person=person,
            workshop__sessions__attendance__present=True,
        )
        .distinct()
        .select_related("training", "workshop")
    )
    certificates = []
    for session in attended:
        row = {
            "training": session.training.title,
            "first_day": session.workshop.start_date,
            "last_day": session.workshop.end_date,
            "file": None,
        }
        try:
            from palabre.learning.certificates import (  # lazy: WeasyPrint is heavy
                certificate_filename,
                certificate_pdf,
            )

            content = certificate_pdf(session, person)
        except Exception:  # the archive still holds everything else; the row says so
            logger.exception("Certificate %s for person %s not rendered", session.pk, person.pk)
        else:
            row["file"] = archive.add_file(
                "certificates", session.pk, certificate_filename(session), _bytes_opener(content)
            )
        certificates.append(row)
    materials = TrainingMaterial.objects.filter(uploaded_by=person).select_related("training")
    return {
        "trainings_given": [
            {"title": t.title, "status": t.status, "address": _url(t)}
            for t in Training.objects.filter(trainers=person)
        ],
        "trainings_created": [
            {"title": t.title, "status": t.status, "created_at": t.created_at}
            for t in Training.objects.filter(created_by=person)
        ],
        "wishes_to_learn": [
            {
                "practice": w.practice.title if w.practice else None,
                "theme": w.theme.name if w.theme else None,
                "note": w.note,
                "created_at": w.created_at,
            }
            for w in LearningWish.objects.filter(person=person).select_related("practice", "theme")
        ],
        "quiz_results": [
            {
                "training": a.session.training.title,
                "session_first_day": a.session.workshop.start_date,
                "moment": a.moment,
                "score": a.score,
                "out_of": a.out_of,
                "created_at": a.created_at,
                "answers": _quiz_answers(a),
            }
            for a in QuizAttempt.objects.filter(person=person).select_related(
                "session__training", "session__workshop"
            )
        ],
        "follow_ups": [
            {
                "training": f.session.training.title,
                **_fields(f, "due_on asked_at answered_at applied note"),
            }
            for f in FollowUp.objects.filter(person=person).select_related("session__training")
        ],
        "certificates": certificates,
        "materials_uploaded": [
            {
                "training": m.training.title,
                "name": m.original_name,
                "uploaded_at": m.created_at,
                "file": archive.add_stored("trainings", m),
            }
            for m in materials
        ],
    }


def _bytes_opener(content: bytes) -> Callable[[], IO[bytes]]:
    return lambda: io.BytesIO(content)


def notifications(person: Any) -> dict[str, Any]:
    return {
        "notifications": [
            _fields(n, "kind title body url created_at read_at email_state")
            for n in Notification.objects.filter(recipient=person)
        ],
        "choices": [
            _fields(p, "kind delivery updated_at")
            for p in NotificationPreference.objects.filter(user=person).order_by("kind")
        ],
    }


# Never in an archive, even when a model grows a field: what opens an account or a token.
SECRET_FIELDS = re.compile(r"hash|secret|key|password|token|code", re.IGNORECASE)


def _public_fields(obj: Model, *, skip: set[str]) -> dict[str, Any]:
    return {
        f.name: getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if f.name not in skip and not SECRET_FIELDS.search(f.name)
    }


def api_tokens(person: Any) -> dict[str, Any]:
    return {
        "tokens": [
            {**_public_fields(t, skip={"id", "user"}), "starts_with": t.prefix}
            for t in ApiToken.objects.filter(user=person)
        ]
    }


def security(person: Any) -> dict[str, Any]:
    email = person.email
    about_me = AuditEvent.objects.filter(
        target_type=person._meta.label_lower, target_id=str(person.pk)
    ).select_related("actor")
    sessions = [
        s.expire_date
        for s in Session.objects.filter(expire_date__gt=timezone.now())
        if s.get_decoded().get("_auth_user_id") == str(person.pk)
    ]
    return {
        "last_login": person.last_login,
        "logins": [
            _fields(entry, "attempt_time logout_time ip_address user_agent")
            for entry in AccessLog.objects.filter(username__iexact=email).order_by("-attempt_time")
        ],
        # When someone typed a wrong password for this account (where from is left out:
        # it may be someone else's connection).
        "failed_logins": [
            _fields(entry, "attempt_time locked_out")
            for entry in AccessFailureLog.objects.filter(username__iexact=email).order_by(
                "-attempt_time"
            )
        ],
        "open_sessions_expire_at": sorted(sessions),
        "browsers_signed_in": [
            _fields(s, "created_at last_seen_at device address")
            for s in UserSession.objects.filter(user=person)
        ],
        # Two-step login: which devices, never their keys or the recovery codes.
        "two_step_login": [
            {
                "kind": "authenticator app",
                **_fields(d, "name confirmed created_at last_used_at"),
            }
            for d in TOTPDevice.objects.filter(user=person)
        ]
        + [
            {
                "kind": "recovery codes",
                **_fields(d, "name confirmed created_at last_used_at"),
                "codes_left": StaticToken.objects.filter(device=d).count(),
            }
            for d in StaticDevice.objects.filter(user=person)
        ],
        "changes_to_my_account": [
            {
                "action": e.action,
                "by": str(e.actor) if e.actor else None,
                "at": e.created_at,
                "details": e.data,
            }
            for e in about_me
        ],
        # What I did, without the details (they may be about other people).
        "my_actions": [
            {"action": e.action, "on": f"{e.target_type} {e.target_id}", "at": e.created_at}
            for e in AuditEvent.objects.filter(actor=person)
        ],
        "erasure_requests": [
            _fields(r, "created_at status reason decided_at refusal_reason")
            for r in ErasureRequest.objects.filter(person=person)
        ],
        "archives_asked": [
            _fields(d, "created_at status built_at expires_at downloaded_at")
            for d in DataExport.objects.filter(person=person)
        ],
    }


# Assembling ------------------------------------------------------------------------


def collect(person: Any) -> Archive:
    """Everything about ``person``: one area per JSON file, and their files."""
    archive = Archive()
    archive.areas = {
        "account": account(person),
        "memberships": memberships(person),
        "practices": practices(person, archive),
        "workshops": workshops(person, archive),
        "discussions": discussions(person),
        "adoptions": adoptions(person),
        "recognition": recognition(person, archive),
        "learning": learning(person, archive),
        "notifications": notifications(person),
        "api_tokens": api_tokens(person),
        "security": security(person),
    }
    for app, module in personal_data_modules():
        # An app with an area of its own above (recognition) adds to it.
        archive.areas.setdefault(app, {}).update(module.export(person))
    return archive


# The apps that say themselves what they hold about a person (``<app>.personal_data``:
# ``export(person)`` for the archive, ``erase(person)`` for erasure).
PERSONAL_DATA_APPS = (
    "recognition", "resources", "announcements", "meetings", "projects", "newsletter", "feeds",
)  # fmt: skip


def personal_data_modules() -> list[tuple[str, Any]]:
    found = []
    for app in PERSONAL_DATA_APPS:
        try:
            found.append((app, importlib.import_module(f"palabre.{app}.personal_data")))
        except ModuleNotFoundError as error:
            if error.name != f"palabre.{app}.personal_data":
                raise
    return found


def _info(path: str, moment: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(path, date_time=moment.timetuple()[:6])
    extension = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    info.compress_type = (
        zipfile.ZIP_STORED if extension in STORED_EXTENSIONS else zipfile.ZIP_DEFLATED
    )
    return info


def write_zip(*, person: Any, archive: Archive, language: str, out: IO[bytes]) -> None:
    """Write the archive: README.txt in the person's language, one JSON file per area, and
    the files, copied piece by piece (a person with many photos never fills the memory)."""
    moment = timezone.localtime()
    with zipfile.ZipFile(out, "w", allowZip64=True) as zf:
        with translation.override(language):
            readme = render_to_string(
                "privacy/README.txt",
                {
                    "person": person,
                    "made_at": moment,
                    "areas": list(archive.areas),
                    "file_count": len(archive.files),
                },
            )
        zf.writestr(_info("README.txt", moment), readme.replace("\n", "\r\n"))
        for name, data in archive.areas.items():
            text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
            zf.writestr(_info(f"{name}.json", moment), text)
        for path, opener in archive.files.items():
            with opener() as source, zf.open(_info(path, moment), "w", force_zip64=True) as target:
                shutil.copyfileobj(source, target, 1024 * 1024)
