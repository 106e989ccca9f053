"""Reading a measured value as people type it: "1 250,5", "75 %", "12 ménages".

A value is refused with a message in the reader's language when it is not a
number, carries another unit than the indicator's, or does not fit the
indicator's kind (a whole number, a percentage between 0 and 100).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from palabre.lib.errors import ServiceError

MAX_INTEGER_DIGITS = 14
PLACES = Decimal("0.0001")
_NUMBER = re.compile(r"^\s*([+-]?\s*[\d\s\u00a0\u202f.,']*\d(?:[.,]\d+)?)\s*(.*?)\s*$")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def _normalise_unit(text: str) -> str:
    return " ".join(text.casefold().replace(".", "").split())


def _to_decimal(raw: str) -> Decimal:
    text = _SPACES.sub("", raw)
    if "," in text and "." in text:
        # Whichever comes last separates the decimals; the other groups thousands.
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        text = text.replace(thousands, "").replace(decimal_mark, ".")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    elif text.count(",") > 1:
        text = text.replace(",", "")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    return Decimal(text)


def parse_value(raw: Any, indicator: Any, *, field: str = "value") -> Decimal:
    """The value as a Decimal, checked against the indicator's unit and kind."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise ServiceError(_("A value is required."), field=field)
    if isinstance(raw, bool):
        raise ServiceError(_("“%(value)s” is not a number.") % {"value": raw}, field=field)
    if isinstance(raw, int | float | Decimal):
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise ServiceError(
                _("“%(value)s” is not a number.") % {"value": raw}, field=field
            ) from None
    else:
        text = str(raw).strip()
        match = _NUMBER.match(text)
        if not match:
            raise ServiceError(_("“%(value)s” is not a number.") % {"value": text}, field=field)
        number, unit = match.groups()
        if unit:
            expected = _normalise_unit(indicator.unit)
            given = _normalise_unit(unit)
            percent = indicator.value_type == "percentage" and given in ("%", "pourcent", "percent")
            if given != expected and not percent:
                raise ServiceError(
                    _("This indicator is measured in %(unit)s, not in “%(given)s”.")
                    % {"unit": indicator.unit, "given": unit},
                    field=field,
                )
        try:
            value = _to_decimal(number)
        except InvalidOperation:
            raise ServiceError(
                _("“%(value)s” is not a number.") % {"value": text}, field=field
            ) from None
    return check_value(value, indicator, field=field)


def check_value(value: Decimal, indicator: Any, *, field: str = "value") -> Decimal:
    if not value.is_finite():
        raise ServiceError(_("“%(value)s” is not a number.") % {"value": value}, field=field)
    value = value.quantize(PLACES, rounding=ROUND_HALF_UP)
    if abs(value) >= Decimal(10) ** MAX_INTEGER_DIGITS:
        raise ServiceError(_("This value is too large."), field=field)
    kind = indicator.value_type
    if kind == "integer" and (value != value.to_integral_value() or value < 0):
        raise ServiceError(
            _("This indicator counts whole numbers (0, 1, 2…): %(value)s is not one.")
            % {"value": format_value(value)},
            field=field,
        )
    if kind == "percentage" and not (0 <= value <= 100):
        raise ServiceError(
            _("A percentage is between 0 and 100, not %(value)s.") % {"value": format_value(value)},
            field=field,
        )
    return value


def format_value(value: Any) -> str:
    """A value without useless trailing zeros ("12", "12.5"), in plain digits."""
    if value is None:
        return ""
    number = Decimal(value).quantize(PLACES).normalize()
    text = format(number, "f")
    return text
