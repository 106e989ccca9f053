"""A person's notifications: the list, opening one, marking as read, e-mail choices, unsubscribing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from palabre.notifications import kinds, selectors, services
from palabre.notifications.forms import PreferencesForm
from palabre.notifications.models import Notification


@login_required
def index(request):
    unread_only = request.GET.get("unread") == "1"
    notifications = selectors.notifications_for(request.user, unread_only=unread_only)
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    selectors.mark_visible(request.user, list(page.object_list))
    return render(
        request,
        "notifications/index.html",
        {
            "page": page,
            "unread_only": unread_only,
            "unread": selectors.unread_count(request.user),
        },
    )


@require_POST
@login_required
def open_notification(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    selectors.mark_visible(request.user, [notification])
    target = notification.url if notification.visible else ""
    if not target or not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "/notifications/"
    return redirect(target)


@require_POST
@login_required
def mark_read(request, pk: int):
    services.notifications_mark_read(user=request.user, ids=[pk])
    return redirect(request.POST.get("next") if _safe(request) else "notifications:index")


def _safe(request) -> bool:
    target = request.POST.get("next", "")
    return bool(target) and url_has_allowed_host_and_scheme(target, {request.get_host()})


@require_POST
@login_required
def mark_all_read(request):
    count = services.notifications_mark_read(user=request.user)
    if count:
        messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:index")


@login_required
def preferences(request):
    form = PreferencesForm(request.POST or None, preferences=services.preferences_for(request.user))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.preferences_set(user=request.user, choices=form.choices())
            messages.success(request, _("Your choices are saved."))
            return redirect("notifications:settings")
        status = 400
    return render(request, "notifications/settings.html", {"form": form}, status=status)


@csrf_exempt  # the signed link is the proof; mail programs POST here without a session (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """Stop e-mails from a link in one of them, without logging in.

    GET shows what the link stops, with one button, because mail scanners open
    links on their own; POST (that button, or a mail program's one-click
    unsubscribe) stops the e-mails.
    """
    user, scope = services.unsubscribe_read(token)
    context = {"scope": scope, "kind": kinds.get(scope), "token": token, "person": user}
    if request.method == "GET":
        return render(request, "notifications/unsubscribe.html", context)
    if request.POST.get("List-Unsubscribe") == "One-Click":
        services.unsubscribe(user=user, scope=scope)
        return HttpResponse(
            _("You will not receive these e-mails any more."),
            content_type="text/plain; charset=utf-8",
        )
    chosen = request.POST.get("scope", scope)
    if chosen not in (scope, services.SCOPE_ALL):
        chosen = scope
    services.unsubscribe(user=user, scope=chosen)
    context.update(done=True, scope=chosen, kind=kinds.get(chosen))
    return render(request, "notifications/unsubscribe.html", context)
