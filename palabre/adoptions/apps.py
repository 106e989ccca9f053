from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdoptionsConfig(AppConfig):
    name = "palabre.adoptions"
    label = "adoptions"
    verbose_name = _("Adoptions and impact")
    nav_items = [
        {"url": "adoptions:index", "label": _("Impact"), "order": 40, "members_only": True},
    ]

    def ready(self):
        # Registers the notification kinds, panels, daily jobs and receivers of signals.
        # lazy: these modules import models, which are only ready now.
        from palabre.adoptions import kinds, panels, receivers, tasks  # noqa: F401
