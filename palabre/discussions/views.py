"""Pages of discussions: lists, spaces, a thread, writing, moderating, following."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from palabre import permissions
from palabre.discussions import selectors, services
from palabre.discussions.forms import (
    AnswerEditForm,
    AnswerForm,
    HideForm,
    ThreadEditForm,
    ThreadForm,
)
from palabre.discussions.models import Answer, Space, Thread
from palabre.lib.errors import ServiceError
from palabre.lib.views import form_add_service_error, service_error_page
from palabre.permissions import discussions as rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices.models import Practice
from palabre.themes.models import Theme

PAGE_SIZE = 20


def thread_for(request, pk: int) -> Thread:
    """The thread if this person may read it; otherwise 404, as if it did not exist."""
    return rules.thread_for(
        request.user,
        pk,
        queryset=Thread.objects.select_related(
            "author", "hidden_by", "accepted_by", "space__theme__parent", "space__practice"
        ),
    )


def answer_for(request, pk: int) -> Answer:
    return rules.answer_for(
        request.user,
        pk,
        queryset=Answer.objects.select_related(
            "thread__space__practice", "thread__space__theme", "author"
        ),
    )


def practice_for(request, pk: int) -> Practice:
    return practice_rules.practice_for(request.user, pk)


# Lists -----------------------------------------------------------------------


@vary_on_headers("HX-Request")
def index(request):
    kind = request.GET.get("kind", "")
    kind = kind if kind in Thread.Kind.values else ""
    unanswered = request.GET.get("unanswered") == "1"
    theme = None
    if request.GET.get("theme"):
        theme = Theme.objects.filter(slug=request.GET["theme"]).first()
    threads = selectors.thread_list(
        user=request.user, kind=kind, unanswered=unanswered, theme=theme
    )
    page = Paginator(threads, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "kind": kind,
        "unanswered": unanswered,
        "theme": theme,
        "themes": Theme.objects.select_related("parent").order_by("parent__position", "position")
        if permissions.is_member(request.user)
        else [],
        "can_start": permissions.is_member(request.user),
    }
    if request.htmx:
        return render(request, "discussions/index.html#results", context)
    return render(request, "discussions/index.html", context)


def unanswered(request):
    older = request.GET.get("older") == "1"
    threads = selectors.with_rows(
        selectors.unanswered_questions(
            user=request.user, older_than=selectors.unanswered_after() if older else None
        )
    ).order_by("created_at", "pk")
    page = Paginator(threads, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "discussions/unanswered.html",
        {
            "page": page,
            "older": older,
            "hours": int(selectors.unanswered_after().total_seconds() // 3600),
        },
    )


def _space_page(request, space: Space | None, context: dict):
    """A space's threads, a page at a time, in the one template all spaces share."""
    threads = (
        selectors.thread_list(user=request.user, space=space)
        if space is not None
        else Thread.objects.none()
    )
    page = Paginator(threads, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "discussions/space.html", {**context, "page": page})


@login_required
def theme_space(request, slug: str):
    theme = get_object_or_404(Theme.objects.select_related("parent"), slug=slug)
    if not permissions.is_member(request.user):
        raise Http404
    return _space_page(
        request,
        Space.objects.filter(kind=Space.Kind.THEME, theme=theme).first(),
        {
            "theme": theme,
            "subject": theme,
            "children": theme.children.all(),
            "can_post": True,
            "new_url": f"/discussions/themes/{theme.slug}/new/",
            "follow_target": theme,
            "follow_kind": "theme",
            "following": selectors.is_following(request.user, theme),
        },
    )


def practice_space(request, pk: int):
    practice = practice_for(request, pk)
    return _space_page(
        request,
        Space.objects.filter(kind=Space.Kind.PRACTICE, practice=practice).first(),
        {
            "practice": practice,
            "subject": practice,
            "can_post": permissions.is_member(request.user) and practice.is_published,
            "new_url": f"/discussions/practices/{practice.pk}/ask/",
            "follow_target": practice,
            "follow_kind": "practice",
            "following": selectors.is_following(request.user, practice),
        },
    )


def _workshop_for(request, pk: int):
    """The workshop if this member may see it, else 404 (workshop spaces are for members)."""
    if not permissions.is_member(request.user):
        raise Http404
    return workshop_rules.workshop_for(request.user, pk)


@login_required
def workshop_space(request, pk: int):
    workshop = _workshop_for(request, pk)
    return _space_page(
        request,
        Space.objects.filter(kind=Space.Kind.WORKSHOP, object_id=workshop.pk).first(),
        {
            "workshop": workshop,
            "subject": workshop,
            "can_post": True,
            "new_url": f"/discussions/workshops/{workshop.pk}/new/",
        },
    )


