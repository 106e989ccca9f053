"""Demo workshops: the partners' meeting held in Douala in 2024, and one open for registration."""

DOUALA = {
    "key": "atelier-partenaires-douala-2024",
    "title": "Atelier des partenaires, Douala 2024",
    "objectives": (
        "- Partager entre pairs des expériences qui ont marché… et celles qui ont échoué ;\n"
        "- Approfondir en carrefours trois questions communes au réseau : l'épargne et le "
        "crédit, la participation citoyenne, la santé et l'eau communautaires ;\n"
        "- Décider ensemble d'actions collectives, avec un responsable et une date ;\n"
        "- Transformer ce que nous avons appris en fiches de capitalisation sur Palabre."
    ),
    "description": (
        "Trois jours sous l'arbre à palabres : chacun y vient comme pair, pour apprendre des "
        "autres et faire connaître ce qu'il a essayé. Les exposés d'expérience alternent avec "
        "les carrefours, et chaque demi-journée se termine par une restitution."
    ),
    "start": "2024-11-19",
    "end": "2024-11-21",
    "venue": "Centre de formation de Bonamoussadi, salle Wouri",
    "city": "Douala",
    "organisers": ["fcdl", "fal"],
    "capacity": 40,
    "closes": "2024-11-08",
    "languages": "fr",
    "visibility": "network",
    "report_introduction": (
        "Vingt-quatre personnes de douze organisations du réseau se sont retrouvées à Douala "
        "du 19 au 21 novembre 2024. Pour la première fois, chaque exposé a présenté aussi "
        "ce qui n'a pas marché, et les carrefours ont été animés par les participants "
        "eux-mêmes, avec les outils de la boîte à outils."
    ),
    "report_conclusion": (
        "Les participants repartent avec huit actions collectives. Le FCDL suivra leur "
        "avancement tous les trimestres sur Palabre, et le prochain atelier reviendra sur "
        "ce qui a été fait.\n\n"
        "**Prochaine étape :** publier les fiches des exposés et des carrefours avant fin "
        "janvier 2025."
    ),
}

# email, organisation slug, role, practice presented (demo key), first choice, second choice
PEOPLE = [
    ("animatrice@palabre.example", "fcdl", "facilitator", None, None, None),
    ("moussa.hamadou@palabre.example", "ropa", "facilitator", None, None, None),
    ("bouba@ropa.example", "ropa", "presenter", "warrantage-ropa", "epargne-microfinance", "gouvernance-locale"),
    ("haoua@ropa.example", "ropa", "rapporteur", None, "epargne-microfinance", "sante-communautaire"),
    ("fotso@adecob.example", "adecob", "presenter", "comites-points-eau-adecob", "sante-communautaire", "gouvernance-locale"),
    ("nkeng@adecob.example", "adecob", "rapporteur", None, "sante-communautaire", "epargne-microfinance"),
    ("etoundi@adecob.example", "adecob", "participant", None, "gouvernance-locale", "sante-communautaire"),
    ("awa.bello@fal.example", "fal", "presenter", "avec-fumeuses-fal", "epargne-microfinance", "sante-communautaire"),
    ("ekambi@fal.example", "fal", "participant", None, "epargne-microfinance", "gouvernance-locale"),
    ("dr.mvondo@spt.example", "spt-cam", "participant", None, "sante-communautaire", "gouvernance-locale"),
    ("abena@spt.example", "spt-cam", "presenter", "relais-paludisme-spt", "sante-communautaire", "epargne-microfinance"),
    ("ondoua@nkolmeyang.example", "commune-nkolmeyang", "presenter", "budget-participatif-nkolmeyang", "gouvernance-locale", "epargne-microfinance"),
    ("mengue@nkolmeyang.example", "commune-nkolmeyang", "rapporteur", None, "gouvernance-locale", "sante-communautaire"),
    ("obiang@bpntem.example", "bp-vallee-ntem", "participant", None, "gouvernance-locale", "epargne-microfinance"),
    ("aissatou@een.example", "een", "participant", None, "gouvernance-locale", "sante-communautaire"),
    ("djibrilla@een.example", "een", "participant", None, "epargne-microfinance", "sante-communautaire"),
    ("ngono@fcdl.example", "fcdl", "participant", None, "gouvernance-locale", "epargne-microfinance"),
    ("kouam@cofetrab.example", "cofetrab", "participant", None, "epargne-microfinance", "gouvernance-locale"),
    ("nadege@cofetrab.example", "cofetrab", "participant", None, "epargne-microfinance", "sante-communautaire"),
    ("ngarlem@atea.example", "atea", "presenter", "atpc-atea", "sante-communautaire", "gouvernance-locale"),
    ("achta@atea.example", "atea", "participant", None, "sante-communautaire", "epargne-microfinance"),
    ("mabiala@jsb.example", "jsb", "participant", None, "gouvernance-locale", "epargne-microfinance"),
    ("nzamba@ageg.example", "ageg", "participant", None, "sante-communautaire", "gouvernance-locale"),
    ("mintsa@ageg.example", "ageg", "participant", None, "epargne-microfinance", "gouvernance-locale"),
]  # fmt: skip

