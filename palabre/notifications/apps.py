from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "palabre.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from palabre.notifications import panels, tasks  # noqa: F401 - registers panels and jobs
