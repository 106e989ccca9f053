"""Reading without a connection ("Lire hors connexion", issue 16).

The service worker (``sw.js``, served from the site's root so that it may look after every
page) keeps on the phone the site's static files, this module's offline page, and the
practices the person saved (their page and their PDF), nothing else: what another person
may see on a shared phone is never kept. palabre.js tells it which practices to keep (the
save button says so), who is logged in (another person, or nobody: it forgets everything)
and when someone logs out; logging out also answers ``Clear-Site-Data``
(``forget_this_device``). The offline page lists what is kept from the phone's own copy,
so that it shows the same list with or without a connection.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

# The Cache Storage names palabre.js and sw.js share.
KEPT_CACHE = "palabre-kept"
SHELL_CACHE = "palabre-shell"


def kept_index_url() -> str:
    """Where the service worker keeps the list of what it keeps (inside its cache only)."""
    return reverse("core:offline") + "kept.json"


@require_GET
def service_worker(request) -> HttpResponse:
    """The service worker script, for the whole site (``Service-Worker-Allowed: /``).

    The same for everyone; never cached by the browser, so that a new version of the
    site's files reaches the phone on the next visit."""
    shell = [static("palabre/palabre.js")]
    version = hashlib.sha256("|".join(shell).encode()).hexdigest()[:12]
    values = {
        "shell_cache": f"{SHELL_CACHE}-{version}",
        "kept_cache": KEPT_CACHE,
        "offline_url": reverse("core:offline"),
        "index_url": kept_index_url(),
        # Not static(""): the production storage has no manifest entry for a folder.
        "static_url": settings.STATIC_URL,
    }
    # JavaScript string literals of addresses and names Palabre itself makes.
    literals = {name: mark_safe(json.dumps(value)) for name, value in values.items()}
    script = render_to_string("core/sw.js", literals)
    etag = f'"{hashlib.sha256(script.encode()).hexdigest()[:16]}"'
    if request.headers.get("If-None-Match") == etag:  # the browser checks it on each visit
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["ETag"] = etag
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def offline_page(request) -> HttpResponse:
    """What this phone keeps for reading offline; the list is read from the phone itself.

    Personal (the header names the person): never shared by a cache on the way."""
    response = render(
        request,
        "core/offline.html",
        {"index_url": kept_index_url(), "kept_cache": KEPT_CACHE},
    )
    response["Cache-Control"] = "private, no-cache"
    return response


CLEAR_SITE_DATA = '"cache", "storage"'


def forget_this_device(view: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a logout view: its answer asks the browser to forget what the site kept on
    this device (drafts, practices kept for offline reading, the service worker)."""

    @wraps(view)
    def wrapped(request, *args: Any, **kwargs: Any) -> Any:
        response = view(request, *args, **kwargs)
        if request.method == "POST":
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response

    return wrapped
