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

Access: ``adoption_for``, ``feedback_for``, ``indicator_for`` and ``measurement_for``
fetch one object for a person or raise 404 (the ``*_editable_for`` variants also
require the right to change it); ``*_visible_to`` are the querysets of what the person
may see. ``can_view`` answers the same as those querysets for one object
(palabre/permissions/tests/test_adoptions.py says so).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement
from palabre.organisations.models import Organisation, Role
from palabre.permissions import (
    admin_org_ids,
    is_facilitator,
    is_member,
    object_or_404,
    or_404,
    org_ids,
)
from palabre.permissions import organisations as organisation_rules
from palabre.permissions import practices as practice_rules
from palabre.practices.models import Practice

ORGANISATION_ONLY = FeedbackReport.Visibility.ORGANISATION


def _member_ids(user: Any) -> frozenset[int]:
    """Organisations where the person is a member or administrator (not a volunteer)."""
    if not is_member(user):
        return frozenset()
    cached = getattr(user, "_palabre_full_member_org_ids", None)
    if cached is None:
        cached = frozenset(
            user.memberships.filter(role__in=[Role.MEMBER, Role.ORG_ADMIN]).values_list(
                "organisation_id", flat=True
            )
        )
        user._palabre_full_member_org_ids = cached
    return cached


# Adoptions --------------------------------------------------------------------


def adoptions_visible_to(
    user: Any, queryset: QuerySet[Adoption] | None = None
) -> QuerySet[Adoption]:
    qs = queryset if queryset is not None else Adoption.objects.all()
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.none()
    readable = practice_rules.practices_visible_to(user).values("pk")
    return qs.filter(
        Q(practice__in=readable)
        | Q(practice__in=practice_rules.practices_authored_by(user))
        | Q(organisation__in=org_ids(user))
    )


def can_view_adoption(user: Any, adoption: Adoption) -> bool:
    if not is_member(user):
        return False
    if is_facilitator(user) or adoption.organisation_id in org_ids(user):
        return True
    practice = adoption.practice
    if practice_rules.is_author(user, practice):
        return True
    return practice.is_published and practice_rules.can_view(user, practice)


def can_record_adoption(user: Any, practice: Practice) -> bool:
    """A member of an organisation who can read a published practice may say it is adopted."""
    return (
        is_member(user)
        and bool(org_ids(user))
        and practice.is_published
        and practice_rules.can_view(user, practice)
    )


def adopting_organisation_choices(user: Any) -> QuerySet[Organisation]:
    """The person's organisations, for which they record adoptions."""
    return Organisation.objects.filter(pk__in=org_ids(user))


def can_edit_adoption(user: Any, adoption: Adoption) -> bool:
    return is_member(user) and adoption.organisation_id in org_ids(user)


def can_delete_adoption(user: Any, adoption: Adoption) -> bool:
    return is_member(user) and (
        adoption.organisation_id in admin_org_ids(user)
        or (adoption.created_by_id == user.pk and adoption.organisation_id in org_ids(user))
    )


# Feedback ---------------------------------------------------------------------


def feedback_visible_to(
    user: Any, queryset: QuerySet[FeedbackReport] | None = None
) -> QuerySet[FeedbackReport]:
    """Reports whose texts this person may read."""
    qs = queryset if queryset is not None else FeedbackReport.objects.all()
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.none()
    readable = practice_rules.practices_visible_to(user).values("pk")
    return qs.filter(
        Q(adoption__organisation__in=org_ids(user))
        | Q(adoption__practice__in=practice_rules.practices_authored_by(user))
        | (Q(adoption__practice__in=readable) & ~Q(visibility=ORGANISATION_ONLY))
    )


def can_view_feedback(user: Any, report: FeedbackReport) -> bool:
    adoption = report.adoption
    if not is_member(user):
        return False
    if is_facilitator(user) or adoption.organisation_id in org_ids(user):
        return True
    if practice_rules.is_author(user, adoption.practice):
        return True
    return report.visibility != ORGANISATION_ONLY and can_view_adoption(user, adoption)


def can_report_feedback(user: Any, adoption: Adoption) -> bool:
    return is_member(user) and adoption.organisation_id in org_ids(user)


def can_edit_feedback(user: Any, report: FeedbackReport) -> bool:
    organisation_id = report.adoption.organisation_id
    return is_member(user) and (
        organisation_id in admin_org_ids(user)
        or (report.created_by_id == user.pk and organisation_id in org_ids(user))
    )


def can_answer_feedback(user: Any, report: FeedbackReport) -> bool:
    """The practice's editors answer and revise from the reports they can read."""
    return practice_rules.can_edit(user, report.adoption.practice) and can_view_feedback(
        user, report
    )


# Indicators and measurements ----------------------------------------------------


def indicators_visible_to(
    user: Any, queryset: QuerySet[Indicator] | None = None
) -> QuerySet[Indicator]:
    qs = queryset if queryset is not None else Indicator.objects.all()
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.none()
    return qs.filter(organisation__in=org_ids(user))


def measurements_visible_to(
    user: Any, queryset: QuerySet[Measurement] | None = None
) -> QuerySet[Measurement]:
    qs = queryset if queryset is not None else Measurement.objects.all()
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.none()
    return qs.filter(indicator__organisation__in=org_ids(user))


def can_view_indicator(user: Any, indicator: Indicator) -> bool:
    return is_facilitator(user) or (is_member(user) and indicator.organisation_id in org_ids(user))


