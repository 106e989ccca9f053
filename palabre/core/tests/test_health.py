"""/healthz tells a monitor when the queue is not being worked (finding 2 of issue 15:
the worker had died, e-mails waited, and health still answered 200)."""

from __future__ import annotations

from datetime import timedelta

from django.db import OperationalError
from django_tasks_db.models import DBTaskResult

from palabre.core import views
from palabre.core.models import OutgoingEmail
from palabre.core.tasks import deliver_email, worker_heartbeat


def get_health(client):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response


def test_healthy_when_the_worker_is_seen_and_nothing_waits(client, db, clock, queue_email):
    worker_heartbeat(worker_id="w1", started_at=clock.now)
    queue_email(to="awa@adb.example")
    clock.advance(seconds=30)
    response = get_health(client)
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "worker_last_seen_seconds": 30,
        "oldest_task_waiting_seconds": None,
        "oldest_email_waiting_seconds": 30,
        "emails_not_delivered": 0,
        "stalled_after_seconds": 600,
    }
    assert b"awa" not in response.content and b"adb.example" not in response.content


def test_stalled_when_the_worker_is_gone(client, db, clock, settings):
    worker_heartbeat(worker_id="w1", started_at=clock.now)
    clock.advance(seconds=settings.WORKER_STALLED_AFTER_SECONDS)
    assert get_health(client).status_code == 200
    clock.advance(seconds=1)
    response = get_health(client)
    assert response.status_code == 503
    assert response.json()["status"] == "stalled"
    assert response.json()["reason"] == "no worker seen for 601 s"


def test_stalled_when_a_task_waits_too_long(client, db, clock, settings):
    worker_heartbeat(worker_id="w1", started_at=clock.now)
    deliver_email.enqueue(1)
    clock.advance(seconds=settings.WORKER_STALLED_AFTER_SECONDS + 60)
    worker_heartbeat(worker_id="w1", started_at=clock.now)  # alive, but stuck
    response = get_health(client)
    assert response.status_code == 503
    assert response.json()["reason"] == "a task has waited 660 s"
    assert response.json()["oldest_task_waiting_seconds"] == 660


def test_a_task_planned_for_later_is_not_waiting(client, db, clock):
    deliver_email.using(run_after=clock.now + timedelta(hours=2)).enqueue(1)
    clock.advance(hours=1)
    assert get_health(client).json()["oldest_task_waiting_seconds"] is None
    clock.advance(hours=1, seconds=30)
    assert get_health(client).json()["oldest_task_waiting_seconds"] == 30


def test_stalled_when_an_email_waits_too_long_even_with_no_worker_ever_seen(
    client, db, clock, queue_email
):
    queue_email()
    clock.advance(minutes=11)
    response = get_health(client)
    assert response.status_code == 503
    assert response.json()["reason"] == "an e-mail has waited 660 s"
    assert response.json()["worker_last_seen_seconds"] is None


def test_an_email_waiting_for_its_next_try_is_not_stalled(client, db, clock, queue_email):
    email = queue_email()
    OutgoingEmail.objects.filter(pk=email.pk).update(
        attempts=3, next_attempt_at=clock.now + timedelta(hours=1)
    )
    clock.advance(minutes=30)
    worker_heartbeat(worker_id="w1", started_at=clock.now)
    assert get_health(client).status_code == 200
    clock.advance(minutes=45)
    worker_heartbeat(worker_id="w1", started_at=clock.now)
    assert get_health(client).json()["reason"] == "an e-mail has waited 900 s"


def test_undelivered_emails_are_counted_without_failing_health(client, db, queue_email):
    for status in ("failed", "uncertain", "sent"):
        OutgoingEmail.objects.filter(pk=queue_email().pk).update(status=status)
    response = get_health(client)
    assert response.status_code == 200 and response.json()["emails_not_delivered"] == 2


def test_database_unavailable(client, db, monkeypatch):
    def broken():
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(views, "queue_health", broken)
    response = get_health(client)
    assert response.status_code == 503
    assert response.json() == {"status": "error", "reason": "database unavailable"}


def test_health_costs_few_queries(client, db, django_assert_num_queries):
    DBTaskResult.objects.all().delete()
    with django_assert_num_queries(7):
        client.get("/healthz")


def test_the_workers_housekeeping_is_what_health_sees(client, db, clock, monkeypatch):
    from palabre.core.management.commands import worker

    monkeypatch.setattr(worker, "close_old_connections", lambda: None)  # the test's connection
    worker.housekeeping(worker_id="w1", started_at=clock.now)
    clock.advance(seconds=45)
    assert get_health(client).json()["worker_last_seen_seconds"] == 45
    worker.housekeeping(worker_id="w1", started_at=clock.now)
    assert get_health(client).json()["worker_last_seen_seconds"] == 0
