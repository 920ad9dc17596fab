from django.urls import path

from . import views

app_name = "careers"
urlpatterns = [
    path("", views.career_list, name="list"),
    path("new/", views.career_create, name="create"),
    path("<int:career_id>/", views.career_detail, name="detail"),
    path("<int:career_id>/edit/", views.career_edit, name="edit"),
    path("<int:career_id>/delete/", views.career_delete, name="delete"),
    path("<int:career_id>/who-to-ask/", views.who_to_ask, name="who_to_ask"),
    path("<int:career_id>/occupations/", views.career_occupations, name="occupations"),
    path("explore-occupation/", views.explore_occupation_view, name="explore_occupation"),
    path("<int:career_id>/targets/", views.target_add, name="target_add"),
    path("<int:career_id>/targets/<int:target_id>/", views.target_update, name="target_update"),
    path(
        "<int:career_id>/targets/<int:target_id>/remove/",
        views.target_remove,
        name="target_remove",
    ),
]
