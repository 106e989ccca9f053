"""Panels internal training adds to other apps' pages, registered when this package is imported."""

from palabre.learning.panels import followups, home, needs, quiz, sessions, trainings  # noqa: F401