# day (1-3), start, end, kind, title, room, theme, tool, facilitator, presenter, practice, rapporteur
SESSIONS = [
    (1, "08:30", "09:00", "plenary", "Accueil et inscription", "Hall", None, None, None, None, None, None),
    (1, "09:00", "09:45", "plenary", "Ouverture : pourquoi nous sommes là", "Wouri", None, "photolangage", "animatrice@palabre.example", None, None, None),
    (1, "09:45", "10:30", "presentation", "Exposé : le warrantage du maïs dans l'Adamaoua", "Wouri", "epargne-microfinance", "recit-de-pratique", "animatrice@palabre.example", "bouba@ropa.example", "warrantage-ropa", "haoua@ropa.example"),
    (1, "10:30", "10:45", "break", "Pause café du matin", "Hall", None, None, None, None, None, None),
    (1, "10:45", "11:30", "presentation", "Exposé : les AVEC des femmes fumeuses de poisson", "Wouri", "epargne-microfinance", "recit-de-pratique", "animatrice@palabre.example", "awa.bello@fal.example", "avec-fumeuses-fal", None),
    (1, "11:30", "12:15", "presentation", "Exposé : le budget participatif de Nkolmeyang", "Wouri", "gouvernance-locale", "recit-de-pratique", "moussa.hamadou@palabre.example", "ondoua@nkolmeyang.example", "budget-participatif-nkolmeyang", None),
    (1, "12:15", "13:30", "break", "Déjeuner du premier jour", "Restaurant", None, None, None, None, None, None),
    (1, "13:30", "15:30", "group_work", "Carrefour 1 : épargne et accès au crédit", "Wouri", "epargne-microfinance", "arbre-a-problemes", "moussa.hamadou@palabre.example", None, None, "haoua@ropa.example"),
    (1, "13:30", "15:30", "group_work", "Carrefour 2 : participation citoyenne et redevabilité", "Sanaga", "gouvernance-locale", "swot", "animatrice@palabre.example", None, None, "mengue@nkolmeyang.example"),
    (1, "13:30", "15:30", "group_work", "Carrefour 3 : santé et eau gérées par la communauté", "Nyong", "sante-communautaire", "1-2-4-tous", None, None, None, "nkeng@adecob.example"),
    (1, "15:30", "15:45", "break", "Pause de l'après-midi", "Hall", None, None, None, None, None, None),
    (1, "15:45", "17:00", "restitution", "Restitution des carrefours du premier jour", "Wouri", None, "galerie", "animatrice@palabre.example", None, None, None),
    (2, "08:30", "09:15", "presentation", "Exposé : les relais communautaires contre le paludisme", "Wouri", "sante-communautaire", "recit-de-pratique", "animatrice@palabre.example", "abena@spt.example", "relais-paludisme-spt", None),
    (2, "09:15", "10:00", "presentation", "Exposé : l'assainissement total piloté par la communauté", "Wouri", "eau-hygiene-assainissement", "recit-de-pratique", "moussa.hamadou@palabre.example", "ngarlem@atea.example", "atpc-atea", None),
    (2, "10:00", "10:15", "break", "Pause café du deuxième jour", "Hall", None, None, None, None, None, None),
    (2, "10:15", "12:30", "group_work", "Carrefour 4 : capitaliser nos expériences", "Wouri", "capitalisation", "ligne-du-temps", "animatrice@palabre.example", None, None, "haoua@ropa.example"),
    (2, "10:15", "12:30", "group_work", "Carrefour 5 : mobiliser des ressources locales", "Sanaga", "mobilisation-ressources", "brainstorming", "moussa.hamadou@palabre.example", None, None, "mengue@nkolmeyang.example"),
    (2, "10:15", "12:30", "group_work", "Carrefour 6 : former et garder les bénévoles", "Nyong", "ressources-humaines-benevolat", "codeveloppement", None, None, None, "nkeng@adecob.example"),
    (2, "12:30", "13:30", "break", "Déjeuner du deuxième jour", "Restaurant", None, None, None, None, None, None),
    (2, "13:30", "15:00", "restitution", "Restitution des carrefours du deuxième jour", "Wouri", None, "galerie", "moussa.hamadou@palabre.example", None, None, None),
    (2, "15:00", "16:30", "plenary", "Nos actions collectives", "Wouri", None, "vote-par-gommettes", "animatrice@palabre.example", None, None, None),
    (3, "08:30", "10:00", "plenary", "Aquarium : reproduire une pratique chez un partenaire, est-ce possible ?", "Wouri", "partenariats", "aquarium", "moussa.hamadou@palabre.example", None, None, None),
    (3, "10:00", "10:30", "break", "Pause café du troisième jour", "Hall", None, None, None, None, None, None),
    (3, "10:30", "11:30", "evaluation", "Évaluation de l'atelier", "Wouri", None, None, "animatrice@palabre.example", None, None, None),
    (3, "11:30", "12:00", "plenary", "Clôture", "Wouri", None, None, "animatrice@palabre.example", None, None, None),
]  # fmt: skip

