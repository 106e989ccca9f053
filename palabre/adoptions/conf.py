"""The knobs of adoptions and impact, read from settings with documented defaults.

None of these needs to be set: the defaults below are the network's agreed rules,
documented in docs/maturity.md. An operator may override any of them in settings.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

# Months after the start of an adoption when its team is asked how it is going.
DEFAULT_REMINDER_MONTHS = (3, 12)

# A report written up to this many days before a milestone counts for that milestone.
DEFAULT_REPORT_WINDOW_DAYS = 30

# Effectiveness (1–5) from which a feedback report counts as positive.
DEFAULT_POSITIVE_EFFECTIVENESS = 4

# What each maturity level needs, counted on completed adoptions whose latest
# feedback report is positive, by organisations other than the practice's own:
# - adoptions: how many such adoptions;
# - organisations: in how many different organisations;
# - countries: in how many different countries;
# - positive_share: the share of positive ones among the adoptions that ended
#   (completed or abandoned) and have a feedback report, from 0 to 1.
DEFAULT_MATURITY_THRESHOLDS: dict[str, dict[str, float]] = {
    "promising": {"adoptions": 1, "organisations": 1, "countries": 1, "positive_share": 0},
    "proven": {"adoptions": 3, "organisations": 3, "countries": 1, "positive_share": 0.5},
    "institutionalised": {
        "adoptions": 6,
        "organisations": 5,
        "countries": 2,
        "positive_share": 0.6,
    },
}

# Rankings (best and worst outcomes) only include practices with this many reports.
DEFAULT_MIN_REPORTS_FOR_RANKING = 2

DEFAULT_IMPORT_MAX_ROWS = 5000
DEFAULT_IMPORT_MAX_BYTES = 2 * 1024 * 1024


def reminder_months() -> tuple[int, ...]:
    months = getattr(settings, "ADOPTIONS_FEEDBACK_REMINDER_MONTHS", DEFAULT_REMINDER_MONTHS)
    return tuple(sorted({int(m) for m in months if int(m) > 0}))


def report_window_days() -> int:
    return int(getattr(settings, "ADOPTIONS_REPORT_WINDOW_DAYS", DEFAULT_REPORT_WINDOW_DAYS))


def positive_effectiveness() -> int:
    return int(
        getattr(settings, "ADOPTIONS_POSITIVE_EFFECTIVENESS", DEFAULT_POSITIVE_EFFECTIVENESS)
    )


def maturity_thresholds() -> dict[str, dict[str, float]]:
    """The defaults, with whatever the settings override, level by level and key by key."""
    configured: dict[str, Any] = getattr(settings, "ADOPTIONS_MATURITY_THRESHOLDS", {}) or {}
    merged = {}
    for level, defaults in DEFAULT_MATURITY_THRESHOLDS.items():
        merged[level] = {**defaults, **(configured.get(level) or {})}
    return merged


def min_reports_for_ranking() -> int:
    return int(
        getattr(settings, "ADOPTIONS_MIN_REPORTS_FOR_RANKING", DEFAULT_MIN_REPORTS_FOR_RANKING)
    )


def import_max_rows() -> int:
    return int(getattr(settings, "ADOPTIONS_IMPORT_MAX_ROWS", DEFAULT_IMPORT_MAX_ROWS))


def import_max_bytes() -> int:
    return int(getattr(settings, "ADOPTIONS_IMPORT_MAX_BYTES", DEFAULT_IMPORT_MAX_BYTES))
