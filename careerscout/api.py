"""The JSON API: one NinjaAPI that mounts each app's router (see <app>/api.py)."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.security import HttpBearer, django_auth

from careerscout.accounts.models import ApiToken


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = ApiToken.user_for(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Career Scout API",
    version="1",
    auth=[BearerToken(), django_auth],
    urls_namespace="api",
)

from careerscout.people.api import router as people_router  # noqa: E402

api.add_router("/contacts", people_router)


def api_urlpatterns():
    """The API answers 401 itself, so the site-wide login redirect must not apply."""
    patterns, _app_name, _namespace = api.urls
    for pattern in patterns:
        pattern.callback = login_not_required(pattern.callback)
    return patterns
