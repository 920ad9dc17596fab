"""Acting on the follow-up rules (see conversations.followups): one live request per
organisation, and closing requests that had no reply after the one follow-up."""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from careerscout.conversations.followups import state_of
from careerscout.conversations.models import Conversation


def live_request_at_same_organization(contact, today: date) -> Conversation | None:
    """Another unanswered request at this person's organisation, younger than 3 business days.

    The method asks for one live request per organisation, so a second one waits until then.
    """
    if contact.org_id is None:
        return None
    others = (
        Conversation.objects.for_user(contact.user)
        .live_requests()
        .filter(contact__org_id=contact.org_id)
        .exclude(contact=contact)
        .select_related("contact", "user")
        .order_by("-requested_at")
    )
    for other in others:
        state = state_of(other, today)
        if state is not None and not state.may_ask_next_person:
            return other
    return None


def close_unanswered_requests(now: datetime | None = None) -> int:
    """No reply 7 business days after the one follow-up: mark the request "no reply"."""
    now = now or timezone.now()
    closed = 0
    waiting = Conversation.objects.live_requests().filter(followed_up_at__isnull=False)
    for conversation in waiting.select_related("user", "contact"):
        state = state_of(conversation, conversation.user.local_date(now))
        if state is None or not state.is_no_reply(conversation.user.local_date(now)):
            continue
        with transaction.atomic():
            # Re-read under a lock: another worker may have closed it meanwhile.
            current = Conversation.objects.select_for_update().get(pk=conversation.pk)
            if current.awaiting_reply:
                current.move_to(Conversation.Status.NO_REPLY, now)
                closed += 1
    return closed
