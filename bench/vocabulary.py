"""Words of the field, per theme, for bench/generate.py: a practice mostly uses its theme's
words, so a query finds what a real library would (a few percent of it), not everything."""

FR = {
    "eau-hygiene-assainissement": {
        "subjects": [
            "le comité de gestion du forage",
            "les usagers du point d'eau",
            "les artisans réparateurs de pompes",
            "les ménages du quartier",
            "les relais d'hygiène",
            "les écoles sans latrines",
        ],
        "actions": [
            "collectent une redevance mensuelle",
            "réparent la pompe en moins d'une semaine",
            "construisent des latrines familiales",
            "chlorent l'eau de boisson",
            "tiennent le cahier des pannes",
            "organisent l'assainissement total piloté par la communauté",
        ],
        "results": [
            "les pannes durent moins longtemps",
            "la diarrhée des enfants a baissé",
            "la redevance couvre l'entretien",
            "les latrines sont utilisées",
        ],
        "problems": [
            "les pièces détachées venaient de loin",
            "le trésorier du comité est parti",
            "la nappe a baissé en saison sèche",
        ],
        "tags": ["forage", "latrines", "eau potable", "pompe"],
    },
    "sante-communautaire": {
        "subjects": [
            "les relais communautaires",
            "les agents de santé communautaire",
            "les sages-femmes",
            "les mères d'enfants de moins de cinq ans",
            "la mutuelle de santé",
            "le centre de santé intégré",
        ],
        "actions": [
            "distribuent des moustiquaires imprégnées",
            "font des visites à domicile",
            "animent des causeries sur le paludisme",
            "suivent la vaccination",
            "référent les femmes enceintes",
            "collectent les cotisations de la mutuelle",
        ],
        "results": [
            "les consultations prénatales ont augmenté",
            "les cas de paludisme grave ont baissé",
            "plus d'enfants sont vaccinés",
        ],
        "problems": [
            "les relais n'étaient pas motivés",
            "les ruptures de médicaments",
            "les routes coupées en saison des pluies",
        ],
        "tags": ["paludisme", "relais", "vaccination", "mutuelle"],
    },
    "agriculture-securite-alimentaire": {
        "subjects": [
            "les groupements de producteurs",
            "les coopératives de maïs",
            "les champs-écoles paysans",
            "les femmes transformatrices de manioc",
            "le magasin de stockage",
        ],
        "actions": [
            "stockent la récolte pour le warrantage",
            "testent des semences améliorées",
            "pratiquent le compostage",
            "vendent le gari en commun",
            "négocient les prix avec les commerçants",
        ],
        "results": [
            "les rendements ont progressé",
            "le prix de vente a doublé",
            "la soudure est moins difficile",
        ],
        "problems": [
            "les charançons ont attaqué le stock",
            "les prix ont chuté",
            "la sécheresse a réduit la récolte",
        ],
        "tags": ["warrantage", "semences", "manioc", "stockage"],
    },
    "education": {
        "subjects": [
            "l'association des parents d'élèves",
            "le comité de cantine scolaire",
            "les enseignants bénévoles",
            "les filles déscolarisées",
            "les élèves de CM2",
        ],
        "actions": [
            "approvisionnent la cantine en vivres locaux",
            "organisent du soutien scolaire le samedi",
            "suivent l'assiduité des élèves",
            "accompagnent le retour à l'école",
        ],
        "results": [
            "le taux de réussite au certificat a augmenté",
            "les abandons ont diminué",
            "les enfants mangent chaque midi",
        ],
        "problems": [
            "les parents ne cotisaient plus",
            "les enseignants ont été mutés",
            "la cantine manquait de bois",
        ],
        "tags": ["cantine", "école", "parents d'élèves"],
    },
    "epargne-microfinance": {
        "subjects": [
            "la tontine des femmes",
            "l'association villageoise d'épargne et de crédit",
            "la caisse villageoise",
            "les membres du groupe d'épargne",
        ],
        "actions": [
            "épargnent chaque semaine",
            "accordent de petits prêts",
            "partagent les gains en fin de cycle",
            "tiennent un registre des prêts",
            "utilisent une caisse à trois clés",
        ],
        "results": [
            "les prêts sont remboursés à temps",
            "les femmes ont lancé de petits commerces",
            "l'épargne a triplé",
        ],
        "problems": [
            "des prêts n'ont pas été remboursés",
            "le fonds rotatif s'est vidé",
            "la caisse a été volée",
        ],
        "tags": ["tontine", "épargne", "crédit", "AVEC"],
    },
    "gouvernance-locale": {
        "subjects": [
            "le conseil municipal",
            "les comités de développement de quartier",
            "le bureau du député",
            "les chefs traditionnels",
            "les jeunes du village",
        ],
        "actions": [
            "organisent un budget participatif",
            "présentent les comptes en public",
            "recueillent les doléances",
            "suivent les microprojets",
        ],
        "results": [
            "la commune a inscrit une ligne budgétaire",
            "les citoyens participent aux sessions",
            "les doléances reçoivent une réponse",
        ],
        "problems": [
            "les notables ont capté les débats",
            "les élections ont tout arrêté",
            "le budget n'a pas été exécuté",
        ],
        "tags": ["budget participatif", "redevabilité", "commune"],
    },
    "jeunesse-emploi": {
        "subjects": [
            "les jeunes apprentis",
            "le chantier-école",
            "les maîtres artisans",
            "les jeunes sans emploi",
        ],
        "actions": [
            "apprennent la maçonnerie sur un vrai chantier",
            "suivent un stage chez un artisan",
            "créent une petite entreprise",
            "reçoivent un kit de démarrage",
        ],
        "results": [
            "la moitié a trouvé un emploi",
            "les ateliers tournent encore",
            "les jeunes ont un revenu",
        ],
        "problems": [
            "le kit est arrivé trop tard",
            "le marché local était saturé",
            "les jeunes sont partis en ville",
        ],
        "tags": ["apprentissage", "insertion", "chantier-école"],
    },
    "genre-inclusion": {
        "subjects": [
            "les femmes leaders",
            "les groupements féminins",
            "les personnes handicapées",
            "les hommes champions de l'égalité",
        ],
        "actions": [
            "prennent la parole en assemblée",
            "accèdent à la terre",
            "animent des clubs de dialogue",
            "siègent au comité de gestion",
        ],
        "results": [
            "les femmes sont élues au bureau",
            "les violences déclarées ont baissé",
            "les familles partagent les tâches",
        ],
        "problems": ["les maris s'opposaient", "les réunions tombaient aux heures du marché"],
        "tags": ["leadership féminin", "égalité", "inclusion"],
    },
    "environnement-climat": {
        "subjects": [
            "les pépiniéristes",
            "les ménages",
            "les groupements de reboisement",
            "les écoles vertes",
        ],
        "actions": [
            "plantent des arbres fruitiers",
            "utilisent des foyers améliorés",
            "protègent les berges",
            "fabriquent du compost",
        ],
        "results": [
            "la consommation de bois a baissé",
            "les plants ont survécu",
            "les berges ne s'effondrent plus",
        ],
        "problems": ["les chèvres ont mangé les plants", "les feux de brousse"],
        "tags": ["reboisement", "foyers améliorés", "climat"],
    },
    "suivi-evaluation": {
        "subjects": [
            "l'équipe de suivi",
            "les animateurs de terrain",
            "le chargé de suivi-évaluation",
        ],
        "actions": [
            "remplissent des fiches de suivi simplifiées",
            "collectent les indicateurs chaque trimestre",
            "font une restitution communautaire",
            "mènent une enquête de base",
        ],
        "results": ["les données arrivent à temps", "les décisions s'appuient sur les chiffres"],
        "problems": ["les fiches étaient trop longues", "le réseau manquait pour les tablettes"],
        "tags": ["indicateurs", "fiches de suivi", "enquête"],
    },
    "gestion-financiere": {
        "subjects": [
            "le trésorier de l'association",
            "le bureau exécutif",
            "le comptable bénévole",
        ],
        "actions": [
            "tient une comptabilité simplifiée",
            "fait contrôler les comptes",
            "publie le rapport financier",
            "sépare les caisses des projets",
        ],
        "results": ["le bailleur a renouvelé son appui", "les membres font confiance au bureau"],
        "problems": ["les pièces justificatives manquaient", "les retards de décaissement"],
        "tags": ["comptabilité", "audit", "transparence"],
    },
    "ressources-humaines-benevolat": {
        "subjects": [
            "les bénévoles de l'association",
            "le coordonnateur",
            "les nouveaux animateurs",
        ],
        "actions": [
            "reçoivent une formation d'accueil",
            "signent une charte du bénévolat",
            "sont remerciés en assemblée",
            "suivent un plan de formation interne",
        ],
        "results": ["les bénévoles restent plus longtemps", "les tâches sont mieux réparties"],
        "problems": ["les bénévoles payés à l'activité sont partis", "les départs sans relève"],
        "tags": ["bénévolat", "formation interne"],
    },
}
EN = {
    "subjects": [
        "water point committees",
        "women's savings groups",
        "community health workers",
        "farmer cooperatives",
        "parents' associations",
        "young apprentices",
        "school canteen committees",
        "the municipal council",
    ],
    "actions": [
        "collect a small monthly fee",
        "repair the hand pump within a week",
        "store the harvest in a common warehouse",
        "hold a participatory budget meeting",
        "distribute bed nets",
        "keep a simple loan register",
    ],
    "results": [
        "breakdowns are shorter",
        "loans are repaid on time",
        "yields improved",
        "malaria cases dropped",
        "the council set aside a budget line",
    ],
    "problems": [
        "spare parts came from far away",
        "the treasurer left",
        "prices dropped",
        "the rains cut the roads",
    ],
}
CONNECTORS = [
    "Au début, personne n'y croyait vraiment.",
    "La démarche a été présentée au chef du village.",
    "Une réunion de bilan a lieu chaque trimestre.",
    "Le projet a financé le démarrage.",
    "Les partenaires ont suivi les premières étapes.",
    "Les résultats ont été restitués à la communauté.",
]
