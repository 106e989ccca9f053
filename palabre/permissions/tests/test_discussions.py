"""Truth table of the discussion rule: a thread is read by whoever may read its space (the
practice, the theme, the workshop), a hidden one only by facilitators and its author; the
per-object answer, the access functions and the querysets agree on every cell."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from conftest import make_person
from palabre.discussions.models import Answer, Space, Thread
from palabre.permissions import discussions as rules
from palabre.themes.models import Theme

PEOPLE = [
    "anonymous",
    "member_of_lead",
    "thread_author",
    "member_elsewhere",
    "facilitator",
]

# Spaces, as seen from the people above: a practice of org A of each visibility and
# status, and a theme.
SPACES = [
    ("practice", "published", "public"),
    ("practice", "published", "network"),
    ("practice", "published", "organisation"),
    ("practice", "draft", "public"),
    ("practice", "archived", "network"),
    ("theme", "", ""),
]


def expected(person: str, space: tuple[str, str, str], hidden: bool) -> bool:
    """The rule, written plainly."""
    if person == "facilitator":
        return True
    if hidden and person != "thread_author":
        return False
    kind, status, visibility = space
    if kind == "theme":
        return person != "anonymous"
    if status != "published":
        # A practice's work in progress is for its editors (here: none of these people).
        return False
    if visibility == "public":
        return True
    if person == "anonymous":
        return False
    if visibility == "network":
        return True
    return person in ("member_of_lead", "thread_author")


@pytest.fixture
def people(org_a, org_b, author):
    return {
        "anonymous": AnonymousUser(),
        "member_of_lead": make_person("m@adb.example", "Colin", organisation=org_a),
        "thread_author": make_person("t@adb.example", "Thea", organisation=org_a),
        "member_elsewhere": make_person("m@ate.example", "Oscar", organisation=org_b),
        "facilitator": make_person("f@palabre.example", "Fanta", network_role="facilitator"),
    }


def _space(make_practice, author, kind, status, visibility) -> Space:
    if kind == "theme":
        theme = Theme.objects.get(slug="epargne-microfinance")
        return Space.objects.get_or_create(kind=Space.Kind.THEME, theme=theme)[0]
    practice = make_practice(author, status=status, visibility=visibility)
    return Space.objects.create(kind=Space.Kind.PRACTICE, practice=practice)


@pytest.mark.parametrize("hidden", [False, True], ids=["shown", "hidden"])
@pytest.mark.parametrize("space", SPACES, ids=["-".join(filter(None, s)) for s in SPACES])
def test_thread_rule_truth_table(people, make_practice, author, space, hidden):
    where = _space(make_practice, author, *space)
    thread = Thread.objects.create(
        space=where,
        author=people["thread_author"],
        title="Comment choisir les gérants ?",
        body="Merci.",
        hidden_at=timezone.now() if hidden else None,
        hidden_by=people["facilitator"] if hidden else None,
    )
    answer = Answer.objects.create(thread=thread, author=people["thread_author"], body="Oui.")
    for person in PEOPLE:
        user = people[person]
        cell = f"{person} / {space} / {'hidden' if hidden else 'shown'}"
        want = expected(person, space, hidden)
        fresh = Thread.objects.get(pk=thread.pk)
        assert rules.can_view(user, fresh) is want, cell
        assert rules.discussions_visible_to(user).filter(pk=thread.pk).exists() is want, cell
        assert (thread.pk in rules.visible_pks(user, Thread, [thread.pk])) is want, cell
        if want:
            assert rules.thread_for(user, thread.pk).pk == thread.pk, cell
            assert rules.answer_for(user, answer.pk).pk == answer.pk, cell
        else:
            with pytest.raises(Http404):
                rules.thread_for(user, thread.pk)
            with pytest.raises(Http404):
                rules.answer_for(user, answer.pk)
        # An answer is read with its thread.
        assert rules.answers_visible_to(user).filter(pk=answer.pk).exists() is want, cell


def test_a_hidden_answer_is_read_by_its_author_and_facilitators_only(people, make_practice, author):
    where = _space(make_practice, author, "practice", "published", "public")
    thread = Thread.objects.create(space=where, author=author, title="Q", body="?")
    answer = Answer.objects.create(
        thread=thread,
        author=people["thread_author"],
        body="Oui.",
        hidden_at=timezone.now(),
        hidden_by=people["facilitator"],
    )
    readers = {p for p in PEOPLE if rules.can_view(people[p], Answer.objects.get(pk=answer.pk))}
    assert readers == {"thread_author", "facilitator"}
    for person in PEOPLE:
        listed = rules.answers_visible_to(people[person]).filter(pk=answer.pk).exists()
        assert listed is (person in readers), person


@pytest.mark.parametrize("kind", ["practice", "organisation", "theme", "thread", "nothing"])
def test_following_what_one_cannot_see_answers_404(people, make_practice, author, org_a, kind):
    private = make_practice(author, visibility="organisation")
    theme = Theme.objects.get(slug="epargne-microfinance")
    targets = {"practice": private.pk, "organisation": org_a.pk, "theme": theme.pk}
    outsider = people["member_elsewhere"]
    if kind == "practice":
        with pytest.raises(Http404):
            rules.followable_for(outsider, kind, targets[kind])
        assert rules.followable_for(people["member_of_lead"], kind, private.pk) == private
    elif kind in ("organisation", "theme"):
        assert rules.followable_for(outsider, kind, targets[kind]).pk == targets[kind]
        with pytest.raises(Http404):
            rules.followable_for(people["anonymous"], kind, targets[kind])
    else:
        with pytest.raises(Http404):
            rules.followable_for(outsider, kind, 10**6)
