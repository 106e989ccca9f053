"""Who may see, write, review and follow internal trainings, their sessions, quizzes and
the training needs.

- Trainings follow the practices' rule: a published training is seen according to its
  visibility (an organisation-only one by the members of its organisation); drafts and
  submitted ones by their editors — its trainers, the org admins of its organisation and
  facilitators. Only facilitators publish.
- A training session is its workshop (of the kind "training session"): seen, joined and
  attended by the workshops' rules, and only while its training may be seen.
- A quiz attempt is its person's; trainers of the training and facilitators see the
  results in aggregate only (no one else's answers).
- The training needs page is for facilitators (the whole network) and org admins (their
  organisations).

Access: ``training_for(user, pk)``, ``training_editable_for``, ``session_for(user, pk)``,
``follow_up_for(user, pk)`` fetch for a person or raise 404; ``trainings_visible_to``,
``trainings_openable_by``, ``sessions_visible_to`` are the querysets.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from palabre.learning.models import FollowUp, QuizAttempt, Training, TrainingSession
from palabre.lib.visibility import Visibility
from palabre.permissions import (
    admin_org_ids,
    can_see,
    is_facilitator,
    is_member,
    object_or_404,
    or_404,
    org_ids,
    related_ids,
)
from palabre.permissions import workshops as workshop_rules

PUBLISHED = Training.Status.PUBLISHED


# Trainings ---------------------------------------------------------------------


def trainings_visible_to(
    user: Any, queryset: QuerySet[Training] | None = None
) -> QuerySet[Training]:
    """Published trainings this person may read: the catalogue, search, API and exports."""
    qs = (queryset if queryset is not None else Training.objects.all()).filter(status=PUBLISHED)
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.filter(visibility=Visibility.PUBLIC)
    return qs.filter(
        Q(visibility__in=[Visibility.PUBLIC, Visibility.NETWORK])
        | Q(organisation__in=org_ids(user))
    )


def trainings_edited_by(user: Any) -> QuerySet[Training]:
    """Trainings the person gives or looks after (as a trainer, or an org admin)."""
    if not is_member(user):
        return Training.objects.none()
    return Training.objects.filter(
        Q(trainers=user) | Q(organisation__in=admin_org_ids(user))
    ).distinct()


def trainings_openable_by(user: Any) -> QuerySet[Training]:
    """Every training this person may open: published ones they may read, plus those they
    may edit (everything for facilitators)."""
    if is_facilitator(user):
        return Training.objects.all()
    readable = trainings_visible_to(user).values("pk")
    if not is_member(user):
        return Training.objects.filter(pk__in=readable)
    return Training.objects.filter(
        Q(pk__in=readable) | Q(pk__in=trainings_edited_by(user).values("pk"))
    )


def is_trainer(user: Any, training: Training) -> bool:
    return is_member(user) and user.pk in related_ids(training, "trainers")


def can_edit(user: Any, training: Training) -> bool:
    if not is_member(user):
        return False
    return (
        is_facilitator(user)
        or training.organisation_id in admin_org_ids(user)
        or is_trainer(user, training)
    )


def can_view_training(user: Any, training: Training) -> bool:
    if training.status == PUBLISHED and can_see(
        user, visibility=training.visibility, organisation_ids={training.organisation_id}
    ):
        return True
    return can_edit(user, training)


def can_create(user: Any) -> bool:
    """Members of an organisation (and facilitators) write trainings for it."""
    return is_member(user) and bool(org_ids(user) or is_facilitator(user))


def can_review(user: Any, training: Training | None = None) -> bool:
    return is_facilitator(user)


def can_see_results(user: Any, training: Training) -> bool:
    """Quiz results in aggregate, participants' exports: the trainers and facilitators."""
    return is_facilitator(user) or is_trainer(user, training)


def training_for(user: Any, pk: Any, *, queryset: QuerySet[Training] | None = None) -> Training:
    """The training if this person may open it; otherwise 404, as if it did not exist."""
    training = object_or_404(
        queryset if queryset is not None else Training.objects.select_related("organisation"), pk
    )
    return or_404(training, can_view_training(user, training))


def training_editable_for(user: Any, pk: Any) -> Training:
    training = training_for(user, pk)
    return or_404(training, can_edit(user, training))


# Sessions ----------------------------------------------------------------------


def sessions_visible_to(
    user: Any, queryset: QuerySet[TrainingSession] | None = None
) -> QuerySet[TrainingSession]:
    """Sessions whose workshop and training this person may both see."""
    qs = queryset if queryset is not None else TrainingSession.objects.all()
    return qs.filter(
        workshop__in=workshop_rules.workshops_visible_to(user).values("pk"),
        training__in=trainings_openable_by(user).values("pk"),
    )


def can_view_session(user: Any, session: TrainingSession) -> bool:
    return workshop_rules.can_view_workshop(user, session.workshop) and can_view_training(
        user, session.training
    )


def session_for(user: Any, pk: Any) -> TrainingSession:
    session = object_or_404(
        TrainingSession.objects.select_related("training__organisation", "workshop"), pk
    )
    return or_404(session, can_view_session(user, session))


def can_run_session(user: Any, session: TrainingSession) -> bool:
    """Trainers of the training and whoever runs its workshop."""
    return is_trainer(user, session.training) or workshop_rules.can_run(user, session.workshop)


# Quiz and follow-up --------------------------------------------------------------


