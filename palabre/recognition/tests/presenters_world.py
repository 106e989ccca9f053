"""A fixed network for the suggested presenters' tests, with the scores computed by hand.

Theme "Eau, hygiène et assainissement" (water). The window is 18 months (540 days): an
event weighs 1 up to 180 days old, then (540 − age) / 360, 0 after 540 days.

- Awa Author (org A): P1 "Les comités de points d'eau" (network), published 30 days ago
  → 3 × 1 = 3. P1 is adopted by org B (adoption A1, completed 90 days ago, contact Binta)
  and by org C (A2). Reports: A1 effectiveness 5, 10 days ago → (5 − 3) × 1 = +2; A2
  effectiveness 4, 360 days ago → (4 − 3) × 0.5 = +0.5. Binta thanked P1 20 days ago
  → ½ × 1 = 0.5. Awa = 3 + 2 + 0.5 + 0.5 = **6.0** for every viewer.
- Colin Colleague (org A): P4 "Le secret de Bafut" (organisation only), published 60 days
  ago → 3; adopted by org A (A4), report effectiveness 5, 5 days ago, organisation only
  → +2; Awa thanked P4 3 days ago → 0.5. Colin = **5.5**, only for viewers who may read
  P4 (facilitators, org A); **0** (absent) for a member of org B.
- Binta Expert (org B): P3 "Les latrines écologiques" (network), published 270 days ago
  → 3 × (540 − 270) / 360 = 2.25; adopted by org A (A3), report effectiveness 2, 100 days
  ago → (2 − 3) × 1 = −1; led A1 (completed 90 days ago, reports average 5 ≥ 4) → 2 × 1
  = 2. Binta = 2.25 − 1 + 2 = **3.25**.
- Oscar Outsider (org B): P5 on water, published 600 days ago: outside the window → 0.
- Dora (org C): P6 on savings (another theme), published 10 days ago → 0 on water.
- Eve (org C): P7 on water, published 10 days ago → 3, but she is already invited (the
  tests pass her in ``exclude_ids``) → absent.

Facilitator's ranking: Awa 6.0, Colin 5.5, Binta 3.25 (Eve 3 when not excluded).
A member of org B: Awa 6.0, Binta 3.25.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from conftest import make_person
from palabre.adoptions.models import Adoption, FeedbackReport
from palabre.organisations.models import Organisation
from palabre.recognition.models import Thanks
from palabre.themes.models import Theme

WATER = "eau-hygiene-assainissement"
SAVINGS = "epargne-microfinance"
SECRET = "Le secret de Bafut"


def build(make_practice, *, author, colleague, outsider, org_a, org_b) -> dict:
    now = timezone.now()
    today = timezone.localdate()
    org_c = Organisation.objects.create(
        name="Mairie de Garoua", slug="garoua", kind="local_authority", country="CM"
    )
    binta = make_person("binta@ate.example", "Binta Expert", organisation=org_b)
    dora = make_person("dora@garoua.example", "Dora Savings", organisation=org_c)
    eve = make_person("eve@garoua.example", "Eve Already", organisation=org_c)

    def practice(who, title, days, *, visibility="network", theme=WATER, organisation=None):
        made = make_practice(who, title=title, visibility=visibility, organisation=organisation)
        made.published_at = now - timedelta(days=days)
        made.save(update_fields=["published_at"])
        made.themes.set([Theme.objects.get(slug=theme)])
        return made

    p1 = practice(author, "Les comités de points d'eau", 30)
    p3 = practice(binta, "Les latrines écologiques", 270, organisation=org_b)
    p4 = practice(colleague, SECRET, 60, visibility="organisation")
    practice(outsider, "Les puits anciens", 600, organisation=org_b)
    practice(dora, "Les tontines", 10, theme=SAVINGS, organisation=org_c)
    practice(eve, "Les filtres à sable", 10, organisation=org_c)

    def adoption(target, organisation, *, status="in_progress", contact=None, ended=None):
        return Adoption.objects.create(
            practice=target,
            organisation=organisation,
            status=status,
            started_on=today - timedelta(days=400),
            ended_on=ended,
            contact=contact,
            country="CM",
        )

    def report(on, effectiveness, days, visibility="network", by=None):
        return FeedbackReport.objects.create(
            adoption=on,
            reported_on=today - timedelta(days=days),
            effectiveness=effectiveness,
            would_recommend=effectiveness >= 3,
            status_at_report=on.status,
            visibility=visibility,
            created_by=by,
        )

    a1 = adoption(p1, org_b, status="completed", contact=binta, ended=today - timedelta(days=90))
    a2 = adoption(p1, org_c)
    a3 = adoption(p3, org_a)
    a4 = adoption(p4, org_a)
    report(a1, 5, 10, by=outsider)
    report(a2, 4, 360)
    report(a3, 2, 100)
    report(a4, 5, 5, visibility="organisation", by=colleague)

    def thanks(giver, item, days):
        made = Thanks.objects.create(giver=giver, kind="practice", object_id=item.pk)
        Thanks.objects.filter(pk=made.pk).update(created_at=now - timedelta(days=days))

    thanks(binta, p1, 20)
    thanks(author, p4, 3)
    water = Theme.objects.get(slug=WATER)
    return {
        "water": water,
        "binta": binta,
        "dora": dora,
        "eve": eve,
        "org_c": org_c,
        "p1": p1,
        "p4": p4,
    }


def upcoming_workshop(world: dict, *, facilitator, organisation):
    """Published, for the network, in ten days, with one presentation slot on water."""
    from datetime import time

    from palabre.workshops.models import Session, Workshop

    today = timezone.localdate()
    made = Workshop.objects.create(
        title="Atelier eau de Bafut",
        objectives="Partager",
        start_date=today + timedelta(days=10),
        end_date=today + timedelta(days=10),
        venue="Salle paroissiale",
        status="published",
        visibility="network",
        created_by=facilitator,
    )
    made.organisers.set([organisation])
    start = made.at(made.start_date, time(10, 0))
    Session.objects.create(
        workshop=made,
        kind=Session.Kind.PRESENTATION,
        title="Exposé sur l'eau",
        starts_at=start,
        ends_at=start + timedelta(minutes=30),
        theme=world["water"],
    )
    return made
