"""The demo's current campaign "Pourquoi partager ?": three announcements, one for the whole
network, one for facilitators, one for ADECOB; safe to load twice."""

from __future__ import annotations

import html

from palabre.accounts.models import User
from palabre.announcements import demo
from palabre.announcements.models import Announcement, Campaign
from palabre.core.management.commands.demo import DemoContext
from palabre.organisations import demo as organisations_demo


def test_the_demo_campaign_loads_once_and_shows_to_its_audiences(db, client_for):
    context = DemoContext()
    organisations_demo.load(context)
    demo.load(context)
    demo.load(context)
    campaign = Campaign.objects.get()
    assert campaign.title == "Pourquoi partager ?"
    assert campaign.announcements.count() == Announcement.objects.count() == 3
    assert all(a.is_running() for a in Announcement.objects.all())
    adecob = client_for(User.objects.get(email="etoundi@adecob.example"))
    page = html.unescape(adecob.get("/announcements/").content.decode())
    assert "Pourquoi partager ce qui n'a pas marché ?" in page and "ADECOB :" in page
    assert "Animateurs :" not in page
    other = client_for(User.objects.get(email="awa.bello@fal.example"))
    page = html.unescape(other.get("/announcements/").content.decode())
    assert "Pourquoi partager ce qui n'a pas marché ?" in page and "ADECOB :" not in page
    facilitator = client_for(User.objects.get(email="animatrice@palabre.example"))
    page = html.unescape(facilitator.get(campaign.get_absolute_url()).content.decode())
    assert "Animateurs :" in page and "ADECOB :" in page
