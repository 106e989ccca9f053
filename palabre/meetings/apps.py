from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "palabre.meetings"
    label = "meetings"
    verbose_name = _("Exchange meetings")
    nav_items = [
        {"url": "meetings:index", "label": _("Meetings"), "order": 33, "members_only": False}
    ]

    def ready(self):
        # Registers notification kinds, panels and the daily job.
        # lazy: these modules import models, which are only ready now
        from palabre.meetings import kinds, panels, tasks  # noqa: F401
