from django.urls import path

from palabre.practices import pack, variants, views

app_name = "practices"

urlpatterns = [
    path("practices/", views.index, name="index"),
    path("search/", views.search_page, name="search"),
    path("practices/export.<str:fmt>", views.export, name="export"),
    path("practices/new/", views.create, name="create"),
    path("practices/mine/", views.mine, name="mine"),
    path("practices/review/", views.review_queue, name="review_queue"),
    path("practices/<int:pk>/", views.detail, name="detail"),
    path("practices/<int:pk>/edit/<slug:section>/", views.edit, name="edit"),
    path("practices/<int:pk>/submit/", views.submit, name="submit"),
    path("practices/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("practices/<int:pk>/publish/", views.publish, name="publish"),
    path("practices/<int:pk>/request-changes/", views.request_changes, name="request_changes"),
    path("practices/<int:pk>/new-version/", views.new_version, name="new_version"),
    path("practices/<int:pk>/translate/", views.translate, name="translate"),
    path("practices/<int:pk>/archive/", views.archive, name="archive"),
    path("practices/<int:pk>/unarchive/", views.unarchive, name="unarchive"),
    path("practices/<int:pk>/revalidate/", views.revalidate, name="revalidate"),
    path("practices/<int:pk>/save/", views.toggle_saved, name="toggle_saved"),
    path("practices/<int:pk>/similar/", views.similar, name="similar"),
    path("practices/<int:pk>/history/", views.history, name="history"),
    path("practices/<int:pk>/diff/", views.diff, name="diff"),
    path("practices/<int:pk>/pdf/", views.pdf, name="pdf"),
    path("practices/<int:pk>/files/", views.attachments, name="attachments"),
    path("practices/<int:pk>/files/<int:attachment_pk>/", views.attachment, name="attachment"),
    path(
        "practices/<int:pk>/files/<int:attachment_pk>/preview/",
        views.attachment_preview,
        name="attachment_preview",
    ),
    path(
        "practices/<int:pk>/files/<int:attachment_pk>/preview/<int:width>.webp",
        variants.attachment_variant,
        name="attachment_variant",
    ),
    path("themes/<slug:slug>/offline.zip", pack.theme_pack, name="theme_pack"),
    path(
        "practices/<int:pk>/files/<int:attachment_pk>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
]
