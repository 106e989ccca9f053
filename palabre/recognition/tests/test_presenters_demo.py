"""The demo's upcoming workshop has suggested presenters with sensible reasons, one
invitation accepted and one waiting; loading the demo again changes nothing."""

import html

import pytest

from palabre.accounts.models import User
from palabre.recognition import presenters
from palabre.recognition.demo import demo_file
from palabre.recognition.models import PresenterInvitation
from palabre.workshops.models import Registration, Workshop


def load_demo_up_to_recognition():
    """The demo of every app up to recognition's (the apps after it do not change what
    recognition loads), in one transaction like ``palabre demo``."""
    from palabre.core.management.commands.demo import DemoContext, demo_modules

    context = DemoContext()
    for _name, module in demo_modules():
        module.load(context)
        if module.__name__ == "palabre.recognition.demo":
            break


@pytest.fixture
def demo(db):
    load_demo_up_to_recognition()


def test_the_upcoming_demo_workshop_has_suggestions_and_invitations(demo, client_for):
    spec = demo_file("presenters")
    facilitator = User.objects.get(email=spec["invited_by"])
    workshop = Workshop.objects.get(
        title="Atelier d'échanges de Ngaoundéré : agriculture et sécurité alimentaire"
    )
    invitations = {i.status: i for i in PresenterInvitation.objects.filter(workshop=workshop)}
    assert set(invitations) == {"accepted", "pending"}
    accepted = invitations["accepted"]
    assert accepted.answered_at is not None and accepted.reason
    assert Registration.objects.get(workshop=workshop, person=accepted.person).role == "presenter"
    # More people are still suggested, each with at least one reason, best first.
    found = presenters.for_workshop(workshop, viewer=facilitator, limit=5)
    assert len(found) >= 2
    assert all(s.reasons and s.score > 0 for s in found)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    invited = {i.person_id for i in invitations.values()}
    assert not invited & {s.person.pk for s in found}
    page = html.unescape(client_for(facilitator).get(workshop.get_absolute_url()).content.decode())
    assert found[0].person.display_name in page
    assert (
        accepted.person.display_name in page and invitations["pending"].person.display_name in page
    )
    for s in found:
        print(s.person.display_name, s.score, [str(r) for r in s.reasons])
    print("accepted", accepted.person, accepted.reason)
    print("pending", invitations["pending"].person, invitations["pending"].reason)
    # Loading again adds nothing.
    load_demo_up_to_recognition()
    assert PresenterInvitation.objects.filter(workshop=workshop).count() == 2
