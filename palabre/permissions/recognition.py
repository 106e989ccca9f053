"""Who may thank, feature, see contributor pages and attestations.

- A "merci" goes on something a person shared — a published practice, a discussion
  answer, an experience presentation at a workshop, a final restitution, a feedback
  report — by a member who may see it and is not one of its authors. A thanks (and its
  message) is seen by whoever may see the thanked item, and counted only for them.
- Featured items are chosen by facilitators; each is shown to whoever may see the item
  (a practice by its own rule, a person by their contributor page's choice, an
  organisation to members of the network).
- A contributor page is seen by network members, and by everyone if its person chose
  so; each item on it still follows its own rule.
- An attestation is its person's: they request, read and revoke it. Its verification
  address (a secret code) is open to anyone, and shows only what it states.

Access: ``thanks_target_for(user, kind, pk)``, ``contributor_for(user, pk)``,
``feature_for(user, pk)``, ``attestation_for(user, pk)`` fetch for a person or raise 404;
``thanks_visible_to``, ``features_visible_to`` are the querysets.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from palabre.adoptions.models import FeedbackReport
from palabre.discussions.models import Answer
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import discussions as discussion_rules
from palabre.permissions import is_facilitator, is_member, object_or_404, or_404, related_ids
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices.models import Practice
from palabre.recognition.models import (
    Attestation,
    ContributorSettings,
    Feature,
    PresenterInvitation,
    Thanks,
    WorkshopLaunch,
)
from palabre.workshops.models import Registration, Restitution, Session, Workshop

Kind = Thanks.Kind

# What each kind of thanked item is, in the database.
THANKED_MODELS: dict[str, type[Model]] = {
    Kind.PRACTICE: Practice,
    Kind.ANSWER: Answer,
    Kind.PRESENTATION: Session,
    Kind.RESTITUTION: Restitution,
    Kind.FEEDBACK: FeedbackReport,
}


# Thanks ------------------------------------------------------------------------


def thanked_people_ids(kind: str, item: Any) -> set[int]:
    """Who a thanks on this item goes to: its authors, its presenter, its writer."""
    if kind == Kind.PRACTICE:
        return set(related_ids(item, "authors"))
    if kind == Kind.ANSWER:
        return {item.author_id} if item.author_id else set()
    if kind == Kind.PRESENTATION:
        return {item.presenter_id} if item.presenter_id else set()
    if kind == Kind.RESTITUTION:
        writer = item.written_by_id or item.session.rapporteur_id
        return {writer} if writer else set()
    if kind == Kind.FEEDBACK:
        return {item.created_by_id} if item.created_by_id else set()
    return set()


def can_see_thanked(user: Any, kind: str, item: Any) -> bool:
    """May this person see the item, as something that can be thanked (shared, final)?"""
    if kind == Kind.PRACTICE:
        return bool(item.status == Practice.Status.PUBLISHED) and practice_rules.can_view(
            user, item
        )
    if kind == Kind.ANSWER:
        return not item.is_hidden and discussion_rules.can_view(user, item)
    if kind == Kind.PRESENTATION:
        return bool(
            item.kind == Session.Kind.PRESENTATION
            and item.presenter_id
            and workshop_rules.can_view_workshop(user, item.workshop)
        )
    if kind == Kind.RESTITUTION:
        return bool(item.is_final) and workshop_rules.can_see_restitution(user, item)
    if kind == Kind.FEEDBACK:
        return adoption_rules.can_view_feedback(user, item)
    return False


def can_thank(user: Any, kind: str, item: Any) -> bool:
    """Members thank what they may see, never their own item."""
    if not is_member(user) or not can_see_thanked(user, kind, item):
        return False
    people = thanked_people_ids(kind, item)
    return bool(people) and user.pk not in people


def thanks_target_for(user: Any, kind: str, pk: Any) -> Any:
    """The item to thank (or whose thanks to list), if the person may see it; else 404."""
    model = THANKED_MODELS.get(kind)
    if model is None:
        raise Http404
    item = object_or_404(model._default_manager.all(), pk)
    return or_404(item, can_see_thanked(user, kind, item))


def _visible_ids(user: Any, kind: str) -> QuerySet[Any]:
    """The ids of the thankable items of one kind this person may see, as a subquery."""
    if kind == Kind.PRACTICE:
        return practice_rules.practices_visible_to(user).values("pk")
    if kind == Kind.ANSWER:
        return discussion_rules.answers_visible_to(user).filter(hidden_at__isnull=True).values("pk")
    workshops = workshop_rules.workshops_visible_to(user).values("pk")
    if kind == Kind.PRESENTATION:
        return Session.objects.filter(
            kind=Session.Kind.PRESENTATION, presenter__isnull=False, workshop__in=workshops
        ).values("pk")
    if kind == Kind.RESTITUTION:
        return Restitution.objects.filter(
            status=Restitution.Status.FINAL, session__workshop__in=workshops
        ).values("pk")
    return adoption_rules.feedback_visible_to(user).values("pk")


def thanks_visible_to(user: Any, queryset: QuerySet[Thanks] | None = None) -> QuerySet[Thanks]:
    """Thanks (and their messages) this person may see: those on items they may see."""
    qs = queryset if queryset is not None else Thanks.objects.all()
    if is_facilitator(user):
        return qs
    rule = Q()
    for kind in Kind.values:
        rule |= Q(kind=kind, object_id__in=_visible_ids(user, kind))
    return qs.filter(rule)


def can_withdraw(user: Any, thanks: Thanks) -> bool:
    return is_member(user) and thanks.giver_id == user.pk


# Featured items ------------------------------------------------------------------


def can_feature(user: Any) -> bool:
    return is_facilitator(user)


def features_visible_to(user: Any, queryset: QuerySet[Feature] | None = None) -> QuerySet[Feature]:
    """Featured items this person may see: each by the rule of what it features."""
    qs = queryset if queryset is not None else Feature.objects.all()
    if is_facilitator(user):
        return qs
    rule = Q(kind=Feature.Kind.PRACTICE, practice__in=practice_rules.practices_visible_to(user))
    rule |= Q(kind=Feature.Kind.PERSON, person__in=contributors_visible_to(user))
    if is_member(user):
        rule |= Q(kind=Feature.Kind.ORGANISATION)
    return qs.filter(rule)


def feature_for(user: Any, pk: Any) -> Feature:
    """A featured item a facilitator manages."""
    if not can_feature(user):
        raise Http404
    return object_or_404(Feature.objects.select_related("practice", "person", "organisation"), pk)


# Contributor pages -----------------------------------------------------------------


def contributors_visible_to(user: Any) -> QuerySet[Any]:
    """People whose contributor page this person may open."""
    people = get_user_model().objects.filter(is_active=True)
    if is_member(user):
        return people
    return people.filter(
        contributor_settings__page_visibility=ContributorSettings.PageVisibility.PUBLIC
    )


def can_view_contributor(user: Any, person: Any) -> bool:
    if not person.is_active:
        return False
    if is_member(user):
        return True
    settings = getattr(person, "contributor_settings", None)
    return bool(
        settings is not None
        and settings.page_visibility == ContributorSettings.PageVisibility.PUBLIC
    )


def contributor_for(user: Any, pk: Any) -> Any:
    """A person's contributor page, if this person may open it; otherwise 404."""
    person = object_or_404(get_user_model().objects.select_related("contributor_settings"), pk)
    return or_404(person, can_view_contributor(user, person))


