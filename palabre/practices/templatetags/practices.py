"""Template helpers for practices: Markdown, money, kinds."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format

from palabre.lib.text import plain_text, render_markdown

register = template.Library()


@register.filter
def markdown(text: str):
    return render_markdown(text)


@register.filter
def plain(text: str) -> str:
    return plain_text(text)


@register.filter
def money(amount, currency: str = "XAF") -> str:
    if amount in (None, ""):
        return ""
    return f"{number_format(amount, decimal_pos=0, force_grouping=True)} {currency or 'XAF'}"


@register.filter
def kind_badge(kind: str) -> str:
    return {"good_practice": "green", "lesson_learned": "ochre", "innovation": "blue"}.get(kind, "")


@register.simple_tag
def comments_for(comments: dict, slug: str):
    return comments.get(slug, [])
