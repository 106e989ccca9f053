"""The notifications workshops send; each person chooses how to receive each kind."""

from django.utils.translation import gettext_lazy as _

from palabre.notifications import kinds

WORKSHOPS = _("Exchange workshops")

kinds.register_all(
    WORKSHOPS,
    {
        "workshop.confirmed": _("My registration for a workshop is confirmed"),
        "workshop.waitlisted": _("I am on a workshop's waiting list"),
        "workshop.promoted": _("A place opens for me at a workshop"),
        "workshop.registration_cancelled": _("My registration for a workshop is cancelled"),
        "workshop.cancelled": _("A workshop I registered for is cancelled"),
        "workshop.practice_drafted": _("A practice draft is written from a workshop"),
        "workshop.action_assigned": _("A workshop's collective action is in my hands"),
        "workshop.action_updated": _("News of a collective action I proposed"),
        "workshop.action_overdue": _("A collective action in my hands is overdue"),
        "workshop.evaluation_invited": _("A workshop I attended asks for my evaluation"),
        "workshop.report_shared": _("The report of a workshop I attended is available"),
    },
)
