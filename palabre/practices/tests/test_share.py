"""Sharing a practice, its photos in sized WebP copies, the data saver, and the offline pack
of a theme: what a messaging app, a phone on a costly connection and each person get."""

from __future__ import annotations

import html
import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from palabre.practices.demo import demo_pdf, demo_photo

SUMMARY = "Stocker la récolte pour la vendre quand les prix remontent."


def page(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def meta(content: str, name: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', content)
    return found.group(1) if found else None


def add_photo(client, practice, run_tasks, caption="Le magasin de warrantage"):
    response = client.post(
        f"/practices/{practice.pk}/files/",
        {"file": SimpleUploadedFile("magasin.jpg", demo_photo(3)), "caption": caption},
    )
    assert response.status_code == 302
    assert run_tasks() == 1
    return practice.attachments.filter(kind="photo").latest("pk")


@pytest.fixture
def public(make_practice, author):
    return make_practice(author, visibility="public", summary=SUMMARY, language="fr")


# Share links --------------------------------------------------------------------------


def test_public_practice_shows_a_preview_to_messaging_apps(client_for, author, public, run_tasks):
    photo = add_photo(client_for(author), public, run_tasks)
    # New strings are checked in English: their French is in the catalogs once filled.
    content = page(client_for(HTTP_ACCEPT_LANGUAGE="en").get(public.get_absolute_url()))
    assert meta(content, "og:title") == public.title
    assert meta(content, "og:url") == f"http://testserver/practices/{public.pk}/"
    assert SUMMARY in meta(content, "og:description")
    assert public.lead_organisation.name in meta(content, "og:description")
    assert meta(content, "og:locale") == "fr_FR"
    assert meta(content, "og:site_name") == "Palabre"
    assert meta(content, "twitter:card") == "summary_large_image"
    image = f"http://testserver/practices/{public.pk}/files/{photo.pk}/preview/"
    assert meta(content, "og:image") == image == meta(content, "twitter:image")
    assert (meta(content, "og:image:width"), meta(content, "og:image:height")) == ("480", "320")
    # The share button (palabre.js) and, without JavaScript, the address to copy.
    assert f'data-share-url="http://testserver/practices/{public.pk}/"' in content
    assert 'data-share-copied="Link copied"' in content
    assert f'value="http://testserver/practices/{public.pk}/" readonly' in content


def test_organisation_only_practice_gives_nothing_away_even_to_its_member(
    client_for, author, colleague, make_practice
):
    secret = make_practice(
        author, visibility="organisation", title="Notre caisse secrète", summary="Ne pas diffuser"
    )
    content = page(client_for(colleague).get(secret.get_absolute_url()))
    assert "Notre caisse secrète" in content  # the member reads it…
    head = content.split("</head>")[0]
    assert meta(head, "og:site_name") == "Palabre"  # …but no preview says anything of it
    for name in ("og:title", "og:description", "og:image", "og:url", "twitter:card"):
        assert meta(head, name) is None
    assert "Ne pas diffuser" not in head
    assert "data-share-url" not in content and "share-address" not in content


def test_network_practice_has_no_preview_either(client_for, colleague, author, make_practice):
    practice = make_practice(author, visibility="network", summary="Pour le réseau")
    head = page(client_for(colleague).get(practice.get_absolute_url())).split("</head>")[0]
    assert meta(head, "og:title") is None and "Pour le réseau" not in head


# Images ------------------------------------------------------------------------------


def test_photo_is_shown_sized_lazy_and_in_webp(
    client_for, author, public, run_tasks, django_assert_max_num_queries
):
    photo = add_photo(client_for(author), public, run_tasks)
    with django_assert_max_num_queries(14):  # sizes come from the cache, not the database
        content = page(client_for().get(public.get_absolute_url()))
    base = f"/practices/{public.pk}/files/{photo.pk}/preview/"
    assert (
        f'<picture><source type="image/webp" srcset="{base}240.webp 240w, {base}480.webp 480w" '
        f'sizes="240px"><img src="{base}" alt="Le magasin de warrantage" width="240" '
        'height="160" loading="lazy" decoding="async"></picture>'
    ) in content
    for width, size in ((240, (240, 160)), (480, (480, 320))):
        response = client_for().get(f"{base}{width}.webp")
        assert response.status_code == 200 and response["Content-Type"] == "image/webp"
        from PIL import Image

        with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
            assert image.format == "WEBP" and image.size == size
    assert client_for().get(f"{base}320.webp").status_code == 404  # no such copy


def test_every_image_of_a_page_has_width_and_height(client_for, author, public, run_tasks):
    add_photo(client_for(author), public, run_tasks)
    add_photo(client_for(author), public, run_tasks, caption="Les sacs")
    content = page(client_for(author).get(public.get_absolute_url()))
    images = re.findall(r"<img [^>]*>", content)
    assert len(images) == 2
    assert all(re.search(r' width="\d+" height="\d+"', tag) for tag in images)


def test_webp_copies_follow_the_practice_rule(
    client_for, author, outsider, make_practice, run_tasks
):
    practice = make_practice(author, visibility="organisation")
    photo = add_photo(client_for(author), practice, run_tasks)
    url = f"/practices/{practice.pk}/files/{photo.pk}/preview/240.webp"
    assert client_for(author).get(url).status_code == 200
    assert client_for(outsider).get(url).status_code == 404
    assert client_for().get(url).status_code == 404


def test_removing_a_photo_removes_its_webp_copies(
    client_for, author, public, run_tasks, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    from palabre.lib.images import manifest_name, variant_name

    photo = add_photo(client_for(author), public, run_tasks)
    names = [variant_name(photo.preview.name, w) for w in (240, 480)]
    names.append(manifest_name(photo.preview.name))
    assert all(default_storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(author).post(f"/practices/{public.pk}/files/{photo.pk}/delete/")
    assert response.status_code == 302
    assert not any(default_storage.exists(name) for name in names)


# Data saver --------------------------------------------------------------------------


def test_data_saver_shows_links_with_the_weight_instead_of_images(
    client_for, author, public, run_tasks
):
    photo = add_photo(client_for(author), public, run_tasks)
    client = client_for(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post("/data-saver/", {"saver": "on", "next": public.get_absolute_url()})
    assert response.status_code == 302 and response["Location"] == public.get_absolute_url()
    content = page(client.get(public.get_absolute_url()))
    assert "<img" not in content and "<picture" not in content
    url = f"/practices/{public.pk}/files/{photo.pk}/preview/240.webp"
    found = re.search(
        r'<a class="image-saver" href="([^"]+)" data-saver-src="([^"]+)" data-width="240" '
        r'data-height="160" data-alt="Le magasin de warrantage">Show the image \(([^)]+)\)</a>',
        content,
    )
    assert found and found.group(1) == found.group(2) == url
    assert re.fullmatch(r"[\d.]+ (bytes|KB)", found.group(3).replace("\xa0", " "))
    # Switched off again: images come back.
    client.post("/data-saver/", {"saver": "off"})
    assert "<picture>" in page(client.get(public.get_absolute_url()))


def test_the_browsers_save_data_header_is_honoured_unless_the_person_chose(
    client_for, author, public, run_tasks
):
    add_photo(client_for(author), public, run_tasks)
    saving = client_for(author, HTTP_SAVE_DATA="on")
    assert "image-saver" in page(saving.get(public.get_absolute_url()))
    saving.post("/data-saver/", {"saver": "off"})
    assert "image-saver" not in page(saving.get(public.get_absolute_url()))


def test_data_saver_form_refuses_bad_input_and_foreign_addresses(client_for):
    client = client_for(HTTP_ACCEPT_LANGUAGE="en")
    response = client.get("/data-saver/?next=/practices/")
    content = page(response)
    assert "Data saver is off: images are shown." in content and 'value="/practices/"' in content
    response = client.post("/data-saver/", {"saver": "maybe"})
    assert response.status_code == 400
    assert "Choose one of the two options." in html.unescape(response.content.decode())
    response = client.post("/data-saver/", {"saver": "on", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert response.cookies["palabre_data_saver"].value == "on"


# Offline pack of a theme --------------------------------------------------------------


def pack(response) -> zipfile.ZipFile:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


@pytest.fixture
def library(make_practice, author, outsider):
    """One practice of each visibility by org A, one network practice by org B, a draft."""
    return {
        "public": make_practice(author, visibility="public", title="Warrantage public"),
        "network": make_practice(author, visibility="network", title="Warrantage réseau"),
        "organisation": make_practice(
            author, visibility="organisation", title="Warrantage interne"
        ),
        "draft": make_practice(author, status="draft", visibility="public", title="Brouillon"),
        "other": make_practice(outsider, visibility="organisation", title="Caisse de B"),
    }


URL = "/themes/epargne-microfinance/offline.zip"


def titles(archive: zipfile.ZipFile) -> set[str]:
    pages = [n for n in archive.namelist() if n.startswith("practices/")]
    found = set()
    for name in pages:
        found.add(re.search(r"<h1>(.*?)</h1>", archive.read(name).decode()).group(1))
    return found


def test_theme_pack_holds_only_what_each_person_may_read(
    client_for, library, author, outsider, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        anonymous = pack(client_for().get(URL))
    assert titles(anonymous) == {"Warrantage public"}
    assert titles(pack(client_for(outsider).get(URL))) == {
        "Warrantage public",
        "Warrantage réseau",
        "Caisse de B",
    }
    assert titles(pack(client_for(author).get(URL))) == {
        "Warrantage public",
        "Warrantage réseau",
        "Warrantage interne",
    }


def test_theme_pack_is_light_html_with_relative_links_and_the_pdfs(client_for, author, library):
    practice = library["public"]
    client_for(author).post(
        f"/practices/{practice.pk}/files/",
        {"file": SimpleUploadedFile("bilan.pdf", demo_pdf("Bilan")), "caption": "Bilan"},
    )
    archive = pack(client_for().get(URL))
    names = set(archive.namelist())
    pdf = next(n for n in names if n.endswith(".pdf"))
    assert {"index.html", "style.css", f"practices/{practice.pk}.html", pdf} == names
    assert archive.read(pdf).startswith(b"%PDF")
    index = archive.read("index.html").decode()
    assert f'href="practices/{practice.pk}.html"' in index and 'href="style.css"' in index
    sheet = archive.read(f"practices/{practice.pk}.html").decode()
    assert 'href="../style.css"' in sheet and f'href="../{pdf}"' in sheet
    assert f'href="http://testserver/practices/{practice.pk}/"' in sheet  # online version
    assert "<script" not in index + sheet and "<img" not in index + sheet
    assert len(sheet.encode()) < 20_000


def test_theme_pack_is_bounded_and_says_so(client_for, library, author, monkeypatch):
    from palabre.practices import pack as packs

    monkeypatch.setattr(packs, "MAX_PRACTICES", 2)
    archive = pack(client_for(HTTP_ACCEPT_LANGUAGE="en").get(URL))
    assert titles(archive) == {"Warrantage public"}  # one: nothing to say
    assert "most recently published" not in archive.read("index.html").decode()
    for number in (1, 2):
        packs.Practice.objects.filter(
            pk=library[("network", "organisation")[number - 1]].pk
        ).update(visibility="public")
    archive = pack(client_for(HTTP_ACCEPT_LANGUAGE="en").get(URL))
    assert len(titles(archive)) == 2
    index = html.unescape(archive.read("index.html").decode())
    assert "This pack holds the 2 most recently published of 3 practices." in index
    assert 'href="http://testserver/themes/epargne-microfinance/"' in index


def test_theme_page_links_to_its_pack(client_for):
    from palabre.practices.pack import MAX_PRACTICES

    content = page(client_for(HTTP_ACCEPT_LANGUAGE="en").get("/themes/epargne-microfinance/"))
    assert f'href="{URL}"' in content and f"the {MAX_PRACTICES} most recent" in content
    assert client_for().get("/themes/nothing-here/offline.zip").status_code == 404


def test_a_preview_made_before_its_webp_copies_is_sized_then_given_them(client_for, author, public):
    from django.core.cache import cache
    from django.core.management import call_command

    from palabre.practices.models import Attachment
    from palabre.practices.uploads import make_preview

    # As the demonstration data and older uploads have it: a JPEG preview, no WebP copy.
    photo = Attachment(practice=public, kind="photo", content_type="image/jpeg", size=1)
    photo.original_name = "sacs.jpg"
    photo.file.save("sacs.jpg", SimpleUploadedFile("sacs.jpg", demo_photo(4)), save=False)
    photo.preview.save("preview.jpg", make_preview(photo.file), save=False)
    photo.save()
    content = page(client_for().get(public.get_absolute_url()))
    assert (
        f'<img src="/practices/{public.pk}/files/{photo.pk}/preview/" alt="sacs.jpg" width="240" height="160"'
        in content
    )
    assert "<picture>" not in content
    cache.clear()
    call_command("image_variants", stdout=io.StringIO())
    assert "<picture>" in page(client_for(author).get(public.get_absolute_url()))
