from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "palabre.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # lazy: registers panels and jobs once the app registry is ready
        from palabre.notifications import panels, tasks  # noqa: F401
