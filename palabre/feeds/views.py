"""Feeds (Atom), calendar subscriptions (iCalendar) and the "my feeds" page.

Public feeds answer what an anonymous visitor may see, whoever asks; private ones carry
the person's secret and answer what that person may see (palabre/permissions/feeds.py).
Every feed answers 304 to a reader whose copy is still the latest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from palabre.accounts.reauth import reauthentication_required
from palabre.feeds import render as out
from palabre.feeds import selectors, services
from palabre.feeds.addresses import private_addresses, webcal
from palabre.lib.views import submit
from palabre.permissions import feeds as rules
from palabre.permissions import workshops as workshop_rules

LANGUAGES = {code for code, _name in settings.LANGUAGES}


# Entries ------------------------------------------------------------------------------


def practice_entry(practice: Any) -> out.Entry:
    return out.Entry(
        title=practice.title,
        link=practice.get_absolute_url(),
        summary=practice.summary,
        author=str(practice.lead_organisation),
        updated=practice.feed_updated,
        published=practice.published_at,
        language=practice.language,
    )


def _when(workshop: Any) -> str:
    start = date_format(workshop.start_date, "DATE_FORMAT")
    if workshop.end_date == workshop.start_date:
        return start
    return _("%(start)s to %(end)s") % {
        "start": start,
        "end": date_format(workshop.end_date, "DATE_FORMAT"),
    }


def workshop_entry(workshop: Any) -> out.Entry:
    title = workshop.title
    if workshop.is_cancelled:
        title = _("Cancelled: %(title)s") % {"title": title}
    facts = " — ".join(part for part in (_when(workshop), workshop.place) if part)
    return out.Entry(
        title=title,
        link=workshop.get_absolute_url(),
        summary=f"{facts}\n\n{workshop.objectives}",
        author=", ".join(str(o) for o in workshop.organisers.all()),
        updated=workshop.updated_at,
        published=workshop.published_at,
    )


def thread_entry(thread: Any) -> out.Entry:
    return out.Entry(
        title=thread.title,
        link=thread.get_absolute_url(),
        summary=thread.body,
        author=str(thread.author) if thread.author_id else "",
        updated=thread.last_activity_at,
        published=thread.created_at,
        language=thread.language,
    )


# One feed -----------------------------------------------------------------------------


def _atom(
    request: HttpRequest,
    *,
    kind: str,
    language: str,
    items: Callable[[], list[Any]],
    entry: Callable[[Any], out.Entry],
    title: Callable[[], str],
    subtitle: Callable[[], str],
    link: str,
    private: bool = False,
) -> HttpResponse:
    with translation.override(language):
        found_items = items()
        entries = [entry(item) for item in found_items]
        found = out.validators(
            kind, language, [(e.link, e.updated, e.title) for e in entries],
            stamps=[e.updated for e in entries],
        )  # fmt: skip
        response = out.not_modified(request, found, private=private)
        if response is not None:
            return response
        return out.atom_response(
            request,
            title=title(),
            subtitle=subtitle(),
            link=link,
            language=language,
            entries=entries,
            found=found,
            private=private,
        )


def _calendar(
    request: HttpRequest,
    *,
    kind: str,
    language: str,
    sessions: Callable[[], list[Any]],
    name: Callable[[], str],
    filename: str,
    private: bool = False,
) -> HttpResponse:
    with translation.override(language):
        found_sessions = sessions()
        calendar_name = name()
        found = out.validators(
            kind, language, calendar_name, [s.pk for s in found_sessions],
            stamps=out.calendar_stamps(found_sessions),
        )  # fmt: skip
        response = out.not_modified(request, found, private=private)
        if response is not None:
            return response
        return out.calendar_response(
            sessions=found_sessions,
            name=calendar_name,
            filename=filename,
            found=found,
            private=private,
        )


def public_language(request: HttpRequest) -> tuple[str, bool]:
    """``?lang=fr`` or ``?lang=en`` chooses (what the pages' links give); otherwise the
    visitor's language as for pages. The second value: was it chosen in the address?"""
    chosen = request.GET.get("lang", "")
    if chosen in LANGUAGES:
        return chosen, True
    return getattr(request, "LANGUAGE_CODE", "") or settings.LANGUAGE_CODE, False


def _public(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A public feed: in the language chosen, answering anonymous visitors' content."""

    @require_safe
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language, chosen = public_language(request)
        response = view(request, language, *args, **kwargs)
        if not chosen:
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _owner_language(owner: Any) -> str:
    return owner.language if owner.language in LANGUAGES else settings.LANGUAGE_CODE


# Public feeds -------------------------------------------------------------------------


@_public
def practices(request: HttpRequest, language: str) -> HttpResponse:
    return _atom(
        request,
        kind="practices",
        language=language,
        items=selectors.public_practices,
        entry=practice_entry,
        title=lambda: _("Palabre — practices"),
        subtitle=lambda: _("The latest practices shared in public by the network."),
        link=reverse("practices:index"),
    )


@_public
def theme_practices(request: HttpRequest, language: str, slug: str) -> HttpResponse:
    theme = rules.theme_for(slug)
    return _atom(
        request,
        kind=f"theme:{theme.pk}",
        language=language,
        items=lambda: selectors.public_practices(theme=theme),
        entry=practice_entry,
        title=lambda: _("Palabre — practices on %(theme)s") % {"theme": theme.name},
        subtitle=lambda: _("The latest public practices on this theme."),
        link=theme.get_absolute_url(),
    )


@_public
def organisation_practices(request: HttpRequest, language: str, slug: str) -> HttpResponse:
    organisation = rules.public_organisation_for(slug)
    return _atom(
        request,
        kind=f"organisation:{organisation.pk}",
        language=language,
        items=lambda: selectors.public_practices(organisation=organisation),
        entry=practice_entry,
        title=lambda: _("Palabre — practices of %(organisation)s") % {"organisation": organisation},
        subtitle=lambda: _("The latest public practices of this organisation and its partners."),
        link=reverse("practices:index"),
    )


@_public
def workshops(request: HttpRequest, language: str) -> HttpResponse:
    return _atom(
        request,
        kind="workshops",
        language=language,
        items=selectors.public_workshops,
        entry=workshop_entry,
        title=lambda: _("Palabre — workshops"),
        subtitle=lambda: _("Upcoming and recent public workshops of the network."),
        link=reverse("workshops:index"),
    )


@_public
def workshop_calendar(request: HttpRequest, language: str, pk: int) -> HttpResponse:
    """A public workshop's agenda to subscribe to (others through the private address)."""
    workshop = rules.public_workshop_for(pk)
    return _calendar(
        request,
        kind=f"workshop:{workshop.pk}",
        language=language,
        sessions=lambda: selectors.workshop_sessions(workshop),
        name=lambda: workshop.title,
        filename=f"atelier-{workshop.pk}",
    )


# Private feeds ------------------------------------------------------------------------


def _private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A private address: 404 unless its secret is a person's current one; the content is
    what that person may see, in their language."""

    @require_safe
    def wrapped(request: HttpRequest, secret: str, *args: Any, **kwargs: Any) -> HttpResponse:
        owner = rules.feed_owner_for(secret)
        return view(request, owner, _owner_language(owner), *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@_private
def private_practices(request: HttpRequest, owner: Any, language: str) -> HttpResponse:
    return _atom(
        request,
        kind=f"practices:{owner.pk}",
        language=language,
        items=lambda: selectors.practices_for(owner),
        entry=practice_entry,
        title=lambda: _("Palabre — practices for %(person)s") % {"person": owner},
        subtitle=lambda: _("The latest practices you may read."),
        link=reverse("practices:index"),
        private=True,
    )


@_private
def private_workshops(request: HttpRequest, owner: Any, language: str) -> HttpResponse:
    return _atom(
        request,
        kind=f"workshops:{owner.pk}",
        language=language,
        items=lambda: selectors.workshops_for(owner),
        entry=workshop_entry,
        title=lambda: _("Palabre — workshops for %(person)s") % {"person": owner},
        subtitle=lambda: _("Upcoming and recent workshops you may see."),
        link=reverse("workshops:index"),
        private=True,
    )


@_private
def private_questions(request: HttpRequest, owner: Any, language: str) -> HttpResponse:
    return _atom(
        request,
        kind=f"questions:{owner.pk}",
        language=language,
        items=lambda: selectors.questions_for(owner),
        entry=thread_entry,
        title=lambda: _("Palabre — questions and discussions for %(person)s") % {"person": owner},
        subtitle=lambda: _("Discussions you may read, latest activity first."),
        link=reverse("discussions:index"),
        private=True,
    )


@_private
def private_agenda_feed(request: HttpRequest, owner: Any, language: str) -> HttpResponse:
    return _atom(
        request,
        kind=f"agenda:{owner.pk}",
        language=language,
        items=lambda: selectors.agenda_workshops(owner),
        entry=workshop_entry,
        title=lambda: _("Palabre — my agenda (%(person)s)") % {"person": owner},
        subtitle=lambda: _("The workshops, training sessions and meetings you registered for."),
        link=reverse("workshops:mine"),
        private=True,
    )


@_private
def private_agenda(request: HttpRequest, owner: Any, language: str) -> HttpResponse:
    def sessions() -> list[Any]:
        return selectors.agenda_sessions(owner, selectors.agenda_workshops(owner))

    return _calendar(
        request,
        kind=f"agenda:{owner.pk}",
        language=language,
        sessions=sessions,
        name=lambda: _("Palabre — my agenda"),
        filename="mon-agenda",
        private=True,
    )


@_private
def private_workshop_calendar(
    request: HttpRequest, owner: Any, language: str, pk: int
) -> HttpResponse:
    workshop = workshop_rules.workshop_for(owner, pk)
    return _calendar(
        request,
        kind=f"workshop:{workshop.pk}:{owner.pk}",
        language=language,
        sessions=lambda: selectors.workshop_sessions(workshop),
        name=lambda: workshop.title,
        filename=f"atelier-{workshop.pk}",
        private=True,
    )


# The "my feeds" page ------------------------------------------------------------------


class RenewForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that the old addresses will stop working."),
        required=True,
        error_messages={
            "required": _("Tick the box to confirm: the old addresses will stop working.")
        },
    )


def _page(request: HttpRequest, form: RenewForm | None = None, status: int = 200) -> HttpResponse:
    token = rules.feed_token_of(request.user)
    language = translation.get_language() or settings.LANGUAGE_CODE
    public = [
        (_("Practices"), out.absolute(reverse("feeds:practices")) + f"?lang={language}"),
        (_("Workshops"), out.absolute(reverse("feeds:workshops")) + f"?lang={language}"),
    ]
    return render(
        request,
        "feeds/mine.html",
        {
            "token": token,
            "addresses": private_addresses(token) if token is not None else [],
            "public": public,
            "form": form or RenewForm(),
            "example_calendar": webcal(out.absolute("/")),
        },
        status=status,
    )


@login_required
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@reauthentication_required
def renew(request: HttpRequest) -> HttpResponse:
    """Make the person's addresses (the first time) or new ones (the old stop working)."""
    had_one = rules.feed_token_of(request.user) is not None
    form = RenewForm(request.POST) if had_one else RenewForm({"confirm": "on"})
    done = submit(form, lambda: services.feed_token_renew(person=request.user))
    if not done.ok:
        return _page(request, form, status=done.status)
    if had_one:
        messages.success(request, _("New addresses made: the old ones no longer work."))
    else:
        messages.success(request, _("Your private addresses are ready."))
    return redirect("feeds:mine")
