"""Recognition's pages."""

from __future__ import annotations

from django.http import Http404


def directory(request):
    raise Http404


def attestation(request, pk: int):
    raise Http404


def verify(request, code: str):
    raise Http404
