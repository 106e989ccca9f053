"""Logging in and out, passwords, profiles, language and network roles."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palabre.accounts import mfa, throttle
from palabre.accounts.forms import LoginForm, NetworkRoleForm, ProfileForm, QueuedPasswordResetForm
from palabre.accounts.models import ApiToken, UserSession
from palabre.accounts.reauth import reauthentication_required
from palabre.accounts.security_views import login_code_start
from palabre.accounts.services import (
    API_TOKEN_LIFETIMES,
    api_token_create,
    api_token_revoke,
    user_set_network_role,
)
from palabre.accounts.sessions import session_end, session_record
from palabre.core.offline import forget_this_device
from palabre.lib.errors import ServiceError
from palabre.lib.views import BadRequestOnInvalidForm, form_add_service_error
from palabre.permissions import organisations as org_rules

# Logging out forgets what the site kept on this device (shared phones): palabre/core/offline.py.
logout = forget_this_device(auth_views.LogoutView.as_view())


class LoginView(BadRequestOnInvalidForm, auth_views.LoginView):
    """The password first; for people who use two-step login, then the code
    (``security_views.login_code``)."""

    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if throttle.address_blocked(request, request.POST.get("username", "")):
            return render(request, "accounts/address_throttled.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.get_user()
        if mfa.has_mfa(user):
            login_code_start(self.request, user, next_url=self.get_success_url())
            return redirect("accounts:login_code")
        response = super().form_valid(form)
        throttle.remember_browser(self.request, response, user)
        return response


def locked_out(request, original_response=None, credentials=None):
    """Too many failed attempts for this account from this address (django-axes)."""
    return render(request, "accounts/locked_out.html", status=429)


class PasswordChangeView(BadRequestOnInvalidForm, auth_views.PasswordChangeView):
    """A new password signs every other browser out (Django's session proof changes);
    this one stays in."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        others = UserSession.objects.filter(user=self.request.user).exclude(
            session_key=self.request.session.session_key
        )
        for record in others:
            session_end(record)
        session_record(self.request, self.request.user)
        return response


class PasswordResetView(BadRequestOnInvalidForm, auth_views.PasswordResetView):
    form_class = QueuedPasswordResetForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(BadRequestOnInvalidForm, auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def dispatch(self, *args, **kwargs):
        response = super().dispatch(*args, **kwargs)
        if not self.validlink and response.status_code == 200:
            response.status_code = 410  # used or expired link: gone
        return response


@login_required
def profile(request, pk: int):
    person = org_rules.person_for(request.user, pk)
    memberships = person.memberships.select_related("organisation")
    role_form = None
    if org_rules.can_set_network_role(request.user):
        role_form = NetworkRoleForm(initial={"network_role": person.network_role})
    return render(
        request,
        "accounts/profile.html",
        {"person": person, "memberships": memberships, "role_form": role_form},
    )


@login_required
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Your profile has been saved."))
            response = redirect("accounts:profile", pk=request.user.pk)
            response.set_cookie("palabre_language", request.user.language, max_age=31536000)
            return response
        return render(request, "accounts/profile_edit.html", {"form": form}, status=400)
    return render(request, "accounts/profile_edit.html", {"form": form})


@require_POST
@login_required
@reauthentication_required
def network_role(request, pk: int):
    if not org_rules.can_set_network_role(request.user):
        raise Http404
    person = org_rules.person_for(request.user, pk, active_only=False)
    form = NetworkRoleForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            user_set_network_role(
                user=person, role=form.cleaned_data["network_role"], by=request.user
            )
        except ServiceError as error:
            form_add_service_error(form, error)
            status = error.status
        else:
            messages.success(request, _("Network role updated."))
            return redirect(person)
    return render(
        request,
        "accounts/profile.html",
        {
            "person": person,
            "memberships": person.memberships.select_related("organisation"),
            "role_form": form,
        },
        status=status,
    )


@require_POST
def set_language(request):
    """Switch the interface language; for a logged-in person, remember it on their account."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    if not check_for_language(language):
        return render(
            request,
            "core/problem.html",
            {"message": _("This language is not available.")},
            status=400,
        )
    if request.user.is_authenticated and request.user.language != language:
        request.user.language = language
        request.user.save(update_fields=["language"])
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        "palabre_language", language, max_age=31536000, samesite="Lax", secure=request.is_secure()
    )
    return response


DEFAULT_TOKEN_LIFETIME = "90"  # noqa: S105 - days, not a secret


@reauthentication_required
def tokens(request):
    """Personal API tokens: create (shown once, with a chosen lifetime) and revoke."""

    secret = None
    error = None
    status = 200
    if request.method == "POST":
        if "revoke" in request.POST:
            token = get_object_or_404(ApiToken, pk=request.POST.get("revoke"), user=request.user)
            api_token_revoke(token=token, by=request.user)
            messages.success(request, _("Token revoked: it no longer works."))
            return redirect("accounts:tokens")
        lifetime = request.POST.get("lifetime") or DEFAULT_TOKEN_LIFETIME
        choices = {str(days or "never"): days for days in API_TOKEN_LIFETIMES}
        if lifetime not in choices:
            error, status = _("Choose how long the token stays valid."), 400
        else:
            try:
                _token, secret = api_token_create(
                    user=request.user,
                    name=request.POST.get("name", ""),
                    expires_in_days=choices[lifetime],
                )
            except ServiceError as exc:
                error, status = exc.message, exc.status
    return render(
        request,
        "accounts/tokens.html",
        {
            "tokens": ApiToken.objects.filter(user=request.user),
            "secret": secret,
            "error": error,
            "lifetimes": [str(days or "never") for days in API_TOKEN_LIFETIMES],
            "chosen_lifetime": request.POST.get("lifetime") or DEFAULT_TOKEN_LIFETIME,
            "name": request.POST.get("name", "") if error else "",
        },
        status=status,
    )
