"""A notification is shown in the language of whoever reads it, not of the day it was written."""

from django.core import mail
from django.utils import translation
from django.utils.translation import gettext_lazy, pgettext_lazy

from conftest import make_person
from palabre.notifications import services
from palabre.notifications.models import Notification


def _published(recipient, practice, **extra):
    return services.notify(
        recipient=recipient,
        kind="practice.published",
        title=gettext_lazy("Your practice “%(title)s” is published"),
        params={"title": practice.title, **extra},
        url=practice.get_absolute_url(),
        target=practice,
        email=False,
    )


def test_a_title_written_in_french_is_read_in_english_by_an_english_reader(
    client_for, make_practice, author
):
    practice = make_practice(author, title="Le warrantage")
    notification = _published(author, practice)
    assert notification.title == "Votre pratique « Le warrantage » est publiée"
    author.language = "en"
    author.save(update_fields=["language"])
    client = client_for(author)
    page = client.get("/notifications/").content.decode()
    assert "Your practice “Le warrantage” is published" in page
    assert "Votre pratique" not in page
    author.language = "fr"
    author.save(update_fields=["language"])
    page = client.get("/notifications/").content.decode()
    assert "Votre pratique « Le warrantage » est publiée" in page


def test_translated_parameters_follow_the_reader_too(make_practice, author):
    practice = make_practice(author, title="Le warrantage")
    notification = services.notify(
        recipient=author,
        kind="practice.published",
        title=gettext_lazy("News of the action “%(title)s”: %(status)s"),
        params={"title": "Creuser le puits", "status": pgettext_lazy("registration", "cancelled")},
        target=practice,
        email=False,
    )
    with translation.override("en"):
        assert notification.shown_title == "News of the action “Creuser le puits”: cancelled"
    with translation.override("fr"):
        assert notification.shown_title.endswith("« Creuser le puits » : annulée")


def test_rows_written_before_and_plain_titles_stay_readable(client_for, make_practice, author):
    practice = make_practice(author, title="Le warrantage")
    old = _published(author, practice)
    Notification.objects.filter(pk=old.pk).update(message={})
    plain = services.notify(
        recipient=author,
        kind="practice.published",
        title="Un titre écrit tel quel",
        target=practice,
        email=False,
    )
    assert plain.message == {}
    broken = _published(author, practice)
    Notification.objects.filter(pk=broken.pk).update(
        message={"title": ["", "%(nope)s"], "params": {"x": 1}}
    )
    author.language = "en"
    author.save(update_fields=["language"])
    page = client_for(author).get("/notifications/").content.decode()
    assert "Your practice" not in page
    assert page.count("Votre pratique « Le warrantage » est publiée") == 2
    assert "Un titre écrit tel quel" in page


def test_the_email_is_written_in_the_recipients_language(
    make_practice, author, org_a, run_tasks, django_capture_on_commit_callbacks
):
    reader = make_person("grace@adb.example", "Grace Nkeng", organisation=org_a, language="en")
    practice = make_practice(author, title="Le warrantage")
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipient=reader,
            kind="practice.published",
            title=gettext_lazy("Your practice “%(title)s” is published"),
            params={"title": practice.title},
            url=practice.get_absolute_url(),
            target=practice,
        )
    run_tasks()
    notification = Notification.objects.get(recipient=reader)
    assert notification.title == "Your practice “Le warrantage” is published"
    with translation.override("fr"):
        assert notification.shown_title == "Votre pratique « Le warrantage » est publiée"
    assert [m.subject for m in mail.outbox] == ["Your practice “Le warrantage” is published"]