def can_see_email(user: Any, person: Any) -> bool:
    """The address only for members, and only if the person chose to show it."""
    settings = getattr(person, "contributor_settings", None)
    return is_member(user) and settings is not None and settings.show_email


def can_use_directory(user: Any) -> bool:
    """ "Who can help me?" is for members of the network."""
    return is_member(user)


# Attestations ------------------------------------------------------------------


def attestation_for(user: Any, pk: Any) -> Attestation:
    """One of the person's own attestations; anyone else's answers 404."""
    if not is_member(user):
        raise Http404
    return object_or_404(Attestation.objects.filter(person=user), pk)


def attestation_by_code(code: str) -> Attestation | None:
    """The attestation a verification address names, for anyone: None for an unknown or
    changed code (the page says it is not valid, with no hint of what exists)."""
    if not code or len(code) > 40:
        return None
    return Attestation.objects.select_related("person").filter(code=code).first()


def can_view(user: Any, obj: Any) -> bool:
    """The generic answer for this app's objects (notifications ask it)."""
    if isinstance(obj, Thanks):
        item = THANKED_MODELS[obj.kind]._default_manager.filter(pk=obj.object_id).first()
        return item is not None and can_see_thanked(user, obj.kind, item)
    if isinstance(obj, Feature):
        return features_visible_to(user).filter(pk=obj.pk).exists()
    if isinstance(obj, Attestation):
        return is_member(user) and obj.person_id == user.pk
    if isinstance(obj, PresenterInvitation):
        return can_view_invitation(user, obj)
    return is_member(user)


# More rules, by area (each area's author adds below its own line) ------------------

# -- thanks --


def thanks_of_kind_visible_to(
    user: Any, kind: str, queryset: QuerySet[Thanks] | None = None
) -> QuerySet[Thanks]:
    """``thanks_visible_to`` for the thanks of one kind only (a lighter query for lists and
    counts of one kind of item)."""
    qs = (queryset if queryset is not None else Thanks.objects.all()).filter(kind=kind)
    if kind not in THANKED_MODELS:
        return qs.none()
    if is_facilitator(user):
        return qs
    return qs.filter(object_id__in=_visible_ids(user, kind))


