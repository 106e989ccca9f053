"""Who may see and run workshops, and what they produce.

- A workshop follows the shared visibility rule; "organisation" means members of
  its organising organisations. Drafts are seen by facilitators only.
- Anonymous visitors see public workshop pages only (description, agenda, final
  restitutions and their photos). Registrations, attendance, evaluations,
  participant lists, actions and the report are never public.
- Facilitators (network role) create and run every workshop; people registered
  as facilitators of one workshop run that one (attendance, restitutions,
  actions, evaluation results, report).
- A group's rapporteur writes its restitution; owners of an action update it.
- Members register themselves; org admins register members of their organisations.
- The facilitation toolbox is for members; facilitators add and edit tools.

Access: ``workshop_for(user, pk)`` fetches a workshop for a person or raises 404, and
``session_for``, ``registration_for``, ``action_for``, ``photo_for`` and ``tool_for``
do the same for what hangs from it; ``workshops_visible_to(user)`` is what lists, feeds,
the API and exports show. ``can_view_workshop`` answers the same for one workshop
(tests/test_workshops.py says so for every status, visibility and kind of person).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import Http404

from palabre.lib.visibility import Visibility
from palabre.permissions import (
    admin_org_ids,
    can_see,
    is_facilitator,
    is_member,
    object_or_404,
    org_ids,
    related_ids,
)
from palabre.workshops.models import (
    ActionUpdate,
    CollectiveAction,
    Evaluation,
    FacilitationTool,
    Registration,
    Restitution,
    RestitutionPhoto,
    Session,
    Workshop,
)

M = TypeVar("M", bound=Model)


# Seeing -------------------------------------------------------------------------------


def workshops_visible_to(
    user: Any, queryset: QuerySet[Workshop] | None = None
) -> QuerySet[Workshop]:
    """Workshops this person may open: every list, feed, API route and export uses this."""
    qs = queryset if queryset is not None else Workshop.objects.all()
    if is_facilitator(user):
        return qs
    qs = qs.exclude(status=Workshop.Status.DRAFT)
    if not is_member(user):
        return qs.filter(visibility=Visibility.PUBLIC)
    rule = Q(visibility__in=[Visibility.PUBLIC, Visibility.NETWORK])
    ids = org_ids(user)
    if ids:
        # Organisers are a many-to-many: a subquery keeps one row per workshop.
        organised = Workshop.organisers.through.objects.filter(organisation_id__in=ids)
        rule |= Q(pk__in=organised.values("workshop_id"))
    return qs.filter(rule)


def _organiser_ids(workshop: Any) -> set[int]:
    cached = getattr(workshop, "_palabre_org_ids", None)
    if cached is None:
        cached = related_ids(workshop, "organisers")
        workshop._palabre_org_ids = cached
    return cached


def can_view_workshop(user: Any, workshop: Any) -> bool:
    if is_facilitator(user):
        return True
    if workshop.status == Workshop.Status.DRAFT:
        return False
    return can_see(user, visibility=workshop.visibility, organisation_ids=_organiser_ids(workshop))


def registration_of(user: Any, workshop: Any) -> Registration | None:
    """This person's registration to the workshop (cached on the workshop object), or None."""
    if not is_member(user):
        return None
    cache = getattr(workshop, "_palabre_registrations", None)
    if cache is None:
        cache = {}
        workshop._palabre_registrations = cache
    if user.pk not in cache:
        cache[user.pk] = Registration.objects.filter(workshop=workshop, person=user).first()
    found: Registration | None = cache[user.pk]
    return found


def is_confirmed_participant(user: Any, workshop: Any) -> bool:
    registration = registration_of(user, workshop)
    return registration is not None and registration.is_confirmed


def can_manage(user: Any, workshop: Any | None = None) -> bool:
    """Create, edit, publish and cancel workshops; change the agenda and registrations."""
    return is_facilitator(user)


def can_create_workshop(user: Any) -> bool:
    return is_facilitator(user)


def can_run(user: Any, workshop: Any) -> bool:
    """Network facilitators, and the people registered as facilitators of this workshop."""
    if is_facilitator(user):
        return True
    registration = registration_of(user, workshop)
    return (
        registration is not None
        and registration.is_confirmed
        and registration.role == Registration.Role.FACILITATOR
    )


