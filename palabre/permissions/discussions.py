"""Who may read, write, answer and moderate discussions.

Visibility follows what is discussed:
- a thread on a practice is read by exactly those who may read the practice
  (palabre.permissions.practices), anonymous visitors included for a public one;
- a thread in a theme space is for network members;
- a thread in a workshop space is for the members who may see the workshop
  (palabre.permissions.workshops).
Hidden threads and answers stay readable by facilitators and by their author;
others see a placeholder for an answer and nothing of a thread.
Facilitators moderate; authors edit their own posts for a short while and may
hide them.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from palabre.permissions import is_facilitator, is_member
from palabre.permissions import practices as practice_rules

THEME, PRACTICE, WORKSHOP = "theme", "practice", "workshop"


def edit_window() -> timedelta:
    return timedelta(minutes=getattr(settings, "DISCUSSIONS_EDIT_WINDOW_MINUTES", 15))


def _models():
    from palabre.discussions import models

    return models


# Which rows ------------------------------------------------------------------


def _workshop_q(user: Any, prefix: str) -> Q:
    """A workshop's space is for the members who may see the workshop."""
    if not is_member(user):
        return Q(pk__in=[])
    from palabre.permissions.workshops import workshops_visible_to

    return Q(
        **{
            f"{prefix}kind": WORKSHOP,
            f"{prefix}object_id__in": workshops_visible_to(user).values("pk"),
        }
    )


def spaces_q(user: Any, prefix: str = "") -> Q:
    """The spaces this person may read, as a filter (``prefix`` e.g. "space__")."""
    if is_facilitator(user):
        return Q()
    rule = Q(
        **{
            f"{prefix}kind": PRACTICE,
            f"{prefix}practice__in": practice_rules.practices_openable_by(user).values("pk"),
        }
    )
    if is_member(user):
        rule |= Q(**{f"{prefix}kind": THEME})
    return rule | _workshop_q(user, prefix)


def discussions_visible_to(user: Any, queryset: QuerySet | None = None) -> QuerySet:
    """Threads this person may read: every list, search, feed, API and e-mail uses this."""
    Thread = _models().Thread
    qs = queryset if queryset is not None else Thread.objects.all()
    if is_facilitator(user):
        return qs
    qs = qs.filter(spaces_q(user, "space__"))
    shown = Q(hidden_at__isnull=True)
    if is_member(user):
        shown |= Q(author=user)
    return qs.filter(shown)


def answers_visible_to(user: Any, queryset: QuerySet | None = None) -> QuerySet:
    """Answers this person may read in full (hidden ones only for moderators and their author)."""
    Answer = _models().Answer
    qs = queryset if queryset is not None else Answer.objects.all()
    qs = qs.filter(thread__in=discussions_visible_to(user).values("pk"))
    if is_facilitator(user):
        return qs
    shown = Q(hidden_at__isnull=True)
    if is_member(user):
        shown |= Q(author=user)
    return qs.filter(shown)


def visible_pks(user: Any, model: Any, pks) -> set:
    """Of these ids, those this person may see (the notification list checks many at once)."""
    m = _models()
    if model is m.Thread:
        return set(discussions_visible_to(user).filter(pk__in=pks).values_list("pk", flat=True))
    if model is m.Answer:
        return set(answers_visible_to(user).filter(pk__in=pks).values_list("pk", flat=True))
    return {obj.pk for obj in model._default_manager.filter(pk__in=pks) if can_view(user, obj)}


# One object ------------------------------------------------------------------


def can_view_space(user: Any, space: Any) -> bool:
    if is_facilitator(user):
        return True
    if space.kind == PRACTICE:
        return practice_rules.can_view(user, space.practice)
    if space.kind == THEME:
        return is_member(user)
    if space.kind == WORKSHOP and is_member(user):
        from palabre.permissions.workshops import can_view_workshop

        workshop = space.subject
        return workshop is not None and can_view_workshop(user, workshop)
    return False


def post_shown(user: Any, post: Any) -> bool:
    return (
        not post.is_hidden
        or is_facilitator(user)
        or (is_member(user) and post.author_id == user.pk)
    )


def can_view(user: Any, obj: Any) -> bool:
    m = _models()
    if isinstance(obj, m.Space):
        return can_view_space(user, obj)
    if isinstance(obj, m.Thread):
        return can_view_space(user, obj.space) and post_shown(user, obj)
    if isinstance(obj, m.Answer):
        return can_view(user, obj.thread) and post_shown(user, obj)
    if isinstance(obj, m.Mention):
        return can_view(user, obj.answer if obj.answer_id else obj.thread)
    if isinstance(obj, m.UsefulMark):
        return can_view(user, obj.answer)
    if isinstance(obj, m.Subscription):
        return is_member(user) and obj.user_id == user.pk
    return is_member(user)


def can_post_in(user: Any, space: Any) -> bool:
    """Start a thread here: members who may read the space; a practice must be published."""
    if not is_member(user) or not can_view_space(user, space):
        return False
    if space.kind == PRACTICE:
        return space.practice.status == "published"
    return space.kind in (THEME, WORKSHOP)


def can_answer(user: Any, thread: Any) -> bool:
    return is_member(user) and can_view(user, thread) and not thread.is_hidden


def can_moderate(user: Any) -> bool:
    return is_facilitator(user)


def is_author(user: Any, post: Any) -> bool:
    return is_member(user) and post.author_id is not None and post.author_id == user.pk


def can_edit(user: Any, post: Any, *, now=None) -> bool:
    """Its author, within the editing window, while it is not hidden."""
    from django.utils import timezone

    now = now or timezone.now()
    return is_author(user, post) and not post.is_hidden and now - post.created_at <= edit_window()


def can_hide(user: Any, post: Any) -> bool:
    return not post.is_hidden and (can_moderate(user) or is_author(user, post))


def can_unhide(user: Any, post: Any) -> bool:
    """Facilitators; an author only what they hid themselves."""
    if not post.is_hidden:
        return False
    return can_moderate(user) or (is_author(user, post) and post.hidden_by_author)


def can_accept(user: Any, thread: Any) -> bool:
    """The asker, or a facilitator, marks the answer that helped."""
    return (
        thread.kind == "question"
        and not thread.is_hidden
        and (can_moderate(user) or is_author(user, thread))
    )


def can_mark_useful(user: Any, answer: Any) -> bool:
    return (
        is_member(user)
        and not answer.is_hidden
        and answer.author_id != user.pk
        and can_view(user, answer)
    )


def can_follow(user: Any, target: Any) -> bool:
    """Follow what one may see: a practice, a theme, a thread, an organisation."""
    from palabre.permissions import can_view as can_view_anything

    return is_member(user) and can_view_anything(user, target)
