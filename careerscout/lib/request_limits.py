"""The largest request body Career Scout reads, in words a person can act on."""

from django.conf import settings


def body_limit_text() -> str:
    return f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1024 / 1024:.1f} MB"


def too_big_detail() -> str:
    return (
        f"The request is larger than {body_limit_text()}, the most Career Scout accepts in "
        "one request; nothing was saved."
    )
