from django.urls import path

from . import views

app_name = "questions"
urlpatterns = [
    path("", views.question_list, name="list"),
    path("add/", views.question_add, name="add"),
    path("<int:question_id>/", views.question_edit, name="edit"),
    path("<int:question_id>/<str:flag>/toggle/", views.question_toggle, name="toggle"),
    path("<int:question_id>/delete/", views.question_delete, name="delete"),
]
