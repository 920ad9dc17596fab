"""What to do now: the Today page and the daily digest read from here."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone

from careerscout.conversations import followups
from careerscout.conversations.models import Conversation
from careerscout.directory import requests as directory_requests
from careerscout.directory.models import DirectoryRequest
from careerscout.insights.models import Item
from careerscout.lib.dates import how_many
from careerscout.outreach.models import Kind
from careerscout.people.models import Contact

REPORT_BACK_AFTER = timedelta(days=30)

SECTIONS = {
    "directory": "Students waiting for your answer",
    "upcoming": "Your conversations",
    "reflect": "Reflect while it is fresh",
    "thank_you": "Thank-you notes",
    "follow_up": "Follow-ups",
    "report_back": "Report back",
    "keep_in_touch": "Keep in touch",
    "actions": "Your actions",
}


@dataclass(frozen=True)
class TodayItem:
    section: str
    title: str
    detail: str
    action_label: str
    action_url: str
    # When set, the action is a POST (a one-click change) rather than a link; `fields` are
    # the form's fields, e.g. (("to", "held"),) to move a conversation.
    post: bool = False
    fields: tuple[tuple[str, str], ...] = ()
    overdue: bool = False
    when: datetime | date | None = None
    # The record the item is about (a conversation's page), linked from its title.
    about_url: str = ""


def draft_url(conversation: Conversation, kind: str) -> str:
    return reverse("outreach:draft", args=[conversation.pk, kind])


def today_items(user, now: datetime | None = None) -> list[TodayItem]:
    now = now or timezone.now()
    today = user.local_date(now)
    conversations = (
        Conversation.objects.for_user(user)
        .filter(
            status__in=[
                Conversation.Status.REQUESTED,
                Conversation.Status.SCHEDULED,
                Conversation.Status.HELD,
                Conversation.Status.THANKED,
            ]
        )
        .exclude(status=Conversation.Status.THANKED, reported_back_at__isnull=False)
        .select_related("contact", "contact__org", "user")
        .order_by("status_changed_at")
    )
    items: list[TodayItem] = []
    for conversation in conversations:
        items.extend(_items_for(conversation, now, today))
    items.extend(_reflection_items(user))
    items.extend(_keep_in_touch_items(user, today))
    items.extend(_action_items(user, today))
    if user.is_volunteer:
        items.extend(_directory_items(user))
    order = list(SECTIONS)
    return sorted(items, key=lambda item: (order.index(item.section), not item.overdue))


def _items_for(conversation: Conversation, now: datetime, today: date) -> list[TodayItem]:
    contact = conversation.contact
    status = conversation.status
    if status == Conversation.Status.REQUESTED:
        return _request_items(conversation, today)
    if status == Conversation.Status.SCHEDULED and conversation.scheduled_at:
        starts = conversation.scheduled_at
        local_day = conversation.user.local_date(starts)
        if local_day == today + timedelta(days=1):
            return [
                TodayItem(
                    "upcoming",
                    f"Confirm tomorrow’s conversation with {contact.name}",
                    "A short note the day before: the time in their time zone and the link.",
                    "Write the confirmation",
                    draft_url(conversation, Kind.CONFIRM),
                    when=starts,
                    about_url=conversation.get_absolute_url(),
                )
            ]
        if now <= starts <= now + timedelta(hours=24):
            return [
                TodayItem(
                    "upcoming",
                    f"Conversation with {contact.name}",
                    "Look over your prep brief, test your link, and keep to the time.",
                    "Open the prep brief",
                    reverse("questions:prep", args=[conversation.pk]),
                    when=starts,
                    about_url=conversation.get_absolute_url(),
                )
            ]
        if starts < now:
            return [
                TodayItem(
                    "upcoming",
                    f"Did you talk with {contact.name}?",
                    "Mark it as held to write your notes and thank them.",
                    "Mark as held",
                    reverse("conversations:move", args=[conversation.pk]),
                    post=True,
                    fields=(("to", Conversation.Status.HELD),),
                    when=starts,
                    about_url=conversation.get_absolute_url(),
                )
            ]
        return []
    if status == Conversation.Status.HELD:
        held = conversation.held_at or conversation.status_changed_at
        due = held + followups.THANK_YOU_WITHIN
        within = followups.rule_words()["thank_you_within"]
        return [
            TodayItem(
                "thank_you",
                f"Thank {contact.name}",
                f"More than {within} since you talked; a short note mentioning one thing you "
                "learned is still welcome."
                if now > due
                else f"A short note within {within}, mentioning one thing you learned.",
                "Write the thank-you",
                draft_url(conversation, Kind.THANK_YOU),
                overdue=now > due,
                when=due,
                about_url=conversation.get_absolute_url(),
            )
        ]
    if status == Conversation.Status.THANKED and conversation.held_at:
        due = conversation.held_at + REPORT_BACK_AFTER
        if now >= due:
            return [
                TodayItem(
                    "report_back",
                    f"Tell {contact.name} how their advice helped",
                    "People love hearing what came of a conversation.",
                    "Write the update",
                    draft_url(conversation, Kind.REPORT_BACK),
                    when=due,
                    about_url=conversation.get_absolute_url(),
                )
            ]
    return []


def _request_items(conversation: Conversation, today: date) -> list[TodayItem]:
    contact = conversation.contact
    if conversation.replied_at:
        return [
            TodayItem(
                "follow_up",
                f"Agree on a time with {contact.name}",
                "They said yes. Suggest two or three times in their time zone.",
                "Set the time",
                reverse("conversations:schedule", args=[conversation.pk]),
                when=conversation.replied_at,
                about_url=conversation.get_absolute_url(),
            )
        ]
    state = followups.state_of(conversation, today)
    if state is None:
        return []
    if state.is_no_reply(today):
        return [
            TodayItem(
                "follow_up",
                f"No reply from {contact.name}",
                "You followed up once; that is enough. It is fine to move on.",
                "Mark as no reply",
                reverse("conversations:move", args=[conversation.pk]),
                post=True,
                fields=(("to", Conversation.Status.NO_REPLY),),
                when=state.no_reply_from,
                about_url=conversation.get_absolute_url(),
            )
        ]
    if state.follow_up_is_due(today):
        return [
            TodayItem(
                "follow_up",
                f"Follow up with {contact.name}",
                f"No reply after {state.waited} business days. One polite follow-up is fine.",
                "Write the follow-up",
                draft_url(conversation, Kind.FOLLOW_UP),
                overdue=today > state.follow_up_due,
                when=state.follow_up_due,
                about_url=conversation.get_absolute_url(),
            )
        ]
    if state.may_ask_next_person and not state.follow_up_sent and contact.org_id:
        return [
            TodayItem(
                "follow_up",
                f"No reply from {contact.name} yet",
                f"After {followups.NEXT_PERSON_AFTER} business days you may ask someone else "
                f"at {contact.organization}. "
                f"A follow-up to {contact.name} is due on {state.follow_up_due:%A %-d %B}.",
                f"See who else is at {contact.organization}",
                contact.org.get_absolute_url(),
                when=state.next_person_from,
                about_url=conversation.get_absolute_url(),
            )
        ]
    return []


def _keep_in_touch_items(user, today: date) -> list[TodayItem]:
    contacts = Contact.objects.for_user(user).filter(
        keep_in_touch_months__isnull=False, last_contact_at__isnull=False
    )
    items = []
    for contact in contacts.select_related("user"):
        due = contact.keep_in_touch_due()
        if due is not None and due <= today:
            items.append(
                TodayItem(
                    "keep_in_touch",
                    f"Get back in touch with {contact.name}",
                    f"Last in touch on {user.local_date(contact.last_contact_at):%-d %B %Y}.",
                    "Write a short note",
                    reverse("outreach:contact_draft", args=[contact.pk, Kind.KEEP_IN_TOUCH]),
                    overdue=due < today,
                    when=due,
                    about_url=contact.get_absolute_url(),
                )
            )
    return items


def _directory_items(user) -> list[TodayItem]:
    """Requests students sent this volunteer that wait for a yes or no; reminded ones first."""
    waiting = (
        DirectoryRequest.objects.for_volunteer(user)
        .open()
        .select_related("user")
        .order_by("created_at")[:20]
    )
    items = []
    for request in waiting:
        about = f" about {request.career_text}" if request.career_text else ""
        items.append(
            TodayItem(
                section="directory",
                title=f"Answer {request.user.name or request.user.username}",
                detail=f"Asked you for a conversation{about}. Without an answer, the request "
                f"lapses {directory_requests.rule_words()['expire_after']} after it was sent.",
                action_label="Accept or decline",
                action_url=reverse("directory:inbox"),
                overdue=request.reminded_at is not None,
                when=request.created_at,
            )
        )
    return items


def grouped(items: list[TodayItem]) -> list[tuple[str, list[TodayItem]]]:
    return [
        (label, [item for item in items if item.section == key])
        for key, label in SECTIONS.items()
        if any(item.section == key for item in items)
    ]


def _reflection_items(user) -> list[TodayItem]:
    held = (
        Conversation.objects.for_user(user)
        .filter(status__in=[Conversation.Status.HELD, Conversation.Status.THANKED])
        .filter(reflection__isnull=True, held_at__isnull=False)
        .select_related("contact")
        .order_by("-held_at")[:10]
    )
    return [
        TodayItem(
            "reflect",
            f"Reflect on your conversation with {conversation.contact.name}",
            "What surprised, attracted or worried you? Then rate the career again.",
            "Reflect",
            reverse("insights:reflect", args=[conversation.pk]),
            when=conversation.held_at,
            about_url=conversation.get_absolute_url(),
        )
        for conversation in held
    ]


def _action_items(user, today: date) -> list[TodayItem]:
    due = (
        Item.objects.for_user(user)
        .actions()
        .open()
        .filter(due__lte=today)
        .order_by("due", "id")[:20]
    )
    return [
        TodayItem(
            "actions",
            item.text,
            f"Due {item.due:%-d %B}." if item.due == today else f"Was due {item.due:%-d %B}.",
            "Mark done",
            reverse("insights:action_toggle", args=[item.pk]),
            post=True,
            overdue=item.due < today,
            when=item.due,
        )
        for item in due
    ]


COMING_UP_DAYS = 7


@dataclass(frozen=True)
class ComingUp:
    """Something in the next seven days: a call, an action's due date, a follow-up."""

    day: date
    at: datetime | None
    title: str
    url: str


