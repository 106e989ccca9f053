"""Contributor pages: figures checked against hand-computed values on a fixed data set, for
each kind of viewer; nothing from organisation-only records reaches the outside.

The data set (the person is Awa Author, of ADB, Cameroon):

- three published practices she wrote for ADB: "Le warrantage à Ngaoundéré" (public),
  "Les tontines de Bafut" (network), "Notre caisse interne" (ADB only, with RFP as partner),
  and a draft that no one but her sees;
- adoptions: the warrantage by ADB itself (not counted: it is the lead organisation), by
  ATE (Chad) and JSB (Congo); the tontines by ATE; the internal fund by RFP (Benin);
- feedback reports: warrantage 4 and 5 (ATE; the 5 for ATE only) and 4 (JSB), so 3
  reports averaging 4.3; ADB's own report (1) is not counted; tontines 2; internal fund 5;
- views: warrantage 7 (10 days ago) + 5 (200 days ago) = 12 in the last 12 months, not
  the 100 of 400 days ago nor the 50 PDF downloads; tontines 3; internal fund 4;
  saves: warrantage 1 (another, 400 days old, does not count), tontines 1;
- a presentation at a public workshop, another at an ADB-only workshop; an accepted answer
  on the warrantage's discussion; a final restitution at the public workshop; she was
  present at the public workshop;
- thanks: on the warrantage from Oscar (ATE) "Merci, nous l'avons adaptée à Moundou.",
  on the internal fund from Colin (ADB) "Très utile pour notre caisse."
"""

from __future__ import annotations