RESTITUTIONS = {
    "Carrefour 1 : épargne et accès au crédit": {
        "key_learnings": (
            "- Le crédit marche quand il s'appuie sur une épargne déjà existante : le "
            "groupement épargne d'abord, emprunte ensuite.\n"
            "- La garantie n'est pas forcément un bien : le stock (warrantage), la caution "
            "solidaire du groupe ou l'épargne bloquée jouent le même rôle.\n"
            "- Les règles écrites et lues en assemblée évitent la plupart des conflits."
        ),
        "successes": (
            "- Warrantage de l'Adamaoua : 97 % de remboursement en quatre campagnes.\n"
            "- AVEC des fumeuses de Youpwé : 38 groupes autonomes après le départ du projet.\n"
            "- Tontines de COFETRAB : une caisse tenue avec des pictogrammes par des "
            "trésorières qui ne lisent pas."
        ),
        "shortcomings": (
            "- Prêts trop gros accordés trop vite la première année (FAL) : trois groupes "
            "ont failli disparaître.\n"
            "- Dépendance à une seule caisse de microfinance : quand elle a changé de "
            "directeur, les taux ont augmenté.\n"
            "- Peu de jeunes dans les groupes : les règles d'épargne ne tiennent pas compte de "
            "revenus irréguliers."
        ),
        "recommendations": (
            "- Plafonner les premiers prêts à deux fois l'épargne de chacun.\n"
            "- Négocier des conventions écrites avec au moins deux institutions financières.\n"
            "- Adapter le rythme d'épargne aux saisons et aux revenus des jeunes."
        ),
    },
    "Carrefour 2 : participation citoyenne et redevabilité": {
        "key_learnings": (
            "- La participation tient quand les citoyens voient ce que leur avis a changé : "
            "il faut rendre compte, publiquement et souvent.\n"
            "- Les femmes et les jeunes parlent davantage en petits groupes qu'en assemblée."
        ),
        "successes": (
            "- Budget participatif de Nkolmeyang : 14 projets votés par les quartiers, dont "
            "11 réalisés.\n"
            "- Cahiers de doléances de la Vallée du Ntem lus publiquement chaque trimestre."
        ),
        "shortcomings": (
            "- Les réunions de quartier attirent surtout les notables.\n"
            "- Les délais de paiement de la commune découragent les comités de suivi."
        ),
        "recommendations": (
            "- Réunir les femmes et les jeunes à part avant l'assemblée du quartier.\n"
            "- Afficher au marché l'état d'avancement de chaque projet voté."
        ),
    },
    "Carrefour 3 : santé et eau gérées par la communauté": {
        "key_learnings": (
            "- Un comité de gestion dure quand il a un revenu régulier (redevance, "
            "cotisation) et qu'il rend ses comptes.\n"
            "- Les relais communautaires restent quand ils sont reconnus, même sans salaire."
        ),
        "successes": (
            "- Comités de points d'eau d'ADECOB : 31 forages sur 34 fonctionnent après cinq "
            "ans.\n"
            "- Relais paludisme de SPT-Cam : les consultations tardives ont baissé de moitié."
        ),
        "shortcomings": (
            "- Les pièces de rechange des pompes sont introuvables hors des villes.\n"
            "- Certains relais ont arrêté quand la prime du projet s'est arrêtée."
        ),
        "recommendations": (
            "- Constituer un stock de pièces de rechange partagé entre organisations d'une "
            "même région.\n"
            "- Remplacer les primes par une reconnaissance : badge, formation, place au "
            "comité de santé."
        ),
    },
    "Carrefour 4 : capitaliser nos expériences": {
        "key_learnings": (
            "- Capitaliser, c'est d'abord raconter : la ligne du temps a fait ressortir des "
            "moments oubliés par l'équipe actuelle.\n"
            "- Les échecs sont les leçons les plus utiles aux autres, à condition de dire "
            "pourquoi."
        ),
        "successes": "- Trois organisations ont commencé leur fiche pendant l'atelier.",
        "shortcomings": "- Peu de temps dans les projets pour écrire ; pas de budget prévu.",
        "recommendations": (
            "- Prévoir une demi-journée de capitalisation à la fin de chaque phase de projet.\n"
            "- Demander aux bailleurs d'inscrire la capitalisation dans les budgets."
        ),
    },
    "Carrefour 5 : mobiliser des ressources locales": {
        "key_learnings": (
            "- Les ressources locales ne sont pas que de l'argent : main-d'œuvre, terrain, "
            "matériaux, temps des bénévoles."
        ),
        "successes": "- Chantiers-écoles de JSB financés à 30 % par les commandes des quartiers.",
        "shortcomings": "- Les contributions en nature ne sont presque jamais comptabilisées.",
        "recommendations": "- Valoriser les apports en nature dans les budgets et les rapports.",
    },
    "Carrefour 6 : former et garder les bénévoles": {
        "key_learnings": (
            "- Un bénévole reste quand il apprend quelque chose et que son rôle est clair."
        ),
        "successes": "- Les cercles de tuteurs d'AGEG : 80 % des bénévoles encore actifs après un an.",
        "shortcomings": "- Trop de formations théoriques, pas assez de suivi sur le terrain.",
        "recommendations": (
            "- Former par compagnonnage : un nouveau bénévole accompagne un ancien pendant un mois."
        ),
    },
    "Exposé : le warrantage du maïs dans l'Adamaoua": {
        "key_learnings": (
            "- Les questions ont porté sur le choix du magasin et sur la double clé : c'est "
            "ce qui rassure la caisse comme les producteurs."
        ),
        "successes": "- Le prix de vente à la soudure a presque doublé par rapport à la récolte.",
        "shortcomings": "- Deux magasins inondés en 2020 : il faut choisir un terrain surélevé.",
        "recommendations": "- FAL et COFETRAB veulent visiter un magasin avant d'essayer.",
    },
}

