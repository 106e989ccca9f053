"""Panels recognition adds to other apps' pages, registered when this package is imported."""

from palabre.recognition.panels import (  # noqa: F401
    attestations,
    contributors,
    featured,
    presenters,
    thanks,
)
