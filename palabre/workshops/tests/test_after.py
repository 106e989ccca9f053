"""After the workshop: collective actions followed, evaluation, report, exports."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from palabre.lib.errors import ServiceError
from palabre.notifications.models import Notification
from palabre.workshops import services
from palabre.workshops.models import CollectiveAction, Evaluation, SessionRating
from palabre.workshops.tests.helpers import text

# Collective actions -------------------------------------------------------------------


@pytest.fixture
def past(make_workshop, register, author, colleague, outsider, org_b):
    workshop = make_workshop(start_in=-30, title="Atelier des partenaires, Douala 2024")
    register(workshop, author)
    register(workshop, colleague)
    register(workshop, outsider, organisation=org_b)
    return workshop


def test_facilitator_records_an_action_and_its_owner_is_told(
    client_for, facilitator, past, author, org_a, run_tasks, django_capture_on_commit_callbacks
):
    due = timezone.localdate() + timedelta(days=30)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(facilitator).post(
            f"/workshops/{past.pk}/actions/new/",
            {
                "title": "Organiser une visite d'échange au magasin de warrantage",
                "owner_organisation": org_a.pk,
                "owner_person": author.pk,
                "due_date": due.isoformat(),
                "status": "planned",
            },
        )
    assert response.status_code == 302
    action = CollectiveAction.objects.get()
    assert action.owner_person == author and action.created_by == facilitator
    run_tasks()
    assert any(m.to == [author.email] and "entre vos mains" in m.subject for m in mail.outbox)


def test_an_action_needs_an_owner(client_for, facilitator, past):
    response = client_for(facilitator).post(
        f"/workshops/{past.pk}/actions/new/",
        {"title": "Quelque chose", "due_date": "2030-01-01", "status": "planned"},
    )
    assert response.status_code == 400
    assert "Nommez qui la porte" in text(response)


def test_owner_updates_the_status_with_a_note(client_for, facilitator, past, author, org_a):
    action = services.action_create(
        workshop=past,
        by=facilitator,
        title="Former 20 relais",
        owner_organisation=org_a,
        due_date=timezone.localdate() + timedelta(days=10),
    )
    response = client_for(author).post(
        action.get_absolute_url(), {"status": "in_progress", "note": "12 relais formés."}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "in_progress"
    assert action.updates.get().note == "12 relais formés."
    assert Notification.objects.filter(
        recipient=facilitator, kind="workshop.action_updated"
    ).exists()


def test_someone_outside_the_owners_cannot_update_it(
    client_for, facilitator, past, author, outsider
):
    action = services.action_create(
        workshop=past,
        by=facilitator,
        title="Note de plaidoyer",
        owner_person=author,
        due_date=timezone.localdate() + timedelta(days=10),
    )
    response = client_for(outsider).post(action.get_absolute_url(), {"status": "done"})
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.status == "planned"
    with pytest.raises(ServiceError):
        services.action_update(action=action, by=author, fields={"title": "Autre chose"})


def test_overdue_actions_are_flagged_on_the_page_and_told_to_their_owners_once(
    client_for, facilitator, past, author, org_admin, org_a, colleague
):
    late = services.action_create(
        workshop=past,
        by=facilitator,
        title="Note commune sur la redevance des forages",
        owner_organisation=org_a,
        due_date=timezone.localdate() - timedelta(days=3),
    )
    services.action_create(
        workshop=past,
        by=facilitator,
        title="Action à temps",
        owner_person=author,
        due_date=timezone.localdate() + timedelta(days=3),
    )
    page = text(client_for(colleague).get(past.get_absolute_url()))
    assert "1 action collective est en retard" in page and "en retard depuis le" in page
    assert services.actions_notify_overdue() == 1
    assert services.actions_notify_overdue() == 0
    told = Notification.objects.filter(kind="workshop.action_overdue")
    # No person named: the organisation's admins are told.
    assert [n.recipient for n in told] == [org_admin]
    late.refresh_from_db()
    assert late.overdue_notified_at is not None
    home = text(client_for(author).get("/"))
    assert "Atelier des partenaires" in home or "Actions entre vos mains" in home


def test_the_daily_job_is_registered():
    from palabre.core import schedule

    assert {"workshops.overdue_actions", "workshops.evaluation_invitations"} <= set(
        schedule.registered()
    )


# Evaluation ---------------------------------------------------------------------------


@pytest.fixture
def with_sessions(past, add_session):
    return [
        add_session(past, title="Ouverture"),
        add_session(
            past, start="10:00", end="11:00", kind="presentation", title="Exposé warrantage"
        ),
        add_session(past, start="11:00", end="11:15", kind="break", title="Pause"),
    ]


def test_participant_evaluates_once(client_for, author, past, with_sessions):
    opening, talk, _break = with_sessions
    client = client_for(author)
    form = text(client.get(f"/workshops/{past.pk}/evaluation/"))
    assert "Exposé warrantage" in form and "Pause" not in form
    data = {
        "overall": "4",
        f"session_{opening.pk}": "3",
        f"session_{talk.pk}": "5",
        "most_useful": "Le récit du warrantage",
        "to_improve": "Commencer à l'heure",
    }
    assert client.post(f"/workshops/{past.pk}/evaluation/", data).status_code == 302
    evaluation = Evaluation.objects.get()
    assert evaluation.overall == 4 and SessionRating.objects.count() == 2
    twice = client.post(f"/workshops/{past.pk}/evaluation/", data)
    assert twice.status_code == 409
    assert "Vous avez déjà évalué cet atelier" in text(twice)
    assert Evaluation.objects.count() == 1


def test_evaluation_is_for_registered_participants_once_the_workshop_began(
    client_for, org_admin, author, workshop, register, past
):
    assert (
        client_for(org_admin)
        .post(f"/workshops/{past.pk}/evaluation/", {"overall": "5"})
        .status_code
        == 403
    )
    register(workshop, author)
    early = client_for(author).post(f"/workshops/{workshop.pk}/evaluation/", {"overall": "5"})
    assert early.status_code == 409
    assert not Evaluation.objects.exists()


def test_a_rating_out_of_range_is_refused(client_for, author, past):
    response = client_for(author).post(f"/workshops/{past.pk}/evaluation/", {"overall": "9"})
    assert response.status_code == 400
    assert not Evaluation.objects.exists()


def test_results_are_aggregated_as_charts_without_names(
    client_for, facilitator, author, colleague, outsider, past, with_sessions
):
    _opening, talk, _break = with_sessions
    for person, overall, rating in ((author, 5, 4), (colleague, 3, 2), (outsider, 4, 5)):
        services.evaluation_submit(
            workshop=past,
            by=person,
            overall=overall,
            ratings={talk.pk: rating},
            most_useful=f"Utile selon {person.pk}",
        )
    page = text(client_for(facilitator).get(f"/workshops/{past.pk}/evaluation/results/"))
    assert "3 réponses sur 3 participants" in page and "Ensemble : 4.0 sur 5" in page.replace(
        ",", "."
    )
    assert (
        page.count('class="chart"') == 2
        and "<script" not in page.split("<main")[1].split("</main>")[0]
    )
    assert "3.7/5 (3)" in page  # the talk's average, written on the chart
    assert "Awa Author" not in page
    assert client_for(author).get(f"/workshops/{past.pk}/evaluation/results/").status_code == 404


# The report ---------------------------------------------------------------------------


@pytest.fixture
def reported(past, add_session, facilitator, author, org_a):
    group = add_session(
        past, kind="group_work", title="Carrefour épargne", rapporteur=author, members=[author]
    )
    services.restitution_save(
        session=group,
        by=author,
        fields={"key_learnings": "Épargner avant d'emprunter."},
        final=True,
    )
    services.action_create(
        workshop=past,
        by=facilitator,
        title="Visite d'échange à Ngaoundéré",
        owner_organisation=org_a,
        due_date=timezone.localdate() + timedelta(days=20),
    )
    services.evaluation_submit(workshop=past, by=author, overall=5)
    services.report_update(
        workshop=past,
        by=facilitator,
        introduction="Vingt-quatre personnes réunies.",
        conclusion="À l'an prochain.",
    )
    return past


def test_report_assembles_the_workshop_and_is_shared_by_facilitators(
    client_for, facilitator, colleague, reported, django_capture_on_commit_callbacks, run_tasks
):
    report = f"/workshops/{reported.pk}/report/"
    assert client_for(colleague).get(report).status_code == 404  # not shared yet
    page = text(client_for(facilitator).get(report))
    for expected in (
        "Vingt-quatre personnes réunies.",
        "Objectifs",
        "Association pour le Développement de Bafut",
        "Carrefour épargne",
        "Épargner avant d'emprunter.",
        "Visite d'échange à Ngaoundéré",
        "À l'an prochain.",
        "pas encore partagé",
    ):
        assert expected in page, expected
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client_for(facilitator).post(f"/workshops/{reported.pk}/report/share/").status_code
            == 302
        )
    assert client_for(colleague).get(report).status_code == 200
    assert Notification.objects.filter(recipient=colleague, kind="workshop.report_shared").exists()
    again = client_for(facilitator).post(f"/workshops/{reported.pk}/report/share/")
    assert again.status_code == 409


def test_report_pdf_carries_the_sections(client_for, facilitator, reported):
    response = client_for(facilitator).get(f"/workshops/{reported.pk}/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    pdf = " ".join(pdf.split())
    for expected in (
        "Atelier des partenaires, Douala 2024",
        "Participants",
        "Carrefour épargne",
        "Actions collectives",
        "Évaluation",
    ):
        assert expected in pdf, expected


def test_report_text_is_edited_with_autosave_and_conflicts(client_for, facilitator, reported):
    url = f"/workshops/{reported.pk}/report/edit/"
    reported.refresh_from_db()
    response = client_for(facilitator).post(
        url + "?autosave=1",
        {
            "introduction": "Nouvelle introduction",
            "conclusion": "",
            "version": reported.report_version,
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "Enregistré automatiquement" in text(response)
    stale = client_for(facilitator).post(
        url, {"introduction": "Ancien onglet", "conclusion": "", "version": reported.report_version}
    )
    assert stale.status_code == 409
    reported.refresh_from_db()
    assert reported.report_introduction == "Nouvelle introduction"


# Exports ------------------------------------------------------------------------------


def test_participant_export_with_attendance_neutralises_formulas(
    client_for, facilitator, past, register, add_session, make_person_in_a
):
    evil = make_person_in_a("evil@adb.example", '=HYPERLINK("http://x","clic")')
    register(past, evil, notes="@SUM(1)")
    session = add_session(past, title="-2+3 Ouverture")
    services.attendance_mark(session=session, by=facilitator, person=evil, present=True)
    response = client_for(facilitator).get(f"/workshops/{past.pk}/export/participants.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows[0]
    assert header[-1].startswith("'") is False and "Ouverture" in header[-1]
    row = next(r for r in rows if "evil@adb.example" in r)
    assert row[0] == '\'=HYPERLINK("http://x","clic")'
    assert row[-1] == "présent"
    for cell in (c for r in rows for c in r):
        assert not cell.startswith(("=", "+", "-", "@")), cell
    xlsx = client_for(facilitator).get(f"/workshops/{past.pk}/export/participants.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [c.value for r in sheet.iter_rows() for c in r if isinstance(c.value, str)]
    assert '\'=HYPERLINK("http://x","clic")' in values
    assert all(c.data_type != "f" for r in sheet.iter_rows() for c in r)


def test_action_export(client_for, facilitator, past, org_a):
    services.action_create(
        workshop=past,
        by=facilitator,
        title="+33 visites",
        owner_organisation=org_a,
        due_date=date(2030, 1, 1),
    )
    rows = list(
        csv.reader(
            io.StringIO(
                client_for(facilitator)
                .get(f"/workshops/{past.pk}/export/actions.csv")
                .content.decode("utf-8-sig")
            )
        )
    )
    assert rows[1][0] == "'+33 visites" and rows[1][4] == "2030-01-01"
    xlsx = client_for(facilitator).get(f"/workshops/{past.pk}/export/actions.xlsx")
    assert load_workbook(io.BytesIO(xlsx.content)).active["A2"].value == "'+33 visites"


def test_exports_are_for_the_facilitators_only(client_for, client, author, past):
    for url in (
        f"/workshops/{past.pk}/export/participants.csv",
        f"/workshops/{past.pk}/export/participants.xlsx",
        f"/workshops/{past.pk}/export/actions.csv",
    ):
        assert client_for(author).get(url).status_code == 404
        assert client.get(url).status_code == 404


@pytest.fixture
def make_person_in_a(org_a):
    from conftest import make_person

    def make(email, name):
        return make_person(email, name, organisation=org_a)

    return make


def test_participants_are_invited_to_evaluate_once_when_the_workshop_ends(
    make_workshop, register, author, colleague
):
    from palabre.workshops.models import Evaluation as Answer

    ended = make_workshop(start_in=-2, days=2)
    register(ended, author)
    register(ended, colleague)
    Answer.objects.create(workshop=ended, person=colleague, overall=5)
    assert services.evaluations_invite() == 1
    assert services.evaluations_invite() == 0
    invitation = Notification.objects.get(kind="workshop.evaluation_invited")
    assert invitation.recipient == author and invitation.url.endswith("/evaluation/")
