from django.urls import path

from palabre.newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("newsletter/", views.archive, name="archive"),
    path("newsletter/new/", views.create, name="create"),
    path("newsletter/choice/", views.choice, name="choice"),
    path("newsletter/<int:pk>/", views.issue, name="issue"),
    path("newsletter/<int:pk>/edit/", views.edit, name="edit"),
    path("newsletter/<int:pk>/preview/", views.preview, name="preview"),
    path("newsletter/<int:pk>/send/", views.send, name="send"),
    path("newsletter/stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