def can_see_participants(user: Any, workshop: Any) -> bool:
    """Participant lists and group members: never public, for members who see the workshop."""
    return is_member(user) and can_view_workshop(user, workshop)


def can_see_online_link(user: Any, workshop: Any) -> bool:
    return can_run(user, workshop) or is_confirmed_participant(user, workshop)


# Registering --------------------------------------------------------------------------


def can_register_self(user: Any, workshop: Any) -> bool:
    return is_member(user) and can_view_workshop(user, workshop) and workshop.is_published


def can_register_others(user: Any, workshop: Any) -> bool:
    """Facilitators register anyone; org admins register the members of their organisations."""
    if not can_view_workshop(user, workshop) or not is_member(user):
        return False
    return can_manage(user, workshop) or bool(admin_org_ids(user))


def can_register_person(user: Any, workshop: Any, person: Any) -> bool:
    if user.pk == person.pk:
        return can_register_self(user, workshop)
    if can_manage(user, workshop):
        return True
    return bool(admin_org_ids(user) & org_ids(person))


def can_assign_any_role(user: Any, workshop: Any) -> bool:
    """Only those who run the workshop name its facilitators and rapporteurs."""
    return can_manage(user, workshop)


def can_change_registration(user: Any, registration: Any) -> bool:
    """The person, an admin of the organisation they registered for, or a facilitator."""
    if not is_member(user):
        return False
    if user.pk == registration.person_id or can_manage(user, registration.workshop):
        return True
    return registration.organisation_id in admin_org_ids(user)


def registrations_visible_to(user: Any, workshop: Any) -> QuerySet[Registration]:
    """The registrations with their details (notes, status) this person may read."""
    qs = Registration.objects.filter(workshop=workshop)
    if can_run(user, workshop):
        return qs
    if not is_member(user):
        return qs.none()
    return qs.filter(Q(person=user) | Q(organisation__in=admin_org_ids(user)))


# The agenda, attendance and restitutions ----------------------------------------------


def can_take_attendance(user: Any, session: Any) -> bool:
    if not is_member(user) or not session.takes_attendance:
        return False
    return can_run(user, session.workshop) or user.pk in (
        session.facilitator_id,
        session.rapporteur_id,
    )


def can_write_restitution(user: Any, session: Any) -> bool:
    """The group's rapporteur, or whoever runs the workshop."""
    if not is_member(user) or not session.takes_restitution:
        return False
    return user.pk == session.rapporteur_id or can_run(user, session.workshop)


def can_see_restitution(user: Any, restitution: Any) -> bool:
    session = restitution.session
    if not can_view_workshop(user, session.workshop):
        return False
    return restitution.is_final or can_write_restitution(user, session)


def can_make_practice_from(user: Any, session: Any) -> bool:
    """Turn a restitution or a presentation into a practice draft."""
    if not is_member(user) or not session.takes_restitution:
        return False
    return can_write_restitution(user, session) or user.pk == session.presenter_id


# Actions, evaluation, report ----------------------------------------------------------


def can_see_actions(user: Any, workshop: Any) -> bool:
    return is_member(user) and can_view_workshop(user, workshop)


def can_add_action(user: Any, workshop: Any) -> bool:
    return can_run(user, workshop)


def is_action_owner(user: Any, action: Any) -> bool:
    if not is_member(user):
        return False
    return user.pk == action.owner_person_id or action.owner_organisation_id in org_ids(user)


def can_update_action(user: Any, action: Any) -> bool:
    """Owners report progress; facilitators follow every action."""
    return can_run(user, action.workshop) or is_action_owner(user, action)


def can_edit_action(user: Any, action: Any) -> bool:
    """Change what, who and when: those who run the workshop."""
    return can_run(user, action.workshop)


def can_evaluate(user: Any, workshop: Any) -> bool:
    return is_confirmed_participant(user, workshop)


def can_see_evaluation_results(user: Any, workshop: Any) -> bool:
    return can_run(user, workshop)


def can_edit_report(user: Any, workshop: Any) -> bool:
    return can_run(user, workshop)


def can_see_report(user: Any, workshop: Any) -> bool:
    """Facilitators while they write it; members who see the workshop once it is shared."""
    if can_run(user, workshop):
        return True
    return bool(workshop.report_shared_at) and can_see_participants(user, workshop)


