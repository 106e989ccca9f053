"""Reads about discussions: lists, a thread with its answers, followers, unanswered questions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from palabre import permissions
from palabre.discussions.mentions import normalise
from palabre.discussions.models import Answer, Mention, Space, Subscription, Thread, UsefulMark
from palabre.permissions import discussions as rules
from palabre.permissions import practices as practice_rules
from palabre.permissions.practices import is_author
from palabre.practices.models import Practice
from palabre.themes.models import Theme


def unanswered_after() -> timedelta:
    return timedelta(hours=settings.DISCUSSIONS_UNANSWERED_AFTER_HOURS)


def _answered_by_others() -> Exists:
    return Exists(
        Answer.objects.filter(thread=OuterRef("pk"), hidden_at__isnull=True).exclude(
            author_id=OuterRef("author_id")
        )
    )


def with_rows(qs: QuerySet[Thread]) -> QuerySet[Thread]:
    """What a list of threads shows, in a fixed number of queries."""
    return qs.select_related("author", "space__theme", "space__practice").annotate(
        answer_count=Count("answers", filter=Q(answers__hidden_at__isnull=True), distinct=True)
    )


def thread_list(
    *,
    user: Any,
    space: Space | None = None,
    kind: str = "",
    unanswered: bool = False,
    theme=None,
) -> QuerySet[Thread]:
    qs = rules.discussions_visible_to(user)
    if space is not None:
        qs = qs.filter(space=space)
    if theme is not None:
        qs = qs.filter(
            Q(space__theme=theme)
            | Q(space__theme__parent=theme)
            | Q(space__practice__themes=theme)
            | Q(space__practice__themes__parent=theme)
        ).distinct()
    if kind:
        qs = qs.filter(kind=kind)
    if unanswered:
        qs = qs.filter(kind=Thread.Kind.QUESTION, accepted_answer__isnull=True).filter(
            ~_answered_by_others()
        )
    return with_rows(qs).order_by("-last_activity_at", "-pk")


def unanswered_questions(*, user: Any = None, older_than: timedelta | None = None):
    """Questions nobody but their asker has answered (visible to ``user`` when given)."""
    qs = rules.discussions_visible_to(user) if user is not None else Thread.objects.all()
    qs = qs.filter(
        kind=Thread.Kind.QUESTION, hidden_at__isnull=True, accepted_answer__isnull=True
    ).filter(~_answered_by_others())
    if older_than is not None:
        qs = qs.filter(created_at__lte=timezone.now() - older_than)
    return qs


def thread_page(*, thread: Thread, user: Any) -> dict[str, Any]:
    """A thread's answers and what the page needs about them, in a fixed number of queries."""
    answers = list(
        thread.answers.select_related("author", "hidden_by", "quoted__author")
        .annotate(useful_count=Count("useful_marks", distinct=True))
        .prefetch_related(Prefetch("mentions", queryset=Mention.objects.select_related("user")))
    )
    marked: set[int] = set()
    if permissions.is_member(user):
        marked = set(
            UsefulMark.objects.filter(answer__thread=thread, user=user).values_list(
                "answer_id", flat=True
            )
        )
    opening_mentions = list(
        Mention.objects.filter(thread=thread, answer__isnull=True).select_related("user")
    )
    for answer in answers:
        answer.marked_useful = answer.pk in marked
        answer.visible = rules.post_shown(user, answer)
        answer.can_edit = rules.can_edit(user, answer)
        answer.can_hide = rules.can_hide(user, answer)
        answer.can_unhide = rules.can_unhide(user, answer)
    accepted = next((a for a in answers if a.pk == thread.accepted_answer_id), None)
    return {"answers": answers, "accepted": accepted, "opening_mentions": opening_mentions}


# Followers -------------------------------------------------------------------


def _users():
    return get_user_model().objects.filter(is_active=True)


def practice_followers(practice) -> QuerySet:
    """Who follows a practice: those who chose to, and always its authors (computed)."""
    chose = Subscription.objects.filter(kind=Subscription.Kind.PRACTICE, practice=practice)
    return _users().filter(Q(pk__in=chose.values("user_id")) | Q(practices=practice)).distinct()


def theme_followers(themes) -> QuerySet:
    """Who follows one of these themes or a broader theme they belong to."""
    ids = set()
    for theme in themes:
        ids.add(theme.pk)
        if theme.parent_id:
            ids.add(theme.parent_id)
    chose = Subscription.objects.filter(kind=Subscription.Kind.THEME, theme_id__in=ids)
    return _users().filter(pk__in=chose.values("user_id"))


def organisation_followers(organisation_ids) -> QuerySet:
    chose = Subscription.objects.filter(
        kind=Subscription.Kind.ORGANISATION, organisation_id__in=organisation_ids
    )
    return _users().filter(pk__in=chose.values("user_id"))


def thread_followers(thread: Thread) -> QuerySet:
    chose = Subscription.objects.filter(kind=Subscription.Kind.THREAD, thread=thread)
    return _users().filter(pk__in=chose.values("user_id"))


def is_following(user: Any, target: Any) -> bool:
    if not permissions.is_member(user):
        return False
    kind = target._meta.model_name
    if kind == "practice" and is_author(user, target):
        return True
    return Subscription.objects.filter(user=user, kind=kind, **{kind: target}).exists()


def subscriptions_of(user: Any) -> QuerySet[Subscription]:
    """What this person follows and may still see (what became hidden from them is left out)."""

    return (
        Subscription.objects.filter(user=user)
        .filter(
            Q(kind__in=[Subscription.Kind.THEME, Subscription.Kind.ORGANISATION])
            | Q(
                kind=Subscription.Kind.PRACTICE,
                practice__in=practice_rules.practices_openable_by(user).values("pk"),
            )
            | Q(
                kind=Subscription.Kind.THREAD,
                thread__in=rules.discussions_visible_to(user).values("pk"),
            )
        )
        .select_related("practice", "theme", "thread", "organisation")
    )


# Who could answer ------------------------------------------------------------


def thread_themes(thread: Thread) -> list:
    space = thread.space
    if space.kind == Space.Kind.THEME:
        return [space.theme]
    if space.kind == Space.Kind.PRACTICE:
        return list(space.practice.themes.all())
    return []


def _skill_matches(skills: list[str], names: list[str]) -> bool:
    for skill in skills:
        s = normalise(skill.replace("-", " "))
        if len(s) < 4:
            continue
        for name in names:
            if s in name or name in s:
                return True
    return False


def people_who_could_answer(thread: Thread, *, limit: int = 10) -> list:
    """Members whose practices or offered skills match the question's themes, best first."""

    themes = thread_themes(thread)
    if not themes:
        return []
    ids = {t.pk for t in themes} | set(
        Theme.objects.filter(parent__in=themes).values_list("pk", flat=True)
    )
    related = Theme.objects.filter(pk__in=ids)
    names = [normalise(n.replace("-", " ")) for t in related for n in (t.name_fr, t.name_en)]
    exclude = {thread.author_id}
    authors = list(
        _users()
        .filter(
            practices__in=Practice.objects.filter(status="published", themes__in=ids).values("pk")
        )
        .exclude(pk__in=[pk for pk in exclude if pk])
        .annotate(n=Count("practices", distinct=True))
        .order_by("-n", "pk")
    )
    chosen = authors[:limit]
    taken = {u.pk for u in chosen} | exclude
    if len(chosen) < limit:
        for person in _users().exclude(skills_offered="").exclude(pk__in=[p for p in taken if p]):
            if _skill_matches(person.skills_offered_list, names):
                chosen.append(person)
                if len(chosen) >= limit:
                    break
    return chosen
