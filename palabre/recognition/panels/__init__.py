"""Panels recognition adds to other apps' pages, registered when this package is imported."""

from palabre.recognition.panels import attestations, contributors, featured, thanks  # noqa: F401
