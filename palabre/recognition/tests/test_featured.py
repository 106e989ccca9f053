"""Featured items: facilitators feature a practice, a person or an organisation with a reason
and a period; the home page shows the current ones to whoever may see them; the history stays."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.utils import timezone

from palabre.accounts.services import api_token_create
from palabre.audit.models import AuditEvent
from palabre.lib.errors import ServiceError
from palabre.notifications.models import Notification
from palabre.recognition import kinds
from palabre.recognition.models import ContributorSettings, Feature
from palabre.recognition.selectors.featured import current_features
from palabre.recognition.services.featured import feature_create, feature_end

REASON = "Un magasin de stockage géré par les femmes, adopté dans trois villages."


def text(response) -> str:
    return html.unescape(response.content.decode())


def home_panel(response) -> str:
    """The "Featured" panel of the home page (other panels list recent practices too)."""
    page = text(response)
    start = page.find('id="featured-home-title"')
    return page[start : page.find("</section>", start)] if start >= 0 else ""


def english(*people):
    for person in people:
        person.language = "en"
        person.save(update_fields=["language"])


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def public_practice(make_practice, author):
    return make_practice(author, visibility="public", title="Le grenier des femmes de Bafut")


@pytest.fixture
def feature(facilitator, today):
    """Feature an item directly through the service, from today for two weeks."""

    def make(kind, item, reason=REASON, *, starts=0, days=14):
        return feature_create(
            by=facilitator,
            kind=kind,
            item=item,
            reason=reason,
            starts_on=today + timedelta(days=starts),
            ends_on=today + timedelta(days=starts + days),
        )

    return make


@pytest.fixture
def bearer(db):
    def make(user):
        _token, secret = api_token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    return make


def form_data(today, reason=REASON, *, start=0, end=14):
    return {
        "reason": reason,
        "starts_on": (today + timedelta(days=start)).isoformat(),
        "ends_on": (today + timedelta(days=end)).isoformat(),
    }


# Featuring, through the facilitators' form -----------------------------------------


def test_a_facilitator_features_a_practice_and_its_authors_are_told(
    client_for, facilitator, author, public_practice, today
):
    english(facilitator)
    client = client_for(facilitator)
    page = client.get(f"/featured/new/?practice={public_practice.pk}")
    assert page.status_code == 200
    assert "Feature this practice" in text(page)
    response = client.post(
        f"/featured/new/?practice={public_practice.pk}", form_data(today), follow=True
    )
    assert response.status_code == 200
    assert "Featured. Those concerned have been told." in text(response)
    feature = Feature.objects.get()
    assert (feature.kind, feature.practice, feature.reason, feature.featured_by) == (
        "practice",
        public_practice,
        REASON,
        facilitator,
    )
    told = Notification.objects.get(recipient=author, kind=kinds.FEATURED)
    assert public_practice.title in told.title
    assert REASON in told.body
    assert AuditEvent.objects.filter(action="recognition.featured", target_id=str(feature.pk))


def test_a_person_and_an_organisation_can_be_featured(
    client_for, facilitator, outsider, org_a, org_admin, today
):
    client = client_for(facilitator)
    assert client.post(f"/featured/new/?person={outsider.pk}", form_data(today)).status_code == 302
    assert client.post("/featured/new/?organisation=adb", form_data(today)).status_code == 302
    assert set(Feature.objects.values_list("kind", flat=True)) == {"person", "organisation"}
    assert Notification.objects.filter(recipient=outsider, kind=kinds.FEATURED).exists()
    assert Notification.objects.filter(recipient=org_admin, kind=kinds.FEATURED).exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reason": ""}, "Say why in one or two sentences"),
        ({"reason": "   \n  "}, "Say why in one or two sentences"),
        ({"reason": "x" * 301}, "The reason is too long (300 characters at most)."),
        ({"start": 10, "end": 3}, "The last day comes before the first day."),
        ({"start": -20, "end": -5}, "The last day has already passed."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_written(
    client_for, facilitator, author, public_practice, today, change, message
):
    english(facilitator)
    values = {"reason": REASON, "start": 0, "end": 14, **change}
    response = client_for(facilitator).post(
        f"/featured/new/?practice={public_practice.pk}",
        form_data(today, values["reason"], start=values["start"], end=values["end"]),
    )
    assert response.status_code == 400
    assert message in text(response)
    assert not Feature.objects.exists()
    assert not Notification.objects.filter(kind=kinds.FEATURED).exists()


def test_missing_or_unreadable_dates_are_refused(client_for, facilitator, public_practice):
    response = client_for(facilitator).post(
        f"/featured/new/?practice={public_practice.pk}",
        {"reason": REASON, "starts_on": "", "ends_on": "not a date"},
    )
    assert response.status_code == 400
    assert not Feature.objects.exists()


def test_an_unpublished_practice_cannot_be_featured(
    client_for, facilitator, make_practice, author, today
):
    english(facilitator)
    draft = make_practice(author, status="draft", title="Brouillon")
    response = client_for(facilitator).post(f"/featured/new/?practice={draft.pk}", form_data(today))
    assert response.status_code == 400
    assert "Only a published practice can be featured." in text(response)
    assert not Feature.objects.exists()


def test_only_facilitators_feature(client_for, author, outsider, public_practice, today, client):
    for user in (author, outsider):
        url = f"/featured/new/?practice={public_practice.pk}"
        assert client_for(user).get(url).status_code == 404
        assert client_for(user).post(url, form_data(today)).status_code == 404
    assert client.get(f"/featured/new/?practice={public_practice.pk}").status_code == 404
    with pytest.raises(ServiceError) as refused:
        feature_create(
            by=author,
            kind="practice",
            item=public_practice,
            reason=REASON,
            starts_on=today,
            ends_on=today,
        )
    assert refused.value.status == 403
    assert not Feature.objects.exists()


def test_the_form_needs_an_item_that_exists(client_for, facilitator):
    client = client_for(facilitator)
    for query in ("", "?practice=999999", "?person=abc", "?organisation=nowhere"):
        assert client.get(f"/featured/new/{query}").status_code == 404


# The home page ---------------------------------------------------------------------


def test_the_home_page_shows_a_current_public_practice_and_its_reason_to_everyone(
    client, client_for, outsider, public_practice, feature
):
    english(outsider)
    feature("practice", public_practice)
    for visitor in (client, client_for(outsider)):
        response = visitor.get("/", HTTP_ACCEPT_LANGUAGE="en")
        assert "Featured" in text(response)
        page = home_panel(response)
        assert public_practice.title in page
        assert REASON in page


def test_a_network_practice_is_featured_for_members_only(
    client, client_for, outsider, make_practice, author, feature
):
    practice = make_practice(author, visibility="network", title="La caisse de solidarité")
    feature("practice", practice)
    assert home_panel(client.get("/")) == ""
    assert practice.title in home_panel(client_for(outsider).get("/"))


def test_an_organisation_only_practice_is_featured_for_its_organisation_only(
    client_for, outsider, colleague, make_practice, author, feature
):
    practice = make_practice(author, visibility="organisation", title="Le secret de Bafut")
    feature("practice", practice)
    assert home_panel(client_for(outsider).get("/")) == ""
    assert practice.title in home_panel(client_for(colleague).get("/"))


def test_a_person_is_featured_to_visitors_only_if_their_page_is_public(
    client, client_for, outsider, feature
):
    feature("person", outsider, "Elle a formé douze animatrices cette année.")
    assert home_panel(client.get("/")) == ""
    assert "Oscar Outsider" in home_panel(client_for(outsider).get("/"))
    ContributorSettings.objects.create(person=outsider, page_visibility="public")
    assert "Elle a formé douze animatrices" in home_panel(client.get("/"))


def test_only_current_features_are_on_the_home_page(
    client, make_practice, author, feature, facilitator, today
):
    later = make_practice(author, visibility="public", title="Pour plus tard")
    ended = make_practice(author, visibility="public", title="Arrêtée avant")
    feature("practice", later, starts=3)
    feature_end(feature=feature("practice", ended), by=facilitator)
    assert home_panel(client.get("/")) == ""
    assert (
        current_features(viewer=facilitator, today=today + timedelta(days=3))[0].practice == later
    )


def test_an_archived_practice_is_featured_no_more(client, public_practice, feature):
    feature("practice", public_practice)
    public_practice.status = "archived"
    public_practice.save()
    assert home_panel(client.get("/")) == ""


def test_the_home_page_panel_costs_the_same_however_many_items(
    rf, outsider, make_practice, author, feature, org_a, django_assert_max_num_queries
):
    from palabre.recognition.panels.featured import home_featured

    feature("organisation", org_a)
    feature("person", author)

    def panel() -> str:
        request = rf.get("/")
        request.user = type(outsider).objects.get(pk=outsider.pk)  # nothing cached
        with django_assert_max_num_queries(2):  # the person's organisations, the features
            return home_featured(request)

    assert "Awa Author" in panel()
    for number in range(5):
        feature("practice", make_practice(author, visibility="network", title=f"Pratique {number}"))
    page = panel()
    assert "Pratique 4" in page
    assert "Awa Author" in page


# Ending, and the history -------------------------------------------------------------


def test_ending_a_feature_keeps_it_in_the_history(
    client, client_for, facilitator, public_practice, feature
):
    english(facilitator)
    featured = feature("practice", public_practice)
    client_facilitator = client_for(facilitator)
    response = client_facilitator.post(f"/featured/{featured.pk}/end/", follow=True)
    assert response.status_code == 200
    assert "The feature has ended. It stays in the history." in text(response)
    featured.refresh_from_db()
    assert featured.ended_at is not None
    assert home_panel(client.get("/")) == ""
    history = text(client_facilitator.get("/featured/"))
    assert public_practice.title in history
    assert REASON in history
    assert "ended early on" in history
    assert Feature.objects.count() == 1
    # Twice is refused, plainly.
    assert client_facilitator.post(f"/featured/{featured.pk}/end/").status_code == 409


def test_only_facilitators_end_a_feature(client, client_for, author, public_practice, feature):
    featured = feature("practice", public_practice)
    assert client_for(author).post(f"/featured/{featured.pk}/end/").status_code == 404
    assert client.post(f"/featured/{featured.pk}/end/").status_code in (403, 404)
    featured.refresh_from_db()
    assert featured.ended_at is None


def test_the_history_shows_each_person_what_they_may_see(
    client, client_for, facilitator, outsider, colleague, make_practice, author, feature
):
    english(outsider, facilitator)
    secret = make_practice(author, visibility="organisation", title="Le secret de Bafut")
    public = make_practice(author, visibility="public", title="Le grenier ouvert")
    feature("practice", secret, "Raison confidentielle de Bafut.")
    feature("practice", public)
    planned = make_practice(author, visibility="public", title="Prévue pour plus tard")
    feature("practice", planned, starts=5)
    outsider_page = text(client_for(outsider).get("/featured/"))
    assert "Le grenier ouvert" in outsider_page
    assert "Le secret de Bafut" not in outsider_page
    assert "Raison confidentielle" not in outsider_page
    assert "Prévue pour plus tard" not in outsider_page
    assert "Le secret de Bafut" in text(client_for(colleague).get("/featured/"))
    assert "Le grenier ouvert" in text(client.get("/featured/"))
    facilitator_page = text(client_for(facilitator).get("/featured/"))
    for title in ("Le secret de Bafut", "Le grenier ouvert", "Prévue pour plus tard"):
        assert title in facilitator_page
    assert "chosen by Fanta Facilitator" in facilitator_page
    assert facilitator_page.count("End now") == 3
    assert "End now" not in outsider_page


# The facilitators' panels ------------------------------------------------------------


def test_facilitators_find_the_feature_link_on_the_pages(
    client_for, facilitator, author, outsider, public_practice
):
    english(facilitator, author)
    client = client_for(facilitator)
    assert f"/featured/new/?practice={public_practice.pk}" in text(
        client.get(public_practice.get_absolute_url())
    )
    assert f"/featured/new/?person={outsider.pk}" in text(client.get(outsider.get_absolute_url()))
    assert "/featured/new/?organisation=adb" in text(client.get("/organisations/adb/"))
    assert "/featured/new/" not in text(client_for(author).get(public_practice.get_absolute_url()))


def test_the_panel_says_what_is_featured_until_when(
    client_for, facilitator, public_practice, feature
):
    english(facilitator)
    feature("practice", public_practice)
    assert "Featured until" in text(client_for(facilitator).get(public_practice.get_absolute_url()))


# API ---------------------------------------------------------------------------------


def test_the_api_lists_current_features_with_reasons_as_the_caller_may_see(
    client, client_for, outsider, make_practice, author, public_practice, feature
):
    network = make_practice(author, visibility="network", title="Pour le réseau")
    feature("practice", public_practice)
    feature("practice", network)
    anonymous = client.get("/api/v1/featured").json()
    assert [f["item"]["name"] for f in anonymous] == [public_practice.title]
    assert anonymous[0]["reason"] == REASON
    assert anonymous[0]["status"] == "current"
    member = client_for(outsider).get("/api/v1/featured").json()
    assert {f["item"]["name"] for f in member} == {public_practice.title, network.title}


def test_facilitators_feature_and_end_through_the_api(
    client, bearer, facilitator, outsider, public_practice, today
):
    payload = {
        "kind": "practice",
        "practice": public_practice.pk,
        "reason": REASON,
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=7)).isoformat(),
    }
    url = "/api/v1/featured"
    assert client.post(url, payload, content_type="application/json").status_code == 401
    refused = client.post(url, payload, content_type="application/json", **bearer(outsider))
    assert refused.status_code == 403
    bad = client.post(
        url,
        {**payload, "reason": " "},
        content_type="application/json",
        **bearer(facilitator),
    )
    assert bad.status_code == 400
    assert "Say why" in bad.json()["detail"] or "Dites pourquoi" in bad.json()["detail"]
    mixed = client.post(
        url,
        {**payload, "person": outsider.pk},
        content_type="application/json",
        **bearer(facilitator),
    )
    assert mixed.status_code == 400
    created = client.post(url, payload, content_type="application/json", **bearer(facilitator))
    assert created.status_code == 201, created.content
    feature_id = created.json()["id"]
    assert client.post(f"{url}/{feature_id}/end", **bearer(outsider)).status_code == 404
    ended = client.post(f"{url}/{feature_id}/end", **bearer(facilitator))
    assert ended.status_code == 200
    assert ended.json()["status"] == "ended"
    assert client.get(url).json() == []
    assert Feature.objects.count() == 1


def test_openapi_describes_the_featured_routes(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "get" in paths["/api/v1/featured"]
    assert "post" in paths["/api/v1/featured"]
    assert "post" in paths["/api/v1/featured/{feature_id}/end"]
