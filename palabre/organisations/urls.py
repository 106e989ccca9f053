from django.urls import path

from palabre.organisations import views

app_name = "organisations"

urlpatterns = [
    path("organisations/", views.directory, name="directory"),
    path("organisations/new/", views.create, name="create"),
    path("organisations/<slug:slug>/", views.detail, name="detail"),
    path("organisations/<slug:slug>/edit/", views.edit, name="edit"),
    path("organisations/<slug:slug>/members/", views.members, name="members"),
    path("organisations/<slug:slug>/members/<int:pk>/role/", views.member_role, name="member_role"),
    path(
        "organisations/<slug:slug>/members/<int:pk>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path("organisations/<slug:slug>/invite/", views.invite, name="invite"),
    path(
        "organisations/<slug:slug>/invitations/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("organisations/<slug:slug>/history/", views.audit_log, name="audit"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
