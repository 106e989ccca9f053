"""Writes on projects: create and change one, its team, its links, exchanges between two
projects. Each function is one transaction that checks the rule again and records an
audit event; a refusal raises ``ServiceError`` (nothing is written)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.accounts.models import User
from palabre.audit.services import audit_record
from palabre.lib.errors import refuse
from palabre.lib.visibility import Visibility
from palabre.notifications.services import notify
from palabre.organisations.models import Organisation
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import is_facilitator, org_ids
from palabre.permissions import practices as practice_rules
from palabre.permissions import projects as rules
from palabre.permissions import resources as resource_rules
from palabre.projects import geo, kinds
from palabre.projects.models import (
    Exchange,
    ExchangeMessage,
    Project,
    ProjectAdoption,
    ProjectIndicator,
    ProjectMember,
    ProjectPractice,
    ProjectResource,
)
from palabre.workshops.models import Workshop
from palabre.workshops.services.workshops import _check_workshop

FIELDS = (
    "name",
    "acronym",
    "start_date",
    "end_date",
    "country",
    "region",
    "funders",
    "objectives",
    "status",
    "contact",
    "visibility",
    "external_id",
)
MESSAGE_MAX = 4000


def check_project(project: Project) -> None:
    """Every rule on one project's own fields (also used to validate an import whole)."""
    if len((project.name or "").strip()) < 3:
        refuse(_("Give the project a name of at least 3 characters."), field="name")
    if project.start_date and project.end_date and project.end_date < project.start_date:
        refuse(_("The project ends before it starts: check the two dates."), field="end_date")
    if project.status not in Project.Status.values:
        refuse(_("Choose a status: planned, running or closed."), field="status")
    if project.visibility not in Visibility.values:
        refuse(_("Choose who can see the project."), field="visibility")
    if project.region and not project.country:
        refuse(_("Choose the country of the region."), field="country")
    if project.region and geo.knows_regions(project.country):
        name = geo.region_name(project.country, project.region)
        if name is None:
            refuse(
                _("“%(region)s” is not a region of %(country)s. Its regions: %(names)s.")
                % {
                    "region": project.region,
                    "country": project.country.name,
                    "names": ", ".join(geo.regions_of(project.country)),
                },
                field="region",
            )
        project.region = name
    funders = project.funders or []
    if not isinstance(funders, list) or not all(isinstance(f, str) for f in funders):
        refuse(_("Funders are a list of names."), field="funders")
    project.funders = [f.strip()[:200] for f in funders if f.strip()][:30]
    if (
        project.contact_id
        and not project.contact.memberships.filter(organisation_id=project.organisation_id).exists()
    ):
        refuse(
            _("The contact person must be a member of %(organisation)s.")
            % {"organisation": project.organisation.name},
            field="contact",
        )


def _check_organisation(by: Any, organisation: Organisation) -> None:
    if not (is_facilitator(by) or organisation.pk in org_ids(by)):
        refuse(
            _("You can only describe the projects of your own organisations."),
            status=403,
            field="organisation",
        )


