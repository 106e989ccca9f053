"""Registering: oneself or by one's org admin, with a role, capacity, waiting list and closing date."""

from datetime import timedelta

import pytest
from django.core import mail

from palabre.lib.errors import ServiceError
from palabre.practices.models import Practice
from palabre.workshops import services
from palabre.workshops.models import Registration


def test_member_registers_themselves_on_the_page(client_for, author, workshop):
    client = client_for(author)
    page = client.get(f"/workshops/{workshop.pk}/register/")
    assert page.status_code == 200
    response = client.post(f"/workshops/{workshop.pk}/register/", {"role": "participant"})
    assert response.status_code == 302
    registration = Registration.objects.get(workshop=workshop, person=author)
    assert registration.status == "confirmed"
    assert registration.organisation.slug == "adb"
    detail = client.get(workshop.get_absolute_url()).content.decode()
    assert "Votre inscription" in detail and "confirmée" in detail


def test_registration_past_capacity_goes_to_the_waiting_list_then_is_refused(
    client_for, make_workshop, author, colleague, org_admin, volunteer
):
    workshop = make_workshop(capacity=2, waiting_list_size=1)
    for person in (author, colleague):
        client_for(person).post(f"/workshops/{workshop.pk}/register/", {"role": "participant"})
    response = client_for(org_admin).post(
        f"/workshops/{workshop.pk}/register/", {"role": "participant"}, follow=True
    )
    assert "liste d'attente" in response.content.decode()
    assert Registration.objects.get(person=org_admin).status == "waitlisted"
    refused = client_for(volunteer).post(
        f"/workshops/{workshop.pk}/register/", {"role": "participant"}
    )
    assert refused.status_code == 409
    assert "complet (2 places)" in refused.content.decode()
    assert not Registration.objects.filter(person=volunteer).exists()


def test_registration_past_capacity_without_waiting_list_is_a_clear_409(
    client_for, make_workshop, author, colleague
):
    workshop = make_workshop(capacity=1, waiting_list_size=0)
    client_for(author).post(f"/workshops/{workshop.pk}/register/", {"role": "participant"})
    response = client_for(colleague).post(
        f"/workshops/{workshop.pk}/register/", {"role": "participant"}
    )
    assert response.status_code == 409
    assert "Cet atelier est complet (1 places)" in response.content.decode()


def test_registration_after_closing_is_refused_with_the_date(client_for, make_workshop, author):
    from django.utils import timezone

    closes = timezone.localdate() - timedelta(days=1)
    workshop = make_workshop(registration_closes_on=closes)
    response = client_for(author).post(
        f"/workshops/{workshop.pk}/register/", {"role": "participant"}
    )
    assert response.status_code == 409
    assert "Les inscriptions ont fermé le" in response.content.decode()
    assert not Registration.objects.exists()


def test_facilitator_still_registers_someone_after_closing(make_workshop, facilitator, author):
    from django.utils import timezone

    workshop = make_workshop(registration_closes_on=timezone.localdate() - timedelta(days=1))
    registration = services.registration_create(workshop=workshop, person=author, by=facilitator)
    assert registration.status == "confirmed"


