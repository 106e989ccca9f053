from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    name = "palabre.announcements"
    label = "announcements"
    verbose_name = _("Announcements")
    nav_items = [
        {
            "url": "announcements:manage",
            "label": _("Announcements"),
            "order": 88,
            "members_only": True,
            # Only those who publish them (no query: palabre/core/context_processors.py).
            "show": "palabre.announcements.banner.manages",
        }
    ]

    def ready(self):
        # lazy: these modules import models, which are only ready now
        from palabre.announcements import kinds, panels, signals, tasks  # noqa: F401