def thanked_items_of(person: Any, kind: str) -> QuerySet[Any]:
    """The ids of the items of one kind whose thanks go to ``person``, as a subquery: the
    queryset form of ``thanked_people_ids``."""
    if kind == Kind.PRACTICE:
        return practice_rules.practices_authored_by(person)
    if kind == Kind.ANSWER:
        return Answer.objects.filter(author_id=person.pk).values("pk")
    if kind == Kind.PRESENTATION:
        return Session.objects.filter(presenter_id=person.pk).values("pk")
    if kind == Kind.RESTITUTION:
        return Restitution.objects.filter(
            Q(written_by_id=person.pk)
            | Q(written_by__isnull=True, session__rapporteur_id=person.pk)
        ).values("pk")
    if kind == Kind.FEEDBACK:
        return FeedbackReport.objects.filter(created_by_id=person.pk).values("pk")
    return Thanks.objects.none().values("pk")


# -- contributors --

# -- featured and directory --

# -- attestations --


def attestations_visible_to(
    user: Any, queryset: QuerySet[Attestation] | None = None
) -> QuerySet[Attestation]:
    """A person's own attestations (the list on "My attestations"); nobody else's."""
    qs = queryset if queryset is not None else Attestation.objects.all()
    if not is_member(user):
        return qs.none()
    return qs.filter(person=user)


# -- suggested presenters and launch workshops --
#
# - Suggestions and invitations to present are for those who run the workshop (network
#   facilitators, and people registered as its facilitators): they see suggestions counted
#   from what they themselves may see (``presenters.suggest``).
# - An invitation is seen by its person and by those who run its workshop; only its person
#   answers it, while the workshop is neither cancelled nor over. A proposed invitation
#   (not sent yet) is not shown to its person.
# - The first practice drafts of a launch workshop's writing session are written by those
#   who run the workshop, for participants; each draft then follows the practices' rules.


def _workshops_run_by(user: Any) -> QuerySet[Any]:
    """The ids of the workshops a member (not a network facilitator) runs, as a subquery."""
    return Registration.objects.filter(
        person_id=user.pk,
        role=Registration.Role.FACILITATOR,
        status=Registration.Status.CONFIRMED,
    ).values("workshop_id")


def can_see_presenter_suggestions(user: Any, workshop: Any) -> bool:
    return (
        is_member(user)
        and workshop_rules.can_view_workshop(user, workshop)
        and workshop_rules.can_run(user, workshop)
    )


def can_invite_presenters(user: Any, workshop: Any) -> bool:
    """Invite while the workshop is still to come and not cancelled."""
    return (
        can_see_presenter_suggestions(user, workshop)
        and workshop.status != Workshop.Status.CANCELLED
        and not workshop.is_past
    )


def presenter_invitations_visible_to(
    user: Any, queryset: QuerySet[PresenterInvitation] | None = None
) -> QuerySet[PresenterInvitation]:
    """The person's own invitations (sent ones, to workshops they may see), and every
    invitation of the workshops they run."""
    qs = queryset if queryset is not None else PresenterInvitation.objects.all()
    if not is_member(user):
        return qs.none()
    if is_facilitator(user):
        return qs
    visible = workshop_rules.workshops_visible_to(user).values("pk")
    mine = (
        Q(person_id=user.pk)
        & ~Q(status=PresenterInvitation.Status.PROPOSED)
        & Q(workshop__in=visible)
    )
    run = Q(workshop__in=_workshops_run_by(user)) & Q(workshop__in=visible)
    return qs.filter(mine | run)


def can_view_invitation(user: Any, invitation: PresenterInvitation) -> bool:
    if not is_member(user):
        return False
    workshop = invitation.workshop
    if (
        invitation.person_id == user.pk
        and invitation.status != invitation.Status.PROPOSED
        and workshop_rules.can_view_workshop(user, workshop)
    ):
        return True
    return can_see_presenter_suggestions(user, workshop)


def can_answer_invitation(user: Any, invitation: PresenterInvitation) -> bool:
    """Its person, while it waits for an answer or was accepted (a change of mind), before
    the workshop ends."""
    workshop = invitation.workshop
    return (
        is_member(user)
        and invitation.person_id == user.pk
        and invitation.status
        in (PresenterInvitation.Status.PENDING, PresenterInvitation.Status.ACCEPTED)
        and workshop.status == Workshop.Status.PUBLISHED
        and not workshop.is_past
    )


def presenter_invitation_for(user: Any, pk: Any) -> PresenterInvitation:
    """An invitation this person may see; otherwise 404."""
    invitation = object_or_404(
        PresenterInvitation.objects.select_related("workshop", "person", "session"), pk
    )
    return or_404(invitation, can_view_invitation(user, invitation))


def can_create_launch_drafts(user: Any, launch: WorkshopLaunch) -> bool:
    workshop = launch.workshop
    return workshop.status == Workshop.Status.PUBLISHED and can_see_presenter_suggestions(
        user, workshop
    )


def workshop_launch_for(user: Any, workshop: Any) -> WorkshopLaunch:
    """The launch of a workshop this person runs (its writing session's drafts); else 404."""
    if not can_see_presenter_suggestions(user, workshop):
        raise Http404
    return object_or_404(
        WorkshopLaunch.objects.select_related("writing_session", "workshop"),
        workshop.pk,
        field="workshop_id",
    )