def test_cancelling_gives_the_place_to_the_first_on_the_waiting_list(
    client_for,
    make_workshop,
    author,
    colleague,
    org_admin,
    run_tasks,
    django_capture_on_commit_callbacks,
):
    workshop = make_workshop(capacity=1)
    first = services.registration_create(workshop=workshop, person=author, by=author)
    services.registration_create(workshop=workshop, person=colleague, by=colleague)
    services.registration_create(workshop=workshop, person=org_admin, by=org_admin)
    assert list(workshop.registrations.waitlisted().values_list("person__email", flat=True)) == [
        colleague.email,
        org_admin.email,
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(author).post(
            f"/workshops/{workshop.pk}/registrations/{first.pk}/cancel/"
        )
    assert response.status_code == 302
    assert Registration.objects.get(person=colleague).status == "confirmed"
    assert Registration.objects.get(person=org_admin).status == "waitlisted"
    run_tasks()
    assert any("libérée" in m.subject and m.to == [colleague.email] for m in mail.outbox)


def test_org_admin_registers_a_member_and_the_member_is_told(
    client_for, workshop, org_admin, colleague, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(org_admin).post(
            f"/workshops/{workshop.pk}/registrations/",
            {"new-person": colleague.pk, "new-role": "participant"},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    registration = Registration.objects.get(person=colleague)
    assert registration.registered_by == org_admin and registration.status == "confirmed"
    run_tasks()
    assert any(m.to == [colleague.email] and "inscription" in m.subject for m in mail.outbox)


def test_org_admin_cannot_register_another_organisations_member(workshop, org_admin, outsider):
    with pytest.raises(ServiceError) as error:
        services.registration_create(workshop=workshop, person=outsider, by=org_admin)
    assert error.value.status == 403
    assert not Registration.objects.exists()


def test_only_facilitators_name_rapporteurs(workshop, org_admin, colleague, facilitator):
    with pytest.raises(ServiceError) as error:
        services.registration_create(
            workshop=workshop, person=colleague, by=org_admin, role="rapporteur"
        )
    assert error.value.status == 403
    registration = services.registration_create(
        workshop=workshop, person=colleague, by=facilitator, role="rapporteur"
    )
    assert registration.role == "rapporteur"


def test_presenter_brings_a_new_practice_draft(client_for, workshop, author):
    response = client_for(author).post(
        f"/workshops/{workshop.pk}/register/",
        {"role": "presenter", "new_practice_title": "La tontine des femmes de Bafut"},
    )
    assert response.status_code == 302
    registration = Registration.objects.get(person=author)
    practice = registration.practice
    assert practice.status == "draft" and practice.title == "La tontine des femmes de Bafut"
    assert list(practice.authors.all()) == [author]
    assert practice.lead_organisation.slug == "adb"


def test_presenter_chooses_one_of_their_practices(client_for, workshop, author, make_practice):
    practice = make_practice(author, status="draft", title="Mon brouillon")
    client_for(author).post(
        f"/workshops/{workshop.pk}/register/", {"role": "presenter", "practice": practice.pk}
    )
    assert Registration.objects.get(person=author).practice == practice
    assert Practice.objects.count() == 1


def test_presenter_without_practice_gets_a_clear_message(client_for, workshop, author):
    response = client_for(author).post(f"/workshops/{workshop.pk}/register/", {"role": "presenter"})
    assert response.status_code == 400
    assert "Dites quelle pratique vous présenterez" in response.content.decode()
    assert not Registration.objects.exists()


def test_registering_twice_is_refused(workshop, author):
    services.registration_create(workshop=workshop, person=author, by=author)
    with pytest.raises(ServiceError) as error:
        services.registration_create(workshop=workshop, person=author, by=author)
    assert error.value.status == 409


def test_a_cancelled_registration_can_register_again(workshop, author):
    first = services.registration_create(workshop=workshop, person=author, by=author)
    services.registration_cancel(registration=first, by=author)
    again = services.registration_create(workshop=workshop, person=author, by=author)
    assert again.pk == first.pk and again.status == "confirmed"


def test_draft_and_past_workshops_take_no_registration(make_workshop, author, facilitator):
    draft = make_workshop(status="draft")
    with pytest.raises(ServiceError):
        services.registration_create(workshop=draft, person=author, by=facilitator)
    past = make_workshop(start_in=-10)
    with pytest.raises(ServiceError) as error:
        services.registration_create(workshop=past, person=author, by=facilitator)
    assert error.value.status == 409


def test_facilitators_of_the_workshop_do_not_take_a_place(
    make_workshop, facilitator, author, colleague
):
    workshop = make_workshop(capacity=1, waiting_list_size=0)
    services.registration_create(
        workshop=workshop, person=facilitator, by=facilitator, role="facilitator"
    )
    services.registration_create(workshop=workshop, person=author, by=author)
    assert services.places_left(workshop) == 0
    with pytest.raises(ServiceError):
        services.registration_create(workshop=workshop, person=colleague, by=colleague)


def test_raising_the_capacity_promotes_the_waiting_list(
    make_workshop, facilitator, author, colleague
):
    workshop = make_workshop(capacity=1)
    services.registration_create(workshop=workshop, person=author, by=author)
    services.registration_create(workshop=workshop, person=colleague, by=colleague)
    services.workshop_update(workshop=workshop, by=facilitator, fields={"capacity": 2})
    assert Registration.objects.get(person=colleague).status == "confirmed"


def test_organisation_only_workshop_refuses_other_organisations(
    client_for, make_workshop, outsider, facilitator
):
    workshop = make_workshop(visibility="organisation")
    assert client_for(outsider).get(f"/workshops/{workshop.pk}/register/").status_code == 404
    with pytest.raises(ServiceError) as error:
        services.registration_create(workshop=workshop, person=outsider, by=facilitator)
    assert error.value.status == 403


def test_registrations_page_lists_statuses_for_the_facilitators(
    client_for, make_workshop, facilitator, author, colleague, django_assert_max_num_queries
):
    workshop = make_workshop(capacity=1)
    services.registration_create(workshop=workshop, person=author, by=author, notes="Végétarienne")
    services.registration_create(workshop=workshop, person=colleague, by=colleague)
    client = client_for(facilitator)
    with django_assert_max_num_queries(40):
        page = client.get(f"/workshops/{workshop.pk}/registrations/").content.decode()
    assert "Liste d'attente" in page and "Végétarienne" in page


def test_a_presenter_changes_their_registration(client_for, workshop, author, make_practice):
    from conftest import ensure_thesaurus
    from palabre.themes.models import Theme

    ensure_thesaurus()
    practice = make_practice(author, title="La caisse à trois clés")
    registration = services.registration_create(
        workshop=workshop, person=author, by=author, role="presenter", practice=practice
    )
    url = f"/workshops/{workshop.pk}/registrations/{registration.pk}/"
    client = client_for(author)
    page = client.get(url)
    assert page.status_code == 200 and "La caisse à trois clés" in page.content.decode()
    theme = Theme.objects.get(slug="epargne-microfinance")
    response = client.post(
        url,
        {"role": "presenter", "organisation": registration.organisation_id,
         "practice": practice.pk, "first_choice": theme.pk, "notes": "Arrivée la veille"},
    )  # fmt: skip
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.first_choice == theme and registration.notes == "Arrivée la veille"
    assert registration.practice == practice


def test_a_participant_cannot_make_themselves_facilitator(client_for, workshop, author):
    registration = services.registration_create(workshop=workshop, person=author, by=author)
    response = client_for(author).post(
        f"/workshops/{workshop.pk}/registrations/{registration.pk}/",
        {"role": "facilitator", "organisation": registration.organisation_id},
    )
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.role == "participant"


def test_someone_else_cannot_open_my_registration(client_for, workshop, author, colleague):
    registration = services.registration_create(workshop=workshop, person=author, by=author)
    url = f"/workshops/{workshop.pk}/registrations/{registration.pk}/"
    assert client_for(colleague).get(url).status_code == 404
    assert client_for(colleague).post(url + "cancel/").status_code == 404
