from django.urls import path

from palabre.privacy import views

app_name = "privacy"

urlpatterns = [
    path("my-data/", views.index, name="index"),
    path("my-data/archive/", views.export_request, name="export"),
    path("my-data/archive/<int:pk>/download/", views.export_download, name="download"),
    path("my-data/erase/", views.erasure_request, name="erase"),
    path("my-data/erase/<int:pk>/withdraw/", views.erasure_withdraw, name="withdraw"),
    path("privacy/requests/", views.requests, name="requests"),
    path("privacy/requests/<int:pk>/", views.request_detail, name="request"),
    path("privacy/requests/<int:pk>/erase/", views.request_carry_out, name="carry_out"),
    path("privacy/requests/<int:pk>/refuse/", views.request_refuse, name="refuse"),
]
