"""Who sees and changes adoptions, feedback reports, indicators and measurements.

The rule, applied to every output (pages, dashboards, panels, exports, API,
notifications):

- An adoption belongs to the adopting organisation. It is seen by the members
  of that organisation, by facilitators, by the practice's authors, and by any
  network member who can read the (published) practice adopted. Anonymous
  visitors never see an adoption, only aggregate figures (counts, averages,
  shares, counts by country) on the pages of public practices: no text, no
  organisation, no person.
- A feedback report is seen by whoever sees its adoption, unless it is marked
  organisation-only: then only the adopting organisation's members, the
  practice's authors and facilitators see its texts. Aggregates (counts,
  average effectiveness, would-recommend share) count every report, because
  they reveal no text and no one.
- Indicators and their measurements are the owning organisation's: only its
  members and facilitators see them.
- The adopting organisation's members record and update its adoptions and
  write its feedback reports (volunteers included: they are often the ones in
  the field). A report is changed by whoever wrote it or the organisation's
  administrators.
- Members and administrators (not volunteers) define and change the
  organisation's indicators; every member, volunteers included, enters and
  corrects measurements.
- The practice's editors (authors, its organisation's administrators,
  facilitators) answer feedback and revise the practice from it.
- The organisation dashboard is for its members and facilitators; the
  network dashboard is for facilitators.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from palabre.permissions import admin_org_ids, is_facilitator, is_member, org_ids
from palabre.permissions import practices as practice_rules

ORGANISATION_ONLY = "organisation"


def _models():
    from palabre.adoptions import models

    return models


def _member_ids(user: Any) -> frozenset[int]:
    """Organisations where the person is a member or administrator (not a volunteer)."""
    if not is_member(user):
        return frozenset()
    cached = getattr(user, "_palabre_full_member_org_ids", None)
    if cached is None:
        cached = frozenset(
            user.memberships.filter(role__in=["member", "org_admin"]).values_list(
                "organisation_id", flat=True
            )
        )
        user._palabre_full_member_org_ids = cached
    return cached


# Adoptions --------------------------------------------------------------------


def adoptions_visible_to(user: Any, queryset: QuerySet | None = None) -> QuerySet:
    Adoption = _models().Adoption
    qs = queryset if queryset is not None else Adoption.objects.all()
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.none()
    readable = practice_rules.practices_visible_to(user).values("pk")
    return qs.filter(
        Q(practice__in=readable)
        | Q(practice__in=_authored(user))
        | Q(organisation__in=org_ids(user))
    )


def _authored(user: Any) -> QuerySet:
    """Practices this person wrote, as a subquery (one row per practice, no join)."""
    Practice = _practice_model()
    return Practice.authors.through.objects.filter(user_id=user.pk).values("practice_id")


def can_view_adoption(user: Any, adoption: Any) -> bool:
    if not is_member(user):
        return False
    if is_facilitator(user) or adoption.organisation_id in org_ids(user):
        return True
    practice = adoption.practice
    if practice_rules.is_author(user, practice):
        return True
    return practice.is_published and practice_rules.can_view(user, practice)


def can_record_adoption(user: Any, practice: Any) -> bool:
    """A member of an organisation who can read a published practice may say it is adopted."""
    return (
        is_member(user)
        and bool(org_ids(user))
        and practice.is_published
        and practice_rules.can_view(user, practice)
    )


def adopting_organisation_choices(user: Any) -> QuerySet:
    from palabre.organisations.models import Organisation

    return Organisation.objects.filter(pk__in=org_ids(user))


def can_edit_adoption(user: Any, adoption: Any) -> bool:
    return is_member(user) and adoption.organisation_id in org_ids(user)


def can_delete_adoption(user: Any, adoption: Any) -> bool:
    return is_member(user) and (
        adoption.organisation_id in admin_org_ids(user)
        or (adoption.created_by_id == user.pk and adoption.organisation_id in org_ids(user))
    )


# Feedback ---------------------------------------------------------------------


def feedback_visible_to(user: Any, queryset: QuerySet | None = None) -> QuerySet:
    """Reports whose texts this person may read."""
    FeedbackReport = _models().FeedbackReport
    qs = queryset if queryset is not None else FeedbackReport.objects.all()
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.none()
    readable = practice_rules.practices_visible_to(user).values("pk")
    mine = org_ids(user)
    return qs.filter(
        Q(adoption__organisation__in=mine)
        | Q(adoption__practice__in=_authored(user))
        | (Q(adoption__practice__in=readable) & ~Q(visibility=ORGANISATION_ONLY))
    )


def _practice_model():
    from palabre.practices.models import Practice

    return Practice


def can_view_feedback(user: Any, report: Any) -> bool:
    adoption = report.adoption
    if not is_member(user):
        return False
    if is_facilitator(user) or adoption.organisation_id in org_ids(user):
        return True
    if practice_rules.is_author(user, adoption.practice):
        return True
    return report.visibility != ORGANISATION_ONLY and can_view_adoption(user, adoption)


def can_report_feedback(user: Any, adoption: Any) -> bool:
    return is_member(user) and adoption.organisation_id in org_ids(user)


def can_edit_feedback(user: Any, report: Any) -> bool:
    organisation_id = report.adoption.organisation_id
    return is_member(user) and (
        organisation_id in admin_org_ids(user)
        or (report.created_by_id == user.pk and organisation_id in org_ids(user))
    )


def can_answer_feedback(user: Any, report: Any) -> bool:
    """The practice's editors answer and revise from the reports they can read."""
    return practice_rules.can_edit(user, report.adoption.practice) and can_view_feedback(
        user, report
    )


