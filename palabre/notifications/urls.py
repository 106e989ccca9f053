from django.urls import path

from palabre.notifications import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.index, name="index"),
    path("notifications/<int:pk>/open/", views.open_notification, name="open"),
    path("notifications/read/", views.mark_all_read, name="mark_all_read"),
]
