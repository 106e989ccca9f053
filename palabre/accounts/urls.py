from django.contrib.auth import views as auth_views
from django.urls import path

from palabre.accounts import security_views, views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout, name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("language/", views.set_language, name="set_language"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("people/<int:pk>/", views.profile, name="profile"),
    path("people/<int:pk>/network-role/", views.network_role, name="network_role"),
    path("tokens/", views.tokens, name="tokens"),
    path("login/code/", security_views.login_code, name="login_code"),
    path("security/", security_views.security, name="security"),
    path("security/confirm/", security_views.reauthenticate, name="reauthenticate"),
    path("security/two-step/", security_views.mfa_setup, name="mfa_setup"),
    path("security/two-step/codes/", security_views.mfa_codes, name="mfa_codes"),
    path(
        "security/two-step/codes/new/",
        security_views.mfa_codes_regenerate,
        name="mfa_codes_regenerate",
    ),
    path("security/two-step/off/", security_views.mfa_disable, name="mfa_disable"),
    path(
        "security/sessions/<int:pk>/sign-out/",
        security_views.session_sign_out,
        name="session_sign_out",
    ),
    path(
        "security/sessions/sign-out-others/",
        security_views.sessions_sign_out_others,
        name="sessions_sign_out_others",
    ),
]
