"""Who may see and handle what concerns personal data: archives and erasure requests.

- An archive of a person's data is theirs alone: they ask for it and download it; nobody
  else sees it, network administrators included.
- A person asks for the erasure of their own account, sees their own requests and may
  withdraw one still waiting.
- Network administrators see every erasure request and carry one out or refuse it —
  never their own (another administrator does), and never once it was decided.

Access: ``data_export_for(user, pk)``, ``erasure_request_for(user, pk)`` (the person's own,
or any for a network administrator) and ``handled_erasure_request_for(user, pk)`` (network
administrators only) fetch or raise 404; ``data_exports_visible_to`` and
``erasure_requests_visible_to`` are the querysets.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from palabre.permissions import is_member, is_network_admin, object_or_404
from palabre.privacy.models import DataExport, ErasureRequest

# Archives -------------------------------------------------------------------------


def can_request_export(user: Any) -> bool:
    return is_member(user)


def data_exports_visible_to(
    user: Any, queryset: QuerySet[DataExport] | None = None
) -> QuerySet[DataExport]:
    """A person's own archives; nobody else's."""
    qs = queryset if queryset is not None else DataExport.objects.all()
    if not is_member(user):
        return qs.none()
    return qs.filter(person_id=user.pk)


def data_export_for(user: Any, pk: Any) -> DataExport:
    """One of the person's own archives; anyone else's answers 404."""
    return object_or_404(data_exports_visible_to(user), pk)


# Erasure requests ----------------------------------------------------------------


def can_handle_erasure_requests(user: Any) -> bool:
    """Network administrators see and decide erasure requests."""
    return is_network_admin(user)


def can_request_erasure(user: Any) -> bool:
    return is_member(user)


def erasure_requests_visible_to(
    user: Any, queryset: QuerySet[ErasureRequest] | None = None
) -> QuerySet[ErasureRequest]:
    """Every request for a network administrator; a person's own for anyone else."""
    qs = queryset if queryset is not None else ErasureRequest.objects.all()
    if can_handle_erasure_requests(user):
        return qs
    if not is_member(user):
        return qs.none()
    return qs.filter(person_id=user.pk)


def erasure_request_for(user: Any, pk: Any) -> ErasureRequest:
    """A request the person may see (their own, or any for an administrator); else 404."""
    return object_or_404(erasure_requests_visible_to(user).select_related("person"), pk)


def handled_erasure_request_for(user: Any, pk: Any) -> ErasureRequest:
    """A request on the administrators' pages: 404 for anyone else, even its own person."""
    if not can_handle_erasure_requests(user):
        raise Http404
    return object_or_404(ErasureRequest.objects.select_related("person", "decided_by"), pk)


def can_decide(user: Any, request: ErasureRequest) -> bool:
    """Carry out or refuse: a network administrator, on someone else's waiting request."""
    return can_handle_erasure_requests(user) and request.is_pending and request.person_id != user.pk


def can_withdraw(user: Any, request: ErasureRequest) -> bool:
    return is_member(user) and request.person_id == user.pk and request.is_pending


def can_view(user: Any, obj: Any) -> bool:
    """The generic answer for this app's objects (notifications ask it)."""
    if isinstance(obj, DataExport):
        return is_member(user) and obj.person_id == user.pk
    if isinstance(obj, ErasureRequest):
        return erasure_requests_visible_to(user).filter(pk=obj.pk).exists()
    return False
