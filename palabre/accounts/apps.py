from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "palabre.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from palabre.accounts import signals  # noqa: F401  # lazy: receivers connect once apps are ready
