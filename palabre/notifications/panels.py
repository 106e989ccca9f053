"""What notifications add to other apps' pages: a link to one's e-mail choices on one's profile."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.lib import panels


@panels.register("profile", order=90)
def own_emails(request, *, person) -> str:
    if not request.user.is_authenticated or request.user.pk != person.pk:
        return ""
    return render_to_string("notifications/panels/profile.html", {}, request=request)
