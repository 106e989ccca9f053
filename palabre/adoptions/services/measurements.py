"""Measurements of an indicator: entered one by one, corrected, or imported from a file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from palabre.adoptions.imports import ImportRejected, Row, parse_date, read_rows
from palabre.adoptions.models import Indicator, Measurement
from palabre.adoptions.services._common import local_today
from palabre.adoptions.values import format_value, parse_value
from palabre.audit.services import audit_record
from palabre.lib.dates import day
from palabre.lib.errors import ServiceError, refuse
from palabre.permissions import adoptions as rules


def _check_measurement(
    indicator: Indicator, *, measured_on: Any, value: Any
) -> tuple[date, Decimal]:
    if not isinstance(measured_on, date):
        refuse(_("Give the date of the measurement."), field="measured_on")
    if measured_on > local_today():
        refuse(_("A measurement cannot be dated in the future."), field="measured_on")
    if measured_on < indicator.baseline_date:
        refuse(
            _("A measurement cannot be dated before the baseline (%(date)s).")
            % {"date": day(indicator.baseline_date, short=True)},
            field="measured_on",
        )
    return measured_on, parse_value(value, indicator)


def _refuse_other_organisation(by: Any, indicator: Indicator) -> None:
    if not rules.can_enter_measurements(by, indicator):
        refuse(
            _("You can only record measurements on your own organisation's indicators."),
            status=403,
        )


@transaction.atomic
def measurement_add(
    *,
    indicator: Indicator,
    by: Any,
    measured_on: date,
    value: Any,
    source: str = "",
    comment: str = "",
    via: str = Measurement.Via.FORM,
) -> Measurement:
    _refuse_other_organisation(by, indicator)
    measured_on, number = _check_measurement(indicator, measured_on=measured_on, value=value)
    if indicator.measurements.filter(measured_on=measured_on).exists():
        refuse(
            _("There is already a measurement on %(date)s: correct it instead.")
            % {"date": day(measured_on, short=True)},
            status=409,
            field="measured_on",
        )
    measurement = Measurement.objects.create(
        indicator=indicator,
        measured_on=measured_on,
        value=number,
        source=(source or "").strip()[:200],
        comment=(comment or "").strip(),
        via=via,
        entered_by=by,
    )
    audit_record(
        action="measurement.added",
        actor=by,
        target=measurement,
        organisation=indicator.organisation,
        data={"indicator": indicator.pk, "value": format_value(number)},
    )
    return measurement


@transaction.atomic
def measurement_update(*, measurement: Measurement, by: Any, fields: dict[str, Any]) -> Measurement:
    current = (
        Measurement.objects.select_for_update()
        .select_related("indicator__organisation")
        .get(pk=measurement.pk)
    )
    indicator = current.indicator
    _refuse_other_organisation(by, indicator)
    measured_on, number = _check_measurement(
        indicator,
        measured_on=fields.get("measured_on", current.measured_on),
        value=fields.get("value", current.value),
    )
    if indicator.measurements.filter(measured_on=measured_on).exclude(pk=current.pk).exists():
        refuse(
            _("There is already a measurement on %(date)s: correct it instead.")
            % {"date": day(measured_on, short=True)},
            status=409,
            field="measured_on",
        )
    current.measured_on = measured_on
    current.value = number
    current.source = (fields.get("source", current.source) or "").strip()[:200]
    current.comment = (fields.get("comment", current.comment) or "").strip()
    current.save()
    audit_record(
        action="measurement.updated",
        actor=by,
        target=current,
        organisation=indicator.organisation,
        data={"value": format_value(number), "date": measured_on.isoformat()},
    )
    return current


@transaction.atomic
def measurement_delete(*, measurement: Measurement, by: Any) -> None:
    indicator = measurement.indicator
    _refuse_other_organisation(by, indicator)
    audit_record(
        action="measurement.deleted",
        actor=by,
        target=measurement,
        organisation=indicator.organisation,
        data={
            "date": measurement.measured_on.isoformat(),
            "value": format_value(measurement.value),
        },
    )
    measurement.delete()


def _error_text(error: ServiceError) -> str:
    return str(error.message)


def measurements_import(
    *, organisation: Any, by: Any, upload: Any, indicator: Indicator | None = None
) -> list[Measurement]:
    """Import a CSV/XLSX file of measurements: every row is checked first; one bad row, none imported.

    Not one transaction: the file is read first, within its limits and holding no lock
    (a large or hostile file must not keep others from writing); only the rows read are
    then checked and written, in one short transaction.
    """
    if indicator is not None:
        organisation = indicator.organisation
        _refuse_other_organisation(by, indicator)
    elif not rules.can_import_measurements(by, organisation):
        refuse(
            _("You can only record measurements on your own organisation's indicators."),
            status=403,
        )
    rows = read_rows(upload)
    return _measurements_save(
        organisation=organisation,
        by=by,
        rows=rows,
        indicator=indicator,
        file_name=getattr(upload, "name", ""),
    )


@transaction.atomic
def _measurements_save(
    *, organisation: Any, by: Any, rows: list[Row], indicator: Indicator | None, file_name: str
) -> list[Measurement]:
    indicators = {i.name.casefold(): i for i in Indicator.objects.filter(organisation=organisation)}
    by_id = {str(i.pk): i for i in indicators.values()}
    existing = set(
        Measurement.objects.filter(indicator__organisation=organisation).values_list(
            "indicator_id", "measured_on"
        )
    )
    seen: dict[tuple[int, date], int] = {}
    errors: list[tuple[int, str]] = []
    valid: list[Measurement] = []
    for row in rows:
        line, cells = row.line, row.values
        target = indicator
        named = " ".join(str(cells.get("indicator") or "").split())
        if named:
            found = indicators.get(named.casefold()) or by_id.get(named)
            if found is None:
                errors.append(
                    (
                        line,
                        _("No indicator of %(organisation)s is called “%(name)s”.")
                        % {"organisation": organisation.short_name, "name": named},
                    )
                )
                continue
            if indicator is not None and found.pk != indicator.pk:
                errors.append(
                    (
                        line,
                        _("This line is for “%(name)s”, not for “%(indicator)s”.")
                        % {"name": found.name, "indicator": indicator.name},
                    )
                )
                continue
            target = found
        if target is None:
            errors.append((line, _("Say which indicator this value is for (column indicator).")))
            continue
        try:
            measured_on = parse_date(cells.get("date"))
        except ValueError:
            errors.append(
                (
                    line,
                    _("“%(value)s” is not a date (write it as 2026-03-31 or 31/03/2026).")
                    % {"value": cells.get("date")},
                )
            )
            continue
        try:
            measured_on, number = _check_measurement(
                target, measured_on=measured_on, value=cells.get("value")
            )
        except ServiceError as error:
            errors.append((line, _error_text(error)))
            continue
        key = (target.pk, measured_on)
        if key in existing:
            errors.append(
                (
                    line,
                    _("“%(name)s” already has a measurement on %(date)s.")
                    % {"name": target.name, "date": day(measured_on, short=True)},
                )
            )
            continue
        if key in seen:
            errors.append(
                (
                    line,
                    _("Line %(other)s already gives “%(name)s” on %(date)s.")
                    % {
                        "other": seen[key],
                        "name": target.name,
                        "date": day(measured_on, short=True),
                    },
                )
            )
            continue
        seen[key] = line
        source = str(cells.get("source") or "").strip()
        if len(source) > 200:
            errors.append((line, _("The source is too long (at most 200 characters).")))
            continue
        valid.append(
            Measurement(
                indicator=target,
                measured_on=measured_on,
                value=number,
                source=source,
                comment=str(cells.get("comment") or "").strip(),
                via=Measurement.Via.IMPORT,
                entered_by=by,
            )
        )
    if errors:
        raise ImportRejected(errors)
    created = Measurement.objects.bulk_create(valid)
    audit_record(
        action="measurement.imported",
        actor=by,
        target=indicator or organisation,
        organisation=organisation,
        data={
            "file": file_name,
            "rows": len(created),
            "indicators": sorted({m.indicator_id for m in created}),
        },
    )
    return created
