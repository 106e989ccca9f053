from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemesConfig(AppConfig):
    name = "palabre.themes"
    label = "themes"
    verbose_name = _("Themes and tags")
    nav_items = [{"url": "themes:index", "label": _("Themes"), "order": 60, "members_only": False}]
