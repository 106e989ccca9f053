"""A person's archive holds their newsletter choice and what became of each issue for
them, never another person's; erasure deletes both."""

import pytest

from palabre.newsletter import personal_data, services
from palabre.newsletter.models import Delivery, Subscription

pytestmark = pytest.mark.django_db


def test_export_and_erase_a_persons_newsletter_records(
    draft, scene, facilitator, author, outsider, send
):
    services.choice_set(person=outsider, choice="monthly")
    send(draft, facilitator)
    mine = personal_data.export(author)
    assert mine["newsletter_choice"] == "every"
    assert mine["newsletter_deliveries"] == [
        {
            "issue": "Lettre de décembre",
            "status": "queued",
            "created_at": mine["newsletter_deliveries"][0]["created_at"],
        }
    ]
    assert mine["newsletter_issues_composed"] == []
    theirs = personal_data.export(outsider)
    assert theirs["newsletter_choice"] == "monthly"
    assert theirs["newsletter_deliveries"][0]["status"] == "waiting"
    assert personal_data.export(facilitator)["newsletter_issues_composed"][0]["title"] == (
        "Lettre de décembre"
    )

    assert personal_data.erase(outsider) == {
        "newsletter_deliveries_deleted": 1,
        "newsletter_choices_deleted": 1,
    }
    assert not Delivery.objects.filter(person=outsider).exists()
    assert not Subscription.objects.filter(person=outsider).exists()
    assert Delivery.objects.filter(person=author).exists()  # nobody else's
