"""The errors a service raises when a request cannot be carried out as asked.

Views never catch them one by one: ``palabre.lib.middleware.ServiceErrorMiddleware``
turns an uncaught ``ServiceError`` into the error page with its status, and the API
has one handler that turns it into JSON. A view catches one only to show the message
inside its form (``palabre.lib.views.form_add_service_error``).
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ServiceError(Exception):
    """A rule said no. ``message`` is shown to the person, in their language.

    ``status`` is the HTTP status pages and API answer with (400 bad input,
    409 conflict with the current state, 410 gone, 429 too many).
    ``field`` names the form field the message belongs to, when there is one.
    """

    def __init__(
        self, message: str | Promise, *, status: int = 400, field: str | None = None
    ) -> None:
        super().__init__(str(message))
        self.message = message
        self.status = status
        self.field = field


class ConflictError(ServiceError):
    """Someone else saved the same text since this person opened it.

    ``current`` is the record as it is now, so the page can show both versions and
    nothing typed is lost.
    """

    def __init__(self, current: Any, message: str | Promise | None = None) -> None:
        super().__init__(
            message
            or _(
                "Someone else saved this text while you were writing. Your text has not been "
                "lost: compare both versions below, then save again."
            ),
            status=409,
        )
        self.current = current


def refuse(message: str | Promise, *, status: int = 400, field: str | None = None) -> NoReturn:
    """Stop a service with a message for the person (400 unless the caller says otherwise)."""
    raise ServiceError(message, status=status, field=field)
