"""The API's contract, across every app: numbers are bounded before they reach the database,
every error is JSON (in the caller's language when the message is ours), and the OpenAPI
document gives each schema its own name."""

from __future__ import annotations

import enum
import logging

import pytest
from django.test import Client
from ninja import Router, Schema

from conftest import make_person
from palabre.accounts.services import api_token_create
from palabre.adoptions.models import Adoption, FeedbackReport, Indicator
from palabre.api import Document, PalabreAPI, api
from palabre.discussions.models import Subscription, Thread
from palabre.lib.api import MAX_ID
from palabre.lib.visibility import Visibility
from palabre.practices.models import Practice
from palabre.recognition.models import Feature
from palabre.workshops.models import CollectiveAction, Registration, Session

BIG = 2**64 + 5  # above what any database column holds (2**63 - 1)


def document() -> Document:
    return api.get_openapi_schema(path_prefix="/api/v1/")  # type: ignore[return-value]


def resolve(doc: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def integers(doc: dict, schema: dict, where: str, seen: set[str]):
    """Every integer in a schema, with where it is: (where, schema)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return
        seen = seen | {name}
        schema = resolve(doc, schema)
    if schema.get("type") == "integer":
        yield where, schema
    for key in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(key, []):
            yield from integers(doc, part, where, seen)
    for name, part in schema.get("properties", {}).items():
        yield from integers(doc, part, f"{where}.{name}", seen)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            yield from integers(doc, schema[key], f"{where}[]", seen)


def inputs(doc: dict):
    """(where, schema) of every parameter and request body of every operation."""
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                yield f"{method.upper()} {path} {parameter['name']}", parameter["schema"]
            for content in operation.get("requestBody", {}).get("content", {}).values():
                yield f"{method.upper()} {path} body", content["schema"]


@pytest.fixture
def client():
    """An anonymous caller reading English (the messages asserted here are English)."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def member(org_a):
    """A member of ADB who reads English: the API answers in the token holder's language."""
    return make_person("member@adb.example", "Mamadou Member", organisation=org_a, language="en")


def bearer(user) -> dict[str, str]:
    _token, secret = api_token_create(user=user, name="contract")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


# Numbers ----------------------------------------------------------------------------------


def test_every_integer_the_api_reads_is_bounded_in_the_document():
    doc = document()
    found = [
        (where, schema)
        for place, schema in inputs(doc)
        for where, schema in integers(doc, schema, place, set())
    ]
    assert len(found) > 60  # ids in paths, queries and bodies, offsets, counts…
    unbounded = [
        where for where, schema in found if "maximum" not in schema or "minimum" not in schema
    ]
    assert unbounded == []
    too_big = [where for where, schema in found if schema["maximum"] > MAX_ID]
    assert too_big == []


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/practices?offset={BIG}",
        f"/api/v1/adoptions?practice={BIG}",
        f"/api/v1/feedback?practice={BIG}",
        f"/api/v1/measurements?indicator={BIG}",
        f"/api/v1/discussions/threads?practice={BIG}",
        f"/api/v1/discussions/threads?offset={BIG}",
        f"/api/v1/workshops?offset={BIG}",
        "/api/v1/practices/99999999999999999999",
        f"/api/v1/thanks/practice/{BIG}",
    ],
)
def test_anonymous_callers_sending_huge_integers_get_400_in_json(client, db, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["errors"][0]["type"] == "less_than_equal"
    assert body["detail"]


def test_huge_ids_in_a_body_answer_400_and_change_nothing(client, member):
    response = client.post(
        "/api/v1/notifications/read",
        {"ids": [1, BIG]},
        content_type="application/json",
        **bearer(member),
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["loc"] == ["body", "payload", "ids", 1]


def test_the_largest_id_is_simply_not_found(client, db):
    response = client.get(f"/api/v1/practices/{MAX_ID}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


# Every error is JSON ----------------------------------------------------------------------


def test_an_unknown_address_of_the_api_answers_404_in_json(client, db):
    for response in (
        client.get("/api/v1/nothing/here"),
        client.post("/api/v1/practices/1/nothing", {}, content_type="application/json"),
        client.get("/api/v1/practices/1/"),
    ):
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["detail"] == "There is nothing at this address of the API."


def test_a_wrong_method_answers_405_in_json_with_the_allowed_ones(client, db):
    response = client.delete("/api/v1/practices")
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"
    assert response.json()["detail"] == "This method is not allowed here (allowed: GET, POST)."


def test_bad_input_answers_400_in_json_naming_each_value(client, member):
    response = client.get("/api/v1/practices?limit=1000&offset=-1", **bearer(member))
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "These values are not valid: limit, offset."
    assert [error["loc"] for error in body["errors"]] == [["query", "limit"], ["query", "offset"]]


def test_a_body_that_is_not_json_answers_400_in_json(client, member):
    response = client.post(
        "/api/v1/practices", "{not json", content_type="application/json", **bearer(member)
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "The request body is not valid JSON."


def test_a_body_that_is_not_a_json_object_answers_400(client, member):
    response = client.post(
        "/api/v1/notifications/read", [{}], content_type="application/json", **bearer(member)
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "The request body must be a JSON object: {…}."


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("steps", ["Construire le magasin"]),  # a text where an object is expected
        ("period_end", 0),  # a number where a date is expected (not a timestamp)
    ],
)
def test_a_value_of_the_wrong_kind_answers_400_and_writes_nothing(client, member, field, value):
    response = client.post(
        "/api/v1/practices",
        {"title": "Le warrantage", "lead_organisation": "adb", field: value},
        content_type="application/json",
        **bearer(member),
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["loc"][2] == field
    assert not Practice.objects.exists()


def test_text_with_the_nul_character_answers_400_before_the_database(client, member):
    in_query = client.get("/api/v1/practices?q=a%00b")
    in_body = client.post(
        "/api/v1/discussions/threads",
        {"theme": "epargne-microfinance", "title": "a\x00b", "body": "Question"},
        content_type="application/json",
        **bearer(member),
    )
    in_path = client.get("/api/v1/thanks/practi%00ce/1")
    for response in (in_query, in_body):
        assert response.status_code == 400
        assert response.json()["detail"] == "Text may not contain the NUL character (\\u0000)."
    assert in_path.status_code == 404 and in_path.json()["detail"] == "Not found."
    assert not Thread.objects.exists()


def test_an_invalid_token_answers_401_in_json(client, db):
    response = client.get("/api/v1/practices", HTTP_AUTHORIZATION="Bearer plb_not-a-token")
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid or revoked token."}


def test_a_refusal_answers_403_in_json(client, member, monkeypatch):
    from django.core.exceptions import PermissionDenied

    def refuse(user):
        raise PermissionDenied

    monkeypatch.setattr("palabre.organisations.api.rules.can_see_directory", refuse)
    response = client.get("/api/v1/organisations", **bearer(member))
    assert response.status_code == 403
    assert response.json() == {"detail": "You may not do this."}


def test_our_own_failure_answers_500_in_json_and_is_logged(member, monkeypatch, caplog):
    def broken(user):
        raise RuntimeError("the directory is broken")

    monkeypatch.setattr("palabre.organisations.api.rules.can_see_directory", broken)
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/api/v1/organisations", **bearer(member))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"].startswith("Something went wrong on our side.")
    logged = [r for r in caplog.records if r.name == "django.request" and r.exc_info]
    assert len(logged) == 1 and "the directory is broken" in str(logged[0].exc_info[1])


def test_the_test_client_still_sees_the_exception(member, monkeypatch, client):
    def broken(user):
        raise RuntimeError("the directory is broken")

    monkeypatch.setattr("palabre.organisations.api.rules.can_see_directory", broken)
    with pytest.raises(RuntimeError, match="the directory is broken"):
        client.get("/api/v1/organisations", **bearer(member))


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Indiquez soit une pratique, soit un thème."),
        ("en", "Give either a practice or a theme."),
    ],
)
def test_messages_come_in_the_token_holders_language(client, member, language, message):
    member.language = language
    member.save(update_fields=["language"])
    response = client.post(
        "/api/v1/discussions/threads",
        {"title": "Une question", "body": "Laquelle ?"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en" if language == "fr" else "fr",
        **bearer(member),
    )
    assert response.status_code == 400
    assert response.json() == {"detail": message}


# One name, one schema -----------------------------------------------------------------------


def test_no_two_schemas_share_a_component_name():
    assert document().clashes == {}


# Two apps' schemas and choices that Python names alike (the class names, not these).
FeedbackAnswerLike = type("AnswerIn", (Schema,), {"__annotations__": {"answer": str}})
ThreadAnswerLike = type("AnswerIn", (Schema,), {"__annotations__": {"body": str}})
PracticeKindLike = enum.Enum("Kind", {"PROJECT": "project"}, type=str)
ThreadKindLike = enum.Enum("Kind", {"QUESTION": "question"}, type=str)
PracticeLike = type("PracticeIn", (Schema,), {"__annotations__": {"kind": PracticeKindLike}})
ThreadLike = type("ThreadIn", (Schema,), {"__annotations__": {"kind": ThreadKindLike}})


def test_the_document_notices_two_schemas_of_one_name():
    """What the test above relies on: two apps' AnswerIn and Kind are seen, not overwritten."""
    first, second = Router(), Router()

    @first.post("/answer")
    def feedback(request, payload: FeedbackAnswerLike, practice: PracticeLike):  # type: ignore[valid-type]
        return {}

    @second.post("/answer")
    def thread(request, payload: ThreadAnswerLike, thread: ThreadLike):  # type: ignore[valid-type]
        return {}

    clashing = PalabreAPI(urls_namespace="clashing")
    clashing.add_router("/feedback", first)
    clashing.add_router("/threads", second)
    assert set(Document(clashing, "/").clashes) == {"AnswerIn", "Kind"}


def test_each_answer_body_is_documented_as_its_route_reads_it():
    doc = document()

    def body(path: str) -> dict:
        schema = doc["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        return resolve(doc, schema["schema"])

    assert set(body("/api/v1/feedback/{report_id}/answer")["properties"]) == {
        "answer",
        "addressed_in_version",
    }
    assert "body" in body("/api/v1/discussions/threads/{thread_id}/answers")["properties"]


@pytest.mark.parametrize(
    ("name", "choices"),
    [
        ("PracticeKind", Practice.Kind),
        ("ThreadKind", Thread.Kind),
        ("FollowedKind", Subscription.Kind),
        ("SessionKind", Session.Kind),
        ("FeaturedKind", Feature.Kind),
        ("AdoptionStatus", Adoption.Status),
        ("ActionStatus", CollectiveAction.Status),
        ("RegistrationRole", Registration.Role),
        ("FeedbackVisibility", FeedbackReport.Visibility),
        ("IndicatorValueType", Indicator.ValueType),
        ("IndicatorDirection", Indicator.Direction),
    ],
)
def test_each_choice_documents_its_own_values(name, choices):
    assert document()["components"]["schemas"][name]["enum"] == list(choices.values)


def test_training_visibility_documents_the_shared_visibilities():
    schema = document()["components"]["schemas"]["TrainingVisibility"]
    assert schema["enum"] == list(Visibility.values)


def test_null_for_what_a_practice_always_has_leaves_it_as_it_is(client, member):
    """Found by schemathesis: `"partners": null` was a 500."""
    response = client.post(
        "/api/v1/practices",
        {"title": "Le warrantage", "lead_organisation": "adb", "partners": None, "kind": None},
        content_type="application/json",
        **bearer(member),
    )
    assert response.status_code == 201, response.content
    assert response.json()["partners"] == [] and response.json()["kind"] == "good_practice"
