"""The resource library as its users meet it: adding a resource with its file, finding it
by a word inside the file, versions, who sees what from outside, bad input."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import override_settings
from django.urls import reverse

from palabre.audit.models import AuditEvent
from palabre.lib.errors import ServiceError
from palabre.resources import services
from palabre.resources.models import Resource, ResourceVersion
from palabre.resources.tests.conftest import upload
from palabre.search.models import SearchDocument

pytestmark = pytest.mark.django_db

LIBRARY = reverse("resources:library")
SEARCH = reverse("practices:search")


def page(response) -> str:
    return html.unescape(response.content.decode())


def download_url(version) -> str:
    return reverse("resources:download", args=[version.resource_id, version.pk])


# Finding a resource by the text inside its file -------------------------------------


def test_a_word_only_inside_the_pdf_finds_the_resource_without_accent_and_inflected(
    make_resource, author, colleague, client_for
):
    resource = make_resource(author)
    assert resource.current.text_status == "ok"
    # "sèche" (singular, accented) is written only in the PDF's body, never in the title,
    # description or tags: the colleague types it plural and without its accent.
    assert "sèche" not in resource.title + resource.description
    client = client_for(colleague)
    found = page(client.get(LIBRARY, {"q": "SECHES"}))
    assert "1 ressource" in found
    assert resource.title in found
    assert "<mark>sèche</mark>" in found  # the sentence of the file, as a snippet
    # Another inflection of another word of the body: "troupeau" → "troupeaux".
    assert resource.title in page(client.get(LIBRARY, {"q": "troupeaux"}))
    # The main search page lists it with its count and a link to the library's search.
    main = page(client.get(SEARCH, {"q": "seches"}))
    assert "Ressources (1)" in main
    assert resource.title in main
    assert f"{LIBRARY}?q=seches" in main
    # A word that is nowhere finds nothing.
    assert "0 ressource" in page(client.get(LIBRARY, {"q": "hippopotame"}))


def test_the_text_of_word_opendocument_and_excel_files_is_searched(
    make_resource, author, client_for
):
    for name, word in (("a.docx", "baobab"), ("b.odt", "karité"), ("c.xlsx", "sorgho")):
        make_resource(
            author,
            title=f"Fichier {name}",
            file=upload(name, text=f"Une ligne sur le {word} des collines."),
        )
    client = client_for(author)
    for query, title in (("baobabs", "a.docx"), ("karite", "b.odt"), ("sorghos", "c.xlsx")):
        assert f"Fichier {title}" in page(client.get(LIBRARY, {"q": query})), query


def test_a_file_whose_text_cannot_be_read_is_kept_and_marked_for_its_editors(
    make_resource, author, colleague, client_for
):
    broken = SimpleUploadedFile(
        "scan.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 50, content_type="application/pdf"
    )
    resource = make_resource(author, file=broken, title="Rapport scanné")
    version = resource.current
    assert version.text_status not in ("ok", "pending")
    assert version.text_status in ("failed", "empty", "unsupported")
    assert version.file.size > 0  # the file is kept
    shown = page(client_for(author).get(resource.get_absolute_url()))
    assert "Le texte de ce fichier n’a pas pu être lu" in shown
    # Its readers download it and see no technical notice.
    reader = client_for(colleague)
    assert "n’a pas pu être lu" not in page(reader.get(resource.get_absolute_url()))
    assert reader.get(download_url(version)).status_code == 200
    # It is still found by its title.
    assert resource.title in page(reader.get(LIBRARY, {"q": "scanné"}))


# Versions ---------------------------------------------------------------------------


def test_a_new_version_keeps_the_earlier_file_downloadable_by_those_who_may(
    make_resource, author, colleague, outsider, client_for, run_tasks
):
    resource = make_resource(author, visibility="organisation")
    first = resource.current
    client = client_for(author)
    response = client.post(
        reverse("resources:version_add", args=[resource.pk]),
        {
            "file": upload(text="Nouvelle édition : la pintade est aussi suivie."),
            "note": "Ajout des pintades",
        },
    )
    assert response.status_code == 302
    run_tasks()
    resource.refresh_from_db()
    second = resource.current
    assert second.number == 2 and second.pk != first.pk
    assert second.note == "Ajout des pintades"
    shown = page(client_for(colleague).get(resource.get_absolute_url()))
    assert "Version 1" in shown and "Version 2" in shown and "Ajout des pintades" in shown
    # The colleague (same organisation) downloads both; the first is still the first file.
    colleague_client = client_for(colleague)
    old = colleague_client.get(download_url(first))
    assert old.status_code == 200
    assert b"".join(old.streaming_content).startswith(b"%PDF")
    assert colleague_client.get(download_url(second)).status_code == 200
    # The search now reads the new version: "pintades" finds it, "sèches" no longer does.
    assert resource.title in page(colleague_client.get(LIBRARY, {"q": "pintades"}))
    assert resource.title not in page(colleague_client.get(LIBRARY, {"q": "seches"}))
    # Another organisation's member and an anonymous visitor get neither.
    for other in (client_for(outsider), client_for()):
        assert other.get(download_url(first)).status_code == 404
        assert other.get(download_url(second)).status_code == 404
    downloads = Resource.objects.get(pk=resource.pk).downloads
    assert downloads == 2  # counted for the authors, without saying who


def test_a_new_version_by_someone_who_may_not_edit_is_refused_and_writes_nothing(
    make_resource, author, colleague, outsider, client_for
):
    resource = make_resource(author)
    url = reverse("resources:version_add", args=[resource.pk])
    for person in (colleague, outsider):
        response = client_for(person).post(url, {"file": upload(), "note": "x"})
        assert response.status_code == 404
    assert client_for().post(url, {"file": upload(), "note": "x"}).status_code == 302  # login
    assert ResourceVersion.objects.filter(resource=resource).count() == 1
    with pytest.raises(ServiceError):
        services.version_add(resource=resource, by=colleague, upload=upload(), note="x")
    assert ResourceVersion.objects.filter(resource=resource).count() == 1


# Bad input --------------------------------------------------------------------------


def _create(client, **data):
    values = {
        "title": "Modèle de budget",
        "kind": "template",
        "organisation": "",
        "visibility": "network",
        "language": "fr",
        **data,
    }
    return client.post(reverse("resources:create"), values)


def test_a_disguised_file_is_refused_with_a_clear_message_and_nothing_written(
    author, org_a, client_for
):
    disguised = SimpleUploadedFile("budget.pdf", b"MZ\x90\x00" + b"\x00" * 400)
    response = _create(client_for(author), organisation=org_a.pk, file=disguised)
    assert response.status_code == 415
    assert "Ce fichier n'est pas accepté" in page(response)
    assert 'value="Modèle de budget"' in page(response)  # the form keeps what was typed
    assert not Resource.objects.exists() and not ResourceVersion.objects.exists()


@override_settings(ATTACHMENT_MAX_BYTES=1000)
def test_an_oversized_file_is_refused(author, org_a, client_for):
    response = _create(client_for(author), organisation=org_a.pk, file=upload())
    assert response.status_code == 413
    assert "la limite est de" in page(response)
    assert not Resource.objects.exists()


def test_an_external_link_must_be_http(author, org_a, client_for):
    client = client_for(author)
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x"):
        response = _create(client, organisation=org_a.pk, link=bad)
        assert response.status_code == 400, bad
        assert "http:// ou https://" in page(response)
    assert not Resource.objects.exists()
    response = _create(client, organisation=org_a.pk, link="https://example.org/modele.pdf")
    assert response.status_code == 302
    assert Resource.objects.get().link == "https://example.org/modele.pdf"


def test_a_resource_needs_a_file_or_a_link(author, org_a, client_for):
    response = _create(client_for(author), organisation=org_a.pk)
    assert response.status_code == 400
    assert "Ajoutez un fichier ou un lien" in page(response)
    assert not Resource.objects.exists()


def test_nobody_adds_a_resource_for_another_organisation(author, org_b, client_for):
    response = _create(client_for(author), organisation=org_b.pk, link="https://example.org")
    assert response.status_code == 400  # not among the choices offered
    assert not Resource.objects.exists()


# Who sees what, from outside ----------------------------------------------------------


@pytest.fixture
def private(make_resource, author):
    """An organisation-only resource whose PDF says a word nobody else writes."""
    return make_resource(
        author,
        visibility="organisation",
        title="Plan interne de l'ADB",
        file=upload(text="Notre stratégie confidentielle repose sur la zébrure des clôtures."),
    )


def test_outsiders_see_nothing_of_an_organisation_only_resource(
    private, outsider, colleague, client_for
):
    version = private.current
    assert version.preview  # made from the PDF's first page
    urls = [
        private.get_absolute_url(),
        download_url(version),
        reverse("resources:preview", args=[private.pk, version.pk]),
        reverse("resources:edit", args=[private.pk]),
        f"/api/v1/resources/{private.pk}",
        f"/api/v1/resources/{private.pk}/versions",
    ]
    for client in (client_for(outsider), client_for()):
        for url in urls:
            assert client.get(url).status_code in (404, 302), url
        for target in (LIBRARY, SEARCH):
            shown = page(client.get(target, {"q": "zebrures"}))
            assert private.title not in shown
            assert "confidentielle" not in shown and "zébrure" not in shown
            assert "Ressources (" not in shown
        listed = client.get("/api/v1/resources", {"q": "zebrures"}).json()
        assert listed["count"] == 0 and listed["items"] == []
    # Its organisation's members see it all.
    member = client_for(colleague)
    for url in urls[:3] + urls[4:]:
        assert member.get(url).status_code == 200, url
    assert "Ressources (1)" in page(member.get(SEARCH, {"q": "zebrures"}))
    assert "<mark>zébrure</mark>" in page(member.get(LIBRARY, {"q": "zebrure"}))


def test_an_anonymous_visitor_sees_public_resources_only(make_resource, author, client_for):
    public = make_resource(author, visibility="public", title="Guide public")
    network = make_resource(author, visibility="network", title="Guide du réseau")
    shown = page(client_for().get(LIBRARY))
    assert public.title in shown and network.title not in shown
    assert client_for().get(network.get_absolute_url()).status_code == 404
    assert client_for().get(download_url(public.current)).status_code == 200


def test_archived_resources_leave_the_library_but_stay_with_their_editors(
    make_resource, author, colleague, facilitator, client_for
):
    resource = make_resource(author)
    client = client_for(facilitator)
    assert client.post(reverse("resources:feature", args=[resource.pk])).status_code == 302
    assert Resource.objects.get(pk=resource.pk).featured
    assert client.post(reverse("resources:archive", args=[resource.pk])).status_code == 302
    resource.refresh_from_db()
    assert resource.is_archived and not resource.featured
    assert not SearchDocument.objects.filter(kind="resource", object_id=resource.pk).exists()
    assert client_for(colleague).get(resource.get_absolute_url()).status_code == 404
    assert resource.title not in page(client_for(colleague).get(LIBRARY))
    assert "Cette ressource est archivée" in page(
        client_for(author).get(resource.get_absolute_url())
    )
    # Only facilitators feature and archive.
    assert (
        client_for(author).post(reverse("resources:feature", args=[resource.pk])).status_code == 403
    )
    assert AuditEvent.objects.filter(action="resource.archived").count() == 1


# Pages that link resources ------------------------------------------------------------


def test_a_practice_editor_links_a_resource_shown_on_the_practice_page(
    make_resource, make_practice, author, outsider, client_for
):
    practice = make_practice(author, visibility="public")
    shared = make_resource(author, visibility="public", title="Fiche publique")
    private = make_resource(author, visibility="organisation", title="Fiche interne")
    client = client_for(author)
    for resource in (shared, private):
        response = client.post(
            reverse("resources:practice_link"),
            {"resource": resource.pk, "target": practice.pk, "back": "target"},
        )
        assert response.status_code == 302
    shown = page(client.get(practice.get_absolute_url()))
    assert shared.title in shown and private.title in shown
    for other in (client_for(outsider), client_for()):
        seen = page(other.get(practice.get_absolute_url()))
        assert shared.title in seen and private.title not in seen
    # Someone who may neither edit the practice nor the resource cannot link.
    response = client_for(outsider).post(
        reverse("resources:practice_link"), {"resource": shared.pk, "target": practice.pk}
    )
    assert response.status_code == 403


def test_a_workshop_and_an_organisation_list_their_resources(
    make_resource, make_workshop, author, facilitator, org_a, outsider, client_for
):
    workshop = make_workshop(visibility="public")
    resource = make_resource(author, visibility="public", title="Support d'atelier")
    hidden = make_resource(author, visibility="organisation", title="Support interne")
    services.workshop_link(resource=resource, workshop=workshop, by=facilitator)
    services.workshop_link(resource=hidden, workshop=workshop, by=facilitator)
    seen = page(client_for().get(workshop.get_absolute_url()))
    assert resource.title in seen and hidden.title not in seen
    seen = page(client_for(outsider).get(org_a.get_absolute_url()))
    assert resource.title in seen and hidden.title not in seen


# Query counts -------------------------------------------------------------------------


def test_the_library_and_a_resource_page_ask_few_queries(
    make_resource, author, colleague, client_for, django_assert_max_num_queries
):
    for n in range(6):
        make_resource(author, title=f"Guide {n}", read=False)
    resource = make_resource(author, title="Le dernier guide")
    client = client_for(colleague)
    client.get(LIBRARY)  # warms the session and the caches
    with django_assert_max_num_queries(14):
        assert client.get(LIBRARY).status_code == 200
    # A search adds the index's statements (on PostgreSQL: its temporary table, filled
    # and analysed, six in all) and the snippets' documents.
    with django_assert_max_num_queries(20):
        assert client.get(LIBRARY, {"q": "seches"}).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(resource.get_absolute_url()).status_code == 200
