"""Demo discussions: questions on demo practices and in theme spaces, answered in French.

Written straight into the tables (with their mentions), so loading the demo
sends no e-mail; a few in-app notifications show what people are told.
Safe to run again: every thread and answer has a stable key.
The threads and subscriptions are in demo_data/ (see its README); this module loads them.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone

from palabre.discussions.mentions import find_mentions
from palabre.discussions.models import (
    Answer,
    Mention,
    Space,
    Subscription,
    Thread,
    UsefulMark,
)
from palabre.discussions.search import index_thread
from palabre.lib.demo_data import read_demo_file, split_list
from palabre.notifications.models import Notification
from palabre.permissions import discussions as rules
from palabre.themes.models import Theme

DATA = Path(__file__).parent / "demo_data"


def demo_threads() -> list[dict]:
    """The demo threads, in the order of their file names (`NN-key.md`)."""
    return [_read_thread(path) for path in sorted(DATA.glob("[0-9]*.md"))]


def _read_thread(path: Path) -> dict[str, Any]:
    header, body, sections = read_demo_file(path)
    item: dict[str, Any] = {"key": path.stem.split("-", 1)[1], **header, "body": body}
    item.update(days=int(item.pop("days_ago")), answers=[], accepted=None, useful=[], hidden=[])
    for n, (_heading, fields, text) in enumerate(sections):
        quotes = int(fields["quotes"]) - 1 if fields.get("quotes") else None
        item["answers"].append((fields["author"], text, quotes))
        if fields.get("accepted") == "yes":
            item["accepted"] = n
        item["useful"] += [(n, email) for email in split_list(fields.get("useful", ""))]
        if fields.get("hidden_by"):
            item["hidden"].append((n, fields["hidden_by"], fields["hidden_reason"]))
    return item


def demo_subscriptions() -> list[tuple[str, str, str]]:
    """(email, kind, key): a person follows a theme, a practice or an organisation."""
    _header, _text, sections = read_demo_file(DATA / "subscriptions.md")
    return [(email, kind, key) for email, fields, _ in sections for kind, key in fields.items()]


def _space(reference: str, practices: dict) -> Space | None:
    kind, key = reference.split(":", 1)
    if kind == "practice":
        practice = practices.get(key)
        if practice is None:
            return None
        return Space.objects.get_or_create(kind=Space.Kind.PRACTICE, practice=practice)[0]
    theme = Theme.objects.filter(slug=key).first()
    if theme is None:
        return None
    return Space.objects.get_or_create(kind=Space.Kind.THEME, theme=theme)[0]


def _mentions(thread: Thread, answer: Answer | None, body: str) -> None:

    for found in find_mentions(body):
        if rules.can_view(found.user, answer or thread):
            Mention.objects.get_or_create(
                thread=thread, answer=answer, user=found.user, defaults={"text": found.text}
            )


def load(context) -> None:
    people, practices = context["people"], context.get("practices", {})
    now = timezone.now()
    for item in demo_threads():
        space = _space(item["space"], practices)
        author = people.get(item["author"])
        if space is None or author is None:
            continue
        created = now - timedelta(days=item["days"], hours=3)
        thread, _new = Thread.objects.update_or_create(
            author=author,
            submission_key=f"demo:{item['key']}",
            defaults={
                "space": space,
                "kind": item["kind"],
                "title": item["title"],
                "body": item["body"],
                "language": "fr",
                "created_at": created,
                "last_activity_at": created,
            },
        )
        _mentions(thread, None, thread.body)
        Subscription.objects.get_or_create(user=author, kind="thread", thread=thread)
        answers = []
        for n, (email, body, quotes) in enumerate(item["answers"]):
            when = created + timedelta(hours=5 + 20 * n)
            answer, _new = Answer.objects.update_or_create(
                author=people[email],
                submission_key=f"demo:{item['key']}:{n}",
                defaults={
                    "thread": thread,
                    "body": body,
                    "quoted": answers[quotes] if quotes is not None else None,
                    "created_at": when,
                },
            )
            answers.append(answer)
            _mentions(thread, answer, body)
            Subscription.objects.get_or_create(user=people[email], kind="thread", thread=thread)
            thread.last_activity_at = when
        for index, email in item["useful"]:
            UsefulMark.objects.get_or_create(answer=answers[index], user=people[email])
        for index, email, reason in item["hidden"]:
            Answer.objects.filter(pk=answers[index].pk).update(
                hidden_at=answers[index].created_at + timedelta(hours=2),
                hidden_by=people[email],
                hidden_reason=reason,
            )
        if item["accepted"] is not None:
            thread.accepted_answer = answers[item["accepted"]]
            thread.accepted_by = author
            thread.accepted_at = answers[item["accepted"]].created_at + timedelta(hours=6)
        thread.save()
        _tell_demo(thread, answers, people, item)
    for email, kind, key in demo_subscriptions():
        user = people.get(email)
        target = _target(kind, key, practices, context)
        if user is not None and target is not None:
            Subscription.objects.get_or_create(user=user, kind=kind, **{kind: target})

    for thread in Thread.objects.all():
        index_thread(thread)


def _target(kind: str, key: str, practices: dict, context):
    if kind == "practice":
        return practices.get(key)
    if kind == "theme":
        return Theme.objects.filter(slug=key).first()
    return context["organisations"].get(key)


def _tell_demo(thread: Thread, answers: list[Answer], people: dict, item: dict) -> None:
    """A few unread notifications, as people would have received them (in French)."""
    space = thread.space
    if space.kind == Space.Kind.PRACTICE:
        for person in space.practice.authors.all():
            if person.pk == thread.author_id or person.language != "fr":
                continue
            Notification.objects.get_or_create(
                recipient=person,
                kind="discussions.question",
                target_type="discussions.thread",
                target_id=str(thread.pk),
                defaults={
                    "title": f"{thread.author} pose une question sur votre pratique "
                    f"« {space.practice.title} » : « {thread.title} »",
                    "body": thread.body[:280],
                    "url": thread.get_absolute_url(),
                    "actor": thread.author,
                },
            )
    if answers and thread.author.language == "fr":
        first = answers[0]
        Notification.objects.get_or_create(
            recipient=thread.author,
            kind="discussions.answer",
            target_type="discussions.answer",
            target_id=str(first.pk),
            defaults={
                "title": f"{first.author} a répondu dans « {thread.title} »",
                "body": first.body[:280],
                "url": first.get_absolute_url(),
                "actor": first.author,
            },
        )
