"""The error a service raises when a request cannot be carried out as asked."""

from __future__ import annotations


class ServiceError(Exception):
    """A rule said no. ``message`` is shown to the person, in their language.

    ``status`` is the HTTP status pages and API answer with (400 bad input,
    409 conflict with the current state, 410 gone, 429 too many).
    ``field`` names the form field the message belongs to, when there is one.
    """

    def __init__(self, message, *, status: int = 400, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.status = status
        self.field = field
