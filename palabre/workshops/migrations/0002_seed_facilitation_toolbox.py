# The facilitation toolbox every install starts with: well-known techniques, written
# in Palabre's own words, in French and English. Written out here (not imported from
# app code) so the migration never changes. Existing tools are left as facilitators
# edited them.

from django.db import migrations

TOOLS = [
    {
        "slug": "world-cafe",
        "name_fr": "World café",
        "name_en": "World café",
        "purpose_fr": "Faire circuler les idées d'un grand groupe comme dans une conversation de "
        "café : chacun parle en petit comité, puis change de table et enrichit ce que les "
        "autres ont commencé.",
        "purpose_en": "Let the ideas of a large group travel as in a café conversation: people "
        "talk in small circles, then move to another table and build on what others began.",
        "when_fr": "Quand un thème a plusieurs facettes et que l'on veut entendre tout le monde, "
        "pas seulement ceux qui parlent fort en plénière. Utile en début d'atelier pour faire "
        "remonter les expériences, ou pour préparer des recommandations.",
        "when_en": "When a theme has several sides and everyone should be heard, not only those "
        "who speak loudly in plenary. Useful early in a workshop to bring experiences out, or "
        "to prepare recommendations.",
        "steps_fr": "1. Préparez 3 à 5 tables de 4 à 6 personnes, avec une question par table "
        "et une nappe de papier.\n"
        "2. Chaque table nomme un hôte qui restera sur place.\n"
        "3. Premier tour (15 à 20 min) : on discute et on écrit ou dessine sur la nappe.\n"
        "4. Les participants changent de table ; l'hôte résume en deux minutes ce qui a été dit.\n"
        "5. Deux ou trois tours, en mélangeant les organisations à chaque fois.\n"
        "6. En plénière, chaque hôte présente les idées fortes de sa table.",
        "steps_en": "1. Set up 3 to 5 tables of 4 to 6 people, one question per table and a "
        "paper tablecloth.\n"
        "2. Each table names a host who stays.\n"
        "3. First round (15 to 20 min): people talk and write or draw on the tablecloth.\n"
        "4. Participants move to another table; the host sums up in two minutes what was said.\n"
        "5. Two or three rounds, mixing organisations each time.\n"
        "6. In plenary, each host presents the strongest ideas of their table.",
        "materials_fr": "Grandes feuilles ou nappes en papier, marqueurs de couleur, une "
        "question écrite par table, une cloche ou un signal pour changer de table.",
        "materials_en": "Large sheets or paper tablecloths, coloured markers, one written "
        "question per table, a bell or signal to change tables.",
        "tips_fr": "Des questions ouvertes (« comment… ? », « qu'est-ce qui… ? ») marchent "
        "mieux que des questions fermées. Gardez du temps pour la plénière finale.",
        "tips_en": "Open questions (“how…?”, “what…?”) work better than yes/no questions. Keep "
        "time for the closing plenary.",
        "duration_min": 60,
        "duration_max": 120,
        "group_min": 12,
        "group_max": 80,
    },
    {
        "slug": "arbre-a-problemes",
        "name_fr": "Arbre à problèmes",
        "name_en": "Problem tree",
        "purpose_fr": "Distinguer un problème de ses causes et de ses effets, pour agir sur les "
        "racines plutôt que sur les symptômes.",
        "purpose_en": "Tell a problem apart from its causes and effects, so that action goes to "
        "the roots rather than the symptoms.",
        "when_fr": "Au début d'un projet ou d'un carrefour, quand le groupe parle d'un problème "
        "sans être d'accord sur ce qui le provoque.",
        "when_en": "At the start of a project or of a group, when people talk about a problem "
        "without agreeing on what causes it.",
        "steps_fr": "1. Dessinez un grand arbre : racines, tronc, branches.\n"
        "2. Écrivez le problème central sur le tronc, en une phrase que tous acceptent.\n"
        "3. Chacun note des causes sur des fiches, une par fiche, et les colle sur les racines.\n"
        "4. Reliez les causes entre elles : « pourquoi ? » jusqu'aux causes profondes.\n"
        "5. Faites de même pour les conséquences, sur les branches.\n"
        "6. Entourez les causes sur lesquelles le groupe peut agir lui-même.",
        "steps_en": "1. Draw a large tree: roots, trunk, branches.\n"
        "2. Write the central problem on the trunk, in one sentence everyone accepts.\n"
        "3. Everyone writes causes on cards, one per card, and sticks them on the roots.\n"
        "4. Link the causes together: ask “why?” down to the deepest causes.\n"
        "5. Do the same for consequences, on the branches.\n"
        "6. Circle the causes the group can act on itself.",
        "materials_fr": "Tableau de papier, fiches cartonnées ou post-it de deux couleurs, "
        "marqueurs, ruban adhésif.",
        "materials_en": "Flip chart, cards or sticky notes in two colours, markers, tape.",
        "tips_fr": "Retournez ensuite l'arbre en arbre à objectifs : chaque cause devient un "
        "changement à obtenir.",
        "tips_en": "Then turn the tree into an objectives tree: each cause becomes a change to "
        "bring about.",
        "duration_min": 45,
        "duration_max": 90,
        "group_min": 4,
        "group_max": 15,
    },
    {
        "slug": "swot",
        "name_fr": "Analyse FFOM (SWOT)",
        "name_en": "SWOT analysis",
        "purpose_fr": "Faire le point, honnêtement, sur ce qui est en notre pouvoir (forces, "
        "faiblesses) et sur ce qui vient de l'extérieur (opportunités, menaces).",
        "purpose_en": "Take an honest look at what is in our hands (strengths, weaknesses) and "
        "at what comes from outside (opportunities, threats).",
        "when_fr": "Pour évaluer une pratique avant de la reproduire ailleurs, préparer un plan "
        "d'action ou relire un projet à mi-parcours.",
        "when_en": "To assess a practice before reproducing it elsewhere, to prepare an action "
        "plan or to review a project halfway through.",
        "steps_fr": "1. Tracez quatre cases : forces, faiblesses, opportunités, menaces.\n"
        "2. Rappelez la différence : l'intérieur (ce que nous maîtrisons) et l'extérieur.\n"
        "3. Chacun écrit seul quelques idées par case pendant 10 minutes.\n"
        "4. Mettez en commun, regroupez les idées semblables.\n"
        "5. Cherchez les liens : comment une force permet de saisir une opportunité, comment "
        "réduire une faiblesse face à une menace.\n"
        "6. Retenez trois conclusions pour l'action.",
        "steps_en": "1. Draw four boxes: strengths, weaknesses, opportunities, threats.\n"
        "2. Recall the difference: inside (what we control) and outside.\n"
        "3. Everyone writes a few ideas per box alone for 10 minutes.\n"
        "4. Share, and group similar ideas.\n"
        "5. Look for links: how a strength lets us seize an opportunity, how to reduce a "
        "weakness in the face of a threat.\n"
        "6. Keep three conclusions for action.",
        "materials_fr": "Tableau de papier divisé en quatre, post-it, marqueurs.",
        "materials_en": "Flip chart divided in four, sticky notes, markers.",
        "tips_fr": "Les faiblesses sont souvent les plus difficiles à dire : commencez par "
        "l'écriture individuelle pour qu'elles apparaissent.",
        "tips_en": "Weaknesses are often the hardest to say: start with individual writing so "
        "they come up.",
        "duration_min": 45,
        "duration_max": 90,
        "group_min": 3,
        "group_max": 12,
    },
    {
        "slug": "aquarium",
        "name_fr": "Aquarium (fishbowl)",
        "name_en": "Fishbowl",
        "purpose_fr": "Tenir un débat devant tout le groupe sans qu'il devienne un échange "
        "entre quelques personnes : un petit cercle discute, les autres écoutent et peuvent "
        "prendre une place.",
        "purpose_en": "Hold a debate in front of the whole group without it turning into an "
        "exchange between a few people: a small circle talks, the others listen and may take "
        "a seat.",
        "when_fr": "Quand un sujet divise, ou pour approfondir une présentation d'expérience "
        "avec ceux qui l'ont vécue.",
        "when_en": "When a subject divides the group, or to go deeper into an experience "
        "presentation with those who lived it.",
        "steps_fr": "1. Placez 4 à 5 chaises en cercle au centre, dont une chaise vide ; le "
        "reste du groupe s'assoit autour.\n"
        "2. Les personnes du centre discutent de la question posée.\n"
        "3. Qui veut intervenir vient s'asseoir sur la chaise vide ; une personne du centre "
        "doit alors libérer sa place.\n"
        "4. Seules les personnes du centre parlent.\n"
        "5. Après 30 à 45 minutes, l'animateur fait la synthèse avec toute la salle.",
        "steps_en": "1. Put 4 or 5 chairs in a circle in the middle, one of them empty; the "
        "rest of the group sits around.\n"
        "2. The people in the middle discuss the question.\n"
        "3. Anyone who wants to speak takes the empty chair; someone in the middle then gives "
        "up their seat.\n"
        "4. Only the people in the middle speak.\n"
        "5. After 30 to 45 minutes, the facilitator sums up with the whole room.",
        "materials_fr": "Des chaises que l'on peut déplacer, une question écrite au tableau.",
        "materials_en": "Chairs that can be moved, a question written on the board.",
        "tips_fr": "Invitez au centre, au départ, des personnes de points de vue différents, "
        "et veillez à ce que les femmes et les jeunes y prennent place.",
        "tips_en": "Invite people with different views to the middle at first, and make sure "
        "women and young people take seats there too.",
        "duration_min": 30,
        "duration_max": 60,
        "group_min": 10,
        "group_max": 60,
    },
    {
        "slug": "photolangage",
        "name_fr": "Photolangage",
        "name_en": "Photo-language",
        "purpose_fr": "Aider chacun à exprimer une expérience, un ressenti ou une vision en "
        "s'appuyant sur une image choisie, ce qui libère la parole.",
        "purpose_en": "Help people express an experience, a feeling or a vision through a "
        "picture they choose, which makes speaking easier.",
        "when_fr": "Pour ouvrir un atelier, parler d'un sujet sensible, ou avec des "
        "participants peu habitués à prendre la parole en public ou à écrire.",
        "when_en": "To open a workshop, to talk about a sensitive subject, or with "
        "participants not used to speaking in public or writing.",
        "steps_fr": "1. Étalez 40 à 60 photos variées sur une table ou au sol.\n"
        "2. Posez une question : « Choisissez une image qui dit ce que le partenariat "
        "représente pour vous. »\n"
        "3. Chacun regarde en silence et choisit une photo, sans la prendre tout de suite.\n"
        "4. Chacun prend sa photo puis, en cercle, explique son choix en deux minutes.\n"
        "5. L'animateur note les mots qui reviennent et les relie en fin de tour.",
        "steps_en": "1. Spread 40 to 60 varied photos on a table or on the floor.\n"
        "2. Ask a question: “Choose a picture that says what partnership means to you.”\n"
        "3. Everyone looks in silence and chooses a photo, without picking it up yet.\n"
        "4. Everyone takes their photo and, in a circle, explains the choice in two minutes.\n"
        "5. The facilitator notes the words that come back and links them at the end.",
        "materials_fr": "Un jeu de photos variées (personnes, paysages, objets, scènes de la "
        "vie locale), découpées dans des magazines ou imprimées.",
        "materials_en": "A set of varied photos (people, landscapes, objects, scenes of local "
        "life), cut from magazines or printed.",
        "tips_fr": "Choisissez des images proches du quotidien des participants. Personne "
        "n'est obligé de parler longtemps.",
        "tips_en": "Choose pictures close to the participants' daily life. No one has to "
        "speak for long.",
        "duration_min": 30,
        "duration_max": 60,
        "group_min": 5,
        "group_max": 20,
    },
    {
        "slug": "brainstorming",
        "name_fr": "Remue-méninges (brainstorming)",
        "name_en": "Brainstorming",
        "purpose_fr": "Produire beaucoup d'idées en peu de temps, sans les juger, avant de les "
        "trier.",
        "purpose_en": "Produce many ideas in a short time, without judging them, before "
        "sorting them.",
        "when_fr": "Quand le groupe cherche des solutions nouvelles, des noms, des pistes "
        "d'action, et qu'il risque de s'arrêter à la première idée.",
        "when_en": "When the group looks for new solutions, names or ways forward, and risks "
        "stopping at the first idea.",
        "steps_fr": "1. Écrivez la question au tableau.\n"
        "2. Rappelez les règles : toutes les idées sont bonnes, on ne critique pas, on "
        "rebondit sur les idées des autres, la quantité compte.\n"
        "3. Pendant 10 à 15 minutes, les idées sont notées telles quelles.\n"
        "4. Regroupez les idées par familles.\n"
        "5. Triez ensuite : faisable, utile, à approfondir.",
        "steps_en": "1. Write the question on the board.\n"
        "2. Recall the rules: every idea is welcome, no criticism, build on others' ideas, "
        "quantity counts.\n"
        "3. For 10 to 15 minutes, ideas are written down as they come.\n"
        "4. Group the ideas into families.\n"
        "5. Then sort them: feasible, useful, to look into.",
        "materials_fr": "Tableau de papier ou post-it, marqueurs.",
        "materials_en": "Flip chart or sticky notes, markers.",
        "tips_fr": "Commencez par deux minutes d'écriture silencieuse : les plus timides "
        "arrivent avec leurs idées.",
        "tips_en": "Start with two minutes of silent writing: the shyest people come with "
        "their own ideas.",
        "duration_min": 20,
        "duration_max": 45,
        "group_min": 4,
        "group_max": 20,
    },
    {
        "slug": "1-2-4-tous",
        "name_fr": "1-2-4-tous",
        "name_en": "1-2-4-all",
        "purpose_fr": "Faire réfléchir tout le monde en même temps et faire émerger les "
        "meilleures idées d'un groupe de n'importe quelle taille, en quelques minutes.",
        "purpose_en": "Get everyone thinking at once and bring out a group's best ideas, "
        "whatever its size, in a few minutes.",
        "when_fr": "Pour répondre à une question précise en plénière sans que quelques "
        "personnes monopolisent la parole.",
        "when_en": "To answer a precise question in plenary without a few people taking all "
        "the speaking time.",
        "steps_fr": "1. Posez une question claire.\n"
        "2. Seul (1 min) : chacun réfléchit et note ses idées.\n"
        "3. À deux (2 min) : on partage et on construit sur les idées de l'autre.\n"
        "4. À quatre (4 min) : deux paires se rejoignent, repèrent les ressemblances et "
        "les différences, et retiennent l'idée la plus forte.\n"
        "5. Tous (5 min) : chaque groupe de quatre partage une idée qui ressort.",
        "steps_en": "1. Ask a clear question.\n"
        "2. Alone (1 min): everyone thinks and notes their ideas.\n"
        "3. In pairs (2 min): share and build on each other's ideas.\n"
        "4. In fours (4 min): two pairs join, notice similarities and differences, and keep "
        "the strongest idea.\n"
        "5. All (5 min): each group of four shares one idea that stands out.",
        "materials_fr": "Du papier et des stylos ; un tableau pour noter les idées finales.",
        "materials_en": "Paper and pens; a board to note the final ideas.",
        "tips_fr": "Tenez les temps strictement : la contrainte fait avancer. On peut "
        "répéter le cycle avec une deuxième question.",
        "tips_en": "Keep the timings strictly: the constraint moves things forward. The cycle "
        "can be repeated with a second question.",
        "duration_min": 12,
        "duration_max": 25,
        "group_min": 4,
        "group_max": 200,
    },
    {
        "slug": "galerie",
        "name_fr": "Galerie (gallery walk)",
        "name_en": "Gallery walk",
        "purpose_fr": "Partager le travail de plusieurs groupes en circulant entre les "
        "affiches, comme dans une exposition, et l'enrichir de commentaires.",
        "purpose_en": "Share the work of several groups by walking between their posters, as "
        "in an exhibition, and add comments to it.",
        "when_fr": "Pour la restitution des carrefours quand le temps manque pour que chaque "
        "groupe présente en plénière, ou pour recueillir des réactions écrites.",
        "when_en": "For the restitution of group work when there is not enough time for each "
        "group to present in plenary, or to gather written reactions.",
        "steps_fr": "1. Chaque groupe affiche son travail sur un mur, en laissant de la "
        "place autour.\n"
        "2. Un membre de chaque groupe reste près de son affiche pour répondre aux questions.\n"
        "3. Les autres circulent librement ou par petits groupes, 5 minutes par affiche.\n"
        "4. Ils laissent des post-it : une question, un ajout, un « bravo ».\n"
        "5. Chaque groupe relit les commentaires reçus et en tire un ou deux ajustements.",
        "steps_en": "1. Each group puts its work up on a wall, with room around it.\n"
        "2. One member of each group stays by the poster to answer questions.\n"
        "3. The others walk around freely or in small groups, 5 minutes per poster.\n"
        "4. They leave sticky notes: a question, an addition, a “well done”.\n"
        "5. Each group reads the comments received and draws one or two changes from them.",
        "materials_fr": "Murs ou grilles d'affichage, ruban adhésif, post-it de couleur, "
        "marqueurs.",
        "materials_en": "Walls or display boards, tape, coloured sticky notes, markers.",
        "tips_fr": "Photographiez les affiches avec leurs commentaires : ce sont les traces "
        "de la restitution.",
        "tips_en": "Photograph the posters with their comments: they are the record of the "
        "restitution.",
        "duration_min": 20,
        "duration_max": 60,
        "group_min": 8,
        "group_max": 80,
    },
    {
        "slug": "jeu-de-role",
        "name_fr": "Jeu de rôle",
        "name_en": "Role play",
        "purpose_fr": "Faire vivre une situation réelle (négociation, réunion difficile, "
        "accueil d'un bénéficiaire) pour s'y entraîner et comprendre le point de vue des "
        "autres.",
        "purpose_en": "Act out a real situation (a negotiation, a difficult meeting, welcoming "
        "a beneficiary) to practise it and understand other people's points of view.",
        "when_fr": "Pour préparer une démarche délicate, former à une posture, ou montrer "
        "concrètement comment une pratique se déroule sur le terrain.",
        "when_en": "To prepare a delicate step, train people in an attitude, or show in "
        "practice how a practice unfolds in the field.",
        "steps_fr": "1. Décrivez la situation et les personnages sur de petites fiches "
        "(qui est-il, que veut-il, que craint-il).\n"
        "2. Choisissez des volontaires pour les rôles ; les autres observent avec une grille "
        "simple.\n"
        "3. Jouez la scène 5 à 10 minutes.\n"
        "4. Demandez d'abord aux acteurs ce qu'ils ont ressenti, puis aux observateurs ce "
        "qu'ils ont vu.\n"
        "5. Rejouez la scène en essayant une autre façon de faire.\n"
        "6. Tirez ensemble les leçons.",
        "steps_en": "1. Describe the situation and the characters on small cards (who they "
        "are, what they want, what they fear).\n"
        "2. Choose volunteers for the roles; the others observe with a simple grid.\n"
        "3. Play the scene for 5 to 10 minutes.\n"
        "4. First ask the actors what they felt, then the observers what they saw.\n"
        "5. Replay the scene trying another approach.\n"
        "6. Draw the lessons together.",
        "materials_fr": "Fiches de rôle, une grille d'observation, quelques accessoires si "
        "on en a.",
        "materials_en": "Role cards, an observation grid, a few props if available.",
        "tips_fr": "À la fin, faites « sortir » les acteurs de leur rôle : on juge le "
        "personnage, jamais la personne.",
        "tips_en": "At the end, have the actors “step out” of their roles: the character is "
        "discussed, never the person.",
        "duration_min": 30,
        "duration_max": 75,
        "group_min": 5,
        "group_max": 25,
    },
    {
        "slug": "forum-ouvert",
        "name_fr": "Forum ouvert (open space)",
        "name_en": "Open space",
        "purpose_fr": "Laisser les participants construire eux-mêmes le programme : ceux qui "
        "ont une question à cœur proposent un atelier, les autres vont où ils se sentent "
        "utiles.",
        "purpose_en": "Let participants build the programme themselves: those who care about "
        "a question propose a session, the others go wherever they feel useful.",
        "when_fr": "Quand les sujets sont nombreux et que l'on veut s'appuyer sur l'énergie "
        "et les envies du groupe, par exemple une demi-journée d'un atelier de réseau.",
        "when_en": "When there are many subjects and the group's energy and wishes should lead, "
        "for example for half a day of a network workshop.",
        "steps_fr": "1. En cercle, l'animateur présente le thème général et les quelques "
        "règles (« la loi des deux pieds » : chacun peut changer de groupe quand il veut).\n"
        "2. Qui le souhaite écrit un sujet sur une feuille, l'annonce et l'affiche sur le "
        "mur des créneaux et des salles.\n"
        "3. Les participants s'inscrivent en signant les feuilles.\n"
        "4. Les ateliers se tiennent ; celui qui a proposé le sujet veille au compte rendu.\n"
        "5. Les comptes rendus sont affichés puis rassemblés ; on termine en cercle.",
        "steps_en": "1. In a circle, the facilitator presents the overall theme and the few "
        "rules (“the law of two feet”: anyone may change group at any time).\n"
        "2. Whoever wishes writes a subject on a sheet, announces it and pins it on the wall "
        "of time slots and rooms.\n"
        "3. Participants sign up by signing the sheets.\n"
        "4. The sessions take place; the person who proposed the subject sees to the notes.\n"
        "5. The notes are put up and gathered; the day ends in a circle.",
        "materials_fr": "Un grand mur pour le programme (créneaux × salles), des feuilles, "
        "des marqueurs, plusieurs espaces de discussion.",
        "materials_en": "A large wall for the programme (time slots × rooms), sheets, markers, "
        "several spaces to talk.",
        "tips_fr": "Ne fixez pas les sujets à l'avance. Prévoyez un modèle simple de compte "
        "rendu (sujet, participants, idées, suites).",
        "tips_en": "Do not set the subjects in advance. Provide a simple note template "
        "(subject, participants, ideas, next steps).",
        "duration_min": 120,
        "duration_max": 480,
        "group_min": 20,
        "group_max": 300,
    },
    {
        "slug": "codeveloppement",
        "name_fr": "Codéveloppement",
        "name_en": "Co-development",
        "purpose_fr": "Aider une personne à avancer sur un problème réel de son travail grâce "
        "aux questions et à l'expérience de ses pairs, dans un cadre structuré.",
        "purpose_en": "Help one person move forward on a real problem from their work through "
        "the questions and experience of their peers, within a set structure.",
        "when_fr": "Entre responsables ou animateurs de terrain qui rencontrent des "
        "difficultés semblables ; très adapté à un réseau d'organisations pairs.",
        "when_en": "Among managers or field workers who face similar difficulties; well suited "
        "to a network of peer organisations.",
        "steps_fr": "1. Un « client » expose son problème (10 min).\n"
        "2. Les « consultants » posent des questions pour comprendre, sans donner de conseil "
        "(10 min).\n"
        "3. Le client précise ce qu'il attend du groupe.\n"
        "4. Les consultants partagent idées, expériences et pistes ; le client écoute et "
        "note sans répondre (20 min).\n"
        "5. Le client dit ce qu'il retient et ce qu'il va faire.\n"
        "6. Chacun dit ce qu'il a appris pour lui-même.",
        "steps_en": "1. A “client” presents their problem (10 min).\n"
        "2. The “consultants” ask questions to understand, without giving advice (10 min).\n"
        "3. The client says what they expect from the group.\n"
        "4. The consultants share ideas, experiences and leads; the client listens and takes "
        "notes without answering (20 min).\n"
        "5. The client says what they keep and what they will do.\n"
        "6. Everyone says what they learned for themselves.",
        "materials_fr": "Un chronomètre, de quoi noter ; une salle calme.",
        "materials_en": "A timer, something to write with; a quiet room.",
        "tips_fr": "La confidentialité est la règle : ce qui est dit dans le groupe y reste. "
        "Le problème doit être actuel et le client doit pouvoir agir dessus.",
        "tips_en": "Confidentiality is the rule: what is said in the group stays there. The "
        "problem must be current and the client must be able to act on it.",
        "duration_min": 60,
        "duration_max": 90,
        "group_min": 4,
        "group_max": 8,
    },
    {
        "slug": "recit-de-pratique",
        "name_fr": "Récit de pratique",
        "name_en": "Story of practice",
        "purpose_fr": "Raconter une expérience vécue, pas à pas, avec ses réussites et ses "
        "échecs, pour que d'autres en tirent des enseignements : c'est le cœur de la "
        "capitalisation.",
        "purpose_en": "Tell a lived experience, step by step, with its successes and failures, "
        "so that others can learn from it: the heart of capitalising on experience.",
        "when_fr": "Pour les exposés d'expérience d'un atelier d'échanges, ou pour préparer "
        "la rédaction d'une fiche de capitalisation.",
        "when_en": "For the experience presentations of an exchange workshop, or to prepare "
        "the writing of a capitalisation sheet.",
        "steps_fr": "1. Le narrateur prépare son récit avec une trame : le contexte, ce que "
        "nous avons fait, ce qui a marché, ce qui n'a pas marché, ce que nous ferions "
        "autrement.\n"
        "2. Il raconte en 15 minutes, avec des faits, des chiffres et des anecdotes.\n"
        "3. Les auditeurs notent leurs questions sans interrompre.\n"
        "4. Questions de compréhension, puis questions « comment avez-vous fait pour… ? ».\n"
        "5. Le groupe dégage ensemble deux ou trois leçons transférables.\n"
        "6. Un rapporteur note tout pour la fiche de capitalisation.",
        "steps_en": "1. The storyteller prepares with an outline: the context, what we did, "
        "what worked, what did not work, what we would do differently.\n"
        "2. They tell the story in 15 minutes, with facts, figures and anecdotes.\n"
        "3. Listeners note their questions without interrupting.\n"
        "4. Questions to understand, then “how did you manage to…?” questions.\n"
        "5. Together, the group draws two or three lessons others can use.\n"
        "6. A rapporteur writes everything down for the capitalisation sheet.",
        "materials_fr": "La trame du récit, éventuellement des photos ou objets du terrain.",
        "materials_en": "The story outline, possibly photos or objects from the field.",
        "tips_fr": "Encouragez à parler aussi des échecs : ce sont souvent eux qui "
        "apprennent le plus aux autres.",
        "tips_en": "Encourage people to talk about failures too: they often teach others the "
        "most.",
        "duration_min": 30,
        "duration_max": 60,
        "group_min": 5,
        "group_max": 40,
    },
    {
        "slug": "vote-par-gommettes",
        "name_fr": "Vote par gommettes",
        "name_en": "Dot voting",
        "purpose_fr": "Choisir des priorités parmi de nombreuses idées, de façon rapide, "
        "visible et équitable.",
        "purpose_en": "Choose priorities among many ideas, quickly, visibly and fairly.",
        "when_fr": "Après un remue-méninges ou une galerie, pour décider des actions "
        "collectives à retenir.",
        "when_en": "After a brainstorm or a gallery walk, to decide which collective actions "
        "to keep.",
        "steps_fr": "1. Affichez la liste des idées, numérotées et bien lisibles.\n"
        "2. Donnez à chacun le même nombre de gommettes (environ un tiers du nombre d'idées).\n"
        "3. Chacun colle ses gommettes sur les idées de son choix ; on peut en mettre "
        "plusieurs sur une même idée.\n"
        "4. Comptez et classez.\n"
        "5. Discutez des résultats avant de décider : le vote éclaire, il ne remplace pas "
        "la discussion.",
        "steps_en": "1. Put up the list of ideas, numbered and easy to read.\n"
        "2. Give everyone the same number of dots (about a third of the number of ideas).\n"
        "3. Everyone sticks their dots on the ideas they choose; several can go on the same "
        "idea.\n"
        "4. Count and rank.\n"
        "5. Discuss the results before deciding: the vote informs, it does not replace the "
        "discussion.",
        "materials_fr": "Gommettes de couleur (ou marqueurs pour faire des points), "
        "tableau de papier.",
        "materials_en": "Coloured dot stickers (or markers to draw dots), flip chart.",
        "tips_fr": "Faites voter tout le monde en même temps pour éviter que les premiers "
        "votes n'influencent les suivants.",
        "tips_en": "Have everyone vote at the same time so the first votes do not sway the "
        "next ones.",
        "duration_min": 10,
        "duration_max": 30,
        "group_min": 5,
        "group_max": 100,
    },
    {
        "slug": "ligne-du-temps",
        "name_fr": "Ligne du temps",
        "name_en": "Timeline",
        "purpose_fr": "Reconstituer ensemble l'histoire d'un projet ou d'une organisation, "
        "avec ses moments forts et ses moments difficiles, pour comprendre ce qui a compté.",
        "purpose_en": "Rebuild together the history of a project or an organisation, with its "
        "high and low points, to understand what mattered.",
        "when_fr": "Au début d'une capitalisation, pour une évaluation de fin de projet, ou "
        "quand les membres d'une équipe n'ont pas tous vécu les mêmes étapes.",
        "when_en": "At the start of capitalising on a project, for an end-of-project "
        "evaluation, or when team members did not all live the same stages.",
        "steps_fr": "1. Tracez une longue ligne au mur avec les années ou les mois.\n"
        "2. Chacun note sur des fiches les événements qui ont compté pour lui.\n"
        "3. On place les fiches sur la ligne : au-dessus les moments positifs, en dessous "
        "les moments difficiles.\n"
        "4. On raconte la ligne ensemble, du début à la fin.\n"
        "5. On repère les tournants et ce qui les a provoqués.",
        "steps_en": "1. Draw a long line on the wall with the years or months.\n"
        "2. Everyone writes on cards the events that mattered to them.\n"
        "3. Cards go on the line: good moments above, hard moments below.\n"
        "4. The line is told together, from beginning to end.\n"
        "5. The group spots the turning points and what brought them about.",
        "materials_fr": "Une bande de papier longue (ou plusieurs feuilles collées), fiches "
        "de deux couleurs, marqueurs.",
        "materials_en": "A long strip of paper (or several sheets taped together), cards in two "
        "colours, markers.",
        "tips_fr": "Invitez des personnes qui ont connu le début du projet, même si elles "
        "l'ont quitté depuis.",
        "tips_en": "Invite people who knew the start of the project, even if they have left "
        "it since.",
        "duration_min": 45,
        "duration_max": 120,
        "group_min": 4,
        "group_max": 25,
    },
]


def seed(apps, schema_editor):
    FacilitationTool = apps.get_model("workshops", "FacilitationTool")
    for tool in TOOLS:
        FacilitationTool.objects.get_or_create(
            slug=tool["slug"], defaults={**tool, "builtin": True}
        )


class Migration(migrations.Migration):
    dependencies = [("workshops", "0001_workshops_agenda_restitutions_actions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
