"""The demo network has discussions: threads on practices and themes, answered in French."""

from django.core.management import call_command

from palabre.discussions.models import Answer, Mention, Subscription, Thread


def test_demo_discussions_are_believable_and_idempotent(db, client_for):
    from palabre.accounts.models import User

    call_command("demo", verbosity=0)
    call_command("demo", verbosity=0)
    threads = Thread.objects.all()
    assert threads.count() == 10 and Answer.objects.count() == 15
    assert {t.space.kind for t in threads} == {"practice", "theme"}
    assert threads.filter(accepted_answer__isnull=False).count() >= 4
    assert all(t.language == "fr" for t in threads)
    assert Answer.objects.filter(body__contains="Bonjour Awa").exists()
    assert Answer.objects.filter(hidden_at__isnull=False).count() == 1
    assert Mention.objects.exists() and Subscription.objects.filter(kind="theme").exists()
    # A question waits for an answer, and the organisation-only thread stays in its organisation.
    waiting = Thread.objects.get(title__startswith="Comment faire venir les femmes")
    assert not waiting.answers.exists()
    private = Thread.objects.get(title__startswith="Quel défraiement")
    outsider = User.objects.get(email="awa.bello@fal.example")
    insider = User.objects.get(email="fotso@adecob.example")
    assert client_for(outsider).get(private.get_absolute_url()).status_code == 404
    assert client_for(insider).get(private.get_absolute_url()).status_code == 200
    page = client_for(outsider).get("/discussions/").content.decode()
    assert "négocié le taux" in page and "Quel défraiement" not in page