@login_required
def new_in_workshop(request, pk: int):
    workshop = _workshop_for(request, pk)
    return _create(
        request, space_of=workshop, template_context={"subject": workshop, "workshop": workshop}
    )


# Starting a thread -----------------------------------------------------------


def _create(request, *, space_of, template_context: dict, choose_theme: bool = False):
    form = ThreadForm(request.POST or None, user=request.user, choose_theme=choose_theme)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                space = services.space_for(data.get("theme") or space_of)
                thread = services.thread_create(
                    space=space,
                    by=request.user,
                    kind=data["kind"],
                    title=data["title"],
                    body=data["body"],
                    language=data["language"],
                    submission_key=data.get("submission_key", ""),
                )
            except ServiceError as error:
                if error.status == 404:
                    raise Http404 from error
                form_add_service_error(form, error)
                status = error.status
            else:
                if thread.duplicate:
                    messages.info(request, _("This was already posted: here it is."))
                else:
                    messages.success(
                        request,
                        _("Your question is posted. Those who can answer are told.")
                        if thread.is_question
                        else _("Your discussion is started."),
                    )
                return redirect(thread)
        else:
            status = 400
    return render(
        request,
        "discussions/thread_new.html",
        {"form": form, **template_context},
        status=status,
    )


@login_required
def new_in_theme(request, slug: str):
    theme = get_object_or_404(Theme, slug=slug)
    if not permissions.is_member(request.user):
        raise Http404
    return _create(request, space_of=theme, template_context={"subject": theme, "theme": theme})


@login_required
def new_on_practice(request, pk: int):
    practice = practice_for(request, pk)
    if not practice.is_published:
        return service_error_page(
            request,
            ServiceError(_("Questions are asked once the practice is published."), status=409),
        )
    return _create(
        request, space_of=practice, template_context={"subject": practice, "practice": practice}
    )


@login_required
def new(request):
    if not permissions.is_member(request.user):
        raise Http404
    return _create(request, space_of=None, template_context={}, choose_theme=True)


# A thread ----------------------------------------------------------------------


def _thread_context(request, thread: Thread, *, answer_form=None) -> dict:
    user = request.user
    context = selectors.thread_page(thread=thread, user=user)
    quoted = None
    quote_id = request.GET.get("quote") or (answer_form.data.get("quoted") if answer_form else "")
    if quote_id and str(quote_id).isdigit():
        quoted = next((a for a in context["answers"] if a.pk == int(quote_id) and a.visible), None)
    if answer_form is None and rules.can_answer(user, thread):
        answer_form = AnswerForm(initial={"quoted": quoted.pk if quoted else None})
    subject = thread.space.subject
    context.update(
        thread=thread,
        subject=subject,
        answer_form=answer_form,
        quoted=quoted,
        can_answer=rules.can_answer(user, thread),
        can_accept=rules.can_accept(user, thread),
        can_moderate=rules.can_moderate(user),
        can_edit_thread=rules.can_edit(user, thread),
        can_hide_thread=rules.can_hide(user, thread),
        can_unhide_thread=rules.can_unhide(user, thread),
        following=selectors.is_following(user, thread),
        follow_target=thread,
        follow_kind="thread",
        is_member=permissions.is_member(user),
    )
    return context


def thread(request, pk: int):
    item = thread_for(request, pk)
    return render(request, "discussions/thread.html", _thread_context(request, item))


@require_POST
@login_required
def answer(request, pk: int):
    item = thread_for(request, pk)
    form = AnswerForm(request.POST)
    status = 400
    if form.is_valid():
        quoted = None
        if form.cleaned_data.get("quoted"):
            quoted = Answer.objects.filter(pk=form.cleaned_data["quoted"], thread=item).first()
        try:
            posted = services.answer_post(
                thread=item,
                by=request.user,
                body=form.cleaned_data["body"],
                quoted=quoted,
                submission_key=form.cleaned_data.get("submission_key", ""),
            )
        except ServiceError as error:
            if error.status == 404:
                raise Http404 from error
            form_add_service_error(form, error)
            status = error.status
        else:
            if posted.duplicate:
                messages.info(request, _("Your answer was already posted."))
            else:
                messages.success(request, _("Your answer is posted."))
            return redirect(posted.get_absolute_url())
    return render(
        request,
        "discussions/thread.html",
        _thread_context(request, item, answer_form=form),
        status=status,
    )


