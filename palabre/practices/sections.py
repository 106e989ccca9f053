"""The sections of a fiche, in the order the editor, the page and the PDF follow."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    slug: str
    title: Promise
    fields: tuple[str, ...]
    # The section counts as written when one field of each group is filled.
    required: tuple[tuple[str, ...], ...]
    help: Promise
    example: Promise = field(default="")


SECTIONS: tuple[Section, ...] = (
    Section(
        "identity",
        _("The practice in brief"),
        (
            "title", "kind", "language", "summary", "lead_organisation", "partners", "authors",
            "contact", "themes", "tags", "country", "region", "period_start", "period_end",
            "project_name", "visibility",
        ),
        (("title",), ("summary",), ("themes",)),
        _(
            "Give the practice a title that says what was done and where. In the summary, "
            "say in three or four sentences what the problem was, what you did and what "
            "came of it. Say too whether it worked, or what went wrong."
        ),
        _(
            "Example: « Warrantage: storing the harvest to sell it later at a better price, "
            "with the producer groups of Adamaoua »."
        ),
    ),
    Section(
        "context",
        _("Context"),
        (
            "context", "objectives", "beneficiaries", "beneficiaries_women",
            "beneficiaries_men", "stakeholders",
        ),
        (("context",), ("objectives",)),
        _(
            "Where and when did it happen, what was the problem, for whom? Who took part, "
            "and what was each one's role? A reader from another region must understand "
            "the situation without having been there."
        ),
        _(
            "Example: « In 2019, producers in Ngaoundéré sold their maize at harvest, when "
            "prices are lowest, to pay school fees. »"
        ),
    ),
    Section(
        "approach",
        _("Approach"),
        ("approach", "steps", "resources", "cost_amount", "cost_currency"),
        (("approach", "steps"),),
        _(
            "What did you do, step by step? For each key step, say what made it work (or "
            "not). Then list the resources: people, materials, time, money."
        ),
        _(
            "Example of a step: « Build the store with the group — what made it work: each "
            "member gave two days of work, so the store belongs to everyone. »"
        ),
    ),
    Section(
        "results",
        _("Results"),
        ("results", "success_factors"),
        (("results",),),
        _(
            "What changed, with figures where you have them, and the words of the people "
            "concerned. Then the factors that made it succeed. For an innovation still in "
            "progress, say what you see so far."
        ),
        _(
            "Example: « 312 producers stored 94 tonnes and sold their bags at 15,000 FCFA "
            "instead of 9,000 at harvest. »"
        ),
    ),
    Section(
        "difficulties",
        _("Difficulties"),
        ("difficulties",),
        (("difficulties",),),
        _(
            "What went wrong, what was hard, what is still missing. This is as useful to "
            "others as what worked: it saves them from the same mistakes."
        ),
        _("Example: « Two stores flooded in 2020 because they were built too low. »"),
    ),
    Section(
        "lessons",
        _("Lessons"),
        ("lessons", "sustainability"),
        (("lessons",),),
        _(
            "What have you learned? What would you do differently? Then: will it last "
            "without the project, and how?"
        ),
        _("Example: « Never start before the group has chosen its own store managers. »"),
    ),
    Section(
        "replication",
        _("Replication"),
        ("replication",),
        (("replication",),),
        _(
            "If you had to train a partner to do the same, what would you pass on? Under "
            "which conditions can it work elsewhere, and when should one not try?"
        ),
        _(
            "Example: « It works where there is a market to sell later and a group that "
            "already saves together. »"
        ),
    ),
)  # fmt: skip

SECTION_BY_SLUG = {section.slug: section for section in SECTIONS}

# Text fields shown on the page and in the PDF, per section, in order.
TEXT_FIELDS = (
    "summary", "context", "objectives", "beneficiaries", "stakeholders", "approach",
    "resources", "results", "success_factors", "difficulties", "lessons", "sustainability",
    "replication",
)  # fmt: skip


def _filled(practice, name: str) -> bool:
    if name == "steps":
        return practice.pk is not None and practice.steps.exists()
    if name in ("themes", "tags", "partners", "authors"):
        return practice.pk is not None and getattr(practice, name).exists()
    value = getattr(practice, name)
    return value not in (None, "")


def completeness(practice) -> list[tuple[Section, bool]]:
    """Each section, and whether it is written enough to be submitted."""
    return [
        (section, all(any(_filled(practice, f) for f in group) for group in section.required))
        for section in SECTIONS
    ]


def missing_sections(practice) -> list[Section]:
    return [section for section, done in completeness(practice) if not done]
