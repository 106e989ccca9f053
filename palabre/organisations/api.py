"""API routes for organisations (members only)."""

from __future__ import annotations

from django.http import Http404
from ninja import Router, Schema

from palabre.organisations.models import Organisation
from palabre.permissions import organisations as rules

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    slug: str
    name: str
    acronym: str
    kind: str
    country: str
    region: str
    city: str


def _out(o: Organisation) -> dict:
    return {
        "slug": o.slug, "name": o.name, "acronym": o.acronym, "kind": o.kind,
        "country": str(o.country), "region": o.region, "city": o.city,
    }  # fmt: skip


@router.get("", response=list[OrganisationOut], summary="List the organisations of the network")
def list_organisations(request):
    if not rules.can_see_directory(request.auth):
        raise Http404
    return [_out(o) for o in Organisation.objects.order_by("name")]


routers = {"/organisations": router}
