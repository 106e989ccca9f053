"""Each person chooses per kind: an e-mail right away, a daily summary, or no e-mail."""

from django.core import mail
from django.utils.translation import gettext_lazy

from palabre.core.schedule import registered, run_due_jobs
from palabre.notifications import services
from palabre.notifications.models import Notification, NotificationPreference


def _tell(recipient, practice, kind="practice.published", title="Votre pratique"):
    return services.notify(
        recipient=recipient,
        kind=kind,
        title=gettext_lazy("Your practice “%(title)s” is published"),
        params={"title": title},
        url=practice.get_absolute_url(),
        target=practice,
    )


def test_the_settings_page_lists_every_kind_and_saves_choices(client_for, author, facilitator):
    client = client_for(author)
    page = client.get("/notifications/settings/").content.decode()
    for label in (
        "Des modifications sont demandées sur ma pratique",
        "Ma pratique est publiée",
        "Ma pratique doit être revalidée",
        "Une question est posée sur ma pratique",
        "Une réponse dans une discussion",
        "Ma réponse est marquée comme celle qui a aidé",
        "Quelqu'un me mentionne avec @",
        "Une nouvelle pratique dans un thème",
    ):
        assert label.replace("'", "&#x27;") in page, label
    # What only facilitators receive is offered to them only.
    assert "Une pratique attend ma relecture (animateurs)" not in page
    reviewer = client_for(facilitator).get("/notifications/settings/").content.decode()
    assert "Une pratique attend ma relecture (animateurs)" in reviewer
    response = client.post(
        "/notifications/settings/",
        {f"kind_{k.key}": "daily" for k, _d in services.preferences_for(author)},
    )
    assert response.status_code == 302
    assert services.delivery_for(author, "practice.published") == "daily"
    response = client.post("/notifications/settings/", {"kind_practice.published": "weekly"})
    assert response.status_code == 400
    assert services.delivery_for(author, "practice.published") == "daily"


def test_never_means_no_email_but_still_in_the_app(
    make_practice, author, run_tasks, django_capture_on_commit_callbacks
):
    practice = make_practice(author)
    NotificationPreference.objects.create(user=author, kind="practice.published", delivery="never")
    with django_capture_on_commit_callbacks(execute=True):
        _tell(author, practice)
    run_tasks()
    assert not mail.outbox
    assert Notification.objects.get().email_state == ""


def test_the_daily_summary_gathers_what_waited_once(
    make_practice, author, run_tasks, django_capture_on_commit_callbacks
):
    practice = make_practice(author)
    NotificationPreference.objects.create(user=author, kind="*", delivery="daily")
    with django_capture_on_commit_callbacks(execute=True):
        first = _tell(author, practice, title="Première")
        _tell(author, practice, title="Deuxième")
        already_read = _tell(author, practice, title="Déjà lue")
    run_tasks()
    assert not mail.outbox
    services.notifications_mark_read(user=author, ids=[already_read.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notifications_send_daily_summaries() == 1
    run_tasks()
    (message,) = mail.outbox
    assert message.subject == "Palabre : 2 nouvelles notifications aujourd'hui"
    assert (
        "Première" in message.body and "Deuxième" in message.body and "Déjà lue" not in message.body
    )
    assert "Ne plus recevoir le résumé quotidien" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/notifications/unsubscribe/"
    )
    assert "Première" in message.alternatives[0][0]
    first.refresh_from_db()
    assert first.email_state == "summarised"
    assert services.notifications_send_daily_summaries() == 0


def test_the_summary_leaves_out_what_its_reader_may_no_longer_see(
    make_practice, author, outsider, run_tasks, django_capture_on_commit_callbacks
):
    practice = make_practice(author)
    NotificationPreference.objects.create(user=outsider, kind="*", delivery="daily")
    _tell(outsider, practice, title="Devenue privée")
    practice.visibility = "organisation"
    practice.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notifications_send_daily_summaries() == 0
    run_tasks()
    assert not mail.outbox
    assert Notification.objects.get().email_state == "dropped"


def test_the_summary_runs_as_a_daily_job(
    make_practice, author, run_tasks, django_capture_on_commit_callbacks
):
    assert "notifications.daily_summaries" in registered()
    practice = make_practice(author)
    NotificationPreference.objects.create(user=author, kind="practice.published", delivery="daily")
    _tell(author, practice)
    assert "notifications.daily_summaries" in run_due_jobs()
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()  # the summary, which queues its e-mail
    run_tasks()  # the e-mail
    assert len(mail.outbox) == 1


def test_preferences_through_the_api(client, author):
    from palabre.accounts.services import api_token_create

    _token, secret = api_token_create(user=author, name="t")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    listed = client.get("/api/v1/notifications/preferences", **headers).json()
    assert {"kind": "practice.published", "delivery": "immediate"}.items() <= next(
        p for p in listed if p["kind"] == "practice.published"
    ).items()
    response = client.put(
        "/api/v1/notifications/preferences",
        {"choices": {"practice.published": "never"}},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200
    assert services.delivery_for(author, "practice.published") == "never"
    bad = client.put(
        "/api/v1/notifications/preferences",
        {"choices": {"nothing.here": "never"}},
        content_type="application/json",
        **headers,
    )
    assert bad.status_code == 400


def test_every_kind_the_code_sends_can_be_chosen_in_the_settings(client_for, author):
    """A kind nobody registered would e-mail everyone, with no choice offered and a raw key
    for a name: every notify(kind=…) of the code must be in the settings."""
    import re
    from pathlib import Path

    from palabre.notifications import kinds

    root = Path(__file__).resolve().parents[2]
    sent = set()
    for source in root.glob("*/**/*.py"):
        if "tests" in source.parts or "migrations" in source.parts:
            continue
        text = source.read_text()
        sent |= set(re.findall(r'kind="([a-z_]+\.[a-z_]+)"', text))
        # Registrations are told by status: workshop.confirmed, workshop.waitlisted.
        if 'kind=f"workshop.{status}"' in text:
            sent |= {"workshop.confirmed", "workshop.waitlisted"}
    assert {"workshop.report_shared", "adoption.feedback", "practice.published"} <= sent
    registered = {k.key for k in kinds.registered()}
    assert sent - registered == set()

    page = client_for(author).get("/notifications/settings/").content.decode()
    for label in (
        "Ateliers d&#x27;échanges",
        "Le compte rendu d&#x27;un atelier auquel j&#x27;ai participé est disponible",
        "Adoptions et retours d&#x27;expérience",
        "Un nouveau retour d&#x27;expérience sur ma pratique",
    ):
        assert label in page, label
