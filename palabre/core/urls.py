from django.urls import path

from palabre.core import datasaver, demo_emails, offline, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("offline/", offline.offline_page, name="offline"),
    path("data-saver/", datasaver.data_saver, name="data_saver"),
    path("emails/undelivered/", views.emails_undelivered, name="emails_undelivered"),
    path("emails/<int:pk>/retry/", views.email_retry_view, name="email_retry"),
    path("demo/emails/", demo_emails.demo_emails, name="demo_emails"),
]
