"""An organisation's indicators: what it measures, from which baseline to which target."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from palabre.adoptions.models import Indicator
from palabre.adoptions.services._common import local_today
from palabre.adoptions.values import check_value, format_value, parse_value
from palabre.audit.services import audit_record
from palabre.lib.dates import day
from palabre.lib.errors import ServiceError, refuse
from palabre.permissions import adoptions as rules

INDICATOR_FIELDS = (
    "name", "description", "unit", "value_type", "direction", "baseline_value",
    "baseline_date", "target_value", "target_date",
)  # fmt: skip


def _check_indicator(
    values: dict[str, Any], *, organisation: Any, existing: Indicator | None
) -> dict[str, Any]:
    today = local_today()
    values["name"] = " ".join((values.get("name") or "").split())
    values["unit"] = (values.get("unit") or "").strip()
    values["description"] = (values.get("description") or "").strip()
    if not values["name"]:
        refuse(_("Give the indicator a name."), field="name")
    if not values["unit"]:
        refuse(_("Say what unit it is measured in."), field="unit")
    if values.get("value_type") not in Indicator.ValueType.values:
        refuse(_("Choose the kind of value."), field="value_type")
    if values.get("direction") not in Indicator.Direction.values:
        refuse(_("Say whether higher or lower is better."), field="direction")
    same_name = (
        Indicator.objects.filter(organisation=organisation)
        .annotate(lower=Lower("name"))
        .filter(lower=values["name"].lower())
    )
    if existing is not None:
        same_name = same_name.exclude(pk=existing.pk)
    if same_name.exists():
        refuse(
            _("%(organisation)s already has an indicator called “%(name)s”.")
            % {"organisation": organisation.short_name, "name": values["name"]},
            field="name",
        )
    kind = SimpleNamespace(value_type=values["value_type"], unit=values["unit"])
    for name in ("baseline_value", "target_value"):
        values[name] = parse_value(values.get(name), kind, field=name)
    for name, message in (
        ("baseline_date", _("Give the date of the baseline.")),
        ("target_date", _("Give the date by which the target should be reached.")),
    ):
        if not isinstance(values.get(name), date):
            refuse(message, field=name)
    if values["baseline_date"] > today:
        refuse(
            _("The baseline is a value already measured: its date cannot be in the future."),
            field="baseline_date",
        )
    if values["target_date"] <= values["baseline_date"]:
        refuse(_("The target date must come after the baseline date."), field="target_date")
    if values["target_value"] == values["baseline_value"]:
        refuse(_("The target must differ from the baseline."), field="target_value")
    increase = values["direction"] == Indicator.Direction.INCREASE
    if increase and values["target_value"] < values["baseline_value"]:
        refuse(
            _("Higher is better, but the target is below the baseline: check the direction."),
            field="target_value",
        )
    if not increase and values["target_value"] > values["baseline_value"]:
        refuse(
            _("Lower is better, but the target is above the baseline: check the direction."),
            field="target_value",
        )
    if existing is not None:
        earlier = existing.measurements.filter(measured_on__lt=values["baseline_date"])
        if earlier.exists():
            refuse(
                _("Some measurements are dated before this baseline date (the first on %(date)s).")
                % {"date": day(earlier.order_by("measured_on").first().measured_on, short=True)},
                field="baseline_date",
            )
        for measured in existing.measurements.all():
            try:
                check_value(measured.value, kind)
            except ServiceError:
                refuse(
                    _("The measurement of %(date)s (%(value)s) does not fit this kind of value.")
                    % {
                        "date": day(measured.measured_on, short=True),
                        "value": format_value(measured.value),
                    },
                    field="value_type",
                )
    adoptions = values.get("adoptions")
    if adoptions is not None:
        adoptions = list(adoptions)
        if any(a.organisation_id != organisation.pk for a in adoptions):
            refuse(
                _("An indicator can only follow its own organisation's adoptions."),
                field="adoptions",
            )
        values["adoptions"] = adoptions
    return values


@transaction.atomic
def indicator_create(
    *, by: Any, organisation: Any, external_id: str = "", **fields: Any
) -> Indicator:
    if not rules.can_manage_indicators(by, organisation):
        refuse(
            _("Only members and administrators of %(organisation)s define its indicators.")
            % {"organisation": organisation.short_name},
            status=403,
        )
    values = _check_indicator(
        {"value_type": "number", "direction": "increase", **fields},
        organisation=organisation,
        existing=None,
    )
    adoptions = values.pop("adoptions", None)
    indicator = Indicator.objects.create(
        organisation=organisation, created_by=by, external_id=external_id, **values
    )
    if adoptions:
        indicator.adoptions.set(adoptions)
    audit_record(action="indicator.created", actor=by, target=indicator, organisation=organisation)
    return indicator


@transaction.atomic
def indicator_update(*, indicator: Indicator, by: Any, fields: dict[str, Any]) -> Indicator:
    current = (
        Indicator.objects.select_for_update().select_related("organisation").get(pk=indicator.pk)
    )
    if not rules.can_manage_indicators(by, current.organisation):
        refuse(
            _("Only members and administrators of %(organisation)s define its indicators.")
            % {"organisation": current.organisation.short_name},
            status=403,
        )
    before = {name: getattr(current, name) for name in INDICATOR_FIELDS}
    values = _check_indicator(
        {**before, **fields}, organisation=current.organisation, existing=current
    )
    adoptions = values.pop("adoptions", None)
    changed = [name for name in INDICATOR_FIELDS if values[name] != before[name]]
    for name in changed:
        setattr(current, name, values[name])
    current.save()
    if adoptions is not None:
        current.adoptions.set(adoptions)
        changed.append("adoptions")
    audit_record(
        action="indicator.updated",
        actor=by,
        target=current,
        organisation=current.organisation,
        data={"fields": changed},
    )
    return current


@transaction.atomic
def indicator_delete(*, indicator: Indicator, by: Any) -> None:
    if not rules.can_manage_indicators(by, indicator.organisation):
        refuse(
            _("Only members and administrators of %(organisation)s define its indicators.")
            % {"organisation": indicator.organisation.short_name},
            status=403,
        )
    audit_record(
        action="indicator.deleted",
        actor=by,
        target=indicator,
        organisation=indicator.organisation,
        data={"measurements": indicator.measurements.count()},
    )
    indicator.delete()
