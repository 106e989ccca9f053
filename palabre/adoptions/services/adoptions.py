"""Recording, changing and withdrawing an adoption: the practice's authors are told."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.adoptions.models import Adoption
from palabre.adoptions.services._common import ENDED, Status, local_today, locked_adoption
from palabre.adoptions.services.maturity import practice_maturity_refresh
from palabre.audit.services import audit_record
from palabre.lib.errors import refuse
from palabre.permissions import adoptions as rules
from palabre.permissions import org_ids
from palabre.practices.models import Practice
from palabre.practices.services import practice_authors_notify

ADOPTION_FIELDS = (
    "team", "project_name", "started_on", "ended_on", "status", "context", "adaptations",
    "abandon_reason", "country", "region", "contact",
)  # fmt: skip


def _check_adoption(values: dict[str, Any], *, organisation: Any) -> dict[str, Any]:
    """Validate an adoption's fields as a whole; returns them completed (end date…)."""
    now = local_today()
    status = values.get("status") or Status.PLANNED
    if status not in Status.values:
        refuse(_("Unknown status."), field="status")
    started_on = values.get("started_on")
    if not isinstance(started_on, date):
        refuse(_("Give the start date."), field="started_on")
    if status != Status.PLANNED and started_on > now:
        refuse(
            _("An adoption that has started cannot have a start date in the future."),
            field="started_on",
        )
    ended_on = values.get("ended_on")
    if status in ENDED:
        ended_on = ended_on or max(now, started_on)
        if ended_on > now:
            refuse(_("The end date cannot be in the future."), field="ended_on")
        if ended_on < started_on:
            refuse(_("The end comes before the start."), field="ended_on")
    else:
        ended_on = None
    if status == Status.ABANDONED and not (values.get("abandon_reason") or "").strip():
        refuse(
            _("Say why it was abandoned: it helps the authors and the next teams."),
            field="abandon_reason",
        )
    contact = values.get("contact")
    if contact is not None and not contact.memberships.filter(organisation=organisation).exists():
        refuse(
            _("The contact person must be a member of %(organisation)s.")
            % {"organisation": organisation.short_name},
            field="contact",
        )
    if not values.get("country"):
        values["country"] = organisation.country
        values["region"] = values.get("region") or organisation.region
    values.update(status=status, ended_on=ended_on)
    for name in ("team", "project_name", "context", "adaptations", "abandon_reason", "region"):
        values[name] = (values.get(name) or "").strip()
    return values


@transaction.atomic
def adoption_create(
    *, by: Any, practice: Practice, organisation: Any, external_id: str = "", **fields: Any
) -> Adoption:
    """An organisation says it is putting a practice into practice; the authors are told."""
    if not rules.can_record_adoption(by, practice):
        refuse(_("You cannot record an adoption of this practice."), status=403)
    if organisation.pk not in org_ids(by):
        refuse(_("You can only record adoptions for your own organisations."), status=403)
    unknown = set(fields) - set(ADOPTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown adoption fields: {sorted(unknown)}")
    values = _check_adoption(dict(fields), organisation=organisation)
    adoption = Adoption.objects.create(
        practice=practice,
        organisation=organisation,
        revision=practice.revisions.order_by("-number").first(),
        contact=values.pop("contact", None) or by,
        created_by=by,
        external_id=external_id,
        **values,
    )
    audit_record(
        action="adoption.created",
        actor=by,
        target=adoption,
        organisation=organisation,
        data={"practice": practice.pk, "status": adoption.status},
    )
    practice_authors_notify(
        practice=practice,
        kind="adoption.created",
        title=gettext_lazy("%(organisation)s is putting your practice “%(title)s” into practice"),
        params={"organisation": organisation.short_name},
        url=adoption.get_absolute_url(),
        by=by,
        target=adoption,
    )
    practice_maturity_refresh(practice=practice)
    return adoption


@transaction.atomic
def adoption_update(*, adoption: Adoption, by: Any, fields: dict[str, Any]) -> Adoption:
    current = locked_adoption(adoption)
    if not rules.can_edit_adoption(by, current):
        refuse(_("Only members of the adopting organisation can change this adoption."), status=403)
    unknown = set(fields) - set(ADOPTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown adoption fields: {sorted(unknown)}")
    before = {name: getattr(current, name) for name in ADOPTION_FIELDS}
    values = _check_adoption({**before, **fields}, organisation=current.organisation)
    changed = [name for name in ADOPTION_FIELDS if values.get(name) != before[name]]
    for name in changed:
        setattr(current, name, values[name])
    current.save()
    audit_record(
        action="adoption.updated",
        actor=by,
        target=current,
        organisation=current.organisation,
        data={"fields": changed, "status": [before["status"], current.status]},
    )
    if "status" in changed and current.status in ENDED:
        practice_authors_notify(
            practice=current.practice,
            kind="adoption.ended",
            title=gettext_lazy("%(organisation)s's adoption of “%(title)s” is now %(status)s"),
            params={
                "organisation": current.organisation.short_name,
                "status": type(current).Status(current.status).label,
            },
            url=current.get_absolute_url(),
            by=by,
            target=current,
        )
    if "status" in changed:
        practice_maturity_refresh(practice=current.practice)
    return current


@transaction.atomic
def adoption_delete(*, adoption: Adoption, by: Any) -> None:
    """Withdraw an adoption recorded by mistake (one with feedback is marked abandoned instead)."""
    current = locked_adoption(adoption)
    if not rules.can_delete_adoption(by, current):
        refuse(
            _(
                "Only the person who recorded it or an administrator of the organisation can remove it."
            ),
            status=403,
        )
    if current.reports.exists():
        refuse(
            _(
                "This adoption has feedback reports: it cannot be removed. If it stopped, "
                "mark it as abandoned and say why."
            ),
            status=409,
        )
    practice = current.practice
    audit_record(
        action="adoption.deleted",
        actor=by,
        target=current,
        organisation=current.organisation,
        data={"practice": practice.pk},
    )
    current.delete()
    practice_maturity_refresh(practice=practice)
