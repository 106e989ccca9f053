"""In a real browser, on a phone: a member of one organisation thanks the answer of another's
author with a word; the author is told and finds the thanks on their contributor page; a
facilitator features a public practice with a reason, which visitors read on the home page."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import fits_the_phone, log_in, log_out
from palabre.discussions import services as discussions
from palabre.notifications.models import Notification
from palabre.recognition import kinds
from palabre.recognition.models import Feature, Thanks

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MESSAGE = "Merci ! Nous avons invité l'agent de crédit à la pesée, comme vous le conseillez."
REASON = "Des comptes présentés en public au village : une idée simple, déjà reprise ailleurs."


def test_a_member_thanks_an_answer_and_a_facilitator_features_a_practice(
    phone, screenshot, make_practice, author, outsider, facilitator
):
    practice = make_practice(author, visibility="network")
    public = make_practice(
        author,
        visibility="public",
        title="Des comités de points d'eau qui lisent leurs comptes en public",
    )
    thread = discussions.thread_create(
        space=discussions.space_for(practice),
        by=outsider,
        title="Comment avez-vous négocié le taux avec la caisse ?",
        body="Notre caisse propose 3 % par mois. Comment êtes-vous arrivés à 1,5 % ?",
    )
    answer = discussions.answer_post(
        thread=thread,
        by=author,
        body="Nous avons invité l'agent de crédit à la pesée des sacs : il a vu la qualité.",
    )
    Notification.objects.update(read_at=timezone.now())  # what they were told before

    # A member of another organisation thanks the answer, with a word.
    log_in(phone, outsider.email)
    phone.goto(thread.get_absolute_url())
    box = phone.locator(f"#thanks-answer-{answer.pk}")
    box.locator("summary", has_text="Ajouter un mot").click()
    box.get_by_label(re.compile("^Un mot avec votre merci")).fill(MESSAGE)
    screenshot(phone, "1-thanking")
    fits_the_phone(phone)
    box.get_by_role("button", name="Envoyer mon merci").click()
    expect(phone.get_by_text(re.compile("Merci envoyé"))).to_be_visible()
    expect(phone.get_by_text(re.compile("1 personne"))).to_be_visible()
    screenshot(phone, "2-thanked")
    fits_the_phone(phone)
    log_out(phone)
    thanks = Thanks.objects.get()
    assert (thanks.giver, thanks.kind, thanks.object_id) == (outsider, "answer", answer.pk)
    assert thanks.message == MESSAGE

    # The author is told, and finds the thanks and its word on their contributor page.
    log_in(phone, author.email)
    expect(phone.locator(".bell .count")).to_have_text("1")
    phone.locator(".bell").click()
    expect(phone.get_by_text(MESSAGE)).to_be_visible()
    screenshot(phone, "3-notified")
    fits_the_phone(phone)
    phone.locator("summary", has_text="Menu").click()
    phone.get_by_role("link", name=re.compile("^Mon profil")).click()
    phone.get_by_role("link", name="Page de contributeur").click()
    phone.wait_for_url(re.compile(rf"/contributors/{author.pk}/$"))
    expect(phone.get_by_role("heading", name=re.compile("Remerciements reçus"))).to_be_visible()
    expect(phone.get_by_text(MESSAGE)).to_be_visible()
    screenshot(phone, "4-contributor-page")
    fits_the_phone(phone)
    log_out(phone)
    assert Notification.objects.filter(recipient=author, kind=kinds.THANKED).count() == 1

    # A facilitator features the public practice, with the reason why.
    log_in(phone, facilitator.email)
    phone.goto(public.get_absolute_url())
    phone.get_by_role("link", name="Mettre cette pratique à la une").click()
    phone.get_by_label(re.compile("^Pourquoi")).fill(REASON)
    screenshot(phone, "5-feature-form")
    fits_the_phone(phone)
    phone.get_by_role("button", name="Mettre à la une").click()
    phone.wait_for_url(re.compile(r"/featured/$"))
    expect(phone.locator(".messages")).to_contain_text("C'est à la une")
    screenshot(phone, "6-featured")
    fits_the_phone(phone)
    log_out(phone)
    feature = Feature.objects.get()
    assert (feature.practice, feature.reason, feature.featured_by) == (public, REASON, facilitator)

    # Anyone reads it on the home page, with the reason.
    phone.goto("/")
    featured = phone.locator("section", has=phone.get_by_role("heading", name="À la une"))
    expect(featured.get_by_role("link", name=public.title)).to_be_visible()
    expect(featured.get_by_text(REASON)).to_be_visible()
    screenshot(phone, "7-home")
    fits_the_phone(phone)
