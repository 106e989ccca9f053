from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "palabre.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from palabre.search import tasks  # noqa: F401 - registers the daily job
