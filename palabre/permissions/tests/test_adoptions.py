"""Who sees which adoption, feedback report, indicator and measurement: the truth table.

Organisation A (ADB) adopts four practices of organisation B (ATE), written by an
author of B: published for everyone, for network members, for B only, and one
published then archived. Each adoption has a report for the network and one kept
for the organisation; A also follows an indicator with one measurement.

For every kind of object and every kind of person, the per-object answer
(``can_view``), the access function (``*_for``, 404 or not) and the queryset
(``*_visible_to``) agree, and they say what the rule in
``palabre.permissions.adoptions`` says.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from conftest import make_person
from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement
from palabre.lib.visibility import Visibility
from palabre.permissions import adoptions as rules
from palabre.practices.models import Practice

ORG_ONLY = FeedbackReport.Visibility.ORGANISATION
NETWORK = FeedbackReport.Visibility.NETWORK

# The practices adopted: (status, visibility).
PRACTICES = {
    "public": (Practice.Status.PUBLISHED, Visibility.PUBLIC),
    "network": (Practice.Status.PUBLISHED, Visibility.NETWORK),
    "org_only": (Practice.Status.PUBLISHED, Visibility.ORGANISATION),
    "archived": (Practice.Status.ARCHIVED, Visibility.NETWORK),
}

PEOPLE = [
    "anonymous",
    "volunteer",  # of A, the adopting organisation
    "member",  # of A
    "org_admin",  # of A
    "author",  # of the practice, in B
    "lead_colleague",  # a member of B who did not write it
    "outsider",  # a member of C, a third organisation
    "facilitator",
    "network_admin",
]
ADOPTERS = {"volunteer", "member", "org_admin"}
EVERYTHING = {"facilitator", "network_admin"}


@pytest.fixture
def org_c(db):
    from palabre.organisations.models import Organisation

    return Organisation.objects.create(
        name="Jeunesse Solidaire de Brazzaville", acronym="JSB", slug="jsb", kind="ngo"
    )


@pytest.fixture
def world(org_a, org_b, org_c, make_practice):
    people = {
        "anonymous": AnonymousUser(),
        "volunteer": make_person("v@adb.example", "Vera", organisation=org_a, role="volunteer"),
        "member": make_person("m@adb.example", "Colin", organisation=org_a),
        "org_admin": make_person("a@adb.example", "Odile", organisation=org_a, role="org_admin"),
        "author": make_person("author@ate.example", "Awa", organisation=org_b),
        "lead_colleague": make_person("c@ate.example", "Léa", organisation=org_b),
        "outsider": make_person("o@jsb.example", "Oscar", organisation=org_c),
        "facilitator": make_person("f@palabre.example", "Fanta", network_role="facilitator"),
        "network_admin": make_person("n@palabre.example", "Nadia", network_role="admin"),
    }
    adoptions, reports = {}, {}
    for key, (status, visibility) in PRACTICES.items():
        practice = make_practice(
            people["author"], organisation=org_b, status=status, visibility=visibility, title=key
        )
        adoption = Adoption.objects.create(
            practice=practice,
            organisation=org_a,
            status=Adoption.Status.IN_PROGRESS,
            started_on=date(2025, 1, 6),
            created_by=people["member"],
        )
        adoptions[key] = adoption
        for report_visibility in (NETWORK, ORG_ONLY):
            reports[key, report_visibility] = FeedbackReport.objects.create(
                adoption=adoption,
                reported_on=date(2025, 4, 7),
                effectiveness=4,
                would_recommend=True,
                status_at_report=adoption.status,
                results="Ça a marché.",
                visibility=report_visibility,
                created_by=people["member"],
            )
    indicator = Indicator.objects.create(
        organisation=org_a,
        name="Ménages avec latrines",
        unit="%",
        value_type=Indicator.ValueType.PERCENTAGE,
        direction=Indicator.Direction.INCREASE,
        baseline_value=35,
        baseline_date=date(2025, 1, 1),
        target_value=80,
        target_date=date(2027, 1, 1),
    )
    indicator.adoptions.add(adoptions["network"])
    measurement = Measurement.objects.create(
        indicator=indicator, measured_on=date(2025, 6, 1), value=55
    )
    return {
        "people": people,
        "adoptions": adoptions,
        "reports": reports,
        "indicator": indicator,
        "measurement": measurement,
    }


def _found(fetch, person, pk) -> bool:
    try:
        fetch(person, pk)
    except Http404:
        return False
    return True


def _agree(person, obj, *, visible_to, fetch) -> bool:
    """The three answers for one object and one person are the same; returns it."""
    in_queryset: bool = visible_to(person).filter(pk=obj.pk).exists()
    assert rules.can_view(person, obj) == in_queryset
    assert _found(fetch, person, obj.pk) == in_queryset
    return in_queryset


# The rule, written out once more, independently of the module ---------------------


def sees_adoption(person: str, practice: str) -> bool:
    if person in ADOPTERS | EVERYTHING or person == "author":
        return True
    if practice == "archived":
        return False  # only the adopters, the authors and facilitators keep seeing it
    if person == "lead_colleague":
        return True  # B's members read all of B's published practices
    if person == "outsider":
        return practice in ("public", "network")
    return False  # anonymous visitors see figures, never an adoption


def reads_report(person: str, practice: str, visibility: str) -> bool:
    if person in ADOPTERS | EVERYTHING or person == "author":
        return True
    return visibility == NETWORK and sees_adoption(person, practice)


def sees_indicator(person: str) -> bool:
    return person in ADOPTERS | EVERYTHING


# The truth table ---------------------------------------------------------------------


@pytest.mark.parametrize("practice", list(PRACTICES))
@pytest.mark.parametrize("person", PEOPLE)
def test_adoption(world, person, practice):
    seen = _agree(
        world["people"][person],
        world["adoptions"][practice],
        visible_to=rules.adoptions_visible_to,
        fetch=rules.adoption_for,
    )
    assert seen == sees_adoption(person, practice)


@pytest.mark.parametrize("visibility", [NETWORK, ORG_ONLY])
@pytest.mark.parametrize("practice", list(PRACTICES))
@pytest.mark.parametrize("person", PEOPLE)
def test_feedback(world, person, practice, visibility):
    seen = _agree(
        world["people"][person],
        world["reports"][practice, visibility],
        visible_to=rules.feedback_visible_to,
        fetch=rules.feedback_for,
    )
    assert seen == reads_report(person, practice, visibility)


@pytest.mark.parametrize("person", PEOPLE)
def test_indicator(world, person):
    seen = _agree(
        world["people"][person],
        world["indicator"],
        visible_to=rules.indicators_visible_to,
        fetch=rules.indicator_for,
    )
    assert seen == sees_indicator(person)


@pytest.mark.parametrize("person", PEOPLE)
def test_measurement(world, person):
    seen = _agree(
        world["people"][person],
        world["measurement"],
        visible_to=rules.measurements_visible_to,
        fetch=rules.measurement_for,
    )
    assert seen == sees_indicator(person)


# Named cells -------------------------------------------------------------------------


def test_anonymous_never_sees_an_adoption_even_of_a_public_practice(world):
    adoption = world["adoptions"]["public"]
    assert not rules.can_view(AnonymousUser(), adoption)
    with pytest.raises(Http404):
        rules.adoption_for(AnonymousUser(), adoption.pk)


def test_outsider_does_not_see_the_adoption_of_an_organisation_only_practice(world):
    outsider = world["people"]["outsider"]
    assert not rules.can_view(outsider, world["adoptions"]["org_only"])
    assert rules.can_view(outsider, world["adoptions"]["network"])


def test_outsider_reads_network_feedback_but_not_the_organisations_own(world):
    outsider = world["people"]["outsider"]
    assert rules.can_view(outsider, world["reports"]["network", NETWORK])
    assert not rules.can_view(outsider, world["reports"]["network", ORG_ONLY])


def test_author_in_another_organisation_reads_organisation_only_feedback(world):
    author = world["people"]["author"]
    assert rules.can_view(author, world["reports"]["network", ORG_ONLY])
    assert rules.can_view(author, world["adoptions"]["archived"])


def test_colleague_of_the_author_does_not_read_organisation_only_feedback(world):
    colleague = world["people"]["lead_colleague"]
    assert rules.can_view(colleague, world["adoptions"]["org_only"])
    assert not rules.can_view(colleague, world["reports"]["org_only", ORG_ONLY])


def test_volunteer_sees_the_organisations_indicators_facilitator_too_outsider_not(world):
    indicator = world["indicator"]
    assert rules.can_view(world["people"]["volunteer"], indicator)
    assert rules.can_view(world["people"]["facilitator"], indicator)
    assert not rules.can_view(world["people"]["author"], indicator)


# Fetching to change --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fetch", "person", "allowed"),
    [
        ("adoption_editable_for", "volunteer", True),
        ("adoption_editable_for", "facilitator", False),
        ("adoption_editable_for", "author", False),
        ("feedback_editable_for", "member", True),  # who wrote it
        ("feedback_editable_for", "org_admin", True),
        ("feedback_editable_for", "volunteer", False),
        ("feedback_answerable_for", "author", True),
        ("feedback_answerable_for", "facilitator", True),
        ("feedback_answerable_for", "org_admin", False),
        ("indicator_editable_for", "member", True),
        ("indicator_editable_for", "volunteer", False),
        ("indicator_editable_for", "facilitator", False),
        ("indicator_measurable_for", "volunteer", True),
        ("indicator_measurable_for", "facilitator", False),
        ("measurement_editable_for", "volunteer", True),
        ("measurement_editable_for", "facilitator", False),
    ],
)
def test_fetching_to_change(world, fetch, person, allowed):
    objects = {
        "adoption": world["adoptions"]["network"],
        "feedback": world["reports"]["network", NETWORK],
        "indicator": world["indicator"],
        "measurement": world["measurement"],
    }
    obj = objects[fetch.split("_", 1)[0]]
    assert _found(getattr(rules, fetch), world["people"][person], obj.pk) == allowed


@pytest.mark.parametrize("key", ["", "abc", "0", "-3", str(2**63)])
def test_a_key_that_cannot_be_one_is_not_found(world, key):
    with pytest.raises(Http404):
        rules.adoption_for(world["people"]["facilitator"], key)


@pytest.mark.parametrize(
    ("person", "practice", "archived", "allowed"),
    [
        ("anonymous", "public", True, True),
        ("anonymous", "network", True, False),
        ("outsider", "org_only", True, False),
        ("outsider", "archived", True, False),
        ("author", "archived", True, True),
        ("author", "archived", False, False),
        ("facilitator", "archived", True, True),
    ],
)
def test_outcomes_of_a_practice(world, person, practice, archived, allowed):
    pk = world["adoptions"][practice].practice_id
    fetch = lambda user, key: rules.outcomes_practice_for(user, key, archived=archived)  # noqa: E731
    assert _found(fetch, world["people"][person], pk) == allowed
