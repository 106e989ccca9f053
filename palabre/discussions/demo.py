"""Demo discussions: questions on demo practices and in theme spaces, answered in French.

Written straight into the tables (with their mentions), so loading the demo
sends no e-mail; a few in-app notifications show what people are told.
Safe to run again: every thread and answer has a stable key.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from palabre.discussions.mentions import find_mentions
from palabre.discussions.models import (
    Answer,
    Mention,
    Space,
    Subscription,
    Thread,
    UsefulMark,
)
from palabre.notifications.models import Notification
from palabre.themes.models import Theme

# key, space ("practice:<key>" or "theme:<slug>"), kind, author, title, body, days ago,
# answers [(author, body, quotes answer n or None)], accepted answer index or None,
# useful marks [(answer index, person)], hidden [(answer index, by, reason)]
THREADS = [
    {
        "key": "taux-warrantage",
        "space": "practice:warrantage-ropa",
        "kind": "question",
        "author": "awa.bello@fal.example",
        "title": "Comment avez-vous négocié le taux d'intérêt avec la caisse ?",
        "body": (
            "Bonjour, nous voulons essayer le warrantage avec nos groupements de Douala, mais "
            "notre caisse propose 3 % par mois. Comment êtes-vous arrivés à 1,5 % ? Avez-vous "
            "mis en concurrence plusieurs caisses ?"
        ),
        "days": 40,
        "answers": [
            (
                "bouba@ropa.example",
                "Bonjour Awa,\n\nNous n'avons pas mis les caisses en concurrence : nous avons "
                "montré à MC² les chiffres de remboursement de la première campagne pilote "
                "(100 %). Le taux a baissé à la deuxième campagne, pas avant.\n\n"
                "- Commencez petit, avec un seul magasin ;\n"
                "- Gardez une des deux clés : c'est ce qui rassure la caisse ;\n"
                "- Négociez le taux **après** une campagne réussie.",
                None,
            ),
            (
                "haoua@ropa.example",
                "J'ajoute qu'il faut inviter l'agent de crédit à la pesée des sacs : il voit "
                "lui-même la qualité du maïs, et la confiance vient plus vite.",
                0,
            ),
            (
                "kouam@cofetrab.example",
                "Merci, c'est très utile pour nous aussi avec le manioc séché. @Boubakari Yaya, "
                "est-ce que le manioc se garde aussi bien que le maïs ?",
                None,
            ),
        ],
        "accepted": 0,
        "useful": [
            (0, "awa.bello@fal.example"),
            (0, "kouam@cofetrab.example"),
            (1, "awa.bello@fal.example"),
        ],
        "hidden": [],
    },
    {
        "key": "redevance-refus",
        "space": "practice:comites-points-eau-adecob",
        "kind": "question",
        "author": "ngarlem@atea.example",
        "title": "Que faites-vous quand des ménages refusent de payer la redevance ?",
        "body": (
            "À Moundou, un tiers des ménages ne paie plus la redevance du forage depuis la "
            "dernière panne. Le comité n'ose pas fermer le point d'eau. Comment faites-vous à "
            "Bafut ?"
        ),
        "days": 25,
        "answers": [
            (
                "fotso@adecob.example",
                "Chez nous, le comité affiche chaque mois, à côté du forage, ce qui est entré "
                "dans la caisse et ce qui a été dépensé. Quand les gens voient que l'argent a "
                "servi à la réparation, la plupart reprennent. Pour les autres, c'est le chef "
                "de quartier qui discute avec eux, pas le comité.",
                None,
            ),
            (
                "achta@atea.example",
                "Nous allons essayer l'affichage mensuel dans deux villages. Merci !",
                0,
            ),
        ],
        "accepted": 0,
        "useful": [(0, "ngarlem@atea.example"), (0, "achta@atea.example")],
        "hidden": [],
    },
    {
        "key": "defraiement-animateurs",
        "space": "practice:animateurs-benevoles-adecob",
        "kind": "question",
        "author": "nkeng@adecob.example",
        "title": "Quel défraiement pour les animateurs bénévoles en saison des pluies ?",
        "body": (
            "Les déplacements coûtent plus cher quand les pistes sont coupées. Faut-il "
            "augmenter le forfait de transport de juin à septembre ?"
        ),
        "days": 12,
        "answers": [
            (
                "etoundi@adecob.example",
                "Oui, nous l'avons fait l'an dernier : 1 500 FCFA de plus par sortie, mais "
                "seulement pour les villages au-delà de la rivière.",
                None,
            ),
        ],
        "accepted": None,
        "useful": [],
        "hidden": [],
    },
    {
        "key": "avec-manioc",
        "space": "practice:avec-fumeuses-fal",
        "kind": "discussion",
        "author": "kouam@cofetrab.example",
        "title": "Nous avons adapté les AVEC aux transformatrices de manioc",
        "body": (
            "Après avoir lu votre fiche, nous avons lancé deux AVEC à Bertoua. Différence "
            "principale : les cotisations se font le jour du marché, pas le dimanche."
        ),
        "days": 18,
        "answers": [
            (
                "awa.bello@fal.example",
                "Quelle bonne idée ! Le jour du marché, les femmes ont de l'argent en poche. "
                "Combien de membres par groupe ?",
                None,
            ),
            (
                "nadege@cofetrab.example",
                "Vingt-deux dans le premier groupe, dix-huit dans le second. Nous tenons le "
                "cahier avec des pictogrammes.",
                0,
            ),
        ],
        "accepted": None,
        "useful": [(1, "awa.bello@fal.example")],
        "hidden": [],
    },
    {
        "key": "motiver-relais",
        "space": "practice:relais-paludisme-spt",
        "kind": "question",
        "author": "aissatou@een.example",
        "title": "Comment garder des relais motivés sans leur verser de salaire ?",
        "body": "Nos relais d'alphabétisation abandonnent après six mois. Qu'est-ce qui a marché pour vous ?",
        "days": 9,
        "answers": [
            (
                "abena@spt.example",
                "Trois choses ont compté pour nous : une petite prime par ménage visité, une "
                "formation tous les trimestres (les relais aiment apprendre) et la remise d'un "
                "certificat en réunion de village.",
                None,
            ),
            (
                "mabiala@jsb.example",
                "Chez les jeunes, la reconnaissance publique compte beaucoup : un badge, un "
                "tee-shirt, une lettre de recommandation pour un emploi.",
                None,
            ),
        ],
        "accepted": 0,
        "useful": [(0, "aissatou@een.example"), (1, "aissatou@een.example")],
        "hidden": [],
    },
    {
        "key": "femmes-assemblees",
        "space": "practice:budget-participatif-nkolmeyang",
        "kind": "question",
        "author": "obiang@bpntem.example",
        "title": "Comment faire venir les femmes aux assemblées de quartier ?",
        "body": (
            "Dans nos réunions de suivi des microprojets, les femmes ne représentent pas un "
            "participant sur cinq. Avez-vous changé l'horaire ou le lieu des assemblées ?"
        ),
        "days": 5,
        "answers": [],
        "accepted": None,
        "useful": [],
        "hidden": [],
    },
    {
        "key": "indicateurs-formation",
        "space": "theme:suivi-evaluation",
        "kind": "question",
        "author": "ngono@fcdl.example",
        "title": "Quels indicateurs simples pour suivre les effets d'une formation ?",
        "body": (
            "Nos partenaires comptent les participants, mais pas ce qui change ensuite. "
            "Quels indicateurs faciles à collecter utilisez-vous trois mois après une formation ?"
        ),
        "days": 30,
        "answers": [
            (
                "nkeng@adecob.example",
                "Nous revenons voir trois participants sur dix, au hasard, et nous leur "
                "demandons de montrer ce qu'ils font autrement. Nous prenons une photo : "
                "c'est notre indicateur principal, « pratique observée ».",
                None,
            ),
            (
                "moussa.hamadou@palabre.example",
                "La méthode de @Grace Nkeng est décrite dans sa fiche sur le suivi par la "
                "photo. On peut y ajouter une question simple : « Qu'avez-vous appris que vous "
                "avez déjà utilisé ? »",
                0,
            ),
        ],
        "accepted": 0,
        "useful": [(0, "ngono@fcdl.example"), (0, "moussa.hamadou@palabre.example")],
        "hidden": [],
    },
    {
        "key": "fondations-locales",
        "space": "theme:mobilisation-ressources",
        "kind": "discussion",
        "author": "mabiala@jsb.example",
        "title": "Vos expériences avec les fondations d'entreprises locales ?",
        "body": "Nous cherchons à financer un chantier-école. Des conseils pour approcher les fondations des entreprises ?",
        "days": 15,
        "answers": [
            (
                "ondoua@nkolmeyang.example",
                "Passez par la commune : les entreprises qui travaillent sur son territoire "
                "préfèrent financer un projet que la mairie soutient publiquement.",
                None,
            ),
        ],
        "accepted": None,
        "useful": [(0, "mabiala@jsb.example")],
        "hidden": [],
    },
    {
        "key": "cahier-caisse",
        "space": "theme:gestion-financiere",
        "kind": "question",
        "author": "nadege@cofetrab.example",
        "title": "Un cahier de caisse simple pour des membres qui lisent peu ?",
        "body": (
            "Plusieurs de nos membres lisent difficilement. Avez-vous un modèle de cahier de "
            "caisse avec des dessins ou des couleurs ?"
        ),
        "days": 3,
        "answers": [],
        "accepted": None,
        "useful": [],
        "hidden": [],
    },
    {
        "key": "genre-comites",
        "space": "theme:genre-inclusion",
        "kind": "discussion",
        "author": "ekambi@fal.example",
        "title": "Des femmes présidentes de comités : qu'est-ce qui change ?",
        "body": "Dans nos groupements, les comités présidés par des femmes remboursent mieux. Est-ce aussi votre expérience ?",
        "days": 20,
        "answers": [
            (
                "aissatou@een.example",
                "Oui, dans nos cantines scolaires aussi. Mais il a fallu former les hommes du "
                "comité à accepter leurs décisions !",
                None,
            ),
            (
                "djibrilla@een.example",
                "Achetez vos semences chez nous, prix imbattables, appelez le 6XX XX XX XX.",
                None,
            ),
        ],
        "accepted": None,
        "useful": [(0, "ekambi@fal.example")],
        "hidden": [(1, "animatrice@palabre.example", "Publicité sans rapport avec la discussion")],
    },
]

SUBSCRIPTIONS = [
    ("awa.bello@fal.example", "theme", "epargne-microfinance"),
    ("nkeng@adecob.example", "theme", "suivi-evaluation"),
    ("ngarlem@atea.example", "practice", "comites-points-eau-adecob"),
    ("aissatou@een.example", "organisation", "spt-cam"),
    ("kouam@cofetrab.example", "practice", "warrantage-ropa"),
]


def _space(reference: str, practices: dict) -> Space | None:
    kind, key = reference.split(":", 1)
    if kind == "practice":
        practice = practices.get(key)
        if practice is None:
            return None
        return Space.objects.get_or_create(kind=Space.Kind.PRACTICE, practice=practice)[0]
    theme = Theme.objects.filter(slug=key).first()
    if theme is None:
        return None
    return Space.objects.get_or_create(kind=Space.Kind.THEME, theme=theme)[0]


def _mentions(thread: Thread, answer: Answer | None, body: str) -> None:
    from palabre.permissions import discussions as rules

    for found in find_mentions(body):
        if rules.can_view(found.user, answer or thread):
            Mention.objects.get_or_create(
                thread=thread, answer=answer, user=found.user, defaults={"text": found.text}
            )


def load(context) -> None:
    people, practices = context["people"], context.get("practices", {})
    now = timezone.now()
    for item in THREADS:
        space = _space(item["space"], practices)
        author = people.get(item["author"])
        if space is None or author is None:
            continue
        created = now - timedelta(days=item["days"], hours=3)
        thread, _new = Thread.objects.update_or_create(
            author=author,
            submission_key=f"demo:{item['key']}",
            defaults={
                "space": space,
                "kind": item["kind"],
                "title": item["title"],
                "body": item["body"],
                "language": "fr",
                "created_at": created,
                "last_activity_at": created,
            },
        )
        _mentions(thread, None, thread.body)
        Subscription.objects.get_or_create(user=author, kind="thread", thread=thread)
        answers = []
        for n, (email, body, quotes) in enumerate(item["answers"]):
            when = created + timedelta(hours=5 + 20 * n)
            answer, _new = Answer.objects.update_or_create(
                author=people[email],
                submission_key=f"demo:{item['key']}:{n}",
                defaults={
                    "thread": thread,
                    "body": body,
                    "quoted": answers[quotes] if quotes is not None else None,
                    "created_at": when,
                },
            )
            answers.append(answer)
            _mentions(thread, answer, body)
            Subscription.objects.get_or_create(user=people[email], kind="thread", thread=thread)
            thread.last_activity_at = when
        for index, email in item["useful"]:
            UsefulMark.objects.get_or_create(answer=answers[index], user=people[email])
        for index, email, reason in item["hidden"]:
            Answer.objects.filter(pk=answers[index].pk).update(
                hidden_at=answers[index].created_at + timedelta(hours=2),
                hidden_by=people[email],
                hidden_reason=reason,
            )
        if item["accepted"] is not None:
            thread.accepted_answer = answers[item["accepted"]]
            thread.accepted_by = author
            thread.accepted_at = answers[item["accepted"]].created_at + timedelta(hours=6)
        thread.save()
        _tell_demo(thread, answers, people, item)
    for email, kind, key in SUBSCRIPTIONS:
        user = people.get(email)
        target = _target(kind, key, practices, context)
        if user is not None and target is not None:
            Subscription.objects.get_or_create(user=user, kind=kind, **{kind: target})
    from palabre.discussions.search import index_thread

    for thread in Thread.objects.all():
        index_thread(thread)


def _target(kind: str, key: str, practices: dict, context):
    if kind == "practice":
        return practices.get(key)
    if kind == "theme":
        return Theme.objects.filter(slug=key).first()
    return context["organisations"].get(key)


def _tell_demo(thread: Thread, answers: list[Answer], people: dict, item: dict) -> None:
    """A few unread notifications, as people would have received them (in French)."""
    space = thread.space
    if space.kind == Space.Kind.PRACTICE:
        for person in space.practice.authors.all():
            if person.pk == thread.author_id or person.language != "fr":
                continue
            Notification.objects.get_or_create(
                recipient=person,
                kind="discussions.question",
                target_type="discussions.thread",
                target_id=str(thread.pk),
                defaults={
                    "title": f"{thread.author} pose une question sur votre pratique "
                    f"« {space.practice.title} » : « {thread.title} »",
                    "body": thread.body[:280],
                    "url": thread.get_absolute_url(),
                    "actor": thread.author,
                },
            )
    if answers and thread.author.language == "fr":
        first = answers[0]
        Notification.objects.get_or_create(
            recipient=thread.author,
            kind="discussions.answer",
            target_type="discussions.answer",
            target_id=str(first.pk),
            defaults={
                "title": f"{first.author} a répondu dans « {thread.title} »",
                "body": first.body[:280],
                "url": first.get_absolute_url(),
                "actor": first.author,
            },
        )
