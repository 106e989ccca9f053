"""On a phone: partners and authors are ticked in checkbox lists, no Ctrl needed."""

import re

import pytest

from conftest import fits_the_phone, log_in
from palabre.practices.models import Practice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_partners_and_authors_are_ticked_on_a_phone(
    phone, screenshot, make_practice, author, colleague, org_b
):
    practice = make_practice(author, status="draft", results="", success_factors="Un début.")
    log_in(phone, author.email)
    phone.goto(f"/practices/{practice.pk}/edit/identity/")
    phone.get_by_role("group", name=re.compile("^Organisations partenaires")).get_by_label(
        org_b.name
    ).check()
    authors = phone.get_by_role("group", name=re.compile("^Auteurs"))
    authors.get_by_label(colleague.display_name).check()
    screenshot(phone, "1-identity")
    fits_the_phone(phone)
    with phone.expect_navigation():
        phone.get_by_role("button", name="Enregistrer", exact=True).click()
    practice = Practice.objects.get(pk=practice.pk)
    assert [o.pk for o in practice.partners.all()] == [org_b.pk]
    assert {a.pk for a in practice.authors.all()} == {author.pk, colleague.pk}

    phone.goto(f"/practices/{practice.pk}/edit/results/")
    assert "il manque : les résultats" in phone.locator("nav.sections-nav").inner_text()
    screenshot(phone, "2-results")
    fits_the_phone(phone)
