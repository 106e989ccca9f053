"""In a real browser: a public practice's photo in WebP, its address to share, and the data
saver switched on from the page, on a phone and on a desktop screen."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import fits_the_phone
from palabre.lib.images import make_variants
from palabre.practices.demo import demo_photo
from palabre.practices.models import Attachment
from palabre.practices.uploads import make_preview

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def with_photo(practice) -> Attachment:
    photo = Attachment(practice=practice, kind="photo", content_type="image/jpeg", size=1)
    photo.original_name = "magasin.jpg"
    photo.caption = "Le magasin"
    photo.file.save("magasin.jpg", SimpleUploadedFile("magasin.jpg", demo_photo(5)), save=False)
    photo.preview.save("preview.jpg", make_preview(photo.file), save=False)
    photo.save()
    make_variants(photo.preview)  # as the worker does
    return photo


def test_public_practice_on_a_phone_and_with_the_data_saver(
    phone, browser, live_server, screenshot, make_practice, author
):
    practice = make_practice(author, visibility="public")
    with_photo(practice)
    phone.goto(practice.get_absolute_url())
    image = phone.locator(".attachments img")
    image.scroll_into_view_if_needed()
    assert image.evaluate("i => i.decode().then(() => i.naturalWidth)") > 0  # it loaded
    assert image.evaluate("i => i.currentSrc").endswith(".webp")  # the WebP copy, not the JPEG
    assert phone.locator("#share-address").input_value().endswith(practice.get_absolute_url())
    fits_the_phone(phone)
    screenshot(phone, "1-phone")

    phone.locator(".attachments").locator("xpath=..").locator("a[href^='/data-saver/']").click()
    phone.locator("input[name=saver][value=on]").check()
    phone.locator("form.card button").click()
    phone.wait_for_url(f"**{practice.get_absolute_url()}")
    assert phone.locator(".attachments img").count() == 0
    saver = phone.locator("a.image-saver")
    assert saver.count() == 1 and re.search(r"\(\d+(,\d)?\s(Kio|octets)\)", saver.inner_text())
    fits_the_phone(phone)
    screenshot(phone, "2-phone-data-saver")

    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", base_url=live_server.url
    )
    desk = context.new_page()
    desk.goto(practice.get_absolute_url())
    desk.locator(".attachments img").scroll_into_view_if_needed()
    screenshot(desk, "3-desktop")
    context.close()
