from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "palabre.learning"
    label = "learning"
    verbose_name = _("Internal training")
    # The catalogue's link ({"url": "learning:catalogue", …}) is added by the trainings
    # area once its page exists.
    nav_items: list = []

    def ready(self):
        # Registers notification kinds, panels, contribution kinds and daily jobs.
        # lazy: these modules import models, which are only ready now
        from palabre.learning import contributions, kinds, panels, tasks  # noqa: F401