ACTIONS = [
    # title, organisation, person, due, status, notes
    ("Organiser une visite d'échange au magasin de warrantage de Ngaoundéré pour FAL et COFETRAB", "ropa", "bouba@ropa.example", "2025-03-31", "done", ["Visite faite les 12 et 13 mars 2025 avec six femmes de FAL et quatre de COFETRAB."]),
    ("Mettre en ligne sur Palabre les fiches des exposés de l'atelier", "fcdl", "animatrice@palabre.example", "2025-01-31", "done", ["Cinq fiches publiées, la sixième est en relecture."]),
    ("Créer un groupe d'échange des trésorières de tontines et l'animer", "fal", "ekambi@fal.example", "2025-01-31", "done", ["Groupe créé avec 23 trésorières de quatre organisations."]),
    ("Accompagner une deuxième commune dans un budget participatif", "commune-nkolmeyang", "ondoua@nkolmeyang.example", "2027-06-30", "in_progress", ["La commune voisine a voté une délibération ; premières assemblées de quartier en février."]),
    ("Former 20 relais communautaires d'ADECOB avec le module de SPT-Cam", "spt-cam", "abena@spt.example", "2025-09-30", "in_progress", ["Première session faite avec 12 relais ; la deuxième attend un financement."]),
    ("Préparer une note commune de plaidoyer sur la redevance des forages", "atea", "ngarlem@atea.example", "2025-06-30", "planned", []),
    ("Constituer un stock partagé de pièces de rechange de pompes dans le Nord-Ouest", "adecob", None, "2026-03-31", "planned", []),
    ("Inscrire une ligne « capitalisation » dans les prochains contrats de subvention", "fcdl", "ngono@fcdl.example", "2025-12-31", "done", ["Ligne ajoutée au modèle de contrat 2025 (3 % du budget)."]),
]  # fmt: skip

