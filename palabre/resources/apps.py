from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "palabre.resources"
    label = "resources"
    verbose_name = _("Resources")
    nav_items = [
        {"url": "resources:library", "label": _("Resources"), "order": 37, "members_only": False}
    ]

    def ready(self):
        # Registers the search index, the panels and the worker's task.
        # lazy: these modules import models, which are only ready now
        from palabre.resources import panels, search, tasks  # noqa: F401
