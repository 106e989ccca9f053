"""Helpers shared by the discussions tests."""

import pytest

from conftest import make_person


@pytest.fixture
def contact(org_a):
    return make_person("contact@adb.example", "Cécile Contact", organisation=org_a)


@pytest.fixture
def practice(make_practice, author, contact):
    """A published practice of org A, readable by the network, with a separate contact person."""
    practice = make_practice(author, visibility="network")
    practice.contact = contact
    practice.save(update_fields=["contact"])
    return practice


@pytest.fixture
def private_practice(make_practice, author):
    """A practice for org A only."""
    return make_practice(author, visibility="organisation", title="Notre caisse interne")


@pytest.fixture
def ask(client_for):
    """Post a question on a practice as ``user`` through the page's form."""

    def post(
        user,
        practice,
        *,
        title="Comment choisir les gérants ?",
        body="Merci de détailler.",
        **extra,
    ):
        return client_for(user).post(
            f"/discussions/practices/{practice.pk}/ask/",
            {"kind": "question", "title": title, "body": body, "language": "fr", **extra},
        )

    return post
