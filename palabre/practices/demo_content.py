"""Demo fiches de capitalisation: good practices, lessons learned and innovations of the network."""

PRACTICES = [
    {
        "key": "warrantage-ropa",
        "title": "Le warrantage du maïs pour ne plus brader la récolte",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Les producteurs stockent leur maïs dans un magasin fermé par deux cadenas et "
            "reçoivent en échange un crédit de la caisse d'épargne. Ils couvrent leurs dépenses "
            "urgentes sans vendre au plus bas, puis vendent en période de soudure, quand le prix "
            "a presque doublé. En quatre campagnes, six organisations paysannes l'ont pratiqué "
            "avec un taux de remboursement de 97 %."
        ),
        "context": (
            "Dans la Vina et le Mbéré, les producteurs vendent l'essentiel de leur maïs entre "
            "octobre et décembre, quand le sac de 100 kg se vend 12 000 à 14 000 FCFA. Ils ont "
            "besoin d'argent tout de suite : rentrée scolaire, dettes, funérailles.\n\n"
            "En mai-juin, le même sac dépasse 25 000 FCFA et certaines familles rachètent du "
            "maïs pour manger. Ce sont les commerçants qui profitent de l'écart."
        ),
        "objectives": (
            "- Donner aux producteurs un crédit de campagne sans vendre leur récolte ;\n"
            "- Vendre au moment où les prix sont meilleurs ;\n"
            "- Garder une réserve de maïs pour la soudure ;\n"
            "- Créer une relation de confiance entre les OP et une caisse de microfinance."
        ),
        "beneficiaries": (
            "214 producteurs membres de six organisations paysannes de la Vina et du Mbéré, "
            "dont un tiers de femmes."
        ),
        "women": 71,
        "men": 143,
        "stakeholders": (
            "- **Organisations paysannes** : choisissent le magasin, réceptionnent et "
            "contrôlent le maïs, tiennent le registre de stock ;\n"
            "- **Caisse MC² de Ngaoundéré** : évalue le stock, accorde le crédit, garde une des "
            "deux clés du magasin ;\n"
            "- **ROPA** : forme les comités, négocie la convention, relève les prix ;\n"
            "- **Délégation d'arrondissement de l'agriculture** : conseille sur le séchage et "
            "le traitement des grains."
        ),
        "approach": (
            "Nous avons commencé petit, avec deux OP et un seul magasin, avant d'étendre. Le "
            "stock sert de garantie : le maïs est pesé, traité et enfermé sous deux cadenas, et "
            "le producteur reçoit un crédit égal à 70 % de sa valeur au prix de la récolte, "
            "remboursable en six mois."
        ),
        "steps": [
            {
                "title": "Choisir et préparer le magasin",
                "description": (
                    "Le comité choisit un magasin en dur, sec et aéré. On le nettoie, on pose "
                    "des palettes en bois et on le traite avant l'arrivée des sacs."
                ),
                "what_made_it_work": (
                    "Le magasin appartient à l'OP ou est loué par écrit : jamais un magasin "
                    "prêté par un notable qui peut le reprendre."
                ),
            },
            {
                "title": "Négocier la convention avec la caisse",
                "description": (
                    "Taux de 1,5 % par mois, durée de six mois, crédit à 70 % de la valeur "
                    "du stock, une clé pour l'OP et une clé pour la caisse."
                ),
                "what_made_it_work": (
                    "La convention a été lue à haute voix en assemblée, en français et en "
                    "fulfulde, pour que chacun sache ce qu'il signe."
                ),
            },
            {
                "title": "Réceptionner, peser et contrôler la qualité",
                "description": (
                    "Chaque sac est pesé, son humidité vérifiée, étiqueté au nom du "
                    "producteur et inscrit au registre. Le maïs mal séché est refusé."
                ),
                "what_made_it_work": (
                    "Un contrôleur qualité par OP, formé deux jours, avec une balance et un "
                    "humidimètre prêté par la délégation."
                ),
            },
            {
                "title": "Verser le crédit",
                "description": (
                    "La caisse verse le crédit sur le compte de chaque producteur, sur "
                    "présentation du bordereau de dépôt signé par le comité."
                ),
                "what_made_it_work": (
                    "Les comptes ont été ouverts avant la récolte, pas le jour du dépôt."
                ),
            },
            {
                "title": "Suivre les prix et déstocker",
                "description": (
                    "ROPA relève chaque semaine les prix à Ngaoundéré et Meiganga et les "
                    "diffuse par SMS et à la radio communautaire. On déstocke après "
                    "remboursement, quand le groupe juge le prix bon."
                ),
                "what_made_it_work": (
                    "La vente est groupée : à plusieurs, on pèse plus lourd face aux acheteurs."
                ),
            },
        ],
        "resources": (
            "Un magasin de 50 tonnes par OP, palettes, balance, humidimètre, produits de "
            "traitement ; un conseiller agricole de ROPA à mi-temps pendant la campagne ; trois "
            "jours de formation des comités."
        ),
        "cost_amount": 4850000,
        "cost_currency": "XAF",
        "results": (
            "- 4 campagnes (2019-2020 à 2022-2023), 6 OP, 214 producteurs ;\n"
            "- 3 960 sacs stockés au total, 38,6 millions FCFA de crédit accordés ;\n"
            "- taux de remboursement : 97 % ;\n"
            "- gain moyen de 9 500 FCFA par sac, après intérêts et frais ;\n"
            "- 4 OP sur 6 gardent désormais un stock de sécurité pour la soudure.\n\n"
            "« Avant, je vendais mon maïs à 12 000 le sac pour payer l'école. L'an dernier, "
            "j'ai payé l'école avec le crédit et j'ai vendu en mai à 24 000. » — un producteur "
            "de Nganha"
        ),
        "success_factors": (
            "- La convention écrite et la double clé, qui rassurent la caisse et les "
            "producteurs ;\n"
            "- Le contrôle de qualité à l'entrée du magasin ;\n"
            "- Une information sur les prix chaque semaine ;\n"
            "- Des comités de magasin élus et renouvelés tous les deux ans."
        ),
        "difficulties": (
            "En 2021, le prix de soudure n'a monté que de 30 % à cause du maïs venu du "
            "Nigeria : après intérêts et frais, le gain était faible et des producteurs se sont "
            "découragés. Une OP a perdu 18 sacs attaqués par les charançons faute de "
            "traitement. Les plus pauvres, qui ont peu de sacs, en profitent moins que les "
            "producteurs moyens."
        ),
        "lessons": (
            "- Le warrantage n'est pas un gain garanti : il faut expliquer le risque de prix dès "
            "le départ ;\n"
            "- Un seul lot mal séché peut abîmer le stock de tout le monde ;\n"
            "- Un seuil minimum bas (5 sacs) évite d'exclure les petits producteurs et les "
            "femmes."
        ),
        "sustainability": (
            "Depuis 2023, les OP paient elles-mêmes les frais de magasin (500 FCFA par sac). "
            "Deux d'entre elles négocient directement avec la caisse, sans ROPA."
        ),
        "replication": (
            "Si je devais former un partenaire, je lui transmettrais :\n"
            "- commencer avec une ou deux OP qui ont déjà un magasin et une caisse à "
            "proximité ;\n"
            "- faire ouvrir les comptes avant la récolte ;\n"
            "- ne jamais sauter le contrôle de l'humidité ;\n"
            "- relever les prix chaque semaine et partager l'information avec tous."
        ),
        "period_start": "2019-09",
        "period_end": "2023-06",
        "country": "CM",
        "region": "Adamaoua",
        "lead_organisation": "ropa",
        "partners": ["fcdl"],
        "authors": ["bouba@ropa.example", "haoua@ropa.example"],
        "contact": "bouba@ropa.example",
        "themes": ["agriculture-securite-alimentaire", "epargne-microfinance", "partenariats"],
        "tags": ["warrantage", "maïs", "crédit de campagne", "stockage", "soudure"],
        "status": "published",
        "visibility": "public",
        "project_name": "Projet d'appui à la commercialisation du maïs (PACOM)",
        "attachments": [
            {
                "name": "magasin-warrantage-nganha.jpg",
                "kind": "photo",
                "caption": "Magasin à double cadenas de l'OP de Nganha, campagne 2021",
            },
            {
                "name": "convention-warrantage-op-caisse.pdf",
                "kind": "document",
                "caption": "Modèle de convention entre une OP et la caisse de microfinance",
            },
        ],
    },
    {
        "key": "warrantage-ropa-en",
        "title": "Maize warrantage: no more selling the harvest at rock-bottom prices",
        "kind": "good_practice",
        "language": "en",
        "translation_of": "warrantage-ropa",
        "summary": (
            "Farmers store their maize in a warehouse locked with two padlocks and receive a "
            "loan from the savings bank in return. They cover urgent expenses without selling "
            "at the lowest price, then sell in the lean season, when the price has nearly "
            "doubled. Over four seasons, six farmer organisations used it with a 97% repayment "
            "rate."
        ),
        "context": (
            "In the Vina and Mbéré divisions, farmers sell most of their maize between October "
            "and December, when a 100 kg bag fetches 12,000 to 14,000 FCFA. They need cash "
            "at once: school fees, debts, funerals.\n\n"
            "By May-June the same bag sells for over 25,000 FCFA and some families buy maize "
            "back to eat. Traders pocket the difference."
        ),
        "objectives": (
            "- Give farmers a seasonal loan without selling their harvest;\n"
            "- Sell when prices are better;\n"
            "- Keep a maize reserve for the lean season;\n"
            "- Build trust between farmer organisations and a microfinance bank."
        ),
        "beneficiaries": (
            "214 farmers, members of six farmer organisations in Vina and Mbéré, one third of "
            "them women."
        ),
        "women": 71,
        "men": 143,
        "stakeholders": (
            "- **Farmer organisations**: choose the warehouse, receive and check the maize, "
            "keep the stock register;\n"
            "- **MC² bank in Ngaoundéré**: values the stock, grants the loan, holds one of the "
            "two keys;\n"
            "- **ROPA**: trains the committees, negotiates the agreement, records prices;\n"
            "- **Sub-divisional agriculture office**: advises on drying and grain treatment."
        ),
        "approach": (
            "We started small, with two organisations and a single warehouse, before scaling "
            "up. The stock is the collateral: the maize is weighed, treated and locked under "
            "two padlocks, and the farmer receives a loan worth 70% of its value at harvest "
            "price, repayable within six months."
        ),
        "steps": [
            {
                "title": "Choose and prepare the warehouse",
                "description": (
                    "The committee picks a dry, ventilated brick warehouse. It is cleaned, "
                    "wooden pallets are laid and it is treated before the bags arrive."
                ),
                "what_made_it_work": (
                    "The warehouse belongs to the organisation or is rented in writing: never "
                    "one lent by a notable who can take it back."
                ),
            },
            {
                "title": "Negotiate the agreement with the bank",
                "description": (
                    "1.5% interest per month, six months, loan at 70% of the stock value, one "
                    "key for the organisation and one for the bank."
                ),
                "what_made_it_work": (
                    "The agreement was read aloud in the general meeting, in French and in "
                    "Fulfulde, so everyone knew what they were signing."
                ),
            },
            {
                "title": "Receive, weigh and check quality",
                "description": (
                    "Each bag is weighed, its moisture checked, labelled with the farmer's "
                    "name and entered in the register. Poorly dried maize is refused."
                ),
                "what_made_it_work": (
                    "One quality controller per organisation, trained for two days, with a "
                    "scale and a moisture meter lent by the agriculture office."
                ),
            },
            {
                "title": "Pay out the loan",
                "description": (
                    "The bank credits each farmer's account on presentation of the deposit "
                    "slip signed by the committee."
                ),
                "what_made_it_work": (
                    "Accounts were opened before the harvest, not on the day of deposit."
                ),
            },
            {
                "title": "Follow prices and release the stock",
                "description": (
                    "ROPA records prices weekly in Ngaoundéré and Meiganga and shares them by "
                    "text message and on community radio. Stock is released after repayment, "
                    "when the group judges the price right."
                ),
                "what_made_it_work": (
                    "Sales are grouped: together, farmers carry more weight with buyers."
                ),
            },
        ],
        "resources": (
            "A 50-tonne warehouse per organisation, pallets, scale, moisture meter, treatment "
            "products; a ROPA field adviser half-time during the season; three days of "
            "committee training."
        ),
        "cost_amount": 4850000,
        "cost_currency": "XAF",
        "results": (
            "- 4 seasons (2019-2020 to 2022-2023), 6 organisations, 214 farmers;\n"
            "- 3,960 bags stored in total, 38.6 million FCFA lent;\n"
            "- repayment rate: 97%;\n"
            "- average gain of 9,500 FCFA per bag after interest and fees;\n"
            "- 4 organisations out of 6 now keep a food reserve for the lean season.\n\n"
            "“I used to sell my maize at 12,000 a bag to pay school fees. Last year I paid the "
            "fees with the loan and sold in May at 24,000.” — a farmer from Nganha"
        ),
        "success_factors": (
            "- The written agreement and the double key, which reassure both bank and "
            "farmers;\n"
            "- Quality control at the warehouse door;\n"
            "- Weekly price information;\n"
            "- Warehouse committees elected and renewed every two years."
        ),
        "difficulties": (
            "In 2021 the lean-season price rose by only 30% because of maize coming from "
            "Nigeria: after interest and fees the gain was small and some farmers lost heart. "
            "One organisation lost 18 bags to weevils for lack of treatment. The poorest, who "
            "have few bags, benefit less than middle-income farmers."
        ),
        "lessons": (
            "- Warrantage is not a guaranteed gain: explain the price risk from the start;\n"
            "- A single badly dried lot can spoil everyone's stock;\n"
            "- A low minimum (5 bags) avoids excluding small farmers and women."
        ),
        "sustainability": (
            "Since 2023 the organisations pay the warehouse fees themselves (500 FCFA per "
            "bag). Two of them now negotiate directly with the bank, without ROPA."
        ),
        "replication": (
            "If I had to train a partner, I would pass on:\n"
            "- start with one or two organisations that already have a warehouse and a bank "
            "nearby;\n"
            "- have accounts opened before the harvest;\n"
            "- never skip the moisture check;\n"
            "- record prices every week and share the information with everyone."
        ),
        "period_start": "2019-09",
        "period_end": "2023-06",
        "country": "CM",
        "region": "Adamaoua",
        "lead_organisation": "ropa",
        "partners": ["fcdl"],
        "authors": ["bouba@ropa.example", "haoua@ropa.example"],
        "contact": "bouba@ropa.example",
        "themes": ["agriculture-securite-alimentaire", "epargne-microfinance", "partenariats"],
        "tags": ["warrantage", "maïs", "crédit de campagne", "stockage", "soudure"],
        "status": "published",
        "visibility": "public",
        "project_name": "Projet d'appui à la commercialisation du maïs (PACOM)",
        "attachments": [],
    },
    {
        "key": "champs-ecoles-paysans-ropa",
        "title": "Champs-écoles paysans sur le compost et le semis en ligne du maïs",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Au lieu de parcelles de démonstration tenues par le conseiller, des groupes de "
            "20 à 25 producteurs comparent eux-mêmes, sur une parcelle commune, leur façon de "
            "faire et une façon améliorée (compost, semis en ligne). Ils observent tous les "
            "quinze jours et décident ensemble. Six producteurs sur dix ont ensuite utilisé le "
            "compost dans leur propre champ."
        ),
        "context": (
            "Les sols autour de Ngaoundéré s'épuisent et le prix du sac d'engrais NPK est passé "
            "de 18 000 à 32 000 FCFA en 2022. Les conseils donnés lors des visites du "
            "conseiller étaient écoutés poliment, mais peu appliqués.\n\n"
            "Les producteurs voulaient voir les résultats de leurs propres yeux, dans les "
            "conditions de leur village."
        ),
        "objectives": (
            "- Faire tester par les producteurs le compost et le semis en ligne ;\n"
            "- Réduire la dépendance aux engrais chimiques ;\n"
            "- Former des facilitateurs paysans capables d'animer sans le conseiller."
        ),
        "beneficiaries": "286 producteurs de 12 groupes de la Vina et du Djérem.",
        "women": 118,
        "men": 168,
        "stakeholders": (
            "- **Facilitateurs paysans** : animent les séances, tiennent le cahier "
            "d'observations ;\n"
            "- **Groupes de producteurs** : prêtent la parcelle, fournissent le travail ;\n"
            "- **ROPA** : forme les facilitateurs, fournit les semences pour la première "
            "saison ;\n"
            "- **EEN** : partage ses fiches sur le compost en tas."
        ),
        "approach": (
            "Chaque groupe cultive une parcelle d'un quart d'hectare divisée en deux : pratique "
            "habituelle d'un côté, pratique améliorée de l'autre. Tous les quinze jours, le "
            "groupe observe, mesure et discute, puis décide de la suite."
        ),
        "steps": [
            {
                "title": "Former les facilitateurs paysans",
                "description": (
                    "Douze producteurs choisis par leur groupe sont formés huit jours, sur le "
                    "terrain, à animer une séance d'observation."
                ),
                "what_made_it_work": (
                    "Les groupes ont choisi des personnes respectées, pas forcément les plus "
                    "instruites."
                ),
            },
            {
                "title": "Installer la parcelle de comparaison",
                "description": (
                    "Le groupe prépare le compost trois mois avant les semis, puis sème les "
                    "deux moitiés de la parcelle le même jour."
                ),
                "what_made_it_work": (
                    "Une parcelle près du village, au bord d'un chemin : les voisins "
                    "voient la différence en passant."
                ),
            },
            {
                "title": "Observer tous les quinze jours",
                "description": (
                    "En petits groupes, on compte les plants, on regarde les feuilles, les "
                    "insectes, l'humidité du sol, et on dessine ce qu'on voit."
                ),
                "what_made_it_work": (
                    "Les dessins sur papier kraft permettent à tous de participer, même sans "
                    "savoir lire."
                ),
            },
            {
                "title": "Récolter et peser ensemble",
                "description": (
                    "La récolte des deux moitiés est pesée devant tout le groupe et les "
                    "autorités du village."
                ),
                "what_made_it_work": "La pesée publique met fin aux discussions.",
            },
        ],
        "resources": (
            "Un conseiller agricole pour 4 groupes, un facilitateur par groupe, semences, "
            "brouettes, papier kraft et marqueurs ; une saison agricole complète."
        ),
        "cost_amount": 6200000,
        "cost_currency": "XAF",
        "results": (
            "- 12 champs-écoles sur deux saisons, 286 participants ;\n"
            "- rendement moyen de 2,8 t/ha sur la moitié améliorée contre 1,6 t/ha ;\n"
            "- 61 % des 120 producteurs enquêtés ont mis du compost sur une partie de leur "
            "champ la saison suivante.\n\n"
            "« Quand on voit les deux parcelles côte à côte, on n'a plus besoin qu'on nous "
            "explique. » — une facilitatrice paysanne de Martap"
        ),
        "success_factors": (
            "- Les producteurs mesurent eux-mêmes ;\n"
            "- Des facilitateurs du village, qui parlent la langue de tous ;\n"
            "- Des séances courtes, calées sur le calendrier agricole."
        ),
        "difficulties": (
            "Le compost est lourd à transporter vers les champs éloignés. Les femmes, qui ont "
            "souvent des parcelles plus petites et plus loin, ont moins adopté. Trois groupes "
            "ont arrêté après le passage de troupeaux dans la parcelle. Les facilitateurs "
            "demandent une motivation que le projet ne pourra pas payer longtemps."
        ),
        "lessons": (
            "- Prévoir dès le départ un accord avec les éleveurs sur les couloirs de passage ;\n"
            "- Faire le compost près des champs, pas au village ;\n"
            "- Parler tôt de la motivation des facilitateurs avec les groupes."
        ),
        "sustainability": (
            "Cinq groupes ont relancé seuls leur champ-école la deuxième année, en "
            "cotisant pour les semences."
        ),
        "replication": (
            "Si je devais former un partenaire, je lui transmettrais : laisser les producteurs "
            "choisir ce qu'ils veulent tester, ne garder que deux options à comparer, peser "
            "la récolte en public et préparer le compost une saison à l'avance."
        ),
        "period_start": "2022-04",
        "period_end": "2024-11",
        "country": "CM",
        "region": "Adamaoua",
        "lead_organisation": "ropa",
        "partners": ["een"],
        "authors": ["haoua@ropa.example"],
        "contact": "haoua@ropa.example",
        "themes": ["formation-agricole", "environnement-climat"],
        "tags": ["champ-école paysan", "compost", "agroécologie", "maïs"],
        "status": "draft",
        "visibility": "network",
        "project_name": "Sols vivants de l'Adamaoua",
        "attachments": [],
    },
    {
        "key": "fonds-semences-ropa",
        "title": "Fonds rotatif de semences : pourquoi il s'est vidé en deux saisons",
        "kind": "lesson_learned",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Nous avons distribué des semences améliorées à rembourser en nature après la "
            "récolte, pour que d'autres en profitent l'année suivante. Le remboursement est "
            "tombé de 64 % la première année à 22 % la seconde et le fonds était vide en 2019. "
            "Les semences ont été vues comme un cadeau et les responsables n'ont pas donné "
            "l'exemple."
        ),
        "context": (
            "En 2017, un partenaire a financé pour 3,5 millions FCFA de semences de maïs et de "
            "soja pour huit OP. L'idée : chaque producteur rend une fois et demie la quantité "
            "reçue, et ce stock sert à d'autres producteurs la saison suivante."
        ),
        "objectives": (
            "- Rendre les semences améliorées accessibles sans crédit en argent ;\n"
            "- Constituer un stock de semences qui tourne d'année en année."
        ),
        "beneficiaries": "310 producteurs de huit OP de l'Adamaoua.",
        "women": 94,
        "men": 216,
        "stakeholders": (
            "- **Comités des OP** : devaient distribuer et récupérer les semences ;\n"
            "- **ROPA** : a acheté les semences et, en pratique, a fait la collecte ;\n"
            "- **Bailleur** : a financé l'achat initial."
        ),
        "approach": (
            "Distribution avant les semis avec un simple registre, remboursement en grains à la "
            "récolte, stockage dans les maisons des responsables."
        ),
        "steps": [
            {
                "title": "Distribution des semences",
                "description": (
                    "Chaque producteur a reçu 10 à 20 kg selon la taille de son champ, avec "
                    "une inscription au registre."
                ),
                "what_made_it_work": (
                    "La distribution s'est faite à temps. Ce qui a manqué : aucun contrat "
                    "signé, aucune contribution de départ."
                ),
            },
            {
                "title": "Remboursement en nature",
                "description": (
                    "À la récolte, les comités devaient récupérer les grains. Ce sont les "
                    "agents de ROPA qui ont fini par passer de maison en maison."
                ),
                "what_made_it_work": (
                    "Rien n'a vraiment fonctionné : le comité se sentait simple "
                    "intermédiaire du projet."
                ),
            },
            {
                "title": "Stockage et redistribution",
                "description": (
                    "Les grains remboursés ont été gardés chez les responsables, sans "
                    "traitement. Une partie a été mangée ou vendue pendant la soudure."
                ),
                "what_made_it_work": (
                    "Ce qui a manqué : un magasin commun et un contrôle public du stock."
                ),
            },
        ],
        "resources": "3,5 millions FCFA de semences, deux agents de ROPA pendant la collecte.",
        "cost_amount": 3500000,
        "cost_currency": "XAF",
        "results": (
            "- 2017 : 64 % des quantités remboursées ;\n"
            "- 2018 : 22 % remboursées (mauvaises pluies dans deux arrondissements) ;\n"
            "- 2019 : stock épuisé, fonds arrêté ;\n"
            "- 5 membres de comités sur 8 n'avaient pas remboursé eux-mêmes.\n\n"
            "« On pensait que c'était le cadeau du projet. Quand on a vu que les responsables "
            "ne remboursaient pas, personne n'a voulu être le seul à payer. » — un membre "
            "d'OP de Tibati"
        ),
        "success_factors": (
            "- La distribution à temps avant les semis a été appréciée ;\n"
            "- Le rendement des semences de soja a convaincu beaucoup de producteurs."
        ),
        "difficulties": (
            "Pas de contrat, pas d'apport de départ, pas de sanction. Les responsables ont été "
            "servis les premiers et ont mal remboursé. ROPA a collecté à la place des "
            "comités, ce qui a renforcé l'idée d'un don. Les grains remboursés ont été stockés "
            "sans traitement et une partie s'est abîmée."
        ),
        "lessons": (
            "- Ce qu'on reçoit gratuitement une fois, on le considère comme un don : demander "
            "un apport, même petit (20 %) ;\n"
            "- Les responsables remboursent en premier et en public ;\n"
            "- Un remboursement en argent à prix fixé d'avance est plus simple à suivre qu'en "
            "grains ;\n"
            "- Sans magasin commun, pas de fonds de semences."
        ),
        "sustainability": (
            "Le fonds n'a pas survécu. L'expérience a servi à concevoir le warrantage, où le "
            "stock reste dans un magasin contrôlé."
        ),
        "replication": (
            "Si je devais conseiller un partenaire, je lui dirais de ne pas reproduire ce "
            "modèle tel quel : commencer avec une ou deux OP qui ont déjà une caisse, faire "
            "signer un engagement, et ne jamais faire la collecte à la place du comité."
        ),
        "period_start": "2017-03",
        "period_end": "2019-06",
        "country": "CM",
        "region": "Adamaoua",
        "lead_organisation": "ropa",
        "partners": [],
        "authors": ["moussa.hamadou@palabre.example", "bouba@ropa.example"],
        "contact": "moussa.hamadou@palabre.example",
        "themes": [
            "agriculture-securite-alimentaire",
            "gestion-financiere",
            "gestion-des-risques",
        ],
        "tags": ["fonds rotatif", "semences", "remboursement", "échec"],
        "status": "archived",
        "visibility": "network",
        "project_name": "",
        "attachments": [],
    },
    {
        "key": "comites-points-eau-adecob",
        "title": "Des comités de points d'eau qui lisent leurs comptes en public",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Dans quatorze villages autour de Bafut, les comités de gestion des adductions "
            "d'eau collectent une petite cotisation mensuelle, la déposent à la coopérative "
            "d'épargne et lisent leurs comptes chaque trimestre devant le village. Trois ans "
            "après, onze comités collectent toujours et les pannes sont réparées en quelques "
            "jours."
        ),
        "context": (
            "Les petits réseaux d'eau par gravité construits dans les années 2000 tombaient en "
            "panne faute d'argent pour les réparer. Les cotisations existaient sur le papier, "
            "mais personne ne savait où allait l'argent et les ménages avaient cessé de payer."
        ),
        "objectives": (
            "- Assurer l'entretien et les petites réparations sans attendre un projet ;\n"
            "- Rétablir la confiance entre les ménages et le comité ;\n"
            "- Mettre l'argent du comité en lieu sûr."
        ),
        "beneficiaries": "Environ 6 300 habitants de 14 villages de l'arrondissement de Bafut.",
        "women": 3300,
        "men": 3000,
        "stakeholders": (
            "- **Comité de gestion** : collecte les cotisations de 300 FCFA par ménage et par "
            "mois, tient le cahier de caisse, paie le fontainier ;\n"
            "- **Fontainier du village** : entretient le réseau, fait les petites "
            "réparations ;\n"
            "- **Chefferie** : convoque les assemblées de restitution ;\n"
            "- **ADECOB** : forme les comités et le fontainier, vérifie les cahiers."
        ),
        "approach": (
            "Nous n'avons pas créé de nouveaux comités : nous avons aidé les comités existants "
            "à se faire réélire en assemblée, puis à tenir des comptes simples et à les "
            "présenter en public tous les trois mois."
        ),
        "steps": [
            {
                "title": "Réélire le comité en assemblée",
                "description": (
                    "Assemblée du village, rôle de chaque poste expliqué, vote à main levée, "
                    "au moins deux femmes dont la trésorière si possible."
                ),
                "what_made_it_work": "Le chef a présidé mais n'a proposé aucun nom.",
            },
            {
                "title": "Ouvrir un compte et tenir le cahier de caisse",
                "description": (
                    "Compte au nom du comité à la coopérative, avec deux signatures. Cahier "
                    "à deux colonnes, reçu pour chaque cotisation."
                ),
                "what_made_it_work": "L'argent ne dort plus chez le trésorier.",
            },
            {
                "title": "Former un fontainier",
                "description": (
                    "Un jeune du village formé dix jours par un plombier, avec une caisse "
                    "à outils et un petit stock de pièces."
                ),
                "what_made_it_work": "Il est payé par le comité à chaque intervention.",
            },
            {
                "title": "Lire les comptes en public chaque trimestre",
                "description": (
                    "Le trésorier lit les entrées, les sorties et le solde ; le relevé de la "
                    "coopérative est affiché ; les questions sont libres."
                ),
                "what_made_it_work": (
                    "La lecture se fait le jour du marché, quand tout le monde est là."
                ),
            },
        ],
        "resources": (
            "Un animateur d'ADECOB pour 5 villages, cahiers et carnets de reçus, caisse à "
            "outils du fontainier (environ 85 000 FCFA), dix jours de formation."
        ),
        "cost_amount": 3150000,
        "cost_currency": "XAF",
        "results": (
            "- 14 comités réélus, 11 collectent encore en 2021 ;\n"
            "- 78 % des ménages à jour de cotisation en moyenne ;\n"
            "- 2,9 millions FCFA épargnés par les comités en trois ans ;\n"
            "- délai moyen de réparation : 4 jours, contre 3 semaines avant.\n\n"
            "« Depuis qu'on lit les comptes devant tout le monde, les gens paient sans qu'on "
            "aille frapper à leur porte. » — la trésorière du comité de Mambu"
        ),
        "success_factors": (
            "- La lecture publique des comptes ;\n"
            "- Le compte à la coopérative avec deux signatures ;\n"
            "- Un fontainier du village, payé à l'acte."
        ),
        "difficulties": (
            "La crise sécuritaire dans la région a empêché les assemblées dans deux villages "
            "pendant de longs mois et fait partir des membres de comités. Trois comités ont "
            "cessé de collecter. Dans un village, une élite a voulu décider seule de "
            "l'utilisation de l'épargne."
        ),
        "lessons": (
            "- La transparence rapporte plus que les sanctions ;\n"
            "- Prévoir un suppléant pour chaque poste, car les gens partent ;\n"
            "- Écrire dans le règlement intérieur qui décide des dépenses."
        ),
        "sustainability": (
            "Les comités paient eux-mêmes le fontainier et les pièces. ADECOB ne passe plus "
            "qu'une fois par an pour vérifier les cahiers."
        ),
        "replication": (
            "Si je devais former un partenaire, je lui transmettrais : partir des comités qui "
            "existent, mettre l'argent à la banque dès le premier mois, et fixer les dates de "
            "lecture des comptes pour toute l'année dès l'élection."
        ),
        "period_start": "2018-01",
        "period_end": "2021-12",
        "country": "CM",
        "region": "Nord-Ouest",
        "lead_organisation": "adecob",
        "partners": ["fcdl"],
        "authors": ["fotso@adecob.example"],
        "contact": "fotso@adecob.example",
        "themes": ["eau-hygiene-assainissement", "gouvernance-locale", "gestion-financiere"],
        "tags": ["comité de gestion", "point d'eau", "redevabilité", "fontainier"],
        "status": "published",
        "visibility": "public",
        "project_name": "Eau durable pour les villages de Bafut",
        "attachments": [
            {
                "name": "reglement-interieur-comite-eau.pdf",
                "kind": "document",
                "caption": "Modèle de règlement intérieur adopté par les comités",
            }
        ],
    },
    {
        "key": "animateurs-benevoles-adecob",
        "title": "Animateurs bénévoles : ce que nous avons appris quand ils sont partis",
        "kind": "lesson_learned",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Quand le projet qui payait un per diem s'est terminé, 17 de nos 24 animateurs "
            "bénévoles ont arrêté en six mois. Nous avions fait d'eux des prestataires sans le "
            "vouloir. Nous avons revu notre façon de les recruter, de les reconnaître et de "
            "les associer aux décisions."
        ),
        "context": (
            "ADECOB s'appuie sur des animateurs villageois bénévoles. Entre 2019 et 2020, un "
            "projet leur versait 5 000 FCFA par activité. Ils ne venaient plus qu'aux "
            "activités payées et personne ne leur avait demandé ce qui les motivait."
        ),
        "objectives": (
            "- Comprendre pourquoi les animateurs sont partis ;\n"
            "- Garder une équipe de bénévoles stable, avec ou sans projet."
        ),
        "beneficiaries": "Les animateurs bénévoles d'ADECOB et les groupements qu'ils suivent.",
        "women": 9,
        "men": 15,
        "stakeholders": (
            "- **Animateurs bénévoles** : animent les réunions de groupements, collectent les "
            "informations ;\n"
            "- **Coordination d'ADECOB** : recrute, forme et accompagne les bénévoles."
        ),
        "approach": (
            "Nous avons rencontré un par un les animateurs partis et ceux restés, puis nous "
            "avons construit avec eux une charte du bénévole et un plan d'activités annuel."
        ),
        "steps": [
            {
                "title": "Écouter ceux qui sont partis",
                "description": "Entretiens individuels avec 14 anciens animateurs, sans reproche.",
                "what_made_it_work": (
                    "Les entretiens ont été faits par un membre du bureau, pas par leur "
                    "superviseur."
                ),
            },
            {
                "title": "Écrire une charte du bénévole",
                "description": (
                    "Ce que l'animateur donne (temps, disponibilité) et ce qu'ADECOB donne "
                    "(formation, remboursement réel du transport, attestation annuelle)."
                ),
                "what_made_it_work": "La charte a été écrite avec les bénévoles eux-mêmes.",
            },
            {
                "title": "Réunir les bénévoles chaque trimestre",
                "description": (
                    "Une journée pour partager les difficultés, se former entre pairs et "
                    "préparer les activités du trimestre."
                ),
                "what_made_it_work": "Un repas partagé et une place dans les décisions.",
            },
        ],
        "resources": "Le temps de la coordination, un budget transport et repas trimestriel.",
        "cost_amount": 720000,
        "cost_currency": "XAF",
        "results": (
            "- 2020 : 17 animateurs sur 24 partis en six mois ;\n"
            "- 2021 : 15 animateurs recrutés ou revenus sous la nouvelle charte ;\n"
            "- 13 sur 15 encore actifs après 18 mois.\n\n"
            "« On nous appelait seulement quand il y avait un projet. Maintenant on sait ce "
            "qu'on fait toute l'année. » — un animateur bénévole de Bawum"
        ),
        "success_factors": (
            "- Une reconnaissance visible (attestation, présentation en assemblée) ;\n"
            "- Le remboursement des frais réels au lieu d'un per diem ;\n"
            "- Des réunions régulières, même sans financement."
        ),
        "difficulties": (
            "Le per diem avait créé une habitude difficile à défaire : certains ont vécu la "
            "charte comme une baisse de revenu. Les jeunes restent moins longtemps que les "
            "adultes installés. Nous n'avons pas encore de fonds propres pour les "
            "remboursements de transport."
        ),
        "lessons": (
            "- Ne jamais payer un bénévole à l'activité : on en fait un prestataire ;\n"
            "- Demander dès le recrutement ce que la personne attend de son engagement ;\n"
            "- Un bénévole reste quand il a une place dans les décisions."
        ),
        "sustainability": (
            "Le budget trimestriel est maintenant inscrit dans chaque demande de financement, "
            "et un champ collectif des bénévoles doit le compléter."
        ),
        "replication": (
            "Si je devais former un partenaire, je lui dirais d'écrire la charte avant le "
            "premier projet et de prévoir les frais réels dans le budget, jamais de per diem."
        ),
        "period_start": "2019-03",
        "period_end": "2022-09",
        "country": "CM",
        "region": "Nord-Ouest",
        "lead_organisation": "adecob",
        "partners": [],
        "authors": ["etoundi@adecob.example", "fotso@adecob.example"],
        "contact": "etoundi@adecob.example",
        "themes": ["ressources-humaines-benevolat", "mobilisation-communautaire"],
        "tags": ["bénévoles", "per diem", "motivation", "charte"],
        "status": "published",
        "visibility": "organisation",
        "project_name": "",
        "attachments": [],
    },
    {
        "key": "picture-monitoring-adecob",
        "title": "Picture-based monitoring forms for farmer groups",
        "kind": "innovation",
        "language": "en",
        "translation_of": None,
        "summary": (
            "Group secretaries who struggle with reading and writing now fill in a one-page "
            "form with pictures and tally marks. The group checks it in its monthly meeting "
            "and results are shown back to members every quarter. Forms now come back almost "
            "every month, but sales figures are still unreliable."
        ),
        "context": (
            "Our farmer groups were asked for a written monthly report. Many secretaries "
            "read with difficulty, so reports came late, were filled in by a schoolchild, or "
            "did not come at all: only 41% came back. We were making decisions on guesswork."
        ),
        "objectives": (
            "- Get regular, usable data from every group;\n"
            "- Let secretaries fill in the form themselves;\n"
            "- Give the data back to the groups so it is useful to them too."
        ),
        "beneficiaries": "18 farmer groups around Bafut and their secretaries.",
        "women": 212,
        "men": 143,
        "stakeholders": (
            "- **Group secretaries**: fill in the form with the group;\n"
            "- **Volunteer facilitators**: collect the forms, send a photo by WhatsApp;\n"
            "- **ADECOB monitoring officer**: compiles the data and prepares feedback."
        ),
        "approach": (
            "We drew the form with the secretaries themselves: a picture for each item "
            "(bag of maize, hoe, people at a meeting) and boxes for tally marks instead of "
            "numbers. We test and correct it each quarter."
        ),
        "steps": [
            {
                "title": "Draw the form with the users",
                "description": (
                    "Two workshops with 10 secretaries to choose the pictures and test "
                    "three versions."
                ),
                "what_made_it_work": "Secretaries chose pictures that mean something locally.",
            },
            {
                "title": "Fill it in during the meeting",
                "description": (
                    "The secretary fills in the form aloud; members correct on the spot."
                ),
                "what_made_it_work": "Data checked by the group is rarely invented.",
            },
            {
                "title": "Feed back results every quarter",
                "description": (
                    "Results drawn in large format on flipchart paper and discussed in a "
                    "feedback meeting (restitution) in each village."
                ),
                "what_made_it_work": "Groups compare themselves and ask questions.",
            },
        ],
        "resources": (
            "Printed forms (about 30 FCFA a page), one monitoring officer, facilitators' "
            "phones, flipchart paper."
        ),
        "cost_amount": 650000,
        "cost_currency": "XAF",
        "results": (
            "Partial results after 9 months:\n"
            "- 88% of monthly forms returned, against 41% before;\n"
            "- about 15 minutes to fill in a form;\n"
            "- 2 groups copy the previous month's figures; sales data remain unreliable.\n\n"
            "“Now I fill in the form myself, I don't wait for my son to come back from "
            "school.” — a women's group secretary in Bafut"
        ),
        "success_factors": (
            "- Forms designed with the people who fill them in;\n"
            "- Filling in during the meeting, in front of everyone;\n"
            "- Feedback that shows the data is used."
        ),
        "difficulties": (
            "Amounts of money are hard to show with pictures. Photos sent by WhatsApp are "
            "sometimes blurred and facilitators lack credit and network. Compiling still takes "
            "the monitoring officer two days a month."
        ),
        "lessons": (
            "- Fewer questions give better answers: we went from 14 items to 8;\n"
            "- Data are only reliable if the group sees them come back."
        ),
        "sustainability": (
            "Printing costs are low and groups are ready to pay for their forms. Compiling "
            "remains the weak point."
        ),
        "replication": (
            "If I had to train a partner, I would pass on: draw the form with the people who "
            "fill it in, keep it to one page, and plan the feedback meeting before the first "
            "form is filled in."
        ),
        "period_start": "2026-02",
        "period_end": None,
        "country": "CM",
        "region": "Nord-Ouest",
        "lead_organisation": "adecob",
        "partners": [],
        "authors": ["nkeng@adecob.example"],
        "contact": "nkeng@adecob.example",
        "themes": ["suivi-evaluation", "collecte-de-donnees", "formation-agricole"],
        "tags": ["fiches de suivi", "pictogrammes", "restitution communautaire", "groupements"],
        "status": "published",
        "visibility": "network",
        "project_name": "Appui aux groupements agricoles de Bafut",
        "attachments": [],
    },
    {
        "key": "avec-fumeuses-fal",
        "title": "Des AVEC pour les fumeuses de poisson de Youpwe et Mouanko",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Des groupes de 15 à 25 femmes épargnent chaque semaine dans une caisse à trois "
            "cadenas et se prêtent entre elles. À la fin du cycle, l'épargne et les intérêts "
            "sont partagés. En trois ans, 32 groupes ont épargné plus de 58 millions FCFA sans "
            "un franc de crédit extérieur."
        ),
        "context": (
            "Les fumeuses de poisson achètent le poisson frais au comptant et dépendent des "
            "usuriers ou des mareyeurs, qui prêtent à des taux très élevés. Les tontines "
            "existent, mais ne permettent pas d'emprunter au moment voulu."
        ),
        "objectives": (
            "- Permettre aux femmes d'épargner de petites sommes en sécurité ;\n"
            "- Leur donner accès à de petits crédits au bon moment ;\n"
            "- Créer une caisse de solidarité pour les coups durs."
        ),
        "beneficiaries": "684 membres de 32 AVEC, presque toutes des femmes.",
        "women": 651,
        "men": 33,
        "stakeholders": (
            "- **Membres** : fixent leurs règles, épargnent, empruntent, élisent le comité ;\n"
            "- **Formatrices villageoises** : accompagnent chaque groupe pendant le premier "
            "cycle ;\n"
            "- **FAL** : forme les formatrices, fournit le premier kit (caisse, cadenas, "
            "livrets)."
        ),
        "approach": (
            "Méthode AVEC classique, adaptée au rythme de la pêche : réunion hebdomadaire, "
            "parts de 500 à 2 500 FCFA, crédit jusqu'à trois fois l'épargne au taux de 5 % "
            "par mois, partage au bout de 9 à 12 mois."
        ),
        "steps": [
            {
                "title": "Former le groupe et écrire ses règles",
                "description": (
                    "Trois réunions pour choisir les membres, la valeur de la part, le taux "
                    "et les amendes, puis élire le comité."
                ),
                "what_made_it_work": "Les femmes se choisissent entre elles, par confiance.",
            },
            {
                "title": "Épargner et prêter chaque semaine",
                "description": (
                    "Achat de parts tamponnées dans le livret, crédits, remboursements, "
                    "tout devant le groupe ; la caisse ne s'ouvre qu'en réunion."
                ),
                "what_made_it_work": (
                    "Les trois clés chez trois femmes différentes, la caisse chez une quatrième."
                ),
            },
            {
                "title": "Partager à la fin du cycle",
                "description": (
                    "Chaque membre reçoit son épargne plus sa part des intérêts, "
                    "proportionnelle à ses parts ; un nouveau cycle commence."
                ),
                "what_made_it_work": (
                    "Le partage fixé avant la rentrée scolaire et la saison de pêche."
                ),
            },
        ],
        "resources": (
            "Un kit par groupe (caisse métallique, 3 cadenas, livrets, tampons : environ "
            "45 000 FCFA), une formatrice pour 4 groupes pendant le premier cycle."
        ),
        "cost_amount": 5400000,
        "cost_currency": "XAF",
        "results": (
            "- 32 groupes, dont 9 créés par les femmes elles-mêmes sans FAL ;\n"
            "- 58,4 millions FCFA épargnés au dernier cycle ;\n"
            "- partage moyen de 96 000 FCFA par membre ;\n"
            "- 92 % des crédits remboursés à temps.\n\n"
            "« Avec mon partage, j'ai acheté mon propre four. Je ne loue plus celui de la "
            "voisine. » — une fumeuse de poisson de Youpwe"
        ),
        "success_factors": (
            "- Tout se fait en public, en réunion ;\n"
            "- Les groupes fixent leurs propres règles ;\n"
            "- Aucun argent extérieur dans la caisse."
        ),
        "difficulties": (
            "Un groupe a utilisé la caisse de solidarité pour des fêtes. Une caisse a été volée "
            "à Mouanko. Dans les groupes mixtes, les hommes prenaient vite la présidence. Les "
            "réunions se sont arrêtées deux mois pendant le Covid."
        ),
        "lessons": (
            "- L'épargne avant le crédit : c'est ce qui a manqué dans notre expérience de crédit "
            "solidaire ;\n"
            "- Les livrets à tampons remplacent bien l'écriture pour les non-lettrées ;\n"
            "- Prévoir dès le départ les règles de la caisse de solidarité."
        ),
        "sustainability": (
            "Les groupes fonctionnent sans FAL après le premier cycle. Les formatrices sont "
            "payées par les groupes qu'elles créent (1 000 FCFA par membre et par cycle)."
        ),
        "replication": (
            "Si je devais former un partenaire, je lui transmettrais : ne jamais mettre "
            "d'argent extérieur dans la caisse, accompagner tout un cycle avant de partir, et "
            "laisser les femmes choisir leurs membres."
        ),
        "period_start": "2020-02",
        "period_end": "2023-12",
        "country": "CM",
        "region": "Littoral",
        "lead_organisation": "fal",
        "partners": [],
        "authors": ["awa.bello@fal.example"],
        "contact": "awa.bello@fal.example",
        "themes": ["epargne-microfinance", "education-financiere", "genre-inclusion"],
        "tags": ["avec", "tontine", "épargne", "fumage du poisson"],
        "status": "published",
        "visibility": "public",
        "project_name": "Femmes de la pêche, femmes qui épargnent",
        "attachments": [
            {
                "name": "temoignage-presidente-avec-mouanko.wav",
                "kind": "audio",
                "caption": "Témoignage d'une présidente d'AVEC de Mouanko (4 min)",
            }
        ],
    },
    {
        "key": "fours-fumage-fal",
        "title": "Fours améliorés pour fumer le poisson avec moins de bois et moins de fumée",
        "kind": "innovation",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Nous testons à Mouanko six fours améliorés de type FTT, gérés en commun par des "
            "groupes de fumeuses. Les premières mesures montrent 40 % de bois en moins et un "
            "poisson mieux vendu, mais le four coûte encore trop cher pour une femme seule."
        ),
        "context": (
            "Les fumeuses utilisent des fumoirs traditionnels ouverts. Elles passent des "
            "journées dans la fumée, se plaignent des yeux et de la toux, et le bois de "
            "mangrove devient rare et cher."
        ),
        "objectives": (
            "- Réduire la consommation de bois et l'exposition à la fumée ;\n"
            "- Améliorer la qualité du poisson fumé ;\n"
            "- Trouver une façon de financer les fours par les AVEC."
        ),
        "beneficiaries": "54 fumeuses de trois groupes de Mouanko.",
        "women": 54,
        "men": 0,
        "stakeholders": (
            "- **Groupes de fumeuses** : gèrent le planning d'utilisation et l'entretien ;\n"
            "- **Deux maçons locaux** : formés à la construction des fours ;\n"
            "- **FAL** : finance les premiers fours et mesure les résultats."
        ),
        "approach": (
            "Un four par groupe de 8 à 10 femmes, utilisé à tour de rôle selon un planning "
            "affiché ; mesures simples de bois et de temps avant et après."
        ),
        "steps": [
            {
                "title": "Former deux maçons locaux",
                "description": "Construction des deux premiers fours avec un formateur de Douala.",
                "what_made_it_work": "Les maçons pourront construire d'autres fours sur place.",
            },
            {
                "title": "Organiser l'utilisation en commun",
                "description": "Planning hebdomadaire, cahier d'utilisation, petite redevance.",
                "what_made_it_work": "Les femmes ont écrit elles-mêmes le planning.",
            },
            {
                "title": "Mesurer bois, temps et prix",
                "description": "Dix séances de fumage pesées et chronométrées par four.",
                "what_made_it_work": "Des mesures faites par les femmes, avec une balance.",
            },
        ],
        "resources": "Environ 750 000 FCFA par four, deux maçons, trois mois de suivi.",
        "cost_amount": 4900000,
        "cost_currency": "XAF",
        "results": (
            "Résultats partiels après huit mois :\n"
            "- 40 % de bois en moins par kilo de poisson fumé ;\n"
            "- poisson vendu 10 à 15 % plus cher à Douala ;\n"
            "- 2 fours sur 6 sous-utilisés à cause du planning.\n\n"
            "« Je ne rentre plus à la maison avec les yeux rouges. » — une fumeuse de Mouanko"
        ),
        "success_factors": (
            "- Des maçons formés sur place ;\n"
            "- Le lien avec les AVEC pour épargner en vue d'un four."
        ),
        "difficulties": (
            "Le coût reste trop élevé pour une femme seule. Les jours de grosse pêche, toutes "
            "veulent le four en même temps. Les grilles en inox sont introuvables à Mouanko."
        ),
        "lessons": (
            "- Il est trop tôt pour conclure ; il faudra suivre une saison complète ;\n"
            "- Le four commun ne marche que si le planning est clair."
        ),
        "sustainability": (
            "Deux AVEC épargnent pour acheter leur propre four en 2027. À confirmer."
        ),
        "replication": (
            "Pas encore prêt à être reproduit. Nous partagerons le bilan après une saison."
        ),
        "period_start": "2026-03",
        "period_end": None,
        "country": "CM",
        "region": "Littoral",
        "lead_organisation": "fal",
        "partners": [],
        "authors": ["ekambi@fal.example", "awa.bello@fal.example"],
        "contact": "ekambi@fal.example",
        "themes": ["environnement-climat", "genre-inclusion"],
        "tags": ["four amélioré", "fumage du poisson", "bois de chauffe", "santé des femmes"],
        "status": "submitted",
        "visibility": "network",
        "project_name": "Femmes de la pêche, femmes qui épargnent",
        "attachments": [],
    },
    {
        "key": "credit-solidaire-fal",
        "title": "Crédit solidaire sans épargne préalable : l'expérience qui nous a coûté cher",
        "kind": "lesson_learned",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "En 2017, nous avons prêté 10 millions FCFA à 40 groupes de femmes avec une caution "
            "solidaire. À peine 46 % ont été remboursés. Les groupes avaient été créés pour "
            "recevoir le crédit et personne n'était formé au suivi. C'est cet échec qui nous a "
            "conduites vers les AVEC."
        ),
        "context": (
            "Un partenaire nous a confié un fonds de crédit pour les femmes commerçantes. Nous "
            "n'avions pas d'expérience du crédit et les demandes étaient nombreuses."
        ),
        "objectives": (
            "- Financer les activités des femmes avec des prêts de 100 000 à 300 000 FCFA ;\n"
            "- Reconstituer le fonds pour d'autres groupes."
        ),
        "beneficiaries": "212 femmes de 40 groupes du Wouri et de la Sanaga-Maritime.",
        "women": 212,
        "men": 0,
        "stakeholders": (
            "- **Groupes de femmes** : caution solidaire entre membres ;\n"
            "- **FAL** : octroi et suivi du crédit, sans agent spécialisé ;\n"
            "- **Bailleur** : a fourni le fonds."
        ),
        "approach": (
            "Prêts sur 12 mois remboursés mensuellement, sans épargne préalable, garantis par "
            "la caution solidaire du groupe."
        ),
        "steps": [
            {
                "title": "Sélection des groupes",
                "description": "Dossiers déposés en un mois, visites rapides.",
                "what_made_it_work": (
                    "Ce qui a manqué : vérifier l'ancienneté des groupes. Beaucoup avaient "
                    "quelques jours."
                ),
            },
            {
                "title": "Décaissement",
                "description": "Tous les prêts versés en août, en pleine période creuse de pêche.",
                "what_made_it_work": "Ce qui a manqué : adapter le calendrier aux activités.",
            },
            {
                "title": "Recouvrement",
                "description": "Visites de l'animatrice quand les retards s'accumulaient.",
                "what_made_it_work": "Trop tard et sans règle claire en cas d'impayé.",
            },
        ],
        "resources": "Un fonds de 10 millions FCFA, une animatrice à temps partiel.",
        "cost_amount": 10000000,
        "cost_currency": "XAF",
        "results": (
            "- 46 % du fonds remboursé après 18 mois ;\n"
            "- 11 groupes sur 40 ont tout remboursé, tous existaient depuis plus de deux ans ;\n"
            "- fonds clôturé fin 2018.\n\n"
            "« Le groupe avait été formé la semaine avant le crédit. Quand une femme ne payait "
            "pas, les autres disaient : ce n'est pas ma dette. » — une animatrice de FAL"
        ),
        "success_factors": (
            "- Les groupes anciens, habitués à la tontine, ont remboursé ;\n"
            "- Les prêts ont été utiles à celles qui avaient déjà une activité."
        ),
        "difficulties": (
            "La caution solidaire n'avait pas été comprise. Les prêts ont été versés au mauvais "
            "moment. Les inondations de 2018 à Youpwe ont détruit des stocks. FAL n'avait pas "
            "les compétences d'une institution de crédit."
        ),
        "lessons": (
            "- L'épargne d'abord : un groupe qui a épargné ensemble sait se faire confiance ;\n"
            "- Ne pas faire du crédit si ce n'est pas notre métier : s'associer à une caisse ;\n"
            "- Le calendrier des prêts doit suivre celui des activités."
        ),
        "sustainability": "Le fonds a été clôturé. Les leçons ont servi à lancer les AVEC.",
        "replication": (
            "À ne pas reproduire tel quel. Si je devais conseiller un partenaire : commencer "
            "par l'épargne et laisser le crédit à une institution spécialisée."
        ),
        "period_start": "2017-06",
        "period_end": "2018-12",
        "country": "CM",
        "region": "Littoral",
        "lead_organisation": "fal",
        "partners": [],
        "authors": ["ekambi@fal.example"],
        "contact": "ekambi@fal.example",
        "themes": ["epargne-microfinance", "gestion-des-risques"],
        "tags": ["crédit solidaire", "caution solidaire", "impayés", "échec"],
        "status": "published",
        "visibility": "network",
        "project_name": "",
        "attachments": [],
    },
    {
        "key": "relais-paludisme-spt",
        "title": "Des relais communautaires pour traiter le paludisme simple près de chez soi",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Des relais choisis par leur village testent les enfants fébriles avec un test "
            "rapide, traitent le paludisme simple et réfèrent les cas graves au centre de "
            "santé. En quatre ans, près de 12 000 enfants ont été testés et la plupart des "
            "malades traités en moins de 24 heures."
        ),
        "context": (
            "Dans la Lékié, beaucoup de villages sont à plus de 8 km d'un centre de santé. Les "
            "parents attendaient deux ou trois jours, donnaient des médicaments de la rue, et "
            "les enfants arrivaient à l'hôpital avec un paludisme grave."
        ),
        "objectives": (
            "- Traiter le paludisme simple chez l'enfant de moins de 5 ans en moins de 24 h ;\n"
            "- Référer à temps les enfants qui présentent des signes de danger ;\n"
            "- Réduire les cas de paludisme grave à l'hôpital de district."
        ),
        "beneficiaries": "11 870 enfants de moins de 5 ans de 32 villages de la Lékié.",
        "women": 6020,
        "men": 5850,
        "stakeholders": (
            "- **Relais communautaires** : testent, traitent, réfèrent, remplissent la fiche ;\n"
            "- **Infirmiers chefs de centre** : supervisent chaque mois, réapprovisionnent ;\n"
            "- **Comités de santé** : choisissent les relais et suivent leur travail ;\n"
            "- **SPT-Cam** : forme, fournit le matériel, compile les données."
        ),
        "approach": (
            "Deux relais par village, choisis en assemblée, formés cinq jours puis supervisés "
            "chaque mois au centre de santé, avec une fiche de suivi d'une page."
        ),
        "steps": [
            {
                "title": "Choisir les relais en assemblée",
                "description": "Critères : résider au village, savoir lire, être disponible.",
                "what_made_it_work": "Un homme et une femme par village, choisis par le village.",
            },
            {
                "title": "Former et équiper",
                "description": (
                    "Cinq jours de formation pratique : test rapide, dosage par âge, signes "
                    "de danger. Boîte avec tests, médicaments et fiches."
                ),
                "what_made_it_work": "Beaucoup de pratique, peu de théorie.",
            },
            {
                "title": "Superviser chaque mois",
                "description": (
                    "Réunion mensuelle au centre de santé : fiches vérifiées, stock "
                    "complété, cas difficiles discutés."
                ),
                "what_made_it_work": "Le réapprovisionnement se fait le jour de la réunion.",
            },
        ],
        "resources": (
            "Boîte de matériel par relais, tests et médicaments fournis par le programme "
            "national, forfait de 10 000 FCFA par mois pendant le projet, un superviseur."
        ),
        "cost_amount": 18600000,
        "cost_currency": "XAF",
        "results": (
            "- 64 relais actifs dans 32 villages ;\n"
            "- 11 870 enfants testés, 8 240 traités, 612 référés ;\n"
            "- 79 % des enfants traités en moins de 24 h, contre 22 % avant ;\n"
            "- cas de paludisme grave à l'hôpital de district en baisse de 34 %.\n\n"
            "« La nuit, les mamans viennent chez moi au lieu d'attendre le matin pour marcher "
            "jusqu'au centre. » — une relais communautaire de Sa'a"
        ),
        "success_factors": (
            "- La supervision mensuelle liée au réapprovisionnement ;\n"
            "- Des relais choisis par le village, donc reconnus ;\n"
            "- Une fiche de suivi simple."
        ),
        "difficulties": (
            "Rupture de tests rapides pendant quatre mois en 2021. Les relais sont sollicités "
            "pour toutes les campagnes (vaccination, moustiquaires) sans compensation. Le "
            "forfait mensuel n'est pas garanti après le projet."
        ),
        "lessons": (
            "- Sans approvisionnement régulier, le relais perd la confiance du village ;\n"
            "- Négocier avec le district la charge de travail des relais."
        ),
        "sustainability": (
            "Le district a intégré les relais dans son plan ; deux comités de santé versent une "
            "partie du forfait sur les recettes des centres."
        ),
        "replication": (
            "Si je devais former un partenaire, je lui transmettrais : s'assurer du circuit des "
            "tests et médicaments avant de former, superviser chaque mois et ne pas multiplier "
            "les tâches des relais."
        ),
        "period_start": "2019-05",
        "period_end": "2023-04",
        "country": "CM",
        "region": "Centre",
        "lead_organisation": "spt-cam",
        "partners": [],
        "authors": ["abena@spt.example", "dr.mvondo@spt.example"],
        "contact": "abena@spt.example",
        "themes": ["sante-communautaire", "mobilisation-communautaire"],
        "tags": ["relais communautaires", "paludisme", "tdr", "prise en charge à domicile"],
        "status": "published",
        "visibility": "public",
        "project_name": "Palu Stop Lékié",
        "attachments": [
            {
                "name": "fiche-suivi-relais-paludisme.pdf",
                "kind": "document",
                "caption": "Fiche de suivi mensuelle du relais (une page)",
            }
        ],
    },
    {
        "key": "mutuelle-sante-spt",
        "title": "Mutuelle de santé : des adhésions qui ont fondu après la deuxième année",
        "kind": "lesson_learned",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Notre mutuelle de santé de Bafia est passée de 1 940 adhérents à 420 en trois ans. "
            "La cotisation était demandée au pire moment de l'année, les centres de santé "
            "conventionnés manquaient de médicaments et nous les remboursions en retard. Nous "
            "expliquons ce que nous ferions autrement."
        ),
        "context": (
            "Les familles du Mbam-et-Inoubou renoncent aux soins faute d'argent au moment de la "
            "maladie. Une mutuelle communautaire devait permettre de payer un peu chaque année "
            "pour être soigné sans avancer d'argent."
        ),
        "objectives": (
            "- Faciliter l'accès aux soins de base et à l'accouchement ;\n"
            "- Atteindre 3 000 adhérents en trois ans."
        ),
        "beneficiaries": "1 940 adhérents la première année, dans 18 villages autour de Bafia.",
        "women": 1090,
        "men": 850,
        "stakeholders": (
            "- **Assemblée générale et bureau de la mutuelle** : bénévoles, collectent les "
            "cotisations ;\n"
            "- **Trois centres de santé conventionnés** : soignent les adhérents ;\n"
            "- **SPT-Cam** : appui technique, paiement des frais de démarrage."
        ),
        "approach": (
            "Cotisation de 6 000 FCFA par personne et par an plus 1 000 FCFA d'adhésion ; "
            "consultations, médicaments génériques et accouchement pris en charge à 80 %."
        ),
        "steps": [
            {
                "title": "Sensibiliser et enrôler",
                "description": "Réunions dans les villages et les églises, enrôlement en janvier.",
                "what_made_it_work": (
                    "L'adhésion de départ était bonne. Ce qui a manqué : janvier est le mois "
                    "où les familles n'ont plus d'argent."
                ),
            },
            {
                "title": "Conventionner les centres de santé",
                "description": "Tarifs forfaitaires, remboursement mensuel par la mutuelle.",
                "what_made_it_work": (
                    "Ce qui a manqué : les remboursements arrivaient après trois mois et les "
                    "centres ont commencé à refuser les adhérents."
                ),
            },
            {
                "title": "Gérer avec des bénévoles",
                "description": "Bureau bénévole pour les cotisations, les cartes et les factures.",
                "what_made_it_work": "Les bénévoles se sont épuisés dès la deuxième année.",
            },
        ],
        "resources": "Frais de démarrage, cartes, registres, un animateur de SPT-Cam.",
        "cost_amount": 8700000,
        "cost_currency": "XAF",
        "results": (
            "- Adhérents : 1 940 en 2018, 1 210 en 2019, 420 en 2020 ;\n"
            "- délai moyen de remboursement des centres : 94 jours ;\n"
            "- 30 % des adhérents de la première année avaient une maladie chronique.\n\n"
            "« Je payais la mutuelle, mais au centre on me disait d'aller acheter les "
            "médicaments dehors. L'année suivante, je n'ai plus payé. » — une ancienne "
            "adhérente de Bafia"
        ),
        "success_factors": (
            "- Les accouchements pris en charge ont été très appréciés ;\n"
            "- Les églises ont aidé à faire connaître la mutuelle."
        ),
        "difficulties": (
            "Cotisation annuelle en une fois, collectée en janvier. Ruptures de médicaments dans "
            "les centres. Retards de remboursement. Surtout des malades parmi les adhérents. "
            "Gestion bénévole trop lourde."
        ),
        "lessons": (
            "- Collecter au moment des ventes de cacao (octobre à décembre), en plusieurs fois ;\n"
            "- Faire adhérer des groupes (tontines, AVEC) plutôt que des individus ;\n"
            "- Payer les centres chaque mois à l'avance, par personne couverte ;\n"
            "- Prévoir un gérant salarié dès le départ."
        ),
        "sustainability": (
            "La mutuelle a été mise en veille en 2021. Les adhérents restants ont été orientés "
            "vers la couverture santé universelle."
        ),
        "replication": (
            "Si je devais conseiller un partenaire : vérifier d'abord que les centres ont des "
            "médicaments, caler la collecte sur les revenus des familles et ne pas compter "
            "uniquement sur des bénévoles."
        ),
        "period_start": "2018-01",
        "period_end": "2021-06",
        "country": "CM",
        "region": "Centre",
        "lead_organisation": "spt-cam",
        "partners": [],
        "authors": ["dr.mvondo@spt.example"],
        "contact": "dr.mvondo@spt.example",
        "themes": ["sante-communautaire", "gestion-financiere"],
        "tags": ["mutuelle de santé", "cotisations", "accès aux soins", "échec"],
        "status": "published",
        "visibility": "network",
        "project_name": "Mutuelle Santé Mbam",
        "attachments": [],
    },
    {
        "key": "application-relais-spt",
        "title": "Application mobile pour les relais : abandonnée faute de réseau et de courant",
        "kind": "lesson_learned",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Nous avons équipé 30 relais de smartphones avec une application de collecte. "
            "Après 14 mois, nous sommes revenus au papier : le réseau ne couvrait pas la moitié "
            "des villages, les téléphones se déchargeaient et le district exigeait toujours "
            "les registres papier."
        ),
        "context": (
            "Les fiches papier des relais arrivaient en retard et les erreurs de recopie "
            "étaient nombreuses. Un partenaire a proposé de financer une application pour "
            "avoir les données en temps réel."
        ),
        "objectives": (
            "- Recevoir les données des relais chaque semaine ;\n- Supprimer la recopie des fiches."
        ),
        "beneficiaries": "30 relais communautaires de l'arrondissement de Bétaré-Oya.",
        "women": 13,
        "men": 17,
        "stakeholders": (
            "- **Relais** : saisissaient les visites dans l'application ;\n"
            "- **Prestataire informatique** : a développé les formulaires ;\n"
            "- **SPT-Cam** : formation et suivi ;\n"
            "- **District de santé** : destinataire des données."
        ),
        "approach": (
            "Smartphones avec formulaires hors ligne, synchronisation quand le réseau est "
            "disponible, chargeurs solaires individuels."
        ),
        "steps": [
            {
                "title": "Développer et former",
                "description": "Formulaires développés à Yaoundé, formation de deux jours.",
                "what_made_it_work": "Ce qui a manqué : un vrai test avant l'achat.",
            },
            {
                "title": "Utiliser sur le terrain",
                "description": "Saisie à chaque visite, synchronisation au marché ou au centre.",
                "what_made_it_work": "Les relais jeunes s'en sont bien servis au début.",
            },
            {
                "title": "Revenir au papier",
                "description": "Fiche papier photographiée au centre de santé chaque mois.",
                "what_made_it_work": "Un seul outil, celui que le district demande.",
            },
        ],
        "resources": "30 smartphones, 30 chargeurs solaires, développement, forfaits internet.",
        "cost_amount": 9800,
        "cost_currency": "EUR",
        "results": (
            "- Réseau disponible dans 40 % des villages seulement ;\n"
            "- 9 chargeurs solaires en panne après six mois, 3 téléphones volés ;\n"
            "- au 10e mois, moins d'un tiers des visites saisies ;\n"
            "- retour au papier après 14 mois.\n\n"
            "« Je remplissais le téléphone et le registre du district. Deux fois le même "
            "travail, alors j'ai gardé le registre. » — un relais de Bétaré-Oya"
        ),
        "success_factors": (
            "- Les relais les plus jeunes ont apprécié l'outil ;\n"
            "- Les données saisies étaient plus lisibles et plus complètes."
        ),
        "difficulties": (
            "Pas de réseau, pas d'électricité, relais âgés peu à l'aise avec l'écran, "
            "données perdues lors des réinitialisations, et surtout un double travail car le "
            "district n'a pas abandonné ses registres."
        ),
        "lessons": (
            "- Tester trois mois avec cinq relais dans les vraies conditions avant d'acheter ;\n"
            "- Demander d'abord au district ce qu'il exige et comment il saisit les données ;\n"
            "- Prévoir dans le budget la maintenance, les chargeurs et le remplacement ;\n"
            "- Un outil numérique qui s'ajoute au papier ne dure pas."
        ),
        "sustainability": (
            "Les téléphones restants servent aux superviseurs pour photographier les fiches."
        ),
        "replication": (
            "Si je devais conseiller un partenaire : faire la carte du réseau village par "
            "village avant de choisir un outil numérique."
        ),
        "period_start": "2022-01",
        "period_end": "2023-03",
        "country": "CM",
        "region": "Est",
        "lead_organisation": "spt-cam",
        "partners": [],
        "authors": ["abena@spt.example"],
        "contact": "abena@spt.example",
        "themes": ["collecte-de-donnees", "sante-communautaire"],
        "tags": ["outil numérique", "smartphone", "relais communautaires", "échec"],
        "status": "changes_requested",
        "visibility": "network",
        "project_name": "Santé communautaire Lom-et-Djérem",
        "attachments": [],
    },
    {
        "key": "budget-participatif-nkolmeyang",
        "title": "Budget participatif : une première édition captée par les notables",
        "kind": "lesson_learned",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Lors de notre premier budget participatif, les forums se sont tenus chez les chefs "
            "et trois projets sur cinq ont été choisis pour leurs villages. Nous avons changé la "
            "méthode en 2020 : forums par quartier, réunions séparées pour les femmes et les "
            "jeunes, vote secret avec des jetons. La participation a presque triplé."
        ),
        "context": (
            "En 2018, la commune a réservé 25 millions FCFA, 8 % de son budget "
            "d'investissement, à des projets choisis par les habitants. L'annonce est passée "
            "par les chefs de village, qui ont aussi accueilli les forums."
        ),
        "objectives": (
            "- Laisser les habitants choisir une partie des investissements ;\n"
            "- Faire participer les femmes et les jeunes, qu'on n'entend pas d'habitude."
        ),
        "beneficiaries": "Les habitants des 24 villages et quartiers de la commune.",
        "women": 628,
        "men": 832,
        "stakeholders": (
            "- **Conseil municipal** : vote l'enveloppe et les projets retenus ;\n"
            "- **Chefs traditionnels** : mobilisent, mais ne président plus les forums ;\n"
            "- **Comité de suivi élu** (40 % de femmes) : suit l'exécution des projets ;\n"
            "- **Agent de développement local** : organise et anime."
        ),
        "approach": (
            "Après l'échec de la première édition, nous avons repris le cycle avec de nouvelles "
            "règles écrites et votées par le conseil municipal."
        ),
        "steps": [
            {
                "title": "Annoncer partout, pas seulement par les chefs",
                "description": "Radio communautaire, églises, crieurs au marché, écoles.",
                "what_made_it_work": "Les femmes ont appris la date par les églises.",
            },
            {
                "title": "Tenir des forums par quartier et par groupe",
                "description": (
                    "Forums dans les écoles, réunions séparées pour les femmes et les jeunes "
                    "pour faire émerger leurs idées."
                ),
                "what_made_it_work": "Des lieux neutres, jamais la cour d'un notable.",
            },
            {
                "title": "Voter avec des jetons",
                "description": (
                    "Chaque participant dépose trois jetons dans les boîtes des projets de son "
                    "choix ; dépouillement en public."
                ),
                "what_made_it_work": "Le vote secret libère ceux qui n'osent pas contredire.",
            },
        ],
        "resources": "Un agent communal, jetons et boîtes, radio, 3 mois de préparation.",
        "cost_amount": 1850000,
        "cost_currency": "XAF",
        "results": (
            "- 2018-2019 : 520 participants, 70 % d'hommes de plus de 50 ans ;\n"
            "- 2020-2021 : 1 460 participants, dont 43 % de femmes et 31 % de jeunes ;\n"
            "- projets retenus en 2020 : 2 forages, un hangar de marché, la réfection d'une "
            "école.\n\n"
            "« La première fois, on nous a dit que tout était déjà décidé chez le chef. Cette "
            "année, j'ai voté avec mes jetons et notre forage a été retenu. » — une "
            "commerçante de Nkolmeyang"
        ),
        "success_factors": (
            "- Des règles écrites et votées avant le cycle ;\n"
            "- Des forums dans des lieux neutres ;\n"
            "- Le vote secret."
        ),
        "difficulties": (
            "Deux chefs se sont sentis mis de côté et ont boycotté la deuxième édition. Un "
            "forage voté en 2020 n'a été terminé qu'en 2022, ce qui a fait douter les "
            "habitants. Les jeunes ont peu suivi l'exécution."
        ),
        "lessons": (
            "- Celui qui accueille le forum influence le vote ;\n"
            "- Un projet voté et non réalisé tue la confiance : ne voter que ce qu'on peut "
            "financer dans l'année ;\n"
            "- Associer les chefs à la mobilisation, pas à la décision."
        ),
        "sustainability": ("L'enveloppe est inscrite chaque année au budget communal depuis 2020."),
        "replication": (
            "Si je devais former une autre commune, je lui dirais : écrire les règles avant, "
            "choisir des lieux neutres, et publier chaque trimestre l'avancement des projets."
        ),
        "period_start": "2018-09",
        "period_end": "2021-12",
        "country": "CM",
        "region": "Sud",
        "lead_organisation": "commune-nkolmeyang",
        "partners": ["fcdl"],
        "authors": ["ondoua@nkolmeyang.example", "mengue@nkolmeyang.example"],
        "contact": "mengue@nkolmeyang.example",
        "themes": ["gouvernance-locale", "planification", "genre-inclusion"],
        "tags": ["budget participatif", "commune", "participation citoyenne", "notables"],
        "status": "published",
        "visibility": "public",
        "project_name": "Nkolmeyang décide",
        "attachments": [
            {
                "name": "pv-forum-budget-participatif-2020.pdf",
                "kind": "document",
                "caption": "Procès-verbal du forum communal de vote, édition 2020",
            }
        ],
    },
    {
        "key": "marche-concerte-nkolmeyang",
        "title": "Gérer le marché périodique avec les commerçants",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Les droits de place du marché hebdomadaire sont collectés par un comité mixte "
            "commune-commerçants, avec des tickets numérotés et un affichage des recettes chaque "
            "semaine. Un cinquième des recettes est réinvesti dans le marché. Les recettes ont "
            "presque triplé en trois ans."
        ),
        "context": (
            "Les commerçants refusaient de payer les droits de place : ils ne voyaient aucune "
            "amélioration du marché et soupçonnaient les collecteurs de garder l'argent. La "
            "commune ne recevait que 1,9 million FCFA par an."
        ),
        "objectives": (
            "- Augmenter les recettes du marché ;\n"
            "- Améliorer l'hygiène et l'éclairage du marché ;\n"
            "- Réduire les conflits entre collecteurs et commerçants."
        ),
        "beneficiaries": "Environ 350 commerçants et les usagers du marché du samedi.",
        "women": 210,
        "men": 140,
        "stakeholders": (
            "- **Comité de gestion du marché** : 3 représentants de la commune, 3 des "
            "commerçants, 1 des transporteurs ;\n"
            "- **Receveur municipal** : encaisse et tient les comptes ;\n"
            "- **Association des commerçants** : désigne ses représentants."
        ),
        "approach": (
            "La commune a proposé un contrat simple : les commerçants paient, et le comité "
            "décide ensemble de l'usage d'une part des recettes, visible sur place."
        ),
        "steps": [
            {
                "title": "Installer le comité mixte",
                "description": "Arrêté municipal, règlement signé par les deux parties.",
                "what_made_it_work": "Les commerçants ont élu eux-mêmes leurs représentants.",
            },
            {
                "title": "Collecter avec des tickets numérotés",
                "description": "Un collecteur de la commune et un commerçant ensemble.",
                "what_made_it_work": "Le talon de chaque carnet est vérifié le lundi.",
            },
            {
                "title": "Afficher et réinvestir",
                "description": (
                    "Montant collecté affiché chaque semaine ; 20 % des recettes pour les "
                    "latrines, l'éclairage et le nettoyage."
                ),
                "what_made_it_work": "Les commerçants voient les travaux.",
            },
        ],
        "resources": "Carnets de tickets, tableau d'affichage, réunions mensuelles du comité.",
        "cost_amount": 650000,
        "cost_currency": "XAF",
        "results": (
            "- Recettes : 1,9 million FCFA en 2021, 5,6 millions en 2024 ;\n"
            "- un bloc de latrines et 6 lampadaires solaires financés ;\n"
            "- plus aucun incident grave avec les collecteurs depuis 2023.\n\n"
            "« Avant, on payait sans savoir où allait l'argent. Maintenant, on voit les "
            "lampes. » — le président des commerçants du marché"
        ),
        "success_factors": (
            "- Les tickets numérotés et le contrôle des talons ;\n"
            "- Des améliorations visibles rapidement."
        ),
        "difficulties": (
            "Les commerçants ambulants restent difficiles à faire payer. Le receveur municipal "
            "a d'abord vu le comité comme une ingérence dans ses fonctions."
        ),
        "lessons": (
            "- Les gens paient quand ils voient ce que devient leur argent ;\n"
            "- Associer le receveur dès le début."
        ),
        "sustainability": "Le comité est inscrit dans le règlement des marchés de la commune.",
        "replication": (
            "Si je devais former une autre commune : commencer par une amélioration visible, "
            "même petite, dès les trois premiers mois."
        ),
        "period_start": "2022-01",
        "period_end": "2024-12",
        "country": "CM",
        "region": "Sud",
        "lead_organisation": "commune-nkolmeyang",
        "partners": [],
        "authors": ["mengue@nkolmeyang.example"],
        "contact": "mengue@nkolmeyang.example",
        "themes": ["gouvernance-locale", "gestion-financiere"],
        "tags": ["marché", "recettes communales", "transparence", "commerçants"],
        "status": "submitted",
        "visibility": "public",
        "project_name": "",
        "attachments": [],
    },
    {
        "key": "doleances-bp-ntem",
        "title": "Cahiers de doléances et permanences mobiles du bureau parlementaire",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Un cahier de doléances tenu par un point focal dans chaque arrondissement et une "
            "permanence mobile chaque mois permettent aux habitants éloignés de faire remonter "
            "leurs problèmes au député. Chaque doléance reçoit un numéro et une réponse écrite. "
            "Plus de 1 100 doléances ont été enregistrées."
        ),
        "context": (
            "Seuls ceux qui pouvaient venir à Ambam ou qui connaissaient quelqu'un au bureau "
            "faisaient entendre leurs demandes. Les habitants d'Olamze ou de Ma'an se "
            "sentaient oubliés et ne savaient pas ce que le bureau pouvait faire pour eux."
        ),
        "objectives": (
            "- Recueillir les doléances de tous les arrondissements ;\n"
            "- Répondre à chacune, même quand la réponse est non ;\n"
            "- Nourrir le travail du député à l'Assemblée."
        ),
        "beneficiaries": "Les habitants des quatre arrondissements de la Vallée du Ntem.",
        "women": 428,
        "men": 698,
        "stakeholders": (
            "- **Points focaux** (enseignants, catéchistes) : tiennent les cahiers ;\n"
            "- **Bureau parlementaire** : trie, oriente, répond, tient le tableau de suivi ;\n"
            "- **Communes et services de l'État** : reçoivent les doléances de leur "
            "compétence."
        ),
        "approach": (
            "Toute doléance est écrite, numérotée et classée : ce qui relève de la commune, "
            "d'un ministère ou du député. La réponse est lue à la permanence suivante."
        ),
        "steps": [
            {
                "title": "Choisir les points focaux",
                "description": "Une personne de confiance, non partisane, par arrondissement.",
                "what_made_it_work": "Des personnes déjà au service de tous.",
            },
            {
                "title": "Tenir des permanences mobiles",
                "description": "Chaque mois dans un arrondissement différent, jour de marché.",
                "what_made_it_work": "Le calendrier annoncé à la radio pour toute l'année.",
            },
            {
                "title": "Répondre en 60 jours",
                "description": (
                    "Courrier au service compétent, réponse écrite à l'auteur, lecture "
                    "publique à la permanence suivante."
                ),
                "what_made_it_work": "Un tableau de suivi affiché au bureau d'Ambam.",
            },
        ],
        "resources": (
            "L'assistant parlementaire, 4 points focaux, cahiers, carburant pour les "
            "permanences (environ 60 000 FCFA par mois)."
        ),
        "cost_amount": 3600000,
        "cost_currency": "XAF",
        "results": (
            "- 1 126 doléances enregistrées, dont 38 % déposées par des femmes ;\n"
            "- 71 % ont reçu une réponse écrite ;\n"
            "- 164 problèmes résolus (enseignants affectés, ponceau réparé, actes d'état "
            "civil) ;\n"
            "- 9 questions écrites au gouvernement issues des doléances.\n\n"
            "« On a écrit dans le cahier pour l'enseignant qui manquait. À la rentrée "
            "suivante, il était là. » — un président d'APEE d'Olamze"
        ),
        "success_factors": (
            "- Une réponse à chaque doléance ;\n"
            "- Des points focaux respectés et neutres ;\n"
            "- Des permanences régulières et annoncées."
        ),
        "difficulties": (
            "Beaucoup pensent que le député peut tout régler : il faut souvent expliquer qui "
            "est compétent. Certains voient le cahier comme un outil de parti. Les points "
            "focaux ne sont pas rémunérés et deux ont arrêté."
        ),
        "lessons": (
            "- Dire clairement ce que le bureau peut et ne peut pas faire ;\n"
            "- Une réponse négative expliquée vaut mieux que le silence."
        ),
        "sustainability": (
            "Le dispositif ne dépend que du budget du bureau ; les communes ont demandé à "
            "recevoir une copie des doléances qui les concernent."
        ),
        "replication": (
            "Si je devais former un autre bureau : numéroter chaque doléance, fixer un délai "
            "de réponse et s'y tenir, choisir des points focaux non partisans."
        ),
        "period_start": "2020-03",
        "period_end": "2024-12",
        "country": "CM",
        "region": "Sud",
        "lead_organisation": "bp-vallee-ntem",
        "partners": ["commune-nkolmeyang"],
        "authors": ["obiang@bpntem.example"],
        "contact": "obiang@bpntem.example",
        "themes": ["communication-plaidoyer", "gouvernance-locale"],
        "tags": ["doléances", "bureau parlementaire", "redevabilité", "permanence mobile"],
        "status": "published",
        "visibility": "public",
        "project_name": "",
        "attachments": [],
    },
    {
        "key": "suivi-citoyen-microprojets-bp-ntem",
        "title": "Suivi citoyen des microprojets parlementaires par des comités de village",
        "kind": "innovation",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Pour chaque microprojet financé sur la dotation parlementaire, un comité de cinq "
            "habitants suit le chantier avec une liste de contrôle simple et des photos. Sur "
            "six chantiers suivis, quatre ont été livrés à temps et une dalle mal coulée a été "
            "refaite après l'alerte du comité."
        ),
        "context": (
            "Plusieurs forages et salles de classe financés les années passées sont restés "
            "inachevés ou mal construits, sans que personne au village ne sache ce qui était "
            "prévu dans le contrat."
        ),
        "objectives": (
            "- Informer les habitants de ce qui est prévu (coût, délai, matériaux) ;\n"
            "- Détecter tôt les malfaçons et les retards."
        ),
        "beneficiaries": "Les habitants de six villages où un microprojet est en cours.",
        "women": 12,
        "men": 18,
        "stakeholders": (
            "- **Comités de suivi** (5 membres dont 2 femmes) : visitent le chantier chaque "
            "semaine ;\n"
            "- **Entreprises** : acceptent les visites par contrat ;\n"
            "- **Bureau parlementaire** : forme les comités, reçoit les alertes."
        ),
        "approach": (
            "Le contrat simplifié est lu en assemblée, puis le comité remplit une liste de dix "
            "points à chaque visite et envoie une photo au bureau."
        ),
        "steps": [
            {
                "title": "Lire le contrat en public",
                "description": "Montant, délai, matériaux prévus, expliqués en assemblée.",
                "what_made_it_work": "Les habitants savent enfin ce qui est prévu.",
            },
            {
                "title": "Visiter le chantier chaque semaine",
                "description": "Liste de contrôle de dix points, photo de chaque étape.",
                "what_made_it_work": "Une liste courte, avec des dessins.",
            },
            {
                "title": "Alerter et suivre la réponse",
                "description": "Le bureau saisit l'entreprise et répond au comité en 15 jours.",
                "what_made_it_work": "Une alerte vite traitée motive le comité.",
            },
        ],
        "resources": "Une journée de formation par comité, listes de contrôle, crédit téléphone.",
        "cost_amount": 900000,
        "cost_currency": "XAF",
        "results": (
            "Résultats partiels :\n"
            "- 6 microprojets suivis, 4 livrés dans les délais ;\n"
            "- une dalle de forage refaite après l'alerte du comité.\n\n"
            "« Le maçon sait maintenant qu'on regarde. » — un membre du comité de Meyo-Centre"
        ),
        "success_factors": "- La lecture publique du contrat.",
        "difficulties": (
            "Une entreprise a refusé l'accès au chantier pendant deux semaines. Certains "
            "membres de comités sont proches de l'entrepreneur."
        ),
        "lessons": "- Inscrire le droit de visite dans le contrat de chaque entreprise.",
        "sustainability": "À évaluer après un cycle complet de microprojets.",
        "replication": "Trop tôt pour le dire ; nous complétons cette fiche.",
        "period_start": "2025-01",
        "period_end": None,
        "country": "CM",
        "region": "Sud",
        "lead_organisation": "bp-vallee-ntem",
        "partners": [],
        "authors": ["obiang@bpntem.example"],
        "contact": "obiang@bpntem.example",
        "themes": ["gouvernance-locale", "suivi-evaluation"],
        "tags": ["microprojets", "suivi citoyen", "contrôle citoyen"],
        "status": "changes_requested",
        "visibility": "network",
        "project_name": "",
        "attachments": [],
    },
    {
        "key": "cantines-endogenes-een",
        "title": "Cantines scolaires endogènes approvisionnées par les parents",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Dans quatorze écoles de la Bénoué et du Mayo-Louti, les parents apportent chaque "
            "trimestre quelques kilos de céréales par enfant et cultivent un champ scolaire. "
            "Les mères cuisinent à tour de rôle. Les enfants mangent à midi quatre jours par "
            "semaine et la fréquentation a augmenté de 18 %."
        ),
        "context": (
            "Quand le programme de cantines du PAM s'est retiré de plusieurs écoles, les "
            "enfants sont retournés manger à la maison à midi et beaucoup ne revenaient pas "
            "l'après-midi, surtout les filles, envoyées aux champs ou au marché."
        ),
        "objectives": (
            "- Offrir un repas chaud aux élèves sans dépendre d'un programme extérieur ;\n"
            "- Réduire les absences l'après-midi et l'abandon des filles."
        ),
        "beneficiaries": "3 860 élèves de 14 écoles primaires publiques et confessionnelles.",
        "women": 1790,
        "men": 2070,
        "stakeholders": (
            "- **Parents (APEE)** : apportent 5 kg de céréales par enfant et par trimestre ou "
            "1 000 FCFA, cultivent le champ scolaire ;\n"
            "- **Mères cuisinières** : préparent les repas à tour de rôle ;\n"
            "- **Comité de cantine** : gère le stock et le registre ;\n"
            "- **EEN** : cuisine, foyers améliorés, formation hygiène et gestion du stock."
        ),
        "approach": (
            "La cantine appartient aux parents. EEN apporte l'équipement de départ et la "
            "formation, mais jamais la nourriture."
        ),
        "steps": [
            {
                "title": "Décider en assemblée des parents",
                "description": "Montant des contributions, jours de cantine, tour des mères.",
                "what_made_it_work": "Chaque école fixe ses propres règles.",
            },
            {
                "title": "Équiper et former",
                "description": (
                    "Cuisine en matériaux locaux, foyer amélioré, marmites ; deux jours sur "
                    "l'hygiène et la tenue du registre."
                ),
                "what_made_it_work": "Le foyer amélioré réduit le bois demandé aux parents.",
            },
            {
                "title": "Cultiver le champ scolaire",
                "description": "Un hectare de sorgho ou de niébé travaillé par les parents.",
                "what_made_it_work": "Le champ couvre un tiers des besoins de l'année.",
            },
        ],
        "resources": (
            "Environ 450 000 FCFA d'équipement par école, un animateur d'EEN pour 7 écoles."
        ),
        "cost_amount": 7900000,
        "cost_currency": "XAF",
        "results": (
            "- 14 écoles, 3 860 élèves nourris 4 jours par semaine ;\n"
            "- fréquentation de l'après-midi en hausse de 18 % ;\n"
            "- abandon des filles en CM1-CM2 passé de 11 % à 6 % ;\n"
            "- 11 cantines sur 14 fonctionnent encore en 2024 sans EEN.\n\n"
            "« Les enfants ne rentrent plus à midi, alors ils reviennent l'après-midi. » — une "
            "mère cuisinière de Pitoa"
        ),
        "success_factors": (
            "- Une cantine qui appartient aux parents ;\n"
            "- Le champ scolaire ;\n"
            "- Un registre de stock vérifié par le comité."
        ),
        "difficulties": (
            "Après la mauvaise récolte de 2022, trois écoles ont arrêté faute de "
            "contributions. Les mères cuisinent sans compensation. Dans une école, le "
            "directeur puisait dans le stock."
        ),
        "lessons": (
            "- Prévoir une réserve pour les mauvaises années ;\n"
            "- Ne pas laisser le stock sous la seule garde du directeur."
        ),
        "sustainability": (
            "Les cantines fonctionnent avec les seules contributions des parents ; EEN ne fait "
            "plus qu'une visite par trimestre."
        ),
        "replication": (
            "Si je devais former un partenaire : commencer là où les parents le demandent, ne "
            "jamais fournir la nourriture et confier le stock à un comité."
        ),
        "period_start": "2019-10",
        "period_end": "2024-06",
        "country": "CM",
        "region": "Nord",
        "lead_organisation": "een",
        "partners": [],
        "authors": ["aissatou@een.example"],
        "contact": "aissatou@een.example",
        "themes": [
            "education",
            "agriculture-securite-alimentaire",
            "mobilisation-communautaire",
        ],
        "tags": ["cantine scolaire", "apee", "scolarisation des filles", "champ scolaire"],
        "status": "published",
        "visibility": "network",
        "project_name": "École et nutrition au Nord",
        "attachments": [],
    },
    {
        "key": "alphabetisation-femmes-een",
        "title": "Alphabétisation fonctionnelle en fulfulde liée aux activités des femmes",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Des femmes apprennent à lire, écrire et compter en fulfulde à partir de leurs "
            "propres activités : calculer le bénéfice des beignets, lire un reçu, noter un "
            "numéro de téléphone. Sur deux campagnes, 438 apprenantes ont terminé et 71 % ont "
            "réussi le test final."
        ),
        "context": (
            "Beaucoup de femmes de Garoua et de Lagdo font du petit commerce sans savoir "
            "compter par écrit. Les cours d'alphabétisation classiques, avec des textes "
            "éloignés de leur vie, perdaient la moitié des inscrites en deux mois."
        ),
        "objectives": (
            "- Apprendre à lire et écrire en fulfulde, puis les bases du français ;\n"
            "- Savoir calculer un coût, un prix de vente et un bénéfice."
        ),
        "beneficiaries": "612 inscrits dans 21 centres villageois, presque tous des femmes.",
        "women": 574,
        "men": 38,
        "stakeholders": (
            "- **Animatrices** : femmes du village de niveau 3e, formées dix jours ;\n"
            "- **Comités de centre** : fournissent le local et l'éclairage ;\n"
            "- **EEN** : forme les animatrices, produit les livrets."
        ),
        "approach": (
            "Cours trois soirs par semaine de novembre à mai, en saison sèche. Chaque leçon part "
            "d'une situation réelle : le marché, la tontine, le centre de santé."
        ),
        "steps": [
            {
                "title": "Recruter et former les animatrices",
                "description": "Dix jours de formation, puis une journée par mois.",
                "what_made_it_work": "Des animatrices du village, qui connaissent les femmes.",
            },
            {
                "title": "Écrire les livrets avec les femmes",
                "description": "Leçons tirées des activités : beignets, arachide, savon.",
                "what_made_it_work": "Les femmes reconnaissent leur vie dans les exercices.",
            },
            {
                "title": "Tenir un cahier d'activité",
                "description": "Dès le troisième mois, chaque apprenante note ses ventes.",
                "what_made_it_work": "Ce qu'on apprend sert tout de suite.",
            },
        ],
        "resources": (
            "Livrets, ardoises, lampes solaires, indemnité des animatrices (15 000 FCFA par "
            "mois pendant la campagne)."
        ),
        "cost_amount": 9450000,
        "cost_currency": "XAF",
        "results": (
            "- 438 apprenantes sur 612 ont terminé deux campagnes ;\n"
            "- 71 % savent lire un texte simple et faire les quatre opérations ;\n"
            "- 96 tiennent un cahier de comptes de leur activité.\n\n"
            "« Maintenant je sais compter mon bénéfice. Avant, je croyais gagner alors que je "
            "perdais. » — une vendeuse de beignets de Lagdo"
        ),
        "success_factors": (
            "- Un contenu tiré des activités ;\n"
            "- Des cours en saison sèche, le soir ;\n"
            "- Des animatrices du village."
        ),
        "difficulties": (
            "Certains maris étaient réticents au début. Les abandons augmentent au moment des "
            "récoltes. Sans livres de lecture après la campagne, des femmes perdent les acquis."
        ),
        "lessons": (
            "- Rencontrer les maris et les chefs avant d'ouvrir un centre ;\n"
            "- Prévoir une post-alphabétisation (journal rural, lectures) dès le départ."
        ),
        "sustainability": (
            "Sept centres continuent avec une petite contribution des apprenantes ; les autres "
            "ont fermé à la fin du financement."
        ),
        "replication": (
            "Si je devais former un partenaire : partir des activités des femmes, écrire les "
            "leçons avec elles, et penser à ce qu'elles liront après."
        ),
        "period_start": "2018-10",
        "period_end": "2022-06",
        "country": "CM",
        "region": "Nord",
        "lead_organisation": "een",
        "partners": [],
        "authors": ["aissatou@een.example", "haoua@ropa.example"],
        "contact": "aissatou@een.example",
        "themes": ["alphabetisation", "genre-inclusion", "education-financiere"],
        "tags": ["alphabétisation fonctionnelle", "fulfulde", "femmes", "calcul"],
        "status": "published",
        "visibility": "network",
        "project_name": "Lire pour entreprendre",
        "attachments": [],
    },
    {
        "key": "banque-cereales-een",
        "title": "Banques de céréales : des stocks vendus à crédit qui ne sont jamais revenus",
        "kind": "lesson_learned",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Douze banques de céréales devaient vendre du mil à prix modéré pendant la soudure, "
            "puis reconstituer leur stock à la récolte. En deux ans et demi, neuf étaient "
            "vides : les comités avaient vendu à crédit à leurs proches et le prix trop bas ne "
            "permettait pas de racheter."
        ),
        "context": (
            "Dans le Mayo-Tsanaga, les familles manquent de céréales de juin à septembre et "
            "achètent le sorgho au prix fort. L'insécurité dans la zone aggravait la "
            "situation."
        ),
        "objectives": (
            "- Rendre les céréales disponibles à prix modéré pendant la soudure ;\n"
            "- Reconstituer le stock chaque année avec les recettes."
        ),
        "beneficiaries": "Environ 1 800 ménages de 12 villages autour de Mokolo.",
        "women": None,
        "men": None,
        "stakeholders": (
            "- **Comités de gestion** : vendaient, tenaient les comptes, rachetaient ;\n"
            "- **EEN** : stock de départ de 40 tonnes par banque, formation des comités."
        ),
        "approach": (
            "Stock initial offert, vente au prix fixé par le comité, rachat après la récolte."
        ),
        "steps": [
            {
                "title": "Constituer le stock",
                "description": "40 tonnes de sorgho et de mil par banque.",
                "what_made_it_work": "Le stock de départ est arrivé à temps.",
            },
            {
                "title": "Vendre pendant la soudure",
                "description": "Ventes au comptant prévues, crédit interdit en principe.",
                "what_made_it_work": (
                    "Ce qui a manqué : le comité n'a pas su refuser le crédit aux proches et "
                    "aux notables."
                ),
            },
            {
                "title": "Reconstituer le stock",
                "description": "Rachat prévu à la récolte avec les recettes.",
                "what_made_it_work": "Les recettes ne couvraient pas le prix de rachat.",
            },
        ],
        "resources": "480 tonnes de céréales, 12 magasins, un animateur.",
        "cost_amount": 96000000,
        "cost_currency": "XAF",
        "results": (
            "- 2017 : 12 banques approvisionnées ;\n"
            "- 2018 : 38 % des ventes faites à crédit, 15 % remboursées ;\n"
            "- 2019 : 9 banques sur 12 vides, 3 fonctionnent encore à petite échelle.\n\n"
            "« Le président ne pouvait pas refuser le crédit à son oncle. Après, tout le monde "
            "a voulu la même chose. » — un ancien magasinier de Mokolo"
        ),
        "success_factors": (
            "- Les trois banques restantes vendaient au comptant et affichaient leur stock."
        ),
        "difficulties": (
            "Crédit aux proches, prix fixé trop bas pour des raisons sociales, pas de comptes "
            "tenus, sécheresse de 2018 et déplacements de population liés à l'insécurité."
        ),
        "lessons": (
            "- Aucune vente à crédit, sans exception ;\n"
            "- Un prix proche du marché (moins 10 %), sinon le stock ne se reconstitue pas ;\n"
            "- Un contrôle public du stock chaque mois ;\n"
            "- Dans une zone instable, préférer des stocks plus petits et plus nombreux."
        ),
        "sustainability": "Trois banques sur douze tournent encore ; modèle arrêté.",
        "replication": (
            "À ne pas reproduire sans ces garde-fous. Nous conseillons plutôt le warrantage "
            "ou les réserves gérées par des groupements déjà solides."
        ),
        "period_start": "2017-02",
        "period_end": "2019-09",
        "country": "CM",
        "region": "Extrême-Nord",
        "lead_organisation": "een",
        "partners": [],
        "authors": ["djibrilla@een.example"],
        "contact": "djibrilla@een.example",
        "themes": ["agriculture-securite-alimentaire", "gouvernance-interne"],
        "tags": ["banque de céréales", "soudure", "crédit", "échec"],
        "status": "archived",
        "visibility": "network",
        "project_name": "Sécurité alimentaire Mayo-Tsanaga",
        "attachments": [],
    },
    {
        "key": "plan-formation-interne-fcdl",
        "title": "Un plan de formation interne construit à partir des fiches de capitalisation",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Chaque année, nous construisons le plan de formation de l'équipe à partir des "
            "difficultés décrites dans les fiches et des entretiens annuels. Une fois par mois, "
            "un collègue ou un membre du réseau forme les autres pendant deux heures. Trois "
            "mois après, on demande à chacun ce qu'il a changé dans son travail."
        ),
        "context": (
            "Nos formations étaient choisies au gré des offres de consultants et coûtaient "
            "cher. Personne ne vérifiait si elles changeaient quelque chose, alors que le "
            "réseau regorge de personnes qui savent faire."
        ),
        "objectives": (
            "- Former l'équipe sur les vrais besoins du terrain ;\n"
            "- Valoriser le savoir-faire des membres du réseau ;\n"
            "- Mesurer l'application des formations."
        ),
        "beneficiaries": "L'équipe du FCDL et les points focaux des organisations membres.",
        "women": 21,
        "men": 17,
        "stakeholders": (
            "- **Chargée de portefeuille** : tient le plan et organise les sessions ;\n"
            "- **Formateurs pairs** : membres du réseau qui partagent une pratique ;\n"
            "- **Direction** : valide le plan et le budget (2 % de la masse salariale)."
        ),
        "approach": (
            "Un plan sur douze mois, une session de deux heures par mois, une fiche d'une page "
            "par session, un suivi à trois mois."
        ),
        "steps": [
            {
                "title": "Repérer les besoins",
                "description": (
                    "Relecture des difficultés décrites dans les fiches et entretiens "
                    "annuels avec chaque agent."
                ),
                "what_made_it_work": "Les besoins viennent du terrain, pas d'un catalogue.",
            },
            {
                "title": "Trouver un formateur pair",
                "description": "Une personne du réseau qui a fait ce qu'elle enseigne.",
                "what_made_it_work": "Une attestation de formateur remise après la session.",
            },
            {
                "title": "Suivre à trois mois",
                "description": "Une question par courriel ou SMS : qu'avez-vous changé ?",
                "what_made_it_work": "Une seule question, facile à répondre.",
            },
        ],
        "resources": "Une demi-journée par mois de la chargée de portefeuille, salle, collation.",
        "cost_amount": 3100000,
        "cost_currency": "XAF",
        "results": (
            "- 19 sessions en 2023-2024, dont 11 animées par des membres du réseau ;\n"
            "- 142 participations ;\n"
            "- 68 % des participants déclarent avoir appliqué quelque chose à trois mois.\n\n"
            "« J'ai appris la convention de warrantage avec quelqu'un qui l'avait négociée, "
            "pas avec un consultant. » — une chargée de portefeuille"
        ),
        "success_factors": (
            "- Des formateurs qui ont vécu ce qu'ils enseignent ;\n"
            "- Des sessions courtes et régulières ;\n"
            "- Le suivi à trois mois."
        ),
        "difficulties": (
            "Les sessions sont reportées en période de rapports aux bailleurs. Les membres "
            "éloignés de Yaoundé participent peu faute de connexion."
        ),
        "lessons": (
            "- Bloquer les dates dès janvier ;\n"
            "- Enregistrer les sessions pour ceux qui n'ont pas pu venir."
        ),
        "sustainability": "Le budget formation est désormais une ligne fixe du budget annuel.",
        "replication": (
            "Si je devais former un partenaire : partir des difficultés écrites dans vos "
            "rapports, confier la formation à un pair et poser une seule question à trois mois."
        ),
        "period_start": "2023-01",
        "period_end": None,
        "country": "CM",
        "region": "Centre",
        "lead_organisation": "fcdl",
        "partners": ["ropa"],
        "authors": ["ngono@fcdl.example", "animatrice@palabre.example"],
        "contact": "ngono@fcdl.example",
        "themes": ["ressources-humaines-benevolat", "capitalisation"],
        "tags": ["plan de formation", "formation entre pairs", "renforcement des capacités"],
        "status": "published",
        "visibility": "organisation",
        "project_name": "",
        "attachments": [],
    },
    {
        "key": "audit-social-fcdl",
        "title": "Audit social : demander aux bénéficiaires ce qu'ils ont vraiment reçu",
        "kind": "innovation",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Nous testons, sur les projets que nous finançons, une réunion publique où le "
            "budget est présenté simplement et où les bénéficiaires vérifient ce qui a été "
            "livré. Trois audits ont eu lieu ; l'un a révélé un écart entre les kits prévus et "
            "les kits distribués."
        ),
        "context": (
            "Nos contrôles se limitaient aux pièces comptables. Nous ne demandions jamais aux "
            "bénéficiaires ce qu'ils avaient reçu, ni s'ils étaient satisfaits."
        ),
        "objectives": (
            "- Rendre des comptes aux bénéficiaires, pas seulement au bailleur ;\n"
            "- Repérer les écarts entre le prévu et le réalisé."
        ),
        "beneficiaries": "Les bénéficiaires de trois projets financés par le FCDL.",
        "women": 148,
        "men": 97,
        "stakeholders": (
            "- **Organisation financée** : présente son budget et ses réalisations ;\n"
            "- **Bénéficiaires** : vérifient, posent leurs questions, déposent des avis ;\n"
            "- **FCDL** : prépare les supports et anime avec un facilitateur neutre."
        ),
        "approach": (
            "Une affiche du budget en grands chiffres, une liste de ce qui a été livré, une "
            "boîte à suggestions anonyme et un rapport partagé avec tous."
        ),
        "steps": [
            {
                "title": "Préparer avec l'organisation financée",
                "description": "Traduire le budget en quelques lignes compréhensibles.",
                "what_made_it_work": "Présenter l'audit comme un apprentissage, pas un contrôle.",
            },
            {
                "title": "Tenir la réunion publique",
                "description": "Lecture des chiffres, vérification, questions, boîte à avis.",
                "what_made_it_work": "Un facilitateur qui n'est ni du FCDL ni du projet.",
            },
            {
                "title": "Partager le rapport",
                "description": "Deux pages lues au village, avec les corrections promises.",
                "what_made_it_work": "Chaque correction promise a une date et un responsable.",
            },
        ],
        "resources": "Un facilitateur, affiches, deux jours par audit.",
        "cost_amount": 7500,
        "cost_currency": "EUR",
        "results": (
            "Résultats partiels :\n"
            "- 3 audits, 245 participants ;\n"
            "- un écart trouvé : 40 kits prévus, 31 distribués ; le reste a été livré depuis.\n\n"
            "« C'est la première fois qu'on nous montre combien le projet a coûté. » — un "
            "participant à l'audit de Bafia"
        ),
        "success_factors": "- Un facilitateur neutre.",
        "difficulties": (
            "Les organisations membres craignent d'être jugées en public. Les participants "
            "hésitent à critiquer un projet dont ils espèrent une suite."
        ),
        "lessons": "- La boîte à avis anonyme recueille ce que personne ne dit en public.",
        "sustainability": "À définir : qui paie l'audit quand le pilote sera terminé ?",
        "replication": "Fiche en cours de rédaction.",
        "period_start": "2025-09",
        "period_end": None,
        "country": "CM",
        "region": "Centre",
        "lead_organisation": "fcdl",
        "partners": ["spt-cam"],
        "authors": ["ngono@fcdl.example"],
        "contact": "ngono@fcdl.example",
        "themes": ["gestion-financiere", "gouvernance-interne", "suivi-evaluation"],
        "tags": ["audit social", "redevabilité", "transparence"],
        "status": "draft",
        "visibility": "network",
        "project_name": "",
        "attachments": [],
    },
    {
        "key": "manioc-groupe-cofetrab",
        "title": "Transformer le manioc ensemble et vendre en groupe",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Les membres de la coopérative râpent et pressent leur manioc avec des machines "
            "achetées en commun, suivent les mêmes règles de qualité et vendent ensemble à des "
            "acheteurs réguliers. Le temps de travail a fortement baissé et le kilo de "
            "couscous se vend 650 FCFA au lieu de 400."
        ),
        "context": (
            "Chaque femme transformait son manioc à la main, ce qui prenait des journées "
            "entières, et vendait de petites quantités aux bayam-sellam au prix qu'elles "
            "imposaient. La qualité variait d'un sac à l'autre."
        ),
        "objectives": (
            "- Réduire la pénibilité et le temps de transformation ;\n"
            "- Produire une qualité régulière ;\n"
            "- Négocier de meilleurs prix en vendant en groupe."
        ),
        "beneficiaries": "86 femmes membres de la coopérative, à Bertoua et Mandjou.",
        "women": 86,
        "men": 0,
        "stakeholders": (
            "- **Membres** : apportent leur manioc, respectent les règles de qualité ;\n"
            "- **Bureau de la coopérative** : planning des machines, ventes, comptes ;\n"
            "- **FAL** : partage son expérience de vente groupée ;\n"
            "- **Acheteurs** : un grossiste de Yaoundé et l'internat d'un lycée de Bertoua."
        ),
        "approach": (
            "Une petite unité avec une râpeuse et une presse, un planning d'utilisation, une "
            "règle de qualité écrite, une vente groupée chaque semaine."
        ),
        "steps": [
            {
                "title": "Acheter les machines en commun",
                "description": (
                    "Râpeuse à moteur et presse financées à 30 % par les membres et 70 % par "
                    "une subvention."
                ),
                "what_made_it_work": "L'apport des membres : chacune se sent propriétaire.",
            },
            {
                "title": "Fixer des règles de qualité",
                "description": "Trois jours de fermentation, séchage sur claies, sacs de 1 kg.",
                "what_made_it_work": "Un contrôle par deux membres avant chaque vente.",
            },
            {
                "title": "Vendre en groupe",
                "description": "Contrats avec deux acheteurs réguliers, étiquette commune.",
                "what_made_it_work": "Des livraisons à jour fixe, sans retard.",
            },
        ],
        "resources": (
            "Râpeuse et presse (2,4 millions FCFA), local, moteur diesel de secours, "
            "emballages, une trésorière."
        ),
        "cost_amount": 3800000,
        "cost_currency": "XAF",
        "results": (
            "- Temps de râpage divisé par 10 ;\n"
            "- prix moyen de 650 FCFA le kg au lieu de 400 ;\n"
            "- 38 tonnes vendues en groupe en 2023 ;\n"
            "- revenu moyen des membres en hausse de 45 %.\n\n"
            "« Râper à la main me prenait toute la journée. Maintenant, je passe à la machine "
            "en vingt minutes et je vais au champ. » — une membre de la coopérative à Mandjou"
        ),
        "success_factors": (
            "- L'apport des membres à l'achat des machines ;\n"
            "- Des acheteurs réguliers ;\n"
            "- Des règles de qualité contrôlées."
        ),
        "difficulties": (
            "La râpeuse est restée en panne six semaines en 2022, la pièce venait de Yaoundé. "
            "Les coupures de courant ont obligé à acheter un moteur diesel. Quelques membres "
            "vendent à côté quand le prix du marché dépasse celui du contrat. La route est "
            "difficile en saison des pluies."
        ),
        "lessons": (
            "- Garder un stock de pièces d'usure ;\n"
            "- Discuter ouvertement des ventes parallèles en assemblée."
        ),
        "sustainability": (
            "Une redevance de 25 FCFA par kilo transformé paie l'entretien et le carburant."
        ),
        "replication": (
            "Si je devais former une autre coopérative : trouver les acheteurs avant d'acheter "
            "les machines, et faire payer une part de l'équipement par les membres."
        ),
        "period_start": "2020-06",
        "period_end": "2024-12",
        "country": "CM",
        "region": "Est",
        "lead_organisation": "cofetrab",
        "partners": ["fal"],
        "authors": ["kouam@cofetrab.example", "nadege@cofetrab.example"],
        "contact": "kouam@cofetrab.example",
        "themes": ["agriculture-securite-alimentaire", "genre-inclusion", "partenariats"],
        "tags": ["manioc", "transformation", "vente groupée", "coopérative"],
        "status": "published",
        "visibility": "network",
        "project_name": "Manioc de l'Est",
        "attachments": [],
    },
    {
        "key": "caisse-pictogrammes-cofetrab",
        "title": "Un cahier de caisse en pictogrammes pour les membres qui ne lisent pas",
        "kind": "innovation",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Nous testons un cahier de caisse où chaque colonne porte un dessin (sac de "
            "manioc, râpeuse, transport, vente) et où l'on écrit les entrées en vert et les "
            "sorties en rouge. Trois sous-groupes sur cinq l'utilisent déjà et les écarts de "
            "caisse en fin de mois ont diminué."
        ),
        "context": (
            "La moitié des membres ne lisent pas. Les comptes des sous-groupes étaient tenus "
            "par une seule personne et personne ne pouvait les vérifier, ce qui créait des "
            "soupçons."
        ),
        "objectives": (
            "- Permettre à chaque membre de comprendre et vérifier les comptes ;\n"
            "- Réduire les écarts de caisse."
        ),
        "beneficiaries": "Les 86 membres de la coopérative, réparties en cinq sous-groupes.",
        "women": 86,
        "men": 0,
        "stakeholders": (
            "- **Trésorières des sous-groupes** : tiennent le cahier ;\n"
            "- **Trésorière générale** : forme et vérifie chaque mois ;\n"
            "- **FAL** : a partagé ses livrets à tampons des AVEC."
        ),
        "approach": (
            "Un cahier dessiné avec les membres, des bâtonnets pour compter les sacs, une "
            "lecture du cahier en réunion chaque mois."
        ),
        "steps": [
            {
                "title": "Dessiner le cahier avec les membres",
                "description": "Choix des dessins en réunion, trois essais successifs.",
                "what_made_it_work": "Des dessins reconnus par toutes.",
            },
            {
                "title": "Former les trésorières",
                "description": "Une demi-journée de pratique sur les vraies opérations du mois.",
                "what_made_it_work": "Elles s'exercent sur leurs propres chiffres.",
            },
            {
                "title": "Vérifier en réunion",
                "description": "Chaque mois, lecture du cahier et comptage de la caisse.",
                "what_made_it_work": "Toutes voient les chiffres en même temps.",
            },
        ],
        "resources": "Cahiers imprimés, stylos de couleur, une demi-journée de formation.",
        "cost_amount": 180000,
        "cost_currency": "XAF",
        "results": (
            "Résultats partiels après neuf mois :\n"
            "- 3 sous-groupes sur 5 utilisent le cahier ;\n"
            "- écarts de caisse constatés en fin de mois : de 8 à 2 par trimestre.\n\n"
            "« Je peux enfin voir moi-même où est passé l'argent du transport. » — une membre "
            "du sous-groupe de Mandjou"
        ),
        "success_factors": "- Le travail avec FAL, qui avait déjà l'expérience des AVEC.",
        "difficulties": (
            "Les grosses sommes restent difficiles à représenter. Deux trésorières préfèrent "
            "leur ancien cahier."
        ),
        "lessons": "- Il faut encore accompagner les trésorières plusieurs mois.",
        "sustainability": "Le cahier coûte peu ; la coopérative peut l'imprimer elle-même.",
        "replication": ("Premier conseil : dessiner le cahier avec les membres, pas à leur place."),
        "period_start": "2026-02",
        "period_end": None,
        "country": "CM",
        "region": "Est",
        "lead_organisation": "cofetrab",
        "partners": ["fal"],
        "authors": ["nadege@cofetrab.example", "awa.bello@fal.example"],
        "contact": "nadege@cofetrab.example",
        "themes": ["gestion-financiere", "education-financiere", "alphabetisation"],
        "tags": ["comptabilité simplifiée", "pictogrammes", "trésorerie"],
        "status": "published",
        "visibility": "organisation",
        "project_name": "Manioc de l'Est",
        "attachments": [],
    },
    {
        "key": "atpc-atea",
        "title": "Assainissement total piloté par la communauté dans le Logone Occidental",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Sans subvention, les villages prennent conscience de la défécation à l'air libre "
            "lors d'une séance de déclenchement, puis construisent eux-mêmes leurs latrines. "
            "Sur 58 villages déclenchés, 41 ont été certifiés « fin de la défécation à l'air "
            "libre » et les diarrhées des enfants ont reculé dans les centres de santé."
        ),
        "context": (
            "Autour de Moundou et de Krim-Krim, moins d'un ménage sur cinq avait une latrine. "
            "Les projets précédents avaient distribué des dalles subventionnées ; beaucoup "
            "n'avaient jamais été posées."
        ),
        "objectives": (
            "- Mettre fin à la défécation à l'air libre dans les villages ;\n"
            "- Que chaque ménage construise et entretienne sa latrine ;\n"
            "- Réduire les diarrhées chez les enfants."
        ),
        "beneficiaries": "Environ 41 200 habitants de 58 villages.",
        "women": 21300,
        "men": 19900,
        "stakeholders": (
            "- **Leaders naturels** : habitants qui se révèlent lors du déclenchement et "
            "entraînent les autres ;\n"
            "- **Chefs de village** : soutiennent et règlent les refus ;\n"
            "- **Délégation sanitaire** : participe à la certification ;\n"
            "- **ATEA** : anime le déclenchement et le suivi."
        ),
        "approach": (
            "Aucune subvention matérielle : le changement vient du village. Nous provoquons le "
            "dégoût et la fierté, puis nous suivons le village jusqu'à la certification."
        ),
        "steps": [
            {
                "title": "Déclencher",
                "description": (
                    "Marche dans le village jusqu'aux lieux de défécation, carte au sol, calcul "
                    "des quantités de selles, démonstration du verre d'eau."
                ),
                "what_made_it_work": "Laisser les habitants tirer eux-mêmes les conclusions.",
            },
            {
                "title": "Accompagner les leaders naturels",
                "description": "Plan d'action du village, visites toutes les deux semaines.",
                "what_made_it_work": "Les leaders aident les personnes âgées et seules.",
            },
            {
                "title": "Certifier",
                "description": (
                    "Visite du comité de certification : chaque ménage a une latrine couverte "
                    "et plus aucune trace de selles."
                ),
                "what_made_it_work": "Une fête de certification qui rend le village fier.",
            },
        ],
        "resources": (
            "Deux animateurs pour 10 villages, craie, farine et sciure pour la cartographie, "
            "moto, environ 18 mois par groupe de villages."
        ),
        "cost_amount": 14500000,
        "cost_currency": "XAF",
        "results": (
            "- 58 villages déclenchés, 41 certifiés ;\n"
            "- 6 870 latrines construites par les ménages ;\n"
            "- cas de diarrhée chez les moins de 5 ans en baisse de 38 % dans 3 centres ;\n"
            "- 23 leaders naturels toujours actifs.\n\n"
            "« Quand on a calculé ensemble combien de selles restaient autour du village "
            "chaque jour, personne n'a pu dormir tranquille. » — un chef de village de "
            "Krim-Krim"
        ),
        "success_factors": (
            "- Aucune subvention ;\n"
            "- Des leaders naturels reconnus ;\n"
            "- Un suivi régulier jusqu'à la certification."
        ),
        "difficulties": (
            "Dans les sols sableux, environ 15 % des latrines se sont effondrées en saison des "
            "pluies. Neuf villages certifiés sont en partie revenus en arrière. Un projet "
            "voisin distribuait des latrines gratuites, ce qui a freiné les ménages. Les "
            "lave-mains ont souvent été abandonnés."
        ),
        "lessons": (
            "- Prévoir une offre de dalles et d'anneaux solides à prix abordable ;\n"
            "- Revenir dans les villages un an après la certification ;\n"
            "- Se coordonner avec les autres projets de la zone."
        ),
        "sustainability": (
            "Les leaders naturels continuent d'animer ; le district sanitaire intègre les "
            "visites de suivi dans ses tournées."
        ),
        "replication": (
            "Si je devais former un partenaire, je lui transmettrais : ne rien donner, bien "
            "préparer le déclenchement, repérer les leaders naturels et prévoir la suite pour "
            "les sols difficiles."
        ),
        "period_start": "2019-11",
        "period_end": "2023-05",
        "country": "TD",
        "region": "Logone Occidental",
        "lead_organisation": "atea",
        "partners": [],
        "authors": ["achta@atea.example", "ngarlem@atea.example"],
        "contact": "achta@atea.example",
        "themes": [
            "eau-hygiene-assainissement",
            "mobilisation-communautaire",
            "sante-communautaire",
        ],
        "tags": ["atpc", "latrines", "défécation à l'air libre", "leaders naturels"],
        "status": "published",
        "visibility": "public",
        "project_name": "Villages propres du Logone",
        "attachments": [
            {
                "name": "latrine-familiale-bebalem.jpg",
                "kind": "photo",
                "caption": "Latrine familiale avec lave-mains à pédale, village de Bébalem",
            }
        ],
    },
    {
        "key": "atpc-atea-en",
        "title": "Community-led total sanitation in Logone Occidental",
        "kind": "good_practice",
        "language": "en",
        "translation_of": "atpc-atea",
        "summary": (
            "With no subsidy, villages become aware of open defecation during a triggering "
            "session, then build their own latrines. Of 58 villages triggered, 41 were "
            "certified open-defecation free and child diarrhoea fell at health centres."
        ),
        "context": (
            "Around Moundou and Krim-Krim, fewer than one household in five had a latrine. "
            "Earlier projects had handed out subsidised slabs; many were never installed."
        ),
        "objectives": (
            "- End open defecation in the villages;\n"
            "- Have every household build and maintain its own latrine;\n"
            "- Reduce diarrhoea among children."
        ),
        "beneficiaries": "About 41,200 people in 58 villages.",
        "women": 21300,
        "men": 19900,
        "stakeholders": (
            "- **Natural leaders**: villagers who emerge during triggering and bring others "
            "along;\n"
            "- **Village chiefs**: support the process and deal with refusals;\n"
            "- **Health delegation**: takes part in certification;\n"
            "- **ATEA**: facilitates triggering and follow-up."
        ),
        "approach": (
            "No material subsidy: change comes from the village. We provoke disgust and "
            "pride, then follow the village until certification."
        ),
        "steps": [
            {
                "title": "Trigger",
                "description": (
                    "Walk to the defecation areas, map on the ground, calculation of faeces "
                    "produced, the glass-of-water demonstration."
                ),
                "what_made_it_work": "Letting villagers draw the conclusions themselves.",
            },
            {
                "title": "Support the natural leaders",
                "description": "Village action plan, visits every two weeks.",
                "what_made_it_work": "Leaders help elderly people and those living alone.",
            },
            {
                "title": "Certify",
                "description": (
                    "Visit by the certification committee: every household has a covered "
                    "latrine and no faeces remain in the open."
                ),
                "what_made_it_work": "A certification celebration that makes the village proud.",
            },
        ],
        "resources": (
            "Two facilitators per 10 villages, chalk, flour and sawdust for mapping, "
            "motorbike, about 18 months per group of villages."
        ),
        "cost_amount": 14500000,
        "cost_currency": "XAF",
        "results": (
            "- 58 villages triggered, 41 certified;\n"
            "- 6,870 latrines built by households;\n"
            "- diarrhoea in children under five down 38% at 3 health centres;\n"
            "- 23 natural leaders still active.\n\n"
            "“When we worked out together how much faeces was left around the village every "
            "day, nobody could sleep easy.” — a village chief in Krim-Krim"
        ),
        "success_factors": (
            "- No subsidy;\n- Recognised natural leaders;\n- Regular follow-up until certification."
        ),
        "difficulties": (
            "In sandy soils, about 15% of latrines collapsed in the rainy season. Nine "
            "certified villages partly slipped back. A neighbouring project handed out free "
            "latrines, which held households back. Handwashing devices were often abandoned."
        ),
        "lessons": (
            "- Offer strong, affordable slabs and rings;\n"
            "- Return to villages a year after certification;\n"
            "- Coordinate with other projects in the area."
        ),
        "sustainability": (
            "Natural leaders keep facilitating; the health district includes follow-up visits "
            "in its rounds."
        ),
        "replication": (
            "If I had to train a partner, I would pass on: give nothing away, prepare the "
            "triggering well, spot the natural leaders and plan ahead for difficult soils."
        ),
        "period_start": "2019-11",
        "period_end": "2023-05",
        "country": "TD",
        "region": "Logone Occidental",
        "lead_organisation": "atea",
        "partners": [],
        "authors": ["achta@atea.example", "ngarlem@atea.example"],
        "contact": "achta@atea.example",
        "themes": [
            "eau-hygiene-assainissement",
            "mobilisation-communautaire",
            "sante-communautaire",
        ],
        "tags": ["atpc", "latrines", "défécation à l'air libre", "leaders naturels"],
        "status": "published",
        "visibility": "public",
        "project_name": "Villages propres du Logone",
        "attachments": [],
    },
    {
        "key": "redevance-forage-atea",
        "title": "Un comité de forage qui a cessé de collecter : huit mois sans eau",
        "kind": "lesson_learned",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Nos comités de gestion devaient collecter 250 FCFA par ménage et par mois pour "
            "entretenir les pompes. Dès la deuxième année, la collecte s'est arrêtée dans la "
            "plupart des villages. Quand la pompe de Bébédjia est tombée en panne, la caisse "
            "avait disparu et les femmes sont retournées au marigot pendant huit mois."
        ),
        "context": (
            "En 2018, ATEA a réalisé 22 forages équipés de pompes à motricité humaine dans le "
            "Logone Oriental. Les comités ont été mis en place le jour de la réception des "
            "ouvrages, souvent en une seule réunion."
        ),
        "objectives": (
            "- Financer l'entretien et les réparations par les usagers ;\n"
            "- Garder les pompes en service sans aide extérieure."
        ),
        "beneficiaries": "Environ 11 000 usagers de 22 forages.",
        "women": 5800,
        "men": 5200,
        "stakeholders": (
            "- **Comités de gestion** : devaient collecter et payer les réparations ;\n"
            "- **Artisans réparateurs** : le plus proche était à Moundou ;\n"
            "- **ATEA** : a construit les forages et installé les comités."
        ),
        "approach": (
            "Modèle habituel : comité de cinq membres, redevance mensuelle fixe, caisse gardée "
            "par le trésorier."
        ),
        "steps": [
            {
                "title": "Installer le comité",
                "description": "Élection en une réunion, le jour de la réception du forage.",
                "what_made_it_work": (
                    "Ce qui a manqué : du temps. Les membres ne savaient pas à quoi ils "
                    "s'engageaient."
                ),
            },
            {
                "title": "Collecter la redevance",
                "description": "250 FCFA par ménage chaque mois, porte à porte.",
                "what_made_it_work": (
                    "Ce qui a manqué : les ménages ont de l'argent après la vente du coton, "
                    "pas chaque mois."
                ),
            },
            {
                "title": "Réparer",
                "description": "Appel à un artisan de Moundou, pièces achetées en ville.",
                "what_made_it_work": "Trop loin, trop cher, trop lent.",
            },
        ],
        "resources": "Une réunion d'installation par forage, un carnet de caisse.",
        "cost_amount": None,
        "cost_currency": "XAF",
        "results": (
            "- Après 2 ans, 6 comités sur 22 collectaient encore ;\n"
            "- à Bébédjia, 180 000 FCFA disparus avec le trésorier ;\n"
            "- 8 mois sans eau au forage après une panne des cuirs de piston ;\n"
            "- après la réorganisation de 2021, 15 pompes sur 22 fonctionnent.\n\n"
            "« Quand la pompe s'est arrêtée, le trésorier était déjà parti avec la caisse. Nous "
            "sommes retournées au marigot. » — une usagère du forage de Bébédjia"
        ),
        "success_factors": (
            "- Les comités où une femme tenait la caisse et rendait compte ont mieux tenu."
        ),
        "difficulties": (
            "Comités élus à la hâte, redevance mensuelle inadaptée aux revenus agricoles, pas "
            "d'artisan réparateur proche, argent gardé à la maison, aucun rôle pour la "
            "commune."
        ),
        "lessons": (
            "- Installer le comité avant le forage, pas le jour de la réception ;\n"
            "- Collecter après les récoltes, ou vendre l'eau au bidon ;\n"
            "- Former un artisan réparateur par zone, avec un contrat et un stock de pièces ;\n"
            "- Mettre l'argent dans une caisse d'épargne, jamais à la maison."
        ),
        "sustainability": (
            "Depuis 2021, un artisan réparateur couvre 12 forages avec un contrat annuel "
            "payé par les comités."
        ),
        "replication": (
            "Si je devais conseiller un partenaire : prendre six mois pour installer et former "
            "le comité, et organiser la réparation avant la première panne."
        ),
        "period_start": "2018-03",
        "period_end": "2021-10",
        "country": "TD",
        "region": "Logone Oriental",
        "lead_organisation": "atea",
        "partners": [],
        "authors": ["ngarlem@atea.example"],
        "contact": "ngarlem@atea.example",
        "themes": ["eau-hygiene-assainissement", "gestion-financiere", "gouvernance-locale"],
        "tags": ["forage", "comité de gestion", "redevance", "maintenance", "échec"],
        "status": "published",
        "visibility": "network",
        "project_name": "Eau pour le Logone Oriental",
        "attachments": [],
    },
    {
        "key": "artisans-dalles-atea",
        "title": "Former des jeunes maçons à fabriquer et vendre des dalles de latrines",
        "kind": "innovation",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Pour répondre aux latrines qui s'effondrent dans les sols sableux, nous formons "
            "des jeunes maçons à fabriquer des dalles et des anneaux en béton qu'ils vendent "
            "aux ménages. En sept mois, 310 dalles ont été vendues, mais le prix reste trop "
            "élevé pour les plus pauvres."
        ),
        "context": (
            "Après l'ATPC, beaucoup de ménages veulent une latrine solide mais ne trouvent "
            "ni dalle ni maçon près de chez eux. Les jeunes de Laï et de Kélo cherchent du "
            "travail."
        ),
        "objectives": (
            "- Rendre des dalles solides disponibles près des villages ;\n"
            "- Créer un revenu pour des jeunes maçons."
        ),
        "beneficiaries": "12 jeunes maçons et les ménages qui achètent les dalles.",
        "women": 2,
        "men": 10,
        "stakeholders": (
            "- **Jeunes maçons** : fabriquent, vendent et posent ;\n"
            "- **Leaders naturels ATPC** : font connaître l'offre ;\n"
            "- **ATEA** : forme, fournit les moules, suit les ventes."
        ),
        "approach": (
            "Des ateliers de fabrication dans quatre villages-marchés, un prix affiché, la "
            "possibilité de payer en trois fois."
        ),
        "steps": [
            {
                "title": "Former les maçons",
                "description": "Dix jours de fabrication et de pose, un peu de gestion.",
                "what_made_it_work": "Chacun repart avec deux moules.",
            },
            {
                "title": "Vendre dans les villages",
                "description": "Démonstrations au marché, dalle à 7 500 FCFA, paiement en 3 fois.",
                "what_made_it_work": "Le paiement échelonné a doublé les ventes.",
            },
            {
                "title": "Suivre les ventes",
                "description": "Un cahier de ventes par maçon, une visite par mois.",
                "what_made_it_work": "Les maçons comparent leurs ventes entre eux.",
            },
        ],
        "resources": "Moules, ciment de départ, dix jours de formation, un animateur.",
        "cost_amount": 5200000,
        "cost_currency": "XAF",
        "results": (
            "Résultats partiels :\n"
            "- 310 dalles vendues en 7 mois ;\n"
            "- 8 maçons sur 12 encore actifs.\n\n"
            "« Avant je cherchais du travail à Moundou. Maintenant ce sont les gens du village "
            "qui me cherchent. » — un jeune maçon de Kélo"
        ),
        "success_factors": "- Le paiement en plusieurs fois.",
        "difficulties": (
            "La hausse du prix du ciment réduit la marge. Les ménages les plus pauvres ne "
            "peuvent pas payer 7 500 FCFA."
        ),
        "lessons": "- Il faudra une solution pour les plus pauvres sans casser le marché.",
        "sustainability": "À confirmer après la saison des pluies.",
        "replication": "Trop tôt ; bilan prévu après une année complète.",
        "period_start": "2026-04",
        "period_end": None,
        "country": "TD",
        "region": "Tandjilé",
        "lead_organisation": "atea",
        "partners": [],
        "authors": ["achta@atea.example"],
        "contact": "achta@atea.example",
        "themes": ["eau-hygiene-assainissement", "jeunesse-emploi"],
        "tags": ["marketing de l'assainissement", "dalles", "maçons", "latrines"],
        "status": "submitted",
        "visibility": "network",
        "project_name": "Villages propres du Logone",
        "attachments": [],
    },
    {
        "key": "chantiers-ecoles-jsb",
        "title": "Chantiers-écoles : apprendre la maçonnerie en construisant une salle de classe",
        "kind": "good_practice",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Des jeunes déscolarisés apprennent la maçonnerie pendant six mois sur un vrai "
            "chantier utile au quartier, encadrés par un maître artisan. Quatre cohortes ont "
            "construit trois salles de classe et un bloc de latrines ; six mois après, deux "
            "jeunes sur trois travaillent dans le bâtiment."
        ),
        "context": (
            "À Makélékélé et Mfilou, beaucoup de jeunes ont quitté l'école tôt. Les centres de "
            "formation sont payants et théoriques, et les patrons ne font pas confiance à un "
            "jeune qui n'a jamais travaillé sur un chantier."
        ),
        "objectives": (
            "- Donner un métier à des jeunes de 18 à 30 ans ;\n"
            "- Leur permettre de montrer leur savoir-faire aux employeurs ;\n"
            "- Construire un équipement utile au quartier."
        ),
        "beneficiaries": "96 jeunes de Makélékélé et Mfilou, dont 22 jeunes femmes.",
        "women": 22,
        "men": 74,
        "stakeholders": (
            "- **Maîtres artisans** : encadrent le chantier, évaluent les jeunes ;\n"
            "- **Comité de quartier** : choisit l'ouvrage, fournit le terrain ;\n"
            "- **Centre de formation aux métiers** : cosigne l'attestation ;\n"
            "- **JSB** : sélectionne, suit les jeunes, cherche les débouchés."
        ),
        "approach": (
            "Quatre cinquièmes du temps sur le chantier, un cinquième en salle (lecture de plan, "
            "métré, sécurité). Une indemnité de 1 500 FCFA par jour couvre le transport et le "
            "repas."
        ),
        "steps": [
            {
                "title": "Choisir un ouvrage utile",
                "description": "Le comité de quartier propose ; l'ouvrage doit durer six mois.",
                "what_made_it_work": "Le quartier protège un chantier qu'il a demandé.",
            },
            {
                "title": "Sélectionner les jeunes",
                "description": "Entretien, journée d'essai sur le chantier, engagement signé.",
                "what_made_it_work": "La journée d'essai écarte ceux qui cherchent l'indemnité.",
            },
            {
                "title": "Apprendre en faisant",
                "description": "Un maître artisan pour 8 jeunes, progression par étapes.",
                "what_made_it_work": "Chaque jeune a une tâche réelle dès la première semaine.",
            },
            {
                "title": "Placer à la sortie",
                "description": "Visites de patrons sur le chantier, kit d'outils en fin de cycle.",
                "what_made_it_work": "Les patrons voient les jeunes travailler.",
            },
        ],
        "resources": (
            "Matériaux de l'ouvrage (apportés par la mairie ou un partenaire), deux maîtres "
            "artisans, un encadreur de JSB, kits d'outils (60 000 FCFA par jeune)."
        ),
        "cost_amount": 28400000,
        "cost_currency": "XAF",
        "results": (
            "- 4 cohortes, 96 jeunes dont 89 ont terminé ;\n"
            "- 3 salles de classe et 1 bloc de latrines construits ;\n"
            "- 68 % des 82 jeunes joints travaillent dans le bâtiment six mois après ;\n"
            "- 14 ont monté leur petite équipe.\n\n"
            "« Quand je passe devant l'école, je montre le mur que j'ai monté. Mon patron m'a "
            "pris parce qu'il l'avait vu. » — un jeune maçon de Mfilou"
        ),
        "success_factors": (
            "- Un vrai chantier, utile et visible ;\n"
            "- Des maîtres artisans respectés ;\n"
            "- Le contact direct avec les employeurs."
        ),
        "difficulties": (
            "Les retards de livraison de ciment ont allongé deux cohortes. Les jeunes femmes "
            "ont plus de mal à trouver du travail après. L'indemnité attire parfois des "
            "jeunes peu motivés."
        ),
        "lessons": (
            "- Sécuriser les matériaux avant de démarrer une cohorte ;\n"
            "- Accompagner spécialement les jeunes femmes vers les employeurs."
        ),
        "sustainability": (
            "La mairie d'arrondissement finance désormais les matériaux d'un ouvrage par an."
        ),
        "replication": (
            "Si je devais former un partenaire, je lui transmettrais : choisir l'ouvrage avec "
            "le quartier, garder une journée d'essai à la sélection et faire venir les patrons "
            "sur le chantier."
        ),
        "period_start": "2021-02",
        "period_end": "2024-10",
        "country": "CG",
        "region": "Brazzaville",
        "lead_organisation": "jsb",
        "partners": ["fcdl"],
        "authors": ["mabiala@jsb.example"],
        "contact": "mabiala@jsb.example",
        "themes": ["jeunesse-emploi", "partenariats"],
        "tags": ["chantier-école", "maçonnerie", "insertion des jeunes", "apprentissage"],
        "status": "published",
        "visibility": "public",
        "project_name": "Bâtir mon avenir",
        "attachments": [
            {
                "name": "chantier-ecole-mfilou-2023.jpg",
                "kind": "photo",
                "caption": "La troisième cohorte sur le chantier de l'école de Mfilou, 2023",
            },
            {
                "name": "temoignage-jeune-macon-mfilou.wav",
                "kind": "audio",
                "caption": "Un ancien apprenti raconte son premier emploi (3 min)",
            },
        ],
    },
    {
        "key": "formation-entrepreneuriat-jsb",
        "title": "Formation à l'entrepreneuriat : trois jours en salle, presque aucune entreprise",
        "kind": "lesson_learned",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Nous avons formé 120 jeunes de Kinkala au plan d'affaires pendant trois jours. Six "
            "mois plus tard, seuls 9 avaient lancé une activité, presque tous des jeunes qui en "
            "avaient déjà une. Sans capital, sans suivi et avec un per diem qui attirait pour "
            "de mauvaises raisons, la formation n'a rien changé."
        ),
        "context": (
            "Un partenaire voulait « former des jeunes entrepreneurs » dans le Pool. Nous "
            "avons accepté un format court, en salle, animé par des consultants de Brazzaville."
        ),
        "objectives": (
            "- Former 120 jeunes à la création d'entreprise ;\n"
            "- Faire créer au moins 40 activités en six mois."
        ),
        "beneficiaries": "120 jeunes de 18 à 35 ans de Kinkala et des environs.",
        "women": 47,
        "men": 73,
        "stakeholders": (
            "- **Consultants** : ont animé la formation ;\n"
            "- **JSB** : a sélectionné les jeunes et organisé ;\n"
            "- **Bailleur** : a financé et fixé le format."
        ),
        "approach": (
            "Trois jours en salle : idée d'entreprise, étude de marché, plan d'affaires, "
            "attestation à la fin. Per diem de 5 000 FCFA par jour."
        ),
        "steps": [
            {
                "title": "Sélection",
                "description": "Inscription ouverte, premiers arrivés retenus.",
                "what_made_it_work": "Ce qui a manqué : exiger un projet ou une activité.",
            },
            {
                "title": "Formation en salle",
                "description": "Modèles de plans d'affaires, exposés, travaux de groupe.",
                "what_made_it_work": "Trop théorique et en français soutenu pour beaucoup.",
            },
            {
                "title": "Après la formation",
                "description": "Rien n'était prévu : ni suivi, ni accès au financement.",
                "what_made_it_work": "C'est là que tout s'est joué.",
            },
        ],
        "resources": "Deux consultants, une salle, per diem et repas pendant trois jours.",
        "cost_amount": 4300000,
        "cost_currency": "XAF",
        "results": (
            "- 120 jeunes formés, 120 attestations ;\n"
            "- 9 activités en cours six mois après, dont 7 existaient déjà ;\n"
            "- aucun plan d'affaires présenté à une institution financière.\n\n"
            "« On est venus pour le per diem, je ne vais pas mentir. Le plan d'affaires, je l'ai "
            "laissé dans le sac. » — un participant de Kinkala"
        ),
        "success_factors": (
            "- Les jeunes qui avaient déjà une activité ont appris à calculer leurs coûts."
        ),
        "difficulties": (
            "Pas de capital de départ, aucun suivi, formateurs extérieurs au contexte, per diem "
            "qui attirait des jeunes sans projet, durée trop courte."
        ),
        "lessons": (
            "- Choisir des jeunes qui ont déjà une activité ou une idée testée ;\n"
            "- Étaler la formation sur trois mois avec des visites de suivi ;\n"
            "- Faire intervenir des entrepreneurs du coin ;\n"
            "- Rembourser le transport, pas de per diem ;\n"
            "- Lier la formation à l'épargne ou à un petit kit de démarrage."
        ),
        "sustainability": (
            "Rien n'a continué. Ces leçons ont servi à concevoir nos chantiers-écoles."
        ),
        "replication": (
            "À ne pas reproduire. Si un bailleur propose ce format, lui montrer cette fiche et "
            "proposer un accompagnement plus long."
        ),
        "period_start": "2019-05",
        "period_end": "2020-02",
        "country": "CG",
        "region": "Pool",
        "lead_organisation": "jsb",
        "partners": [],
        "authors": ["mabiala@jsb.example"],
        "contact": "mabiala@jsb.example",
        "themes": ["jeunesse-emploi", "mobilisation-ressources"],
        "tags": ["entrepreneuriat", "per diem", "formation sans suivi", "échec"],
        "status": "published",
        "visibility": "network",
        "project_name": "",
        "attachments": [],
    },
    {
        "key": "tutor-circles-ageg",
        "title": "Peer mentoring circles for volunteer tutors",
        "kind": "good_practice",
        "language": "en",
        "translation_of": None,
        "summary": (
            "Our volunteer tutors, mostly university students, meet every two weeks in "
            "small circles led by an experienced tutor to share difficulties and practise a "
            "teaching technique. Since the circles started, four tutors out of five stay the "
            "whole school year, against half before."
        ),
        "context": (
            "AGEG runs after-school support in Libreville and Owendo with volunteer tutors. "
            "Half of them left within three months: they felt alone with difficult pupils "
            "and nobody showed them how to teach."
        ),
        "objectives": (
            "- Keep volunteer tutors for the whole school year;\n"
            "- Improve the quality of tutoring;\n"
            "- Let tutors learn from each other rather than from a trainer."
        ),
        "beneficiaries": "74 volunteer tutors and the 612 pupils they support.",
        "women": 45,
        "men": 29,
        "stakeholders": (
            "- **Circle leaders**: tutors with at least one year of experience;\n"
            "- **Volunteer tutors**: attend the circle, keep a simple tutoring log;\n"
            "- **AGEG coordination**: plans the circles, awards certificates."
        ),
        "approach": (
            "Circles of 6 to 8 tutors, one hour every two weeks, always the same three parts: "
            "one difficulty shared, one technique practised, one commitment for the next "
            "session."
        ),
        "steps": [
            {
                "title": "Train the circle leaders",
                "description": "A half-day on listening and on running the one-hour format.",
                "what_made_it_work": "Leaders do not teach; they ask questions.",
            },
            {
                "title": "Run the circle",
                "description": (
                    "A tutor describes a real case, the group suggests ideas, then everyone "
                    "practises a technique (reading aloud, finding the error in a sum)."
                ),
                "what_made_it_work": "Short, regular and always on a real case.",
            },
            {
                "title": "Observe each other once a term",
                "description": "Two tutors attend each other's session and exchange feedback.",
                "what_made_it_work": "Feedback between equals, never an inspection.",
            },
            {
                "title": "Recognise the commitment",
                "description": "A certificate after a full year, handed over in public.",
                "what_made_it_work": "Students use it in their job applications.",
            },
        ],
        "resources": (
            "A room lent by a school, snacks, transport refunds, certificates; about 2 hours "
            "a month of the coordinator's time."
        ),
        "cost_amount": 1200000,
        "cost_currency": "XAF",
        "results": (
            "- 74 tutors in 10 circles over three school years;\n"
            "- tutors staying the whole year: from 48% to 81%;\n"
            "- among the 96 Year 6 pupils followed in 2024, 81% passed the primary "
            "certificate, against 66% the year before the circles.\n\n"
            "“In the circle I found out that other tutors were struggling with the same "
            "pupils. I stopped thinking I was a bad teacher.” — a volunteer tutor in "
            "Nzeng-Ayong"
        ),
        "success_factors": (
            "- A fixed, simple format;\n"
            "- Experienced tutors as leaders;\n"
            "- Public recognition of the commitment."
        ),
        "difficulties": (
            "During exam periods at the university, attendance drops by half. Some circle "
            "leaders slip back into lecturing. We do not yet measure pupils' progress "
            "reliably beyond exam results."
        ),
        "lessons": (
            "- Volunteers leave because they feel alone, not only because they are unpaid;\n"
            "- Plan the circle calendar around the university calendar."
        ),
        "sustainability": (
            "Circles cost little and leaders come from the tutors themselves; the model "
            "renews itself every year."
        ),
        "replication": (
            "If I had to train a partner, I would pass on: keep the one-hour, three-part "
            "format, choose leaders among experienced volunteers, and start the circles in "
            "the first month, before people drop out."
        ),
        "period_start": "2022-10",
        "period_end": "2025-06",
        "country": "GA",
        "region": "Estuaire",
        "lead_organisation": "ageg",
        "partners": [],
        "authors": ["nzamba@ageg.example"],
        "contact": "nzamba@ageg.example",
        "themes": ["education", "ressources-humaines-benevolat"],
        "tags": ["soutien scolaire", "bénévoles", "tutorat", "accompagnement entre pairs"],
        "status": "published",
        "visibility": "network",
        "project_name": "Réussir à Libreville",
        "attachments": [
            {
                "name": "tutor-circle-guide.pdf",
                "kind": "document",
                "caption": "Two-page guide to run a tutor circle session",
            }
        ],
    },
    {
        "key": "alphabetisation-vocale-ageg",
        "title": "Cours d'alphabétisation par messages vocaux pour les adultes éloignés",
        "kind": "innovation",
        "language": "fr",
        "translation_of": None,
        "summary": (
            "Des adultes qui travaillent dans les plantations et ne peuvent pas venir aux cours "
            "du soir reçoivent chaque semaine des leçons en messages vocaux, avec des fiches "
            "imprimées, et une séance en présence tous les quinze jours. Après trois mois, "
            "22 apprenants sur 35 suivent encore."
        ),
        "context": (
            "Autour d'Oyem et de Bitam, beaucoup d'adultes vivent dans des campements de "
            "plantation loin des centres d'alphabétisation. Presque tous ont un téléphone, "
            "souvent partagé dans la famille."
        ),
        "objectives": (
            "- Permettre aux adultes éloignés d'apprendre à lire et écrire ;\n"
            "- Tester si les messages vocaux peuvent remplacer une partie des cours."
        ),
        "beneficiaries": "35 adultes de campements autour d'Oyem et de Bitam.",
        "women": 21,
        "men": 14,
        "stakeholders": (
            "- **Bénévoles d'AGEG** : enregistrent les leçons, animent les séances ;\n"
            "- **Relais de campement** : distribuent les fiches, rappellent les séances ;\n"
            "- **Apprenants** : écoutent, font les exercices, envoient un message en retour."
        ),
        "approach": (
            "Une leçon vocale de cinq minutes par semaine, en français et en fang, liée à une "
            "fiche imprimée ; une séance en présence tous les quinze jours pour corriger."
        ),
        "steps": [
            {
                "title": "Enregistrer des leçons courtes",
                "description": "Cinq minutes maximum, une seule notion par leçon.",
                "what_made_it_work": "Les apprenants réécoutent plusieurs fois.",
            },
            {
                "title": "Corriger en présence",
                "description": "Tous les quinze jours au campement, avec les fiches.",
                "what_made_it_work": "Le contact direct maintient la motivation.",
            },
            {
                "title": "Recevoir les réponses",
                "description": "Chaque apprenant renvoie un message vocal ou la photo de sa fiche.",
                "what_made_it_work": "Le bénévole répond à chaque message, même brièvement.",
            },
        ],
        "resources": "Un bénévole, un téléphone, fiches imprimées, crédit internet.",
        "cost_amount": 850000,
        "cost_currency": "XAF",
        "results": (
            "Résultats partiels après trois mois :\n"
            "- 22 apprenants sur 35 encore actifs ;\n"
            "- 15 savent écrire leur nom et lire les nombres jusqu'à 100.\n\n"
            "« J'écoute la leçon le soir quand mon mari me laisse le téléphone. » — une "
            "apprenante d'un campement de Bitam"
        ),
        "success_factors": "- Des leçons très courtes.",
        "difficulties": (
            "Le téléphone est souvent partagé, le crédit internet coûte cher et le réseau "
            "est faible dans certains campements."
        ),
        "lessons": "- À compléter à la fin du cycle.",
        "sustainability": "À étudier : qui paiera le crédit internet ?",
        "replication": "Fiche en cours de rédaction.",
        "period_start": "2026-08",
        "period_end": None,
        "country": "GA",
        "region": "Woleu-Ntem",
        "lead_organisation": "ageg",
        "partners": [],
        "authors": ["mintsa@ageg.example", "nzamba@ageg.example"],
        "contact": "mintsa@ageg.example",
        "themes": ["alphabetisation", "education"],
        "tags": ["alphabétisation", "messages vocaux", "téléphone", "adultes"],
        "status": "draft",
        "visibility": "network",
        "project_name": "",
        "attachments": [],
    },
]
