from django.urls import path

from palabre.discussions import views

app_name = "discussions"

urlpatterns = [
    path("discussions/", views.index, name="index"),
    path("discussions/new/", views.new, name="new"),
    path("discussions/unanswered/", views.unanswered, name="unanswered"),
    path("discussions/following/", views.following, name="following"),
    path("discussions/themes/<slug:slug>/", views.theme_space, name="theme"),
    path("discussions/themes/<slug:slug>/new/", views.new_in_theme, name="new_in_theme"),
    path("discussions/practices/<int:pk>/", views.practice_space, name="practice"),
    path("discussions/practices/<int:pk>/ask/", views.new_on_practice, name="new_on_practice"),
    path("discussions/workshops/<int:pk>/", views.workshop_space, name="workshop"),
    path("discussions/workshops/<int:pk>/new/", views.new_in_workshop, name="new_in_workshop"),
    path("discussions/threads/<int:pk>/", views.thread, name="thread"),
    path("discussions/threads/<int:pk>/answer/", views.answer, name="answer"),
    path("discussions/threads/<int:pk>/edit/", views.thread_edit, name="thread_edit"),
    path("discussions/threads/<int:pk>/unaccept/", views.unaccept, name="unaccept"),
    path("discussions/answers/<int:pk>/edit/", views.answer_edit, name="answer_edit"),
    path("discussions/answers/<int:pk>/accept/", views.accept, name="accept"),
    path("discussions/answers/<int:pk>/useful/", views.useful, name="useful"),
    path("discussions/<str:kind>/<int:pk>/hide/", views.hide, name="hide"),
    path("discussions/<str:kind>/<int:pk>/unhide/", views.unhide, name="unhide"),
    path("discussions/follow/<str:kind>/<int:pk>/", views.follow, name="follow"),
]
