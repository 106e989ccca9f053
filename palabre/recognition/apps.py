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
        # Registers contribution kinds, notification kinds, panels, the attestation task and
        # the launch workshop template.
        # lazy: these modules import models, which are only ready now
        from palabre.recognition import contributions, kinds, launch, panels, tasks  # noqa: F401
