"""A practice's maturity, recomputed whenever the evidence changes (docs/maturity.md)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy

from palabre.adoptions import selectors
from palabre.adoptions.models import Adoption
from palabre.audit.services import audit_record
from palabre.practices.models import Practice
from palabre.practices.search import touch_practice
from palabre.practices.services import practice_authors_notify

MATURITY_ORDER = [value for value, _label in Practice.Maturity.choices]


def practice_maturity_refresh(*, practice: Practice) -> str:
    """Set the practice's maturity from the evidence, and its adoption count (for sorting
    searches); tell the authors when the maturity rises."""
    evidence = selectors.maturity_evidence(practice)
    row = Practice.objects.filter(pk=practice.pk).values_list("maturity", "adoption_count").first()
    adoptions = Adoption.objects.filter(practice_id=practice.pk).count()
    if row is not None and row[1] != adoptions:
        Practice.objects.filter(pk=practice.pk).update(adoption_count=adoptions)
        touch_practice(practice.pk)
    current = row[0] if row else None
    practice.maturity = evidence.level
    practice.adoption_count = adoptions
    if current is None or current == evidence.level:
        return evidence.level
    Practice.objects.filter(pk=practice.pk).update(maturity=evidence.level)
    touch_practice(practice.pk)
    audit_record(
        action="practice.maturity_changed",
        actor=None,
        target=practice,
        organisation=practice.lead_organisation,
        data={
            "from": current,
            "to": evidence.level,
            "adoptions": evidence.adoptions,
            "organisations": evidence.organisations,
            "countries": evidence.countries,
        },
    )
    if MATURITY_ORDER.index(evidence.level) > MATURITY_ORDER.index(current):
        practice_authors_notify(
            practice=practice,
            kind="adoption.maturity_changed",
            title=gettext_lazy("Your practice “%(title)s” is now rated: %(level)s"),
            params={"level": Practice.Maturity(evidence.level).label},
            by=None,
        )
    return evidence.level


def practices_maturity_refresh_all() -> int:
    """Recompute every practice that has adoptions or a maturity (thresholds may have changed)."""
    changed = 0
    candidates = Practice.objects.filter(
        Q(pk__in=Adoption.objects.values("practice_id")) | ~Q(maturity=Practice.Maturity.INNOVATION)
    )
    for practice in candidates.select_related("lead_organisation"):
        before = practice.maturity
        with transaction.atomic():
            if practice_maturity_refresh(practice=practice) != before:
                changed += 1
    return changed
