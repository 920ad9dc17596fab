from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:batch_id>/", views.batch_detail, name="batch"),
    path("<int:batch_id>/columns/", views.mapping, name="mapping"),
    path("<int:batch_id>/progress/", views.progress, name="progress"),
    path("<int:batch_id>/rows/", views.leave_out, name="leave_out"),
    path("<int:batch_id>/commit/", views.commit, name="commit"),
    path("<int:batch_id>/cancel/", views.cancel, name="cancel"),
]
