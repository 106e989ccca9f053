from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "palabre.organisations"
    label = "organisations"
    verbose_name = _("Organisations")
    nav_items = [
        {
            "url": "organisations:directory",
            "label": _("Organisations"),
            "order": 70,
            "members_only": True,
        },
    ]
