from django.urls import path

from . import views

app_name = "conversations"
urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("<int:conversation_id>/", views.conversation_detail, name="detail"),
    path("<int:conversation_id>/move/", views.conversation_move, name="move"),
    path("<int:conversation_id>/reply/", views.conversation_reply, name="reply"),
    path("plan/<int:contact_id>/", views.conversation_plan, name="plan"),
    path("<int:conversation_id>/schedule/", views.conversation_schedule, name="schedule"),
    path(
        "<int:conversation_id>/invitation.ics",
        views.conversation_invitation,
        name="invitation",
    ),
]
