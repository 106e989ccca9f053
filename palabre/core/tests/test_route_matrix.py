"""The permission matrix: every address of Palabre, requested as every kind of person, on
objects of every visibility and status, must answer what palabre.permissions decides.

How it works. ``DECLARED`` below says, for each route (a page's URL name such as
``practices:detail``, or an API operation such as ``GET /api/v1/practices/<practice_id>``),
which objects of the shared world (``matrix_world.py``) its address names, and how the
expected answer is worked out *from the rule* for each person and object — for example
``shown(practice)``: 200 when ``practices.practice_for(user, pk)`` finds the practice for
this person, else 404. Each route's requests run in one test: GET (and POST for pages that
take forms; the method in the key for API operations) as an anonymous visitor, the
author (a member of organisation A), a volunteer and the org admin of A, a member of
another organisation (B), a facilitator and a network admin. Every request runs in a
transaction rolled back afterwards, so the world stays the same for the next one; a
refused request (401, 403, 404, 405, a redirect to the login page) must also have
written nothing (``ALLOWED_WRITES`` lists the bookkeeping tables that do not count).
Logged-in people have passed their second step and just confirmed who they are, so
pages behind a re-authentication show what the rule lets them do.

What is left out, to keep the run short (about 8,500 requests): the main page of each
kind gets every status × visibility, the other routes of the kind a sample with every
status and every visibility at least once (``matrix_world.World.*_sample``); a method
an address never takes (405) and a login page or 401 given before the object is read
are asked once per route, not per object; on a form page (GET and POST), POST is sent
only where the rule refuses (the GET already showed the page lets the others in). The
Django admin is one rule for all its addresses, asked of three people.

``test_every_route_is_declared`` fails for any URL pattern without a declaration (and
for a declaration whose route is gone), so a new route cannot ship unchecked; and
``test_the_matrix_sees_a_leak_and_a_refused_write`` shows the matrix failing on a page
that forgets the rule or writes before it refuses.

To declare a new route, add it to ``DECLARED`` (one ``route(...)`` per URL name, or per
method and path for the API), next to its app's others:

    route("things:detail", each=lambda w: w.things, kwargs=lambda w, o: {"pk": o.pk},
          get=shown(thing)),                      # public page: 200 if thing_for finds it
    route("things:edit", each=..., kwargs=...,
          get=member(shown(thing_editable)),      # @login_required: anonymous → login
          post=member(acts(thing, allowed=rules.can_edit))),  # 404 / 403 / let through
    route("POST /api/v1/things/<thing_id>/publish", each=..., kwargs=...,
          expect=api_member(acts(thing, allowed=rules.can_publish)), body={...}),

``each`` lists the objects of the world the address names (add them to
``matrix_world.build_world`` if the kind is new: every visibility and status it has);
``kwargs`` builds the address's arguments; the rule helpers (``shown``, ``member``,
``acts``, ``fetched``…) take the access functions of palabre/permissions, so the
expected answer follows the rule and never a list of cases. ``body``/``data`` is what is
sent (API bodies must be valid, or the API answers 422 before it asks who you are).
Run this module alone while declaring:

    pytest palabre/core/tests/test_route_matrix.py -n 0 -p no:randomly -q

Each failure lists route, method, person, object, the expected and the actual answer.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import time as clock
from http.cookies import SimpleCookie
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.db.models import Model
from django.http import Http404
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from palabre import permissions
from palabre.accounts.reauth import SESSION_KEY as REAUTH_KEY
from palabre.accounts.security_views import VERIFIED_KEY
from palabre.core.models import OutgoingEmail
from palabre.core.tests.matrix_world import ROLES, World, build_world, published
from palabre.permissions import adoptions as A
from palabre.permissions import audit as AU
from palabre.permissions import core as C
from palabre.permissions import discussions as D
from palabre.permissions import learning as L
from palabre.permissions import organisations as O
from palabre.permissions import practices as P
from palabre.permissions import privacy as PR
from palabre.permissions import recognition as R
from palabre.permissions import workshops as W

# The django_db mark tells pytest-django to set up the test database (each test runs in
# a savepoint of its own). The routes run in two halves (pages; the API and the admin),
# each on one worker that builds the world once (see ``ROUTES`` below).
pytestmark = pytest.mark.django_db
PAGES, API_AND_ADMIN = "route_matrix_pages", "route_matrix_api"

# Answers -------------------------------------------------------------------------------

OK = "2xx"  # shown: any 2xx
PASS = "pass"  # the rule let it through: anything but a refusal (below) or a 5xx
REDIRECT = "redirect"  # a redirect elsewhere than the login page
LOGIN = "login"  # a redirect to the login page
NOT_FOUND = "404"
FORBIDDEN = "403"
UNAUTHORISED = "401"
NOT_ALLOWED = "405"
GONE = "410"
CONFLICT = "409"
ADMITTED = "admitted"  # anything but a 5xx or the login page (the admin's own rules)
REFUSALS = {LOGIN, NOT_FOUND, FORBIDDEN, UNAUTHORISED, NOT_ALLOWED}

LOGIN_PATHS = ("/login/", "/admin/login/")

# Tables a refused request may still write: the session (and the list of a person's
# sessions, with their last use), a token's last use, the per-connection search tables,
# the login-throttling records.
ALLOWED_WRITES = re.compile(
    r"^(django_session|accounts_usersession|accounts_apitoken|search_hits_\w+|search_facts_\w+"
    r"|axes_\w+"
    # "seen" marks of the announcements banner, shown on pages that refuse (a form's 403)
    r"|announcements_mark)$"
)

Rule = Callable[[Any, Any], str]  # (user, object) → expected answer

HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


FETCHED: dict[tuple[Any, ...], bool] = {}  # answers of the access functions, per route


def _key(value: Any) -> Any:
    if isinstance(value, Model):
        return (type(value), value.pk)
    if isinstance(value, AnonymousUser):
        return AnonymousUser
    return value


def fetched(fetch: Callable[..., Any], *args: Any) -> bool:
    """Does the access function find it for this person (rather than answering 404)?"""
    key = (fetch, *map(_key, args))
    if key not in FETCHED:
        try:
            fetch(*args)
        except Http404:
            FETCHED[key] = False
        else:
            FETCHED[key] = True
    return FETCHED[key]


# Rule builders: each takes an access check ``(user, obj) → bool`` built on
# palabre.permissions and answers what a request must get.


def always(answer: str) -> Rule:
    def rule(user: Any, obj: Any) -> str:
        return answer

    rule.answer = answer  # type: ignore[attr-defined]
    return rule


def shown(visible: Callable[[Any, Any], bool], then: str = OK) -> Rule:
    """What the rule lets the person open answers ``then``; anything else 404."""
    return lambda user, obj: then if visible(user, obj) else NOT_FOUND


def member(rule: Rule) -> Rule:
    """A page behind ``login_required``: anonymous visitors are sent to log in."""

    def checked(user: Any, obj: Any) -> str:
        return LOGIN if not user.is_authenticated else rule(user, obj)

    checked.anonymous = LOGIN  # type: ignore[attr-defined]
    return checked


def acts(
    visible: Callable[[Any, Any], bool],
    allowed: Callable[[Any, Any], bool] | None = None,
    then: str = PASS,
) -> Rule:
    """A change: 404 for what the person may not see, 403 for what they see but may not
    do (the service's refusal), otherwise let through."""

    def rule(user: Any, obj: Any) -> str:
        if not visible(user, obj):
            return NOT_FOUND
        if allowed is not None and not allowed(user, obj):
            return FORBIDDEN
        return then

    return rule


def api_member(rule: Rule) -> Rule:
    """An API operation for logged-in people: 401 without a token."""

    def checked(user: Any, obj: Any) -> str:
        return UNAUTHORISED if not user.is_authenticated else rule(user, obj)

    checked.anonymous = UNAUTHORISED  # type: ignore[attr-defined]
    return checked


def unless(condition: Callable[[Any, Any], bool], answer: str, rule: Rule) -> Rule:
    return lambda user, obj: answer if condition(user, obj) else rule(user, obj)


def is_member(user: Any, obj: Any = None) -> bool:
    return permissions.is_member(user)


def is_facilitator(user: Any, obj: Any = None) -> bool:
    return permissions.is_facilitator(user)


def everyone(user: Any, obj: Any = None) -> bool:
    return True


# Declarations ---------------------------------------------------------------------------


@dataclass
class Route:
    key: str
    each: Callable[[World], Iterable[Any]] | None = None
    kwargs: Callable[[World, Any], dict[str, Any]] = lambda w, o: {}
    query: Callable[[World, Any], str] = lambda w, o: ""
    get: Rule | None = None
    post: Rule | None = None
    expect: Rule | None = None  # an API operation: its method is in the key
    data: Callable[[World, Any], Any] = lambda w, o: {}
    body: Callable[[World, Any], Any] | Any = None
    roles: tuple[str, ...] = ROLES
    url: Callable[[World, Any], str] | None = None  # an address no name can build

    @property
    def is_api(self) -> bool:
        return self.key.split(" ", 1)[0] in HTTP_METHODS

    def methods(self) -> list[tuple[str, Rule]]:
        if self.is_api:
            assert self.expect is not None, self.key
            return [(self.key.split(" ", 1)[0], self.expect)]
        found = [("GET", self.get), ("POST", self.post)]
        return [(method, rule) for method, rule in found if rule is not None]


def route(key: str, **declared: Any) -> Route:
    if "body" in declared and not callable(declared["body"]):
        value = declared["body"]
        declared["body"] = lambda w, o: value
    return Route(key, **declared)


def pk_of(name: str = "pk") -> Callable[[World, Any], dict[str, Any]]:
    return lambda w, o: {name: o.pk}


# Access checks, one per access function, as (user, obj) → bool --------------------------


def practice(user: Any, obj: Any) -> bool:
    return fetched(P.practice_for, user, obj.pk)


def practice_editable(user: Any, obj: Any) -> bool:
    return fetched(P.practice_editable_for, user, obj.pk)


def attachment(user: Any, obj: Any) -> bool:
    return practice(user, obj.practice) and fetched(P.attachment_for, user, obj.practice, obj.pk)


def attachment_editable(user: Any, obj: Any) -> bool:
    return practice_editable(user, obj.practice)


def workshop(user: Any, obj: Any) -> bool:
    return fetched(W.workshop_for, user, obj.pk)


def session(user: Any, obj: Any) -> bool:
    return workshop(user, obj.workshop) and fetched(W.session_for, user, obj.workshop, obj.pk)


def registration(user: Any, obj: Any) -> bool:
    return workshop(user, obj.workshop) and fetched(W.registration_for, user, obj.workshop, obj.pk)


def photo(user: Any, obj: Any) -> bool:
    s = obj.restitution.session
    return session(user, s) and fetched(W.photo_for, user, s, obj.pk)


def action(user: Any, obj: Any) -> bool:
    return workshop(user, obj.workshop) and fetched(W.action_for, user, obj.workshop, obj.pk)


def tool(user: Any, obj: Any) -> bool:
    return fetched(W.tool_for, user, obj.slug)


def thread(user: Any, obj: Any) -> bool:
    return fetched(D.thread_for, user, obj.pk)


def answer(user: Any, obj: Any) -> bool:
    return fetched(D.answer_for, user, obj.pk)


def post(user: Any, obj: Any) -> bool:
    return thread(user, obj) if obj._meta.model_name == "thread" else answer(user, obj)


def organisation(user: Any, obj: Any) -> bool:
    return fetched(O.organisation_for, user, obj.slug)


def managed_organisation(user: Any, obj: Any) -> bool:
    return fetched(O.managed_organisation_for, user, obj.slug)


def person(user: Any, obj: Any) -> bool:
    return fetched(O.person_for, user, obj.pk)


def adoption(user: Any, obj: Any) -> bool:
    return fetched(A.adoption_for, user, obj.pk)


def feedback(user: Any, obj: Any) -> bool:
    return fetched(A.feedback_for, user, obj.pk)


def indicator(user: Any, obj: Any) -> bool:
    return fetched(A.indicator_for, user, obj.pk)


def measurement(user: Any, obj: Any) -> bool:
    return fetched(A.measurement_for, user, obj.pk)


def training(user: Any, obj: Any) -> bool:
    return fetched(L.training_for, user, obj.pk)


def training_editable(user: Any, obj: Any) -> bool:
    return fetched(L.training_editable_for, user, obj.pk)


def training_session(user: Any, obj: Any) -> bool:
    return fetched(L.session_for, user, obj.pk)


def attestation(user: Any, obj: Any) -> bool:
    return fetched(R.attestation_for, user, obj.pk)


def contributor(user: Any, obj: Any) -> bool:
    return fetched(R.contributor_for, user, obj.pk)


def thanked(user: Any, obj: Any) -> bool:
    kind, item = obj
    return fetched(R.thanks_target_for, user, kind, item.pk)


def both(*checks: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    return lambda user, obj: all(check(user, obj) for check in checks)


# The objects of each route ---------------------------------------------------------------


def people(w: World) -> list[Any]:
    return [w.people[r] for r in ("author", "volunteer", "outsider", "facilitator")]


def orgs(w: World) -> list[Any]:
    return [w.orgs["a"], w.orgs["b"]]


POST_SAMPLE = (
    "thread in the practice organisation space",
    "thread in the theme space",
    "thread in the workshop organisation space",
    "thread hidden by a facilitator",
    "answer in the practice network space",
    "answer in the workshop organisation space",
    "answer hidden by its author",
)


def posts(w: World) -> list[Any]:
    """Threads and answers, shown and hidden, in each kind of space."""
    return [w.by_label([*w.threads, *w.answers], label) for label in POST_SAMPLE]


def first(items: Callable[[World], list[Any]]) -> Callable[[World], list[Any]]:
    return lambda w: items(w)[:1]


def one(w: World) -> list[Any]:
    return [None]


def labelled_tuple(kind: str, item: Any) -> Any:
    return _Labelled((kind, item), f"{kind}: {item.matrix_label}")


class _Labelled(tuple):
    def __new__(cls, value: tuple[Any, Any], label: str) -> _Labelled:
        made = super().__new__(cls, value)
        made.matrix_label = label  # type: ignore[attr-defined]
        return made


def thanks_items(w: World) -> list[Any]:
    return [labelled_tuple(kind, item) for kind, item in w.thanks_items]


def sessions_of_kind(kind: str) -> Callable[[World], list[Any]]:
    return lambda w: [s for s in w.sessions if s.kind == kind]


def session_kwargs(w: World, o: Any) -> dict[str, Any]:
    return {"pk": o.workshop_id, "session_pk": o.pk}


def photo_kwargs(w: World, o: Any) -> dict[str, Any]:
    s = o.restitution.session
    return {"pk": s.workshop_id, "session_pk": s.pk, "photo_pk": o.pk}


DECLARED: dict[str, Route] = {}


def undelivered_email() -> Any:
    """An e-mail given up on, for the network admins' "send again" (core:email_retry)."""
    return OutgoingEmail.objects.get_or_create(
        kind="matrix",
        defaults={"to": "x@matrix.example", "subject": "s", "body_text": "b", "status": "failed"},
    )[0]


def declare(*routes: Route) -> None:
    for r in routes:
        assert r.key not in DECLARED, f"{r.key} is declared twice"
        DECLARED[r.key] = r


# Core, accounts, organisations, themes -----------------------------------------------------

declare(
    route("core:home", get=always(OK)),
    route("core:health", get=always(OK)),
    route("core:service_worker", get=always(OK)),
    route("core:offline", get=always(OK)),
    # The data-saver form: anyone (a cookie); POST without a choice is a 400 (not a refusal).
    route("core:data_saver", get=always(OK), post=always(PASS)),
    route("core:emails_undelivered", get=shown(lambda u, o: C.can_manage_email_delivery(u))),
    # Outside the demo (as here) it is a 404 for everyone; the rule is tested in
    # palabre/permissions/tests/test_demo_emails.py.
    route("core:demo_emails", get=shown(lambda u, o: C.can_view_demo_emails(u))),
    route("audit:events", get=member(shown(lambda u, o: fetched(AU.audit_events_for, u)))),
    route(
        "audit:export",
        kwargs=lambda w, o: {"fmt": "csv"},
        get=member(shown(lambda u, o: fetched(AU.audit_events_for, u))),
    ),
    route(
        "core:email_retry",
        each=lambda w: [undelivered_email()],
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=acts(lambda u, o: fetched(C.outgoing_email_for, u, o.pk), then=REDIRECT),
    ),
    route(
        "accounts:login",
        get=lambda u, o: REDIRECT if u.is_authenticated else OK,
        post=lambda u, o: REDIRECT if u.is_authenticated else PASS,
    ),
    route("accounts:logout", get=always(NOT_ALLOWED), post=always(REDIRECT)),
    route("accounts:password_change", get=member(always(OK)), post=member(always(PASS))),
    route("accounts:password_change_done", get=member(always(OK))),
    route("accounts:password_reset", get=always(OK), post=always(PASS)),
    route("accounts:password_reset_done", get=always(OK)),
    route(
        "accounts:password_reset_confirm",
        kwargs=lambda w, o: {"uidb64": "MQ", "token": "not-a-token"},
        get=always(GONE),
        post=always(GONE),
    ),
    route("accounts:password_reset_complete", get=always(OK)),
    route(
        "accounts:set_language",
        get=always(NOT_ALLOWED),
        post=always(REDIRECT),
        data=lambda w, o: {"language": "fr", "next": "/"},
    ),
    route("accounts:profile_edit", get=member(always(OK)), post=member(always(PASS))),
    route(
        "accounts:profile",
        each=people,
        kwargs=pk_of(),
        get=member(shown(person)),
    ),
    route(
        "accounts:network_role",
        each=people,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(shown(lambda u, o: O.can_set_network_role(u) and person(u, o), PASS)),
    ),
    route("accounts:tokens", get=member(always(OK)), post=member(always(PASS))),
    route(
        "organisations:directory",
        get=member(shown(lambda u, o: O.can_see_directory(u))),
    ),
    route(
        "organisations:create",
        get=member(shown(lambda u, o: O.can_create_organisation(u))),
        post=member(shown(lambda u, o: O.can_create_organisation(u), PASS)),
    ),
    route(
        "organisations:detail",
        each=orgs,
        kwargs=lambda w, o: {"slug": o.slug},
        get=member(shown(organisation)),
    ),
    route(
        "organisations:edit",
        each=orgs,
        kwargs=lambda w, o: {"slug": o.slug},
        get=member(shown(both(organisation, O.can_edit_organisation))),
        post=member(shown(both(organisation, O.can_edit_organisation), PASS)),
    ),
    route(
        "organisations:members",
        each=orgs,
        kwargs=lambda w, o: {"slug": o.slug},
        get=member(shown(managed_organisation)),
    ),
    route(
        "organisations:member_role",
        each=lambda w: w.memberships,
        kwargs=lambda w, o: {"slug": o.organisation.slug, "pk": o.pk},
        get=always(NOT_ALLOWED),
        post=member(shown(lambda u, o: managed_organisation(u, o.organisation), PASS)),
        data=lambda w, o: {"role": "member"},
    ),
    route(
        "organisations:member_remove",
        each=lambda w: w.memberships,
        kwargs=lambda w, o: {"slug": o.organisation.slug, "pk": o.pk},
        get=always(NOT_ALLOWED),
        post=member(shown(lambda u, o: managed_organisation(u, o.organisation), PASS)),
    ),
    route(
        "organisations:invite",
        each=orgs,
        kwargs=lambda w, o: {"slug": o.slug},
        get=member(shown(managed_organisation)),
        post=member(shown(managed_organisation, PASS)),
    ),
    route(
        "organisations:invitation_revoke",
        each=lambda w: w.invitations,
        kwargs=lambda w, o: {"slug": o.organisation.slug, "pk": o.pk},
        get=always(NOT_ALLOWED),
        post=member(shown(lambda u, o: managed_organisation(u, o.organisation), PASS)),
    ),
    route(
        "organisations:audit",
        each=orgs,
        kwargs=lambda w, o: {"slug": o.slug},
        get=member(shown(both(organisation, O.can_see_audit))),
    ),
    route(
        "organisations:invitation",
        kwargs=lambda w, o: {"token": w.invitation_tokens["pending"]},
        get=always(OK),
        # Accepting it while logged in: only as the person it was sent to.
        post=lambda u, o: FORBIDDEN if u.is_authenticated else PASS,
    ),
    route("themes:index", get=always(OK)),
    route(
        "themes:detail",
        kwargs=lambda w, o: {"slug": w.theme.slug},
        get=always(OK),
    ),
)

# Practices --------------------------------------------------------------------------------


def practices(w: World) -> list[Any]:
    return w.practice_sample()


def all_practices(w: World) -> list[Any]:
    return w.practices


def transitions(w: World) -> list[Any]:
    return w.transition_sample()


def practice_action(allowed: Callable[[Any, Any], bool], **extra: Any) -> dict[str, Any]:
    """A POST-only change of a practice: login first, then practice_for, then the service."""
    return {
        "each": transitions,
        "kwargs": pk_of(),
        "get": always(NOT_ALLOWED),
        "post": member(acts(practice, allowed)),
        **extra,
    }


def _formats(*names: str) -> Callable[[World], list[Any]]:
    return lambda w: [_Labelled((name, None), f"format {name}") for name in names]


declare(
    route("practices:index", get=always(OK)),
    route("practices:search", get=always(OK), query=lambda w, o: "?q=warrantage"),
    route(
        "practices:export",
        each=_formats("csv", "xlsx", "jsonl"),
        kwargs=lambda w, o: {"fmt": o[0]},
        get=always(OK),
    ),
    route(
        "practices:create",
        get=member(shown(lambda u, o: P.can_create(u))),
        post=member(shown(lambda u, o: P.can_create(u), PASS)),
    ),
    route("practices:mine", get=member(always(OK))),
    route("practices:review_queue", get=member(shown(is_facilitator))),
    route("practices:detail", each=all_practices, kwargs=pk_of(), get=shown(practice)),
    route(
        "practices:edit",
        each=practices,
        kwargs=lambda w, o: {"pk": o.pk, "section": "identity"},
        get=member(
            lambda u, o: (
                (OK if o.is_editable else REDIRECT) if practice_editable(u, o) else NOT_FOUND
            )
        ),
        post=member(
            lambda u, o: (
                (PASS if o.is_editable else REDIRECT) if practice_editable(u, o) else NOT_FOUND
            )
        ),
    ),
    route("practices:submit", **practice_action(P.can_edit)),
    route("practices:withdraw", **practice_action(P.can_edit)),
    route("practices:publish", **practice_action(P.can_publish)),
    route(
        "practices:request_changes",
        **practice_action(P.can_review, data=lambda w, o: {"message": "À compléter"}),
    ),
    route("practices:new_version", **practice_action(P.can_edit)),
    route(
        "practices:translate",
        **practice_action(P.can_edit, data=lambda w, o: {"language": "en"}),
    ),
    route("practices:archive", **practice_action(P.can_archive)),
    route("practices:unarchive", **practice_action(P.can_publish)),
    route("practices:revalidate", **practice_action(P.can_edit)),
    route("practices:toggle_saved", **practice_action(everyone)),
    route("practices:similar", each=practices, kwargs=pk_of(), get=shown(practice)),
    route("practices:history", each=practices, kwargs=pk_of(), get=shown(practice)),
    route(
        "practices:diff",
        each=practices,
        kwargs=pk_of(),
        query=lambda w, o: "?a=1&b=2",
        get=shown(
            lambda u, o: (
                practice(u, o)
                and fetched(P.revision_for, u, o, 1)
                and fetched(P.revision_for, u, o, 2)
            )
        ),
    ),
    route("practices:pdf", each=practices, kwargs=pk_of(), get=shown(practice)),
    route(
        "practices:attachments",
        each=practices,
        kwargs=pk_of(),
        get=member(shown(practice_editable)),
        post=member(shown(practice_editable, PASS)),
    ),
    route(
        "practices:attachment",
        each=lambda w: w.attachment_sample(),
        kwargs=lambda w, o: {"pk": o.practice_id, "attachment_pk": o.pk},
        get=shown(attachment),
    ),
    route(
        "practices:attachment_preview",
        each=lambda w: w.attachment_sample(),
        kwargs=lambda w, o: {"pk": o.practice_id, "attachment_pk": o.pk},
        get=shown(attachment),
    ),
    route(
        "practices:attachment_variant",
        each=lambda w: w.attachment_sample(),
        kwargs=lambda w, o: {"pk": o.practice_id, "attachment_pk": o.pk, "width": 240},
        get=shown(attachment),
    ),
    # The offline pack of a theme: anyone; what is inside follows practices_visible_to
    # (palabre/practices/tests/test_share.py).
    route("practices:theme_pack", kwargs=lambda w, o: {"slug": w.theme.slug}, get=always(OK)),
    route(
        "practices:attachment_delete",
        each=lambda w: w.attachment_sample(),
        kwargs=lambda w, o: {"pk": o.practice_id, "attachment_pk": o.pk},
        get=always(NOT_ALLOWED),
        post=member(shown(attachment_editable, PASS)),
    ),
)

# Workshops ----------------------------------------------------------------------------------


def workshops(w: World) -> list[Any]:
    return w.workshop_sample()


def all_workshops(w: World) -> list[Any]:
    return w.workshops


def sessions(w: World) -> list[Any]:
    return w.session_sample()


def registrations(w: World) -> list[Any]:
    return w.in_sample(w.registrations, shown=True)


def photos(w: World) -> list[Any]:
    return w.in_sample(w.photos, shown=True)


def actions(w: World) -> list[Any]:
    return w.in_sample(w.actions)


def can(rule: Callable[[Any, Any], bool], path: str = "") -> Callable[[Any, Any], bool]:
    """A ``can_*`` rule applied to the object, or to one of its attributes (``path``)."""

    def check(user: Any, obj: Any) -> bool:
        target = obj
        for name in filter(None, path.split(".")):
            target = getattr(target, name)
        return bool(rule(user, target))

    return check


def registered(user: Any, obj: Any) -> bool:
    found = W.registration_of(user, obj)
    return found is not None and found.status != "cancelled"


def _403_if_participant_sees(
    allowed: Callable[[Any, Any], bool], sees: Callable[[Any, Any], bool]
) -> Rule:
    """The workshops' pattern for one part of a workshop: 404 for who may not see it,
    403 for a participant who sees it but may not do this, else let through."""

    def rule(user: Any, obj: Any) -> str:
        if not session(user, obj):
            return NOT_FOUND
        if allowed(user, obj):
            return PASS
        return FORBIDDEN if sees(user, obj) else NOT_FOUND

    return rule


def as_page(rule: Rule) -> Rule:
    """GET of a page whose POST follows ``rule``: shown where POST is let through."""
    return lambda user, obj: OK if (answer := rule(user, obj)) == PASS else answer


attendance_rule = _403_if_participant_sees(
    can(W.can_take_attendance), can(W.can_see_participants, "workshop")
)
restitution_rule = _403_if_participant_sees(
    can(W.can_write_restitution), lambda u, o: o.takes_restitution
)
practice_draft_rule = _403_if_participant_sees(
    can(W.can_make_practice_from),
    lambda u, o: W.can_see_participants(u, o.workshop) and o.takes_restitution,
)


def workshop_page(check: Callable[[Any, Any], bool]) -> dict[str, Any]:
    return {"each": workshops, "kwargs": pk_of(), "get": shown(both(workshop, check))}


def evaluation_rule(user: Any, obj: Any) -> str:
    if not workshop(user, obj):
        return NOT_FOUND
    if W.can_evaluate(user, obj):
        return PASS
    return FORBIDDEN if W.can_see_participants(user, obj) else NOT_FOUND


def register_rule(user: Any, obj: Any) -> str:
    if not (workshop(user, obj) and W.can_register_self(user, obj)):
        return NOT_FOUND
    return REDIRECT if registered(user, obj) else PASS


declare(
    route("workshops:index", get=always(OK)),
    route("workshops:mine", get=member(always(OK))),
    route("workshops:mine_ics", get=member(always(OK))),
    route("workshops:toolbox", get=member(shown(can(lambda u, o: W.can_view_toolbox(u))))),
    route(
        "workshops:tool_new",
        get=member(shown(lambda u, o: W.can_add_tool(u))),
        post=member(shown(lambda u, o: W.can_add_tool(u), PASS)),
    ),
    route(
        "workshops:tool",
        each=lambda w: [w.tool],
        kwargs=lambda w, o: {"slug": o.slug},
        get=member(shown(tool)),
    ),
    route(
        "workshops:tool_edit",
        each=lambda w: [w.tool],
        kwargs=lambda w, o: {"slug": o.slug},
        get=member(shown(both(tool, W.can_edit_tool))),
        post=member(shown(both(tool, W.can_edit_tool), PASS)),
    ),
    route(
        "workshops:create",
        get=member(shown(lambda u, o: W.can_create_workshop(u))),
        post=member(shown(lambda u, o: W.can_create_workshop(u), PASS)),
    ),
    route("workshops:detail", each=all_workshops, kwargs=pk_of(), get=shown(workshop)),
    route(
        "workshops:edit",
        each=workshops,
        kwargs=pk_of(),
        get=member(shown(both(workshop, W.can_manage))),
        post=member(shown(both(workshop, W.can_manage), PASS)),
    ),
    route(
        "workshops:publish",
        each=workshops,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(acts(workshop, W.can_manage)),
    ),
    route(
        "workshops:cancel",
        each=workshops,
        kwargs=pk_of(),
        get=member(shown(both(workshop, W.can_manage))),
        post=member(shown(both(workshop, W.can_manage), PASS)),
    ),
    route(
        "workshops:register",
        each=workshops,
        kwargs=pk_of(),
        get=member(as_page(register_rule)),
        post=member(register_rule),
    ),
    route(
        "workshops:registrations",
        each=workshops,
        kwargs=pk_of(),
        get=member(
            shown(both(workshop, lambda u, o: W.can_run(u, o) or W.can_register_others(u, o)))
        ),
        post=member(
            shown(both(workshop, lambda u, o: W.can_run(u, o) or W.can_register_others(u, o)), PASS)
        ),
    ),
    route(
        "workshops:registration",
        each=registrations,
        kwargs=lambda w, o: {"pk": o.workshop_id, "registration_pk": o.pk},
        get=member(shown(registration)),
        post=member(shown(registration, PASS)),
    ),
    route(
        "workshops:registration_cancel",
        each=registrations,
        kwargs=lambda w, o: {"pk": o.workshop_id, "registration_pk": o.pk},
        get=always(NOT_ALLOWED),
        post=member(shown(registration, PASS)),
    ),
    route("workshops:participants", **workshop_page(W.can_see_participants)),
    route("workshops:agenda", **workshop_page(everyone)),
    route("workshops:agenda_print", **workshop_page(everyone)),
    route("workshops:agenda_pdf", **workshop_page(everyone)),
    route("workshops:agenda_ics", **workshop_page(everyone)),
    route("workshops:my_agenda_ics", each=workshops, kwargs=pk_of(), get=member(shown(workshop))),
    route(
        "workshops:session_new",
        each=workshops,
        kwargs=pk_of(),
        get=member(shown(both(workshop, W.can_run))),
        post=member(shown(both(workshop, W.can_run), PASS)),
    ),
    route(
        "workshops:groups",
        each=workshops,
        kwargs=pk_of(),
        get=member(shown(both(workshop, W.can_run))),
    ),
    route(
        "workshops:group_slot",
        each=sessions,
        kwargs=session_kwargs,
        get=member(
            shown(both(session, can(W.can_run, "workshop"), lambda u, o: o.kind == "group_work"))
        ),
        post=member(
            shown(
                both(session, can(W.can_run, "workshop"), lambda u, o: o.kind == "group_work"),
                PASS,
            )
        ),
    ),
    route("workshops:session", each=sessions, kwargs=session_kwargs, get=shown(session)),
    route(
        "workshops:session_edit",
        each=sessions,
        kwargs=session_kwargs,
        get=member(shown(both(session, can(W.can_run, "workshop")))),
        post=member(shown(both(session, can(W.can_run, "workshop")), PASS)),
    ),
    route(
        "workshops:session_delete",
        each=sessions,
        kwargs=session_kwargs,
        get=always(NOT_ALLOWED),
        post=member(acts(session, can(W.can_run, "workshop"))),
    ),
    route(
        "workshops:attendance",
        each=sessions,
        kwargs=session_kwargs,
        get=member(as_page(attendance_rule)),
        post=member(attendance_rule),
        data=lambda w, o: {"present": [w.people["author"].pk]},
    ),
    route(
        "workshops:attendance_toggle",
        each=sessions,
        kwargs=lambda w, o: {**session_kwargs(w, o), "person_pk": w.people["author"].pk},
        get=always(NOT_ALLOWED),
        post=member(attendance_rule),
        data=lambda w, o: {"mark": "1"},
    ),
    route(
        "workshops:restitution",
        each=sessions,
        kwargs=session_kwargs,
        get=member(as_page(restitution_rule)),
        post=member(restitution_rule),
    ),
    route(
        "workshops:photo_add",
        each=sessions,
        kwargs=session_kwargs,
        get=always(NOT_ALLOWED),
        post=member(restitution_rule),
    ),
    route("workshops:photo", each=photos, kwargs=photo_kwargs, get=shown(photo)),
    route("workshops:photo_preview", each=photos, kwargs=photo_kwargs, get=shown(photo)),
    route(
        "workshops:photo_variant",
        each=photos,
        kwargs=lambda w, o: {**photo_kwargs(w, o), "width": 240},
        get=shown(photo),
    ),
    route("workshops:pack", each=all_workshops, kwargs=pk_of(), get=shown(workshop)),
    route(
        "workshops:photo_delete",
        each=photos,
        kwargs=photo_kwargs,
        get=always(NOT_ALLOWED),
        post=member(acts(photo, lambda u, o: W.can_write_restitution(u, o.restitution.session))),
    ),
    route(
        "workshops:practice_draft",
        each=sessions,
        kwargs=session_kwargs,
        get=member(as_page(practice_draft_rule)),
        post=member(practice_draft_rule),
    ),
    route("workshops:actions", **workshop_page(W.can_see_actions)),
    route(
        "workshops:action_new",
        each=workshops,
        kwargs=pk_of(),
        get=member(shown(both(workshop, W.can_add_action))),
        post=member(shown(both(workshop, W.can_add_action), PASS)),
    ),
    route(
        "workshops:action",
        each=actions,
        kwargs=lambda w, o: {"pk": o.workshop_id, "action_pk": o.pk},
        get=shown(action),
        post=acts(action, W.can_update_action),
    ),
    route(
        "workshops:action_edit",
        each=actions,
        kwargs=lambda w, o: {"pk": o.workshop_id, "action_pk": o.pk},
        get=member(shown(both(action, W.can_edit_action))),
        post=member(shown(both(action, W.can_edit_action), PASS)),
    ),
    route(
        "workshops:evaluation",
        each=workshops,
        kwargs=pk_of(),
        get=member(as_page(evaluation_rule)),
        post=member(evaluation_rule),
    ),
    route(
        "workshops:evaluation_results",
        each=workshops,
        kwargs=pk_of(),
        get=member(shown(both(workshop, W.can_see_evaluation_results))),
    ),
    route(
        "workshops:evaluation_toggle",
        each=workshops,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(acts(workshop, W.can_see_evaluation_results)),
    ),
    route("workshops:report", **workshop_page(W.can_see_report)),
    route("workshops:report_pdf", **workshop_page(W.can_see_report)),
    route(
        "workshops:report_edit",
        each=workshops,
        kwargs=pk_of(),
        get=member(shown(both(workshop, W.can_edit_report))),
        post=member(shown(both(workshop, W.can_edit_report), PASS)),
    ),
    route(
        "workshops:report_share",
        each=workshops,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(acts(workshop, W.can_edit_report)),
    ),
    route(
        "workshops:export_participants",
        each=workshops,
        kwargs=lambda w, o: {"pk": o.pk, "fmt": "csv"},
        get=shown(both(workshop, W.can_export)),
    ),
    route(
        "workshops:export_actions",
        each=workshops,
        kwargs=lambda w, o: {"pk": o.pk, "fmt": "xlsx"},
        get=shown(both(workshop, W.can_export)),
    ),
)

# Discussions -------------------------------------------------------------------------------


def edit_rule(user: Any, obj: Any) -> str:
    """``discussions._edit``: the author, while the message is shown and recent."""
    if not post(user, obj):
        return NOT_FOUND
    if not D.is_author(user, obj):
        return FORBIDDEN
    return PASS if D.can_edit(user, obj) else CONFLICT


def hide_rule(user: Any, obj: Any) -> str:
    if not post(user, obj):
        return NOT_FOUND
    if D.can_hide(user, obj):
        return PASS
    return CONFLICT if obj.is_hidden else FORBIDDEN


def unhide_rule(user: Any, obj: Any) -> str:
    if not post(user, obj):
        return NOT_FOUND
    if not obj.is_hidden:
        return CONFLICT
    return PASS if D.can_unhide(user, obj) else FORBIDDEN


def accept_rule(user: Any, obj: Any) -> str:
    if not answer(user, obj):
        return NOT_FOUND
    if obj.thread.kind != "question":
        return CONFLICT
    return PASS if D.can_accept(user, obj.thread) else FORBIDDEN


def kind_of(obj: Any) -> str:
    return obj._meta.model_name


declare(
    route("discussions:index", get=always(OK)),
    route("discussions:unanswered", get=always(OK)),
    route("discussions:following", get=member(always(OK))),
    route(
        "discussions:new",
        get=member(shown(is_member)),
        post=member(shown(is_member, PASS)),
    ),
    route(
        "discussions:theme",
        kwargs=lambda w, o: {"slug": w.theme.slug},
        get=member(shown(is_member)),
    ),
    route(
        "discussions:new_in_theme",
        kwargs=lambda w, o: {"slug": w.theme.slug},
        get=member(shown(is_member)),
        post=member(shown(is_member, PASS)),
    ),
    route("discussions:practice", each=practices, kwargs=pk_of(), get=shown(practice)),
    route(
        "discussions:new_on_practice",
        each=practices,
        kwargs=pk_of(),
        get=member(
            lambda u, o: (OK if o.is_published else CONFLICT) if practice(u, o) else NOT_FOUND
        ),
        post=member(
            lambda u, o: (PASS if o.is_published else CONFLICT) if practice(u, o) else NOT_FOUND
        ),
    ),
    route(
        "discussions:workshop",
        each=workshops,
        kwargs=pk_of(),
        get=member(shown(both(is_member, workshop))),
    ),
    route(
        "discussions:new_in_workshop",
        each=workshops,
        kwargs=pk_of(),
        get=member(shown(both(is_member, workshop))),
        post=member(shown(both(is_member, workshop), PASS)),
    ),
    route("discussions:thread", each=lambda w: w.threads, kwargs=pk_of(), get=shown(thread)),
    route(
        "discussions:answer",
        each=lambda w: w.threads,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(acts(thread, D.can_answer)),
        data=lambda w, o: {"body": "Une réponse de la matrice."},
    ),
    route(
        "discussions:thread_edit",
        each=lambda w: w.threads,
        kwargs=pk_of(),
        get=member(as_page(edit_rule)),
        post=member(edit_rule),
    ),
    route(
        "discussions:unaccept",
        each=lambda w: w.threads,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(acts(thread, D.can_accept)),
    ),
    route(
        "discussions:answer_edit",
        each=lambda w: w.answers,
        kwargs=pk_of(),
        get=member(as_page(edit_rule)),
        post=member(edit_rule),
    ),
    route(
        "discussions:accept",
        each=lambda w: w.answers,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(accept_rule),
    ),
    route(
        "discussions:useful",
        each=lambda w: w.answers,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(acts(answer, D.can_mark_useful)),
    ),
    route(
        "discussions:hide",
        each=posts,
        kwargs=lambda w, o: {"kind": kind_of(o), "pk": o.pk},
        get=member(as_page(hide_rule)),
        post=member(hide_rule),
    ),
    route(
        "discussions:unhide",
        each=posts,
        kwargs=lambda w, o: {"kind": kind_of(o), "pk": o.pk},
        get=always(NOT_ALLOWED),
        post=member(unhide_rule),
    ),
    route(
        "discussions:follow",
        each=lambda w: [*w.practice_sample(), *w.threads],
        kwargs=lambda w, o: {"kind": kind_of(o), "pk": o.pk},
        get=always(NOT_ALLOWED),
        post=member(shown(lambda u, o: fetched(D.followable_for, u, kind_of(o), o.pk), PASS)),
    ),
)

# Adoptions ----------------------------------------------------------------------------------


def adoption_create_rule(user: Any, obj: Any) -> str:
    if not practice(user, obj):
        return NOT_FOUND
    return PASS if A.can_record_adoption(user, obj) else FORBIDDEN


def org_dashboard(user: Any, obj: Any) -> bool:
    return fetched(A.organisation_dashboard_for, user, obj.slug)


def org_import(user: Any, obj: Any) -> bool:
    return fetched(A.organisation_import_for, user, obj.slug)


declare(
    route("adoptions:index", get=member(always(OK))),
    route(
        "adoptions:create",
        each=practices,
        query=lambda w, o: f"?practice={o.pk}",
        get=member(as_page(adoption_create_rule)),
        post=member(adoption_create_rule),
    ),
    route("adoptions:detail", each=lambda w: w.adoptions, kwargs=pk_of(), get=shown(adoption)),
    route(
        "adoptions:edit",
        each=lambda w: w.adoptions,
        kwargs=pk_of(),
        get=member(shown(lambda u, o: fetched(A.adoption_editable_for, u, o.pk))),
        post=member(shown(lambda u, o: fetched(A.adoption_editable_for, u, o.pk), PASS)),
    ),
    route(
        "adoptions:delete",
        each=lambda w: w.adoptions,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(acts(adoption, A.can_delete_adoption)),
    ),
    route(
        "adoptions:feedback_new",
        each=lambda w: w.adoptions,
        kwargs=pk_of(),
        get=member(as_page(acts(adoption, A.can_report_feedback))),
        post=member(acts(adoption, A.can_report_feedback)),
    ),
    route(
        "adoptions:feedback_edit",
        each=lambda w: w.reports,
        kwargs=pk_of(),
        get=member(shown(lambda u, o: fetched(A.feedback_editable_for, u, o.pk))),
        post=member(shown(lambda u, o: fetched(A.feedback_editable_for, u, o.pk), PASS)),
    ),
    route(
        "adoptions:feedback_delete",
        each=lambda w: w.reports,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(acts(feedback, A.can_edit_feedback)),
    ),
    route(
        "adoptions:feedback_answer",
        each=lambda w: w.reports,
        kwargs=pk_of(),
        get=member(shown(lambda u, o: fetched(A.feedback_answerable_for, u, o.pk))),
        post=member(shown(lambda u, o: fetched(A.feedback_answerable_for, u, o.pk), PASS)),
    ),
    route(
        "adoptions:feedback_revise",
        each=lambda w: w.reports,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(acts(feedback, A.can_answer_feedback)),
    ),
    route(
        "adoptions:practice",
        each=practices,
        kwargs=pk_of(),
        get=shown(lambda u, o: fetched(A.outcomes_practice_for, u, o.pk)),
    ),
    route(
        "adoptions:dashboard",
        get=member(
            lambda u, o: (
                REDIRECT
                if A.adopting_organisation_choices(u).exists() or A.can_see_network_dashboard(u)
                else OK
            )
        ),
    ),
    route(
        "adoptions:organisation",
        each=orgs,
        kwargs=lambda w, o: {"slug": o.slug},
        get=member(shown(org_dashboard)),
    ),
    route(
        "adoptions:organisation_import",
        each=orgs,
        kwargs=lambda w, o: {"slug": o.slug},
        get=member(shown(org_import)),
        post=member(shown(org_import, PASS)),
    ),
    route(
        "adoptions:import_template",
        each=orgs,
        kwargs=lambda w, o: {"slug": o.slug},
        get=member(shown(org_dashboard)),
    ),
    route("adoptions:network", get=member(shown(lambda u, o: A.can_see_network_dashboard(u)))),
    route("adoptions:indicators", get=member(always(OK))),
    route(
        "adoptions:indicator_new",
        get=member(lambda u, o: OK if A.indicator_organisation_choices(u).exists() else FORBIDDEN),
        post=member(
            lambda u, o: PASS if A.indicator_organisation_choices(u).exists() else FORBIDDEN
        ),
    ),
    route(
        "adoptions:indicator",
        each=lambda w: w.indicators,
        kwargs=pk_of(),
        get=member(shown(indicator)),
        post=member(acts(indicator, A.can_enter_measurements)),
    ),
    route(
        "adoptions:indicator_edit",
        each=lambda w: w.indicators,
        kwargs=pk_of(),
        get=member(shown(lambda u, o: fetched(A.indicator_editable_for, u, o.pk))),
        post=member(shown(lambda u, o: fetched(A.indicator_editable_for, u, o.pk), PASS)),
    ),
    route(
        "adoptions:indicator_delete",
        each=lambda w: w.indicators,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(acts(indicator, can(A.can_manage_indicators, "organisation"))),
    ),
    route(
        "adoptions:indicator_import",
        each=lambda w: w.indicators,
        kwargs=pk_of(),
        get=member(shown(lambda u, o: fetched(A.indicator_measurable_for, u, o.pk), REDIRECT)),
        post=member(shown(lambda u, o: fetched(A.indicator_measurable_for, u, o.pk), PASS)),
    ),
    route(
        "adoptions:measurement_edit",
        each=lambda w: w.measurements,
        kwargs=pk_of(),
        get=member(shown(lambda u, o: fetched(A.measurement_editable_for, u, o.pk))),
        post=member(shown(lambda u, o: fetched(A.measurement_editable_for, u, o.pk), PASS)),
    ),
    route(
        "adoptions:measurement_delete",
        each=lambda w: w.measurements,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(acts(measurement, can(A.can_enter_measurements, "indicator"))),
    ),
    route(
        "adoptions:export",
        each=_formats("adoptions", "feedback", "measurements"),
        kwargs=lambda w, o: {"what": o[0], "fmt": "csv"},
        get=member(always(OK)),
    ),
)

# Recognition --------------------------------------------------------------------------------


def thanks_rule(user: Any, obj: Any) -> str:
    kind, item = obj
    if not thanked(user, obj):
        return NOT_FOUND
    if not user.is_authenticated:
        return LOGIN
    return PASS if R.can_thank(user, kind, item) else FORBIDDEN


def feature_items(w: World) -> list[Any]:
    items = [
        _Labelled(("practice", p.pk), f"practice {p.matrix_label}")
        for p in (published(w, "organisation"), published(w, "public"))
    ]
    items.append(_Labelled(("person", w.people["author"].pk), "person author"))
    items.append(_Labelled(("organisation", w.orgs["a"].slug), "organisation A"))
    return items


def feature_item_visible(user: Any, obj: Any) -> bool:
    kind, key = obj
    if kind == "practice":
        return fetched(P.practice_for, user, key)
    if kind == "person":
        return fetched(O.person_for, user, key)
    return fetched(O.organisation_for, user, key)


def verify_rule(user: Any, obj: Any) -> str:
    found = R.attestation_by_code(obj.code)
    if found is not None and found.revoked_at is not None:
        return GONE
    return OK if found is not None and found.is_valid else NOT_FOUND


declare(
    route(
        "recognition:thanks",
        each=thanks_items,
        kwargs=lambda w, o: {"kind": o[0], "pk": o[1].pk},
        get=shown(thanked),
        post=thanks_rule,
    ),
    route(
        "recognition:thanks_withdraw",
        each=thanks_items,
        kwargs=lambda w, o: {"kind": o[0], "pk": o[1].pk},
        get=always(NOT_ALLOWED),
        post=member(shown(thanked, PASS)),
    ),
    route("recognition:contributor", each=people, kwargs=pk_of(), get=shown(contributor)),
    route(
        "recognition:contributor_settings",
        get=member(always(OK)),
        post=member(always(PASS)),
    ),
    route("recognition:featured", get=always(OK)),
    route(
        "recognition:feature_new",
        each=feature_items,
        query=lambda w, o: f"?{o[0]}={o[1]}",
        get=shown(both(is_facilitator, feature_item_visible)),
        post=shown(both(is_facilitator, feature_item_visible), PASS),
    ),
    route(
        "recognition:feature_end",
        each=lambda w: w.features,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=shown(lambda u, o: fetched(R.feature_for, u, o.pk), PASS),
    ),
    route("recognition:directory", get=shown(lambda u, o: R.can_use_directory(u))),
    route(
        "recognition:directory_ask",
        each=people,
        kwargs=pk_of(),
        get=shown(both(lambda u, o: R.can_use_directory(u), contributor)),
        post=shown(both(lambda u, o: R.can_use_directory(u), contributor), PASS),
    ),
    route("recognition:attestations", get=member(always(OK)), post=member(always(PASS))),
    route(
        "recognition:attestation",
        each=lambda w: w.attestations,
        kwargs=pk_of(),
        get=member(shown(attestation)),
    ),
    route(
        "recognition:attestation_pdf",
        each=lambda w: w.attestations,
        kwargs=pk_of(),
        get=member(lambda u, o: (GONE if o.revoked_at else OK) if attestation(u, o) else NOT_FOUND),
    ),
    route(
        "recognition:attestation_revoke",
        each=lambda w: w.attestations,
        kwargs=pk_of(),
        get=member(
            lambda u, o: (REDIRECT if o.revoked_at else OK) if attestation(u, o) else NOT_FOUND
        ),
        post=member(shown(attestation, PASS)),
    ),
    route(
        "recognition:verify",
        each=lambda w: w.attestations,
        kwargs=lambda w, o: {"code": o.code},
        get=verify_rule,
    ),
)

# Learning -----------------------------------------------------------------------------------


def trainings(w: World) -> list[Any]:
    return w.training_sample()


def all_trainings(w: World) -> list[Any]:
    return w.trainings


def training_sessions(w: World) -> list[Any]:
    return w.training_sessions


def training_action(allowed: Callable[[Any, Any], bool], **extra: Any) -> dict[str, Any]:
    return {
        "each": trainings,
        "kwargs": pk_of(),
        "get": always(NOT_ALLOWED),
        "post": member(acts(training, allowed)),
        **extra,
    }


def question_editable(user: Any, obj: Any) -> bool:
    return fetched(L.quiz_question_editable_for, user, obj.training_id, obj.pk)


def question_kwargs(w: World, o: Any) -> dict[str, Any]:
    return {"pk": o.training_id, "question_pk": o.pk}


def quiz_take_rule(user: Any, obj: Any) -> str:
    from palabre.learning.models import QuizAttempt

    if not training_session(user, obj):
        return NOT_FOUND
    if not user.is_authenticated:
        return LOGIN
    if L.can_take_quiz(user, obj):
        return PASS
    attempted = QuizAttempt.objects.filter(session=obj, person=user, moment="before").exists()
    return PASS if attempted else FORBIDDEN


def quiz_answers(session: Any) -> dict[str, Any]:
    """Right answers to every question of the session's quiz (a complete form)."""
    return {
        f"q{question.pk}": question.options.get(is_correct=True).pk
        for question in session.training.questions.all()
    }


def wish_rule(user: Any, obj: Any) -> str:
    """A wish is about a practice one may read in the library (published)."""
    if not practice(user, obj):
        return NOT_FOUND
    if not user.is_authenticated:
        return LOGIN
    return PASS if obj.is_published else NOT_FOUND


def needs_visible(user: Any, obj: Any = None) -> bool:
    return L.can_see_needs(user)


declare(
    route("learning:catalogue", get=always(OK)),
    route(
        "learning:training_create",
        get=member(shown(lambda u, o: L.can_create(u))),
        post=member(shown(lambda u, o: L.can_create(u), PASS)),
    ),
    route("learning:trainings_mine", get=member(always(OK))),
    route("learning:training", each=all_trainings, kwargs=pk_of(), get=shown(training)),
    route(
        "learning:training_edit",
        each=trainings,
        kwargs=pk_of(),
        get=member(shown(training_editable)),
        post=member(shown(training_editable, PASS)),
    ),
    route(
        "learning:training_guide",
        each=trainings,
        kwargs=pk_of(),
        get=shown(both(training, L.can_see_guide)),
    ),
    route("learning:training_handout", each=trainings, kwargs=pk_of(), get=shown(training)),
    route("learning:training_submit", **training_action(L.can_edit)),
    route("learning:training_withdraw", **training_action(L.can_edit)),
    route("learning:training_publish", **training_action(L.can_review)),
    route("learning:training_archive", **training_action(L.can_edit)),
    route("learning:training_request_changes", **training_action(L.can_review)),
    route(
        "learning:training_materials",
        each=trainings,
        kwargs=pk_of(),
        get=member(shown(training_editable)),
        post=member(shown(training_editable, PASS)),
    ),
    route(
        "learning:training_material",
        each=lambda w: w.materials,
        kwargs=lambda w, o: {"pk": o.training_id, "material_pk": o.pk},
        get=shown(lambda u, o: training(u, o.training)),
    ),
    route(
        "learning:training_material_delete",
        each=lambda w: w.materials,
        kwargs=lambda w, o: {"pk": o.training_id, "material_pk": o.pk},
        get=always(NOT_ALLOWED),
        post=member(shown(lambda u, o: training_editable(u, o.training), PASS)),
    ),
    route("learning:needs", get=shown(needs_visible)),
    route(
        "learning:need",
        kwargs=lambda w, o: {"slug": w.theme.slug},
        get=shown(needs_visible),
    ),
    route(
        "learning:need_decide",
        kwargs=lambda w, o: {"slug": w.theme.slug},
        get=always(NOT_ALLOWED),
        post=shown(needs_visible, PASS),
    ),
    route(
        "learning:wish",
        each=practices,
        get=always(NOT_ALLOWED),
        post=wish_rule,
        data=lambda w, o: {"practice": o.pk},
    ),
    route(
        "learning:quiz_editor",
        each=trainings,
        kwargs=pk_of(),
        get=shown(training_editable),
        post=shown(training_editable, PASS),
    ),
    route(
        "learning:quiz_question",
        each=lambda w: w.questions,
        kwargs=question_kwargs,
        get=shown(question_editable),
        post=shown(question_editable, PASS),
    ),
    route(
        "learning:quiz_question_remove",
        each=lambda w: w.questions,
        kwargs=question_kwargs,
        get=shown(question_editable),
        post=shown(question_editable, PASS),
    ),
    route(
        "learning:quiz_question_move",
        each=lambda w: w.questions,
        kwargs=question_kwargs,
        get=always(NOT_ALLOWED),
        post=shown(question_editable, PASS),
        data=lambda w, o: {"direction": "down"},
    ),
    route(
        "learning:quiz_mine",
        each=training_sessions,
        kwargs=pk_of(),
        get=lambda u, o: (
            (OK if u.is_authenticated else LOGIN) if training_session(u, o) else NOT_FOUND
        ),
    ),
    route(
        "learning:quiz_results",
        each=training_sessions,
        kwargs=pk_of(),
        get=shown(lambda u, o: fetched(L.quiz_results_for, u, o.pk)),
    ),
    route(
        "learning:quiz_take",
        each=training_sessions,
        kwargs=lambda w, o: {"pk": o.pk, "moment": "before"},
        get=as_page(quiz_take_rule),
        post=quiz_take_rule,
        data=lambda w, o: quiz_answers(o),
    ),
    route("learning:sessions", get=always(OK)),
    route("learning:session", each=training_sessions, kwargs=pk_of(), get=shown(training_session)),
    route(
        "learning:session_certificate",
        each=training_sessions,
        kwargs=pk_of(),
        get=shown(lambda u, o: fetched(L.certificate_session_for, u, o.pk)),
    ),
    route(
        "learning:session_export",
        each=training_sessions,
        kwargs=lambda w, o: {"pk": o.pk, "fmt": "csv"},
        get=shown(lambda u, o: fetched(L.session_results_for, u, o.pk)),
    ),
    route(
        "learning:session_new",
        each=trainings,
        kwargs=pk_of(),
        get=member(shown(both(training, L.can_schedule_session))),
        post=member(shown(both(training, L.can_schedule_session), PASS)),
    ),
    route("learning:my_trainings", get=member(always(OK))),
    route("learning:follow_ups", get=member(always(OK))),
    route(
        "learning:follow_up",
        each=lambda w: w.follow_ups,
        kwargs=pk_of(),
        get=member(shown(lambda u, o: fetched(L.follow_up_for, u, o.pk))),
        post=member(shown(lambda u, o: fetched(L.follow_up_for, u, o.pk), PASS)),
    ),
)

# Notifications ------------------------------------------------------------------------------


def recipient(user: Any, obj: Any) -> bool:
    return user.is_authenticated and obj.recipient_id == user.pk


declare(
    route("notifications:index", get=member(always(OK))),
    route(
        "notifications:open",
        each=lambda w: w.notifications,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(shown(recipient, REDIRECT)),
    ),
    route(
        "notifications:mark_read",
        each=lambda w: w.notifications,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(always(REDIRECT)),
    ),
    route(
        "notifications:mark_all_read",
        get=always(NOT_ALLOWED),
        post=member(always(REDIRECT)),
    ),
    route("notifications:settings", get=member(always(OK)), post=member(always(PASS))),
    route(
        "notifications:unsubscribe",
        kwargs=lambda w, o: {"token": w.unsubscribe_token},
        get=always(OK),
        post=always(PASS),
    ),
)

# Account security, personal data ------------------------------------------------------------


def own(user: Any, obj: Any) -> bool:
    """The person's own record (``obj.person`` or ``obj.user``)."""
    owner = getattr(obj, "person_id", None) or getattr(obj, "user_id", None)
    return user.is_authenticated and owner == user.pk


def pending_erasure(user: Any, obj: Any = None) -> bool:
    from palabre.privacy.models import ErasureRequest

    return ErasureRequest.objects.filter(person_id=user.pk, status="pending").exists()


def handled_erasure(user: Any, obj: Any) -> bool:
    return fetched(PR.handled_erasure_request_for, user, obj.pk)


def mfa_disable_rule(user: Any, obj: Any) -> str:
    from palabre.accounts import mfa

    return FORBIDDEN if mfa.mfa_required_for(user) else PASS  # who holds power keeps it


declare(
    # No login in progress: the code page sends back to the login page.
    route("accounts:login_code", get=always(LOGIN), post=always(LOGIN)),
    route("accounts:security", get=member(always(OK))),
    route("accounts:reauthenticate", get=member(always(OK)), post=member(always(PASS))),
    route("accounts:mfa_setup", get=member(always(OK)), post=member(always(PASS))),
    route("accounts:mfa_codes", get=member(always(OK))),
    route("accounts:mfa_codes_regenerate", get=always(NOT_ALLOWED), post=member(always(PASS))),
    route("accounts:mfa_disable", get=always(NOT_ALLOWED), post=member(mfa_disable_rule)),
    route(
        "accounts:session_sign_out",
        each=lambda w: w.browser_sessions,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(shown(own, PASS)),
    ),
    route("accounts:sessions_sign_out_others", get=always(NOT_ALLOWED), post=member(always(PASS))),
    route("privacy:index", get=member(always(OK))),
    route("privacy:export", get=member(always(REDIRECT)), post=member(always(PASS))),
    route(
        "privacy:download",
        each=lambda w: w.data_exports,
        kwargs=pk_of(),
        get=member(shown(lambda u, o: fetched(PR.data_export_for, u, o.pk))),
    ),
    route(
        "privacy:erase",
        get=member(lambda u, o: REDIRECT if pending_erasure(u) else OK),
        post=member(lambda u, o: REDIRECT if pending_erasure(u) else PASS),
    ),
    route(
        "privacy:withdraw",
        each=lambda w: w.erasure_requests,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=member(shown(both(lambda u, o: fetched(PR.erasure_request_for, u, o.pk), own), PASS)),
    ),
    route("privacy:requests", get=shown(lambda u, o: PR.can_handle_erasure_requests(u))),
    route(
        "privacy:request",
        each=lambda w: w.erasure_requests,
        kwargs=pk_of(),
        get=shown(handled_erasure),
    ),
    route(
        "privacy:carry_out",
        each=lambda w: w.erasure_requests,
        kwargs=pk_of(),
        get=lambda u, o: (
            (OK if PR.can_decide(u, o) else REDIRECT) if handled_erasure(u, o) else NOT_FOUND
        ),
        post=shown(handled_erasure, PASS),
    ),
    route(
        "privacy:refuse",
        each=lambda w: w.erasure_requests,
        kwargs=pk_of(),
        get=always(NOT_ALLOWED),
        post=shown(handled_erasure, PASS),
    ),
)

# The API -------------------------------------------------------------------------------------
# (declared below the pages; keys are "METHOD /api/v1/path" with Django's <name> markers)

API_PREFIX = "/api/v1"


def api(method: str, path: str, **declared: Any) -> Route:
    return route(f"{method} {API_PREFIX}{path}", **declared)


TODAY = "today"


def dated(body: dict[str, Any]) -> Callable[[World, Any], dict[str, Any]]:
    """A body whose "today" values become today's date (the world is built today)."""
    from django.utils import timezone

    def build(w: World, o: Any) -> dict[str, Any]:
        today = timezone.localdate().isoformat()
        return {k: today if v == TODAY else v for k, v in body.items()}

    return build


def gave_thanks(user: Any, obj: Any) -> bool:
    from palabre.recognition.models import Thanks

    kind, item = obj
    return Thanks.objects.filter(giver_id=user.pk, kind=kind, object_id=item.pk).exists()


def api_thanks_rule(user: Any, obj: Any) -> str:
    kind, item = obj
    if not user.is_authenticated:
        return UNAUTHORISED
    if not thanked(user, obj):
        return NOT_FOUND
    return PASS if R.can_thank(user, kind, item) else FORBIDDEN


def restitution_save_rule(user: Any, obj: Any) -> str:
    if not session(user, obj):
        return NOT_FOUND
    if not obj.takes_restitution or W.can_write_restitution(user, obj):
        return PASS  # a session without a restitution answers 400: nothing to write
    return FORBIDDEN


def schedule_rule(user: Any, obj: Any) -> str:
    if not training(user, obj):
        return NOT_FOUND
    if obj.status != "published":
        return CONFLICT
    return PASS if L.can_schedule_session(user, obj) else FORBIDDEN


def quiz_questions_rule(user: Any, obj: Any) -> str:
    if not training_session(user, obj):
        return NOT_FOUND
    if not user.is_authenticated:
        return UNAUTHORISED
    if L.can_take_quiz(user, obj) or L.can_see_quiz_results(user, obj):
        return OK
    return FORBIDDEN


def quiz_submit_rule(user: Any, obj: Any) -> str:
    if not training_session(user, obj):
        return NOT_FOUND
    if not user.is_authenticated:
        return UNAUTHORISED
    return PASS if L.can_take_quiz(user, obj) else FORBIDDEN


def in_org(slug: str) -> Callable[[Any, Any], bool]:
    from palabre.organisations.models import Organisation

    def check(user: Any, obj: Any) -> bool:
        return Organisation.objects.get(slug=slug).pk in permissions.org_ids(user)

    return check


def outcomes_while_published(user: Any, pk: Any) -> Any:
    """The API's outcomes of a practice: published ones only (archived ones are not)."""
    return A.outcomes_practice_for(user, pk, archived=False)


def writes_for_a(user: Any) -> bool:
    """May write (a training) for organisation A: its members, and facilitators."""
    return permissions.is_facilitator(user) or in_org("adb")(user, None)


def manages_indicators_of_a(user: Any) -> bool:
    from palabre.organisations.models import Organisation

    return bool(A.can_manage_indicators(user, Organisation.objects.get(slug="adb")))


def ws(path: str) -> str:
    return "/workshops/<workshop_id>" + path


def session_ids(w: World, o: Any) -> dict[str, Any]:
    return {"workshop_id": o.workshop_id, "session_id": o.pk}


def post_kind(o: Any) -> str:
    return "threads" if kind_of(o) == "thread" else "answers"


declare(
    # Practices
    api("GET", "/practices", expect=always(OK)),
    api(
        "GET",
        "/practices/<practice_id>",
        each=all_practices,
        kwargs=pk_of("practice_id"),
        expect=shown(practice),
    ),
    api(
        "POST",
        "/practices",
        expect=api_member(
            lambda u, o: (
                PASS
                if P.can_create(u) and P.lead_organisation_choices(u).filter(slug="adb").exists()
                else FORBIDDEN
            )
        ),
        body={"title": "Une pratique de la matrice", "lead_organisation": "adb"},
    ),
    api(
        "PATCH",
        "/practices/<practice_id>",
        each=practices,
        kwargs=pk_of("practice_id"),
        expect=shown(practice_editable, PASS),
        body={"version": 1, "summary": "Résumé"},
    ),
    api(
        "POST",
        "/practices/<practice_id>/submit",
        each=transitions,
        kwargs=pk_of("practice_id"),
        expect=acts(practice, P.can_edit),
    ),
    api(
        "POST",
        "/practices/<practice_id>/request-changes",
        each=transitions,
        kwargs=pk_of("practice_id"),
        expect=acts(practice, P.can_review),
        body={"message": "À compléter"},
    ),
    api(
        "POST",
        "/practices/<practice_id>/publish",
        each=transitions,
        kwargs=pk_of("practice_id"),
        expect=acts(practice, P.can_publish),
    ),
    # Organisations, notifications
    api("GET", "/organisations", expect=shown(lambda u, o: O.can_see_directory(u))),
    api("GET", "/notifications", expect=api_member(always(OK))),
    api("GET", "/notifications/unread", expect=api_member(always(OK))),
    api("POST", "/notifications/read", expect=api_member(always(PASS)), body={}),
    api(
        "POST",
        "/notifications/<notification_id>/read",
        each=lambda w: w.notifications,
        kwargs=pk_of("notification_id"),
        expect=api_member(shown(recipient)),
    ),
    api("GET", "/notifications/preferences", expect=api_member(always(OK))),
    api("PUT", "/notifications/preferences", expect=api_member(always(PASS)), body={"choices": {}}),
    # Workshops
    api("GET", "/workshops", expect=always(OK)),
    api("GET", ws(""), each=all_workshops, kwargs=pk_of("workshop_id"), expect=shown(workshop)),
    api(
        "POST",
        "/workshops",
        expect=api_member(lambda u, o: PASS if W.can_create_workshop(u) else FORBIDDEN),
        body=dated(
            {
                "title": "Atelier de la matrice",
                "objectives": "Essayer",
                "start_date": TODAY,
                "end_date": TODAY,
                "organisers": ["adb"],
                "venue": "Salle",
            }
        ),
    ),
    api(
        "PATCH",
        ws(""),
        each=workshops,
        kwargs=pk_of("workshop_id"),
        expect=acts(workshop, W.can_manage),
        body={"venue": "Salle 2"},
    ),
    api(
        "POST",
        ws("/publish"),
        each=workshops,
        kwargs=pk_of("workshop_id"),
        expect=acts(workshop, W.can_manage),
    ),
    api(
        "GET", ws("/sessions"), each=workshops, kwargs=pk_of("workshop_id"), expect=shown(workshop)
    ),
    api(
        "POST",
        ws("/sessions"),
        each=workshops,
        kwargs=pk_of("workshop_id"),
        expect=api_member(acts(workshop, W.can_run)),
        body=lambda w, o: {
            "title": "Pause",
            "kind": "break",
            "starts_at": o.at(o.start_date, clock(15)).isoformat(),
            "ends_at": o.at(o.start_date, clock(16)).isoformat(),
        },
    ),
    api(
        "PATCH",
        ws("/sessions/<session_id>"),
        each=sessions,
        kwargs=session_ids,
        expect=api_member(acts(session, can(W.can_run, "workshop"))),
        body={"room": "Salle B"},
    ),
    api(
        "DELETE",
        ws("/sessions/<session_id>"),
        each=sessions,
        kwargs=session_ids,
        expect=api_member(acts(session, can(W.can_run, "workshop"))),
    ),
    api(
        "GET",
        ws("/registrations"),
        each=workshops,
        kwargs=pk_of("workshop_id"),
        expect=shown(both(workshop, W.can_see_participants)),
    ),
    api(
        "POST",
        ws("/registrations"),
        each=workshops,
        kwargs=pk_of("workshop_id"),
        expect=api_member(acts(workshop)),
        body={},
    ),
    api(
        "DELETE",
        ws("/registrations/<registration_id>"),
        each=registrations,
        kwargs=lambda w, o: {"workshop_id": o.workshop_id, "registration_id": o.pk},
        expect=api_member(shown(registration, PASS)),
    ),
    api(
        "GET",
        ws("/restitutions"),
        each=workshops,
        kwargs=pk_of("workshop_id"),
        expect=shown(workshop),
    ),
    api(
        "PUT",
        ws("/sessions/<session_id>/restitution"),
        each=sessions,
        kwargs=session_ids,
        expect=api_member(restitution_save_rule),
        body={"key_learnings": "Ce que la matrice a appris"},
    ),
    api(
        "GET",
        ws("/actions"),
        each=workshops,
        kwargs=pk_of("workshop_id"),
        expect=shown(both(workshop, W.can_see_actions)),
    ),
    api(
        "POST",
        ws("/actions"),
        each=workshops,
        kwargs=pk_of("workshop_id"),
        expect=api_member(acts(workshop, W.can_add_action)),
        body=dated({"title": "Une action", "due_date": TODAY}),
    ),
    api(
        "PATCH",
        ws("/actions/<action_id>"),
        each=actions,
        kwargs=lambda w, o: {"workshop_id": o.workshop_id, "action_id": o.pk},
        expect=api_member(acts(action, W.can_update_action)),
        body={"note": "Avance"},
    ),
    api(
        "POST",
        ws("/evaluation"),
        each=workshops,
        kwargs=pk_of("workshop_id"),
        expect=api_member(acts(workshop, W.can_evaluate)),
        body={"overall": 4},
    ),
    api("GET", "/facilitation-tools", expect=api_member(always(OK))),
    # Discussions
    api("GET", "/discussions/threads", expect=always(OK)),
    api(
        "POST",
        "/discussions/threads",
        each=practices,
        expect=api_member(acts(practice, lambda u, o: o.is_published)),
        body=lambda w, o: {
            "title": "Une question de la matrice",
            "body": "Comment faire ?",
            "practice": o.pk,
        },
    ),
    api(
        "GET",
        "/discussions/threads/<thread_id>",
        each=lambda w: w.threads,
        kwargs=pk_of("thread_id"),
        expect=shown(thread),
    ),
    api(
        "PATCH",
        "/discussions/threads/<thread_id>",
        each=lambda w: w.threads,
        kwargs=pk_of("thread_id"),
        expect=api_member(edit_rule),
        body={"title": "Question reformulée", "body": "Mieux dit"},
    ),
    api(
        "POST",
        "/discussions/threads/<thread_id>/hide",
        each=lambda w: w.threads,
        kwargs=pk_of("thread_id"),
        expect=api_member(hide_rule),
        body={"reason": "Hors sujet"},
    ),
    api(
        "POST",
        "/discussions/threads/<thread_id>/unhide",
        each=lambda w: w.threads,
        kwargs=pk_of("thread_id"),
        expect=api_member(unhide_rule),
    ),
    api(
        "POST",
        "/discussions/threads/<thread_id>/answers",
        each=lambda w: w.threads,
        kwargs=pk_of("thread_id"),
        expect=api_member(acts(thread, D.can_answer)),
        body={"body": "Une réponse de la matrice."},
    ),
    api(
        "DELETE",
        "/discussions/threads/<thread_id>/accepted",
        each=lambda w: w.threads,
        kwargs=pk_of("thread_id"),
        expect=api_member(acts(thread, D.can_accept)),
    ),
    api(
        "PATCH",
        "/discussions/answers/<answer_id>",
        each=lambda w: w.answers,
        kwargs=pk_of("answer_id"),
        expect=api_member(edit_rule),
        body={"body": "Mieux dit"},
    ),
    api(
        "POST",
        "/discussions/answers/<answer_id>/accept",
        each=lambda w: w.answers,
        kwargs=pk_of("answer_id"),
        expect=api_member(accept_rule),
    ),
    api(
        "PUT",
        "/discussions/answers/<answer_id>/useful",
        each=lambda w: w.answers,
        kwargs=pk_of("answer_id"),
        expect=api_member(acts(answer, D.can_mark_useful)),
    ),
    api(
        "DELETE",
        "/discussions/answers/<answer_id>/useful",
        each=lambda w: w.answers,
        kwargs=pk_of("answer_id"),
        expect=api_member(acts(answer, D.can_mark_useful)),
    ),
    api(
        "POST",
        "/discussions/answers/<answer_id>/hide",
        each=lambda w: w.answers,
        kwargs=pk_of("answer_id"),
        expect=api_member(hide_rule),
        body={"reason": "Hors sujet"},
    ),
    api(
        "POST",
        "/discussions/answers/<answer_id>/unhide",
        each=lambda w: w.answers,
        kwargs=pk_of("answer_id"),
        expect=api_member(unhide_rule),
    ),
    api("GET", "/discussions/subscriptions", expect=api_member(always(OK))),
    api(
        "PUT",
        "/discussions/subscriptions/<kind>/<target_id>",
        each=lambda w: [*w.practice_sample(), *w.threads],
        kwargs=lambda w, o: {"kind": kind_of(o), "target_id": o.pk},
        expect=api_member(shown(lambda u, o: fetched(D.followable_for, u, kind_of(o), o.pk), PASS)),
    ),
    api(
        "DELETE",
        "/discussions/subscriptions/<kind>/<target_id>",
        each=lambda w: [*w.practice_sample(), *w.threads],
        kwargs=lambda w, o: {"kind": kind_of(o), "target_id": o.pk},
        expect=api_member(shown(lambda u, o: fetched(D.followable_for, u, kind_of(o), o.pk), PASS)),
    ),
    # Adoptions, feedback, indicators, measurements
    api("GET", "/adoptions", expect=always(OK)),
    api(
        "GET",
        "/adoptions/<adoption_id>",
        each=lambda w: w.adoptions,
        kwargs=pk_of("adoption_id"),
        expect=shown(adoption),
    ),
    api(
        "POST",
        "/adoptions",
        each=practices,
        expect=api_member(acts(practice, both(A.can_record_adoption, in_org("ate")))),
        body=lambda w, o: {
            **dated({"organisation": "ate", "started_on": TODAY})(w, o),
            "practice": o.pk,
        },
    ),
    api(
        "PATCH",
        "/adoptions/<adoption_id>",
        each=lambda w: w.adoptions,
        kwargs=pk_of("adoption_id"),
        expect=api_member(acts(adoption, A.can_edit_adoption)),
        body={"team": "Équipe"},
    ),
    api(
        "DELETE",
        "/adoptions/<adoption_id>",
        each=lambda w: w.adoptions,
        kwargs=pk_of("adoption_id"),
        expect=api_member(acts(adoption, A.can_delete_adoption)),
    ),
    api(
        "GET",
        "/adoptions/<adoption_id>/feedback",
        each=lambda w: w.adoptions,
        kwargs=pk_of("adoption_id"),
        expect=shown(adoption),
    ),
    api(
        "POST",
        "/adoptions/<adoption_id>/feedback",
        each=lambda w: w.adoptions,
        kwargs=pk_of("adoption_id"),
        expect=api_member(acts(adoption, A.can_report_feedback)),
        body={"effectiveness": 4, "would_recommend": True},
    ),
    api(
        "GET",
        "/adoptions/practices/<practice_id>/outcomes",
        each=practices,
        kwargs=pk_of("practice_id"),
        expect=shown(lambda u, o: fetched(outcomes_while_published, u, o.pk)),
    ),
    api("GET", "/feedback", expect=always(OK)),
    api(
        "GET",
        "/feedback/<report_id>",
        each=lambda w: w.reports,
        kwargs=pk_of("report_id"),
        expect=shown(feedback),
    ),
    api(
        "POST",
        "/feedback/<report_id>/answer",
        each=lambda w: w.reports,
        kwargs=pk_of("report_id"),
        expect=api_member(acts(feedback, A.can_answer_feedback)),
        body={"answer": "Merci"},
    ),
    api("GET", "/indicators", expect=always(OK)),
    api(
        "POST",
        "/indicators",
        expect=api_member(lambda u, o: PASS if manages_indicators_of_a(u) else FORBIDDEN),
        body=dated(
            {
                "organisation": "adb",
                "name": "Puits",
                "unit": "puits",
                "baseline_value": 1,
                "baseline_date": TODAY,
                "target_value": 5,
                "target_date": TODAY,
            }
        ),
    ),
    api(
        "GET",
        "/indicators/<indicator_id>",
        each=lambda w: w.indicators,
        kwargs=pk_of("indicator_id"),
        expect=shown(indicator),
    ),
    api(
        "PATCH",
        "/indicators/<indicator_id>",
        each=lambda w: w.indicators,
        kwargs=pk_of("indicator_id"),
        expect=api_member(acts(indicator, can(A.can_manage_indicators, "organisation"))),
        body={"description": "Mieux dit"},
    ),
    api(
        "GET",
        "/indicators/<indicator_id>/measurements",
        each=lambda w: w.indicators,
        kwargs=pk_of("indicator_id"),
        expect=shown(indicator),
    ),
    api(
        "POST",
        "/indicators/<indicator_id>/measurements",
        each=lambda w: w.indicators,
        kwargs=pk_of("indicator_id"),
        expect=api_member(acts(indicator, A.can_enter_measurements)),
        body=dated({"measured_on": TODAY, "value": 60}),
    ),
    api("GET", "/measurements", expect=always(OK)),
    api(
        "PATCH",
        "/measurements/<measurement_id>",
        each=lambda w: w.measurements,
        kwargs=pk_of("measurement_id"),
        expect=api_member(acts(measurement, can(A.can_enter_measurements, "indicator"))),
        body={"comment": "Relu"},
    ),
    api(
        "DELETE",
        "/measurements/<measurement_id>",
        each=lambda w: w.measurements,
        kwargs=pk_of("measurement_id"),
        expect=api_member(acts(measurement, can(A.can_enter_measurements, "indicator"))),
    ),
    # Recognition
    api(
        "GET",
        "/thanks/<kind>/<item_id>",
        each=thanks_items,
        kwargs=lambda w, o: {"kind": o[0], "item_id": o[1].pk},
        expect=shown(thanked),
    ),
    api(
        "POST",
        "/thanks/<kind>/<item_id>",
        each=thanks_items,
        kwargs=lambda w, o: {"kind": o[0], "item_id": o[1].pk},
        expect=api_thanks_rule,
        body={"message": "Merci"},
    ),
    api(
        "DELETE",
        "/thanks/<kind>/<item_id>",
        each=thanks_items,
        kwargs=lambda w, o: {"kind": o[0], "item_id": o[1].pk},
        expect=api_member(shown(both(thanked, gave_thanks), PASS)),
    ),
    api(
        "GET",
        "/contributors/<person_id>",
        each=people,
        kwargs=pk_of("person_id"),
        expect=shown(contributor),
    ),
    api("GET", "/featured", expect=always(OK)),
    api("GET", "/featured/history", expect=always(OK)),
    api(
        "POST",
        "/featured",
        each=lambda w: [published(w, "network")],
        expect=api_member(lambda u, o: PASS if R.can_feature(u) else FORBIDDEN),
        body=lambda w, o: {
            **dated(
                {
                    "kind": "practice",
                    "reason": "Un bel exemple",
                    "starts_on": TODAY,
                    "ends_on": TODAY,
                }
            )(w, o),
            "practice": o.pk,
        },
    ),
    api(
        "POST",
        "/featured/<feature_id>/end",
        each=lambda w: w.features,
        kwargs=pk_of("feature_id"),
        expect=api_member(shown(lambda u, o: fetched(R.feature_for, u, o.pk), PASS)),
    ),
    api("GET", "/directory", expect=shown(lambda u, o: R.can_use_directory(u))),
    api(
        "POST",
        "/directory/<person_id>/questions",
        each=people,
        kwargs=pk_of("person_id"),
        expect=shown(both(lambda u, o: R.can_use_directory(u), contributor), PASS),
        body=lambda w, o: {
            "theme": w.theme.slug,
            "title": "Pouvez-vous m'aider ?",
            "question": "Sur le warrantage.",
        },
    ),
    api("GET", "/attestations", expect=api_member(always(OK))),
    api(
        "POST",
        "/attestations",
        expect=api_member(always(PASS)),
        body=dated({"period_start": TODAY, "period_end": TODAY}),
    ),
    api(
        "GET",
        "/attestations/verify/<code>",
        each=lambda w: w.attestations,
        kwargs=lambda w, o: {"code": o.code},
        expect=verify_rule,
    ),
    api(
        "GET",
        "/attestations/<attestation_id>",
        each=lambda w: w.attestations,
        kwargs=pk_of("attestation_id"),
        expect=api_member(shown(attestation)),
    ),
    api(
        "POST",
        "/attestations/<attestation_id>/revoke",
        each=lambda w: w.attestations,
        kwargs=pk_of("attestation_id"),
        expect=api_member(shown(attestation, PASS)),
    ),
    # Learning
    api("GET", "/trainings", expect=always(OK)),
    api(
        "GET",
        "/trainings/<training_id>",
        each=all_trainings,
        kwargs=pk_of("training_id"),
        expect=shown(training),
    ),
    api(
        "POST",
        "/trainings",
        expect=api_member(lambda u, o: PASS if L.can_create(u) and writes_for_a(u) else FORBIDDEN),
        body=lambda w, o: {
            "organisation": "adb",
            "title": "Une formation",
            "objectives": "Apprendre",
            "practices": [published(w, "public").pk],
        },
    ),
    api("GET", "/training-needs", expect=shown(needs_visible)),
    api(
        "POST",
        "/training-needs/wishes",
        each=practices,
        expect=api_member(shown(lambda u, o: practice(u, o) and o.is_published, PASS)),
        body=lambda w, o: {"practice": o.pk},
    ),
    api(
        "GET",
        "/quiz/sessions/<session_id>/questions",
        each=training_sessions,
        kwargs=pk_of("session_id"),
        expect=quiz_questions_rule,
    ),
    api(
        "GET",
        "/quiz/sessions/<session_id>/mine",
        each=training_sessions,
        kwargs=pk_of("session_id"),
        expect=lambda u, o: (
            (OK if u.is_authenticated else UNAUTHORISED) if training_session(u, o) else NOT_FOUND
        ),
    ),
    api(
        "GET",
        "/quiz/sessions/<session_id>/results",
        each=training_sessions,
        kwargs=pk_of("session_id"),
        expect=shown(lambda u, o: fetched(L.quiz_results_for, u, o.pk)),
    ),
    api(
        "POST",
        "/quiz/sessions/<session_id>/<moment>",
        each=training_sessions,
        kwargs=lambda w, o: {"session_id": o.pk, "moment": "after"},
        expect=quiz_submit_rule,
        body={"answers": {}},
    ),
    api("GET", "/training-sessions", expect=always(OK)),
    api(
        "GET",
        "/training-sessions/<session_id>",
        each=training_sessions,
        kwargs=pk_of("session_id"),
        expect=shown(training_session),
    ),
    api(
        "POST",
        "/training-sessions",
        each=trainings,
        expect=api_member(schedule_rule),
        body=lambda w, o: {
            **dated({"start_date": TODAY})(w, o),
            "training": o.pk,
            "venue": "Salle",
        },
    ),
    api(
        "GET",
        "/training-sessions/<session_id>/registrations",
        each=training_sessions,
        kwargs=pk_of("session_id"),
        expect=shown(lambda u, o: fetched(L.session_results_for, u, o.pk)),
    ),
    api("GET", "/training-follow-ups", expect=api_member(always(OK))),
    api(
        "POST",
        "/training-follow-ups/<follow_up_id>",
        each=lambda w: w.follow_ups,
        kwargs=pk_of("follow_up_id"),
        expect=api_member(shown(lambda u, o: fetched(L.follow_up_for, u, o.pk), PASS)),
        body={"applied": False},
    ),
    # The API's own pages
    route("api:api-root", get=always(NOT_FOUND)),  # nothing at the API's root
    route(  # any other address under the API: a JSON 404
        "api:unknown", url=lambda w, o: f"{API_PREFIX}/no-such-thing", get=always(NOT_FOUND)
    ),
    # The same document for everyone (it takes a while to build: asked twice).
    route("api:openapi-json", get=always(OK), roles=("anonymous", "network_admin")),
    route("api:openapi-view", get=always(OK), roles=("anonymous", "network_admin")),
)

# The Django admin: every one of its addresses sends whoever is not a network admin to
# its login page (the admin's own views, generated per model: one rule for all of them).
ADMIN_PREFIXES = ("admin:", "(unnamed) admin/")


def admin_rule(user: Any, obj: Any) -> str:
    """Network admins get in (then Django's model permissions decide: 200 or 403); everyone
    else is sent to the admin's login page."""
    return ADMITTED if user.is_authenticated and user.is_staff else LOGIN


# One rule for all: asked of those on either side of it (the admin is no one's but the
# network admins', whatever their other roles).
ADMIN_ROLES = ("anonymous", "facilitator", "network_admin")


def admin_route(key: str) -> Route:
    staff = lambda u, o: u.is_authenticated and u.is_staff  # noqa: E731
    if key == "admin:login":  # its own form; a network admin is sent on to the index
        rule = lambda u, o: REDIRECT if staff(u, o) else OK  # noqa: E731
    elif key == "admin:logout":  # POST only; others are first sent to the admin's index
        rule = lambda u, o: NOT_ALLOWED if staff(u, o) else REDIRECT  # noqa: E731
    else:
        rule = admin_rule
    return route(key, get=rule, roles=ADMIN_ROLES)


def admin_address(pattern: str) -> str:
    """An address of the admin, its parameters filled with values that look real."""
    path = re.sub(r"\(\?P<app_label>([\w|]+)\)", lambda m: m.group(1).split("|")[0], pattern)
    path = path.replace("(?P<url>.*)", "nowhere/")
    path = re.sub(r"<(?:\w+:)?(\w+)>", "1", path).replace("^", "").replace("$", "")
    return "/" + path


# Running the matrix ---------------------------------------------------------------------------


@dataclass
class Result:
    status: int
    outcome: str
    detail: str = ""
    writes: list[str] = field(default_factory=list)


def outcome_of(status: int, location: str) -> str:
    if status in (301, 302, 303, 307, 308):
        return LOGIN if location.startswith(LOGIN_PATHS) else REDIRECT
    if 200 <= status < 300:
        return OK
    return str(status)


def agrees(expected: str, result: Result) -> bool:
    if result.status >= 500:
        return False
    if expected == PASS:
        return result.outcome not in REFUSALS
    if expected == ADMITTED:
        return result.outcome != LOGIN
    return result.outcome == expected


class WriteRecorder:
    """Every INSERT, UPDATE or DELETE that changed rows during a request, by table."""

    PATTERN = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([\w.]+)"?', re.I)

    def __init__(self) -> None:
        self.tables: list[str] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        result = execute(sql, params, many, context)
        found = self.PATTERN.match(sql)
        if found and not ALLOWED_WRITES.match(found.group(1)):
            # An UPDATE or DELETE that matched no row changed nothing (the rowcount of an
            # INSERT … RETURNING is not known before its rows are read: it always counts).
            cursor = context.get("cursor")
            inserted = sql.lstrip()[:6].upper() == "INSERT"
            if inserted or cursor is None or getattr(cursor, "rowcount", 1) != 0:
                self.tables.append(found.group(1))
        return result


def _consume(response: Any) -> None:
    """Read a streamed answer to its end (inside the request's transaction). The test
    client closes the response itself: closing it again would send request_finished,
    whose handler closes the database connection (on PostgreSQL, with the world in it)."""
    if getattr(response, "streaming", False):
        for _chunk in response.streaming_content:
            pass


class Matrix:
    """The clients of each role, and the counts of what was sent."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.clients: dict[str, Client] = {}
        self.sessions: dict[str, str] = {}
        self.users: dict[str, Any] = {}
        for role in ROLES:
            client = Client()
            user = world.people[role]
            if user is not None:
                client.force_login(user, backend="palabre.accounts.backends.EmailBackend")
                self.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
                # Logged in with their second step (those who have one), and their
                # identity just confirmed: the pages behind a re-authentication show
                # what the rule lets them do.
                session = client.session
                session[VERIFIED_KEY] = True
                session[REAUTH_KEY] = int(time.time())
                session.save()
            self.clients[role] = client
            self.users[role] = user if user is not None else AnonymousUser()
        self.requests = 0
        self.routes = 0
        self.seconds = 0.0
        self.per_route: dict[str, tuple[int, float]] = {}  # requests, CPU seconds

    def send(self, role: str, method: str, url: str, *, api: bool, payload: Any) -> Result:
        client = self.clients[role]
        cookies = SimpleCookie()
        if role in self.sessions and not api:
            cookies[settings.SESSION_COOKIE_NAME] = self.sessions[role]
        client.cookies = cookies
        extra: dict[str, Any] = {}
        if api:
            if role in self.world.tokens:
                extra["HTTP_AUTHORIZATION"] = f"Bearer {self.world.tokens[role]}"
            if payload is not None:
                extra["data"] = json.dumps(payload)
                extra["content_type"] = "application/json"
        elif method == "POST":
            extra["data"] = payload or {}
        recorder = WriteRecorder()
        self.requests += 1
        try:
            with transaction.atomic():
                with connection.execute_wrapper(recorder):
                    response = client.generic(method, url, **_generic(extra))
                    _consume(response)
                transaction.set_rollback(True)
        except Exception as error:
            return Result(500, "500", f"{type(error).__name__}: {error}"[:300])
        location = response.get("Location", "")
        return Result(
            response.status_code,
            outcome_of(response.status_code, location),
            location,
            recorder.tables,
        )


def _generic(extra: dict[str, Any]) -> dict[str, Any]:
    """Django's ``Client.generic`` takes an encoded body: encode a form like ``post`` does."""
    data = extra.pop("data", None)
    content_type = extra.pop("content_type", None)
    if data is None:
        return extra
    if content_type is None:
        from django.test.client import MULTIPART_CONTENT, encode_multipart

        boundary = "MatrixBoundary"
        return {
            **extra,
            "data": encode_multipart(boundary, data),
            "content_type": f"{MULTIPART_CONTENT[: MULTIPART_CONTENT.index('=') + 1]}{boundary}",
        }
    return {**extra, "data": data, "content_type": content_type}


def address(declared: Route, pattern: str, kwargs: dict[str, Any], query: str) -> str:
    if declared.url is not None:
        return declared.url(kwargs.get("world"), kwargs.get("obj")) + query
    if declared.is_api:
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), pattern)
        return "/" + path + query
    if declared.key.startswith(ADMIN_PREFIXES):
        return admin_address(pattern)
    return reverse(declared.key, kwargs=kwargs) + query


