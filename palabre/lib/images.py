"""Photos people send: measured from their header when they arrive, then, in the
background worker, turned upright, stripped of their metadata and given a preview.

Decoding a photo's pixels takes time and memory (a 13,000 × 13,000 px PNG of 164 KB
needs about 480 MB): it never happens in a request. The upload only reads the header,
which says how many pixels the photo has, and refuses it above ``IMAGE_MAX_PIXELS``.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _

from palabre.lib.errors import ServiceError

# Cleaned again, the photo keeps only what showing it needs (no EXIF, GPS, XMP, comment).
KEPT_INFO = ("icc_profile", "transparency")
CLEANED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
ORIENTATION = 0x0112


def _pillow() -> Any:
    from PIL import Image

    # Pillow's own guard, at the same limit: it warns above it and refuses twice as many.
    Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
    return Image


def check_pixels(upload: IO[bytes]) -> tuple[int, int]:
    """(width, height) of a photo, read from its header alone; refuses a photo with
    more pixels than ``IMAGE_MAX_PIXELS``, or one that cannot be read as an image."""
    image_module = _pillow()
    from PIL import UnidentifiedImageError

    limit = settings.IMAGE_MAX_PIXELS
    size: tuple[int, int] | None = None
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", image_module.DecompressionBombWarning)
            with image_module.open(upload) as image:  # reads the header, not the pixels
                size = image.size
    except image_module.DecompressionBombError:
        pass  # more than twice the limit: refused below
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ServiceError(
            _("This photo could not be read. Send it again as JPEG, PNG or WebP."),
            status=415,
            field="file",
        ) from error
    finally:
        upload.seek(0)
    if size is None or size[0] * size[1] > limit:
        raise ServiceError(
            _(
                "This photo has too many pixels (at most %(limit)s megapixels). Send a "
                "smaller copy: a phone photo has about 12 megapixels."
            )
            % {"limit": limit // 1_000_000},
            status=413,
            field="file",
        )
    return size


@dataclass
class Prepared:
    """What the worker made of a photo: the photo again without its metadata (None when
    it is kept as sent) and a small JPEG preview (None when it could not be made)."""

    photo: bytes | None
    extension: str
    preview: bytes | None


def prepare_photo(source: IO[bytes], *, width: int = 480) -> Prepared:
    """Turn a photo upright, remove its metadata (EXIF with GPS, XMP, comments) and make
    its preview. For the background worker only: this decodes every pixel."""
    image_module = _pillow()
    from PIL import ImageOps

    with image_module.open(source) as image:
        fmt = CLEANED_FORMATS.get(image.format or "")
        if fmt is None or getattr(image, "is_animated", False):
            # GIFs and animations are kept as sent; only their first image is previewed.
            return Prepared(photo=None, extension="", preview=_preview(image, width))
        kept = {k: image.info[k] for k in KEPT_INFO if k in image.info}
        options: dict[str, Any] = {}
        if fmt == "JPEG" and image.getexif().get(ORIENTATION, 1) == 1:
            upright = image  # upright already: keep the JPEG's own quality settings
            options.update(quality="keep", subsampling="keep")
        else:
            upright = ImageOps.exif_transpose(image)
            if fmt != "PNG":
                options["quality"] = 90
        upright.info = dict(kept)  # nothing else is written back
        for name in KEPT_INFO:
            if name in kept and (name != "transparency" or fmt == "PNG"):
                options[name] = kept[name]
        buffer = io.BytesIO()
        upright.save(buffer, fmt, **options)
        return Prepared(
            photo=buffer.getvalue(),
            extension={"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[fmt],
            preview=_preview(upright, width, upright=True),
        )


def _preview(image: Any, width: int, *, upright: bool = False) -> bytes | None:
    """A small JPEG; ``image`` is shrunk in place (the worker is done with it)."""
    from PIL import ImageOps

    try:
        if not upright:
            image = ImageOps.exif_transpose(image)
        image.thumbnail((width, width * 2))
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, "JPEG", quality=72, optimize=True)
    except (OSError, ValueError):
        return None
    return buffer.getvalue()
