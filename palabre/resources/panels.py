"""Panels the resource library adds to other apps' pages: the resources linked to a
practice or a workshop (and, for their editors, a form to link one), an organisation's
resources, and the resources found by the main search."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre import permissions
from palabre.lib import panels
from palabre.permissions import practices as practice_rules
from palabre.permissions import resources as rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices import page_cache
from palabre.resources import selectors
from palabre.resources.models import Resource, ResourcePractice, ResourceVersion, ResourceWorkshop
from palabre.resources.search import resource_search

SHOWN = 5
CHOICES = 50

# The practice page shows the resources linked to it: practices/page_cache.py.
page_cache.watch(Resource, ResourcePractice, ResourceVersion)


def _choices(user, *, exclude):
    """Resources a person may link: those of their organisations they may see."""
    return list(
        rules.resources_visible_to(user)
        .filter(organisation__in=permissions.org_ids(user))
        .exclude(pk__in=exclude)
        .order_by("title", "pk")
        .values_list("pk", "title")[:CHOICES]
    )


@panels.register("practice_detail", order=48)
def practice_resources(request, *, practice) -> str:
    user = request.user
    if not practice_rules.can_view(user, practice):
        return ""
    linked: list = []
    # Most practices have no resource: one small query says so.
    if ResourcePractice.objects.filter(practice=practice).exists():
        linked = list(selectors.resources_of_practice(user=user, practice=practice)[: SHOWN * 4])
    can_link = permissions.is_member(user) and practice_rules.can_edit(user, practice)
    if not linked and not can_link:
        return ""
    context = {
        "resources": linked,
        "target": practice,
        "link_url": "resources:practice_link",
        "unlink_url": "resources:practice_unlink",
        "choices": _choices(user, exclude=[r.pk for r in linked]) if can_link else [],
        "can_link": can_link,
    }
    return render_to_string("resources/panels/linked.html", context, request=request)


@panels.register("workshop_detail", order=48)
def workshop_resources(request, *, workshop) -> str:
    user = request.user
    if not workshop_rules.can_view_workshop(user, workshop):
        return ""
    linked: list = []
    if ResourceWorkshop.objects.filter(workshop=workshop).exists():
        linked = list(selectors.resources_of_workshop(user=user, workshop=workshop)[: SHOWN * 4])
    can_link = permissions.is_member(user) and workshop_rules.can_run(user, workshop)
    if not linked and not can_link:
        return ""
    context = {
        "resources": linked,
        "target": workshop,
        "link_url": "resources:workshop_link",
        "unlink_url": "resources:workshop_unlink",
        "choices": _choices(user, exclude=[r.pk for r in linked]) if can_link else [],
        "can_link": can_link,
    }
    return render_to_string("resources/panels/linked.html", context, request=request)


@panels.register("organisation_detail", order=45)
def organisation_resources(request, *, organisation) -> str:
    found = selectors.resources_of_organisation(user=request.user, organisation=organisation)
    resources = list(found[: SHOWN + 1])
    if not resources:
        return ""
    context = {
        "organisation": organisation,
        "resources": resources[:SHOWN],
        "more": len(resources) > SHOWN,
    }
    return render_to_string("resources/panels/organisation.html", context, request=request)


@panels.register("search_results", order=12)
def matching_resources(request, *, q) -> str:
    """Resources matching a search (the text of their files included), with their count
    and a link to the library's search with its filters."""
    total, results = resource_search(user=request.user, q=q)
    if not total:
        return ""
    for resource, snip in results:
        resource.snip = snip
    return render_to_string(
        "resources/panels/search_results.html",
        {"total": total, "resources": [r for r, _s in results], "q": q},
        request=request,
    )