def check_route(matrix: Matrix, declared: Route, pattern: str) -> list[str]:
    """Send every request of one route; the disagreements with the rule, one line each."""
    world = matrix.world
    problems: list[str] = []
    objects = list(declared.each(world)) if declared.each else [None]
    matrix.routes += 1
    FETCHED.clear()
    sent, started = matrix.requests, time.process_time()
    for index, obj in enumerate(objects):
        kwargs = {"world": world, "obj": obj} if declared.url else declared.kwargs(world, obj)
        url = address(declared, pattern, kwargs, declared.query(world, obj))
        label = getattr(obj, "matrix_label", "") if obj is not None else ""
        for method, rule in declared.methods():
            if index and getattr(rule, "answer", None) == NOT_ALLOWED:
                continue  # a method the address never takes: once is enough
            if declared.is_api:
                payload = declared.body(world, obj) if declared.body else None
            else:
                payload = declared.data(world, obj) if method == "POST" else None
            for role in declared.roles:
                if index and role == "anonymous" and hasattr(rule, "anonymous"):
                    continue  # turned away before the object is looked at: once is enough
                user = matrix.users[role]
                expected = rule(user, obj)
                if method == "POST" and declared.get is not None and expected not in REFUSALS:
                    continue  # a form page: its GET showed the rule lets this person in
                result = matrix.send(role, method, url, api=declared.is_api, payload=payload)
                where = f"{method} {url} as {role}" + (f" ({label})" if label else "")
                if not agrees(expected, result):
                    problems.append(
                        f"{where}: expected {expected}, got {result.status}"
                        + (f" {result.detail}" if result.detail else "")
                    )
                elif result.outcome in REFUSALS and result.writes:
                    problems.append(f"{where}: refused ({result.status}) but wrote {result.writes}")
    matrix.per_route[declared.key] = (matrix.requests - sent, time.process_time() - started)
    return problems


