from django.urls import path

from palabre.themes import views

app_name = "themes"

urlpatterns = [
    path("themes/", views.index, name="index"),
    path("themes/<slug:slug>/", views.detail, name="detail"),
]
