"""How the API knows who calls: a personal token in the Authorization header."""

from __future__ import annotations

from ninja.security import HttpBearer

from palabre.accounts.services import api_token_user


class TokenAuth(HttpBearer):
    """`Authorization: Bearer plb_…` with a personal token (see /tokens/)."""

    def authenticate(self, request, token):
        user = api_token_user(token)
        if user is not None:
            request.user = user
        return user