# The URL patterns -----------------------------------------------------------------------------


def url_patterns() -> dict[str, str]:
    """Every route of the site, by its key: the URL name of a page, "METHOD /path" for each
    operation of the API. The value is the pattern (the API's, to fill in)."""
    found: dict[str, str] = {}

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = entry.namespace
                full = ":".join(n for n in (namespace, inner) if n) if inner else namespace
                walk(entry, prefix + str(entry.pattern), full)
                continue
            assert isinstance(entry, URLPattern)
            pattern = prefix + str(entry.pattern)
            view = entry.callback
            path_view = _ninja_path_view(view)
            if path_view is not None:
                for operation in path_view.operations:
                    for method in operation.methods:
                        found[f"{method} /{pattern}"] = pattern
                continue
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            found[name or f"(unnamed) {pattern}"] = pattern

    walk(get_resolver(), "", "")
    return found


def _ninja_path_view(view: Any) -> Any:
    """The django-ninja PathView behind an API address (its operations and methods)."""
    while view is not None:
        if getattr(view, "__name__", "") not in ("sync_view_wrapper", "async_view_wrapper"):
            return None
        for cell in view.__closure__ or ():
            contents = cell.cell_contents
            if hasattr(contents, "operations"):
                return contents
        view = getattr(view, "__wrapped__", None)
    return None


