"""The private calendar feed: upcoming conversations and what is due, for calendar apps."""

from datetime import timedelta

from django.utils import timezone

from careerscout.conversations import followups
from careerscout.conversations.models import Conversation
from careerscout.insights.models import Item
from careerscout.lib.calendar_invites import FeedEvent, feed_ics

PAST_DAYS = 14


def follow_ups_due(user):
    """(conversation, the day its one follow-up is due) for unanswered requests."""
    today = user.local_date()
    waiting = Conversation.objects.for_user(user).live_requests().filter(followed_up_at=None)
    for conversation in waiting.select_related("contact", "user"):
        state = followups.state_of(conversation, today)
        if state is not None:
            yield conversation, state.follow_up_due


def feed_events(user) -> list[FeedEvent]:
    now = timezone.now()
    events = []
    scheduled = (
        Conversation.objects.for_user(user)
        .filter(scheduled_at__gte=now - timedelta(days=PAST_DAYS))
        .exclude(status__in=[Conversation.Status.CANCELLED, Conversation.Status.DECLINED])
        .select_related("contact")
    )
    for conversation in scheduled:
        events.append(
            FeedEvent(
                uid=f"feed-{conversation.invitation_uid}",
                summary=f"Informational interview: {conversation.contact.name}",
                description=f"{conversation.duration_minutes} minutes. Career Scout has your "
                "prep brief and live notes.",
                start=conversation.scheduled_at,
                duration_minutes=conversation.duration_minutes,
                time_zone=conversation.time_zone or user.time_zone,
                url=conversation.video_url,
            )
        )
    for conversation, due in follow_ups_due(user):
        events.append(
            FeedEvent(
                uid=f"follow-up-{conversation.pk}-{user.pk}@careerscout",
                summary=f"Follow up with {conversation.contact.name}",
                description="One polite follow-up: no reply after "
                f"{followups.rule_words()['follow_up_after']}.",
                all_day=due,
            )
        )
    actions = Item.objects.for_user(user).actions().open().filter(due__isnull=False)
    for item in actions:
        events.append(
            FeedEvent(
                uid=f"action-{item.pk}-{user.pk}@careerscout",
                summary=f"To do: {item.text[:80]}",
                description=item.text,
                all_day=item.due,
            )
        )
    return events


def feed_bytes(user) -> bytes:
    return feed_ics(
        f"Career Scout: {user.name or user.username}", feed_events(user), timezone.now()
    )
