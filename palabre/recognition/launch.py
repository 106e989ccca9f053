"""The "launch workshop" template, for an organisation or a network starting to share its
practices (registered in the workshops' template registry, offered on the create page).

Its agenda, on the first day, in the workshop's time zone and first language:

- 09:00–09:45 — why and how we share our practices (plenary);
- then one 30-minute slot per suggested presenter (the three best suggestions for the
  chosen themes, as the facilitator creating it may see them): "Presentation by X, then
  questions from peers". Each slot carries a *proposed* invitation, sent in one click from
  the workshop page (a draft workshop must be published first for most people to see it);
  without any suggestion, one open slot;
- a 15-minute break;
- 90 minutes of writing: participants draft their first practices. On the workshop page,
  those who run it create, in one click, a practice draft for each registered participant
  who wants one (``services.presenters.launch_drafts_create``).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.recognition import presenters
from palabre.recognition.models import WorkshopLaunch
from palabre.recognition.services.presenters import presenter_invite
from palabre.workshops.models import Session
from palabre.workshops.services.agenda import session_create
from palabre.workshops.services.workshops import WorkshopTemplate, register_template

KEY = "launch"
PRESENTERS = 3


def initial() -> dict[str, Any]:
    return {
        "title": _("Launching the sharing of our practices"),
        "objectives": _(
            "- Understand why and how we share our practices\n"
            "- Hear colleagues who succeeded recently, and ask them questions\n"
            "- Each participant starts writing a first practice"
        ),
        "description": _(
            "A first workshop for an organisation or a network starting to share its "
            "practices: short explanations, presentations by people with recent successes "
            "followed by their peers' questions, then a writing session."
        ),
    }


def apply(*, workshop: Any, by: Any, themes: list[Any] | None = None) -> WorkshopLaunch:
    themes = list(themes or [])
    launch = WorkshopLaunch.objects.create(workshop=workshop)
    launch.themes.set(themes)
    suggestions = presenters.suggest(themes=themes, viewer=by, limit=PRESENTERS)
    theme = themes[0] if themes else None
    day = workshop.start_date
    language = (workshop.language_list or ["fr"])[0]

    def at(moment: time) -> datetime:
        return workshop.at(day, moment)

    def add(start: datetime, minutes: int, **fields: Any) -> Session:
        return session_create(
            workshop=workshop,
            by=by,
            starts_at=start,
            ends_at=start + timedelta(minutes=minutes),
            **fields,
        )

    with translation.override(language):
        start = at(time(9, 0))
        add(
            start,
            45,
            kind=Session.Kind.PLENARY,
            title=_("Why and how we share our practices"),
            description=_(
                "What a practice is, why writing it down helps others and ourselves, how a "
                "practice is reviewed and who can read it."
            ),
        )
        start += timedelta(minutes=45)
        slots: list[presenters.Suggestion | None] = list(suggestions) or [None]
        for suggestion in slots:
            if suggestion is None:
                title = _("Presentation of a recent success, then questions from peers")
            else:
                title = _("Presentation by %(name)s, then questions from peers") % {
                    "name": suggestion.person.display_name
                }
            slot = add(
                start,
                30,
                kind=Session.Kind.PRESENTATION,
                title=title[:200],
                theme=theme,
                description=_("15 minutes of presentation, 15 minutes of questions."),
            )
            if suggestion is not None:
                presenter_invite(
                    workshop=workshop,
                    person=suggestion.person,
                    by=by,
                    session=slot,
                    reason="; ".join(suggestion.reasons)[:500],
                    send=False,
                )
            start += timedelta(minutes=30)
        add(start, 15, kind=Session.Kind.BREAK, title=_("Break"))
        start += timedelta(minutes=15)
        launch.writing_session = add(
            start,
            90,
            kind=Session.Kind.PLENARY,
            title=_("Writing our first practices"),
            description=_(
                "Each participant who wants to starts a practice draft, helped by the "
                "facilitators and the presenters. Drafts are reviewed as usual before "
                "anyone else reads them."
            ),
        )
    launch.save(update_fields=["writing_session"])
    return launch


TEMPLATE = register_template(
    WorkshopTemplate(
        key=KEY,
        label=gettext_lazy("a launch workshop"),
        help=gettext_lazy(
            "For an organisation or a network starting to share its practices: why and how "
            "to share, presentations by people with recent successes on your themes, and a "
            "session where participants write their first practices."
        ),
        initial=initial,
        apply=apply,
        asks_themes=True,
    )
)
