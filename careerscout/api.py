"""The JSON API: one NinjaAPI that mounts each app's router (see <app>/api.py).

Every error answers `{"detail": "…"}` (a contract other tools rely on); validation errors
also list each problem as `{"field", "message"}` so clients can show it next to the input.
"""

import functools
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth

from careerscout.accounts.models import ApiToken
from careerscout.lib.api_schemas import ErrorOut, ValidationErrorOut
from careerscout.lib.request_limits import too_big_detail


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = ApiToken.user_for(token)
        if user is not None:
            request.user = user
        return user


class SignedInSession(SessionAuth):
    """The site's own session, for the app's pages.

    CSRF is checked only when someone is signed in: otherwise a script with a mistyped token
    would be told its CSRF check failed instead of getting a 401.
    """

    def __call__(self, request: HttpRequest):
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


class CareerScoutApi(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Every operation may answer 400 (a body that is not JSON), 401 and 422 (a path or
        query that does not parse):
        say so in each, in the shapes the handlers below give."""
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (ErrorOut, ValidationErrorOut):
            for name, definition in (
                model.model_json_schema(ref_template="#/components/schemas/{model}")
                .get("$defs", {})
                .items()
            ):
                components.setdefault(name, definition)
            definition = model.model_json_schema(ref_template="#/components/schemas/{model}")
            definition.pop("$defs", None)
            components.setdefault(model.__name__, definition)
        shared = {
            "400": ("A body that is not JSON", "ErrorOut"),
            "401": ("Not signed in", "ErrorOut"),
            "422": ("Invalid input", "ValidationErrorOut"),
        }
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                # Handlers declare statuses as numbers; JSON keys are strings. Mixed, a 422 of
                # both kinds becomes a duplicated key that Swagger UI refuses to render.
                responses = {
                    str(status): answer for status, answer in operation.get("responses", {}).items()
                }
                operation["responses"] = responses
                for status, (description, name) in shared.items():
                    responses.setdefault(
                        status,
                        {
                            "description": description,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": f"#/components/schemas/{name}"}
                                }
                            },
                        },
                    )
        return schema


api = CareerScoutApi(
    title="Career Scout API",
    version="1",
    description=(
        "Send `Authorization: Bearer <token>` with a token from Settings. "
        'Errors answer `{"detail": "…"}`.'
    ),
    auth=[BearerToken(), SignedInSession()],
    urls_namespace="api",
)


def error_field(loc: tuple[Any, ...] | list[Any]) -> str:
    """The field a client sent, without ninja's source and parameter names.

    Body errors arrive as ("body", "payload", "emails", 0); query, path and header errors as
    ("query", "page"). A missing body has nothing after the parameter name.
    """
    source, *rest = loc
    if source == "body":
        rest = rest[1:] if len(rest) > 1 else []
    return ".".join(str(part) for part in rest) or str(source)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {
            "field": error_field(error.get("loc", ("body",))),
            # Pydantic prefixes messages of plain ValueErrors; the field name says enough.
            "message": error.get("msg", "").removeprefix("Value error, "),
        }
        for error in exc.errors
    ]
    detail = "; ".join(f"{error['field']}: {error['message'].rstrip('.')}" for error in errors)
    return api.create_response(
        request, {"detail": detail or "Invalid input.", "errors": errors}, status=422
    )


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = api.create_response(
        request,
        {"detail": "Authentication required: send Authorization: Bearer <token>, or sign in."},
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    body: dict[str, Any] = {"detail": exc.message}
    if exc.status_code == 422:
        # "career_ids: no career with id 5." names its field as validation errors do.
        field, colon, message = exc.message.partition(": ")
        body["errors"] = [
            {"field": field, "message": message}
            if colon
            else {"field": "body", "message": exc.message}
        ]
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(RequestDataTooBig)
def request_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return api.create_response(request, {"detail": too_big_detail()}, status=413)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    # Messages name the kind of object at most (get_object_or_404's do too), never its owner.
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


from careerscout.advising.api import advising_router, sharing_router  # noqa: E402
from careerscout.careers.api import router as careers_router  # noqa: E402
from careerscout.conversations.api import router as conversations_router  # noqa: E402
from careerscout.directory.api import router as directory_router  # noqa: E402
from careerscout.insights.api import router as notes_router  # noqa: E402
from careerscout.occupations.api import router as occupations_router  # noqa: E402
from careerscout.outreach.api import drafts_router  # noqa: E402
from careerscout.outreach.api import router as outreach_router  # noqa: E402
from careerscout.people.api import router as people_router  # noqa: E402
from careerscout.portability.api import router as export_router  # noqa: E402
from careerscout.questions.api import router as plans_router  # noqa: E402

api.add_router("/contacts", people_router)
api.add_router("/careers", careers_router)
api.add_router("/conversations", conversations_router)
api.add_router("/conversations", plans_router)
api.add_router("/conversations", drafts_router)
api.add_router("/outreach", outreach_router)
api.add_router("/notes", notes_router)
api.add_router("/export", export_router)
api.add_router("/occupations", occupations_router)
api.add_router("/sharing", sharing_router)
api.add_router("/advising", advising_router)
api.add_router("/directory", directory_router)


def with_json_405(view):
    """ninja answers a method an address does not take in plain text; say it as JSON."""

    @functools.wraps(view)
    def answer(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and "json" not in response.get("Content-Type", ""):
            allowed = response.get("Allow", "")
            response = JsonResponse(
                {"detail": f"This address does not take {request.method} requests."}, status=405
            )
            if allowed:
                response["Allow"] = allowed
        return response

    return answer


def api_urlpatterns():
    """The API answers 401 itself, so the site-wide login redirect must not apply."""
    patterns, _app_name, _namespace = api.urls
    for pattern in patterns:
        pattern.callback = login_not_required(with_json_405(pattern.callback))
    return patterns
