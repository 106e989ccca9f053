"""Addresses of exchange meetings."""

from django.urls import path

from palabre.meetings import views

app_name = "meetings"

M = "meetings/"
D = M + "dates/<int:pk>/"

urlpatterns = [
    path(M, views.index, name="index"),
    path(M + "new/", views.create, name="create"),
    path(M + "<int:pk>/", views.detail, name="detail"),
    path(M + "<int:pk>/next/", views.plan_next, name="plan_next"),
    path(D, views.occurrence, name="occurrence"),
    path(D + "come/", views.come, name="come"),
    path(D + "propose/", views.propose, name="propose"),
    path(D + "agenda/", views.agenda, name="agenda"),
    path(D + "invite/", views.invite, name="invite"),
    path(D + "minutes/", views.minutes, name="minutes"),
    path(D + "convert/", views.convert, name="convert"),
    path(M + "proposals/<int:pk>/decide/", views.decide, name="decide"),
    path(M + "proposals/<int:pk>/move/", views.move, name="move"),
    path(M + "invitations/<int:pk>/", views.invitation, name="invitation"),
]
