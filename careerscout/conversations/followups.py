"""The advisers' follow-up method in business days.

One live request per organisation at a time. No reply after 3 business days: ask the next
person at that organisation. After 7 business days: one polite follow-up to the first person.
Never more than one follow-up; no reply after it (7 more business days) means "no reply".
A thank-you within a day of the conversation.

Pages say these rules through `rule_words()`, read when they render, so changing a rule
changes what they say.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from careerscout.lib.business_days import Calendar
from careerscout.lib.dates import how_long, how_many

from .models import Conversation

NEXT_PERSON_AFTER = 3
FOLLOW_UP_AFTER = 7
GIVE_UP_AFTER_FOLLOW_UP = 7
# The method's window for a thank-you note after the conversation.
THANK_YOU_WITHIN = timedelta(hours=24)


def rule_words() -> dict[str, str]:
    """The rules above as pages and messages say them: "within a day", "three business days"."""
    return {
        "thank_you_within": how_long(THANK_YOU_WITHIN),
        "next_person_after": how_many(NEXT_PERSON_AFTER, "business day"),
        "follow_up_after": how_many(FOLLOW_UP_AFTER, "business day"),
    }


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