def declaration_for(key: str) -> Route | None:
    if key in DECLARED:
        return DECLARED[key]
    if key.startswith(ADMIN_PREFIXES):
        return admin_route(key)
    return None


# Tests ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker, tmp_path_factory, request):
    """The world, built once for the module inside a transaction rolled back at its end."""
    media = tmp_path_factory.mktemp("matrix-media")
    started = time.monotonic()
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media), REAUTH_MAX_AGE_MINUTES=24 * 60),
    ):
        from unittest import mock

        # PDFs are laid out by WeasyPrint, which takes a second each: the matrix checks who
        # gets one, not its pages (their own tests do).
        with mock.patch("weasyprint.HTML.write_pdf", return_value=b"%PDF-1.4 matrix"):
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                built = Matrix(build_world())
                built.seconds = time.monotonic() - started
                yield built
            finally:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
    elapsed = time.monotonic() - started
    cpu = sum(seconds for _count, seconds in built.per_route.values())
    summary = (
        f"route matrix: {built.routes} routes, {built.requests} requests "
        f"({len(ROLES)} roles), world built in {built.seconds:.1f} s, {elapsed:.1f} s in all "
        f"({cpu:.1f} s of CPU in requests)"
    )
    slowest = sorted(built.per_route.items(), key=lambda item: -item[1][1])[:15]
    details = "\n".join(f"  {key}: {n} requests, {sec:.1f} s" for key, (n, sec) in slowest)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(summary)
    import os

    from conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    name = "-".join(
        filter(None, ["route-matrix", connection.vendor, os.environ.get("PYTEST_XDIST_WORKER")])
    )
    (ARTIFACTS / f"{name}.txt").write_text(f"{summary}\n{details}\n")
    (ARTIFACTS / f"{name}.json").write_text(
        json.dumps({key: [n, round(sec, 3)] for key, (n, sec) in built.per_route.items()}, indent=0)
    )


