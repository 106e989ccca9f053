"""Pages of the newsletter: the archive and one issue (each reader sees only what they may),
starting and composing an issue (without JavaScript: up/down buttons and position numbers),
previewing it as an e-mail, sending it, and one's choice of how to receive it.

Issues are fetched through palabre.permissions.newsletter (404 for what the person may not
see); each form hands its values to one service (palabre.lib.views.submit).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from palabre.lib.text import render_markdown
from palabre.lib.views import submit
from palabre.newsletter import delivery, kinds, services
from palabre.newsletter.forms import ChoiceForm, IssueCreateForm, IssueEditForm
from palabre.newsletter.models import Issue, Item
from palabre.permissions import newsletter as rules

PER_PAGE = 20
# The HTML e-mail's preview keeps its inline styles (e-mail programs need them) and
# nothing else: no script, no request elsewhere than images.
PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; frame-ancestors 'self'"


@login_required
def archive(request):
    issues = rules.issues_visible_to(request.user).select_related("organisation")
    page = Paginator(issues.order_by("-sent_at", "-pk"), PER_PAGE).get_page(request.GET.get("page"))
    composer = rules.can_compose(request.user)
    drafts = []
    if composer:
        drafts = list(
            rules.issues_openable_by(request.user)
            .filter(status=Issue.Status.DRAFT)
            .select_related("organisation")
            .order_by("-updated_at")[:PER_PAGE]
        )
    return render(
        request,
        "newsletter/archive.html",
        {"page": page, "issues": list(page.object_list), "composer": composer, "drafts": drafts},
    )


@login_required
def issue(request, pk: int):
    issue = rules.issue_for(request.user, pk)
    items = kinds.shown_items(issue.items.all(), request.user)
    return render(
        request,
        "newsletter/issue.html",
        {
            "issue": issue,
            "items": items,
            "introduction": render_markdown(issue.introduction),
            "can_edit": rules.can_edit(request.user, issue),
        },
    )


@login_required
def create(request):
    if not rules.can_compose(request.user):
        raise Http404
    form = IssueCreateForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.issue_create(
                by=request.user,
                title=form.cleaned_data["title"],
                organisation=form.cleaned_data["organisation"],
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
            ),
        )
        if done.ok:
            messages.success(
                request,
                _("The draft holds the period's activity. Reorder, remove, add your text."),
            )
            return redirect("newsletter:edit", pk=done.value.pk)
        status = done.status
    return render(request, "newsletter/create.html", {"form": form}, status=status)


def _operation(request) -> tuple[str, int | None]:
    """What the composer clicked: "save", "add_text", or "up"/"down"/"remove" with an item."""
    value = request.POST.get("op", "save")
    name, _sep, item = value.partition(":")
    if name in ("up", "down", "remove") and item.isdigit():
        return name, int(item)
    return (name if name in ("save", "add_text") else "save"), None


@login_required
def edit(request, pk: int):
    issue = rules.issue_editable_for(request.user, pk)
    items = list(issue.items.all())
    form = IssueEditForm(
        request.POST or None,
        items=items,
        initial={"title": issue.title, "introduction": issue.introduction},
    )
    status = 200
    if request.method == "POST":
        op, item_id = _operation(request)

        def apply():
            with transaction.atomic():
                services.issue_update(
                    issue=issue,
                    by=request.user,
                    title=form.cleaned_data["title"],
                    introduction=form.cleaned_data["introduction"],
                    positions=form.positions(),
                )
                if op == "add_text":
                    services.text_add(issue=issue, by=request.user, text=form.cleaned_data["text"])
                elif op in ("up", "down"):
                    offset = -1 if op == "up" else 1
                    services.item_move(issue=issue, by=request.user, item_id=item_id, offset=offset)
                elif op == "remove":
                    services.item_remove(issue=issue, by=request.user, item_id=item_id)

        done = submit(form, apply)
        if done.ok:
            if op == "save":
                messages.success(request, _("The issue is saved."))
            anchor = f"#item-{item_id}" if op in ("up", "down") else ""
            return redirect(reverse("newsletter:edit", args=[issue.pk]) + anchor)
        status = done.status
    shown = {s.item_id: s for s in kinds.shown_items(items, request.user)}
    rows = [
        {"item": item, "shown": shown.get(item.pk), "field": form[f"position_{item.pk}"]}
        for item in items
    ]
    return render(
        request,
        "newsletter/edit.html",
        {
            "issue": issue,
            "form": form,
            "rows": rows,
            "labels": dict(Item.Kind.choices),
        },
        status=status,
    )


@login_required
def preview(request, pk: int):
    """The issue as the composer would receive it: the e-mail's text part, or its HTML."""
    issue = rules.issue_for(request.user, pk)
    if not rules.can_manage(request.user, issue):
        raise Http404
    language = delivery.language_of(request.user)
    with translation.override(language):
        context = delivery.copy_context(issue, request.user)
        html = render_to_string("newsletter/email/issue.html", context)
        text = render_to_string("newsletter/email/issue.txt", context)
        subject = " ".join(render_to_string("newsletter/email/issue_subject.txt", context).split())
    if request.GET.get("format") == "html":
        response = HttpResponse(html)
        response["Content-Security-Policy"] = PREVIEW_POLICY
        return response
    return render(
        request, "newsletter/preview.html", {"issue": issue, "subject": subject, "text": text}
    )


@login_required
@require_http_methods(["GET", "POST"])
def send(request, pk: int):
    issue = rules.issue_for(request.user, pk)
    if request.method == "POST":
        services.issue_send(issue=issue, by=request.user)
        messages.success(
            request, _("The issue is being sent. Each person gets their own copy in a moment.")
        )
        return redirect(issue.get_absolute_url())
    if not rules.can_send(request.user, issue):
        raise Http404
    return render(
        request,
        "newsletter/send.html",
        {
            "issue": issue,
            "recipients": rules.issue_audience(issue).count(),
            "items": len(kinds.shown_items(issue.items.all(), request.user)),
        },
    )


@login_required
def choice(request):
    form = ChoiceForm(request.POST or None, initial={"choice": delivery.choice_of(request.user)})
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.choice_set(person=request.user, choice=form.cleaned_data["choice"]),
        )
        if done.ok:
            messages.success(request, _("Your choice for the newsletter is saved."))
            return redirect("notifications:settings")
        return render(request, "newsletter/choice.html", {"form": form}, status=done.status)
    return render(request, "newsletter/choice.html", {"form": form})


@csrf_exempt  # the signed link is the proof; mail programs POST here without a session (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """Stop the newsletter from a link in one of its e-mails, without logging in. GET shows
    a button (mail scanners open links on their own); POST stops it."""
    person = delivery.unsubscribe_read(token)
    if request.method == "GET":
        return render(request, "newsletter/unsubscribe.html", {"person": person})
    services.choice_set(person=person, choice=delivery.Choice.NEVER)
    if request.POST.get("List-Unsubscribe") == "One-Click":
        return HttpResponse(
            _("You will not receive the newsletter any more."),
            content_type="text/plain; charset=utf-8",
        )
    return render(request, "newsletter/unsubscribe.html", {"person": person, "done": True})
