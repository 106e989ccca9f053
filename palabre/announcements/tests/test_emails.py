"""The announcement's e-mail: once, to its audience only, not to those who said never."""

from __future__ import annotations

from django.core import mail

from palabre.announcements.models import Announcement, Delivery
from palabre.announcements.tasks import emails_due
from palabre.notifications.models import NotificationPreference


def test_the_email_goes_once_to_the_audience_only(
    publish,
    run_tasks,
    django_capture_on_commit_callbacks,
    org_a,
    org_admin,
    author,
    colleague,
    outsider,
    volunteer,
):
    NotificationPreference.objects.create(user=colleague, kind="*", delivery="never")
    with django_capture_on_commit_callbacks(execute=True):
        publish(
            org_admin,
            title="Réunion ADB",
            audience="organisations",
            organisations=[org_a],
            send_email=True,
        )
    for _ in range(2):  # the worker runs twice, and its minute job too
        emails_due()
        with django_capture_on_commit_callbacks(execute=True):
            run_tasks()
        with django_capture_on_commit_callbacks(execute=True):
            run_tasks()
    received = sorted(address for m in mail.outbox for address in m.to)
    assert received == sorted([org_admin.email, author.email, volunteer.email])
    assert all(m.subject == "Réunion ADB" for m in mail.outbox)
    assert Delivery.objects.count() == 3


def test_an_announcement_that_starts_later_is_emailed_when_it_starts(
    publish, run_tasks, django_capture_on_commit_callbacks, facilitator, author
):
    with django_capture_on_commit_callbacks(execute=True):
        a = publish(facilitator, title="Plus tard", starts=1, ends=3, send_email=True)
    emails_due()
    run_tasks()
    assert not Delivery.objects.exists()
    Announcement.objects.filter(pk=a.pk).update(starts_at=a.starts_at.replace(year=2020))
    with django_capture_on_commit_callbacks(execute=True):
        assert emails_due() == [a.pk]
        run_tasks()
    assert emails_due() == []
    assert set(Delivery.objects.values_list("user_id", flat=True)) == {facilitator.pk, author.pk}


def test_without_the_choice_no_email_is_sent(
    publish, run_tasks, django_capture_on_commit_callbacks, facilitator, author
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(facilitator, title="Sans e-mail")
    emails_due()
    run_tasks()
    assert not Delivery.objects.exists() and not mail.outbox
