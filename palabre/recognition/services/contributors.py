"""contributors: a person's choices for their contributor page."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from palabre.audit.services import audit_record
from palabre.lib.errors import refuse
from palabre.permissions import is_member
from palabre.recognition.models import ContributorSettings

PageVisibility = ContributorSettings.PageVisibility


@transaction.atomic
def contributor_settings_update(
    *, person: Any, by: Any, page_visibility: str, show_email: bool
) -> ContributorSettings:
    """Who sees the person's contributor page beyond the network, and whether members see
    their e-mail address. Only the person chooses."""
    if not is_member(by) or by.pk != person.pk:
        refuse(_("Only the person themselves can change what their page shows."), status=403)
    if page_visibility not in PageVisibility.values:
        refuse(_("Choose who can see your contributor page."), field="page_visibility")
    if not isinstance(show_email, bool):
        refuse(_("Say whether members may see your e-mail address."), field="show_email")
    settings, _created = ContributorSettings.objects.select_for_update().get_or_create(
        person=person
    )
    before = {"page_visibility": settings.page_visibility, "show_email": settings.show_email}
    settings.page_visibility = page_visibility
    settings.show_email = show_email
    settings.save()
    after = {"page_visibility": settings.page_visibility, "show_email": settings.show_email}
    changed = [name for name in after if after[name] != before[name]]
    if changed or _created:
        audit_record(
            action="contributor_settings.updated",
            actor=by,
            target=settings,
            data={name: [before[name], after[name]] for name in changed},
        )
    # The person object a caller holds reads the new choice too.
    person.contributor_settings = settings
    return settings
