"""The notification kinds of projects (chosen in each person's settings)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from palabre.notifications import kinds

TEAM_INVITED = "projects.team_invited"
EXCHANGE_PROPOSED = "projects.exchange_proposed"
EXCHANGE_MESSAGE = "projects.exchange_message"

kinds.register_all(
    _("Projects"),
    {
        TEAM_INVITED: _("I am invited to a project's team"),
        EXCHANGE_PROPOSED: _("An exchange is proposed to a project I work on"),
        EXCHANGE_MESSAGE: _("A message in an exchange between projects I take part in"),
    },
)
