from django.contrib import admin
from django.urls import include, path

from careerscout import design
from careerscout.advising import views as advising_views
from careerscout.api import api_urlpatterns
from careerscout.occupations import views as occupations_views
from careerscout.outreach import views as outreach_views
from careerscout.today import views as today_views

urlpatterns = [
    path("", today_views.home, name="home"),
    path("", include("careerscout.accounts.urls")),
    path("settings/sharing/", advising_views.sharing_settings, name="sharing"),
    path("", include("careerscout.portability.urls")),
    path("people/import/", include("careerscout.imports.urls")),
    path("people/", include("careerscout.people.urls")),
    path("careers/", include("careerscout.careers.urls")),
    path("conversations/", include("careerscout.conversations.urls")),
    path("outreach/", include("careerscout.outreach.urls")),
    path("", include("careerscout.questions.urls")),
    path("insights/", include("careerscout.insights.urls")),
    path("advising/", include("careerscout.advising.urls")),
    path("directory/", include("careerscout.directory.urls")),
    path("about/", occupations_views.about, name="about"),
    path("calendar/<str:token>.ics", outreach_views.calendar_feed, name="calendar_feed"),
    path("api/", include((api_urlpatterns(), "api"), namespace="api")),
    path("design/", design.design, name="design"),
    path("admin/", admin.site.urls),
]

handler400 = "careerscout.errors.handle_bad_request"
