"""The notifications adoptions send; each person chooses how to receive each kind."""

from django.utils.translation import gettext_lazy as _

from palabre.notifications import kinds

ADOPTIONS = _("Adoptions and feedback")

kinds.register_all(
    ADOPTIONS,
    {
        "adoption.created": _("An organisation puts my practice into practice"),
        "adoption.ended": _("An adoption of my practice is completed or abandoned"),
        "adoption.feedback": _("New feedback on my practice"),
        "adoption.maturity_changed": _("The rating of my practice changes"),
        "adoption.feedback_answered": _("The authors answer my organisation's feedback"),
        "adoption.practice_revised": _("A practice is revised following our feedback"),
        "adoption.feedback_due": _("Time to report on a practice we adopted"),
    },
)
