"""A workshop's share preview, its flip-chart photos shown sized or as data-saver links,
and its offline pack: each person gets only what they may read."""

from __future__ import annotations

import html
import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from palabre.practices.demo import demo_photo


def page(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def meta(content: str, name: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', content)
    return found.group(1) if found else None


def test_public_workshop_shows_a_preview_and_a_share_button(client_for, make_workshop, org_a):
    workshop = make_workshop(visibility="public")
    content = page(client_for(HTTP_ACCEPT_LANGUAGE="en").get(workshop.get_absolute_url()))
    assert meta(content, "og:title") == workshop.title
    assert meta(content, "og:url") == f"http://testserver/workshops/{workshop.pk}/"
    assert meta(content, "og:description").startswith(org_a.name + " — ")
    assert "Partager nos expériences" in meta(content, "og:description")
    assert meta(content, "og:locale") == "en_GB"
    assert meta(content, "twitter:card") == "summary"
    assert f'data-share-url="http://testserver/workshops/{workshop.pk}/"' in content
    assert f'href="/workshops/{workshop.pk}/offline.zip"' in content


def test_network_workshop_preview_says_nothing(client_for, make_workshop, author):
    workshop = make_workshop(visibility="network", title="Atelier du réseau")
    content = page(client_for(author).get(workshop.get_absolute_url()))
    head = content.split("</head>")[0]
    assert "Atelier du réseau" in content and meta(head, "og:site_name") == "Palabre"
    assert meta(head, "og:title") is None and meta(head, "og:description") is None
    assert "Partager nos expériences" not in head and "data-share-url" not in content


@pytest.fixture
def photo_session(make_workshop, add_session, facilitator, client_for, run_tasks):
    workshop = make_workshop(visibility="public", start_in=0)
    session = add_session(
        workshop, kind="group_work", title="Groupe épargne", rapporteur=facilitator
    )
    url = f"/workshops/{workshop.pk}/sessions/{session.pk}/restitution/photos/"
    response = client_for(facilitator).post(
        url, {"file": SimpleUploadedFile("tableau.jpg", demo_photo(2)), "caption": "Arbre"}
    )
    assert response.status_code == 302
    assert run_tasks() == 1
    return workshop, session


def test_flip_chart_photo_is_sized_in_webp_or_a_link_for_the_data_saver(
    client_for, facilitator, photo_session
):
    workshop, session = photo_session
    from palabre.workshops.models import RestitutionPhoto

    photo = RestitutionPhoto.objects.get(restitution__session=session)
    restitution = f"/workshops/{workshop.pk}/sessions/{session.pk}/restitution/"
    base = f"{restitution}photos/{photo.pk}/preview/"
    content = page(client_for(facilitator).get(restitution))
    assert (
        f'<a href="{restitution}photos/{photo.pk}/"><picture><source type="image/webp" '
        f'srcset="{base}240.webp 240w, {base}480.webp 480w" sizes="240px"><img src="{base}" '
        'alt="Arbre" width="240" height="160" loading="lazy" decoding="async"></picture></a>'
    ) in content
    assert client_for(facilitator).get(f"{base}480.webp")["Content-Type"] == "image/webp"
    saving = client_for(facilitator, HTTP_SAVE_DATA="on")
    content = page(saving.get(restitution))
    assert "<img" not in content
    assert re.search(
        rf'<a class="image-saver" href="{base}240.webp" data-saver-src="{base}240.webp" '
        r'data-width="240" data-height="160" data-alt="Arbre">',
        content,
    )


def test_a_final_restitution_photo_illustrates_the_public_preview(client_for, photo_session):
    from palabre.workshops.models import Restitution, RestitutionPhoto

    workshop, session = photo_session
    head = page(client_for().get(workshop.get_absolute_url())).split("</head>")[0]
    assert meta(head, "og:image") is None  # a draft restitution is not public yet
    Restitution.objects.filter(session=session).update(status=Restitution.Status.FINAL)
    photo = RestitutionPhoto.objects.get(restitution__session=session)
    head = page(client_for().get(workshop.get_absolute_url())).split("</head>")[0]
    url = f"http://testserver/workshops/{workshop.pk}/sessions/{session.pk}/restitution/photos/{photo.pk}/preview/"
    assert meta(head, "og:image") == url
    assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("480", "320")
    assert meta(head, "twitter:card") == "summary_large_image"
    assert client_for().get(url.removeprefix("http://testserver")).status_code == 200


def pack_titles(response) -> set[str]:
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "index.html" in archive.namelist()
    return {
        re.search(r"<h1>(.*?)</h1>", archive.read(n).decode()).group(1)
        for n in archive.namelist()
        if n.startswith("practices/")
    }


def test_workshop_pack_holds_only_the_practices_each_person_may_read(
    client_for, make_workshop, add_session, register, make_practice, author, outsider
):
    workshop = make_workshop(visibility="public")
    shown = make_practice(author, visibility="public", title="Présentée, publique")
    internal = make_practice(author, visibility="organisation", title="Présentée, interne")
    brought = make_practice(author, visibility="network", title="Apportée par un inscrit")
    make_practice(author, visibility="public", title="Sans lien avec l'atelier")
    add_session(workshop, kind="presentation", presented_practice=shown)
    add_session(
        workshop, kind="presentation", start="11:00", end="12:00", presented_practice=internal
    )
    register(workshop, author, practice=brought)
    url = f"/workshops/{workshop.pk}/offline.zip"
    assert pack_titles(client_for().get(url)) == {"Présentée, publique"}
    # Another organisation's member: the network practice only if they may see who registered.
    assert "Présentée, interne" not in pack_titles(client_for(outsider).get(url))
    assert pack_titles(client_for(author).get(url)) >= {"Présentée, publique", "Présentée, interne"}


def test_pack_of_a_workshop_one_may_not_see_is_not_found(client_for, make_workshop, outsider):
    workshop = make_workshop(visibility="organisation")
    assert client_for(outsider).get(f"/workshops/{workshop.pk}/offline.zip").status_code == 404
    assert client_for().get(f"/workshops/{workshop.pk}/offline.zip").status_code == 404
