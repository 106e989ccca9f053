"""During the workshop: attendance, restitutions kept as drafts, flip chart photos, practice drafts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import ensure_thesaurus
from palabre.practices.demo import demo_pdf, demo_photo
from palabre.practices.models import Practice
from palabre.themes.models import Theme
from palabre.workshops import services
from palabre.workshops.models import Attendance, Restitution, RestitutionPhoto
from palabre.workshops.tests.helpers import text

RESTITUTION = {
    "key_learnings": "Le crédit marche quand l'épargne existe déjà.",
    "successes": "97 % de remboursement.",
    "shortcomings": "Prêts trop gros la première année.",
    "recommendations": "Plafonner les premiers prêts.",
}


@pytest.fixture
def group(running, register, add_session, author, colleague, outsider, org_b):
    """A carrefour happening today; the author is its rapporteur."""
    ensure_thesaurus()
    for person in (author, colleague):
        register(running, person)
    register(running, outsider, organisation=org_b)
    return add_session(
        running,
        kind="group_work",
        title="Carrefour épargne",
        theme=Theme.objects.get(slug="epargne-microfinance"),
        rapporteur=author,
        members=[author, colleague, outsider],
    )


# Attendance ---------------------------------------------------------------------------


def test_rapporteur_takes_attendance_of_the_group(client_for, author, colleague, outsider, group):
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/attendance/"
    client = client_for(author)
    page = text(client.get(url))
    assert "Colin Colleague" in page and "Oscar Outsider" in page
    response = client.post(url, {"present": [str(author.pk), str(outsider.pk)]}, follow=True)
    assert "Présences enregistrées : 2 sur 3." in text(response)
    marks = dict(Attendance.objects.values_list("person__email", "present"))
    assert marks == {author.email: True, outsider.email: True, colleague.email: False}


def test_one_tick_is_saved_at_once_with_htmx(client_for, author, colleague, group):
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/attendance/{colleague.pk}/"
    response = client_for(author).post(url, {"mark": "1"}, HTTP_HX_REQUEST="true")
    body = text(response)
    assert response.status_code == 200 and "<html" not in body and "présent" in body
    assert Attendance.objects.get(person=colleague).present is True


def test_a_participant_cannot_take_attendance(client_for, colleague, group):
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/attendance/"
    response = client_for(colleague).post(url, {"present": [str(colleague.pk)]})
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_attendance_waits_for_the_day_of_the_session(
    client_for, facilitator, workshop, register, add_session, author
):
    register(workshop, author)
    session = add_session(workshop)
    response = client_for(facilitator).post(
        f"/workshops/{workshop.pk}/sessions/{session.pk}/attendance/", {"present": [author.pk]}
    )
    assert response.status_code == 409
    assert "à partir du jour de la séance" in text(response)


# Restitutions -------------------------------------------------------------------------


def test_rapporteur_writes_a_draft_then_shares_it(client_for, author, colleague, group):
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/restitution/"
    client = client_for(author)
    assert client.get(url).status_code == 200
    response = client.post(url, {**RESTITUTION, "version": "", "final": "0"})
    assert response.status_code == 302
    restitution = Restitution.objects.get()
    assert restitution.status == "draft" and restitution.written_by == author
    session_page = group.get_absolute_url()
    assert "Prêts trop gros" not in text(client_for(colleague).get(session_page))
    client.post(url, {**RESTITUTION, "version": restitution.version, "final": "1"})
    restitution.refresh_from_db()
    assert restitution.status == "final"
    assert "Prêts trop gros" in text(client_for(colleague).get(session_page))


def test_a_restitution_by_someone_else_is_refused_with_a_message(client_for, colleague, group):
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/restitution/"
    response = client_for(colleague).post(url, {**RESTITUTION, "final": "1"})
    assert response.status_code == 403
    assert "Seuls le rapporteur du groupe ou un animateur" in text(response)
    assert not Restitution.objects.exists()


def test_the_rapporteur_never_conflicts_with_their_own_autosave(client_for, author, group):
    """The page was loaded at one version; an autosave of the same person landed after it
    (a photo upload reloaded the page while it was on its way): sharing still saves."""
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/restitution/"
    client = client_for(author)
    client.post(url, {**RESTITUTION, "version": "", "final": "0"})
    loaded_at = Restitution.objects.get().version
    late = client.post(
        f"{url}?autosave=1", {**RESTITUTION, "version": loaded_at}, HTTP_HX_REQUEST="true"
    )
    assert late.status_code == 200
    shared = client.post(url, {**RESTITUTION, "version": loaded_at, "final": "1"})
    assert shared.status_code == 302
    assert Restitution.objects.get().status == "final"


def test_a_stale_page_conflicts_with_someone_elses_save(client_for, author, facilitator, group):
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/restitution/"
    client_for(author).post(url, {**RESTITUTION, "version": "", "final": "0"})
    loaded_at = Restitution.objects.get().version
    client_for(facilitator).post(url, {**RESTITUTION, "successes": "Ajout", "version": loaded_at})
    stale = client_for(author).post(url, {**RESTITUTION, "version": loaded_at, "final": "1"})
    assert stale.status_code == 409
    assert "Quelqu'un d'autre a enregistré" in text(stale)
    assert Restitution.objects.get().successes == "Ajout"


def test_facilitator_may_write_any_restitution(facilitator, group):
    restitution = services.restitution_save(session=group, by=facilitator, fields=RESTITUTION)
    assert restitution.key_learnings == RESTITUTION["key_learnings"]


def test_autosave_keeps_the_draft_and_returns_the_new_version(client_for, author, group):
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/restitution/?autosave=1"
    response = client_for(author).post(url, {**RESTITUTION, "version": ""}, HTTP_HX_REQUEST="true")
    body = text(response)
    assert response.status_code == 200 and "<html" not in body
    assert "Enregistré automatiquement" in body
    restitution = Restitution.objects.get()
    assert f'value="{restitution.version}"' in body
    assert restitution.status == "draft"


def test_concurrent_edits_are_detected_not_lost(client_for, author, facilitator, group):
    first = services.restitution_save(session=group, by=author, fields=RESTITUTION)
    services.restitution_save(
        session=group,
        by=facilitator,
        fields={"successes": "Version de l'animatrice"},
        expected_version=first.version,
    )
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/restitution/"
    response = client_for(author).post(
        url, {**RESTITUTION, "successes": "Ma version", "version": first.version, "final": "0"}
    )
    assert response.status_code == 409
    body = text(response)
    assert "Version de l'animatrice" in body and "Ma version" in body
    assert Restitution.objects.get().successes == "Version de l'animatrice"
    autosave = client_for(author).post(
        url + "?autosave=1",
        {**RESTITUTION, "version": first.version},
        HTTP_HX_REQUEST="true",
    )
    assert autosave.status_code == 409


# Photos -------------------------------------------------------------------------------


def photo_upload(name="tableau.jpg"):
    return SimpleUploadedFile(name, demo_photo(1), content_type="image/jpeg")


def test_rapporteur_adds_a_flip_chart_photo_with_a_small_preview(
    client_for, author, group, run_tasks
):
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/restitution/photos/"
    response = client_for(author).post(
        url, {"file": photo_upload(), "caption": "Arbre à problèmes"}
    )
    assert response.status_code == 302
    photo = RestitutionPhoto.objects.get()
    assert not photo.preview and photo.caption == "Arbre à problèmes"
    page = text(client_for(author).get(url.removesuffix("photos/")))
    assert "Photo en préparation : elle apparaîtra dans une minute." in page
    photo_url = f"{url}{photo.pk}/"
    assert client_for(author).get(photo_url).status_code == 404  # not cleaned yet
    assert client_for(author).get(photo_url + "preview/").status_code == 404
    run_tasks()  # the worker removes its metadata and makes the preview
    photo.refresh_from_db()
    assert photo.preview and photo.is_ready
    page = text(client_for(author).get(url.removesuffix("photos/")))
    assert "en préparation" not in page and f"photos/{photo.pk}/preview/" in page
    from PIL import Image

    with Image.open(photo.preview) as image:
        assert image.width <= 480


def test_a_document_is_not_taken_for_a_photo(client_for, author, group):
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/restitution/photos/"
    pdf = SimpleUploadedFile("notes.pdf", demo_pdf("Notes"), content_type="application/pdf")
    response = client_for(author).post(url, {"file": pdf})
    assert response.status_code == 415
    assert "Seules les photos" in text(response)
    disguised = SimpleUploadedFile("faux.jpg", b"%PDF-1.4 pas une image", content_type="image/jpeg")
    assert client_for(author).post(url, {"file": disguised}).status_code == 415
    assert not RestitutionPhoto.objects.exists()


def test_photos_follow_the_workshop_visibility(
    client_for, client, author, colleague, make_workshop, register, add_session, org_b, run_tasks
):
    from palabre.workshops.models import Workshop

    workshop = make_workshop(start_in=0, visibility="organisation")
    register(workshop, author)
    session = add_session(workshop, kind="group_work", rapporteur=author, members=[author])
    services.restitution_save(session=session, by=author, fields=RESTITUTION, final=True)
    photo = services.restitution_photo_add(session=session, by=author, upload=photo_upload())
    run_tasks()
    url = f"/workshops/{workshop.pk}/sessions/{session.pk}/restitution/photos/{photo.pk}/"
    from conftest import make_person

    stranger = make_person("stranger@ate.example", "Sam Stranger", organisation=org_b)
    for path in (url, url + "preview/"):
        assert client_for(colleague).get(path).status_code == 200
        assert client_for(stranger).get(path).status_code == 404
        assert client.get(path).status_code == 404
    Workshop.objects.filter(pk=workshop.pk).update(visibility="public")
    response = client.get(url + "preview/")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def test_photos_of_a_draft_restitution_stay_with_its_writers(
    client_for, author, colleague, group, run_tasks
):
    services.restitution_save(session=group, by=author, fields=RESTITUTION)
    photo = services.restitution_photo_add(session=group, by=author, upload=photo_upload())
    run_tasks()
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/restitution/photos/{photo.pk}/"
    assert client_for(author).get(url).status_code == 200
    assert client_for(colleague).get(url).status_code == 404


# Into the practice library ------------------------------------------------------------


def test_restitution_becomes_a_practice_draft_owned_by_the_right_people(
    client_for, author, colleague, outsider, group, org_a, org_b, django_capture_on_commit_callbacks
):
    services.restitution_save(session=group, by=author, fields=RESTITUTION, final=True)
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/practice/"
    client = client_for(author)
    assert "Rédiger le brouillon" in text(client.get(url))
    response = client.post(url, {"lead_organisation": org_a.pk})
    practice = Practice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/practices/{practice.pk}/edit/identity/"
    assert practice.status == "draft" and practice.lead_organisation == org_a
    assert set(practice.authors.all()) == {author, colleague}
    assert list(practice.partners.all()) == [org_b]
    assert practice.lessons == RESTITUTION["key_learnings"]
    assert practice.difficulties == RESTITUTION["shortcomings"]
    assert practice.replication == RESTITUTION["recommendations"]
    assert practice.results == RESTITUTION["successes"]
    assert [t.slug for t in practice.themes.all()] == ["epargne-microfinance"]
    assert "Carrefour épargne" in practice.summary
    assert Restitution.objects.get().practice == practice
    # It follows the normal review: the colleague (an author) may edit, the outsider not.
    assert client_for(colleague).get(practice.get_absolute_url()).status_code == 200
    assert client_for(outsider).get(practice.get_absolute_url()).status_code == 404
    again = client.post(url, {"lead_organisation": org_a.pk})
    assert again.status_code == 409 and Practice.objects.count() == 1


def test_no_practice_draft_before_the_restitution_is_written(author, group):
    from palabre.lib.errors import ServiceError

    with pytest.raises(ServiceError) as error:
        services.practice_draft_from_session(session=group, by=author)
    assert error.value.status == 409


def test_a_group_member_cannot_turn_it_into_a_practice(client_for, author, colleague, group, org_a):
    services.restitution_save(session=group, by=author, fields=RESTITUTION, final=True)
    url = f"/workshops/{group.workshop_id}/sessions/{group.pk}/practice/"
    assert client_for(colleague).post(url, {"lead_organisation": org_a.pk}).status_code == 403
    assert not Practice.objects.exists()


def test_a_presentation_becomes_a_draft_for_its_presenter(
    running, register, add_session, author, facilitator, org_a
):
    register(running, author, role="presenter")
    session = add_session(
        running,
        kind="presentation",
        title="Exposé : la caisse à trois clés",
        description="Une caisse que trois personnes ouvrent ensemble.",
        presenter=author,
    )
    practice = services.practice_draft_from_session(session=session, by=facilitator)
    session.refresh_from_db()
    assert session.presented_practice == practice
    assert list(practice.authors.all()) == [author]
    assert practice.approach == "Une caisse que trois personnes ouvrent ensemble."


def test_session_page_shows_the_restitution_and_its_photos(
    client_for, colleague, author, group, run_tasks
):
    services.restitution_save(session=group, by=author, fields=RESTITUTION, final=True)
    services.restitution_photo_add(session=group, by=author, upload=photo_upload())
    run_tasks()
    page = text(client_for(colleague).get(group.get_absolute_url()))
    assert "Enseignements clés" in page and "preview/" in page
