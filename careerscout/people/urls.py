from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.contact_list, name="list"),
    path("new/", views.contact_create, name="create"),
    path("new/check/", views.contact_check, name="check"),
    path("<int:contact_id>/", views.contact_detail, name="detail"),
    path("<int:contact_id>/edit/", views.contact_edit, name="edit"),
    path("<int:contact_id>/delete/", views.contact_delete, name="delete"),
    path("duplicates/", views.duplicate_list, name="duplicates"),
    path("duplicates/merge/", views.duplicate_merge, name="duplicate_merge"),
    path("duplicates/dismiss/", views.duplicate_dismiss, name="duplicate_dismiss"),
    path("merges/<int:merge_id>/undo/", views.merge_undo, name="merge_undo"),
    path("organizations/", views.organization_list, name="organizations"),
    path("organizations/<int:organization_id>/", views.organization_detail, name="organization"),
    path(
        "organizations/<int:organization_id>/kind/",
        views.organization_kind,
        name="organization_kind",
    ),
    path(
        "organizations/<int:organization_id>/merge/",
        views.organization_merge,
        name="organization_merge",
    ),
    path(
        "organizations/<int:organization_id>/split/",
        views.organization_split,
        name="organization_split",
    ),
]
