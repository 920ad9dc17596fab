"""Pausing password guessing, with django-axes: per (username, address), and per address.

Five failures for one username from one address pause that pair, so someone guessing
`alice` elsewhere never locks the real Alice out. An address gets a much larger budget
across all usernames (a career centre's network puts many people behind one address).
Both pauses last AXES_COOLOFF_TIME after the last failure. See docs/security.md.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_address(request: HttpRequest) -> str | None:
    """The address the request came from, trusting only the proxies the settings name.

    Each proxy appends the address it was reached from to X-Forwarded-For, so behind N
    trusted proxies the client is the N-th entry from the right; anything further left
    was written by the client and proves nothing.
    """
    proxies = settings.CAREERSCOUT_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


class LoginAttempts(AxesDatabaseHandler):
    """Axes' database handler, with the per-address budget on top of its pairs."""

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return failures
        recent = AccessAttempt.objects.filter(
            ip_address=address, attempt_time__gte=get_cool_off_threshold(request)
        )
        from_address = recent.aggregate(total=Sum("failures_since_start"))["total"] or 0
        if from_address >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The login page again, saying why nothing happened (also for the admin's login)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"form": AuthenticationForm(request), "locked_out_minutes": minutes}
    return render(request, "accounts/login.html", context, status=429)
