"""Demo network: organisations across Cameroon's regions and neighbours, people in every role.

The organisations and people are in demo_data/ (see its README); this module loads them.
`read_demo_file` reads the format every app's demo data shares.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from palabre.lib.demo_data import read_demo_file
from palabre.organisations.models import Membership, Organisation

DATA = Path(__file__).parent / "demo_data"
DEMO_PASSWORD = "palabre-demo-2026"

# (email, what you can try with it) — printed by `palabre run --demo` and in the README.
DEMO_LOGINS = [
    ("admin@palabre.example", "administrateur réseau / network admin"),
    ("animatrice@palabre.example", "animatrice / facilitator"),
    ("fotso@adecob.example", "admin d'organisation / org admin (ADECOB)"),
    ("awa.bello@fal.example", "membre / member (FAL)"),
    ("etoundi@adecob.example", "bénévole / volunteer (ADECOB)"),
]


def load(context) -> None:
    organisations = {}
    _header, _text, sections = read_demo_file(DATA / "organisations.md")
    for name, fields, description in sections:
        organisation, _created = Organisation.objects.update_or_create(
            slug=fields["slug"],
            defaults={
                "name": name,
                "acronym": fields["acronym"],
                "kind": fields["kind"],
                "country": fields["country"],
                "region": fields["region"],
                "city": fields["city"],
                "description": description,
            },
        )
        organisations[fields["slug"]] = organisation

    User = get_user_model()
    password = make_password(DEMO_PASSWORD)  # hashed once: Argon2 is slow on purpose
    people, second_memberships = {}, []
    _header, _text, sections = read_demo_file(DATA / "people.md")
    for name, person, _ in sections:
        language = person["language"]
        user, _created = User.objects.update_or_create(
            email=person["email"],
            defaults={
                "display_name": name,
                "job_title": person["job_title"],
                "network_role": person["network_role"],
                "is_superuser": person["network_role"] == "admin",
                "language": language,
                "skills_offered": person["skills"],
                "languages_spoken": "français" if language == "fr" else "English, français",
                "password": password,
                "is_active": True,
            },
        )
        people[person["email"]] = user
        if person.get("organisation"):
            Membership.objects.update_or_create(
                user=user,
                organisation=organisations[person["organisation"]],
                defaults={"role": person["role"]},
            )
        if person.get("also_member_of"):
            second_memberships.append((user, person["also_member_of"], person["also_role"]))
    # A few people belong to two organisations.
    for user, slug, role in second_memberships:
        Membership.objects.update_or_create(
            user=user, organisation=organisations[slug], defaults={"role": role}
        )
    context["organisations"] = organisations
    context["people"] = people
