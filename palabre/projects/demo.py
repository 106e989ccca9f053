"""Demo projects: fifteen projects across the demo organisations, with their teams, the
practices, adoptions and indicators (and resources, when their demo is loaded) that point
to them, and one exchange proposed between two projects with its first messages.

The content is in demo_data/ (see its README); it goes through the app's services (the
same checks, audit trail and notifications as for real; no e-mail is sent). Safe to run again: a project is recognised by its
organisation and name, an exchange by its two projects and subject.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import Max
from django.utils import timezone

from palabre.adoptions.models import Indicator
from palabre.core.models import OutgoingEmail
from palabre.notifications.models import Notification
from palabre.projects import services
from palabre.projects.models import Exchange, Project
from palabre.themes.models import Theme

DATA = Path(__file__).parent / "demo_data"


@cache
def demo_file(name: str) -> Any:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def _years(today: date, years: int) -> date:
    return today.replace(year=today.year + years, month=1, day=1)


def _project(spec: dict, context: dict, today: date) -> Project | None:
    organisation = context["organisations"].get(spec["organisation"])
    people = context["people"]
    if organisation is None:
        return None
    existing = Project.objects.filter(organisation=organisation, name=spec["name"]).first()
    if existing is not None:
        return existing
    contact = people.get(spec["contact"])
    author = contact or next(iter(people[e] for e, _r in spec["team"] if e in people), None)
    if author is None:
        return None
    end = (
        _years(today, -spec["end_years_ago"]).replace(month=12, day=31)
        if "end_years_ago" in spec
        else _years(today, spec["end_in_years"]).replace(month=12, day=31)
    )
    project = services.project_create(
        by=author,
        organisation=organisation,
        themes=list(Theme.objects.filter(slug__in=spec["themes"])),
        name=spec["name"],
        acronym=spec["acronym"],
        start_date=_years(today, -spec["start_years_ago"]),
        end_date=end,
        country=spec["country"],
        region=spec["region"],
        funders=spec["funders"],
        objectives=spec["objectives"],
        status=spec["status"],
        visibility=spec["visibility"],
        contact=contact,
    )
    for email, role in spec["team"]:
        if email in people:
            services.team_add(project=project, by=author, person=people[email], role=role)
    links = [
        ("practice", context.get("practices", {}), spec.get("practices", [])),
        ("adoption", context.get("adoptions", {}), spec.get("adoptions", [])),
        ("indicator", context.get("indicators", {}), spec.get("indicators", [])),
        ("resource", context.get("resources", {}), spec.get("resources", [])),
    ]
    for kind, known, keys in links:
        for key in keys:
            target = known.get(key)
            if target is not None:
                services.link_add(project=project, by=author, kind=kind, pk=target.pk)
    return project


def _indicators() -> dict[str, Any]:
    return {
        i.external_id.removeprefix("demo:"): i
        for i in Indicator.objects.filter(external_id__startswith="demo:")
    }


def _exchange(spec: dict, projects: dict, people: dict) -> Exchange | None:
    source, target = projects.get(spec["from"]), projects.get(spec["to"])
    by = people.get(spec["by"])
    if source is None or target is None or by is None:
        return None
    existing = Exchange.objects.filter(
        from_project=source, to_project=target, subject=spec["subject"]
    ).first()
    if existing is not None:
        return existing
    (_first_author, first_text), *rest = spec["messages"]
    exchange = services.exchange_propose(
        from_project=source,
        to_project=target,
        by=by,
        kind=spec["kind"],
        subject=spec["subject"],
        body=first_text,
    )
    for email, body in rest:
        if email in people:
            services.exchange_post(exchange=exchange, by=people[email], body=body)
    return exchange


def load(context) -> None:
    # Loading sends no e-mail: the messages the services queued are taken back before the
    # demo commits, and the notifications they wrote are shown as read.
    last_email = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    last_notification = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
    _load(context)
    OutgoingEmail.objects.filter(pk__gt=last_email).delete()
    Notification.objects.filter(pk__gt=last_notification).update(
        email_state=Notification.EmailState.NONE, read_at=timezone.now()
    )


def _load(context) -> None:
    today = timezone.localdate()
    context.setdefault("indicators", _indicators())
    projects = {}
    for spec in demo_file("projects"):
        project = _project(spec, context, today)
        if project is not None:
            projects[spec["key"]] = project
    for spec in demo_file("exchanges"):
        _exchange(spec, projects, context["people"])
    context["projects"] = projects
