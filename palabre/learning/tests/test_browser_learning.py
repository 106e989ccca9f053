"""In a real browser, on a phone: a facilitator builds a training from two practices, writes
its quiz, publishes it and schedules a session; a member of another organisation registers,
answers the quiz before, attends, answers it after and evaluates; months later they say
they applied it, and the adoption shows on the practice's page.

Learning's own words may still be in English while its French catalogue is compiled: the
texts of its pages are matched in both languages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import fits_the_phone, log_out
from conftest import log_in as shared_log_in
from palabre.adoptions.models import Adoption
from palabre.learning.models import FollowUp, QuizAttempt, Training, TrainingSession
from palabre.learning.services.followups import follow_ups_ask
from palabre.workshops.models import Attendance, Evaluation, Registration, Session, Workshop

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

WATER = "Des comités de points d'eau qui lisent leurs comptes en public"
BOREHOLE = "Un comité de forage qui a cessé de collecter : huit mois sans eau"
TITLE = "Comités de points d'eau : tenir et lire les comptes en public"
QUESTIONS = [
    (
        "À quelle fréquence le comité lit-il ses comptes devant le village ?",
        ["Une fois par an", "* Tous les trois mois, à une date annoncée", "Quand on le demande"],
        "Tous les trois mois : assez souvent pour que personne n'oublie où va la redevance.",
    ),
    (
        "Qui garde la clé de la caisse du comité ?",
        ["Le fontainier", "* Deux personnes, chacune avec sa clé", "Le président seul"],
        "Deux clés, deux personnes : aucune sortie d'argent ne se fait seul.",
    ),
]


def words(*texts: str) -> re.Pattern:
    """A page's words in French or in English (learning's catalogue may be compiled later)."""
    return re.compile("|".join(re.sub(r"([.?*+()\[\]|^$])", r"\\\1", t) for t in texts))


def log_in(page, email):
    shared_log_in(page, email)
    page.wait_for_url(re.compile(r"/$"))


def move(workshop: Workshop, days: int) -> None:
    """Move the workshop (its days and agenda) by that many days: the day comes, months pass."""
    workshop.refresh_from_db()
    delta = timedelta(days=days)
    Workshop.objects.filter(pk=workshop.pk).update(
        start_date=workshop.start_date + delta, end_date=workshop.end_date + delta
    )
    for item in Session.objects.filter(workshop=workshop):
        item.starts_at += delta
        item.ends_at += delta
        item.save(update_fields=["starts_at", "ends_at"])


def look(page, screenshot, name):
    screenshot(page, name)
    fits_the_phone(page)


def test_a_training_from_two_practices_to_an_adoption_on_a_phone(
    phone, screenshot, make_practice, author, outsider, facilitator, org_a
):
    water = make_practice(author, visibility="public", title=WATER)
    borehole = make_practice(author, visibility="network", title=BOREHOLE)

    # The facilitator builds a training from the practice's page, with a second practice.
    log_in(phone, facilitator.email)
    phone.goto(water.get_absolute_url())
    phone.get_by_role(
        "link",
        name=words(
            "Construire une formation à partir de cette pratique",
            "Build a training from this practice",
        ),
    ).click()
    phone.wait_for_url(re.compile(r"/trainings/new/\?practice="))
    phone.get_by_label(re.compile("^(Titre|Title)")).fill(TITLE)
    phone.get_by_label(re.compile("^(Objectifs|Objectives)")).fill(
        "Tenir le cahier de caisse et lire les comptes en public."
    )
    phone.get_by_label(re.compile("^(Pour qui|For whom)")).fill("Trésoriers de comités")
    phone.get_by_label(re.compile("^Organisation")).select_option(value=str(org_a.pk))
    expect(phone.get_by_role("checkbox", name=WATER)).to_be_checked()
    phone.get_by_role("checkbox", name=BOREHOLE).check()
    look(phone, screenshot, "1-build")
    phone.get_by_role("button", name=words("Créer la formation", "Create the training")).click()
    phone.wait_for_url(re.compile(r"/trainings/\d+/edit/$"))
    training = Training.objects.get()
    assert set(training.practices.all()) == {water, borehole}
    assert training.status == "draft" and training.trainers.get() == facilitator
    look(phone, screenshot, "2-edit")

    # Two questions in the quiz editor (reached from the training's page when it links it).
    phone.goto(training.get_absolute_url())
    editor = phone.locator(f'a[href="/trainings/{training.pk}/quiz/"]')
    if editor.count():
        editor.first.click()
    else:
        phone.goto(f"/trainings/{training.pk}/quiz/")
    for text, options, explanation in QUESTIONS:
        phone.get_by_label(re.compile("^(Question)")).fill(text)
        phone.get_by_label(re.compile("^(Réponses possibles|Possible answers)")).fill(
            "\n".join(options)
        )
        phone.get_by_label(re.compile("^(Explication|Explanation)")).fill(explanation)
        phone.get_by_role("button", name=words("Ajouter la question", "Add the question")).click()
        expect(phone.locator("main")).to_contain_text(text)
    assert training.questions.count() == 2
    look(phone, screenshot, "3-quiz-editor")

    # Submitted, then published by the facilitator (who reviews), then a session scheduled.
    phone.goto(training.get_absolute_url())
    phone.get_by_role("button", name=words("Soumettre pour relecture", "Submit for review")).click()
    phone.get_by_role("button", name=re.compile("^(Publier|Publish)$")).click()
    expect(phone.locator(".messages")).to_be_visible()
    training.refresh_from_db()
    assert training.status == "published"
    look(phone, screenshot, "4-published")
    phone.get_by_role("link", name=words("Programmer une session", "Schedule a session")).click()
    start = timezone.localdate() + timedelta(days=10)
    phone.locator("#id_start_date").fill(start.isoformat())
    phone.locator("#id_venue").fill("Salle paroissiale")
    phone.locator("#id_city").fill("Bafut")
    phone.locator("#id_capacity").fill("12")
    look(phone, screenshot, "5-schedule")
    phone.get_by_role("button", name=words("Programmer la session", "Schedule the session")).click()
    phone.wait_for_url(re.compile(r"/training-sessions/\d+/$"))
    session = TrainingSession.objects.get()
    workshop = session.workshop
    assert workshop.kind == "training" and workshop.start_date == start
    look(phone, screenshot, "6-session")
    log_out(phone)

    # A member of another organisation finds it in the catalogue, registers, takes the quiz.
    log_in(phone, outsider.email)
    phone.goto("/trainings/")
    phone.get_by_role("link", name=TITLE).first.click()
    look(phone, screenshot, "7-training-page")
    phone.locator(f'a[href="/training-sessions/{session.pk}/"]').first.click()
    phone.get_by_role("button", name=re.compile("^(S'inscrire|Register)$")).click()
    registration = Registration.objects.get(workshop=workshop, person=outsider)
    assert registration.status == "confirmed"
    phone.goto(session.get_absolute_url())
    look(phone, screenshot, "8-registered")
    phone.get_by_role(
        "link", name=words("Quiz avant la session", "Quiz before the session")
    ).click()
    phone.get_by_label("Une fois par an").check()  # wrong
    phone.get_by_label("Deux personnes, chacune avec sa clé").check()  # right
    look(phone, screenshot, "9-quiz-before")
    phone.get_by_role("button", name=words("Envoyer mes réponses", "Send my answers")).click()
    expect(phone.locator("main")).to_contain_text(re.compile("1 .* 2"))
    before = QuizAttempt.objects.get(person=outsider, moment="before")
    assert (before.score, before.out_of) == (1, 2)
    look(phone, screenshot, "10-quiz-before-done")
    log_out(phone)

    # The day comes: the facilitator takes attendance from the session's page.
    move(workshop, (timezone.localdate() - start).days)
    log_in(phone, facilitator.email)
    phone.goto(session.get_absolute_url())
    phone.locator(
        f'a[href*="/workshops/{workshop.pk}/sessions/"][href$="/attendance/"]'
    ).first.click()
    phone.get_by_label(outsider.display_name).check()
    look(phone, screenshot, "11-attendance")
    phone.get_by_role("button", name="Enregistrer les présences").click()
    expect(phone.locator(".messages")).to_contain_text("Présences enregistrées")
    assert Attendance.objects.get(person=outsider).present
    log_out(phone)

    # The member answers the quiz after the session, then evaluates it.
    log_in(phone, outsider.email)
    phone.goto(session.get_absolute_url())
    phone.get_by_role("link", name=words("Quiz après la session", "Quiz after the session")).click()
    phone.get_by_label("Tous les trois mois, à une date annoncée").check()
    phone.get_by_label("Deux personnes, chacune avec sa clé").check()
    phone.get_by_role("button", name=words("Envoyer mes réponses", "Send my answers")).click()
    after = QuizAttempt.objects.get(person=outsider, moment="after")
    assert (after.score, after.out_of) == (2, 2)
    expect(phone.locator("main")).to_contain_text(QUESTIONS[0][2])  # explanations shown now
    look(phone, screenshot, "12-quiz-after")
    phone.goto(session.get_absolute_url())
    look(phone, screenshot, "13-session-after")
    phone.get_by_role("link", name=words("Évaluer la session", "Evaluate the session")).click()
    phone.locator("#id_overall_3").check()
    phone.get_by_label(re.compile("^Qu'est-ce qui vous a été le plus utile")).fill(
        "La lecture des comptes devant le village."
    )
    look(phone, screenshot, "14-evaluation")
    phone.get_by_role("button", name="Envoyer mon évaluation").click()
    expect(phone.locator(".messages")).to_contain_text("Merci pour votre évaluation")
    assert Evaluation.objects.get(person=outsider).overall == 4

    # Months pass; the daily job asks; the member answers "yes" from the notification.
    move(workshop, -130)
    assert follow_ups_ask() == 1
    follow_up = FollowUp.objects.get()
    assert follow_up.person == outsider
    phone.goto("/")
    phone.locator(".bell").click()
    look(phone, screenshot, "15-notified")
    phone.get_by_role(
        "button",
        name=words("Avez-vous appliqué ce que vous avez appris", "Did you apply what you learned"),
    ).first.click()
    phone.wait_for_url(re.compile(rf"/training-follow-ups/{follow_up.pk}/$"))
    phone.locator("input[name=applied][value=yes]").check()
    phone.locator("textarea[name=note]").fill(
        "Notre comité lit ses comptes chaque trimestre depuis la rentrée."
    )
    look(phone, screenshot, "16-follow-up")
    phone.get_by_role("button", name=words("Envoyer ma réponse", "Send my answer")).click()
    follow_up.refresh_from_db()
    assert follow_up.applied is True and follow_up.adoption is not None
    adoptions = Adoption.objects.filter(organisation=outsider.memberships.get().organisation)
    assert set(adoptions.values_list("practice", flat=True)) == {water.pk, borehole.pk}
    look(phone, screenshot, "17-follow-up-answered")
    log_out(phone)

    # The practice's page shows the adoption to everyone; to members, those trained who applied it.
    phone.goto(water.get_absolute_url())
    expect(phone.locator("main")).to_contain_text(re.compile(r"1\s*adoption"))
    look(phone, screenshot, "18-practice-anonymous")
    log_in(phone, author.email)
    phone.goto(water.get_absolute_url())
    main = phone.locator("main")
    expect(main).to_contain_text(re.compile(r"(Personnes formées|Trained)\s*:\s*1"))
    expect(main).to_contain_text(re.compile(r"(appliqué|applied)[^:]*:\s*1"))
    expect(main).to_contain_text(outsider.memberships.get().organisation.acronym)
    look(phone, screenshot, "19-practice")
