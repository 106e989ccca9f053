from django.urls import path

from palabre.resources import views

app_name = "resources"

urlpatterns = [
    path("resources/", views.library, name="library"),
    path("resources/new/", views.create, name="create"),
    path("resources/import/", views.import_view, name="import"),
    path("resources/export/", views.export, name="export"),
    path("resources/<int:pk>/", views.detail, name="detail"),
    path("resources/<int:pk>/edit/", views.edit, name="edit"),
    path("resources/<int:pk>/versions/new/", views.version_add, name="version_add"),
    path("resources/<int:pk>/files/<int:version_pk>/", views.download, name="download"),
    path("resources/<int:pk>/files/<int:version_pk>/preview/", views.preview, name="preview"),
    path("resources/<int:pk>/feature/", views.feature, name="feature"),
    path("resources/<int:pk>/archive/", views.archive, name="archive"),
    path("resources/links/practice/add/", views.practice_link, name="practice_link"),
    path("resources/links/practice/remove/", views.practice_unlink, name="practice_unlink"),
    path("resources/links/workshop/add/", views.workshop_link, name="workshop_link"),
    path("resources/links/workshop/remove/", views.workshop_unlink, name="workshop_unlink"),
]
