from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedsConfig(AppConfig):
    name = "palabre.feeds"
    label = "feeds"
    verbose_name = _("Feeds")

    def ready(self):
        # Registers the profile panel.
        # lazy: panels render templates, which are only ready now
        from palabre.feeds import panels  # noqa: F401
