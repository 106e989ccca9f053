from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "palabre.practices"
    label = "practices"
    verbose_name = _("Practices")
    nav_items = [
        {"url": "practices:search", "label": _("Search"), "order": 5, "members_only": False},
        {"url": "practices:index", "label": _("Practices"), "order": 10, "members_only": False},
    ]

    def ready(self):
        # lazy: registers panels and jobs once the app registry is ready
        from palabre.practices import panels, tasks  # noqa: F401
