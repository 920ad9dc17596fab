from django.urls import path

from . import live_views, views

app_name = "conversations"
urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("<int:conversation_id>/", views.conversation_detail, name="detail"),
    path("<int:conversation_id>/move/", views.conversation_move, name="move"),
    path("<int:conversation_id>/reply/", views.conversation_reply, name="reply"),
    path("plan/<int:contact_id>/", views.conversation_plan, name="plan"),
    path("<int:conversation_id>/schedule/", views.conversation_schedule, name="schedule"),
    path("<int:conversation_id>/prep/", live_views.prep, name="prep"),
    path("<int:conversation_id>/plan/", live_views.plan_change, name="plan_change"),
    path(
        "<int:conversation_id>/introduction/",
        live_views.save_introduction,
        name="introduction",
    ),
    path("<int:conversation_id>/live/", live_views.live, name="live"),
    path("<int:conversation_id>/notes/", live_views.notes_save, name="notes_save"),
    path("<int:conversation_id>/notes/preview/", live_views.notes_preview, name="notes_preview"),
    path("<int:conversation_id>/end/", live_views.end, name="end"),
    path("<int:conversation_id>/items/sync/", live_views.resync, name="resync"),
    path(
        "<int:conversation_id>/invitation.ics",
        views.conversation_invitation,
        name="invitation",
    ),
]