def half_of(key: str) -> str:
    api = key.split(" ", 1)[0] in HTTP_METHODS or key.startswith(("api:", *ADMIN_PREFIXES))
    return API_AND_ADMIN if api else PAGES


def _declare_app_modules() -> None:
    from palabre.core.tests import matrix_apps

    for module in matrix_apps.modules():
        if hasattr(module, "routes"):
            declare(*module.routes())


_declare_app_modules()
PATTERNS = url_patterns()
ROUTES = [
    pytest.param(key, marks=pytest.mark.xdist_group(half_of(key)))
    for key in sorted(PATTERNS)
    if declaration_for(key) is not None
]


@pytest.mark.xdist_group(PAGES)
def test_every_route_is_declared():
    """A new route without a declaration (see the module's docstring) fails here."""
    missing = sorted(key for key in PATTERNS if declaration_for(key) is None)
    gone = sorted(key for key in DECLARED if key not in PATTERNS)
    assert not missing, "Routes with no declaration in test_route_matrix.py:\n" + "\n".join(missing)
    assert not gone, "Declared routes that no longer exist:\n" + "\n".join(gone)


@pytest.mark.parametrize("key", ROUTES)
def test_route_follows_the_rule(matrix, django_db_blocker, key):
    declared = declaration_for(key)
    assert declared is not None
    with django_db_blocker.unblock():
        problems = check_route(matrix, declared, PATTERNS[key])
    assert not problems, f"{key}: {len(problems)} answers disagree with the rule:\n" + "\n".join(
        problems
    )


