"""What feeds adds to other apps' pages: a link to one's feeds and agenda on one's profile."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.lib import panels


@panels.register("profile", order=85)
def own_feeds(request, *, person) -> str:
    if not request.user.is_authenticated or request.user.pk != person.pk:
        return ""
    return render_to_string("feeds/panels/profile.html", {}, request=request)
