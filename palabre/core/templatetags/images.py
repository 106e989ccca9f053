"""Showing an uploaded photo's preview the same way everywhere: with its width and height,
lazily below the fold, in sized WebP copies when the worker made them — or, for a visitor
who saves data (``palabre.core.datasaver``), as a link giving its weight, which the site
script turns into the image when tapped (docs: /work/h/contracts.md, "Data saver")."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from palabre.core import datasaver
from palabre.lib.images import describe

register = template.Library()


def _variant_url(src: str, width: int) -> str:
    # Each preview view has its WebP copies under it: ".../preview/" → ".../preview/240.webp".
    return f"{src.rstrip('/')}/{width}.webp"


def _scaled(info: dict[str, Any], width: int) -> tuple[int, int]:
    shown = min(width, int(info["width"])) or 1
    return shown, max(1, round(int(info["height"]) * shown / max(1, int(info["width"]))))


@register.simple_tag(takes_context=True)
def image(
    context: Any,
    item: Any,
    src: str,
    alt: str = "",
    width: int = 240,
    lazy: bool = True,
    link: str = "",
) -> SafeString:
    """The preview of ``item`` (an uploaded file with a ``preview``), served at ``src``,
    ``width`` CSS pixels wide; wrapped in a link to ``link`` if given. ``lazy=False`` for an
    image at the top of a page."""
    info = describe(getattr(item, "preview", None))
    if info is None:
        return mark_safe("")
    shown_w, shown_h = _scaled(info, width)
    webp = {int(w): v for w, v in (info.get("webp") or {}).items()}
    request = context.get("request")
    if datasaver.is_on(request):
        # The smallest copy that fills the place; its own weight is what the link says.
        fits = [w for w in sorted(webp) if w >= shown_w] or sorted(webp)[-1:]
        url, weight = (
            (_variant_url(src, fits[0]), webp[fits[0]][2]) if fits else (src, info["bytes"])
        )
        label = _("Show the image (%(size)s)") % {"size": filesizeformat(weight)}
        return format_html(
            '<a class="image-saver" href="{}" data-saver-src="{}" data-width="{}" '
            'data-height="{}" data-alt="{}">{}</a>',
            url,
            url,
            shown_w,
            shown_h,
            alt,
            label,
        )
    img = format_html(
        '<img src="{}" alt="{}" width="{}" height="{}"{}>',
        src,
        alt,
        shown_w,
        shown_h,
        mark_safe(' loading="lazy" decoding="async"') if lazy else "",
    )
    if webp:
        srcset = ", ".join(f"{_variant_url(src, w)} {v[0]}w" for w, v in sorted(webp.items()))
        img = format_html(
            '<picture><source type="image/webp" srcset="{}" sizes="{}px">{}</picture>',
            srcset,
            shown_w,
            img,
        )
    if link:
        return format_html('<a href="{}">{}</a>', link, img)
    return img


@register.simple_tag
def preview_info(item: Any) -> dict[str, Any] | None:
    """``width``, ``height`` and ``bytes`` of ``item``'s preview (for a share preview)."""
    return describe(getattr(item, "preview", None))


@register.simple_tag(takes_context=True)
def data_saver_on(context: Any) -> bool:
    return datasaver.is_on(context.get("request"))


@register.filter
def first_with_preview(items: Any) -> Any:
    """The first of ``items`` (uploaded files) that is ready and has a preview, or None."""
    for item in items or ():
        if getattr(item, "preview", None) and getattr(item, "is_ready", False):
            return item
    return None
