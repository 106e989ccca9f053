"""What the newsletter adds to other apps' pages: its choice (every issue, a monthly digest,
never) on the e-mail settings page of palabre.notifications."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.lib import panels
from palabre.newsletter.delivery import choice_of
from palabre.newsletter.forms import ChoiceForm
from palabre.permissions import is_member


@panels.register("notification_settings", order=50)
def newsletter_choice(request) -> str:
    if not is_member(request.user):
        return ""
    form = ChoiceForm(initial={"choice": choice_of(request.user)})
    return render_to_string("newsletter/panels/choice.html", {"form": form}, request=request)
