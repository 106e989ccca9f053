from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "palabre.recognition"
    label = "recognition"
    verbose_name = _("Recognition")
    nav_items = [
        {
            "url": "recognition:directory",
            "label": _("Who can help me?"),
            "order": 45,
            "members_only": True,
        },
    ]

    def ready(self):
        # lazy: these modules import models and register kinds, panels and contributions,
        # which needs the app registry ready.
        from palabre.recognition import contributions, kinds, panels  # noqa: F401
