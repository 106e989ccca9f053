"""Demo adoptions: demo practices put to work across the network, a year of feedback, indicators.

Dates are counted back from today, so the dashboards always show a living year:
reports at 3 and 12 months, some feedback overdue, a practice revised from a
report, maturity from innovation to institutionalised. Safe to run again.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from palabre.adoptions import selectors
from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement, add_months
from palabre.organisations.models import Membership
from palabre.practices.models import Practice

S = Adoption.Status

# key, practice, organisation, team, started (months ago), status, region (or ""),
# reports: (months after the start, effectiveness, would recommend, organisation-only)
ADOPTIONS = [
    ("warrantage-een", "warrantage-ropa", "een", "Greniers de Pitoa", 20, S.COMPLETED, "",
     [(3, 4, True, False), (12, 5, True, False)]),
    ("warrantage-adecob", "warrantage-ropa", "adecob", "Groupement de Mbengwi", 18, S.COMPLETED,
     "", [(3, 3, True, False), (12, 4, True, False)]),
    ("warrantage-cofetrab", "warrantage-ropa", "cofetrab", "Magasin de Bertoua", 16, S.COMPLETED,
     "", [(3, 4, True, False), (12, 4, True, True)]),
    ("warrantage-atea", "warrantage-ropa", "atea", "Producteurs de Bébédjia", 15, S.COMPLETED,
     "Logone Oriental", [(3, 4, True, False), (12, 5, True, False)]),
    ("warrantage-fal", "warrantage-ropa", "fal", "Coopérative de Yabassi", 14, S.COMPLETED, "",
     [(3, 3, True, False), (12, 4, True, False)]),
    ("warrantage-jsb", "warrantage-ropa", "jsb", "Maraîchers de Kintélé", 13, S.COMPLETED,
     "Pool", [(3, 4, True, False), (12, 4, True, False)]),
    ("warrantage-bp", "warrantage-ropa", "bp-vallee-ntem", "Planteurs d'Ambam", 11, S.ABANDONED,
     "", [(3, 2, False, False)]),
    ("warrantage-ageg", "warrantage-ropa", "ageg", "Coopérative scolaire d'Oyem", 2,
     S.IN_PROGRESS, "Woleu-Ntem", []),
    ("avec-cofetrab", "avec-fumeuses-fal", "cofetrab", "Transformatrices de Garoua-Boulaï", 15,
     S.COMPLETED, "", [(3, 4, True, False), (12, 5, True, False)]),
    ("avec-een", "avec-fumeuses-fal", "een", "Femmes de Touboro", 14, S.COMPLETED, "",
     [(3, 4, True, False), (12, 4, True, False)]),
    ("avec-ageg", "avec-fumeuses-fal", "ageg", "Mères d'élèves de Lambaréné", 13, S.COMPLETED,
     "Moyen-Ogooué", [(3, 3, True, False), (12, 4, True, False)]),
    ("avec-jsb", "avec-fumeuses-fal", "jsb", "Apprenties couturières", 5, S.IN_PROGRESS, "",
     [(3, 4, True, False)]),
    ("atpc-adecob", "atpc-atea", "adecob", "Villages de Bafut-Nord", 16, S.COMPLETED, "",
     [(3, 4, True, False), (12, 5, True, False)]),
    ("atpc-nkolmeyang", "atpc-atea", "commune-nkolmeyang", "Service d'hygiène communal", 14,
     S.COMPLETED, "", [(3, 3, True, False), (12, 4, True, False)]),
    ("atpc-een", "atpc-atea", "een", "Paroisses du Mayo-Rey", 13, S.COMPLETED, "",
     [(3, 4, True, False), (12, 4, True, False)]),
    ("atpc-spt", "atpc-atea", "spt-cam", "Relais de Mfou", 4, S.IN_PROGRESS, "", []),
    ("relais-een", "relais-paludisme-spt", "een", "Relais de Tcholliré", 14, S.COMPLETED, "",
     [(3, 4, True, False), (12, 4, True, False)]),
    ("relais-atea", "relais-paludisme-spt", "atea", "Relais de Moundou", 7, S.IN_PROGRESS, "",
     [(3, 3, True, False)]),
    ("relais-adecob", "relais-paludisme-spt", "adecob", "Aires de santé de Bafut", 4,
     S.IN_PROGRESS, "", []),
    ("relais-nkolmeyang", "relais-paludisme-spt", "commune-nkolmeyang", "", -1, S.PLANNED, "", []),
    ("points-eau-atea", "comites-points-eau-adecob", "atea", "Forages de Krim-Krim", 14,
     S.COMPLETED, "Logone Occidental", [(3, 3, True, False), (12, 4, True, False)]),
    ("points-eau-nkolmeyang", "comites-points-eau-adecob", "commune-nkolmeyang",
     "Bornes-fontaines du centre", 13, S.COMPLETED, "", [(3, 3, True, False), (12, 3, False, False)]),
    ("points-eau-bp", "comites-points-eau-adecob", "bp-vallee-ntem", "Forages de Ma'an", 10,
     S.ABANDONED, "", [(3, 2, False, False)]),
    ("budget-bp", "budget-participatif-nkolmeyang", "bp-vallee-ntem", "Commune d'Ambam", 8,
     S.IN_PROGRESS, "", [(3, 3, True, False)]),
    ("budget-jsb", "budget-participatif-nkolmeyang", "jsb", "Mairie de Djiri", -2, S.PLANNED, "",
     []),
    ("redevance-adecob", "redevance-forage-atea", "adecob", "Forage de Niko", 12, S.ABANDONED,
     "", [(3, 2, False, False), (9, 1, False, True)]),
    ("redevance-nkolmeyang", "redevance-forage-atea", "commune-nkolmeyang", "Forages ruraux", 11,
     S.ABANDONED, "", [(3, 2, False, False)]),
    ("credit-cofetrab", "credit-solidaire-fal", "cofetrab", "Groupes de caution", 9,
     S.IN_PROGRESS, "", [(3, 2, False, False)]),
    ("credit-ropa", "credit-solidaire-fal", "ropa", "Unions de Meiganga", 12, S.ABANDONED, "",
     [(3, 2, True, False), (8, 1, False, False)]),
    ("chantiers-ageg", "chantiers-ecoles-jsb", "ageg", "Chantier-école de Ntoum", 14,
     S.COMPLETED, "Estuaire", [(3, 4, True, False), (12, 4, True, False)]),
    ("chantiers-een", "chantiers-ecoles-jsb", "een", "Jeunes de Garoua", 6, S.IN_PROGRESS, "",
     [(3, 3, True, False)]),
    ("tutor-jsb", "tutor-circles-ageg", "jsb", "Cercles de Bacongo", 13, S.COMPLETED, "",
     [(3, 4, True, False), (12, 5, True, False)]),
    ("tutor-een", "tutor-circles-ageg", "een", "Écoles de Pitoa", 5, S.IN_PROGRESS, "",
     [(3, 4, True, False)]),
    ("mutuelle-nkolmeyang", "mutuelle-sante-spt", "commune-nkolmeyang", "Mutuelle communale",
     10, S.IN_PROGRESS, "", [(3, 3, True, False)]),
    ("manioc-een", "manioc-groupe-cofetrab", "een", "Groupement de Ngong", 13,
     S.COMPLETED, "", [(3, 4, True, False), (12, 4, True, False)]),
]  # fmt: skip

TEXTS = {
    "results": [
        "Les membres ont vendu leur récolte deux à trois mois plus tard, à un meilleur prix ; "
        "le crédit a été remboursé à temps par presque tout le monde.",
        "La participation aux réunions a doublé et les femmes prennent davantage la parole.",
        "Les ménages suivis ont adopté la pratique ; les registres sont tenus chaque mois.",
        "Le comité se réunit seul désormais, sans l'appui de notre animateur.",
        "Moins de ruptures et des comptes présentés en assemblée chaque trimestre.",
    ],
    "difficulties": [
        "Le magasin était trop petit la première année et le transport a coûté cher.",
        "Les premiers mois, peu de personnes croyaient à la démarche ; il a fallu des visites.",
        "Les pluies ont retardé le démarrage et certains membres ont abandonné.",
        "Les cotisations ne rentrent pas pendant la soudure : la caisse se vide.",
        "Le responsable formé a quitté la zone et personne n'a pris le relais.",
    ],
    "suggestions": [
        "Ajouter à la fiche un modèle de registre simple et le calendrier des étapes.",
        "Prévoir une étape de sensibilisation des chefs traditionnels avant le lancement.",
        "Dire combien coûte réellement le démarrage, transport compris.",
        "Expliquer comment choisir les responsables et les renouveler.",
        "",
    ],
}
ABANDON_REASONS = {
    "warrantage-bp": "Pas de magasin sûr disponible et les planteurs avaient besoin de liquidités "
    "immédiates : la récolte a été vendue bord champ.",
    "points-eau-bp": "Le comité n'a jamais été reconnu par la mairie et la panne du forage n'a "
    "pas pu être financée.",
    "redevance-adecob": "La redevance forfaitaire a été refusée par les familles les plus "
    "pauvres ; le comité a arrêté de collecter après six mois.",
    "redevance-nkolmeyang": "Les usagers payaient sans voir de réparations : la confiance est "
    "partie, comme la fiche le décrivait.",
    "credit-ropa": "Les groupes de caution n'ont pas tenu quand deux membres sont partis sans "
    "rembourser.",
}

# key, organisation, name, unit, kind, direction, baseline, target, months back, adoptions,
# and the values measured each month after the baseline
INDICATORS = [
    ("adecob-points-eau", "adecob", "Points d'eau fonctionnels", "points d'eau", "integer",
     "increase", 12, 20, 13, ["atpc-adecob"],
     [12, 13, 13, 14, 15, 15, 16, 17, 17, 18, 18, 19]),
    ("adecob-latrines", "adecob", "Ménages disposant de latrines", "%", "percentage", "increase",
     35, 80, 16, ["atpc-adecob"], [38, 42, 47, 51, 55, 58, 62, 64, 66, 69, 70, 72, 73, 74, 75]),
    ("adecob-remboursement", "adecob", "Taux de remboursement du crédit warrantage", "%",
     "percentage", "increase", 70, 95, 17, ["warrantage-adecob"],
     [72, 75, 80, 84, 85, 88, 90, 91, 89, 92, 93, 94]),
    ("fal-epargne", "fal", "Épargne mobilisée par les groupements", "FCFA", "number", "increase",
     1_200_000, 5_000_000, 14, ["warrantage-fal"],
     [1_450_000, 1_700_000, 2_100_000, 2_350_000, 2_800_000, 3_050_000, 3_300_000, 3_600_000,
      3_750_000, 3_900_000, 4_100_000, 4_250_000]),
    ("een-rupture", "een", "Jours de rupture de la cantine", "jours", "integer", "decrease", 45,
     10, 19, ["warrantage-een"], [40, 38, 33, 30, 26, 24, 20, 19, 16, 14, 12, 12]),
    ("atea-fdal", "atea", "Villages certifiés sans défécation à l'air libre", "villages",
     "integer", "increase", 2, 15, 14, [], [3, 4, 4, 6, 7, 8, 8, 9, 11, 12, 12, 13]),
    ("cofetrab-revenu", "cofetrab", "Revenu mensuel moyen des transformatrices", "FCFA",
     "number", "increase", 25_000, 45_000, 15, ["warrantage-cofetrab", "avec-cofetrab"],
     [26_500, 27_000, 29_000, 31_500, 30_000, 33_000, 35_500, 36_000, 38_000, 37_500, 39_000]),
]  # fmt: skip


def _at(today: date, months_ago: int, day_shift: int = 0) -> date:
    return add_months(today, -months_ago) + timedelta(days=day_shift)


def load(context) -> None:
    rng = context.random
    today = timezone.localdate()
    practices: dict[str, Practice] = context["practices"]
    organisations = context["organisations"]
    members: dict[int, list] = {}
    for membership in Membership.objects.select_related("user").order_by("pk"):
        members.setdefault(membership.organisation_id, []).append(membership.user)
    adoptions: dict[str, Adoption] = {}
    for index, (key, practice_key, org, team, months, status, region, reports) in enumerate(
        ADOPTIONS
    ):
        practice, organisation = practices[practice_key], organisations[org]
        people = members.get(organisation.pk, [])
        person = people[index % len(people)] if people else None
        started = _at(today, months, rng.randint(-10, 10))
        if status == S.PLANNED:
            started = _at(today, months)
        dates = [
            min(add_months(started, after) + timedelta(days=rng.randint(0, 12)), today)
            for after, *_rest in reports
        ]
        ended = None
        if status in (S.COMPLETED, S.ABANDONED):
            ended = dates[-1] if dates else min(add_months(started, 6), today)
        adoption, _created = Adoption.objects.update_or_create(
            external_id=f"demo:{key}",
            defaults={
                "practice": practice,
                "organisation": organisation,
                "revision": practice.revisions.order_by("-number").first(),
                "team": team,
                "started_on": started,
                "ended_on": ended,
                "status": status,
                "country": organisation.country,
                "region": region or organisation.region,
                "context": f"Mise en œuvre par {organisation.short_name} avec {team or 'ses équipes'}.",
                "adaptations": "Nous avons raccourci les étapes de formation et traduit les "
                "supports en langue locale."
                if index % 3 == 0
                else "",
                "abandon_reason": ABANDON_REASONS.get(key, ""),
                "contact": person,
                "created_by": person,
            },
        )
        adoptions[key] = adoption
        for number, (after, score, recommend, private) in enumerate(reports):
            reported = dates[number]
            last = number == len(reports) - 1
            at_report = status if last else S.IN_PROGRESS
            pick = (index + number) % len(TEXTS["results"])
            FeedbackReport.objects.update_or_create(
                external_id=f"demo:{key}:{number}",
                defaults={
                    "adoption": adoption,
                    "reported_on": reported,
                    "effectiveness": score,
                    "would_recommend": recommend,
                    "results": TEXTS["results"][pick] if score >= 3 else "",
                    "difficulties": TEXTS["difficulties"][pick],
                    "suggestions": TEXTS["suggestions"][pick],
                    "status_at_report": at_report,
                    "visibility": FeedbackReport.Visibility.ORGANISATION
                    if private
                    else FeedbackReport.Visibility.NETWORK,
                    "milestone_months": after if after in (3, 12) else None,
                    "created_by": person,
                },
            )
    _answers(practices, adoptions)
    _indicators(today, organisations, adoptions, members)
    from django.db.models import Count

    from palabre.practices.search import touch_practice

    for practice in Practice.objects.filter(adoptions__isnull=False).annotate(
        n=Count("adoptions", distinct=True)
    ):
        level = selectors.maturity_evidence(practice).level
        Practice.objects.filter(pk=practice.pk).update(maturity=level, adoption_count=practice.n)
        touch_practice(practice.pk)
    context["adoptions"] = adoptions


def _answers(practices: dict[str, Practice], adoptions: dict[str, Adoption]) -> None:
    """The warrantage authors answered the first reports, and revised the fiche from one."""
    practice = practices["warrantage-ropa"]
    author = practice.authors.first()
    revisions = list(practice.revisions.order_by("number"))
    for key in ("warrantage-adecob", "warrantage-een"):
        report = FeedbackReport.objects.filter(external_id=f"demo:{key}:0").first()
        if report is None:
            continue
        report.answer = (
            "Merci pour ce retour précis. Nous avons ajouté à la fiche le calcul du coût de "
            "transport et un modèle de registre de stock."
        )
        report.answered_by = author
        report.answered_at = timezone.now()
        if len(revisions) > 1 and key == "warrantage-adecob":
            report.revision_started_at = timezone.now()
            report.revision_started_by = author
            report.addressed_in = revisions[-1]
        report.save()


def _indicators(today, organisations, adoptions, members) -> None:
    for key, org, name, unit, kind, direction, base, target, months, linked, values in INDICATORS:
        organisation = organisations[org]
        people = members.get(organisation.pk, [])
        baseline_date = _at(today, months)
        indicator, _created = Indicator.objects.update_or_create(
            external_id=f"demo:{key}",
            defaults={
                "organisation": organisation,
                "name": name,
                "description": "Suivi mensuel par l'équipe, à partir des registres tenus sur "
                "le terrain.",
                "unit": unit,
                "value_type": kind,
                "direction": direction,
                "baseline_value": Decimal(base),
                "baseline_date": baseline_date,
                "target_value": Decimal(target),
                "target_date": add_months(baseline_date, 24),
                "created_by": people[0] if people else None,
            },
        )
        indicator.adoptions.set([adoptions[k] for k in linked])
        for month, value in enumerate(values, 1):
            measured_on = add_months(baseline_date, month)
            if measured_on > today:
                break
            Measurement.objects.update_or_create(
                indicator=indicator,
                measured_on=measured_on,
                defaults={
                    "value": Decimal(value),
                    "source": "Registre mensuel" if month % 3 else "Enquête trimestrielle",
                    "entered_by": people[month % len(people)] if people else None,
                },
            )
