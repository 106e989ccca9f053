from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "palabre.recognition"
    label = "recognition"
    verbose_name = _("Recognition")
    # The directory's link ("Who can help me?") is added to nav_items by views/featured.py's
    # author once the page exists.
    nav_items: list = []

    def ready(self):
        # lazy: these modules import models and register kinds, panels and contributions,
        # which needs the app registry ready.
        from palabre.recognition import contributions, kinds, panels  # noqa: F401
