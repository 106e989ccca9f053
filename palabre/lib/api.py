"""Pieces every API router shares: anonymous callers, errors, pagination."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja import Schema


def anonymous(request: HttpRequest) -> AnonymousUser | None:
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
