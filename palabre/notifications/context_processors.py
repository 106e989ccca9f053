"""The unread count shown in every page's header."""

from palabre import permissions
from palabre.notifications.models import Notification


def unread(request):
    user = getattr(request, "user", None)
    if not permissions.is_member(user):
        return {}
    return {
        "unread_notifications": lambda: Notification.objects.filter(recipient=user).unread().count()
    }
