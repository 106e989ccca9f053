"""Template helpers for discussions: a message as safe HTML with its @mentions as links."""

from __future__ import annotations

from django import template

from palabre import permissions
from palabre.discussions.mentions import link_mentions
from palabre.lib.text import plain_text, render_markdown
from palabre.notifications.templatetags.notifications import ago

register = template.Library()


@register.simple_tag(takes_context=True)
def post_body(context, post, mentions=None):
    """Markdown through the same sanitiser as practices; members see mentions as profile links."""
    member = permissions.is_member(context.get("user"))
    text = link_mentions(post.body, list(mentions or []), as_links=member)
    return render_markdown(text)


@register.filter
def excerpt(text: str, length: int = 200) -> str:
    words = plain_text(text)
    return words if len(words) <= length else words[: length - 1].rstrip() + "…"


register.filter("ago", ago)