# Indicators and measurements ----------------------------------------------------


def indicators_visible_to(user: Any, queryset: QuerySet | None = None) -> QuerySet:
    Indicator = _models().Indicator
    qs = queryset if queryset is not None else Indicator.objects.all()
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.none()
    return qs.filter(organisation__in=org_ids(user))


def measurements_visible_to(user: Any, queryset: QuerySet | None = None) -> QuerySet:
    Measurement = _models().Measurement
    qs = queryset if queryset is not None else Measurement.objects.all()
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.none()
    return qs.filter(indicator__organisation__in=org_ids(user))


def can_view_indicator(user: Any, indicator: Any) -> bool:
    return is_facilitator(user) or (is_member(user) and indicator.organisation_id in org_ids(user))


def can_manage_indicators(user: Any, organisation: Any) -> bool:
    """Define, change and delete indicators: members and administrators, not volunteers."""
    return is_member(user) and organisation.pk in _member_ids(user)


def can_enter_measurements(user: Any, indicator: Any) -> bool:
    return is_member(user) and indicator.organisation_id in org_ids(user)


def indicator_organisation_choices(user: Any) -> QuerySet:
    from palabre.organisations.models import Organisation

    return Organisation.objects.filter(pk__in=_member_ids(user))


# Dashboards and exports -----------------------------------------------------------


def can_see_organisation_dashboard(user: Any, organisation: Any) -> bool:
    return is_facilitator(user) or (is_member(user) and organisation.pk in org_ids(user))


def can_see_network_dashboard(user: Any) -> bool:
    return is_facilitator(user)


def can_see_adopters(user: Any) -> bool:
    """Names of organisations, places and texts: for members; anonymous see figures only."""
    return is_member(user)


def can_view(user: Any, obj: Any) -> bool:
    models = _models()
    if isinstance(obj, models.Adoption):
        return can_view_adoption(user, obj)
    if isinstance(obj, models.FeedbackReport):
        return can_view_feedback(user, obj)
    if isinstance(obj, models.Indicator):
        return can_view_indicator(user, obj)
    if isinstance(obj, models.Measurement):
        return can_view_indicator(user, obj.indicator)
    return False
