"""The world the route matrix (test_route_matrix.py) sends its requests into.

Two organisations (A, whose people hold every role, and B, "another organisation"),
a third one (C) that only adopts, the people in every role, and objects of every kind
in every visibility and status that matters to the rule: practices and their
attachments and revisions, workshops with their sessions, registrations, restitutions,
photos and actions, threads and answers in every kind of space, adoptions, feedback,
indicators and measurements, thanks, featured items, attestations, trainings with their
materials, quizzes, sessions and follow-ups, notifications and invitations.

Built once per test module, with the ORM (services where they are simpler), inside a
transaction the module rolls back at the end. Each object carries ``matrix_label``: what
a failure message says about it ("practice published/organisation").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from conftest import FULL_FICHE, ensure_thesaurus, make_person
from palabre.lib.images import make_variants

# The roles every route is requested as, in this order (None: an anonymous visitor).
ROLES = (
    "anonymous",
    "author",
    "volunteer",
    "org_admin",
    "outsider",
    "facilitator",
    "network_admin",
)

VISIBILITIES = ("organisation", "network", "public")

# A 1 × 1 JPEG: what previews and photos hold (only served, never decoded here).
JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00C\x00"
    + bytes(range(1, 65))
    + b"\xff\xc0\x00\x0b\x08\x00\x01\x00\x01\x01\x01\x11\x00\xff\xc4\x00\x14\x00\x01"
    + b"\x00" * 15
    + b"\x09\xff\xda\x00\x08\x01\x01\x00\x00?\x00\xd2\xcf \xff\xd9"
)


SAMPLE_PRACTICES = (
    "draft/public",
    "submitted/organisation",
    "published/organisation",
    "published/network",
    "published/public",
    "archived/public",
)
SAMPLE_WORKSHOPS = (
    "draft/public",
    "published/organisation",
    "published/public",
    "cancelled/network",
)
SAMPLE_TRAININGS = (
    "draft/organisation",
    "submitted/network",
    "published/organisation",
    "published/public",
    "archived/public",
)
SHOWN_WORKSHOPS = ("published/organisation", "published/public")
SAMPLE_SESSIONS = {
    "group_work": ("draft/public", "published/organisation", "published/public"),
    "presentation": ("published/network",),
    "plenary": ("cancelled/organisation",),
}
# Changes that lead from one status to another: a status that hides, the three
# visibilities of what is shown, the status kept for editors only.
SAMPLE_TRANSITIONS = (
    "draft/public",
    "submitted/organisation",
    "published/organisation",
    "published/public",
    "archived/public",
)


def labelled(obj: Any, label: str) -> Any:
    obj.matrix_label = label
    return obj


@dataclass
class World:
    people: dict[str, Any]
    orgs: dict[str, Any]
    theme: Any
    tokens: dict[str, str] = field(default_factory=dict)
    practices: list[Any] = field(default_factory=list)
    practice_b: Any = None  # a published, organisation-only practice of B
    attachments: list[Any] = field(default_factory=list)
    workshops: list[Any] = field(default_factory=list)
    sessions: list[Any] = field(default_factory=list)  # agenda slots of some workshops
    registrations: list[Any] = field(default_factory=list)
    photos: list[Any] = field(default_factory=list)
    actions: list[Any] = field(default_factory=list)
    tool: Any = None
    threads: list[Any] = field(default_factory=list)
    answers: list[Any] = field(default_factory=list)
    adoptions: list[Any] = field(default_factory=list)
    reports: list[Any] = field(default_factory=list)
    indicators: list[Any] = field(default_factory=list)
    measurements: list[Any] = field(default_factory=list)
    thanks_items: list[tuple[str, Any]] = field(default_factory=list)
    features: list[Any] = field(default_factory=list)
    attestations: list[Any] = field(default_factory=list)
    trainings: list[Any] = field(default_factory=list)
    materials: list[Any] = field(default_factory=list)
    questions: list[Any] = field(default_factory=list)
    training_sessions: list[Any] = field(default_factory=list)
    follow_ups: list[Any] = field(default_factory=list)
    notifications: list[Any] = field(default_factory=list)
    memberships: list[Any] = field(default_factory=list)
    invitations: list[Any] = field(default_factory=list)
    invitation_tokens: dict[str, str] = field(default_factory=dict)
    unsubscribe_token: str = ""
    browser_sessions: list[Any] = field(default_factory=list)
    data_exports: list[Any] = field(default_factory=list)
    erasure_requests: list[Any] = field(default_factory=list)
    # Objects of the apps whose declarations live in matrix_apps/, by app.
    extra: dict[str, Any] = field(default_factory=dict)

    def person(self, role: str) -> Any:
        return self.people[role]

    # Samples: every status and every visibility at least once (a status that hides the
    # object whatever its visibility, in a visibility that would show it), for the routes
    # of one kind beside the main page, which gets every combination (a practice's
    # "changes requested" is judged as its draft: it is in the full set only).

    def practice_sample(self) -> list[Any]:
        return [self.by_label(self.practices, f"practice {s}") for s in SAMPLE_PRACTICES]

    def transition_sample(self) -> list[Any]:
        return [self.by_label(self.practices, f"practice {s}") for s in SAMPLE_TRANSITIONS]

    def training_sample(self) -> list[Any]:
        return [self.by_label(self.trainings, f"training {s}") for s in SAMPLE_TRAININGS]

    def attachment_sample(self) -> list[Any]:
        chosen = {p.pk for p in self.practice_sample()}
        return [a for a in self.attachments if a.practice_id in chosen]

    def workshop_sample(self) -> list[Any]:
        return [self.by_label(self.workshops, f"workshop {s}") for s in SAMPLE_WORKSHOPS]

    def session_sample(self) -> list[Any]:
        return [
            s
            for s in self.sessions
            if s.matrix_label.split(" session of workshop ")[1] in SAMPLE_SESSIONS.get(s.kind, ())
        ]

    def in_sample(self, items: list[Any], *, shown: bool = False) -> list[Any]:
        """Those of ``items`` (registrations, photos, actions) in the sampled workshops
        (``shown``: only the published ones and a draft)."""
        chosen = {
            w.pk
            for w in self.workshop_sample()
            if not shown or w.matrix_label.split()[1] in ("draft/public", *SHOWN_WORKSHOPS)
        }

        def workshop_id(item: Any) -> int:
            if hasattr(item, "restitution"):
                return int(item.restitution.session.workshop_id)
            return int(item.workshop_id)

        return [item for item in items if workshop_id(item) in chosen]

    def by_label(self, items: list[Any], label: str) -> Any:
        return next(item for item in items if item.matrix_label == label)


def _organisation(name: str, acronym: str, slug: str, country: str) -> Any:
    from palabre.organisations.models import Organisation

    return Organisation.objects.create(
        name=name, acronym=acronym, slug=slug, kind="ngo", country=country, city="Ville"
    )


def _file(record: Any, name: str, content: bytes, *, preview: bool = False) -> Any:
    record.file.save(name, ContentFile(content), save=False)
    if preview:
        record.preview.save("preview.jpg", ContentFile(JPEG), save=False)
        make_variants(record.preview)  # its WebP copies, as the worker makes them
    record.original_name = name
    record.size = len(content)
    record.save()
    return record


def build_world() -> World:
    from palabre.accounts.services import api_token_create

    ensure_thesaurus()
    from palabre.themes.models import Theme

    org_a = _organisation("Association pour le Développement de Bafut", "ADB", "adb", "CM")
    org_b = _organisation("Association Tchadienne pour l'Eau", "ATE", "ate", "TD")
    org_c = _organisation("Jeunesse Solidaire de Brazzaville", "JSB", "jsb", "CG")
    people = {
        "anonymous": None,
        "author": make_person("author@adb.example", "Awa Author", organisation=org_a),
        "volunteer": make_person(
            "volunteer@adb.example", "Vera Volunteer", organisation=org_a, role="volunteer"
        ),
        "org_admin": make_person(
            "admin@adb.example", "Odile Orgadmin", organisation=org_a, role="org_admin"
        ),
        "outsider": make_person("outsider@ate.example", "Oscar Outsider", organisation=org_b),
        "facilitator": make_person(
            "facilitator@palabre.example", "Fanta Facilitator", network_role="facilitator"
        ),
        "network_admin": make_person(
            "netadmin@palabre.example", "Nadia Netadmin", network_role="admin"
        ),
    }
    people["c_member"] = make_person("member@jsb.example", "Cécile Congo", organisation=org_c)
    world = World(
        people=people,
        orgs={"a": org_a, "b": org_b, "c": org_c},
        theme=Theme.objects.get(slug="epargne-microfinance"),
    )
    for role in ROLES[1:]:
        _token, secret = api_token_create(user=people[role], name="matrix")
        world.tokens[role] = secret
    # Who holds power uses two-step login (it is required of them): an authenticator app.
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for role in ("org_admin", "facilitator", "network_admin"):
        TOTPDevice.objects.create(user=people[role], name="matrix", confirmed=True)
    world.memberships = [
        labelled(m, f"membership of {m.user.email}") for m in org_a.memberships.all()
    ]
    _practices(world)
    _workshops(world)
    _discussions(world)
    _adoptions(world)
    _learning(world)
    _recognition(world)
    _notifications(world)
    _invitations(world)
    _accounts(world)
    from palabre.core.tests import matrix_apps

    for module in matrix_apps.modules():
        if hasattr(module, "build"):
            module.build(world)
    return world


# Practices ----------------------------------------------------------------------------

PRACTICE_STATES = [
    (status, visibility)
    for status in ("draft", "submitted", "changes_requested", "published", "archived")
    for visibility in VISIBILITIES
]


def _practice(world: World, author: Any, organisation: Any, status: str, visibility: str) -> Any:
    from palabre.practices.models import Attachment, Practice
    from palabre.practices.search import index_practice
    from palabre.practices.services import _record_revision

    now = timezone.now()
    shown = status in ("published", "archived")
    practice = Practice.objects.create(
        lead_organisation=organisation,
        status=status,
        visibility=visibility,
        created_by=author,
        contact=author,
        last_published_at=now if shown else None,
        published_at=now if shown else None,
        **{**FULL_FICHE, "title": f"Pratique {status} {visibility}"},
    )
    practice.authors.set([author])
    practice.themes.set([world.theme])
    if shown:
        _record_revision(practice, by=world.people["facilitator"], note="")
        _record_revision(practice, by=world.people["facilitator"], note="v2")
    index_practice(practice)
    attachment = Attachment(practice=practice, kind="document", content_type="text/plain")
    _file(attachment, "notes.txt", b"Notes de terrain", preview=True)
    world.attachments.append(labelled(attachment, f"attachment of practice {status}/{visibility}"))
    return labelled(practice, f"practice {status}/{visibility}")


def _practices(world: World) -> None:
    author = world.people["author"]
    for status, visibility in PRACTICE_STATES:
        world.practices.append(_practice(world, author, world.orgs["a"], status, visibility))
    world.practice_b = _practice(
        world, world.people["outsider"], world.orgs["b"], "published", "organisation"
    )
    world.practice_b.matrix_label = "practice of B published/organisation"
    world.attachments.pop()


def published(world: World, visibility: str) -> Any:
    return world.by_label(world.practices, f"practice published/{visibility}")


# Workshops ----------------------------------------------------------------------------

WORKSHOP_STATES = [
    (status, visibility)
    for status in ("draft", "published", "cancelled")
    for visibility in VISIBILITIES
]


def _workshops(world: World) -> None:
    from palabre.workshops.models import (
        ActionUpdate,
        Attendance,
        CollectiveAction,
        FacilitationTool,
        Registration,
        Restitution,
        RestitutionPhoto,
        Session,
        Workshop,
    )

    p = world.people
    today = timezone.localdate()
    world.tool = labelled(FacilitationTool.objects.order_by("slug").first(), "toolbox tool")
    for status, visibility in WORKSHOP_STATES:
        workshop = Workshop.objects.create(
            title=f"Atelier {status} {visibility}",
            objectives="Partager nos expériences",
            start_date=today - timedelta(days=1),
            end_date=today + timedelta(days=1),
            venue="Salle paroissiale",
            city="Bafut",
            status=status,
            visibility=visibility,
            created_by=p["facilitator"],
            online_url="https://visio.example/atelier",
            report_introduction="Introduction",
            report_shared_at=timezone.now() if visibility != "organisation" else None,
        )
        workshop.organisers.set([world.orgs["a"]])
        labelled(workshop, f"workshop {status}/{visibility}")
        world.workshops.append(workshop)
        for person, role, organisation in (
            (p["author"], "participant", world.orgs["a"]),
            (p["volunteer"], "facilitator", world.orgs["a"]),
            (p["outsider"], "participant", world.orgs["b"]),
        ):
            registration = Registration.objects.create(
                workshop=workshop,
                person=person,
                role=role,
                organisation=organisation,
                registered_by=person,
            )
            world.registrations.append(
                labelled(registration, f"registration of {person.email} to {workshop.matrix_label}")
            )

        def at(hour: int, w: Any = workshop) -> Any:
            return w.at(today, time(hour, 0))

        group = Session.objects.create(
            workshop=workshop,
            kind="group_work",
            title="Carrefour",
            starts_at=at(9),
            ends_at=at(10),
            rapporteur=p["author"],
            theme=world.theme,
            tool=world.tool,
        )
        group.memberships.create(person=p["author"])
        group.memberships.create(person=p["outsider"])
        presentation = Session.objects.create(
            workshop=workshop,
            kind="presentation",
            title="Présentation",
            starts_at=at(10),
            ends_at=at(11),
            presenter=p["author"],
            presented_practice=published(world, "network"),
        )
        plenary = Session.objects.create(
            workshop=workshop, kind="plenary", title="Plénière", starts_at=at(11), ends_at=at(12)
        )
        Attendance.objects.create(session=plenary, person=p["author"], marked_by=p["facilitator"])
        for session, state in ((group, "draft"), (presentation, "final")):
            restitution = Restitution.objects.create(
                session=session,
                key_learnings="Ce que nous avons appris",
                status=state,
                written_by=p["author"],
                finalised_at=timezone.now() if state == "final" else None,
            )
            photo = RestitutionPhoto(restitution=restitution, content_type="image/jpeg")
            _file(photo, "tableau.jpg", JPEG, preview=True)
            world.photos.append(
                labelled(photo, f"photo of a {state} restitution in {workshop.matrix_label}")
            )
        for session in (group, presentation, plenary):
            world.sessions.append(
                labelled(session, f"{session.kind} session of {workshop.matrix_label}")
            )
        action = CollectiveAction.objects.create(
            workshop=workshop,
            session=group,
            title="Former les gérants",
            owner_person=p["author"],
            owner_organisation=world.orgs["a"],
            due_date=today + timedelta(days=30),
            created_by=p["facilitator"],
        )
        ActionUpdate.objects.create(action=action, author=p["author"], status="planned")
        world.actions.append(labelled(action, f"action of {workshop.matrix_label}"))


def workshop(world: World, status: str, visibility: str) -> Any:
    return world.by_label(world.workshops, f"workshop {status}/{visibility}")


# Discussions --------------------------------------------------------------------------


def _discussions(world: World) -> None:
    from palabre.discussions.models import Answer, Space, Subscription, Thread

    p = world.people
    now = timezone.now()
    spaces = [
        (Space.objects.create(kind="practice", practice=published(world, v)), f"practice {v}")
        for v in VISIBILITIES
    ]
    spaces.append((Space.objects.create(kind="theme", theme=world.theme), "theme"))
    for status, visibility in (("published", "organisation"), ("published", "network")):
        spaces.append(
            (
                Space.objects.create(
                    kind="workshop", object_id=workshop(world, status, visibility).pk
                ),
                f"workshop {visibility}",
            )
        )
    for space, name in spaces:
        thread = Thread.objects.create(
            space=space,
            kind="question",
            title=f"Question ({name})",
            body="Comment choisir les gérants ?",
            author=p["author"],
        )
        world.threads.append(labelled(thread, f"thread in the {name} space"))
        answerer = p["outsider"] if "organisation" not in name else p["org_admin"]
        answer = Answer.objects.create(thread=thread, author=answerer, body="Par élection.")
        world.answers.append(labelled(answer, f"answer in the {name} space"))
    theme_space = spaces[3][0]
    hidden = Thread.objects.create(
        space=theme_space,
        kind="discussion",
        title="Un message masqué",
        body="Hors sujet",
        author=p["author"],
        hidden_at=now,
        hidden_by=p["facilitator"],
        hidden_reason="Hors sujet",
    )
    world.threads.append(labelled(hidden, "thread hidden by a facilitator"))
    theme_thread = world.by_label(world.threads, "thread in the theme space")
    hidden_answer = Answer.objects.create(
        thread=theme_thread,
        author=p["outsider"],
        body="Publicité",
        hidden_at=now,
        hidden_by=p["outsider"],
        hidden_reason="Erreur",
    )
    world.answers.append(labelled(hidden_answer, "answer hidden by its author"))
    Subscription.objects.create(user=p["author"], kind="theme", theme=world.theme)


# Adoptions ----------------------------------------------------------------------------


def _adoptions(world: World) -> None:
    from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement

    p = world.people
    today = timezone.localdate()
    cases = [
        (published(world, "network"), world.orgs["b"], p["outsider"], "of a network practice by B"),
        (published(world, "organisation"), world.orgs["c"], p["c_member"], "of an org-only practice by C"),
        (world.practice_b, world.orgs["a"], p["volunteer"], "of B's org-only practice by A"),
    ]  # fmt: skip
    for practice, organisation, by, label in cases:
        adoption = Adoption.objects.create(
            practice=practice,
            organisation=organisation,
            status="in_progress",
            started_on=today - timedelta(days=200),
            country=organisation.country,
            created_by=by,
            contact=by,
        )
        world.adoptions.append(labelled(adoption, f"adoption {label}"))
        for visibility in ("network", "organisation"):
            report = FeedbackReport.objects.create(
                adoption=adoption,
                reported_on=today,
                effectiveness=4,
                would_recommend=True,
                status_at_report="in_progress",
                results="Ça a marché.",
                visibility=visibility,
                created_by=by,
            )
            world.reports.append(labelled(report, f"{visibility} feedback on adoption {label}"))
    for organisation, by in ((world.orgs["a"], p["author"]), (world.orgs["b"], p["outsider"])):
        indicator = Indicator.objects.create(
            organisation=organisation,
            name="Ménages avec latrines",
            unit="%",
            value_type="percentage",
            direction="increase",
            baseline_value=35,
            baseline_date=today - timedelta(days=400),
            target_value=80,
            target_date=today + timedelta(days=400),
            created_by=by,
        )
        world.indicators.append(labelled(indicator, f"indicator of {organisation.slug}"))
        measurement = Measurement.objects.create(
            indicator=indicator, measured_on=today, value=50, entered_by=by
        )
        world.measurements.append(labelled(measurement, f"measurement of {organisation.slug}"))


# Learning -----------------------------------------------------------------------------

TRAINING_STATES = [
    ("draft", "organisation"),
    ("draft", "public"),
    ("submitted", "network"),
    ("published", "organisation"),
    ("published", "network"),
    ("published", "public"),
    ("archived", "public"),
]


def _learning(world: World) -> None:
    from palabre.learning.models import (
        FollowUp,
        LearningWish,
        QuizAttempt,
        QuizOption,
        QuizQuestion,
        Training,
        TrainingMaterial,
        TrainingPractice,
    )
    from palabre.learning.services.sessions import session_create
    from palabre.workshops.models import Attendance, Registration

    p = world.people
    today = timezone.localdate()
    for status, visibility in TRAINING_STATES:
        training = Training.objects.create(
            title=f"Formation {status} {visibility}",
            objectives="Savoir stocker",
            visibility=visibility,
            organisation=world.orgs["a"],
            content="## Étapes",
            facilitator_guide="Guide",
            status="published" if status == "archived" else status,
            created_by=p["author"],
            published_at=timezone.now() if status in ("published", "archived") else None,
        )
        training.trainers.set([p["author"]])
        training.themes.set([world.theme])
        TrainingPractice.objects.create(training=training, practice=published(world, "public"))
        labelled(training, f"training {status}/{visibility}")
        world.trainings.append(training)
        material = TrainingMaterial(training=training, content_type="text/plain")
        _file(material, "support.txt", b"Support de formation")
        world.materials.append(labelled(material, f"material of {training.matrix_label}"))
        question = QuizQuestion.objects.create(
            training=training, text="Où construire le magasin ?", explanation="Sur une butte."
        )
        QuizOption.objects.create(question=question, text="Sur une butte", is_correct=True)
        QuizOption.objects.create(question=question, text="Au bord du fleuve", position=1)
        world.questions.append(labelled(question, f"quiz question of {training.matrix_label}"))
        if training.status != "published":
            continue
        session = session_create(
            training=training,
            by=p["facilitator"],
            start_date=today,
            end_date=today + timedelta(days=1),
            venue="Salle de formation",
            city="Bafut",
            visibility=visibility,
        )
        if status == "archived":
            Training.objects.filter(pk=training.pk).update(status="archived")
            training.status = "archived"
        workshop_ = session.workshop
        for person in (p["volunteer"], p["outsider"]):
            Registration.objects.get_or_create(
                workshop=workshop_,
                person=person,
                defaults={"organisation": person.memberships.first().organisation},
            )
        first = workshop_.sessions.order_by("starts_at").first()
        Attendance.objects.create(session=first, person=p["volunteer"], marked_by=p["author"])
        QuizAttempt.objects.create(
            session=session, person=p["volunteer"], moment="before", answers={}, score=0, out_of=1
        )
        follow_up = FollowUp.objects.create(
            session=session, person=p["volunteer"], due_on=today, asked_at=timezone.now()
        )
        world.follow_ups.append(labelled(follow_up, f"follow-up of {training.matrix_label}"))
        session.training = training
        world.training_sessions.append(labelled(session, f"session of {training.matrix_label}"))
    LearningWish.objects.create(person=p["volunteer"], practice=published(world, "network"))
    LearningWish.objects.create(person=p["outsider"], theme=world.theme)


# Recognition --------------------------------------------------------------------------


def _recognition(world: World) -> None:
    from palabre.recognition.models import Attestation, ContributorSettings, Feature, Thanks

    p = world.people
    today = timezone.localdate()
    ContributorSettings.objects.create(
        person=p["author"], page_visibility="public", show_email=True
    )
    ContributorSettings.objects.create(person=p["volunteer"], page_visibility="network")
    presentation = world.by_label(
        world.sessions, "presentation session of workshop published/network"
    )
    final = presentation.restitution
    draft = world.by_label(world.sessions, "group_work session of workshop published/network")
    world.thanks_items = [
        ("practice", published(world, "public")),
        ("practice", published(world, "organisation")),
        ("practice", world.by_label(world.practices, "practice draft/public")),
        ("answer", world.by_label(world.answers, "answer in the practice network space")),
        ("answer", world.by_label(world.answers, "answer hidden by its author")),
        ("presentation", presentation),
        ("restitution", final),
        ("restitution", draft.restitution),
        ("feedback", world.by_label(world.reports, "organisation feedback on adoption of a network practice by B")),
        ("feedback", world.by_label(world.reports, "network feedback on adoption of a network practice by B")),
    ]  # fmt: skip
    for kind, item in world.thanks_items:
        if not hasattr(item, "matrix_label"):
            labelled(item, f"restitution of {item.session.matrix_label}")
        Thanks.objects.create(giver=p["outsider"], kind=kind, object_id=item.pk, message="Merci !")
    cases = [
        ("practice", {"practice": published(world, "public")}, "a public practice"),
        ("practice", {"practice": published(world, "organisation")}, "an org-only practice"),
        ("person", {"person": p["author"]}, "a person"),
        ("organisation", {"organisation": world.orgs["a"]}, "an organisation"),
    ]
    for kind, item, label in cases:
        feature = Feature.objects.create(
            kind=kind,
            reason="Un bel exemple",
            starts_on=today - timedelta(days=1),
            ends_on=today + timedelta(days=7),
            featured_by=p["facilitator"],
            **item,
        )
        world.features.append(labelled(feature, f"feature of {label}"))
    for person, revoked in ((p["author"], False), (p["author"], True), (p["outsider"], False)):
        attestation = Attestation(
            person=person,
            period_start=today - timedelta(days=365),
            period_end=today,
            language="fr",
            status="ready",
            statement={},
            built_at=timezone.now(),
            revoked_at=timezone.now() if revoked else None,
        )
        attestation.pdf.save("attestation.pdf", ContentFile(b"%PDF-1.4 matrix"), save=False)
        attestation.save()
        state = "revoked" if revoked else "valid"
        world.attestations.append(labelled(attestation, f"{state} attestation of {person.email}"))


# Notifications and invitations --------------------------------------------------------


def _notifications(world: World) -> None:
    from palabre.notifications.models import Notification
    from palabre.notifications.services import unsubscribe_token

    for role in ("author", "outsider"):
        notification = Notification.objects.create(
            recipient=world.people[role],
            kind="discussions.answer",
            title="Nouvelle réponse",
            url=published(world, "organisation").get_absolute_url(),
        )
        world.notifications.append(labelled(notification, f"notification of {role}"))
    world.unsubscribe_token = unsubscribe_token(world.people["author"], "*")


def _invitations(world: World) -> None:
    from palabre.organisations.services import invitation_create

    invitation, token = invitation_create(
        organisation=world.orgs["a"],
        by=world.people["org_admin"],
        email="newcomer@example.org",
        role="member",
        message="",
        language="fr",
    )
    world.invitations.append(labelled(invitation, "pending invitation to A"))
    world.invitation_tokens["pending"] = token


# Accounts: other browsers, personal data --------------------------------------------


def _accounts(world: World) -> None:
    from django.conf import settings
    from django.test import Client

    from palabre.accounts.models import UserSession
    from palabre.privacy.models import DataExport, ErasureRequest

    for role in ("author", "outsider"):
        person = world.people[role]
        other = Client()  # the same person, logged in on another browser
        other.force_login(person, backend="palabre.accounts.backends.EmailBackend")
        key = other.cookies[settings.SESSION_COOKIE_NAME].value
        record, _created = UserSession.objects.get_or_create(
            session_key=key, defaults={"user": person, "device": "Autre navigateur"}
        )
        world.browser_sessions.append(labelled(record, f"another browser of {role}"))
        export = DataExport(
            person=person,
            status="ready",
            language="fr",
            built_at=timezone.now(),
            expires_at=timezone.now() + timedelta(days=7),
        )
        export.file.save("archive.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18), save=False)
        export.size = 22
        export.save()
        world.data_exports.append(labelled(export, f"data archive of {role}"))
    for role, status in (("volunteer", "pending"), ("outsider", "refused")):
        erasure = ErasureRequest.objects.create(
            person=world.people[role],
            status=status,
            decided_at=timezone.now() if status != "pending" else None,
            decided_by=world.people["network_admin"] if status != "pending" else None,
        )
        world.erasure_requests.append(labelled(erasure, f"{status} erasure request of {role}"))
