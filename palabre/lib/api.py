"""Pieces every API router shares: authentication, errors, pagination."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from ninja import Schema
from ninja.security import HttpBearer


class TokenAuth(HttpBearer):
    """`Authorization: Bearer plb_…` with a personal token (see /tokens/)."""

    def authenticate(self, request, token):
        from palabre.accounts.services import api_token_user

        user = api_token_user(token)
        if user is not None:
            request.user = user
        return user


def anonymous(request):
    """No token: the API answers as it would to an anonymous visitor."""
    if request.headers.get("Authorization"):
        return None  # a token was sent but is not valid: 401, not anonymous
    return AnonymousUser()


class ErrorOut(Schema):
    detail: str


class PageMeta(Schema):
    count: int
    limit: int
    offset: int
