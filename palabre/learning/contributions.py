"""What internal training adds to contributor pages and attestations: trainings given
and trainings followed (registered in palabre.recognition.contributions)."""

from __future__ import annotations
