# The network's starting thesaurus of themes, in French and English.
# Written out here (not imported from app code) so the migration never changes.

from django.db import migrations

THESAURUS = [
    ("pratiques-manageriales", "Pratiques managériales", "Management practices", [
        ("gouvernance-interne", "Gouvernance interne", "Internal governance"),
        ("ressources-humaines-benevolat", "Ressources humaines et bénévolat",
         "Human resources and volunteering"),
        ("gestion-financiere", "Gestion financière et redevabilité",
         "Financial management and accountability"),
    ]),
    ("processus-operationnels", "Processus opérationnels", "Operational processes", [
        ("mobilisation-communautaire", "Mobilisation communautaire", "Community mobilisation"),
        ("partenariats", "Partenariats et travail en réseau", "Partnerships and networking"),
        ("communication-plaidoyer", "Communication et plaidoyer", "Communication and advocacy"),
    ]),
    ("gestion-de-projet", "Gestion de projet", "Project management", [
        ("planification", "Planification et budgétisation", "Planning and budgeting"),
        ("mobilisation-ressources", "Mobilisation de ressources", "Resource mobilisation"),
        ("gestion-des-risques", "Gestion des risques", "Risk management"),
    ]),
    ("formation-continue-beneficiaires", "Formation continue des bénéficiaires",
     "Continuing training of beneficiaries", [
        ("alphabetisation", "Alphabétisation fonctionnelle", "Functional literacy"),
        ("formation-agricole", "Formation agricole et conseil", "Agricultural training and advice"),
        ("education-financiere", "Éducation financière", "Financial education"),
    ]),
    ("methodologie-evaluation", "Méthodologie et évaluation de projets",
     "Project methodology and evaluation", [
        ("suivi-evaluation", "Suivi-évaluation", "Monitoring and evaluation"),
        ("capitalisation", "Capitalisation d'expériences", "Capitalisation of experience"),
        ("collecte-de-donnees", "Enquêtes et collecte de données", "Surveys and data collection"),
    ]),
    ("domaines-intervention", "Domaines d'intervention", "Fields of action", [
        ("sante-communautaire", "Santé communautaire", "Community health"),
        ("eau-hygiene-assainissement", "Eau, hygiène et assainissement",
         "Water, sanitation and hygiene"),
        ("agriculture-securite-alimentaire", "Agriculture et sécurité alimentaire",
         "Agriculture and food security"),
        ("education", "Éducation", "Education"),
        ("genre-inclusion", "Genre et inclusion", "Gender and inclusion"),
        ("gouvernance-locale", "Gouvernance locale et décentralisation",
         "Local governance and decentralisation"),
        ("environnement-climat", "Environnement et climat", "Environment and climate"),
        ("jeunesse-emploi", "Jeunesse et emploi", "Youth and employment"),
        ("epargne-microfinance", "Épargne et microfinance", "Savings and microfinance"),
    ]),
]


def seed(apps, schema_editor):
    Theme = apps.get_model("themes", "Theme")
    for position, (slug, fr, en, children) in enumerate(THESAURUS):
        parent, _ = Theme.objects.get_or_create(
            slug=slug, defaults={"name_fr": fr, "name_en": en, "position": position}
        )
        for child_position, (child_slug, child_fr, child_en) in enumerate(children):
            Theme.objects.get_or_create(
                slug=child_slug,
                defaults={
                    "name_fr": child_fr,
                    "name_en": child_en,
                    "parent": parent,
                    "position": child_position,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("themes", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
