"""The directory, organisation pages, member management and invitations."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palabre.accounts.forms import InvitationAcceptForm
from palabre.accounts.reauth import reauthentication_required
from palabre.audit.models import AuditEvent
from palabre.lib.errors import ServiceError
from palabre.lib.views import form_add_service_error
from palabre.organisations import selectors, services
from palabre.organisations.forms import (
    DirectoryFilterForm,
    InvitationForm,
    MembershipRoleForm,
    OrganisationForm,
)
from palabre.organisations.models import Membership, Organisation
from palabre.permissions import organisations as rules


def _organisation_for(request, slug: str) -> Organisation:
    return rules.organisation_for(request.user, slug)


def _managed_organisation(request, slug: str) -> Organisation:
    return rules.managed_organisation_for(request.user, slug)


@login_required
def directory(request):
    if not rules.can_see_directory(request.user):
        raise Http404
    form = DirectoryFilterForm(request.GET or None, country_codes=selectors.directory_countries())
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = selectors.organisation_directory(**{k: v for k, v in filters.items() if v})
    page = Paginator(organisations, 30).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "regions": selectors.directory_regions(),
        "can_create": rules.can_create_organisation(request.user),
    }
    if request.htmx:
        return render(request, "organisations/directory.html#results", context)
    return render(request, "organisations/directory.html", context)


@login_required
def detail(request, slug: str):
    organisation = _organisation_for(request, slug)
    memberships = organisation.memberships.select_related("user").order_by("user__display_name")
    can_manage = rules.can_manage_members(request.user, organisation)
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "memberships": memberships,
            "can_manage": can_manage,
        },
    )


@login_required
def create(request):
    if not rules.can_create_organisation(request.user):
        raise Http404
    form = OrganisationForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            organisation = services.organisation_create(by=request.user, **form.cleaned_data)
            messages.success(request, _("Organisation created."))
            return redirect(organisation)
        return render(request, "organisations/form.html", {"form": form}, status=400)
    return render(request, "organisations/form.html", {"form": form})


@login_required
def edit(request, slug: str):
    organisation = _organisation_for(request, slug)
    if not rules.can_edit_organisation(request.user, organisation):
        raise Http404
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST":
        if form.is_valid():
            services.organisation_update(
                organisation=form.instance, by=request.user, changed=form.changed_data
            )
            messages.success(request, _("Organisation saved."))
            return redirect(organisation)
        return render(
            request,
            "organisations/form.html",
            {"form": form, "organisation": organisation},
            status=400,
        )
    return render(request, "organisations/form.html", {"form": form, "organisation": organisation})


@login_required
@reauthentication_required
def members(request, slug: str):
    organisation = _managed_organisation(request, slug)
    memberships = organisation.memberships.select_related("user").order_by("user__display_name")
    invitations = organisation.invitations.pending().select_related("invited_by")
    return render(
        request,
        "organisations/members.html",
        {
            "organisation": organisation,
            "memberships": memberships,
            "invitations": invitations,
            "role_choices": MembershipRoleForm.base_fields["role"].choices,
        },
    )


def _membership(request, slug: str, pk: int) -> tuple[Organisation, Membership]:
    organisation = _managed_organisation(request, slug)
    return organisation, rules.membership_for(request.user, organisation, pk)


@require_POST
@login_required
@reauthentication_required
def member_role(request, slug: str, pk: int):
    organisation, membership = _membership(request, slug, pk)
    form = MembershipRoleForm(request.POST)
    if not form.is_valid():
        raise ServiceError(_("Unknown role."))
    services.membership_change_role(
        membership=membership, role=form.cleaned_data["role"], by=request.user
    )
    messages.success(
        request,
        _("%(name)s is now %(role)s.")
        % {
            "name": membership.user,
            "role": dict(form.fields["role"].choices)[form.cleaned_data["role"]],
        },
    )
    return redirect("organisations:members", slug=organisation.slug)


@require_POST
@login_required
@reauthentication_required
def member_remove(request, slug: str, pk: int):
    organisation, membership = _membership(request, slug, pk)
    services.membership_remove(membership=membership, by=request.user)
    messages.success(
        request,
        _("%(name)s no longer belongs to %(organisation)s.")
        % {"name": membership.user, "organisation": organisation},
    )
    return redirect("organisations:members", slug=organisation.slug)


@login_required
@reauthentication_required
def invite(request, slug: str):
    organisation = _managed_organisation(request, slug)
    form = InvitationForm(request.POST or None, initial={"language": translation.get_language()})
    if request.method == "POST":
        if form.is_valid():
            try:
                invitation, _token = services.invitation_create(
                    organisation=organisation, by=request.user, **form.cleaned_data
                )
            except ServiceError as error:
                form_add_service_error(form, error)
                return render(
                    request,
                    "organisations/invite.html",
                    {"form": form, "organisation": organisation},
                    status=error.status,
                )
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link is valid for %(days)s days.")
                % {"email": invitation.email, "days": settings.INVITATION_VALID_DAYS},
            )
            return redirect("organisations:members", slug=organisation.slug)
        return render(
            request,
            "organisations/invite.html",
            {"form": form, "organisation": organisation},
            status=400,
        )
    return render(
        request, "organisations/invite.html", {"form": form, "organisation": organisation}
    )


@require_POST
@login_required
def invitation_revoke(request, slug: str, pk: int):
    organisation = _managed_organisation(request, slug)
    invitation = get_object_or_404(organisation.invitations, pk=pk)
    services.invitation_revoke(invitation=invitation, by=request.user)
    messages.success(request, _("Invitation withdrawn."))
    return redirect("organisations:members", slug=organisation.slug)


@login_required
def audit_log(request, slug: str):
    organisation = _organisation_for(request, slug)
    if not rules.can_see_audit(request.user, organisation):
        raise Http404
    events = AuditEvent.objects.filter(organisation=organisation).select_related("actor")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "organisations/audit.html", {"organisation": organisation, "page": page})


def invitation(request, token: str):
    """The page an invited person lands on. Works once; clear pages for every dead end."""
    found = services.invitation_for_token(token)
    if found is None:
        return render(request, "organisations/invitation_invalid.html", status=404)
    if not found.is_pending:
        return render(
            request, "organisations/invitation_dead.html", {"invitation": found}, status=410
        )
    user = request.user if request.user.is_authenticated else None
    context = {"invitation": found, "token": token}
    existing_account = user is None and _account_exists(found.email)
    if user is not None or existing_account:
        if request.method == "POST" and user is not None:
            services.invitation_accept(invitation=found, user=user)
            messages.success(
                request, _("Welcome to %(organisation)s!") % {"organisation": found.organisation}
            )
            return redirect(found.organisation)
        context["existing_account"] = existing_account
        return render(request, "organisations/invitation_existing.html", context)

    form = InvitationAcceptForm(
        request.POST or None,
        email=found.email,
        initial={"language": translation.get_language()},
    )
    if request.method == "POST":
        if form.is_valid():
            new_user = services.invitation_accept(
                invitation=found,
                display_name=form.cleaned_data["display_name"],
                language=form.cleaned_data["language"],
                password=form.cleaned_data["password1"],
            )
            login(request, new_user, backend="palabre.accounts.backends.EmailBackend")
            translation.activate(new_user.language)
            messages.success(
                request, _("Welcome to %(organisation)s!") % {"organisation": found.organisation}
            )
            response = redirect(found.organisation)
            response.set_cookie("palabre_language", new_user.language, max_age=31536000)
            return response
        context["form"] = form
        return render(request, "organisations/invitation_accept.html", context, status=400)
    context["form"] = form
    return render(request, "organisations/invitation_accept.html", context)


def _account_exists(email: str) -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__iexact=email).exists()
