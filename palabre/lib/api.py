"""Pieces every API router shares: anonymous callers, bounded numbers, errors, pagination."""

from __future__ import annotations

import enum
from datetime import date, datetime, time
from typing import Annotated, Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict, model_validator

# The largest primary key a database stores (a 64-bit BigAutoField): a larger id is refused
# as bad input (400) before it reaches the database, where it would overflow (a 500).
MAX_ID = 2**63 - 1
# The largest value of an integer column on every database (PostgreSQL's `integer`): counts,
# versions, offsets and the like are bounded by it.
MAX_INT = 2**31 - 1

Id = Annotated[int, Field(ge=1, le=MAX_ID, description="An id")]
"""The id of an object, in a path, a query or a body."""

Number = Annotated[int, Field(ge=-MAX_INT, le=MAX_INT)]
"""A whole number whose range the service checks, with a message in the person's language."""

Offset = Annotated[int, Field(ge=0, le=MAX_INT, description="How many results to skip")]
"""The `offset` query parameter of a list (`offset: Offset = 0`)."""


def _written(value: Any) -> Any:
    """Dates and times are read as text (ISO 8601), not a number taken for a timestamp."""
    if isinstance(value, int | float):
        raise ValueError("write it as text, e.g. 2030-03-12 or 2030-03-12T14:00:00")
    return value


Day = Annotated[date, BeforeValidator(_written)]
"""A date in a body: "2030-03-12"."""

DateTime = Annotated[datetime, BeforeValidator(_written)]
"""A moment in a body: "2030-03-12T14:00:00" (with an offset, or in the workshop's time zone)."""

TimeOfDay = Annotated[time, BeforeValidator(_written)]
"""A time of day in a body: "09:00"."""


def named_choices(name: str, choices: type[enum.Enum]) -> type[enum.StrEnum]:
    """The values of a model's choices as an enum of its own ``name`` in the OpenAPI document.

    Django names its choices after the attribute (``Practice.Kind``, ``Thread.Kind``…), and
    the OpenAPI document keeps one component per name: two apps' ``Kind`` would document
    each other's values. The members are strings, equal to the model's values."""
    members = [(member.name, str(member.value)) for member in choices]
    named = enum.StrEnum(name, members)  # type: ignore[misc]
    named.__module__ = choices.__module__
    return named


def anonymous(request: HttpRequest) -> AnonymousUser | None:
    """No token: the API answers as it would to an anonymous visitor."""
    if request.headers.get("Authorization"):
        return None  # a token was sent but is not valid: 401, not anonymous
    return AnonymousUser()


class InputSchema(Schema):
    """A body the API reads, or a part of one: a JSON object. (django-ninja's schemas also read
    any value through its attributes, so that `"AAA"` would pass for a step whose title is
    `"AAA".title()`.)"""

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, values: Any) -> Any:
        # django-ninja has wrapped the value in its DjangoGetter by now.
        if not isinstance(getattr(values, "_obj", values), dict):
            raise ValueError("should be an object: {…}")
        return values


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in your language when it is ours")


class FieldErrorOut(Schema):
    loc: list[str | int] = Field(description="Where: path, query or body, then the field")
    msg: str
    type: str


class ValidationErrorOut(ErrorOut):
    errors: list[FieldErrorOut] = Field(description="Each value that is not valid, and why")


class PageMeta(Schema):
    count: int
    limit: int
    offset: int


def example(values: dict[str, Any]) -> ConfigDict:
    """A request schema's documented example (`model_config = example({...})`); the tests
    send each one to the API and expect it to be accepted."""
    return ConfigDict(json_schema_extra={"examples": [values]})
