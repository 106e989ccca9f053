"""In a real browser, on a phone: a public workshop's address to share and its offline pack."""

import zipfile

import pytest

from conftest import fits_the_phone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_workshop_is_shared_and_packed_on_a_phone(phone, screenshot, make_workshop):
    workshop = make_workshop(visibility="public")
    phone.goto(workshop.get_absolute_url())
    assert phone.locator("#share-address").input_value().endswith(workshop.get_absolute_url())
    assert phone.locator("button.share").is_visible()  # palabre.js shows it
    fits_the_phone(phone)
    screenshot(phone, "phone")
    with phone.expect_download() as download:
        phone.locator(f"a[href='/workshops/{workshop.pk}/offline.zip']").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        assert {"index.html", "style.css"} <= set(archive.namelist())
