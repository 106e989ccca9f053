from django.urls import path

from palabre.feeds import views

app_name = "feeds"

P = "feeds/p/<str:secret>/"

urlpatterns = [
    path("feeds/", views.mine, name="mine"),
    path("feeds/renew/", views.renew, name="renew"),
    # Public: what anonymous visitors may see.
    path("feeds/practices.atom", views.practices, name="practices"),
    path("feeds/themes/<slug:slug>.atom", views.theme_practices, name="theme_practices"),
    path(
        "feeds/organisations/<slug:slug>.atom",
        views.organisation_practices,
        name="organisation_practices",
    ),
    path("feeds/workshops.atom", views.workshops, name="workshops"),
    path("feeds/workshops/<int:pk>.ics", views.workshop_calendar, name="workshop_calendar"),
    # Private: the person's secret address.
    path(P + "practices.atom", views.private_practices, name="private_practices"),
    path(P + "workshops.atom", views.private_workshops, name="private_workshops"),
    path(P + "questions.atom", views.private_questions, name="private_questions"),
    path(P + "agenda.atom", views.private_agenda_feed, name="private_agenda_feed"),
    path(P + "agenda.ics", views.private_agenda, name="private_agenda"),
    path(
        P + "workshops/<int:pk>.ics",
        views.private_workshop_calendar,
        name="private_workshop_calendar",
    ),
]
