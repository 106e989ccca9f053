"""The one place that decides who may see and do what in Palabre.

Every view, API route, feed, e-mail and export asks this package, never its own
rule. Each module serves one app's kinds of object with the same three shapes:
``<noun>_for(user, pk)`` fetches one object for a person or raises 404 (what someone
may not see answers like what does not exist); ``<nouns>_visible_to(user)`` (and,
where work in progress exists, ``<nouns>_openable_by(user)``) is the queryset of
what the person may see; ``can_*(user, obj)`` answers "may this person do X with
this one?". The per-object answer and the querysets agree: the truth-table tests in
``palabre/permissions/tests`` check every kind of person against every state.

The modules import the models they judge at the top (models import nothing from
here: their shared vocabulary, such as ``Visibility``, lives in ``palabre.lib``).

The shared rule (docs/architecture.md, "Who sees what"):
- anonymous visitors see public content only;
- members see network content, and organisation-only content of their own
  organisations;
- facilitators and network admins see everything that has been shared.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404

from palabre.lib.visibility import Visibility

__all__ = [
    "Visibility",
    "admin_org_ids",
    "audience_key",
    "can_see",
    "can_view",
    "forget",
    "is_facilitator",
    "is_member",
    "is_network_admin",
    "object_or_404",
    "or_404",
    "org_ids",
    "related_ids",
]

M = TypeVar("M", bound=Model)

# The largest primary key a database column holds (64-bit signed): a bigger number in an
# address or a request is nothing that exists.
MAX_PK = 2**63 - 1


def is_member(user: Any) -> bool:
    """Logged in and active: a member of the network (whatever their organisations)."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_facilitator(user: Any) -> bool:
    return is_member(user) and user.is_facilitator


def is_network_admin(user: Any) -> bool:
    return is_member(user) and user.is_network_admin


def org_ids(user: Any) -> frozenset[int]:
    """Organisations the person belongs to, computed once per user object."""
    if not is_member(user):
        return frozenset()
    cached = getattr(user, "_palabre_org_ids", None)
    if cached is None:
        cached = frozenset(user.memberships.values_list("organisation_id", flat=True))
        user._palabre_org_ids = cached
    return cached


def admin_org_ids(user: Any) -> frozenset[int]:
    """Organisations where the person is an org admin."""
    if not is_member(user):
        return frozenset()
    cached = getattr(user, "_palabre_admin_org_ids", None)
    if cached is None:
        cached = frozenset(
            user.memberships.filter(role="org_admin").values_list("organisation_id", flat=True)
        )
        user._palabre_admin_org_ids = cached
    return cached


def audience_key(user: Any) -> str:
    """Equal for two people exactly when the visibility rule shows them the same shared
    records (the same organisations, or both facilitators, or both anonymous): what a
    cache of search results or counts may be shared by."""
    if is_facilitator(user):
        return "f"
    if not is_member(user):
        return "a"
    return "m" + ",".join(str(pk) for pk in sorted(org_ids(user)))


def forget(user: Any) -> None:
    """Drop cached memberships after they change."""
    for attr in ("_palabre_org_ids", "_palabre_admin_org_ids", "_palabre_full_member_org_ids"):
        if hasattr(user, attr):
            delattr(user, attr)


def object_or_404(queryset: QuerySet[M], key: Any, *, field: str = "pk") -> M:
    """One row of ``queryset`` by ``field``, or 404 for a missing row and for a key that
    cannot be one (not a whole number, out of range). Only the access functions of this
    package call it: they filter or check what the person may see."""
    try:
        number = int(key)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < number <= MAX_PK:
        raise Http404
    try:
        return queryset.get(**{field: number})
    except ObjectDoesNotExist:
        raise Http404 from None


def or_404(obj: M, allowed: bool) -> M:
    """``obj`` when the person may do what they ask with it; otherwise 404, as for what
    they may not see: a refusal tells nothing about what exists."""
    if not allowed:
        raise Http404
    return obj


def related_ids(obj: Any, name: str) -> set[int]:
    """The ids of one of obj's many-to-many relations (partners, organisers…), read from
    what a caller prefetched when it did: checking a list of objects then costs no query
    per object."""
    prefetched = getattr(obj, "_prefetched_objects_cache", {}).get(name)
    if prefetched is not None:
        return {related.pk for related in prefetched}
    return set(getattr(obj, name).values_list("pk", flat=True))


def can_see(user: Any, *, visibility: str, organisation_ids: set[int] | frozenset[int]) -> bool:
    """The shared visibility rule, for one object already in memory."""
    if visibility == Visibility.PUBLIC or is_facilitator(user):
        return True
    if not is_member(user):
        return False
    if visibility == Visibility.NETWORK:
        return True
    return bool(org_ids(user) & set(organisation_ids))


def can_view(user: Any, obj: Any) -> bool:
    """May this person see this object? Asks the rules of the object's app.

    Each ``palabre.permissions.<app_label>`` module defines ``can_view(user, obj)``
    for its own models; an object whose app has no rules is visible to members only.
    """
    import importlib

    label = obj._meta.app_label
    try:
        module = importlib.import_module(f"palabre.permissions.{label}")
    except ModuleNotFoundError:
        return is_member(user)
    rule = getattr(module, "can_view", None)
    return rule(user, obj) if rule else is_member(user)
