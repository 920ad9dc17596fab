from django.urls import path

from . import views

app_name = "advising"
urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("cohorts/", views.add_cohort, name="add_cohort"),
    path("students/<str:username>/", views.student, name="student"),
]
