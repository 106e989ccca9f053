"""Authors revise a practice from a feedback report; the report then links to that revision."""

from palabre.adoptions.models import FeedbackReport
from palabre.notifications.models import Notification
from palabre.practices.models import Practice
from palabre.practices.services import practice_publish, practice_submit, practice_update

from .helpers import text


def test_a_revision_started_from_feedback_is_linked_when_published(
    client_for,
    practice,
    author,
    outsider,
    facilitator,
    org_b,
    adopt,
    report,
    django_capture_on_commit_callbacks,
):
    adoption = adopt(practice, org_b, by=outsider)
    feedback = report(adoption, 3, by=outsider, suggestions="Ajouter le coût du transport")
    response = client_for(author).post(f"/adoptions/feedback/{feedback.pk}/revise/")
    draft = Practice.objects.get(revises=practice)
    assert response.status_code == 302
    assert response["Location"] == f"/practices/{draft.pk}/edit/identity/"
    feedback.refresh_from_db()
    assert feedback.revision_started_by == author and feedback.addressed_in is None
    assert "en cours d'écriture à partir de ce retour" in text(
        client_for(outsider).get(adoption.get_absolute_url())
    )

    draft = practice_update(
        practice=draft,
        by=author,
        fields={"resources": "Transport : 50 000 FCFA par campagne"},
        expected_version=None,
    )
    practice_submit(practice=draft, by=author)
    with django_capture_on_commit_callbacks(execute=True):
        practice_publish(practice=draft, by=facilitator, note="Coût du transport")

    feedback.refresh_from_db()
    revision = practice.revisions.get(number=2)
    assert feedback.addressed_in == revision
    assert Notification.objects.filter(
        recipient=outsider, kind="adoption.practice_revised"
    ).exists()
    page = text(client_for(outsider).get(adoption.get_absolute_url()))
    assert "La pratique a été révisée à partir de ce retour : version 2" in page
    assert (
        f"/practices/{practice.pk}/diff/?a=1&amp;b=2"
        in client_for(outsider).get(adoption.get_absolute_url()).content.decode()
    )


def test_reports_without_a_revision_started_are_not_linked(
    practice,
    author,
    facilitator,
    outsider,
    org_b,
    adopt,
    report,
    django_capture_on_commit_callbacks,
):
    from palabre.practices.services import practice_start_new_version

    feedback = report(adopt(practice, org_b, by=outsider), 3)
    draft = practice_start_new_version(practice=practice, by=author)
    practice_submit(practice=draft, by=author)
    with django_capture_on_commit_callbacks(execute=True):
        practice_publish(practice=draft, by=facilitator)
    assert FeedbackReport.objects.get(pk=feedback.pk).addressed_in is None


def test_authors_can_say_which_published_version_addressed_a_report(
    client_for, practice, author, outsider, org_b, adopt, report
):
    feedback = report(adopt(practice, org_b, by=outsider), 3)
    revision = practice.revisions.get()
    response = client_for(author).post(
        f"/adoptions/feedback/{feedback.pk}/answer/",
        {"answer": "C'est fait.", "addressed_in": revision.pk},
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.addressed_in == revision


def test_only_the_practices_editors_revise_it_from_feedback(
    client_for, practice, outsider, colleague, org_b, adopt, report
):
    feedback = report(adopt(practice, org_b, by=outsider), 3)
    for person in (outsider, colleague):
        response = client_for(person).post(f"/adoptions/feedback/{feedback.pk}/revise/")
        assert response.status_code == 403
    assert not Practice.objects.filter(revises=practice).exists()
