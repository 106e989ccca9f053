"""@mentions: find the members named in a message, and show them as links.

A mention is @ followed by a member's name ("@Awa Bello") or the part of their
e-mail address before the @ ("@awa.bello"). Case and accents do not matter; a
name two members share is not resolved (the e-mail part is then the way).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

# "@" not preceded by a letter, digit, dot or @ (so e-mail addresses are left alone),
# then up to four words.
MENTION = re.compile(r"(?<![\w@.])@(\w[\w.'’-]*(?:[ \t]+\w[\w.'’-]*){0,3})")
MAX_MENTIONS = 20
TRAILING = ".,;:!?'’-"


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@dataclass(frozen=True)
class Found:
    user: Any
    text: str  # as typed, without the @


def find_mentions(text: str) -> list[Found]:
    """The members mentioned in ``text``, each once, in order of appearance."""
    candidates = [m.group(1) for m in MENTION.finditer(text or "")]
    if not candidates:
        return []
    people = list(
        get_user_model()
        .objects.filter(is_active=True)
        .only("pk", "display_name", "email", "is_active", "network_role", "language")
    )
    by_name: dict[str, list[Any]] = {}
    by_local: dict[str, list[Any]] = {}
    for person in people:
        if person.display_name:
            by_name.setdefault(normalise(person.display_name), []).append(person)
        by_local.setdefault(normalise(person.email.split("@")[0]), []).append(person)
    found: list[Found] = []
    seen: set[int] = set()
    for candidate in candidates:
        words = candidate.split()
        for size in range(len(words), 0, -1):
            typed = " ".join(words[:size]).rstrip(TRAILING)
            key = normalise(typed)
            matches = by_name.get(key, [])
            if not matches and size == 1:
                matches = by_local.get(key, [])
            if len(matches) == 1 and matches[0].pk not in seen:
                seen.add(matches[0].pk)
                found.append(Found(user=matches[0], text=typed))
            if matches:
                break  # found, already found, or two people share it: no shorter guess
        if len(found) >= MAX_MENTIONS:
            break
    return found


def link_mentions(text: str, mentions: list[Any], *, as_links: bool) -> str:
    """Turn the recorded mentions of a message into Markdown links (or bold for visitors)."""
    for mention in sorted(mentions, key=lambda m: -len(m.text)):
        name = mention.user.display_name or mention.text
        label = f"@{name}".replace("[", "").replace("]", "")
        replacement = (
            f"[{label}]({mention.user.get_absolute_url()})" if as_links else f"**{label}**"
        )
        pattern = re.compile(r"(?<![\w@.\[])@" + re.escape(mention.text) + r"(?![\w])")
        text = pattern.sub(lambda _m, r=replacement: r, text)
    return text
