from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "palabre.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")
    nav_items = [
        {"url": "newsletter:archive", "label": _("Newsletter"), "order": 85, "members_only": True}
    ]

    def ready(self):
        # Registers the panel of the e-mail settings page and the daily job.
        # lazy: these modules import models, which are only ready now
        from palabre.newsletter import panels, tasks  # noqa: F401
