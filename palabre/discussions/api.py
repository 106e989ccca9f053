"""API routes for discussions: threads, answers, accepted answers, useful marks, follows."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from palabre import permissions
from palabre.discussions import selectors, services
from palabre.discussions.models import Answer, Mention, Space, Subscription, Thread
from palabre.lib.api import ErrorOut, Id, InputSchema, Offset, PageMeta, example, named_choices
from palabre.lib.errors import ServiceError
from palabre.lib.text import markdown_to_html
from palabre.permissions import discussions as rules
from palabre.permissions import practices as practice_rules
from palabre.themes.models import Theme

router = Router(tags=["discussions"])

# Each app's choices under a name of their own in the OpenAPI document; for mypy,
# the model's choices (the same values).
if TYPE_CHECKING:
    ThreadKind = Thread.Kind
    FollowedKind = Subscription.Kind
else:
    ThreadKind = named_choices("ThreadKind", Thread.Kind)
    FollowedKind = named_choices("FollowedKind", Subscription.Kind)


class DiscussionPersonRef(Schema):
    id: int
    name: str


class DiscussionSpaceRef(Schema):
    kind: str
    practice: int | None
    theme: str | None = Field(description="Theme slug")
    title: str


class ThreadSummary(Schema):
    id: int
    url: str
    kind: str
    title: str
    language: str
    space: DiscussionSpaceRef
    author: DiscussionPersonRef | None
    answer_count: int
    accepted_answer: int | None
    hidden: bool
    created_at: datetime
    last_activity_at: datetime


class AnswerOut(Schema):
    id: int
    url: str
    author: DiscussionPersonRef | None
    body: str = Field(description="Markdown as typed (empty when hidden from you)")
    html: str = Field(description="Sanitised HTML")
    quoted: int | None
    useful: int
    accepted: bool
    hidden: bool
    hidden_reason: str
    created_at: datetime
    edited_at: datetime | None


class ThreadOut(ThreadSummary):
    body: str
    html: str
    edited_at: datetime | None
    hidden_reason: str
    answers: list[AnswerOut]


class ThreadPage(Schema):
    meta: PageMeta
    results: list[ThreadSummary]


class ThreadIn(InputSchema):
    model_config = example(
        {
            "theme": "epargne-microfinance",
            "kind": "question",
            "title": "Comment fixer le prix du stockage ?",
            "body": "Nous hésitons entre un prix au sac et un pourcentage de la vente.",
            "language": "fr",
            "submission_key": "2030-03-12-prix-du-stockage",
        }
    )

    practice: Id | None = Field(None, description="Ask on this practice…")
    theme: str | None = Field(None, description="…or in this theme's space (slug)")
    kind: ThreadKind = ThreadKind.QUESTION
    title: str = Field(max_length=200)
    body: str
    language: str = Field("", pattern="^(fr|en|)$")
    submission_key: str = Field(
        "", max_length=64, description="Any unique string: sending it again keeps one thread"
    )


class ThreadEditIn(InputSchema):
    model_config = example(
        {
            "title": "Comment fixer le prix du stockage au magasin ?",
            "body": "Nous hésitons entre un prix au sac et un pourcentage de la vente.",
        }
    )

    title: str = Field(max_length=200)
    body: str


class DiscussionAnswerIn(InputSchema):
    model_config = example(
        {
            "body": "Chez nous, 500 F le sac pour toute la saison : simple à expliquer.",
            "submission_key": "2030-03-12-reponse-prix",
        }
    )

    body: str
    quoted: Id | None = Field(None, description="The id of an answer of this thread")
    submission_key: str = Field(
        "", max_length=64, description="Any unique string: sending it again keeps one answer"
    )


class DiscussionAnswerEditIn(InputSchema):
    model_config = example(
        {"body": "Chez nous, 500 F CFA le sac pour toute la saison : simple à expliquer."}
    )

    body: str


class DiscussionHideIn(InputSchema):
    model_config = example({"reason": "Message publicitaire sans rapport avec la question."})

    reason: str = Field(max_length=300)


class SubscriptionOut(Schema):
    kind: str
    id: int
    title: str
    url: str


class FollowOut(Schema):
    following: bool


def _person(user) -> dict | None:
    return {"id": user.pk, "name": str(user)} if user is not None else None


def _space(space: Space) -> dict:
    return {
        "kind": space.kind,
        "practice": space.practice_id,
        "theme": space.theme.slug if space.theme_id else None,
        "title": str(space),
    }


def _summary(t: Thread) -> dict:
    return {
        "id": t.pk,
        "url": t.get_absolute_url(),
        "kind": t.kind,
        "title": t.title,
        "language": t.language,
        "space": _space(t.space),
        "author": _person(t.author),
        "answer_count": getattr(t, "answer_count", 0),
        "accepted_answer": t.accepted_answer_id,
        "hidden": t.is_hidden,
        "created_at": t.created_at,
        "last_activity_at": t.last_activity_at,
    }


def _answer(a: Answer, user, thread: Thread) -> dict:
    shown = rules.post_shown(user, a)
    return {
        "id": a.pk,
        "url": a.get_absolute_url(),
        "author": _person(a.author) if shown else None,
        "body": a.body if shown else "",
        "html": markdown_to_html(a.body) if shown else "",
        "quoted": a.quoted_id,
        "useful": getattr(a, "useful_count", 0),
        "accepted": thread.accepted_answer_id == a.pk,
        "hidden": a.is_hidden,
        "hidden_reason": a.hidden_reason if shown else "",
        "created_at": a.created_at,
        "edited_at": a.edited_at,
    }


def _thread_for(request, thread_id: Id) -> Thread:
    return rules.thread_for(
        request.auth,
        thread_id,
        queryset=Thread.objects.select_related("author", "space__theme", "space__practice"),
    )


def _answer_for(request, answer_id: Id) -> Answer:
    return rules.answer_for(
        request.auth,
        answer_id,
        queryset=Answer.objects.select_related("thread__space__practice", "thread__space__theme"),
    )


def _full(request, thread: Thread) -> dict:
    user = request.auth
    thread = selectors.with_rows(Thread.objects.filter(pk=thread.pk)).get()
    answers = (
        thread.answers.select_related("author")
        .annotate(useful_count=Count("useful_marks", distinct=True))
        .prefetch_related(Prefetch("mentions", queryset=Mention.objects.select_related("user")))
    )
    data = _summary(thread)
    data.update(
        body=thread.body,
        html=markdown_to_html(thread.body),
        edited_at=thread.edited_at,
        hidden_reason=thread.hidden_reason,
        answers=[_answer(a, user, thread) for a in answers],
    )
    return data


def _member(request):
    if not permissions.is_member(request.auth):
        return Status(401, {"detail": _("Log in (send a token) to take part in discussions.")})
    return None


@router.get("/threads", response=ThreadPage, summary="Threads you may read, latest activity first")
def list_threads(
    request,
    practice: Id | None = None,
    theme: str = "",
    kind: str = Query("", pattern="^(question|discussion|)$"),
    unanswered: bool = False,
    limit: int = Query(20, ge=1, le=100),
    offset: Offset = 0,
):
    qs = selectors.thread_list(user=request.auth, kind=kind, unanswered=unanswered)
    if practice is not None:
        qs = qs.filter(space__kind=Space.Kind.PRACTICE, space__practice_id=practice)
    if theme:
        qs = qs.filter(space__kind=Space.Kind.THEME, space__theme__slug=theme)
    count = qs.count()
    return {
        "meta": {"count": count, "limit": limit, "offset": offset},
        "results": [_summary(t) for t in qs[offset : offset + limit]],
    }


@router.post(
    "/threads",
    response={
        200: ThreadOut,
        201: ThreadOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        429: ErrorOut,
    },
    summary="Ask a question or start a discussion (on a practice or in a theme)",
)
def create_thread(request, payload: ThreadIn):
    if (refused := _member(request)) is not None:
        return refused
    if (payload.practice is None) == (not payload.theme):
        raise ServiceError(_("Give either a practice or a theme."))
    if payload.practice is not None:
        subject = practice_rules.practice_for(request.auth, payload.practice)
    else:
        subject = get_object_or_404(Theme, slug=payload.theme)
    thread = services.thread_create(
        space=services.space_for(subject, create=False),  # made only if the thread may be
        by=request.auth,
        kind=payload.kind,
        title=payload.title,
        body=payload.body,
        language=payload.language,
        submission_key=payload.submission_key,
    )
    return Status(200 if thread.duplicate else 201, _full(request, thread))


@router.get(
    "/threads/{thread_id}", response={200: ThreadOut, 404: ErrorOut}, summary="Read a thread"
)
def read_thread(request, thread_id: Id):
    return _full(request, _thread_for(request, thread_id))


WRITE = {200: ThreadOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


@router.patch(
    "/threads/{thread_id}", response=WRITE, summary="Edit your thread (within the editing window)"
)
def edit_thread(request, thread_id: Id, payload: ThreadEditIn):
    if (refused := _member(request)) is not None:
        return refused
    thread = services.thread_edit(
        thread=_thread_for(request, thread_id),
        by=request.auth,
        title=payload.title,
        body=payload.body,
    )
    return _full(request, thread)


@router.post("/threads/{thread_id}/hide", response=WRITE, summary="Hide a thread, with a reason")
def hide_thread(request, thread_id: Id, payload: DiscussionHideIn):
    if (refused := _member(request)) is not None:
        return refused
    thread = services.post_hide(
        post=_thread_for(request, thread_id), by=request.auth, reason=payload.reason
    )
    return _full(request, thread)


@router.post("/threads/{thread_id}/unhide", response=WRITE, summary="Show a hidden thread again")
def unhide_thread(request, thread_id: Id):
    if (refused := _member(request)) is not None:
        return refused
    thread = services.post_unhide(post=_thread_for(request, thread_id), by=request.auth)
    return _full(request, thread)


@router.post(
    "/threads/{thread_id}/answers",
    response={
        200: AnswerOut,
        201: AnswerOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        429: ErrorOut,
    },
    summary="Answer in a thread",
)
def create_answer(request, thread_id: Id, payload: DiscussionAnswerIn):
    if (refused := _member(request)) is not None:
        return refused
    thread = _thread_for(request, thread_id)
    quoted = None
    if payload.quoted is not None:
        quoted = Answer.objects.filter(pk=payload.quoted, thread=thread).first()
        if quoted is None:
            raise ServiceError(_("The quoted answer is not in this thread."))
    answer = services.answer_post(
        thread=thread,
        by=request.auth,
        body=payload.body,
        quoted=quoted,
        submission_key=payload.submission_key,
    )
    answer.useful_count = answer.useful_marks.count()
    return Status(200 if answer.duplicate else 201, _answer(answer, request.auth, answer.thread))


@router.delete(
    "/threads/{thread_id}/accepted", response=WRITE, summary="Unmark the accepted answer"
)
def unaccept(request, thread_id: Id):
    if (refused := _member(request)) is not None:
        return refused
    thread = services.answer_unaccept(thread=_thread_for(request, thread_id), by=request.auth)
    return _full(request, thread)


ANSWER_WRITE = {
    200: AnswerOut,
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
}


def _answer_out(request, answer: Answer) -> dict:
    answer = rules.answer_for(
        request.auth,
        answer.pk,
        queryset=Answer.objects.select_related("thread", "author").annotate(
            useful_count=Count("useful_marks")
        ),
    )
    return _answer(answer, request.auth, answer.thread)


@router.patch(
    "/answers/{answer_id}",
    response=ANSWER_WRITE,
    summary="Edit your answer (within the editing window)",
)
def edit_answer(request, answer_id: Id, payload: DiscussionAnswerEditIn):
    if (refused := _member(request)) is not None:
        return refused
    answer = services.answer_edit(
        answer=_answer_for(request, answer_id), by=request.auth, body=payload.body
    )
    return _answer_out(request, answer)


@router.post(
    "/answers/{answer_id}/accept",
    response=ANSWER_WRITE,
    summary="Mark the answer that helped (asker or facilitator)",
)
def accept_answer(request, answer_id: Id):
    if (refused := _member(request)) is not None:
        return refused
    answer = _answer_for(request, answer_id)
    services.answer_accept(answer=answer, by=request.auth)
    return _answer_out(request, answer)


@router.put("/answers/{answer_id}/useful", response=ANSWER_WRITE, summary="Mark an answer useful")
def mark_useful(request, answer_id: Id):
    if (refused := _member(request)) is not None:
        return refused
    answer = _answer_for(request, answer_id)
    services.answer_set_useful(answer=answer, by=request.auth, useful=True)
    return _answer_out(request, answer)


@router.delete(
    "/answers/{answer_id}/useful", response=ANSWER_WRITE, summary="Take back your useful mark"
)
def unmark_useful(request, answer_id: Id):
    if (refused := _member(request)) is not None:
        return refused
    answer = _answer_for(request, answer_id)
    services.answer_set_useful(answer=answer, by=request.auth, useful=False)
    return _answer_out(request, answer)


@router.post(
    "/answers/{answer_id}/hide", response=ANSWER_WRITE, summary="Hide an answer, with a reason"
)
def hide_answer(request, answer_id: Id, payload: DiscussionHideIn):
    if (refused := _member(request)) is not None:
        return refused
    answer = services.post_hide(
        post=_answer_for(request, answer_id), by=request.auth, reason=payload.reason
    )
    return _answer_out(request, answer)


@router.post(
    "/answers/{answer_id}/unhide", response=ANSWER_WRITE, summary="Show a hidden answer again"
)
def unhide_answer(request, answer_id: Id):
    if (refused := _member(request)) is not None:
        return refused
    answer = services.post_unhide(post=_answer_for(request, answer_id), by=request.auth)
    return _answer_out(request, answer)


@router.get(
    "/subscriptions",
    response={200: list[SubscriptionOut], 401: ErrorOut},
    summary="What you follow",
)
def list_subscriptions(request):
    if (refused := _member(request)) is not None:
        return refused
    return [
        {
            "kind": s.kind,
            "id": s.target.pk,
            "title": str(s.target),
            "url": s.target.get_absolute_url(),
        }
        for s in selectors.subscriptions_of(request.auth)
    ]


def _follow(request, kind: str, target_id: Id, follow: bool):
    if (refused := _member(request)) is not None:
        return refused
    target = rules.followable_for(request.auth, kind, target_id)
    return {"following": services.subscription_set(user=request.auth, target=target, follow=follow)}


FOLLOW = {200: FollowOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut}


@router.put(
    "/subscriptions/{kind}/{target_id}",
    response=FOLLOW,
    summary="Follow a practice, theme, thread or organisation",
)
def follow(request, kind: FollowedKind, target_id: Id):
    return _follow(request, str(kind), target_id, True)


@router.delete("/subscriptions/{kind}/{target_id}", response=FOLLOW, summary="Stop following")
def unfollow(request, kind: FollowedKind, target_id: Id):
    return _follow(request, str(kind), target_id, False)


routers = {"/discussions": router}
