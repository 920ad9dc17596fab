from django.urls import path

from . import views

app_name = "outreach"
urlpatterns = [
    path("draft/<int:conversation_id>/<str:kind>/", views.draft, name="draft"),
    path("draft/person/<int:contact_id>/<str:kind>/", views.contact_draft, name="contact_draft"),
    path("check/", views.check, name="check"),
    path("templates/", views.template_list, name="templates"),
    path("templates/new/", views.template_edit, name="template_new"),
    path("templates/<int:template_id>/", views.template_edit, name="template_edit"),
    path("templates/<int:template_id>/delete/", views.template_delete, name="template_delete"),
]
