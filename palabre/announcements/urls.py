from django.urls import path

from palabre.announcements import views

app_name = "announcements"

urlpatterns = [
    path("announcements/", views.mine, name="mine"),
    path("announcements/manage/", views.manage, name="manage"),
    path("announcements/new/", views.create, name="new"),
    path("announcements/<int:pk>/edit/", views.edit, name="edit"),
    path("announcements/<int:pk>/end/", views.end, name="end"),
    path("announcements/<int:pk>/dismiss/", views.dismiss, name="dismiss"),
    path("announcements/campaigns/new/", views.campaign_create, name="campaign_new"),
    path("announcements/campaigns/<int:pk>/", views.campaign, name="campaign"),
]