def attempts_visible_to(user: Any) -> QuerySet[QuizAttempt]:
    """A person's own quiz attempts (others see aggregates only)."""
    if not is_member(user):
        return QuizAttempt.objects.none()
    return QuizAttempt.objects.filter(person=user)


def follow_up_for(user: Any, pk: Any) -> FollowUp:
    """A follow-up question asked to this person; nobody else's."""
    if not is_member(user):
        raise Http404
    return object_or_404(
        FollowUp.objects.select_related("session__training", "session__workshop").filter(
            person=user
        ),
        pk,
    )


# Needs -------------------------------------------------------------------------


def can_see_needs(user: Any) -> bool:
    """Facilitators (the whole network) and org admins (their organisations)."""
    return is_facilitator(user) or bool(admin_org_ids(user))


def can_view(user: Any, obj: Any) -> bool:
    """The generic answer for this app's objects (notifications ask it)."""
    if isinstance(obj, Training):
        return can_view_training(user, obj)
    if isinstance(obj, TrainingSession):
        return can_view_session(user, obj)
    if isinstance(obj, QuizAttempt | FollowUp):
        return is_member(user) and obj.person_id == user.pk
    return is_member(user)


# More rules, by area (each area's author adds below its own line) ------------------

# -- needs --

from palabre.organisations.models import Organisation  # noqa: E402 - the needs' own rules


def needs_organisations(user: Any) -> QuerySet[Organisation]:
    """Organisations whose training needs this person may read on their own: any for
    facilitators, those they administer for org admins, none for anyone else."""
    if is_facilitator(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=admin_org_ids(user))


def needs_organisation_for(user: Any, slug: Any) -> Organisation:
    """An organisation whose needs this person may read (see ``needs_organisations``),
    by its short address; otherwise 404."""
    if not can_see_needs(user):
        raise Http404
    organisation = needs_organisations(user).filter(slug=str(slug or "")).first()
    if organisation is None:
        raise Http404
    return organisation


def can_decide_need(user: Any, organisation: Organisation | None) -> bool:
    """Mark a theme's need as covered or turned into a training: facilitators for the
    network (or any organisation), org admins for an organisation they administer only."""
    if is_facilitator(user):
        return True
    return organisation is not None and organisation.pk in admin_org_ids(user)


def can_wish(user: Any) -> bool:
    """Saying "I want to learn this" is for members of the network."""
    return is_member(user)


# -- trainings --


def material_for(user: Any, training: Training, pk: Any) -> Any:
    """A material of a training the person could open (``training_for`` first)."""
    material = object_or_404(training.materials.all(), pk)
    material.training = training
    return material


def can_see_guide(user: Any, training: Training) -> bool:
    """The facilitator's guide is for the training's editors and trainers only."""
    return can_edit(user, training)


# -- quiz --

from palabre.learning.models import QuizQuestion  # noqa: E402 - the quiz's own rules


def can_take_quiz(user: Any, session: TrainingSession) -> bool:
    """A session's quiz is answered by the people whose registration to its workshop is
    confirmed (nobody else: not the waiting list, not visitors of the page, not its trainers)."""
    return (
        is_member(user)
        and workshop_rules.is_confirmed_participant(user, session.workshop)
        and not is_trainer(user, session.training)
    )


def can_see_quiz_results(user: Any, session: TrainingSession) -> bool:
    """A session's quiz results in aggregate (never one person's answers): the training's
    trainers, facilitators and whoever runs the session's workshop."""
    return is_member(user) and (
        can_see_results(user, session.training) or can_run_session(user, session)
    )


def quiz_results_for(user: Any, pk: Any) -> TrainingSession:
    """The session if this person may read its quiz results; otherwise 404."""
    session = session_for(user, pk)
    return or_404(session, can_see_quiz_results(user, session))


def quiz_question_editable_for(user: Any, training_pk: Any, pk: Any) -> QuizQuestion:
    """A question of a training's quiz, for one of the training's editors; otherwise 404.
    The question comes with its training (``question.training``) already read."""
    training = training_editable_for(user, training_pk)
    question: QuizQuestion = object_or_404(training.questions.all(), pk)
    question.training = training
    return question


# -- sessions --


def can_schedule_session(user: Any, training: Training) -> bool:
    """Schedule a session of a published training: its editors (its trainers, the org
    admins of its organisation) and facilitators. The workshop it makes is created by the
    learning service, so exchange workshops keep their own rule (facilitators only)."""
    return training.status == PUBLISHED and can_edit(user, training)


def has_attended(user: Any, session: TrainingSession) -> bool:
    """Marked present at one of the session's times at least (workshops' attendance)."""
    if not is_member(user):
        return False
    return session.workshop.sessions.filter(
        attendance__person=user, attendance__present=True
    ).exists()


def certificate_session_for(user: Any, pk: Any) -> TrainingSession:
    """The session whose certificate of participation this person may download: one they
    may see and attended; 404 for anyone else, as if it did not exist."""
    session = session_for(user, pk)
    return or_404(session, has_attended(user, session))


def session_results_for(user: Any, pk: Any) -> TrainingSession:
    """A session whose participants and results this person may export: its trainers,
    whoever runs its workshop, facilitators; 404 for anyone else."""
    session = session_for(user, pk)
    return or_404(
        session, can_see_results(user, session.training) or can_run_session(user, session)
    )


# -- follow-up --
