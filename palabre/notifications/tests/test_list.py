"""The list in the app: an unread count, newest first, mark as read, in a fixed number of queries."""

from django.utils.translation import gettext_lazy

from palabre.notifications import services
from palabre.notifications.models import Notification


def _fill(recipient, practices, n=30):
    for i in range(n):
        practice = practices[i % len(practices)]
        services.notify(
            recipient=recipient,
            kind="practice.published",
            title=gettext_lazy("Your practice “%(title)s” is published"),
            params={"title": f"{practice.title} {i}"},
            url=practice.get_absolute_url(),
            target=practice,
            email=False,
        )


def test_unread_count_list_and_marking_as_read(client_for, make_practice, author):
    practice = make_practice(author)
    _fill(author, [practice], n=3)
    client = client_for(author)
    page = client.get("/").content.decode()
    assert '<span class="count">3</span>' in page
    listing = client.get("/notifications/").content.decode()
    assert listing.count('class="unread"') == 3
    first = Notification.objects.first()
    response = client.post(f"/notifications/{first.pk}/read/", {"next": "/notifications/?unread=1"})
    assert response["Location"] == "/notifications/?unread=1"
    assert client.get("/notifications/?unread=1").content.decode().count('class="unread"') == 2
    opened = Notification.objects.last()
    response = client.post(f"/notifications/{opened.pk}/open/")
    assert response["Location"] == practice.get_absolute_url()
    client.post("/notifications/read/")
    assert not Notification.objects.unread().exists()


def test_nobody_reads_or_marks_the_notifications_of_another(
    client_for, make_practice, author, colleague
):
    practice = make_practice(author)
    _fill(author, [practice], n=1)
    mine = Notification.objects.get()
    client = client_for(colleague)
    assert client.post(f"/notifications/{mine.pk}/open/").status_code == 404
    client.post(f"/notifications/{mine.pk}/read/")
    mine.refresh_from_db()
    assert mine.read_at is None
    assert "Le warrantage" not in client.get("/notifications/").content.decode()


def test_the_list_takes_a_fixed_number_of_queries(
    client_for, make_practice, author, outsider, django_assert_max_num_queries
):
    practices = [make_practice(author, title=f"Pratique {i}") for i in range(10)]
    practices.append(make_practice(author, title="Privée", visibility="organisation"))
    _fill(outsider, practices[:10], n=30)
    Notification.objects.create(
        recipient=outsider,
        kind="practice.published",
        title="Privée",
        target_type="practices.practice",
        target_id=str(practices[-1].pk),
    )
    client = client_for(outsider)
    with django_assert_max_num_queries(10):
        page = client.get("/notifications/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Privée" not in html and "ne pouvez plus voir" in html
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/notifications").status_code == 200
