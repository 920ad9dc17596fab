from django.urls import path

from . import live_views, prep_views, views

app_name = "questions"
urlpatterns = [
    # The question bank
    path("questions/", views.question_list, name="list"),
    path("questions/add/", views.question_add, name="add"),
    path("questions/<slug:key>/", views.question_edit, name="edit"),
    path("questions/<slug:key>/<str:flag>/toggle/", views.question_toggle, name="toggle"),
    path("questions/<slug:key>/delete/", views.question_delete, name="delete"),
    # One conversation's plan: the prep brief before it, live notes during it
    path("conversations/<int:conversation_id>/prep/", prep_views.prep, name="prep"),
    path("conversations/<int:conversation_id>/plan/", prep_views.plan_change, name="plan_change"),
    path(
        "conversations/<int:conversation_id>/introduction/",
        prep_views.save_introduction,
        name="introduction",
    ),
    path("conversations/<int:conversation_id>/live/", live_views.live, name="live"),
    path("conversations/<int:conversation_id>/notes/", live_views.notes_save, name="notes_save"),
    path(
        "conversations/<int:conversation_id>/notes/preview/",
        live_views.notes_preview,
        name="notes_preview",
    ),
    path("conversations/<int:conversation_id>/end/", live_views.end, name="end"),
    path("conversations/<int:conversation_id>/items/sync/", live_views.resync, name="resync"),
]
