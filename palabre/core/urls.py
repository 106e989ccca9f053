from django.urls import path

from palabre.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("emails/undelivered/", views.emails_undelivered, name="emails_undelivered"),
    path("emails/<int:pk>/retry/", views.email_retry_view, name="email_retry"),
]
