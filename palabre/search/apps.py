from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "palabre.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # lazy: registers the daily job once the app registry is ready
        from palabre.search import tasks  # noqa: F401
