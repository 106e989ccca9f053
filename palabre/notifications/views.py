"""A person's notifications: the list, opening one, marking all as read."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from palabre.notifications.models import Notification
from palabre.notifications.services import notifications_mark_read


@login_required
def index(request):
    notifications = Notification.objects.filter(recipient=request.user).select_related("actor")
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    return render(request, "notifications/index.html", {"page": page})


@require_POST
@login_required
def open_notification(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    target = notification.url or "/notifications/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "/notifications/"
    return redirect(target)


@require_POST
@login_required
def mark_all_read(request):
    notifications_mark_read(user=request.user)
    return redirect("notifications:index")
