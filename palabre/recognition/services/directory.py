"""“Who can help me?”: asking someone found in the directory a question, through Palabre.

The question is a discussion thread in the chosen theme's space, opened with an
@mention of the person, so the discussions app tells them (their notification choices
apply) and everyone with the same problem later finds the answer too.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from palabre.discussions import services as discussions
from palabre.discussions.mentions import MENTION, find_mentions
from palabre.discussions.models import Thread
from palabre.lib.errors import ServiceError, refuse
from palabre.permissions import recognition as rules
from palabre.themes.models import Theme


def mention_for(person: Any) -> str:
    """What to write after the @ so that the mention finds this person and no one else:
    their name when it is theirs alone, else the part of their e-mail address before the @.
    Empty when neither is (the caller then names them without a mention)."""
    candidates = [" ".join((person.display_name or "").split())]
    candidates.append(person.email.split("@")[0])
    for text in candidates:
        match = MENTION.fullmatch("@" + text) if text else None
        if match is None or match.group(1) != text:
            continue
        found = find_mentions("@" + text)
        if len(found) == 1 and found[0].user.pk == person.pk and found[0].text == text:
            return text
    return ""


def question_body(person: Any, question: str) -> str:
    """The thread's text: the mention on its own line, then the question."""
    mention = mention_for(person)
    name = f"@{mention}" if mention else re.sub(r"@", "", str(person))
    return f"{name}\n\n{question}"


@transaction.atomic
def directory_question_ask(
    *, by: Any, person: Any, theme: Theme | None, title: str, question: str
) -> Thread:
    """Ask ``person`` a question in ``theme``'s discussion space; they are told through
    the mention. Refused without a theme, to oneself, or with an empty question."""
    if not rules.can_use_directory(by):
        refuse(_("Log in to ask a question."), status=403)
    if not person.is_active:
        refuse(_("This person's account is closed."), status=404)
    if person.pk == by.pk:
        refuse(_("You cannot ask yourself a question."))
    if theme is None:
        refuse(_("Choose the theme of your question."), field="theme")
    question = (question or "").strip()
    if not question:
        refuse(_("Write your question."), field="question")
    try:
        return discussions.thread_create(
            space=discussions.space_for(theme),
            by=by,
            title=title,
            body=question_body(person, question),
            kind=Thread.Kind.QUESTION,
        )
    except ServiceError as error:
        # The thread's text is the question asked here: its messages belong to that field.
        if error.field == "body":
            error.field = "question"
        raise
