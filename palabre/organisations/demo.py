"""Demo network: organisations across Cameroon's regions and neighbours, people in every role."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from palabre.organisations.models import Membership, Organisation, Role

DEMO_PASSWORD = "palabre-demo-2026"

# (email, what you can try with it) — printed by `palabre run --demo` and in the README.
DEMO_LOGINS = [
    ("admin@palabre.example", "administrateur réseau / network admin"),
    ("animatrice@palabre.example", "animatrice / facilitator"),
    ("fotso@adecob.example", "admin d'organisation / org admin (ADECOB)"),
    ("awa.bello@fal.example", "membre / member (FAL)"),
    ("etoundi@adecob.example", "bénévole / volunteer (ADECOB)"),
]

K = Organisation.Kind
ORGANISATIONS = [
    # slug, name, acronym, kind, country, region, city, description
    (
        "adecob",
        "Association pour le Développement Communautaire de Bafut",
        "ADECOB",
        K.LOCAL_ASSOCIATION,
        "CM",
        "Nord-Ouest",
        "Bafut",
        "Association de villageois qui accompagne les groupements agricoles et les comités de "
        "gestion de points d'eau depuis 2009.",
    ),
    (
        "fal",
        "Femmes Actives du Littoral",
        "FAL",
        K.LOCAL_ASSOCIATION,
        "CM",
        "Littoral",
        "Douala",
        "Réseau de groupements féminins d'épargne et de transformation des produits halieutiques.",
    ),
    (
        "spt-cam",
        "Santé Pour Tous Cameroun",
        "SPT-Cam",
        K.NGO,
        "CM",
        "Centre",
        "Yaoundé",
        "ONG de santé communautaire : relais communautaires, mutuelles de santé, "
        "sensibilisation au paludisme.",
    ),
    (
        "commune-nkolmeyang",
        "Commune de Nkolmeyang",
        "",
        K.LOCAL_AUTHORITY,
        "CM",
        "Sud",
        "Nkolmeyang",
        "Commune rurale engagée dans le budget participatif et la gestion concertée des marchés.",
    ),
    (
        "bp-vallee-ntem",
        "Bureau parlementaire de la Vallée du Ntem",
        "BP Ntem",
        K.PARLIAMENTARY_OFFICE,
        "CM",
        "Sud",
        "Ambam",
        "Bureau d'un député : remontée des doléances, suivi des microprojets parlementaires.",
    ),
    (
        "een",
        "Entraide Évangélique du Nord",
        "EEN",
        K.FAITH_BASED,
        "CM",
        "Nord",
        "Garoua",
        "Organisation confessionnelle d'appui à l'éducation et à la sécurité alimentaire.",
    ),
    (
        "ropa",
        "Réseau des Organisations Paysannes de l'Adamaoua",
        "ROPA",
        K.NETWORK,
        "CM",
        "Adamaoua",
        "Ngaoundéré",
        "Réseau de 40 organisations paysannes : conseil agricole, warrantage, plaidoyer foncier.",
    ),
    (
        "fcdl",
        "Fonds Commun pour le Développement Local",
        "FCDL",
        K.FUNDER,
        "CM",
        "Centre",
        "Yaoundé",
        "Bailleur du réseau : finance les projets des membres et les ateliers d'échanges.",
    ),
    (
        "cofetrab",
        "Coopérative des Femmes Transformatrices de Bertoua",
        "COFETRAB",
        K.LOCAL_ASSOCIATION,
        "CM",
        "Est",
        "Bertoua",
        "Transformation du manioc et commercialisation groupée.",
    ),
    (
        "atea",
        "Association Tchadienne pour l'Eau et l'Assainissement",
        "ATEA",
        K.NGO,
        "TD",
        "Logone Occidental",
        "Moundou",
        "Forages, comités de gestion de l'eau et assainissement total piloté par la communauté.",
    ),
    (
        "jsb",
        "Jeunesse Solidaire de Brazzaville",
        "JSB",
        K.LOCAL_ASSOCIATION,
        "CG",
        "Brazzaville",
        "Brazzaville",
        "Insertion professionnelle des jeunes et chantiers-écoles.",
    ),
    (
        "ageg",
        "Agir pour l'Éducation au Gabon",
        "AGEG",
        K.NGO,
        "GA",
        "Estuaire",
        "Libreville",
        "Soutien scolaire, alphabétisation des adultes et formation des enseignants bénévoles.",
    ),
]

# email, name, job title, organisation slug (or None), role, network role, language, skills
PEOPLE = [
    (
        "admin@palabre.example",
        "Paul Mbarga",
        "Administrateur de la plateforme",
        "fcdl",
        Role.ORG_ADMIN,
        "admin",
        "fr",
        "gestion de plateforme, données",
    ),
    (
        "animatrice@palabre.example",
        "Mireille Ngo Bassong",
        "Animatrice du réseau",
        "fcdl",
        Role.MEMBER,
        "facilitator",
        "fr",
        "animation d'ateliers, capitalisation, facilitation",
    ),
    (
        "moussa.hamadou@palabre.example",
        "Moussa Hamadou",
        "Chargé de capitalisation",
        "ropa",
        Role.MEMBER,
        "facilitator",
        "fr",
        "capitalisation, suivi-évaluation",
    ),
    (
        "fotso@adecob.example",
        "Jean-Paul Fotso",
        "Coordonnateur",
        "adecob",
        Role.ORG_ADMIN,
        "",
        "fr",
        "gestion de projet, mobilisation communautaire",
    ),
    (
        "etoundi@adecob.example",
        "Samuel Etoundi",
        "Animateur bénévole",
        "adecob",
        Role.VOLUNTEER,
        "",
        "fr",
        "animation rurale",
    ),
    (
        "nkeng@adecob.example",
        "Grace Nkeng",
        "Chargée de suivi",
        "adecob",
        Role.MEMBER,
        "",
        "en",
        "monitoring and evaluation, data collection",
    ),
    (
        "awa.bello@fal.example",
        "Awa Bello",
        "Chargée de programme",
        "fal",
        Role.MEMBER,
        "",
        "fr",
        "épargne communautaire, genre",
    ),
    (
        "ekambi@fal.example",
        "Odile Ekambi",
        "Présidente",
        "fal",
        Role.ORG_ADMIN,
        "",
        "fr",
        "gouvernance associative",
    ),
    (
        "dr.mvondo@spt.example",
        "Dr Cyrille Mvondo",
        "Directeur exécutif",
        "spt-cam",
        Role.ORG_ADMIN,
        "",
        "fr",
        "santé communautaire, mutuelles de santé",
    ),
    (
        "abena@spt.example",
        "Christelle Abena",
        "Coordinatrice des relais",
        "spt-cam",
        Role.MEMBER,
        "",
        "fr",
        "formation des relais communautaires",
    ),
    (
        "ondoua@nkolmeyang.example",
        "Lucien Ondoua",
        "Secrétaire général de la commune",
        "commune-nkolmeyang",
        Role.ORG_ADMIN,
        "",
        "fr",
        "budget participatif, finances locales",
    ),
    (
        "mengue@nkolmeyang.example",
        "Béatrice Mengue",
        "Agent de développement local",
        "commune-nkolmeyang",
        Role.MEMBER,
        "",
        "fr",
        "planification communale",
    ),
    (
        "obiang@bpntem.example",
        "Hervé Obiang",
        "Assistant parlementaire",
        "bp-vallee-ntem",
        Role.ORG_ADMIN,
        "",
        "fr",
        "plaidoyer, suivi des microprojets",
    ),
    (
        "aissatou@een.example",
        "Aïssatou Oumarou",
        "Responsable éducation",
        "een",
        Role.ORG_ADMIN,
        "",
        "fr",
        "alphabétisation, cantines scolaires",
    ),
    (
        "djibrilla@een.example",
        "Djibrilla Sali",
        "Animateur",
        "een",
        Role.VOLUNTEER,
        "",
        "fr",
        "sécurité alimentaire",
    ),
    (
        "bouba@ropa.example",
        "Boubakari Yaya",
        "Secrétaire exécutif",
        "ropa",
        Role.ORG_ADMIN,
        "",
        "fr",
        "warrantage, organisations paysannes",
    ),
    (
        "haoua@ropa.example",
        "Haoua Bakari",
        "Conseillère agricole",
        "ropa",
        Role.MEMBER,
        "",
        "fr",
        "conseil agricole, agroécologie",
    ),
    (
        "ngono@fcdl.example",
        "Sylvie Ngono",
        "Chargée de portefeuille",
        "fcdl",
        Role.MEMBER,
        "",
        "fr",
        "gestion des subventions, suivi-évaluation",
    ),
    (
        "kouam@cofetrab.example",
        "Rose Kouam",
        "Présidente",
        "cofetrab",
        Role.ORG_ADMIN,
        "",
        "fr",
        "transformation du manioc, commercialisation",
    ),
    (
        "nadege@cofetrab.example",
        "Nadège Biloa",
        "Trésorière",
        "cofetrab",
        Role.VOLUNTEER,
        "",
        "fr",
        "comptabilité simplifiée",
    ),
    (
        "ngarlem@atea.example",
        "Ngarlem Mbaïdoum",
        "Ingénieur hydraulicien",
        "atea",
        Role.ORG_ADMIN,
        "",
        "fr",
        "forages, comités de gestion de l'eau",
    ),
    (
        "achta@atea.example",
        "Achta Mahamat",
        "Animatrice ATPC",
        "atea",
        Role.MEMBER,
        "",
        "fr",
        "assainissement total piloté par la communauté",
    ),
    (
        "mabiala@jsb.example",
        "Rodrigue Mabiala",
        "Coordonnateur",
        "jsb",
        Role.ORG_ADMIN,
        "",
        "fr",
        "insertion des jeunes, chantiers-écoles",
    ),
    (
        "nzamba@ageg.example",
        "Estelle Nzamba",
        "Directrice",
        "ageg",
        Role.ORG_ADMIN,
        "",
        "en",
        "adult literacy, teacher training",
    ),
    (
        "mintsa@ageg.example",
        "Kevin Mintsa",
        "Bénévole",
        "ageg",
        Role.VOLUNTEER,
        "",
        "fr",
        "soutien scolaire",
    ),
]

# A few people belong to two organisations.
EXTRA_MEMBERSHIPS = [
    ("awa.bello@fal.example", "cofetrab", Role.MEMBER),
    ("haoua@ropa.example", "een", Role.VOLUNTEER),
]


def load(context) -> None:
    organisations = {}
    for slug, name, acronym, kind, country, region, city, description in ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "acronym": acronym,
                "kind": kind,
                "country": country,
                "region": region,
                "city": city,
                "description": description,
            },
        )
        organisations[slug] = organisation

    User = get_user_model()
    password = make_password(DEMO_PASSWORD)  # hashed once: Argon2 is slow on purpose
    people = {}
    for email, name, title, org_slug, role, network_role, language, skills in PEOPLE:
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={
                "display_name": name,
                "job_title": title,
                "network_role": network_role,
                "is_superuser": network_role == "admin",
                "language": language,
                "skills_offered": skills,
                "languages_spoken": "français" if language == "fr" else "English, français",
                "password": password,
                "is_active": True,
            },
        )
        people[email] = user
        if org_slug:
            Membership.objects.update_or_create(
                user=user, organisation=organisations[org_slug], defaults={"role": role}
            )
    for email, org_slug, role in EXTRA_MEMBERSHIPS:
        Membership.objects.update_or_create(
            user=people[email], organisation=organisations[org_slug], defaults={"role": role}
        )
    context["organisations"] = organisations
    context["people"] = people
