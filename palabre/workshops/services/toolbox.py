"""The facilitation toolbox: adding and improving techniques."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from palabre.audit.services import audit_record
from palabre.lib.errors import ServiceError, refuse
from palabre.permissions import workshops as rules
from palabre.workshops.models import (
    FacilitationTool,
)

# The toolbox --------------------------------------------------------------------------

TOOL_FIELDS = (
    "name_fr", "name_en", "purpose_fr", "purpose_en", "when_fr", "when_en", "steps_fr",
    "steps_en", "materials_fr", "materials_en", "tips_fr", "tips_en", "duration_min",
    "duration_max", "group_min", "group_max",
)  # fmt: skip


def _check_tool(tool: FacilitationTool) -> None:
    if not (tool.name_fr.strip() or tool.name_en.strip()):
        raise ServiceError(_("Give the tool a name."), field="name_fr")
    if not (tool.purpose_fr.strip() or tool.purpose_en.strip()):
        raise ServiceError(_("Say what the tool is for."), field="purpose_fr")
    if not (tool.steps_fr.strip() or tool.steps_en.strip()):
        raise ServiceError(_("Describe its steps."), field="steps_fr")
    if tool.duration_min > tool.duration_max:
        raise ServiceError(
            _("The shortest duration is longer than the longest."), field="duration_max"
        )
    if tool.group_min > tool.group_max:
        raise ServiceError(_("The smallest group is larger than the largest."), field="group_max")


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "outil"
    slug, n = base, 2
    while FacilitationTool.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def tool_create(*, by: Any, **fields: Any) -> FacilitationTool:
    if not rules.can_add_tool(by):
        refuse(_("Only facilitators add tools to the toolbox."), status=403)
    values = {name: fields.get(name) or "" for name in TOOL_FIELDS if name in fields}
    tool = FacilitationTool(created_by=by, **values)
    # Both names are required by the model; one language is enough to start.
    tool.name_fr = tool.name_fr or tool.name_en
    tool.name_en = tool.name_en or tool.name_fr
    tool.when_fr = tool.when_fr or tool.when_en
    tool.purpose_fr = tool.purpose_fr or tool.purpose_en
    tool.steps_fr = tool.steps_fr or tool.steps_en
    _check_tool(tool)
    tool.slug = _unique_slug(tool.name_fr)
    tool.save()
    audit_record(action="workshop.tool_created", actor=by, target=tool)
    return tool


@transaction.atomic
def tool_update(*, tool: FacilitationTool, by: Any, fields: dict[str, Any]) -> FacilitationTool:
    current = FacilitationTool.objects.select_for_update().get(pk=tool.pk)
    if not rules.can_edit_tool(by, current):
        refuse(_("Only facilitators edit the toolbox."), status=403)
    for name, value in fields.items():
        if name not in TOOL_FIELDS:
            raise ServiceError(_("Unknown fields: %(names)s.") % {"names": name})
        setattr(current, name, value if value is not None else "")
    current.name_fr = current.name_fr or current.name_en
    current.name_en = current.name_en or current.name_fr
    _check_tool(current)
    current.save()
    audit_record(
        action="workshop.tool_updated", actor=by, target=current, data={"fields": sorted(fields)}
    )
    return current
