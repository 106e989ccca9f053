from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "palabre.learning"
    label = "learning"
    verbose_name = _("Internal training")
    nav_items = [
        {"url": "learning:catalogue", "label": _("Trainings"), "order": 35, "members_only": False}
    ]

    def ready(self):
        # Registers notification kinds, panels, contribution kinds and daily jobs.
        # lazy: these modules import models, which are only ready now
        from palabre.learning import contributions, kinds, panels, tasks  # noqa: F401
