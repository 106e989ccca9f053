"""The sections of a fiche, in the order the editor, the page and the PDF follow."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.text import get_text_list
from django.utils.translation import gettext
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


# What each group of required fields is called when it is missing: "Missing: the steps".
REQUIRED_NAMES = {
    ("title",): _("the title"),
    ("summary",): _("the summary"),
    ("themes",): _("the themes"),
    ("context",): _("the context"),
    ("objectives",): _("the objectives"),
    ("approach", "steps"): _("the approach or its key steps"),
    ("results",): _("the results"),
    ("difficulties",): _("the difficulties"),
    ("lessons",): _("the lessons"),
    ("replication",): _("what to pass on to replicate it"),
}


def _filled(practice, name: str) -> bool:
    if name == "steps":
        return practice.pk is not None and practice.steps.exists()
    if name in ("themes", "tags", "partners", "authors"):
        return practice.pk is not None and getattr(practice, name).exists()
    value = getattr(practice, name)
    return value not in (None, "")


class SectionProgress(tuple):
    """``(section, done)``, unpacked as before, plus what is still missing.

    ``missing`` names the required parts not written yet, so the editor says
    "Missing: the results" rather than "still empty" once some text is saved;
    ``started`` tells whether anything of the section is written.
    """

    missing: list[Promise]
    started: bool

    def __new__(cls, section: Section, missing: list[Promise], started: bool) -> SectionProgress:
        progress = super().__new__(cls, (section, not missing))
        progress.missing = missing
        progress.started = started
        return progress

    @property
    def section(self) -> Section:
        return self[0]

    @property
    def done(self) -> bool:
        return self[1]

    @property
    def missing_text(self) -> str:
        """What is missing as a phrase in the active language: "the results and the lessons"."""
        return get_text_list([str(name) for name in self.missing], gettext("and"))


def section_progress(practice, section: Section) -> SectionProgress:
    missing = [
        REQUIRED_NAMES.get(group, group[0])
        for group in section.required
        if not any(_filled(practice, name) for name in group)
    ]
    started = len(missing) < len(section.required) or any(
        _filled(practice, name) for name in section.fields if name not in _ALWAYS_SET
    )
    return SectionProgress(section, missing, started)


# Fields that always hold a value (a default): they do not tell whether the section was written.
_ALWAYS_SET = frozenset({"kind", "language", "lead_organisation", "visibility", "cost_currency"})


def completeness(practice) -> list[SectionProgress]:
    """Each section, whether it is written enough to be submitted, and what is missing."""
    return [section_progress(practice, section) for section in SECTIONS]


def missing_sections(practice) -> list[Section]:
    return [progress.section for progress in completeness(practice) if not progress.done]
