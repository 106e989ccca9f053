"""The addresses of a person's private feeds and calendars, as the page and the API give them."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from palabre.feeds.models import FeedToken
from palabre.feeds.render import absolute


@dataclass
class Address:
    key: str  # practices, workshops, questions, agenda_feed, agenda
    label: str
    help: str
    url: str  # https:// (or http:// on a test site)
    calendar: bool = False

    @property
    def webcal(self) -> str:
        """The same address for calendar applications (webcal:// opens the subscription)."""
        return webcal(self.url) if self.calendar else ""


def webcal(url: str) -> str:
    return "webcal://" + url.split("://", 1)[1]


def private_addresses(token: FeedToken) -> list[Address]:
    secret = token.secret

    def url(name: str) -> str:
        return absolute(reverse(f"feeds:{name}", kwargs={"secret": secret}))

    return [
        Address(
            "agenda",
            _("My agenda (calendar)"),
            _("The workshops, training sessions and meetings you registered for."),
            url("private_agenda"),
            calendar=True,
        ),
        Address(
            "practices",
            _("Practices"),
            _("The latest practices you may read, those of your organisations included."),
            url("private_practices"),
        ),
        Address(
            "workshops",
            _("Workshops"),
            _("Upcoming and recent workshops you may see."),
            url("private_workshops"),
        ),
        Address(
            "questions",
            _("Questions and discussions"),
            _("Discussions you may read, latest activity first."),
            url("private_questions"),
        ),
        Address(
            "agenda_feed",
            _("My agenda (news feed)"),
            _("The same workshops as your agenda, for a news reader."),
            url("private_agenda_feed"),
        ),
    ]
