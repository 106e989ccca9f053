"""Writing in discussions: threads, answers, edits, hiding, accepted answers, marks, follows.

Each service is one transaction, audited, and tells the people concerned
through notify(), which never tells anyone about what they may not see.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre import permissions
from palabre.audit.services import audit_record
from palabre.discussions import kinds, selectors
from palabre.discussions.mentions import find_mentions
from palabre.discussions.models import Answer, Mention, Space, Subscription, Thread, UsefulMark
from palabre.discussions.search import index_thread
from palabre.lib.errors import ServiceError
from palabre.lib.text import plain_text
from palabre.notifications.services import notify
from palabre.permissions import discussions as rules
from palabre.practices.models import Practice
from palabre.themes.models import Theme
from palabre.workshops.models import Workshop

TITLE_MAX = 200
BODY_MAX = 20_000
REASON_MAX = 300
EXCERPT = 280
DUPLICATE_WINDOW = timedelta(hours=1)


def _not_found() -> ServiceError:
    return ServiceError(_("This discussion does not exist, or you may not see it."), status=404)


def rate_limit() -> tuple[int, int]:
    """(posts, minutes): how many threads and answers one person may write in that time."""
    return (
        settings.DISCUSSIONS_RATE_LIMIT_POSTS,
        settings.DISCUSSIONS_RATE_LIMIT_MINUTES,
    )


def _check_rate(by: Any) -> None:
    posts, minutes = rate_limit()
    since = timezone.now() - timedelta(minutes=minutes)
    written = (
        Thread.objects.filter(author=by, created_at__gte=since).count()
        + Answer.objects.filter(author=by, created_at__gte=since).count()
    )
    if written >= posts:
        raise ServiceError(
            _(
                "You have written %(posts)s messages in the last %(minutes)s minutes, the most "
                "allowed. Please wait a few minutes before posting again: your text is kept below."
            )
            % {"posts": posts, "minutes": minutes},
            status=429,
        )


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ServiceError(_("Write your message."), field="body")
    if len(body) > BODY_MAX:
        raise ServiceError(
            _("The message is too long (%(max)s characters at most).") % {"max": BODY_MAX},
            field="body",
        )
    return body


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if len(title) < 5:
        raise ServiceError(_("Give a title of at least 5 characters."), field="title")
    if len(title) > TITLE_MAX:
        raise ServiceError(
            _("The title is too long (%(max)s characters at most).") % {"max": TITLE_MAX},
            field="title",
        )
    return title


def excerpt(text: str) -> str:
    words = plain_text(text)
    return words if len(words) <= EXCERPT else words[: EXCERPT - 1].rstrip() + "…"


def _organisation(space: Space):
    return space.practice.lead_organisation if space.kind == Space.Kind.PRACTICE else None


def _follow(user: Any, thread: Thread) -> None:
    if permissions.is_member(user):
        Subscription.objects.get_or_create(user=user, kind=Subscription.Kind.THREAD, thread=thread)


class _Told:
    """Tell each person once per event, the most specific reason first."""

    def __init__(self, *, actor: Any, url: str, target: Any, text: str = ""):
        self.actor, self.url, self.target, self.text = actor, url, target, text
        self.done: set[int] = set()

    def tell(self, people, *, kind: str, title, params: dict) -> None:
        for person in people:
            if person.pk in self.done:
                continue
            self.done.add(person.pk)
            notify(
                recipient=person,
                kind=kind,
                title=title,
                params=params,
                url=self.url,
                actor=self.actor,
                target=self.target,
                excerpt=self.text,
            )


def _record_mentions(thread: Thread, answer: Answer | None, body: str) -> list[Any]:
    """Record who is named with @ and may read the thread; return those newly mentioned."""
    already = set(
        Mention.objects.filter(thread=thread, answer=answer).values_list("user_id", flat=True)
    )
    new = []
    for found in find_mentions(body):
        person = found.user
        # Someone who may not read the thread is neither recorded nor told: nothing leaks.
        if not rules.can_view(person, answer or thread):
            continue
        if person.pk in already:
            Mention.objects.filter(thread=thread, answer=answer, user=person).update(
                text=found.text
            )
            continue
        Mention.objects.create(thread=thread, answer=answer, user=person, text=found.text)
        new.append(person)
    return new


# Spaces ----------------------------------------------------------------------


def space_for(subject: Any, *, create: bool = True) -> Space:
    """The discussion space of a theme, practice or workshop, made on first use.

    With ``create=False`` a space not made yet comes back unsaved: ``thread_create``
    saves it once the rule allows the thread, so a refused question writes nothing.
    """

    if isinstance(subject, Theme):
        fields = {"kind": Space.Kind.THEME, "theme": subject}
    elif isinstance(subject, Practice):
        fields = {"kind": Space.Kind.PRACTICE, "practice": subject}
    elif isinstance(subject, Workshop):
        fields = {"kind": Space.Kind.WORKSHOP, "object_id": subject.pk}
    else:
        raise ServiceError(_("Discussions are about a practice, a theme or a workshop."))
    if not create:
        return Space.objects.filter(**fields).first() or Space(**fields)
    space, _created = Space.objects.get_or_create(**fields)
    return space


# Threads ---------------------------------------------------------------------


def _create_once(model: Any, *, by: Any, submission_key: str, **fields: Any) -> Any:
    """Create a thread or an answer, or give back the one the same submission already made
    (the same form sent twice at the same moment). ``duplicate`` says which."""
    key = submission_key[:64]
    try:
        with transaction.atomic():
            post = model.objects.create(author=by, submission_key=key, **fields)
    except IntegrityError:
        post = model.objects.get(author=by, submission_key=key)
        post.duplicate = True
        return post
    post.duplicate = False
    return post


@transaction.atomic
def thread_create(
    *,
    space: Space,
    by: Any,
    title: str,
    body: str,
    kind: str = Thread.Kind.QUESTION,
    language: str = "",
    submission_key: str = "",
) -> Thread:
    """Start a question or discussion. The same submission twice keeps one thread."""
    if not rules.can_view_space(by, space):
        raise _not_found()
    if not rules.can_post_in(by, space):
        raise ServiceError(_("You cannot start a discussion here."), status=403)
    if kind not in Thread.Kind.values:
        raise ServiceError(_("Choose a question or a discussion."), field="kind")
    title, body = _clean_title(title), _clean_body(body)
    languages = dict(settings.LANGUAGES)
    language = language if language in languages else (by.language or settings.LANGUAGE_CODE)
    if space.pk is None:  # allowed: the space is made now (see space_for)
        space, _created = Space.objects.get_or_create(
            kind=space.kind, theme=space.theme, practice=space.practice, object_id=space.object_id
        )
    Space.objects.select_for_update().filter(pk=space.pk).first()  # one writer per space
    existing = _duplicate_thread(space=space, by=by, title=title, body=body, key=submission_key)
    if existing is not None:
        existing.duplicate = True
        return existing
    _check_rate(by)
    now = timezone.now()
    thread = _create_once(
        Thread,
        by=by,
        submission_key=submission_key,
        space=space,
        kind=kind,
        title=title,
        body=body,
        language=language,
        created_at=now,
        last_activity_at=now,
    )
    if thread.duplicate:
        return thread
    mentioned = _record_mentions(thread, None, body)
    _follow(by, thread)
    index_thread(thread)
    if space.kind == Space.Kind.PRACTICE:
        # Those asked follow the answers others give.
        for person in _asked(space.practice):
            if rules.can_view(person, thread):
                _follow(person, thread)
    audit_record(
        action="discussion.thread_created",
        actor=by,
        target=thread,
        organisation=_organisation(space),
        data={"kind": kind, "space": space.kind},
    )
    _tell_new_thread(thread, mentioned)
    return thread


def _duplicate_thread(*, space, by, title, body, key) -> Thread | None:
    if key:
        found = Thread.objects.filter(author=by, submission_key=key[:64]).first()
        if found is not None:
            return found
    return Thread.objects.filter(
        space=space,
        author=by,
        title=title,
        body=body,
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).first()


def _asked(practice) -> list[Any]:
    """Who a question on a practice reaches: its authors and its contact person."""
    people = list(practice.authors.filter(is_active=True))
    contact = practice.contact if practice.contact_id else None
    if contact is not None and contact.is_active and contact.pk not in {p.pk for p in people}:
        people.append(contact)
    return people


def _tell_new_thread(thread: Thread, mentioned: list[Any]) -> None:
    by, space = thread.author, thread.space
    told = _Told(actor=by, url=thread.get_absolute_url(), target=thread, text=excerpt(thread.body))
    # The subject is formatted in each recipient's language (a theme has two names).
    params = {"name": str(by), "title": thread.title, "subject": space.subject}
    told.tell(
        mentioned,
        kind=kinds.MENTION,
        title=gettext_lazy("%(name)s mentioned you in “%(title)s”"),
        params=params,
    )
    if space.kind == Space.Kind.PRACTICE:
        practice = space.practice
        told.tell(
            _asked(practice),
            kind=kinds.QUESTION,
            title=gettext_lazy("%(name)s asks about your practice “%(subject)s”: “%(title)s”")
            if thread.is_question
            else gettext_lazy(
                "%(name)s started a discussion about your practice “%(subject)s”: “%(title)s”"
            ),
            params=params,
        )
        followers = selectors.practice_followers(practice)
    elif space.kind == Space.Kind.THEME:
        followers = selectors.theme_followers([space.theme])
    else:
        followers = []
    told.tell(
        followers,
        kind=kinds.NEW_THREAD,
        title=gettext_lazy("New question about “%(subject)s”: “%(title)s”")
        if thread.is_question
        else gettext_lazy("New discussion about “%(subject)s”: “%(title)s”"),
        params=params,
    )


@transaction.atomic
def thread_edit(*, thread: Thread, by: Any, title: str, body: str) -> Thread:
    current = Thread.objects.select_for_update().select_related("space").get(pk=thread.pk)
    if not rules.can_view(by, current):
        raise _not_found()
    check_editable(by, current)
    title, body = _clean_title(title), _clean_body(body)
    if (title, body) == (current.title, current.body):
        return current
    current.title, current.body, current.edited_at = title, body, timezone.now()
    current.save(update_fields=["title", "body", "edited_at"])
    index_thread(current)
    mentioned = _record_mentions(current, None, body)
    audit_record(
        action="discussion.edited",
        actor=by,
        target=current,
        organisation=_organisation(current.space),
    )
    _tell_mentioned(current, None, mentioned)
    return current


def check_editable(by: Any, post: Any) -> None:
    if not rules.is_author(by, post):
        raise ServiceError(_("Only its author can edit a message."), status=403)
    if post.is_hidden:
        raise ServiceError(_("A hidden message cannot be edited."), status=409)
    if not rules.can_edit(by, post):
        minutes = int(rules.edit_window().total_seconds() // 60)
        raise ServiceError(
            _(
                "A message can be edited during %(minutes)s minutes after it is posted. "
                "Add an answer to complete it."
            )
            % {"minutes": minutes},
            status=409,
        )


def _tell_mentioned(thread: Thread, answer: Answer | None, mentioned: list[Any]) -> None:
    post = answer or thread
    told = _Told(
        actor=post.author, url=post.get_absolute_url(), target=post, text=excerpt(post.body)
    )
    told.tell(
        mentioned,
        kind=kinds.MENTION,
        title=gettext_lazy("%(name)s mentioned you in “%(title)s”"),
        params={"name": str(post.author), "title": thread.title},
    )


# Answers ---------------------------------------------------------------------


@transaction.atomic
def answer_post(
    *,
    thread: Thread,
    by: Any,
    body: str,
    quoted: Answer | None = None,
    submission_key: str = "",
) -> Answer:
    """Answer in a thread. The same answer sent twice is kept once."""
    current = Thread.objects.select_for_update().select_related("space").get(pk=thread.pk)
    if not rules.can_view(by, current):
        raise _not_found()
    if not rules.can_answer(by, current):
        raise ServiceError(_("You cannot answer in this thread."), status=403)
    body = _clean_body(body)
    if quoted is not None and (quoted.thread_id != current.pk or not rules.can_view(by, quoted)):
        raise ServiceError(_("The quoted answer is not in this thread."), field="quoted")
    existing = _duplicate_answer(
        thread=current, by=by, body=body, quoted=quoted, key=submission_key
    )
    if existing is not None:
        existing.duplicate = True
        return existing
    _check_rate(by)
    now = timezone.now()
    answer = _create_once(
        Answer,
        by=by,
        submission_key=submission_key,
        thread=current,
        body=body,
        quoted=quoted,
        created_at=now,
    )
    if answer.duplicate:
        return answer
    Thread.objects.filter(pk=current.pk).update(last_activity_at=now)
    index_thread(current.pk)
    mentioned = _record_mentions(current, answer, body)
    _follow(by, current)
    audit_record(
        action="discussion.answer_posted",
        actor=by,
        target=answer,
        organisation=_organisation(current.space),
        data={"thread": current.pk},
    )
    _tell_answer(current, answer, mentioned)
    return answer


def _duplicate_answer(*, thread, by, body, quoted, key) -> Answer | None:
    if key:
        found = Answer.objects.filter(author=by, submission_key=key[:64]).first()
        if found is not None:
            return found
    return Answer.objects.filter(
        thread=thread,
        author=by,
        body=body,
        quoted=quoted,
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).first()


def _tell_answer(thread: Thread, answer: Answer, mentioned: list[Any]) -> None:
    by = answer.author
    told = _Told(actor=by, url=answer.get_absolute_url(), target=answer, text=excerpt(answer.body))
    params = {"name": str(by), "title": thread.title}
    told.tell(
        mentioned,
        kind=kinds.MENTION,
        title=gettext_lazy("%(name)s mentioned you in “%(title)s”"),
        params=params,
    )
    asker = [thread.author] if thread.author_id and thread.author.is_active else []
    told.tell(
        asker,
        kind=kinds.ANSWER,
        title=gettext_lazy("%(name)s answered your question “%(title)s”")
        if thread.is_question
        else gettext_lazy("%(name)s answered in your discussion “%(title)s”"),
        params=params,
    )
    told.tell(
        selectors.thread_followers(thread),
        kind=kinds.ANSWER,
        title=gettext_lazy("%(name)s answered in “%(title)s”"),
        params=params,
    )


@transaction.atomic
def answer_edit(*, answer: Answer, by: Any, body: str) -> Answer:
    current = Answer.objects.select_for_update().select_related("thread__space").get(pk=answer.pk)
    if not rules.can_view(by, current):
        raise _not_found()
    check_editable(by, current)
    body = _clean_body(body)
    if body == current.body:
        return current
    current.body, current.edited_at = body, timezone.now()
    current.save(update_fields=["body", "edited_at"])
    index_thread(current.thread_id)
    mentioned = _record_mentions(current.thread, current, body)
    audit_record(
        action="discussion.edited",
        actor=by,
        target=current,
        organisation=_organisation(current.thread.space),
    )
    _tell_mentioned(current.thread, current, mentioned)
    return current


# Hiding ----------------------------------------------------------------------


def _locked_post(post: Thread | Answer) -> Thread | Answer:
    model = type(post)
    related = "space" if model is Thread else "thread__space"
    return model.objects.select_for_update().select_related(related).get(pk=post.pk)


def _space_of(post: Thread | Answer) -> Space:
    return post.space if isinstance(post, Thread) else post.thread.space


@transaction.atomic
def post_hide(*, post: Thread | Answer, by: Any, reason: str) -> Thread | Answer:
    """Hide a thread or an answer, with a reason. It is kept, for facilitators and its author."""
    current = _locked_post(post)
    if not rules.can_view(by, current):
        raise _not_found()
    if current.is_hidden:
        raise ServiceError(_("This message is already hidden."), status=409)
    if not rules.can_hide(by, current):
        raise ServiceError(_("Only its author or a facilitator can hide a message."), status=403)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ServiceError(_("Say why the message is hidden."), field="reason")
    if len(reason) > REASON_MAX:
        raise ServiceError(
            _("The reason is too long (%(max)s characters at most).") % {"max": REASON_MAX},
            field="reason",
        )
    current.hidden_at, current.hidden_by, current.hidden_reason = timezone.now(), by, reason
    current.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    index_thread(current.pk if isinstance(current, Thread) else current.thread_id)
    if isinstance(current, Answer) and current.thread.accepted_answer_id == current.pk:
        Thread.objects.filter(pk=current.thread_id).update(
            accepted_answer=None, accepted_by=None, accepted_at=None
        )
    audit_record(
        action="discussion.hidden",
        actor=by,
        target=current,
        organisation=_organisation(_space_of(current)),
        data={"reason": reason},
    )
    if current.author_id and current.author_id != by.pk:
        notify(
            recipient=current.author,
            kind=kinds.HIDDEN,
            title=gettext_lazy("A facilitator hid your message in “%(title)s”"),
            body=gettext_lazy("Reason given: %(reason)s"),
            params={
                "title": current.title if isinstance(current, Thread) else current.thread.title,
                "reason": reason,
            },
            url=current.get_absolute_url(),
            actor=by,
            target=current,
        )
    return current


@transaction.atomic
def post_unhide(*, post: Thread | Answer, by: Any) -> Thread | Answer:
    current = _locked_post(post)
    if not rules.can_view(by, current):
        raise _not_found()
    if not current.is_hidden:
        raise ServiceError(_("This message is not hidden."), status=409)
    if not rules.can_unhide(by, current):
        raise ServiceError(_("Only a facilitator can show this message again."), status=403)
    current.hidden_at, current.hidden_by, current.hidden_reason = None, None, ""
    current.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    index_thread(current.pk if isinstance(current, Thread) else current.thread_id)
    audit_record(
        action="discussion.unhidden",
        actor=by,
        target=current,
        organisation=_organisation(_space_of(current)),
    )
    return current


# Accepted answers and useful marks -------------------------------------------


@transaction.atomic
def answer_accept(*, answer: Answer, by: Any) -> Thread:
    """The asker (or a facilitator) marks the answer that helped; another one replaces it."""
    thread = Thread.objects.select_for_update().select_related("space").get(pk=answer.thread_id)
    answer = Answer.objects.select_related("author").get(pk=answer.pk)
    if not rules.can_view(by, thread) or not rules.can_view(by, answer):
        raise _not_found()
    if not thread.is_question:
        raise ServiceError(_("Only a question has an accepted answer."), status=409)
    if not rules.can_accept(by, thread):
        raise ServiceError(
            _("Only the person who asked, or a facilitator, marks the answer that helped."),
            status=403,
        )
    if answer.is_hidden:
        raise ServiceError(_("A hidden answer cannot be accepted."), status=409)
    if thread.accepted_answer_id == answer.pk:
        return thread
    thread.accepted_answer, thread.accepted_by, thread.accepted_at = answer, by, timezone.now()
    thread.save(update_fields=["accepted_answer", "accepted_by", "accepted_at"])
    audit_record(
        action="discussion.answer_accepted",
        actor=by,
        target=thread,
        organisation=_organisation(thread.space),
        data={"answer": answer.pk},
    )
    if answer.author_id:
        notify(
            recipient=answer.author,
            kind=kinds.ACCEPTED,
            title=gettext_lazy("Your answer to “%(title)s” is marked as the one that helped"),
            params={"title": thread.title},
            url=answer.get_absolute_url(),
            actor=by,
            target=answer,
        )
    return thread


@transaction.atomic
def answer_unaccept(*, thread: Thread, by: Any) -> Thread:
    current = Thread.objects.select_for_update().select_related("space").get(pk=thread.pk)
    if not rules.can_view(by, current):
        raise _not_found()
    if not rules.can_accept(by, current):
        raise ServiceError(
            _("Only the person who asked, or a facilitator, marks the answer that helped."),
            status=403,
        )
    if current.accepted_answer_id is None:
        return current
    previous = current.accepted_answer_id
    current.accepted_answer, current.accepted_by, current.accepted_at = None, None, None
    current.save(update_fields=["accepted_answer", "accepted_by", "accepted_at"])
    audit_record(
        action="discussion.answer_unaccepted",
        actor=by,
        target=current,
        organisation=_organisation(current.space),
        data={"answer": previous},
    )
    return current


@transaction.atomic
def answer_set_useful(*, answer: Answer, by: Any, useful: bool) -> bool:
    """Mark (or unmark) an answer as useful. Returns whether it is now marked."""
    if not rules.can_view(by, answer):
        raise _not_found()
    if not rules.can_mark_useful(by, answer):
        raise ServiceError(_("You cannot mark this answer."), status=403)
    if useful:
        UsefulMark.objects.get_or_create(answer=answer, user=by)
    else:
        UsefulMark.objects.filter(answer=answer, user=by).delete()
    return useful


# Following -------------------------------------------------------------------

FOLLOWABLE = {
    "practice": Subscription.Kind.PRACTICE,
    "theme": Subscription.Kind.THEME,
    "thread": Subscription.Kind.THREAD,
    "organisation": Subscription.Kind.ORGANISATION,
}


@transaction.atomic
def subscription_set(*, user: Any, target: Any, follow: bool) -> bool:
    """Follow or stop following a practice, theme, thread or organisation. Returns the new state."""
    kind = FOLLOWABLE.get(target._meta.model_name)
    if kind is None or not rules.can_follow(user, target):
        raise _not_found()
    if (
        not follow
        and kind == Subscription.Kind.PRACTICE
        and target.authors.filter(pk=user.pk).exists()
    ):
        raise ServiceError(
            _(
                "Authors always follow their practice: questions about it reach them. Choose "
                "how you are told in your e-mail settings."
            ),
            status=409,
        )
    filters = {"user": user, "kind": kind, kind: target}
    if follow:
        Subscription.objects.get_or_create(**filters)
    else:
        Subscription.objects.filter(**filters).delete()
    return follow


# Announcements ---------------------------------------------------------------


def practice_published_tell(*, practice: Any, first_publication: bool) -> int:
    """A first publication reaches who follows its themes or organisations; a new version, its followers."""
    url = practice.get_absolute_url()
    told = _Told(actor=None, url=url, target=practice, text=excerpt(practice.summary))
    authors = set(practice.authors.values_list("pk", flat=True))
    told.done |= authors  # the authors were told by the practice library itself
    params = {"title": practice.title}
    with transaction.atomic():
        if first_publication:
            themes = list(practice.themes.all())
            for theme in themes:
                told.tell(
                    selectors.theme_followers([theme]),
                    kind=kinds.NEW_PRACTICE,
                    title=gettext_lazy("New practice in “%(theme)s”: “%(title)s”"),
                    params={**params, "theme": theme},
                )
            organisations = [practice.lead_organisation, *practice.partners.all()]
            for organisation in organisations:
                told.tell(
                    selectors.organisation_followers([organisation.pk]),
                    kind=kinds.NEW_PRACTICE,
                    title=gettext_lazy("New practice from %(organisation)s: “%(title)s”"),
                    params={**params, "organisation": organisation.short_name},
                )
        else:
            chose = Subscription.objects.filter(
                kind=Subscription.Kind.PRACTICE, practice=practice
            ).select_related("user")
            told.tell(
                [s.user for s in chose if s.user.is_active],
                kind=kinds.PRACTICE_UPDATED,
                title=gettext_lazy("“%(title)s” has a new version"),
                params=params,
            )
    return len(told.done - authors)


# Unanswered questions --------------------------------------------------------


def unanswered_tell(*, now: datetime | None = None) -> int:
    """Once per question left unanswered: tell who could answer, then the facilitators.

    Returns how many questions were newly found unanswered.
    """
    from django.contrib.auth import get_user_model

    now = now or timezone.now()
    due = (
        selectors.unanswered_questions(older_than=selectors.unanswered_after())
        .filter(unanswered_flagged_at__isnull=True, created_at__lte=now)
        .select_related("author", "space__theme", "space__practice")
        .order_by("created_at", "pk")
    )
    flagged = 0
    for thread in due:
        with transaction.atomic():
            updated = Thread.objects.filter(pk=thread.pk, unanswered_flagged_at__isnull=True)
            if not updated.update(unanswered_flagged_at=now):
                continue  # another worker did it
            told = _Told(
                actor=None, url=thread.get_absolute_url(), target=thread, text=excerpt(thread.body)
            )
            told.done.add(thread.author_id)
            told.tell(
                selectors.people_who_could_answer(thread),
                kind=kinds.UNANSWERED,
                title=gettext_lazy("A question is waiting for your experience: “%(title)s”"),
                params={"title": thread.title},
            )
            flagged += 1
    if flagged:
        hours = int(selectors.unanswered_after().total_seconds() // 3600)
        facilitators = get_user_model().objects.facilitators()
        with transaction.atomic():
            for facilitator in facilitators:
                notify(
                    recipient=facilitator,
                    kind=kinds.UNANSWERED_FACILITATORS,
                    title=gettext_lazy(
                        "Questions without an answer after %(hours)s hours: %(count)s new"
                    ),
                    params={"hours": hours, "count": flagged},
                    url=reverse("discussions:unanswered"),
                )
    return flagged
