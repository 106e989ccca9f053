"""The agenda as iCalendar files that calendar applications import, in the workshop's time zone."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from palabre.workshops.models import Session, Workshop


def _description(session: Session, workshop: Workshop) -> str:
    lines = [session.get_kind_display().capitalize()]
    if session.theme_id:
        lines.append(_("Theme: %(name)s") % {"name": session.theme.name})
    if session.facilitator_id:
        lines.append(_("Facilitator: %(name)s") % {"name": session.facilitator})
    if session.presenter_id:
        lines.append(_("Presenter: %(name)s") % {"name": session.presenter})
    if session.tool_id:
        lines.append(_("Facilitation tool: %(name)s") % {"name": session.tool.name})
    if session.description:
        lines += ["", session.description]
    lines += ["", f"{workshop.title} — {settings.SITE_URL}{session.get_absolute_url()}"]
    return "\n".join(lines)


def calendar(sessions: Iterable[Session], *, name: str) -> bytes:
    """One event per session, dated in its workshop's time zone (with its VTIMEZONE)."""
    cal = Calendar()
    cal.add("prodid", "-//Palabre//Workshops//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    host = urlsplit(settings.SITE_URL).hostname or "palabre"
    stamp = timezone.now()
    zones = set()
    for session in sessions:
        workshop = session.workshop
        tz = workshop.tz
        zones.add(workshop.time_zone)
        event = Event()
        event.add("uid", f"workshop-session-{session.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("last-modified", session.updated_at)
        event.add("dtstart", session.starts_at.astimezone(tz))
        event.add("dtend", session.ends_at.astimezone(tz))
        event.add("summary", session.title)
        place = ", ".join(p for p in (session.room, workshop.venue, workshop.city) if p)
        if place:
            event.add("location", place)
        event.add("description", _description(session, workshop))
        event.add("url", f"{settings.SITE_URL}{session.get_absolute_url()}")
        event.add("categories", [session.get_kind_display()])
        event.add("status", "CANCELLED" if workshop.is_cancelled else "CONFIRMED")
        cal.add_component(event)
    if len(zones) == 1:
        cal.add("x-wr-timezone", zones.pop())
    cal.add_missing_timezones()
    return cal.to_ical()


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response
