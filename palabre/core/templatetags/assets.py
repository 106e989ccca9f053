"""What a page loads besides itself: one script, chosen from what the page uses.

``{% page_scripts %}…{% endpage_scripts %}`` wraps the body of ``base.html``: it renders
the body, then adds ONE deferred script at its end: htmx bundled with the site script
(palabre/core/bundles.py) when the rendered body has an ``hx-`` attribute or a template
said ``{% uses_htmx %}`` (for a page that needs htmx without an attribute of its own),
the site script alone otherwise. So a partial with ``hx-post`` included anywhere brings
htmx with it, and the pages without one spare a phone htmx's 50 kB.

``{% favicon_href %}``: the site's icon as a ``data:`` address, so that it costs no
request (the Content-Security-Policy allows ``data:`` images).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import quote

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from palabre.core.bundles import HTMX_JS, SITE_JS

register = template.Library()

MARK = "_palabre_uses_htmx"
# An hx-… (or data-hx-…) attribute inside a tag; escaped text never has a raw "<".
HTMX_ATTRIBUTE = re.compile(r"<[a-zA-Z][^<>]*?\s(?:data-)?hx-[a-z]", re.ASCII)


def uses_htmx(html: str) -> bool:
    return HTMX_ATTRIBUTE.search(html) is not None


@register.simple_tag(takes_context=True, name="uses_htmx")
def mark_uses_htmx(context) -> str:
    """Mark the page being rendered as one that needs htmx."""
    request = context.get("request")
    if request is not None:
        setattr(request, MARK, True)
    return ""


class PageScriptsNode(template.Node):
    def __init__(self, nodelist: template.NodeList):
        self.nodelist = nodelist

    def render(self, context) -> SafeString:
        body = self.nodelist.render(context)
        request = context.get("request")
        wanted = getattr(request, MARK, False) or uses_htmx(body)
        script = format_html(
            '<script src="{}" defer></script>', static(HTMX_JS if wanted else SITE_JS)
        )
        return mark_safe(body + script)


@register.tag
def page_scripts(parser, token):
    nodelist = parser.parse(("endpage_scripts",))
    parser.delete_first_token()
    return PageScriptsNode(nodelist)


@cache
def _favicon() -> str:
    """The icon as a data: address, read once per process (every page carries it)."""
    path = finders.find("palabre/favicon.svg")
    if not path or isinstance(path, list):
        return static("palabre/favicon.svg")
    svg = " ".join(Path(path).read_text(encoding="utf-8").split()).replace('"', "'")
    # quote() leaves no quotation mark, "<", "&" nor "#": safe inside href="…".
    return "data:image/svg+xml," + quote(svg, safe="'=:/;,.-()")


@register.simple_tag
def favicon_href() -> str:
    return mark_safe(_favicon())
