from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("profile/", views.profile_edit, name="profile"),
    path("<int:profile_id>/ask/", views.ask, name="ask"),
    path("requests/<int:request_id>/", views.request_detail, name="request"),
    path("requests/<int:request_id>/withdraw/", views.request_withdraw, name="withdraw"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:request_id>/<str:action>/", views.inbox_answer, name="inbox_answer"),
    path("answer/<str:token>/", views.answer_link, name="answer"),
    path("careers/<int:career_id>/volunteers/", views.for_career, name="for_career"),
]
