from django.urls import path

from palabre.adoptions import views

app_name = "adoptions"

urlpatterns = [
    path("adoptions/", views.index, name="index"),
    path("adoptions/new/", views.create, name="create"),
    path("adoptions/<int:pk>/", views.detail, name="detail"),
    path("adoptions/<int:pk>/edit/", views.edit, name="edit"),
    path("adoptions/<int:pk>/delete/", views.delete, name="delete"),
    path("adoptions/<int:pk>/feedback/new/", views.feedback_new, name="feedback_new"),
    path("adoptions/feedback/<int:pk>/edit/", views.feedback_edit, name="feedback_edit"),
    path("adoptions/feedback/<int:pk>/delete/", views.feedback_delete, name="feedback_delete"),
    path("adoptions/feedback/<int:pk>/answer/", views.feedback_answer, name="feedback_answer"),
    path("adoptions/feedback/<int:pk>/revise/", views.feedback_revise, name="feedback_revise"),
    path("adoptions/practice/<int:pk>/", views.practice_outcomes, name="practice"),
    path("adoptions/dashboard/", views.dashboard, name="dashboard"),
    path(
        "adoptions/organisation/<slug:slug>/",
        views.organisation_dashboard,
        name="organisation",
    ),
    path(
        "adoptions/organisation/<slug:slug>/import/",
        views.organisation_import,
        name="organisation_import",
    ),
    path(
        "adoptions/organisation/<slug:slug>/import-template.csv",
        views.import_template,
        name="import_template",
    ),
    path("adoptions/network/", views.network_dashboard, name="network"),
    path("adoptions/indicators/", views.indicators, name="indicators"),
    path("adoptions/indicators/new/", views.indicator_new, name="indicator_new"),
    path("adoptions/indicators/<int:pk>/", views.indicator_detail, name="indicator"),
    path("adoptions/indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("adoptions/indicators/<int:pk>/delete/", views.indicator_delete, name="indicator_delete"),
    path("adoptions/indicators/<int:pk>/import/", views.indicator_import, name="indicator_import"),
    path("adoptions/measurements/<int:pk>/edit/", views.measurement_edit, name="measurement_edit"),
    path(
        "adoptions/measurements/<int:pk>/delete/",
        views.measurement_delete,
        name="measurement_delete",
    ),
    path("adoptions/export/<slug:what>.<slug:fmt>", views.export, name="export"),
]