def can_manage_indicators(user: Any, organisation: Organisation) -> bool:
    """Define, change and delete indicators: members and administrators, not volunteers."""
    return is_member(user) and organisation.pk in _member_ids(user)


def can_enter_measurements(user: Any, indicator: Indicator) -> bool:
    return is_member(user) and indicator.organisation_id in org_ids(user)


def can_import_measurements(user: Any, organisation: Organisation) -> bool:
    """A file of measurements is imported into one of the person's own organisations."""
    return is_member(user) and organisation.pk in org_ids(user)


def indicator_organisation_choices(user: Any) -> QuerySet[Organisation]:
    """The organisations whose indicators this person defines."""
    return Organisation.objects.filter(pk__in=_member_ids(user))


# Dashboards and exports -----------------------------------------------------------


def can_see_organisation_dashboard(user: Any, organisation: Organisation) -> bool:
    return is_facilitator(user) or (is_member(user) and organisation.pk in org_ids(user))


def can_see_network_dashboard(user: Any) -> bool:
    return is_facilitator(user)


def can_see_adopters(user: Any) -> bool:
    """Names of organisations, places and texts: for members; anonymous see figures only."""
    return is_member(user)


def can_view(user: Any, obj: Any) -> bool:
    if isinstance(obj, Adoption):
        return can_view_adoption(user, obj)
    if isinstance(obj, FeedbackReport):
        return can_view_feedback(user, obj)
    if isinstance(obj, Indicator):
        return can_view_indicator(user, obj)
    if isinstance(obj, Measurement):
        return can_view_indicator(user, obj.indicator)
    return False


# Fetching one ---------------------------------------------------------------------
#
# Each returns the object if this person may see it (and, for the ``*_editable_for``
# ones, change it); otherwise 404, as if it did not exist. ``queryset`` lets a caller
# choose what is loaded with it (select_related, annotations): the rule still applies.


def adoption_for(user: Any, pk: Any, *, queryset: QuerySet[Adoption] | None = None) -> Adoption:
    if queryset is None:
        queryset = Adoption.objects.select_related(
            "practice__lead_organisation", "organisation", "contact", "revision"
        )
    return object_or_404(adoptions_visible_to(user, queryset), pk)


def adoption_editable_for(user: Any, pk: Any) -> Adoption:
    adoption = adoption_for(user, pk)
    return or_404(adoption, can_edit_adoption(user, adoption))


def feedback_for(
    user: Any, pk: Any, *, queryset: QuerySet[FeedbackReport] | None = None
) -> FeedbackReport:
    if queryset is None:
        queryset = FeedbackReport.objects.select_related(
            "adoption__practice__lead_organisation", "adoption__organisation", "addressed_in"
        )
    return object_or_404(feedback_visible_to(user, queryset), pk)


def feedback_editable_for(user: Any, pk: Any) -> FeedbackReport:
    report = feedback_for(user, pk)
    return or_404(report, can_edit_feedback(user, report))


def feedback_answerable_for(user: Any, pk: Any) -> FeedbackReport:
    """A report the person may answer, as one of the practice's editors."""
    report = feedback_for(user, pk)
    return or_404(report, can_answer_feedback(user, report))


def indicator_for(user: Any, pk: Any, *, queryset: QuerySet[Indicator] | None = None) -> Indicator:
    if queryset is None:
        queryset = Indicator.objects.select_related("organisation")
    return object_or_404(indicators_visible_to(user, queryset), pk)


def indicator_editable_for(user: Any, pk: Any) -> Indicator:
    """An indicator the person may change (members and administrators of its organisation)."""
    indicator = indicator_for(user, pk)
    return or_404(indicator, can_manage_indicators(user, indicator.organisation))


def indicator_measurable_for(user: Any, pk: Any) -> Indicator:
    """An indicator the person may enter measurements on (any member of its organisation)."""
    indicator = indicator_for(user, pk)
    return or_404(indicator, can_enter_measurements(user, indicator))


def measurement_for(
    user: Any, pk: Any, *, queryset: QuerySet[Measurement] | None = None
) -> Measurement:
    if queryset is None:
        queryset = Measurement.objects.select_related("indicator__organisation")
    return object_or_404(measurements_visible_to(user, queryset), pk)


def measurement_editable_for(user: Any, pk: Any) -> Measurement:
    measurement = measurement_for(user, pk)
    return or_404(measurement, can_enter_measurements(user, measurement.indicator))


def outcomes_practice_for(user: Any, pk: Any, *, archived: bool = True) -> Practice:
    """A practice whose outcomes this person may read: one they may open, published (or
    archived, unless ``archived`` is false: its adoptions remain evidence)."""
    practice = practice_rules.practice_for(user, pk)
    statuses = [Practice.Status.PUBLISHED]
    if archived:
        statuses.append(Practice.Status.ARCHIVED)
    if practice.status not in statuses:
        raise Http404
    return practice


def organisation_dashboard_for(user: Any, slug: str) -> Organisation:
    """An organisation whose dashboard (adoptions, indicators) this person may see."""
    organisation = organisation_rules.organisation_for(user, slug)
    return or_404(organisation, can_see_organisation_dashboard(user, organisation))


def organisation_import_for(user: Any, slug: str) -> Organisation:
    """One of the person's organisations, to import measurements into."""
    organisation = organisation_dashboard_for(user, slug)
    return or_404(organisation, can_import_measurements(user, organisation))


def indicator_organisation_for(user: Any, slug: str) -> Organisation:
    """One of the organisations whose indicators this person defines."""
    return organisation_rules.organisation_for(
        user, slug, queryset=indicator_organisation_choices(user)
    )
