from django.urls import path

from . import career_views, views

app_name = "insights"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("reflect/<int:conversation_id>/", views.reflect, name="reflect"),
    path("criteria/", views.criteria, name="criteria"),
    path("criteria/suggested/", views.criteria_suggested, name="criteria_suggested"),
    path("criteria/<int:criterion_id>/", views.criterion_edit, name="criterion_edit"),
    path("skills/", views.skills, name="skills"),
    path("skills/<int:skill_id>/delete/", views.skill_delete, name="skill_delete"),
    path("careers/<int:career_id>/", career_views.career_learned, name="career_learned"),
    path("careers/<int:career_id>/decide/", career_views.career_decide, name="career_decide"),
    path("careers/<int:career_id>/gap-action/", views.gap_action, name="gap_action"),
    path("careers/<int:career_id>/ratings/", views.rating_history, name="rating_history"),
    path(
        "careers/<int:career_id>/contradictions/",
        views.contradiction_add,
        name="contradiction_add",
    ),
    path(
        "contradictions/<int:contradiction_id>/remove/",
        views.contradiction_remove,
        name="contradiction_remove",
    ),
    path("compare/", views.compare_careers, name="compare"),
    path("report/", views.report, name="report"),
    path("report.md", views.report_markdown_download, name="report_markdown"),
    path("report.pdf", views.report_pdf_download, name="report_pdf"),
    path("actions/", views.actions, name="actions"),
    path("actions/<int:item_id>/toggle/", views.action_toggle, name="action_toggle"),
]
