"""A labelled set for measuring search quality: records and queries whose relevant records
are known by construction (bench/relevance.py runs it).

Each record is *about* one subject (sometimes two) of a fixed list: the subject's words are
in its title, or in its summary, or only in its body, several times, in various forms
(singular, plural, feminine, with « l' » or « d' »). Most records also *mention* three
other subjects once, in passing: they match those words without being about them, so a
search must rank what is about a subject first. Other records are about nothing in the
list. A query is relevant to exactly the records about all of its subjects.

Queries are of six kinds: plain, without accents, inflected (another form than the
usual one), English, typos, apostrophes. Everything is drawn from a seeded random
generator: the same seed gives the same records and queries.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

KINDS = ("plain", "no accents", "inflected", "english", "typos", "apostrophes")


@dataclass(frozen=True)
class Subject:
    key: str
    # Noun phrases that name the subject, as records write them.
    mentions: tuple[str, ...]
    # What people type for it: its usual form, and other forms that records may not use.
    query: str
    inflected: tuple[str, ...] = ()
    elided: tuple[str, ...] = ()  # queries with an apostrophe ("l'eau")
    language: str = "fr"
    size: tuple[int, int] = (18, 45)  # how many records are about it
    companion: str = ""  # a subject that records about this one often have too


def _s(key, mentions, query=None, inflected=(), elided=(), **kwargs) -> Subject:
    return Subject(key, tuple(mentions), query or key, tuple(inflected), tuple(elided), **kwargs)


# fmt: off
FRENCH = [
    # Words the French stemmer cuts differently with and without accents.
    _s("redevabilité", ["la redevabilité des élus", "la redevabilité", "une redevabilité réelle"]),
    _s("comptabilité", ["la comptabilité", "une comptabilité simple", "la comptabilité du groupe"]),
    _s("assiduité", ["l'assiduité", "l'assiduité des élèves", "une bonne assiduité"],
       elided=["l'assiduité"]),
    _s("égalité", ["l'égalité", "l'égalité entre filles et garçons", "plus d'égalité"],
       elided=["l'égalité"]),
    _s("assemblée", ["l'assemblée générale", "les assemblées villageoises", "une assemblée"],
       inflected=["assemblées"], elided=["l'assemblée"]),
    _s("diarrhée", ["la diarrhée", "les diarrhées des enfants", "les cas de diarrhée"],
       inflected=["diarrhées"]),
    _s("pépinière", ["la pépinière", "les pépinières", "une pépinière communautaire"],
       inflected=["pépinières"], companion="reboisement"),
    _s("sécheresse", ["la sécheresse", "les sécheresses", "une longue sécheresse"],
       inflected=["sécheresses"]),
    _s("trésorier", ["le trésorier", "la trésorière", "les trésorières"],
       inflected=["trésorières", "trésoriers"]),
    _s("coopérative", ["la coopérative", "les coopératives", "une coopérative de femmes"],
       inflected=["coopératives"]),
    _s("santé", ["la santé", "la santé des mères", "les agents de santé"]),
    # Singular and plural, masculine and feminine, that the stemmer keeps apart.
    _s("plaidoyer", ["le plaidoyer", "un plaidoyer", "le plaidoyer auprès du maire"],
       inflected=["plaidoyers"]),
    _s("crédit", ["le crédit", "un crédit", "le crédit aux membres"], inflected=["crédits"]),
    _s("conseiller", ["les conseillers", "les conseillères", "une conseillère"],
       inflected=["conseillère", "conseillères"]),
    _s("tuyau", ["les tuyaux", "un tuyau", "les tuyaux percés"], inflected=["tuyaux"]),
    _s("travaux", ["les travaux", "les travaux collectifs", "des travaux"],
       inflected=["travail"]),
    _s("agriculteur", ["les agriculteurs", "les agricultrices", "une agricultrice"],
       inflected=["agricultrices", "agricultrice"]),
    _s("vendeuse", ["les vendeuses", "une vendeuse", "les vendeuses du marché"],
       inflected=["vendeur", "vendeurs"]),
    _s("animatrice", ["l'animatrice", "les animatrices", "une animatrice"],
       inflected=["animateur", "animateurs"], elided=["l'animatrice"]),
    _s("canal", ["le canal", "les canaux", "un canal d'amenée"], inflected=["canaux"]),
    _s("cahier", ["le cahier", "les cahiers", "un cahier de caisse"], inflected=["cahiers"]),
    _s("pirogue", ["la pirogue", "les pirogues", "une pirogue motorisée"],
       inflected=["pirogues"]),
    # Words of the field.
    _s("forage", ["le forage", "les forages", "un forage équipé"], inflected=["forages"],
       companion="pompe"),
    _s("fourrage", ["le fourrage", "les fourrages", "du fourrage sec"],
       inflected=["fourrages"], size=(40, 60), companion="bétail"),
    _s("pompe", ["la pompe", "les pompes", "une pompe manuelle"], inflected=["pompes"]),
    _s("bétail", ["le bétail", "du bétail", "le bétail des éleveurs"]),
    _s("latrine", ["les latrines", "une latrine", "les latrines familiales"],
       inflected=["latrine"], query="latrines", companion="hygiène"),
    _s("tontine", ["la tontine", "les tontines", "une tontine de femmes"],
       inflected=["tontines"], companion="épargne", size=(35, 50)),
    _s("semence", ["les semences", "une semence", "les semences améliorées"],
       inflected=["semence"], query="semences"),
    _s("vaccination", ["la vaccination", "les vaccinations", "une campagne de vaccination"],
       inflected=["vaccinations"]),
    _s("moustiquaire", ["les moustiquaires", "une moustiquaire", "des moustiquaires imprégnées"],
       inflected=["moustiquaire"], query="moustiquaires"),
    _s("compostage", ["le compostage", "un compostage en tas", "le compostage des déchets"]),
    _s("warrantage", ["le warrantage", "un warrantage", "le warrantage du maïs"]),
    _s("mutuelle", ["la mutuelle", "les mutuelles", "une mutuelle communautaire"],
       inflected=["mutuelles"]),
    _s("irrigation", ["l'irrigation", "un réseau d'irrigation", "l'irrigation goutte à goutte"],
       elided=["l'irrigation", "d'irrigation"]),
    _s("eau", ["l'eau", "un point d'eau", "l'eau de boisson"], inflected=["eaux"],
       elided=["l'eau", "d'eau"]),
    _s("assainissement", ["l'assainissement", "l'assainissement du quartier",
                          "un plan d'assainissement"],
       elided=["l'assainissement", "d'assainissement"]),
    _s("apiculture", ["l'apiculture", "une apiculture moderne", "l'apiculture en forêt"],
       elided=["l'apiculture"]),
    _s("école", ["l'école", "les écoles", "une école primaire"], inflected=["écoles"],
       elided=["l'école"]),
    _s("cantine", ["la cantine", "les cantines", "une cantine scolaire"],
       inflected=["cantines"]),
    _s("paludisme", ["le paludisme", "les cas de paludisme", "le paludisme grave"]),
    _s("manioc", ["le manioc", "les boutures de manioc", "le manioc transformé"]),
    _s("arachide", ["l'arachide", "les arachides", "une huile d'arachide"],
       inflected=["arachides"], elided=["l'arachide", "d'arachide"]),
    _s("épargne", ["l'épargne", "un groupe d'épargne", "l'épargne des femmes"],
       elided=["l'épargne", "d'épargne"]),
    _s("hygiène", ["l'hygiène", "les règles d'hygiène", "l'hygiène des mains"],
       elided=["l'hygiène", "d'hygiène"]),
    _s("élevage", ["l'élevage", "les élevages", "un élevage de poulets"],
       inflected=["élevages"], elided=["l'élevage", "d'élevage"]),
    _s("alphabétisation", ["l'alphabétisation", "les cours d'alphabétisation",
                           "l'alphabétisation des adultes"],
       elided=["l'alphabétisation", "d'alphabétisation"]),
    _s("reboisement", ["le reboisement", "un reboisement", "le reboisement des collines"]),
    _s("transhumance", ["la transhumance", "les couloirs de transhumance",
                        "une transhumance apaisée"]),
    _s("maraîchage", ["le maraîchage", "un maraîchage de saison sèche", "le maraîchage bio"]),
    _s("sorgho", ["le sorgho", "un champ de sorgho", "le sorgho rouge"]),
]

ENGLISH = [
    _s("beehive", ["the beehives", "a beehive", "modern beehives"], inflected=["beehives"],
       language="en"),
    _s("loan", ["the loans", "a loan", "small loans"], inflected=["loans"], language="en"),
    _s("rainwater", ["rainwater", "rainwater tanks", "the rainwater"], language="en"),
    _s("mentoring", ["mentoring", "the mentors", "a mentor"], inflected=["mentors"],
       language="en"),
    _s("borehole", ["the boreholes", "a borehole", "the borehole committee"],
       inflected=["boreholes"], language="en"),
    _s("seedling", ["the seedlings", "a seedling", "tree seedlings"], inflected=["seedlings"],
       language="en"),
    _s("midwife", ["the midwives", "a midwife", "trained midwives"], inflected=["midwives"],
       language="en"),
    _s("calf", ["the calves", "a calf", "young calves"], inflected=["calves"], language="en"),
    _s("orchard", ["the orchards", "an orchard", "mango orchards"], inflected=["orchards"],
       language="en"),
    _s("fishpond", ["the fishponds", "a fishpond", "family fishponds"],
       inflected=["fishponds"], language="en"),
    _s("scholarship", ["the scholarships", "a scholarship", "school scholarships"],
       inflected=["scholarships"], language="en"),
    _s("cassava", ["cassava", "cassava flour", "the cassava harvest"], language="en"),
]

# fmt: on

SUBJECTS = {s.key: s for s in FRENCH + ENGLISH}

# Sentences that say nothing of any subject.
PLACES = ["Bafia", "Garoua", "Bertoua", "Kribi", "Dschang", "Ebolowa", "Maroua", "Limbé",
          "Mbalmayo", "Foumban", "Yokadouma", "Kumba", "Batouri", "Mora", "Sangmélima"]  # fmt: skip
# fmt: off
FILLER = {
    "fr": {
        "subjects": ["les membres", "le bureau", "les responsables", "les habitants",
                     "le groupe", "les jeunes", "les anciens", "la commune", "les familles",
                     "le chef du village", "les volontaires", "le comité"],
        "verbs": ["organisent", "préparent", "discutent", "suivent", "présentent",
                  "choisissent", "partagent", "notent", "revoient", "valident"],
        "objects": ["le calendrier", "les décisions", "le bilan", "les règles", "le programme",
                    "les tâches", "le budget annuel", "les rencontres", "les priorités",
                    "le rapport du trimestre", "les listes de présence", "les idées nouvelles"],
        "times": ["chaque mois", "chaque semaine", "depuis 2019", "après la saison des pluies",
                  "avant la rentrée", "deux fois par an", "en fin d'année"],
        "passing": ["On a aussi parlé de {m}.", "Une visite a montré {m} d'un village voisin.",
                    "La réunion a évoqué {m}, sans suite.", "Un invité a cité {m} en exemple."],
        "titles": ["Les réunions du groupe de {p}", "Comment {p} s'organise",
                   "Une année de rencontres à {p}", "Le bureau de {p} se renouvelle"],
        "about": ["{M} à {p}", "{p} : {m}", "Ce que {p} a appris avec {m}",
                  "{M}, l'expérience de {p}"],
        "sentences": ["{M} a changé la vie du village.", "Les familles parlent de {m}.",
                      "{M} demande du suivi.", "Le groupe a choisi {m} après un débat.",
                      "Tout le monde a vu {m} progresser.", "Les femmes ont porté {m}."],
    },
    "en": {
        "subjects": ["the members", "the board", "the leaders", "the villagers", "the group",
                     "the young people", "the elders", "the council", "the families",
                     "the volunteers"],
        "verbs": ["organise", "prepare", "discuss", "follow", "present", "choose", "share",
                  "review", "approve"],
        "objects": ["the calendar", "the decisions", "the yearly report", "the rules",
                    "the programme", "the tasks", "the annual budget", "the meetings",
                    "the priorities", "the attendance lists"],
        "times": ["every month", "every week", "since 2019", "after the rainy season",
                  "before the school year", "twice a year"],
        "passing": ["We also talked about {m}.", "A visit showed {m} in a nearby village.",
                    "The meeting touched on {m}, briefly.", "A guest quoted {m} as an example."],
        "titles": ["Meetings of the {p} group", "How {p} gets organised",
                   "A year of meetings in {p}", "The {p} board is renewed"],
        "about": ["{M} in {p}", "{p}: {m}", "What {p} learnt from {m}", "{M}, the {p} way"],
        "sentences": ["{M} changed village life.", "Families talk about {m}.",
                      "{M} needs follow-up.", "The group chose {m} after a debate.",
                      "Everyone saw {m} improve.", "Women carried {m} forward."],
    },
}
# fmt: on


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class Record:
    key: str  # external id
    language: str
    title: str
    summary: str
    context: str
    approach: str
    results: str
    lessons: str
    published: str  # ISO date
    about: frozenset[str] = field(default_factory=frozenset)


@dataclass
class Query:
    kind: str
    text: str
    subjects: tuple[str, ...]
    relevant: frozenset[str] = field(default_factory=frozenset)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _filler(rng: random.Random, language: str) -> str:
    words = FILLER[language]
    return _cap(
        f"{rng.choice(words['subjects'])} {rng.choice(words['verbs'])} "
        f"{rng.choice(words['objects'])} {rng.choice(words['times'])}."
    )


def _about(rng: random.Random, subject: Subject) -> str:
    mention = rng.choice(subject.mentions)
    return rng.choice(FILLER[subject.language]["sentences"]).format(M=_cap(mention), m=mention)


def _record(rng, n, language, about: list[Subject], others: list[Subject]) -> Record:
    words = FILLER[language]
    place = rng.choice(PLACES)
    body = [[_filler(rng, language) for _ in range(rng.randint(2, 4))] for _ in range(4)]
    title, summary = rng.choice(words["titles"]).format(p=place), _filler(rng, language)
    if about:
        main = about[0]
        where = rng.random()
        mention = rng.choice(main.mentions)
        if where < 0.55:  # in the title
            title = rng.choice(words["about"]).format(M=_cap(mention), m=mention, p=place)
        elif where < 0.75:  # in the summary
            summary = _about(rng, main) + " " + summary
        # Always several times in the body: the record is about it.
        for subject in about:
            for _ in range(rng.randint(2, 4) if subject is main else rng.randint(2, 3)):
                rng.choice(body).insert(rng.randint(0, 2), _about(rng, subject))
    for other in others:  # once, in passing
        mention = rng.choice(other.mentions)
        rng.choice(body).append(rng.choice(words["passing"]).format(m=mention))
    year, month = rng.randint(2015, 2026), rng.randint(1, 12)
    return Record(
        key=f"rel-{n:05d}",
        language=language,
        title=title[:200],
        summary=summary,
        context=" ".join(body[0]),
        approach=" ".join(body[1]),
        results=" ".join(body[2]),
        lessons=" ".join(body[3]),
        published=f"{year}-{month:02d}-{rng.randint(1, 28):02d}",
        about=frozenset(s.key for s in about),
    )


def records(seed: int = 2026, fillers: int = 900) -> list[Record]:
    rng = random.Random(seed)
    made: list[Record] = []
    for pool in (FRENCH, ENGLISH):
        for subject in pool:
            for _ in range(rng.randint(*subject.size)):
                about = [subject]
                if subject.companion and rng.random() < 0.4:
                    about.append(SUBJECTS[subject.companion])
                others = rng.sample([s for s in pool if s not in about], 3)
                made.append(_record(rng, len(made), subject.language, about, others))
        for _ in range(fillers if pool is FRENCH else fillers // 6):
            others = rng.sample(pool, 3)
            made.append(_record(rng, len(made), pool[0].language, [], others))
    rng.shuffle(made)
    return made


# Typos: one slip of the hand each (a letter left out, two swapped, one doubled, a
# neighbouring key), inside the word, as people make them.
NEIGHBOURS = {"a": "z", "e": "r", "i": "o", "o": "p", "u": "y", "n": "b", "s": "d",
              "t": "r", "r": "e", "l": "k", "c": "v", "m": "n", "g": "h", "p": "o"}  # fmt: skip


def typo(word: str, how: int) -> str:
    plain = fold(word)
    middle = range(1, len(plain) - 1)
    position = middle[(how * 7) % len(middle)]
    kind = how % 4
    if kind == 0:  # a letter left out
        return plain[:position] + plain[position + 1 :]
    if kind == 1:  # two letters swapped
        return plain[:position] + plain[position + 1] + plain[position] + plain[position + 2 :]
    if kind == 2:  # a letter doubled
        return plain[: position + 1] + plain[position] + plain[position + 1 :]
    letter = plain[position]
    return plain[:position] + NEIGHBOURS.get(letter, "e") + plain[position + 1 :]


def queries(made: list[Record]) -> list[Query]:
    """Every query with the records relevant to it (those about all of its subjects)."""
    found = []

    def add(kind, text, *subjects):
        relevant = frozenset(r.key for r in made if set(subjects) <= r.about)
        if relevant:
            found.append(Query(kind, text, subjects, relevant))

    vocabulary = {fold(w).lower() for r in made for w in _words(r)}
    for subject in FRENCH:
        add("plain", subject.query, subject.key)
        if fold(subject.query) != subject.query:
            add("no accents", fold(subject.query), subject.key)
        for form in subject.inflected:
            add("inflected", form, subject.key)
        for elided in subject.elided:
            add("apostrophes", elided, subject.key)
    for subject in FRENCH:
        if subject.companion:
            companion = SUBJECTS[subject.companion]
            both = (subject.key, companion.key)
            add("plain", f"{subject.query} {companion.query}", *both)
            add("no accents", fold(f"{companion.query} {subject.query}"), *both)
            if companion.elided:
                add("apostrophes", f"{subject.query} {companion.elided[-1]}", *both)
    for subject in ENGLISH:
        add("english", subject.query, subject.key)
        for form in subject.inflected:
            add("english", form, subject.key)
    # Typos in the longer words, and in a word next to another that tells which is meant.
    for how, subject in enumerate(s for s in FRENCH if len(fold(s.query)) >= 6):
        wrong = typo(subject.query, how)
        if wrong not in vocabulary:
            add("typos", wrong, subject.key)
    add("typos", "forrage pompe", "forage", "pompe")
    add("typos", "forrage bétail", "fourrage", "bétail")
    add("typos", "tontinne épargne", "tontine", "épargne")
    return found


def _words(record: Record) -> list[str]:
    import re

    parts = (record.title, record.summary, record.context, record.approach, record.results)
    text = " ".join([*parts, record.lessons])
    return re.findall(r"[^\W\d_]+", text.lower())
