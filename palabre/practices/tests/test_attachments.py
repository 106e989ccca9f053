"""Attachments: checked by content, size-limited, served as downloads through the visibility rule."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from palabre.practices.demo import demo_pdf, demo_wav


@pytest.fixture
def draft(make_practice, author):
    return make_practice(author, status="draft")


def upload(client, practice, name, content, caption=""):
    return client.post(
        f"/practices/{practice.pk}/files/",
        {"file": SimpleUploadedFile(name, content), "caption": caption},
    )


def photo_with_gps() -> bytes:
    image = Image.new("RGB", (1600, 1200), (200, 120, 40))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (4.0, 3.0, 0.0)}  # where the photo was taken
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_pdf_photo_and_audio_are_accepted(client_for, author, draft):
    client = client_for(author)
    assert upload(client, draft, "bilan.pdf", demo_pdf("Bilan")).status_code == 302
    assert upload(client, draft, "magasin.jpg", photo_with_gps(), "Le magasin").status_code == 302
    assert upload(client, draft, "temoignage.wav", demo_wav(0.2)).status_code == 302
    kinds = sorted(draft.attachments.values_list("kind", flat=True))
    assert kinds == ["audio", "document", "photo"]


def test_photo_preview_is_small_and_carries_no_location(client_for, author, draft):
    content = photo_with_gps()
    with Image.open(io.BytesIO(content)) as original:
        assert original.getexif().get_ifd(0x8825)  # the original carries a location
    upload(client_for(author), draft, "magasin.jpg", content)
    photo = draft.attachments.get(kind="photo")
    with Image.open(photo.preview.open("rb")) as preview:
        assert preview.width <= 480
        assert not preview.getexif().get_ifd(0x8825)


def test_disguised_file_is_refused(client_for, author, draft):
    response = upload(client_for(author), draft, "rapport.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    assert response.status_code == 415
    assert "ne correspond pas" in response.content.decode()
    response = upload(client_for(author), draft, "photo.jpg", demo_pdf("pas une photo"))
    assert response.status_code == 415
    assert not draft.attachments.exists()


def test_oversized_file_is_refused(client_for, author, draft, settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    response = upload(client_for(author), draft, "bilan.pdf", demo_pdf("Bilan") + b"\x00" * 2000)
    assert response.status_code == 413
    assert "la limite est de" in response.content.decode()
    assert not draft.attachments.exists()


def test_download_is_an_attachment_with_nosniff(client_for, author, colleague, make_practice):
    practice = make_practice(author)
    upload(client_for(author), practice, "bilan.pdf", demo_pdf("Bilan"))
    attachment = practice.attachments.get()
    response = client_for(colleague).get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="bilan.pdf"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_attachment_of_another_practice_is_404(client_for, author, colleague, make_practice):
    first, second = make_practice(author), make_practice(author, title="Autre")
    upload(client_for(author), first, "bilan.pdf", demo_pdf("Bilan"))
    attachment = first.attachments.get()
    assert (
        client_for(colleague).get(f"/practices/{second.pk}/files/{attachment.pk}/").status_code
        == 404
    )


def test_only_editors_add_files(client_for, colleague, draft):
    assert upload(client_for(colleague), draft, "bilan.pdf", demo_pdf("x")).status_code == 404
