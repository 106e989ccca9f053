from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "palabre.privacy"
    label = "privacy"
    verbose_name = _("Personal data")

    def ready(self):
        # Registers notification kinds, the export task and the daily clean-up.
        # lazy: these modules import models, which are only ready now
        from palabre.privacy import kinds, tasks  # noqa: F401
