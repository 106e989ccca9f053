"""The practice page kept for anonymous visitors (palabre/practices/page_cache.py) shows
at once what other apps' panels show: a thanks, a question, an adoption. (Here because
it uses every app; the rest of the page's tests are in practices/tests/test_detail_speed.py.)"""

import re
from datetime import date

import pytest

from palabre.adoptions.services.adoptions import adoption_create
from palabre.discussions import services as discussions
from palabre.recognition.services.thanks import thanks_give


@pytest.fixture
def public(make_practice, author):
    return make_practice(author, visibility="public", title="Les greniers communautaires")


def text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[html.index("<main") :]))


def test_the_anonymous_page_shows_a_thanks_a_question_and_an_adoption_at_once(
    client, public, colleague, outsider, org_b
):
    first = client.get(public.get_absolute_url())
    assert "a dit merci" not in text(first)
    thanks_give(kind="practice", item=public, by=colleague)
    thanked = client.get(public.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert thanked.status_code == 200 and "1 personne a dit merci" in text(thanked)
    discussions.thread_create(
        space=discussions.space_for(public), by=outsider, title="Qui garde la clé ?", body="?"
    )
    assert "Qui garde la clé ?" in text(client.get(public.get_absolute_url()))
    adoption_create(by=outsider, practice=public, organisation=org_b, started_on=date(2026, 1, 5))
    assert "Tchad — 1 adoption" in text(client.get(public.get_absolute_url()))
