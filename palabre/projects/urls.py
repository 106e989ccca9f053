"""Addresses of the projects directory, its exchanges and its map."""

from django.urls import path

from palabre.projects import views

app_name = "projects"

urlpatterns = [
    path("projects/", views.directory, name="directory"),
    path("projects/new/", views.create, name="create"),
    path("projects/map/", views.map_view, name="map"),
    path("projects/map/<str:country>/", views.map_view, name="map_country"),
    path("projects/export/", views.export, name="export"),
    path("projects/import/", views.import_view, name="import"),
    path("projects/<int:pk>/", views.detail, name="detail"),
    path("projects/<int:pk>/edit/", views.edit, name="edit"),
    path("projects/<int:pk>/team/", views.team, name="team"),
    path("projects/<int:pk>/team/<int:member_pk>/remove/", views.team_remove, name="team_remove"),
    path("projects/<int:pk>/team/accept/", views.team_accept, name="team_accept"),
    path("projects/<int:pk>/links/", views.links, name="links"),
    path("projects/<int:pk>/links/remove/", views.unlink, name="unlink"),
    path("projects/<int:pk>/exchange/", views.propose, name="propose"),
    path("projects/exchanges/<int:pk>/", views.exchange, name="exchange"),
    path(
        "projects/exchanges/<int:pk>/schedule/", views.exchange_schedule, name="exchange_schedule"
    ),
    path("projects/exchanges/<int:pk>/decline/", views.exchange_decline, name="exchange_decline"),
]
