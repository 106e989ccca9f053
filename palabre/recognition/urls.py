"""Recognition's pages: thanks, contributor pages, featured items, the directory, attestations."""

from django.urls import path

from palabre.recognition import views

app_name = "recognition"

urlpatterns = [
    path("who-can-help/", views.directory, name="directory"),
    path("attestations/<int:pk>/", views.attestation, name="attestation"),
    path("attestations/verify/<str:code>/", views.verify, name="verify"),
]