def can_export(user: Any, workshop: Any) -> bool:
    return can_run(user, workshop)


# The toolbox --------------------------------------------------------------------------


def can_view_toolbox(user: Any) -> bool:
    return is_member(user)


def can_add_tool(user: Any) -> bool:
    return is_facilitator(user)


def can_edit_tool(user: Any, tool: Any) -> bool:
    return is_facilitator(user)


# The one question notifications ask ---------------------------------------------------


def can_view(user: Any, obj: Any) -> bool:
    if isinstance(obj, Workshop):
        return can_view_workshop(user, obj)
    if isinstance(obj, Session):
        return can_view_workshop(user, obj.workshop)
    if isinstance(obj, Restitution):
        return can_see_restitution(user, obj)
    if isinstance(obj, RestitutionPhoto):
        return can_see_restitution(user, obj.restitution)
    if isinstance(obj, Registration):
        return can_change_registration(user, obj) or can_run(user, obj.workshop)
    if isinstance(obj, CollectiveAction | ActionUpdate):
        action = obj if isinstance(obj, CollectiveAction) else obj.action
        return can_see_actions(user, action.workshop)
    if isinstance(obj, Evaluation):
        return can_see_evaluation_results(user, obj.workshop)
    if isinstance(obj, FacilitationTool):
        return can_view_toolbox(user)
    return is_member(user)


# Fetching one object for a person -----------------------------------------------------
# Each answers 404 for what the person may not see, exactly like what does not exist.
# Those under a workshop take the workshop ``workshop_for`` returned, and check again
# that the person sees it inside the same query.


def workshop_for(user: Any, pk: Any, *, queryset: QuerySet[Workshop] | None = None) -> Workshop:
    """The workshop if this person may open it; otherwise 404, as if it did not exist."""
    return object_or_404(workshops_visible_to(user, queryset), pk)


def _under(
    user: Any, workshop: Workshop, queryset: QuerySet[M], path: str = "workshop"
) -> QuerySet[M]:
    visible = workshops_visible_to(user).filter(pk=workshop.pk).values("pk")
    return queryset.filter(**{path: workshop, f"{path}__in": visible})


def session_for(user: Any, workshop: Workshop, pk: Any) -> Session:
    """A session of a workshop the person may open."""
    session = object_or_404(
        _under(
            user,
            workshop,
            Session.objects.select_related(
                "theme", "tool", "facilitator", "presenter", "rapporteur", "presented_practice"
            ),
        ),
        pk,
    )
    session.workshop = workshop  # keeps the permissions already cached on it
    return session


def registration_for(user: Any, workshop: Workshop, pk: Any) -> Registration:
    """A registration the person may change: their own, one of their organisation's
    members if they administer it, or any for a facilitator."""
    registration = object_or_404(
        _under(
            user,
            workshop,
            Registration.objects.select_related("person", "organisation", "practice"),
        ),
        pk,
    )
    registration.workshop = workshop
    if not can_change_registration(user, registration):
        raise Http404
    return registration


def action_for(user: Any, workshop: Workshop, pk: Any) -> CollectiveAction:
    """A collective action of the workshop: never public, for members who see the workshop."""
    if not can_see_actions(user, workshop):
        raise Http404
    action = object_or_404(
        _under(
            user,
            workshop,
            CollectiveAction.objects.select_related(
                "owner_person", "owner_organisation", "session"
            ),
        ),
        pk,
    )
    action.workshop = workshop
    return action


def photo_for(user: Any, session: Session, pk: Any) -> RestitutionPhoto:
    """A photo of a session's restitution (``session_for`` first): seen with the
    restitution, that is once it is final or by those who write it."""
    photo = object_or_404(
        _under(
            user,
            session.workshop,
            RestitutionPhoto.objects.select_related("restitution").filter(
                restitution__session=session
            ),
            path="restitution__session__workshop",
        ),
        pk,
    )
    photo.restitution.session = session
    if not can_see_restitution(user, photo.restitution):
        raise Http404
    return photo


def tool_for(user: Any, slug: str) -> FacilitationTool:
    """A technique of the facilitation toolbox, which is for members."""
    if not can_view_toolbox(user):
        raise Http404
    tool = FacilitationTool.objects.filter(slug=slug).first()
    if tool is None:
        raise Http404
    return tool
