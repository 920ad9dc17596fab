"""Turn an EMAIL_URL such as ``smtp://user:pass@host:587?tls=1`` into a MAILERS entry."""

from urllib.parse import parse_qs, unquote, urlsplit

BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}
TRUE_WORDS = {"1", "true", "yes", "on"}


def mailer_from_url(url: str) -> dict:
    parts = urlsplit(url)
    if parts.scheme not in BACKENDS:
        raise ValueError(f"EMAIL_URL scheme must be one of {', '.join(BACKENDS)}: got {url!r}")
    mailer: dict = {"BACKEND": BACKENDS[parts.scheme]}
    if parts.scheme not in {"smtp", "smtps"}:
        return mailer
    query = {key: values[-1].lower() for key, values in parse_qs(parts.query).items()}
    options = {
        "host": parts.hostname or "localhost",
        "port": parts.port or (465 if parts.scheme == "smtps" else 25),
        "username": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_tls": query.get("tls") in TRUE_WORDS,
        "use_ssl": parts.scheme == "smtps" or query.get("ssl") in TRUE_WORDS,
        "timeout": 20,
    }
    mailer["OPTIONS"] = options
    return mailer
