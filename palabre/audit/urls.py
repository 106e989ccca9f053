from django.urls import path

from palabre.audit import views

app_name = "audit"

urlpatterns = [
    path("audit/", views.events, name="events"),
    path("audit/export.<str:fmt>", views.export, name="export"),
]