import html
import re
from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_person
from palabre.adoptions.models import Adoption, FeedbackReport
from palabre.audit.models import AuditEvent
from palabre.discussions.models import Answer, Space, Thread
from palabre.lib.errors import ServiceError
from palabre.organisations.models import Organisation
from palabre.practices.models import DailyCount, SavedPractice
from palabre.recognition.models import ContributorSettings, Thanks
from palabre.recognition.selectors.contributors import contributor_summary, organisation_summary
from palabre.recognition.services.contributors import contributor_settings_update
from palabre.workshops.models import Attendance, Restitution, Session, Workshop

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def text(response) -> str:
    """What a page says, without its tags, in single spaces."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    words = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()
    return re.sub(r" ([,.])", r"\1", words)


def says(page: str, line: str) -> bool:
    return re.sub(r"\s+", " ", line) in page


@pytest.fixture
def org_c(db):
    return Organisation.objects.create(
        name="Jeunesse Solidaire de Brazzaville",
        acronym="JSB",
        slug="jsb",
        kind="local_association",
        country="CG",
        region="Brazzaville",
    )


@pytest.fixture
def org_d(db):
    return Organisation.objects.create(
        name="Réseau des Femmes de Parakou",
        acronym="RFP",
        slug="rfp",
        kind="ngo",
        country="BJ",
        region="Borgou",
    )


def _adopt(practice, organisation, by=None):
    return Adoption.objects.create(
        practice=practice,
        organisation=organisation,
        status=Adoption.Status.IN_PROGRESS,
        started_on=timezone.localdate() - timedelta(days=200),
        country=organisation.country,
        region=organisation.region,
        created_by=by,
    )


def _report(adoption, effectiveness, *, visibility="network", by=None):
    return FeedbackReport.objects.create(
        adoption=adoption,
        reported_on=timezone.localdate() - timedelta(days=20),
        effectiveness=effectiveness,
        would_recommend=effectiveness >= 3,
        status_at_report=adoption.status,
        results="Ça a marché.",
        visibility=visibility,
        created_by=by,
    )


def _workshop(facilitator, org, *, title, visibility):
    today = timezone.localdate()
    workshop = Workshop.objects.create(
        title=title,
        objectives="- Partager",
        start_date=today - timedelta(days=20),
        end_date=today - timedelta(days=19),
        city="Bafut",
        status=Workshop.Status.PUBLISHED,
        visibility=visibility,
        created_by=facilitator,
    )
    workshop.organisers.set([org])
    return workshop


def _session(workshop, *, kind, title, **fields):
    return Session.objects.create(
        workshop=workshop,
        kind=kind,
        title=title,
        starts_at=workshop.at(workshop.start_date, time(9, 0)),
        ends_at=workshop.at(workshop.start_date, time(10, 0)),
        **fields,
    )


@pytest.fixture
def network(make_practice, author, colleague, outsider, facilitator, org_a, org_b, org_c, org_d):
    """The fixed data set described at the top of this module."""
    today = timezone.localdate()
    public = make_practice(author, visibility="public", title="Le warrantage à Ngaoundéré")
    network = make_practice(author, visibility="network", title="Les tontines de Bafut")
    private = make_practice(author, visibility="organisation", title="Notre caisse interne")
    private.partners.set([org_d])
    make_practice(author, status="draft", visibility="public", title="Brouillon du moulin")
    jsb = make_person("jsb@jsb.example", "Jules Jsb", organisation=org_c)
    rfp = make_person("rfp@rfp.example", "Rita Rfp", organisation=org_d)

    own = _adopt(public, org_a, by=colleague)
    _report(own, 1, by=colleague)
    ate_public = _adopt(public, org_b, by=outsider)
    _report(ate_public, 4, by=outsider)
    _report(ate_public, 5, visibility="organisation", by=outsider)
    _report(_adopt(public, org_c, by=jsb), 4, by=jsb)
    _report(_adopt(network, org_b, by=outsider), 2, by=outsider)
    _report(_adopt(private, org_d, by=rfp), 5, by=rfp)

    for practice, day, event, count in [
        (public, 10, "view", 7),
        (public, 200, "view", 5),
        (public, 400, "view", 100),
        (public, 10, "pdf", 50),
        (network, 30, "view", 3),
        (private, 5, "view", 4),
    ]:
        DailyCount.objects.create(
            practice=practice, day=today - timedelta(days=day), event=event, count=count
        )
    SavedPractice.objects.create(user=colleague, practice=public)
    old = SavedPractice.objects.create(user=outsider, practice=public)
    SavedPractice.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    SavedPractice.objects.create(user=outsider, practice=network)

    open_workshop = _workshop(
        facilitator, org_a, title="Atelier de Bafut sur l'épargne", visibility="public"
    )
    internal = _workshop(facilitator, org_a, title="Réunion interne ADB", visibility="organisation")
    _session(
        open_workshop,
        kind=Session.Kind.PRESENTATION,
        title="Le warrantage raconté",
        presenter=author,
    )
    _session(internal, kind=Session.Kind.PRESENTATION, title="Exposé interne", presenter=author)
    group = _session(
        open_workshop, kind=Session.Kind.GROUP_WORK, title="Carrefour épargne", rapporteur=author
    )
    Restitution.objects.create(
        session=group,
        key_learnings="Le stock sert de garantie.",
        status=Restitution.Status.FINAL,
        written_by=author,
        finalised_at=timezone.now(),
    )
    Attendance.objects.create(session=group, person=author, present=True, marked_by=facilitator)

    space = Space.objects.create(kind=Space.Kind.PRACTICE, practice=public)
    thread = Thread.objects.create(
        space=space, author=colleague, title="Comment choisir les gérants ?", body="Comment ?"
    )
    answer = Answer.objects.create(thread=thread, author=author, body="Par le groupement.")
    Thread.objects.filter(pk=thread.pk).update(
        accepted_answer=answer, accepted_by=colleague, accepted_at=timezone.now()
    )

    Thanks.objects.create(
        giver=outsider,
        kind=Thanks.Kind.PRACTICE,
        object_id=public.pk,
        message="Merci, nous l'avons adaptée à Moundou.",
    )
    Thanks.objects.create(
        giver=colleague,
        kind=Thanks.Kind.PRACTICE,
        object_id=private.pk,
        message="Très utile pour notre caisse.",
    )
    return {"public": public, "network": network, "private": private}


@pytest.fixture
def client_for(client_for):
    """The shared fixture, with people reading in English (the page's language is the
    person's own before the browser's)."""

    def make(user=None, **defaults):
        if user is not None and user.language != "en":
            user.language = "en"
            user.save(update_fields=["language"])
        return client_for(user, **defaults)

    return make


def _make_public(person):
    ContributorSettings.objects.update_or_create(
        person=person, defaults={"page_visibility": ContributorSettings.PageVisibility.PUBLIC}
    )


# Hand-computed figures, for each viewer -----------------------------------------------------


def test_the_person_sees_every_figure_of_her_page(network, author, client_for):
    response = client_for(author).get(f"/contributors/{author.pk}/", **EN)
    assert response.status_code == 200
    page = text(response)
    for line in [
        "Practices shared: 3",
        "Adoptions by other organisations: 4",
        "Organisations that adopted them: 3",
        "Countries where they were adopted: 3",
        "Feedback reports on those adoptions: 5",
        "Presentations given: 2",
        "Answers that helped: 1",
        "Restitutions written: 1",
        "Workshops attended: 1",
        "Thanks received: 2",
    ]:
        assert says(page, line), line
    # A kind with nothing in it is not listed as a row of zeros.
    assert "Feedback reports written" not in page.split("Practices shared, and what")[0]
    # The warrantage: ATE and JSB (not ADB itself), 3 reports averaging (4 + 5 + 4) / 3.
    assert says(page, "Le warrantage à Ngaoundéré published on")
    assert says(
        page,
        "Adopted by 2 other organisations: Association Tchadienne pour l'Eau, "
        "Jeunesse Solidaire de Brazzaville",
    )
    assert says(page, "Where: Chad (1), Congo (1)")
    assert says(page, "3 feedback reports · average effectiveness 4.3/5")
    assert says(page, "Views in the last 12 months: 12 · Saves in the last 12 months: 1")
    # The tontines and the internal fund.
    assert says(page, "1 feedback report · average effectiveness 2/5")
    assert says(page, "Views in the last 12 months: 3 · Saves in the last 12 months: 1")
    assert says(page, "Where: Benin (1)")
    assert says(page, "1 feedback report · average effectiveness 5/5")
    assert says(page, "Views in the last 12 months: 4 · Saves in the last 12 months: 0")
    # What she did besides, and the thanks with their messages.
    for words in [
        "Le warrantage raconté",
        "Exposé interne",
        "Comment choisir les gérants ?",
        "Carrefour épargne",
        "Atelier de Bafut sur l'épargne",
        "Merci, nous l'avons adaptée à Moundou.",
        "Très utile pour notre caisse.",
        "from Oscar Outsider",
    ]:
        assert words in page, words
    assert "Brouillon du moulin" not in page
    assert "Choose what my page shows" in page


def test_a_member_of_another_organisation_sees_what_the_network_shares(
    network, author, outsider, client_for
):
    page = text(client_for(outsider).get(f"/contributors/{author.pk}/", **EN))
    for line in [
        "Practices shared: 2",
        "Adoptions by other organisations: 3",
        "Organisations that adopted them: 2",
        "Countries where they were adopted: 2",
        "Feedback reports on those adoptions: 4",
        "Presentations given: 1",
        "Answers that helped: 1",
        "Restitutions written: 1",
        "Workshops attended: 1",
        "Thanks received: 1",
        "Where: Chad (1), Congo (1)",
        "3 feedback reports · average effectiveness 4.3/5",
        "1 feedback report · average effectiveness 2/5",
    ]:
        assert says(page, line), line
    assert "Association Tchadienne pour l'Eau" in page  # members see who adopted it
    # Readers and saves are the authors' statistics.
    assert "Views in the last 12 months" not in page
    assert "Choose what my page shows" not in page


def test_an_anonymous_visitor_sees_a_public_page_with_public_items_only(
    network, author, client_for
):
    _make_public(author)
    response = client_for().get(f"/contributors/{author.pk}/", **EN)
    assert response.status_code == 200
    page = text(response)
    for line in [
        "Practices shared: 1",
        "Adoptions by other organisations: 2",
        "Organisations that adopted them: 2",
        "Countries where they were adopted: 2",
        "Feedback reports on those adoptions: 3",
        "Presentations given: 1",
        "Answers that helped: 1",
        "Restitutions written: 1",
        "Workshops attended: 1",
        "Thanks received: 1",
        "Adopted by 2 other organisations",
        "Where: Chad (1), Congo (1)",
        "3 feedback reports · average effectiveness 4.3/5",
        "Merci, nous l'avons adaptée à Moundou.",
    ]:
        assert says(page, line), line
    # Figures only: no adopting organisation, no giver, no statistics, no address.
    for words in [
        "Les tontines de Bafut",
        "Association Tchadienne pour l'Eau",
        "Jeunesse Solidaire de Brazzaville",
        "Oscar Outsider",
        "Views in the last 12 months",
        author.email,
    ]:
        assert words not in page, words


def test_a_page_for_the_network_only_is_not_found_from_outside(network, author, client_for):
    assert client_for().get(f"/contributors/{author.pk}/", **EN).status_code == 404
    assert client_for().get(f"/api/v1/contributors/{author.pk}").status_code == 404
    assert client_for().get("/contributors/999999/", **EN).status_code == 404


def test_facilitators_see_the_statistics_too(network, author, facilitator, client_for):
    page = text(client_for(facilitator).get(f"/contributors/{author.pk}/", **EN))
    assert says(page, "Practices shared: 3")
    assert says(page, "Views in the last 12 months: 12 · Saves in the last 12 months: 1")


# Nothing from organisation-only records reaches the outside ---------------------------------

SECRETS = [
    "Notre caisse interne",
    "Exposé interne",
    "Réunion interne ADB",
    "Très utile pour notre caisse.",
    "Benin",
    "Réseau des Femmes de Parakou",
]


def test_organisation_only_records_stay_inside_on_contributor_pages(
    network, author, outsider, client_for
):
    _make_public(author)
    for client in (client_for(), client_for(outsider)):
        page = text(client.get(f"/contributors/{author.pk}/", **EN))
        for words in SECRETS:
            assert words not in page, words
        api = client.get(f"/api/v1/contributors/{author.pk}").json()
        dumped = str(api)
        for words in SECRETS:
            assert words not in dumped, words
        assert api["totals"]["practices"] in (1, 2)
        assert {p["title"] for p in api["practices"]} <= {
            "Le warrantage à Ngaoundéré",
            "Les tontines de Bafut",
        }


def test_organisation_only_records_stay_inside_on_organisation_pages(
    network, org_a, outsider, colleague, client_for
):
    page = text(client_for(outsider).get(f"/organisations/{org_a.slug}/", **EN))
    assert says(page, "What the organisation shared, and what happened next")
    for line in [
        "Practices shared: 2",
        "Adoptions by other organisations: 3",
        "Organisations that adopted them: 2",
        "Countries where they were adopted: 2",
        "Feedback reports on those adoptions: 4",
        "Presentations given: 1",
        "Answers that helped: 1",
        "Restitutions written: 1",
    ]:
        assert says(page, line), line
    for words in SECRETS:
        assert words not in page, words

    inside = text(client_for(colleague).get(f"/organisations/{org_a.slug}/", **EN))
    for line in [
        "Practices shared: 3",
        "Adoptions by other organisations: 4",
        "Organisations that adopted them: 3",
        "Countries where they were adopted: 3",
        "Feedback reports on those adoptions: 5",
        "Presentations given: 2",
        "Where: Benin (1)",
    ]:
        assert says(inside, line), line
    # Statistics are for the practice's editors: not for a plain colleague.
    assert "Views in the last 12 months" not in inside


def test_the_profile_shows_the_figures_and_the_way_to_the_page(
    network, author, outsider, client_for
):
    mine = text(client_for(author).get(f"/people/{author.pk}/", **EN))
    assert says(mine, "Shared with the network")
    assert says(mine, "Practices shared: 3")
    assert "Choose what my page shows" in mine
    theirs = client_for(outsider).get(f"/people/{author.pk}/", **EN)
    assert f'href="/contributors/{author.pk}/"' in theirs.content.decode()
    assert says(text(theirs), "Practices shared: 2")
    assert "Choose what my page shows" not in text(theirs)


# The API -------------------------------------------------------------------------------


def test_the_api_gives_the_same_figures(network, author, outsider, client_for):
    answer = client_for(author).get(f"/api/v1/contributors/{author.pk}")
    assert answer.status_code == 200
    data = answer.json()
    assert data["totals"] == {
        "practices": 3,
        "adoptions": 4,
        "organisations": 3,
        "countries": 3,
        "feedback_reports": 5,
        "thanks": 2,
    }
    practices = {p["title"]: p for p in data["practices"]}
    warrantage = practices["Le warrantage à Ngaoundéré"]
    assert warrantage["adoptions"] == 2
    assert warrantage["feedback_reports"] == 3
    assert warrantage["average_effectiveness"] == 4.3
    assert sorted((p["country"], p["adoptions"]) for p in warrantage["places"]) == [
        ("CG", 1),
        ("TD", 1),
    ]
    assert warrantage["views_last_12_months"] == 12
    assert warrantage["saves_last_12_months"] == 1
    assert sorted(a["name"] for a in warrantage["adopters"]) == [
        "Association Tchadienne pour l'Eau",
        "Jeunesse Solidaire de Brazzaville",
    ]
    counts = {c["key"]: c["count"] for c in data["contributions"]}
    assert counts == {
        "presentations": 2,
        "answers": 1,
        "restitutions": 1,
        "feedback": 0,
        "workshops": 1,
        # Registered by internal training (palabre.learning.contributions).
        "trainings_given": 0,
        "trainings_followed": 0,
    }
    assert data["email"] is None

    outside = client_for(outsider).get(f"/api/v1/contributors/{author.pk}").json()
    assert outside["totals"]["practices"] == 2
    assert outside["totals"]["thanks"] == 1
    assert all(p["views_last_12_months"] is None for p in outside["practices"])


# Choices ------------------------------------------------------------------------------


def test_the_person_chooses_a_public_page_and_shows_her_address(author, outsider, client_for):
    mine = client_for(author)
    assert mine.get("/contributors/me/settings/", **EN).status_code == 200
    response = mine.post(
        "/contributors/me/settings/", {"page_visibility": "public", "show_email": "on"}, **EN
    )
    assert response.status_code == 302
    assert response["Location"] == f"/contributors/{author.pk}/"
    assert client_for().get(f"/contributors/{author.pk}/", **EN).status_code == 200
    # The address: for members only, even on a public page.
    assert author.email in text(client_for(outsider).get(f"/contributors/{author.pk}/", **EN))
    assert author.email not in text(client_for().get(f"/contributors/{author.pk}/", **EN))
    event = AuditEvent.objects.filter(action="contributor_settings.updated").get()
    assert event.actor == author

    mine.post("/contributors/me/settings/", {"page_visibility": "network"}, **EN)
    assert client_for().get(f"/contributors/{author.pk}/", **EN).status_code == 404
    assert author.email not in text(client_for(outsider).get(f"/contributors/{author.pk}/", **EN))


def test_bad_choices_are_refused_with_a_message(author, client_for):
    response = client_for(author).post(
        "/contributors/me/settings/", {"page_visibility": "everyone"}, **EN
    )
    assert response.status_code == 400
    assert "Select a valid choice" in text(response)
    assert not ContributorSettings.objects.filter(person=author).exists()


def test_the_settings_page_is_for_logged_in_people(client_for):
    response = client_for().get("/contributors/me/settings/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_only_the_person_changes_her_choices(author, colleague):
    with pytest.raises(ServiceError) as refused:
        contributor_settings_update(
            person=author, by=colleague, page_visibility="public", show_email=True
        )
    assert refused.value.status == 403
    with pytest.raises(ServiceError):
        contributor_settings_update(
            person=author, by=author, page_visibility="everyone", show_email=True
        )
    assert not ContributorSettings.objects.filter(person=author).exists()


# Few queries -----------------------------------------------------------------------------


def test_the_summary_takes_the_same_number_of_queries_for_many_practices(
    network, author, outsider, make_practice, org_b, django_assert_max_num_queries
):
    def count(viewer) -> int:
        with CaptureQueriesContext(connection) as queries:
            contributor_summary(author, viewer=viewer)
        return len(queries)

    # (The first call also reads the viewer's memberships, kept on the user object.)
    for viewer in (author, outsider):
        contributor_summary(author, viewer=viewer)
    before = {viewer.pk: count(viewer) for viewer in (author, outsider)}
    for n in range(6):
        extra = make_practice(author, visibility="network", title=f"Pratique {n}")
        _report(_adopt(extra, org_b), 3)
        DailyCount.objects.create(
            practice=extra, day=timezone.localdate(), event="view", count=n + 1
        )
    for viewer in (author, outsider):
        assert count(viewer) == before[viewer.pk]
        with django_assert_max_num_queries(20):
            summary = contributor_summary(author, viewer=viewer)
    assert len(summary.practices) == 8
    with django_assert_max_num_queries(14):
        organisation_summary(author.memberships.first().organisation, viewer=outsider)
