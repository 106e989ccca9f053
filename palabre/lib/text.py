"""Markdown typed by people, turned into safe HTML.

Whatever is typed or imported, no script, event handler, style or `javascript:`
link survives: Markdown is rendered first, then the HTML is cleaned by nh3 with a
short list of allowed tags.
"""

from __future__ import annotations

import html
import re
import threading
from functools import lru_cache

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre",
    "a", "h3", "h4", "h5", "h6", "hr", "del", "ins", "sup", "sub",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def _shift_headings(html: str) -> str:
    # Headings typed in a section sit under the section's own <h2>.
    for level in (2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 2}>").replace(
            f"</h{level}>", f"</h{level + 2}>"
        )
    return html


_renderer = threading.local()


def _markdown(text: str) -> str:
    # Building a Markdown parser costs more than most texts it renders: each thread
    # keeps one and resets it between texts.
    parser = getattr(_renderer, "parser", None)
    if parser is None:
        parser = _renderer.parser = markdown_lib.Markdown(
            extensions=["sane_lists", "tables", "nl2br"], output_format="html"
        )
    return str(parser.reset().convert(text))


@lru_cache(maxsize=4096)
def markdown_to_html(text: str) -> str:
    """Safe HTML for a text (the same text always gives the same HTML: kept in memory,
    a page read again does not render its sections again)."""
    if not text:
        return ""
    html = _markdown(text)
    return nh3.clean(
        _shift_headings(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )


def render_markdown(text: str) -> SafeString:
    return mark_safe(markdown_to_html(text))


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(^|\s)(?:#{1,6}|>|[-*+]|\d+[.)])\s+", re.MULTILINE)
_EMPHASIS = re.compile(r"[*_`~]{1,3}")
_TAGS = re.compile(r"<[^>]{0,200}>")


def plain_text(text: str) -> str:
    """The words of a Markdown text without its markup, for snippets, search and exports.

    A few regular expressions rather than a full Markdown render: this runs for every
    field of every practice indexed (100,000 at a time on import).
    """
    if not text:
        return ""
    text = _LINK.sub(r"\1", text)
    text = _TAGS.sub(" ", text)
    text = _MARKS.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    return html.unescape(text).strip()
