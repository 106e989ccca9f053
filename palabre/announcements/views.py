"""Pages of announcements.

- ``announcements/`` (``mine``): the announcements running now that are addressed to me;
- ``announcements/<pk>/dismiss/`` (``dismiss``): POST, hide one (works without JavaScript:
  a redirect back; a page asking through the site's script gets an empty fragment);
- ``announcements/manage/`` (``manage``): what I may manage (author, org admins of the
  publishing organisation, facilitators), with counts of who saw and dismissed;
- ``announcements/new/``, ``<pk>/edit/``, ``<pk>/end/`` (POST): publish, change, end early;
- ``announcements/campaigns/new/``, ``campaigns/<pk>/``: a campaign and its reach.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from palabre.announcements import selectors, services
from palabre.announcements.forms import AnnouncementForm, CampaignForm
from palabre.announcements.models import Mark
from palabre.lib.views import submit
from palabre.permissions import announcements as rules

FORM = "announcements/form.html"


def _next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _managers_only(request: HttpRequest) -> None:
    if not rules.can_publish(request.user):
        raise Http404


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    running = list(
        selectors.running(rules.announcements_visible_to(request.user))
        .select_related("campaign")
        .order_by("-starts_at", "-pk")
    )
    dismissed = set(
        Mark.objects.filter(
            user=request.user, announcement__in=[a.pk for a in running], dismissed_at__isnull=False
        ).values_list("announcement_id", flat=True)
    )
    for announcement in running:
        announcement.is_dismissed = announcement.pk in dismissed
    return render(
        request,
        "announcements/mine.html",
        {"announcements": running, "manages": rules.can_publish(request.user)},
    )


@require_POST
@login_required
@vary_on_headers("HX-Request")
def dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = rules.announcement_for(request.user, pk)
    services.announcement_dismiss(announcement=announcement, by=request.user)
    if request.headers.get("HX-Request"):
        return render(request, "announcements/_dismissed.html", {"announcement": announcement})
    messages.success(request, _("The announcement is hidden."))
    return redirect(_next(request, reverse("announcements:mine")))


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    _managers_only(request)
    announcements = list(selectors.with_reach(selectors.managed(request.user))[:200])
    campaigns = list(rules.campaigns_managed_by(request.user).order_by("-created_at")[:50])
    return render(
        request,
        "announcements/manage.html",
        {"announcements": announcements, "campaigns": campaigns, "now": timezone.now()},
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    _managers_only(request)
    form = AnnouncementForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.announcement_create(by=request.user, **form.service_kwargs()),
        )
        if done.ok:
            messages.success(request, _("The announcement is published."))
            return redirect("announcements:manage")
        status = done.status
    return render(request, FORM, {"form": form}, status=status)


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = rules.announcement_managed_for(request.user, pk)
    form = AnnouncementForm(
        request.POST or None, user=request.user, initial=AnnouncementForm.initial_for(announcement)
    )
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.announcement_update(
                announcement=announcement, by=request.user, **form.service_kwargs()
            ),
        )
        if done.ok:
            messages.success(request, _("The announcement is saved."))
            return redirect("announcements:manage")
        status = done.status
    return render(request, FORM, {"form": form, "announcement": announcement}, status=status)


@require_POST
@login_required
def end(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = rules.announcement_managed_for(request.user, pk)
    services.announcement_end(announcement=announcement, by=request.user)
    messages.success(request, _("The announcement has ended."))
    return redirect("announcements:manage")


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    _managers_only(request)
    form = CampaignForm(request.POST or None)
    status = 200
    if request.method == "POST":
        done = submit(form, lambda: services.campaign_create(by=request.user, **form.cleaned_data))
        if done.ok:
            return redirect(done.value)
        status = done.status
    return render(request, "announcements/campaign_form.html", {"form": form}, status=status)


@login_required
def campaign(request: HttpRequest, pk: int) -> HttpResponse:
    found = rules.campaign_for(request.user, pk)
    return render(
        request,
        "announcements/campaign.html",
        {"campaign": found, "announcements": selectors.campaign_reach(found)},
    )