def coming_up_span() -> str:
    """How far "Coming up" looks, as the page says it: "seven days"."""
    return how_many(COMING_UP_DAYS, "day")


def coming_up(user, now: datetime | None = None) -> list[ComingUp]:
    """The next seven days after today, day by day, under what is due now."""
    now = now or timezone.now()
    today = user.local_date(now)
    last = today + timedelta(days=COMING_UP_DAYS)
    found: list[ComingUp] = []
    window_end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=user.zone)
    calls = (
        Conversation.objects.for_user(user)
        .filter(
            status=Conversation.Status.SCHEDULED, scheduled_at__gt=now, scheduled_at__lt=window_end
        )
        .select_related("contact")
        .order_by("scheduled_at")
    )
    for call in calls:
        day = user.local_date(call.scheduled_at)
        if today < day <= last:
            title = f"Conversation with {call.contact.name}"
            found.append(ComingUp(day, call.scheduled_at, title, call.get_absolute_url()))
    requests = Conversation.objects.for_user(user).live_requests().select_related("contact", "user")
    for request in requests:
        state = followups.state_of(request, today)
        if state is None or state.follow_up_sent:
            continue
        url = request.get_absolute_url()
        organization = request.contact.organization
        if organization and today < state.next_person_from <= last:
            title = f"You may ask someone else at {organization}"
            found.append(ComingUp(state.next_person_from, None, title, url))
        if today < state.follow_up_due <= last:
            title = f"Follow up with {request.contact.name} if there is still no reply"
            found.append(ComingUp(state.follow_up_due, None, title, url))
    actions = (
        Item.objects.for_user(user)
        .actions()
        .open()
        .filter(due__gt=today, due__lte=last)
        .select_related("conversation")
    )
    for action in actions:
        url = action.conversation.get_absolute_url() if action.conversation else ""
        found.append(ComingUp(action.due, None, action.text, url or reverse("insights:actions")))
    return sorted(found, key=lambda entry: (entry.day, entry.at or now, entry.title))
