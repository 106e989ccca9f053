"""Time zones named the way people say them: "heure de Douala (UTC+1)", not "Africa/Douala"."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, time, timedelta

from django.utils.translation import gettext, pgettext

# Where the zone's name is not how the city is written.
CITY_NAMES = {
    "Africa/Ndjamena": "N’Djamena",
    "Africa/Lome": "Lomé",
}


def _offset(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta()).total_seconds() // 60)
    if not minutes:
        return ""
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}" + (f":{rest:02d}" if rest else "")


def time_zone_label(name: str, *, on: date | None = None) -> str:
    """ "Douala time (UTC+1)" in the active language; the offset is the one of ``on`` (today)."""
    try:
        zone = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return name
    if "/" not in name:
        return name  # "UTC" says it all
    moment = datetime.combine(on or date.today(), time(12), tzinfo=zone)
    city = CITY_NAMES.get(name) or name.rsplit("/", 1)[1].replace("_", " ")
    params = {"city": city, "offset": _offset(moment.utcoffset())}
    if city[:1].upper() in "AEIOUYÉÈ":
        # French writes "heure d'Abidjan": translators may elide before a vowel.
        return pgettext("city name starts with a vowel", "%(city)s time (UTC%(offset)s)") % params
    return gettext("%(city)s time (UTC%(offset)s)") % params
