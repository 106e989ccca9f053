"""Feedback reminders: a daily job, through the task queue, once per adoption and milestone."""

from datetime import timedelta

from django.core import mail

from palabre.adoptions.models import FeedbackReminder, add_months
from palabre.adoptions.services import feedback_remind
from palabre.notifications.models import Notification


def reminders_to(person):
    return Notification.objects.filter(recipient=person, kind="adoption.feedback_due")


def test_the_team_is_reminded_at_three_months_once(practice, outsider, org_b, adopt, today):
    adoption = adopt(practice, org_b, by=outsider, started=add_months(today, -3))
    assert feedback_remind(today=today) == 1
    assert feedback_remind(today=today) == 0
    assert feedback_remind(today=today + timedelta(days=1)) == 0
    notification = reminders_to(outsider).get()
    assert notification.title.startswith("3 mois avec « Le warrantage à Ngaoundéré »")
    assert notification.url == f"/adoptions/{adoption.pk}/feedback/new/?milestone=3"
    assert FeedbackReminder.objects.get().milestone_months == 3


def test_an_adoption_recorded_late_gets_one_reminder_for_the_latest_milestone(
    practice, outsider, org_b, adopt, today
):
    adopt(practice, org_b, by=outsider, started=add_months(today, -13))
    assert feedback_remind(today=today) == 1
    assert reminders_to(outsider).get().title.startswith("12 mois")
    handled = dict(FeedbackReminder.objects.values_list("milestone_months", "notified"))
    assert handled == {3: False, 12: True}


def test_no_reminder_when_the_team_already_reported_or_the_adoption_ended(
    practice, outsider, org_b, adopt, report, today
):
    reported = adopt(practice, org_b, by=outsider, started=add_months(today, -3))
    report(reported, 4, on=today - timedelta(days=10))
    adopt(practice, org_b, by=outsider, started=add_months(today, -4), status="completed")
    adopt(practice, org_b, by=outsider, started=add_months(today, -4), status="abandoned")
    adopt(practice, org_b, by=outsider, started=today - timedelta(days=30))
    assert feedback_remind(today=today) == 0
    assert not reminders_to(outsider).exists()


def test_milestones_are_configurable(settings, practice, outsider, org_b, adopt, today):
    settings.ADOPTIONS_FEEDBACK_REMINDER_MONTHS = (1, 6)
    adopt(practice, org_b, by=outsider, started=add_months(today, -1))
    assert feedback_remind(today=today) == 1
    assert reminders_to(outsider).get().title.startswith("1 mois")


def test_without_a_contact_the_organisation_administrators_are_reminded(
    practice, outsider, outsider_admin, org_b, adopt, today
):
    adopt(practice, org_b, started=add_months(today, -3))
    assert feedback_remind(today=today) == 1
    assert reminders_to(outsider_admin).exists() and not reminders_to(outsider).exists()


def test_reminders_run_daily_through_the_task_queue_and_send_an_email(
    practice, outsider, org_b, adopt, today, run_tasks, django_capture_on_commit_callbacks
):
    from palabre.core import schedule

    adopt(practice, org_b, by=outsider, started=add_months(today, -3))
    assert "adoptions.feedback_reminders" in schedule.run_due_jobs()
    assert "adoptions.feedback_reminders" not in schedule.run_due_jobs()  # once a day
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()  # the daily job: notifies, and queues the e-mail on commit
    run_tasks()  # the e-mail delivery
    assert reminders_to(outsider).count() == 1
    assert any(outsider.email in message.to for message in mail.outbox)
