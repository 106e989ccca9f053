"""How the API knows who calls: a personal token in the Authorization header."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from palabre.accounts.services import api_token_find, api_token_used


class ExpiredToken(HttpError):
    """The token was valid but its time is over: 401 with a message saying so."""

    def __init__(self, message: str) -> None:
        super().__init__(401, message)


class TokenAuth(HttpBearer):
    """`Authorization: Bearer plb_…` with a personal token (see /tokens/)."""

    def authenticate(self, request, token):
        found = api_token_find(token)
        if found is None:
            return None  # unknown or revoked: the API's usual 401
        if found.is_expired:
            raise ExpiredToken(
                _(
                    "This token expired on %(date)s. Create a new one on your "
                    "“API tokens” page (/tokens/)."
                )
                % {"date": formats.date_format(found.expires_at, "DATE_FORMAT")}
            )
        api_token_used(found)
        request.user = found.user
        return found.user
