"""In a real browser, on a phone: a member opens "My data" from their profile, asks for the
archive of their data and downloads it once the worker has prepared it; then asks for their
account to be erased, which a network administrator carries out."""

import json
import re
import zipfile

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from conftest import TEST_PASSWORD, fits_the_phone, log_in, log_out

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def fr(text: str) -> str:
    """What a French reader sees for this text."""
    with translation.override("fr"):
        return gettext(text)


def test_a_member_downloads_their_data_then_has_their_account_erased(
    phone, screenshot, run_tasks, make_practice, author, network_admin, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    practice = make_practice(author, title="Le warrantage à Ngaoundéré")

    log_in(phone, author.email)
    phone.goto(author.get_absolute_url())
    phone.get_by_role("link", name=fr("My data")).click()
    expect(phone.get_by_role("heading", name=fr("My data"), exact=True)).to_be_visible()
    phone.get_by_role("button", name=fr("Prepare my archive")).click()
    expect(phone.locator(".badge", has_text=re.compile(fr("being prepared"), re.I))).to_be_visible()
    screenshot(phone, "1-preparing")
    fits_the_phone(phone)

    assert run_tasks() >= 1
    phone.reload()
    with phone.expect_download() as download:
        phone.get_by_role("link", name=fr("Download"), exact=True).click()
    archive = zipfile.ZipFile(download.value.path())
    practices = json.loads(archive.read("practices.json"))
    assert [p["title"] for p in practices["practices_written"]] == [practice.title]
    screenshot(phone, "2-ready")
    fits_the_phone(phone)

    phone.get_by_role("link", name=fr("Ask for my account to be erased…")).click()
    phone.get_by_label(fr("Your password, to confirm")).fill(TEST_PASSWORD)
    phone.get_by_role("checkbox").check()
    screenshot(phone, "3-asking")
    fits_the_phone(phone)
    phone.get_by_role("button", name=fr("Ask for my account to be erased"), exact=True).click()
    expect(phone.get_by_role("button", name=fr("Withdraw my request"))).to_be_visible()
    log_out(phone)

    log_in(phone, network_admin.email)
    phone.goto("/privacy/requests/")
    phone.get_by_role("link", name=author.display_name).click()
    phone.get_by_role("link", name=fr("Erase this account…")).click()
    screenshot(phone, "4-confirm")
    fits_the_phone(phone)
    phone.get_by_role("button", name=fr("Erase the account")).click()
    expect(phone.get_by_text(fr("carried out"), exact=False).first).to_be_visible()

    phone.goto(practice.get_absolute_url())
    expect(phone.get_by_text(fr("Former member")).first).to_be_visible()
    screenshot(phone, "5-former-member")
