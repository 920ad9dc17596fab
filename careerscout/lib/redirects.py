from django.utils.http import url_has_allowed_host_and_scheme


def next_url(request, default: str) -> str:
    """The ``next`` the form asked for, if it stays on this site; otherwise ``default``."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else default
