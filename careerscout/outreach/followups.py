"""The advisers' follow-up method in business days.

One live request per organisation at a time. No reply after 3 business days: ask the next
person at that organisation. After 7 business days: one polite follow-up to the first person.
Never more than one follow-up; no reply after it (7 more business days) means "no reply".
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from careerscout.conversations.models import Conversation
from careerscout.lib.business_days import Calendar

NEXT_PERSON_AFTER = 3
FOLLOW_UP_AFTER = 7
GIVE_UP_AFTER_FOLLOW_UP = 7


@dataclass(frozen=True)
class RequestState:
    """Where one unanswered request stands on a given day."""

    waited: int  # business days since the request
    next_person_from: date
    follow_up_due: date
    follow_up_sent: bool
    no_reply_from: date | None  # set once the one follow-up has gone out

    @property
    def may_ask_next_person(self) -> bool:
        return self.waited >= NEXT_PERSON_AFTER

    def follow_up_is_due(self, today: date) -> bool:
        return not self.follow_up_sent and today >= self.follow_up_due

    def is_no_reply(self, today: date) -> bool:
        return self.no_reply_from is not None and today >= self.no_reply_from


def request_state(
    requested_on: date, followed_up_on: date | None, today: date, calendar: Calendar
) -> RequestState:
    no_reply_from = None
    if followed_up_on is not None:
        no_reply_from = calendar.add_business_days(followed_up_on, GIVE_UP_AFTER_FOLLOW_UP)
    return RequestState(
        waited=calendar.business_days_between(requested_on, today),
        next_person_from=calendar.add_business_days(requested_on, NEXT_PERSON_AFTER),
        follow_up_due=calendar.add_business_days(requested_on, FOLLOW_UP_AFTER),
        follow_up_sent=followed_up_on is not None,
        no_reply_from=no_reply_from,
    )


def state_of(conversation: Conversation, today: date) -> RequestState | None:
    """The follow-up state of a live request, in its owner's calendar and time zone."""
    if not conversation.awaiting_reply or conversation.requested_at is None:
        return None
    user = conversation.user
    followed_up = conversation.followed_up_at
    return request_state(
        user.local_date(conversation.requested_at),
        user.local_date(followed_up) if followed_up else None,
        today,
        user.calendar(),
    )


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
