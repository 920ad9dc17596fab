"""Inviting someone: the single-use link and the short e-mail that carries it."""

from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string

from .models import Cohort, Invitation, Role


def invite(
    inviter,
    email: str,
    role: Role | str,
    link_for: Callable[[str], str],
    cohort: Cohort | None = None,
) -> Invitation:
    """Issue the invitation and e-mail its link (built by `link_for(token)`) to the person."""
    with transaction.atomic():
        invitation, plain = Invitation.issue(inviter, email, role, cohort)
    body = render_to_string(
        "accounts/invitation_email.txt",
        {"invitation": invitation, "link": link_for(plain), "inviter": inviter},
    )
    EmailMessage(
        subject=f"{inviter} invites you to Career Scout",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[invitation.email],
        reply_to=[inviter.email] if inviter.email else None,
    ).send()
    return invitation