def _edit(request, *, post, form_class, initial: dict, save, template_context: dict):
    form = form_class(request.POST or None, initial=initial)
    status = 200
    if not rules.can_edit(request.user, post):
        services.check_editable(request.user, post)
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = save(form.cleaned_data)
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Saved."))
                return redirect(saved.get_absolute_url())
        else:
            status = 400
    return render(
        request,
        "discussions/edit.html",
        {"form": form, "post": post, **template_context},
        status=status,
    )


@login_required
def thread_edit(request, pk: int):
    item = thread_for(request, pk)
    return _edit(
        request,
        post=item,
        form_class=ThreadEditForm,
        initial={"title": item.title, "body": item.body},
        save=lambda data: services.thread_edit(
            thread=item, by=request.user, title=data["title"], body=data["body"]
        ),
        template_context={"thread": item},
    )


@login_required
def answer_edit(request, pk: int):
    item = answer_for(request, pk)
    return _edit(
        request,
        post=item,
        form_class=AnswerEditForm,
        initial={"body": item.body},
        save=lambda data: services.answer_edit(answer=item, by=request.user, body=data["body"]),
        template_context={"thread": item.thread},
    )


def _post_for(request, kind: str, pk: int):
    if kind == "thread":
        return thread_for(request, pk)
    if kind == "answer":
        return answer_for(request, pk)
    raise Http404


@login_required
def hide(request, kind: str, pk: int):
    post = _post_for(request, kind, pk)
    thread_ = post if kind == "thread" else post.thread
    if not rules.can_hide(request.user, post):
        return service_error_page(
            request,
            ServiceError(
                _("This message is already hidden.")
                if post.is_hidden
                else _("Only its author or a facilitator can hide a message."),
                status=409 if post.is_hidden else 403,
            ),
        )
    form = HideForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.post_hide(post=post, by=request.user, reason=form.cleaned_data["reason"])
            except ServiceError as error:
                form_add_service_error(form, error)
                status = error.status
            else:
                messages.success(request, _("The message is hidden. It is kept."))
                return redirect(thread_)
        else:
            status = 400
    return render(
        request,
        "discussions/hide.html",
        {"form": form, "post": post, "kind": kind, "thread": thread_},
        status=status,
    )


@require_POST
@login_required
def unhide(request, kind: str, pk: int):
    post = _post_for(request, kind, pk)
    services.post_unhide(post=post, by=request.user)
    messages.success(request, _("The message is shown again."))
    return redirect(post.get_absolute_url())


@require_POST
@login_required
def accept(request, pk: int):
    item = answer_for(request, pk)
    services.answer_accept(answer=item, by=request.user)
    messages.success(request, _("Marked as the answer that helped. Thank you!"))
    return redirect(item.get_absolute_url())


@require_POST
@login_required
def unaccept(request, pk: int):
    item = thread_for(request, pk)
    services.answer_unaccept(thread=item, by=request.user)
    messages.success(request, _("No answer is marked any more."))
    return redirect(item)


@require_POST
@login_required
@vary_on_headers("HX-Request")
def useful(request, pk: int):
    item = answer_for(request, pk)
    wanted = request.POST.get("useful", "1") == "1"
    services.answer_set_useful(answer=item, by=request.user, useful=wanted)
    if request.htmx:
        item.useful_count = item.useful_marks.count()
        item.marked_useful = wanted
        return render(
            request,
            "discussions/thread.html#useful",
            {"answer": item, "is_member": True, "user": request.user},
        )
    messages.success(request, _("Marked as useful.") if wanted else _("Your mark is taken back."))
    return redirect(item.get_absolute_url())


# Following ---------------------------------------------------------------------


@require_POST
@login_required
@vary_on_headers("HX-Request")
def follow(request, kind: str, pk: int):
    target = rules.followable_for(request.user, kind, pk)
    wanted = request.POST.get("follow", "1") == "1"
    now = services.subscription_set(user=request.user, target=target, follow=wanted)
    if request.htmx:
        return render(
            request,
            "discussions/_follow.html",
            {"follow_target": target, "follow_kind": kind, "following": now},
        )
    messages.success(
        request,
        _("You follow it now: you will be told what happens.")
        if now
        else _("You no longer follow it."),
    )
    next_url = request.POST.get("next", "")
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect(target.get_absolute_url())


@login_required
def following(request):
    subscriptions = selectors.subscriptions_of(request.user)
    authored = practice_rules.practices_visible_to(request.user).filter(authors=request.user)
    return render(
        request,
        "discussions/following.html",
        {
            "subscriptions": subscriptions,
            "authored": authored,
        },
    )