@transaction.atomic
def project_create(
    *, by: Any, organisation: Organisation, themes: list | tuple = (), **fields: Any
) -> Project:
    if not rules.can_create(by):
        refuse(_("Only members of an organisation describe its projects."), status=403)
    _check_organisation(by, organisation)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        refuse(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    project = Project(organisation=organisation, created_by=by, **fields)
    check_project(project)
    project.save()
    project.themes.set(themes)
    audit_record(action="project.created", actor=by, target=project, organisation=organisation)
    return project


@transaction.atomic
def project_update(
    *, project: Project, by: Any, themes: list | tuple | None = None, **fields: Any
) -> Project:
    current = Project.objects.select_for_update().select_related("organisation").get(pk=project.pk)
    if not rules.can_edit(by, current):
        refuse(_("You cannot change this project."), status=403)
    for name, value in fields.items():
        if name not in FIELDS:
            refuse(_("Unknown fields: %(names)s.") % {"names": name})
        setattr(current, name, value)
    check_project(current)
    current.save()
    if themes is not None:
        current.themes.set(themes)
    audit_record(
        action="project.updated", actor=by, target=current, organisation=current.organisation
    )
    return current


@transaction.atomic
def project_delete(*, project: Project, by: Any) -> None:
    if not rules.can_edit(by, project):
        refuse(_("You cannot change this project."), status=403)
    audit_record(
        action="project.deleted", actor=by, target=project, organisation=project.organisation
    )
    project.delete()


# Team ---------------------------------------------------------------------------


@transaction.atomic
def team_add(
    *, project: Project, by: Any, person: User, role: str, invite: bool = False
) -> ProjectMember:
    """Put a person on the team. A member of the project's organisation is on it at once;
    anyone else only by invitation (``invite``), once they accept."""
    if not rules.can_edit(by, project):
        refuse(_("You cannot change this project's team."), status=403)
    role = (role or "").strip()
    if not role:
        refuse(_("Say what the person does on the project."), field="role")
    if len(role) > 120:
        refuse(_("Say the role in at most 120 characters."), field="role")
    if not person.is_active:
        refuse(_("This account is closed."), field="person")
    inside = person.memberships.filter(organisation_id=project.organisation_id).exists()
    if not inside and not invite:
        refuse(
            _(
                "%(person)s is not a member of %(organisation)s: invite them to the team "
                "instead (they join once they accept)."
            )
            % {"person": person, "organisation": project.organisation.name},
            field="person",
        )
    if project.team.filter(person=person).exists():
        refuse(_("%(person)s is already on the team.") % {"person": person}, field="person")
    member = ProjectMember.objects.create(
        project=project,
        person=person,
        role=role,
        invited_by=by,
        accepted_at=timezone.now() if inside else None,
    )
    rules.forget_teams(person)
    if not inside:
        notify(
            recipient=person,
            kind=kinds.TEAM_INVITED,
            title=gettext_lazy("You are invited to the team of the project “%(name)s”"),
            params={"name": project.name, "role": role},
            body=gettext_lazy("Your role: %(role)s. Accept on the project's page."),
            url=project.get_absolute_url(),
            actor=by,
        )
    audit_record(
        action="project.team_invited" if not inside else "project.team_added",
        actor=by,
        target=project,
        organisation=project.organisation,
        data={"person": person.pk, "role": role},
    )
    return member


@transaction.atomic
def team_accept(*, member: ProjectMember, by: Any) -> ProjectMember:
    if member.person_id != getattr(by, "pk", None):
        refuse(_("Only the person invited can accept."), status=403)
    if member.accepted_at is None:
        member.accepted_at = timezone.now()
        member.save(update_fields=["accepted_at"])
        rules.forget_teams(by)
        audit_record(action="project.team_joined", actor=by, target=member.project)
    return member


@transaction.atomic
def team_remove(*, member: ProjectMember, by: Any) -> None:
    project = member.project
    if not (rules.can_edit(by, project) or member.person_id == getattr(by, "pk", None)):
        refuse(_("You cannot change this project's team."), status=403)
    audit_record(
        action="project.team_removed",
        actor=by,
        target=project,
        organisation=project.organisation,
        data={"person": member.person_id},
    )
    member.delete()
    rules.forget_teams(member.person)


# Links --------------------------------------------------------------------------

LINKS = {
    # kind: (link model, field, access function)
    "practice": (ProjectPractice, "practice", practice_rules.practice_for),
    "adoption": (ProjectAdoption, "adoption", adoption_rules.adoption_for),
    "indicator": (ProjectIndicator, "indicator", adoption_rules.indicator_for),
    "resource": (ProjectResource, "resource", resource_rules.resource_for),
}


@transaction.atomic
def link_add(*, project: Project, by: Any, kind: str, pk: Any) -> Any:
    """Point one practice, adoption, indicator or resource to the project. The thing is
    fetched through its own access function: what the person may not see is not found."""
    if kind not in LINKS:
        refuse(_("Unknown kind of link."))
    if not rules.can_link(by, project):
        refuse(_("You cannot change this project."), status=403)
    model, field, access = LINKS[kind]
    target = access(by, pk)  # Http404 for what they may not see
    try:
        with transaction.atomic():
            link = model.objects.create(project=project, created_by=by, **{field: target})
    except IntegrityError:
        refuse(_("It is already linked to this project."), status=409)
    audit_record(
        action=f"project.{kind}_linked",
        actor=by,
        target=project,
        organisation=project.organisation,
        data={kind: target.pk},
    )
    return link


@transaction.atomic
def link_remove(*, project: Project, by: Any, kind: str, pk: Any) -> None:
    if kind not in LINKS:
        refuse(_("Unknown kind of link."))
    if not rules.can_link(by, project):
        refuse(_("You cannot change this project."), status=403)
    model, field, _access = LINKS[kind]
    deleted, _rows = model.objects.filter(project=project, **{f"{field}_id": pk}).delete()
    if deleted:
        audit_record(
            action=f"project.{kind}_unlinked",
            actor=by,
            target=project,
            organisation=project.organisation,
            data={kind: pk},
        )


# Exchanges ----------------------------------------------------------------------


def _team(project: Project) -> list[User]:
    return [
        m.person
        for m in ProjectMember.objects.filter(
            project=project, accepted_at__isnull=False
        ).select_related("person")
    ]


def _tell(people: list, exchange: Exchange, *, by: Any, kind: str, title: Any, excerpt: str):
    seen: set[int] = set()
    for person in people:
        if person is None or person.pk in seen:
            continue
        seen.add(person.pk)
        notify(
            recipient=person,
            kind=kind,
            title=title,
            params={"subject": exchange.subject, "name": exchange.from_project.name},
            url=exchange.get_absolute_url(),
            actor=by,
            target=exchange,
            excerpt=excerpt[:500],
        )


def _message_text(body: str) -> str:
    body = (body or "").strip()
    if not body:
        refuse(_("Write a message."), field="body")
    if len(body) > MESSAGE_MAX:
        refuse(
            _("Keep the message under %(count)d characters.") % {"count": MESSAGE_MAX},
            field="body",
        )
    return body


@transaction.atomic
def exchange_propose(
    *, from_project: Project, to_project: Project, by: Any, kind: str, subject: str, body: str
) -> Exchange:
    if not rules.can_propose_exchange(by, from_project):
        refuse(_("Only the team and the organisation of a project propose exchanges."), status=403)
    if not rules.can_view_project(by, to_project):
        refuse(_("This project was not found."), status=404)
    if from_project.pk == to_project.pk:
        refuse(_("Choose another project than your own."), field="from_project")
    if kind not in Exchange.Kind.values:
        refuse(_("Choose a call, a visit or a joint session."), field="kind")
    subject = (subject or "").strip()
    if not 3 <= len(subject) <= 200:
        refuse(_("Give a subject of 3 to 200 characters."), field="subject")
    text = _message_text(body)
    exchange = Exchange.objects.create(
        from_project=from_project,
        to_project=to_project,
        kind=kind,
        subject=subject,
        proposed_by=by,
    )
    ExchangeMessage.objects.create(exchange=exchange, author=by, body=text)
    _tell(
        _team(to_project),
        exchange,
        by=by,
        kind=kinds.EXCHANGE_PROPOSED,
        title=gettext_lazy("The project “%(name)s” proposes an exchange: %(subject)s"),
        excerpt=text,
    )
    audit_record(
        action="project.exchange_proposed",
        actor=by,
        target=exchange,
        organisation=from_project.organisation,
        data={"to_project": to_project.pk},
    )
    return exchange


@transaction.atomic
def exchange_post(*, exchange: Exchange, by: Any, body: str) -> ExchangeMessage:
    if not rules.can_take_part(by, exchange):
        refuse(_("You do not take part in this exchange."), status=403)
    message = ExchangeMessage.objects.create(exchange=exchange, author=by, body=_message_text(body))
    _tell(
        [exchange.proposed_by, *_team(exchange.from_project), *_team(exchange.to_project)],
        exchange,
        by=by,
        kind=kinds.EXCHANGE_MESSAGE,
        title=gettext_lazy("New message in the exchange “%(subject)s”"),
        excerpt=message.body,
    )
    return message


@transaction.atomic
def exchange_decline(*, exchange: Exchange, by: Any) -> Exchange:
    if not rules.can_take_part(by, exchange):
        refuse(_("You do not take part in this exchange."), status=403)
    if exchange.status == Exchange.Status.SCHEDULED:
        refuse(_("This exchange is already scheduled."), status=409)
    exchange.status = Exchange.Status.DECLINED
    exchange.save(update_fields=["status"])
    audit_record(action="project.exchange_declined", actor=by, target=exchange)
    return exchange


@transaction.atomic
def exchange_schedule(
    *, exchange: Exchange, by: Any, day: date, venue: str = "", online_url: str = ""
) -> Exchange:
    """Give the exchange a date and a place or link: a workshop (an exchange workshop
    organised by both organisations, seen by their members only) carries it, so the
    registration, agenda and calendar are the workshops' own."""
    exchange = Exchange.objects.select_for_update().get(pk=exchange.pk)
    if not rules.can_take_part(by, exchange):
        refuse(_("You do not take part in this exchange."), status=403)
    if exchange.status != Exchange.Status.PROPOSED:
        refuse(_("Only a proposed exchange can be scheduled."), status=409)
    if day is None or day < timezone.localdate():
        refuse(_("Choose a day from today on."), field="day")
    if day > timezone.localdate() + timedelta(days=730):
        refuse(_("Choose a day within two years."), field="day")
    organisers = sorted(
        {exchange.from_project.organisation, exchange.to_project.organisation},
        key=lambda o: o.name,
    )
    workshop = Workshop(
        created_by=by,
        kind=Workshop.Kind.EXCHANGE,
        title=f"{exchange.get_kind_display().capitalize()} : {exchange.subject}"[:200],
        objectives=_("Exchange between the projects “%(a)s” and “%(b)s”.")
        % {"a": exchange.from_project.name, "b": exchange.to_project.name},
        start_date=day,
        end_date=day,
        venue=(venue or "").strip()[:200],
        online_url=(online_url or "").strip(),
        visibility=Visibility.ORGANISATION,
        status=Workshop.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    _check_workshop(workshop, organisers)
    workshop.save()
    workshop.organisers.set(organisers)
    exchange.workshop = workshop
    exchange.status = Exchange.Status.SCHEDULED
    exchange.save(update_fields=["workshop", "status"])
    for action in ("workshop.created", "workshop.published"):
        audit_record(action=action, actor=by, target=workshop, organisation=organisers[0])
    audit_record(action="project.exchange_scheduled", actor=by, target=exchange)
    return exchange
