from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "palabre.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self):
        # lazy: records what lower apps announce (core's e-mail retries) once models are ready
        from palabre.audit import receivers  # noqa: F401