EVALUATION_COMMENTS = [
    (
        "Les exposés sur ce qui n'a pas marché : on apprend plus que dans les rapports.",
        "Plus de temps pour les carrefours, moins pour les exposés.",
    ),
    ("Le carrefour sur l'épargne, très concret.", "Envoyer le programme plus tôt."),
    ("Rencontrer des communes et des associations dans la même salle.", ""),
    (
        "La galerie pour les restitutions : rapide et vivant.",
        "Prévoir une traduction en anglais pour certains participants.",
    ),
    ("", "La salle Nyong était trop petite pour le carrefour 3."),
    ("Les actions avec un nom et une date : on sait qui fait quoi.", ""),
    ("L'aquarium du dernier jour.", "Commencer à l'heure le matin."),
    ("Le récit de pratique du warrantage, très clair.", "Plus de visites de terrain."),
    (
        "Le codéveloppement : mon problème de bénévoles a avancé.",
        "Des pauses plus longues pour parler entre nous.",
    ),
    ("Les photos des tableaux envoyées le soir même.", ""),
    ("", "Les exposés devraient tenir dans le temps prévu."),
]

UPCOMING = {
    "key": "atelier-ngaoundere-agriculture",
    "title": "Atelier d'échanges de Ngaoundéré : agriculture et sécurité alimentaire",
    "objectives": (
        "- Échanger sur les pratiques agricoles qui résistent aux saisons difficiles ;\n"
        "- Préparer ensemble la reproduction du warrantage et des banques de céréales ;\n"
        "- Faire le point sur les actions décidées à Douala en 2024."
    ),
    "description": (
        "Deux jours à Ngaoundéré, avec une visite de terrain au magasin de warrantage du "
        "ROPA. Les participants qui présentent une expérience sont invités à préparer leur "
        "fiche sur Palabre avant l'atelier."
    ),
    "days_from_now": 40,
    "length": 2,
    "closes_in": 30,
    "venue": "Salle de conférence du ROPA",
    "city": "Ngaoundéré",
    "organisers": ["ropa", "fcdl"],
    "capacity": 30,
    "languages": "fr,en",
    "visibility": "public",
}

UPCOMING_PEOPLE = [
    ("moussa.hamadou@palabre.example", "ropa", "facilitator", None, None),
    ("bouba@ropa.example", "ropa", "presenter", "warrantage-ropa", "agriculture-securite-alimentaire"),
    ("djibrilla@een.example", "een", "participant", None, "agriculture-securite-alimentaire"),
    ("kouam@cofetrab.example", "cofetrab", "participant", None, "epargne-microfinance"),
    ("awa.bello@fal.example", "fal", "participant", None, "epargne-microfinance"),
    ("aissatou@een.example", "een", "presenter", "cantines-endogenes-een", "agriculture-securite-alimentaire"),
    ("nkeng@adecob.example", "adecob", "rapporteur", None, "formation-agricole"),
    ("nzamba@ageg.example", "ageg", "participant", None, "formation-agricole"),
]  # fmt: skip

UPCOMING_SESSIONS = [
    (1, "08:30", "09:15", "plenary", "Accueil et ouverture", "Salle principale", None, "photolangage", "moussa.hamadou@palabre.example", None, None),
    (1, "09:15", "10:00", "presentation", "Exposé : le warrantage du maïs, quatre campagnes après", "Salle principale", "agriculture-securite-alimentaire", "recit-de-pratique", "moussa.hamadou@palabre.example", "bouba@ropa.example", "warrantage-ropa"),
    (1, "10:00", "10:45", "presentation", "Exposé : les cantines scolaires endogènes", "Salle principale", "education", "recit-de-pratique", "moussa.hamadou@palabre.example", "aissatou@een.example", "cantines-endogenes-een"),
    (1, "10:45", "11:00", "break", "Pause", "Hall", None, None, None, None, None),
    (1, "11:00", "13:00", "group_work", "Carrefour A : stocker et vendre au bon moment", "Salle principale", "agriculture-securite-alimentaire", "arbre-a-problemes", None, None, None),
    (1, "11:00", "13:00", "group_work", "Carrefour B : épargner pour la campagne agricole", "Salle 2", "epargne-microfinance", "world-cafe", None, None, None),
    (1, "11:00", "13:00", "group_work", "Carrefour C : former les producteurs", "Salle 3", "formation-agricole", "1-2-4-tous", None, None, None),
    (1, "14:30", "17:30", "plenary", "Visite du magasin de warrantage", "Magasin de Dang", None, None, "moussa.hamadou@palabre.example", None, None),
    (2, "08:30", "10:00", "restitution", "Restitution des carrefours", "Salle principale", None, "galerie", "moussa.hamadou@palabre.example", None, None),
    (2, "10:15", "11:45", "plenary", "Où en sont les actions de Douala 2024 ?", "Salle principale", None, "vote-par-gommettes", "moussa.hamadou@palabre.example", None, None),
    (2, "11:45", "12:30", "evaluation", "Évaluation et clôture", "Salle principale", None, None, "moussa.hamadou@palabre.example", None, None),
]  # fmt: skip
