from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "palabre.projects"
    label = "projects"
    verbose_name = _("Projects")
    nav_items = [
        {"url": "projects:directory", "label": _("Projects"), "order": 47, "members_only": False}
    ]

    def ready(self):
        # lazy: panels import models, which are only ready now
        from palabre.projects import kinds, panels  # noqa: F401
