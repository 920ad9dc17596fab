from django.urls import path

from . import views

urlpatterns = [
    path("settings/data/", views.data_page, name="data"),
    path("settings/export/", views.export_download, name="export_download"),
    path("settings/restore/", views.restore_upload, name="restore_upload"),
    path("settings/delete/", views.account_delete, name="account_delete"),
]
