from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    name = "palabre.discussions"
    label = "discussions"
    verbose_name = _("Discussions")
    nav_items = [
        {
            "url": "discussions:index",
            "label": _("Discussions"),
            "order": 30,
            "members_only": True,
        },
    ]

    def ready(self):
        # Registers notification kinds, panels, the daily job and the publication listener.
        # lazy: registers kinds, panels, receivers and jobs once the app registry is ready
        from palabre.discussions import kinds, panels, receivers, tasks  # noqa: F401
