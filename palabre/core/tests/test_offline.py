"""Reading offline, server side: the service worker's script, the offline page, what the
save button and the answer form tell palabre.js, and logging out forgetting the device."""

import pytest

from palabre.discussions.models import Answer
from palabre.discussions.services import answer_post, space_for, thread_create
from palabre.practices.models import SavedPractice

pytestmark = pytest.mark.django_db


def test_the_service_worker_looks_after_the_whole_site_and_is_never_cached(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    script = response.content.decode()
    assert 'var OFFLINE = "/offline/";' in script
    assert 'var KEPT = "palabre-kept";' in script
    # The browser checks it on every visit: unchanged, it costs no body.
    again = client.get("/sw.js", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert client.post("/sw.js").status_code == 405


def test_the_content_security_policy_lets_the_site_run_its_own_worker(client):
    policy = client.get("/offline/")["Content-Security-Policy"]
    assert "worker-src 'self'" in policy


def test_the_offline_page_explains_what_is_kept(client, client_for, colleague):
    page = client.get("/offline/")
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-cache"
    text = page.content.decode()
    assert "Lire hors connexion" in text or "Read offline" in text
    assert 'data-offline-index="/offline/kept.json"' in text
    member = client_for(colleague).get("/offline/")
    assert member.status_code == 200
    assert "data-offline-list" in member.content.decode()


def test_logging_out_asks_the_browser_to_forget_this_device(client_for, colleague):
    response = client_for(colleague).post("/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_the_save_button_says_what_to_keep_and_what_to_drop(
    client_for, make_practice, author, colleague
):
    practice = make_practice(author)
    member = client_for(colleague)
    page = member.get(practice.get_absolute_url()).content.decode()
    assert 'data-offline="drop"' in page and "data-offline-state" not in page

    saved = member.post(f"/practices/{practice.pk}/save/", HTTP_HX_REQUEST="true")
    assert SavedPractice.objects.filter(user=colleague, practice=practice).exists()
    button = saved.content.decode()
    assert 'data-offline="keep"' in button
    assert f'data-offline-url="{practice.get_absolute_url()}"' in button
    assert f'data-offline-pdf="/practices/{practice.pk}/pdf/"' in button
    assert '<p class="small" data-offline-state hidden><a href="/offline/">' in button


def test_only_the_persons_own_answers_carry_their_submission_key(
    client_for, make_practice, author, colleague
):
    practice = make_practice(author)
    thread = thread_create(space=space_for(practice), by=author, title="Qui choisit ?", body="…")
    answer_post(thread=thread, by=author, body="L'assemblée.", submission_key="a" * 32)
    answer_post(thread=thread, by=colleague, body="Chez nous aussi.", submission_key="b" * 32)
    assert Answer.objects.count() == 2

    page = client_for(colleague).get(thread.get_absolute_url()).content.decode()
    assert f'data-key="{"b" * 32}"' in page
    assert "a" * 32 not in page  # another person's key is never shown
    assert 'data-keep="answer-' in page and "data-keep-waiting=" in page
