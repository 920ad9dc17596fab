"""The optional daily e-mail of what to do, sent at most once per person and day."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .items import grouped, today_items
from .models import DigestLog


def digest_is_due(user, now: datetime) -> bool:
    local = now.astimezone(user.zone)
    return user.digest_enabled and bool(user.email) and local.time() >= user.digest_time


def send_digest_if_due(user, now: datetime | None = None) -> bool:
    """Send today's digest unless it went already; True when this call sent it.

    The DigestLog row is claimed before sending: two workers racing, or a worker restarted
    after a crash, find the row and send nothing. A crash between claim and send loses that
    day's digest rather than risk sending it twice. A machine that slept through the hour
    catches up once, on waking, for today only.
    """
    now = now or timezone.now()
    if not digest_is_due(user, now):
        return False
    day = user.local_date(now)
    try:
        with transaction.atomic():
            log = DigestLog.objects.create(user=user, day=day)
    except IntegrityError:
        return False
    items = today_items(user, now)
    if items:
        body = render_to_string(
            "today/digest.txt", {"user": user, "sections": grouped(items), "day": day}
        )
        EmailMessage(
            subject=f"Career Scout: {len(items)} thing{'s' if len(items) != 1 else ''} to do today",
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        ).send()
    log.sent_at = timezone.now()
    log.item_count = len(items)
    log.save(update_fields=["sent_at", "item_count"])
    return bool(items)


def send_due_digests(now: datetime | None = None) -> int:
    users = get_user_model().objects.filter(is_active=True, digest_enabled=True).exclude(email="")
    return sum(send_digest_if_due(user, now) for user in users)
