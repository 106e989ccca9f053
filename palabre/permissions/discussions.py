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

Access: ``thread_for(user, pk)`` and ``answer_for(user, pk)`` fetch one for a person or
raise 404; ``discussions_visible_to`` and ``answers_visible_to`` are the querysets;
``followable_for(user, kind, pk)`` fetches what a person may follow.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from palabre import permissions
from palabre.discussions.models import Answer, Mention, Space, Subscription, Thread, UsefulMark
from palabre.organisations.models import Organisation
from palabre.permissions import is_facilitator, is_member, object_or_404
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices.models import Practice
from palabre.themes.models import Theme

THEME, PRACTICE, WORKSHOP = Space.Kind.THEME, Space.Kind.PRACTICE, Space.Kind.WORKSHOP

# What a person may follow, by the name used in addresses and the API.
FOLLOWABLE: dict[str, type[Model]] = {
    Subscription.Kind.PRACTICE: Practice,
    Subscription.Kind.THEME: Theme,
    Subscription.Kind.THREAD: Thread,
    Subscription.Kind.ORGANISATION: Organisation,
}


def edit_window() -> timedelta:
    return timedelta(minutes=settings.DISCUSSIONS_EDIT_WINDOW_MINUTES)


# Which rows ------------------------------------------------------------------


def _workshop_q(user: Any, prefix: str) -> Q:
    """A workshop's space is for the members who may see the workshop."""
    if not is_member(user):
        return Q(pk__in=[])
    return Q(
        **{
            f"{prefix}kind": WORKSHOP,
            f"{prefix}object_id__in": workshop_rules.workshops_visible_to(user).values("pk"),
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


def discussions_visible_to(user: Any, queryset: QuerySet[Thread] | None = None) -> QuerySet[Thread]:
    """Threads this person may read: every list, search, feed, API and e-mail uses this."""
    qs = queryset if queryset is not None else Thread.objects.all()
    if is_facilitator(user):
        return qs
    qs = qs.filter(spaces_q(user, "space__"))
    shown = Q(hidden_at__isnull=True)
    if is_member(user):
        shown |= Q(author=user)
    return qs.filter(shown)


def answers_visible_to(user: Any, queryset: QuerySet[Answer] | None = None) -> QuerySet[Answer]:
    """Answers this person may read in full (hidden ones only for moderators and their author)."""
    qs = queryset if queryset is not None else Answer.objects.all()
    qs = qs.filter(thread__in=discussions_visible_to(user).values("pk"))
    if is_facilitator(user):
        return qs
    shown = Q(hidden_at__isnull=True)
    if is_member(user):
        shown |= Q(author=user)
    return qs.filter(shown)


def visible_pks(user: Any, model: Any, pks: Any) -> set[Any]:
    """Of these ids, those this person may see (the notification list checks many at once)."""
    if model is Thread:
        return set(discussions_visible_to(user).filter(pk__in=pks).values_list("pk", flat=True))
    if model is Answer:
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
        workshop = space.subject
        return workshop is not None and workshop_rules.can_view_workshop(user, workshop)
    return False


def post_shown(user: Any, post: Any) -> bool:
    return (
        not post.is_hidden
        or is_facilitator(user)
        or (is_member(user) and post.author_id == user.pk)
    )


def can_view(user: Any, obj: Any) -> bool:
    if isinstance(obj, Space):
        return can_view_space(user, obj)
    if isinstance(obj, Thread):
        return can_view_space(user, obj.space) and post_shown(user, obj)
    if isinstance(obj, Answer):
        return can_view(user, obj.thread) and post_shown(user, obj)
    if isinstance(obj, Mention):
        return can_view(user, obj.answer if obj.answer_id else obj.thread)
    if isinstance(obj, UsefulMark):
        return can_view(user, obj.answer)
    if isinstance(obj, Subscription):
        return is_member(user) and obj.user_id == user.pk
    return is_member(user)


def can_post_in(user: Any, space: Any) -> bool:
    """Start a thread here: members who may read the space; a practice must be published."""
    if not is_member(user) or not can_view_space(user, space):
        return False
    if space.kind == PRACTICE:
        return bool(space.practice.status == Practice.Status.PUBLISHED)
    return space.kind in (THEME, WORKSHOP)


def can_answer(user: Any, thread: Any) -> bool:
    return is_member(user) and can_view(user, thread) and not thread.is_hidden


def can_moderate(user: Any) -> bool:
    return is_facilitator(user)


def is_author(user: Any, post: Any) -> bool:
    return is_member(user) and post.author_id is not None and post.author_id == user.pk


def can_edit(user: Any, post: Any, *, now: datetime | None = None) -> bool:
    """Its author, within the editing window, while it is not hidden."""
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
        thread.kind == Thread.Kind.QUESTION
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
    return is_member(user) and permissions.can_view(user, target)


# Fetching one ------------------------------------------------------------------


def thread_for(user: Any, pk: Any, *, queryset: QuerySet[Thread] | None = None) -> Thread:
    """The thread if this person may read it; otherwise 404, as if it did not exist."""
    return object_or_404(discussions_visible_to(user, queryset), pk)


def answer_for(user: Any, pk: Any, *, queryset: QuerySet[Answer] | None = None) -> Answer:
    """The answer if this person may read it in its thread; otherwise 404."""
    qs = queryset if queryset is not None else Answer.objects.select_related("thread__space")
    answer = object_or_404(
        qs.filter(thread__in=discussions_visible_to(user).values("pk")),
        pk,
    )
    if not can_view(user, answer):
        raise Http404
    return answer


def followable_for(user: Any, kind: str, pk: Any) -> Model:
    """What the person asks to follow, if it is of a followable kind and they may see it."""
    model = FOLLOWABLE.get(kind)
    if model is None:
        raise Http404
    target = object_or_404(model._default_manager.all(), pk)
    if not can_follow(user, target):
        raise Http404
    return target
