"""Schemathesis over the OpenAPI document: whatever it sends, the API answers no 5xx, and
every answer is one the document describes (status, content type, JSON schema).

It runs the Django WSGI application in the test's transaction, as an anonymous caller and
as a member of an organisation with a personal token. Bounded in time: a few examples per
operation, derandomised so that a run is the same on every machine.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis.config import SchemathesisConfig

from conftest import make_person
from palabre.accounts.services import api_token_create
from palabre.api import api

# Hypothesis keeps its caches out of the work tree.
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "palabre-hypothesis"))

# The document as the API serves it at /api/v1/openapi.json.
DOCUMENT = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))

EXAMPLES_PER_OPERATION = 12
CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {
            "max-examples": EXAMPLES_PER_OPERATION,
            "deterministic": True,
            "database": "none",
            # Anonymous is anonymous: no made-up token or session cookie.
            "with-security-parameters": False,
        },
        # The documented examples, the edges of each schema (coverage), then generated data.
        # At the edges, pydantic's lax mode reads `false` or "5" as a number, as documented
        # by pydantic: only values beyond the edges must be refused there.
        "phases": {
            "coverage": {"checks": {"negative_data_rejection": {"enabled": False}}},
            "stateful": {"enabled": False},
        },
        # The WSGI client does not decompress what GZipMiddleware compresses.
        "headers": {"Accept-Encoding": "identity"},
        "cache": {"enabled": False},
        # A request the schema allows may still break a rule (an unknown slug, a period that
        # ends before it starts): a 400 with the reason is right there.
        "checks": {"positive_data_acceptance": {"enabled": False}},
    }
)
schema = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG)
BOUNDED = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def app(db, org_a):
    """The WSGI application, its requests kept inside the test's transaction (as Django's
    test client does: closing "old" connections would end it)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def member_token(org_a):
    member = make_person("fuzz@adb.example", "Fatou Fuzz", organisation=org_a)
    _token, secret = api_token_create(user=member, name="schemathesis")
    return secret


@pytest.mark.api_fuzz
@schema.parametrize()
@BOUNDED
def test_anonymous_callers_get_documented_answers(case, app):
    case.call_and_validate(app=app)


@pytest.mark.api_fuzz
@schema.parametrize()
@BOUNDED
def test_members_get_documented_answers(case, app, member_token):
    case.call_and_validate(app=app, headers={"Authorization": f"Bearer {member_token}"})
