from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "palabre.workshops"
    label = "workshops"
    verbose_name = _("Workshops")
    nav_items = [
        {"url": "workshops:index", "label": _("Workshops"), "order": 30, "members_only": False},
    ]

    def ready(self):
        # lazy: registers kinds, panels and jobs once the app registry is ready
        from palabre.workshops import kinds, panels, tasks  # noqa: F401
