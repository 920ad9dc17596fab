"""Answers for requests refused before any view runs: a body over the size limit."""

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.defaults import bad_request

from careerscout.lib.request_limits import body_limit_text, too_big_detail


def wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "json" in request.content_type


def handle_bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's 400, except that a body over the limit gets a 413 saying so (JSON for JSON)."""
    if not isinstance(exception, RequestDataTooBig):
        return bad_request(request, exception)
    if wants_json(request):
        return JsonResponse({"detail": too_big_detail()}, status=413)
    context = {"limit": body_limit_text()}
    return render(request, "request_too_big.html", context, status=413)