def _leaky_view(request: Any, pk: int) -> Any:
    """A page that forgets palabre.permissions: it shows any practice to anyone."""
    from django.http import HttpResponse

    from palabre.practices.models import Practice

    return HttpResponse(Practice.objects.filter(pk=pk).values_list("title", flat=True).first())


def _counting_view(request: Any, pk: int) -> Any:
    """A page that writes before it asks the rule (and so writes when it refuses)."""
    from django.http import HttpResponse
    from django.utils import timezone

    from palabre.practices.models import DailyCount

    DailyCount.objects.create(practice_id=pk, day=timezone.localdate(), event="view")
    return HttpResponse(P.practice_for(request.user, pk).title)


def _self_test_urls() -> Any:
    from django.urls import include, path

    class URLs:  # the site's addresses, and two pages that break the rule
        urlpatterns = [
            path("leaky/<int:pk>/", _leaky_view, name="leaky"),
            path("counting/<int:pk>/", _counting_view, name="counting"),
            path("", include("palabre.urls")),
        ]

    return URLs


@pytest.mark.xdist_group(PAGES)
def test_the_matrix_sees_a_leak_and_a_refused_write(matrix):
    """The matrix itself can fail: a page that fetches without the rule shows a draft to
    people the rule refuses, and a page that writes before refusing is caught."""
    draft = matrix.world.by_label(matrix.world.practices, "practice draft/organisation")
    counts = matrix.routes, matrix.requests, dict(matrix.per_route)
    with override_settings(ROOT_URLCONF=_self_test_urls()):
        leaks = check_route(
            matrix,
            route("leaky", each=lambda w: [draft], kwargs=pk_of(), get=shown(practice)),
            "leaky/<int:pk>/",
        )
        writes = check_route(
            matrix,
            route("counting", each=lambda w: [draft], kwargs=pk_of(), get=shown(practice)),
            "counting/<int:pk>/",
        )
    matrix.routes, matrix.requests, matrix.per_route = counts
    assert any("as outsider" in p and "expected 404, got 200" in p for p in leaks), leaks
    assert any("as anonymous" in p and "expected 404, got 200" in p for p in leaks), leaks
    assert any("as outsider" in p and "wrote ['practices_dailycount']" in p for p in writes), writes
