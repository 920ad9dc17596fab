"""What happened in one conversation, read back: the notes, what they held, and its history.

The items, reflection, plan and messages belong to apps above this one; they are read here
through their relations to the conversation, never imported.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from careerscout.lib.markdown import render_notes
from careerscout.lib.vocabulary import ItemKind, Topic
from careerscout.people.models import Contact

from .followups import RequestState, state_of
from .models import Conversation

OTHER_TOPIC = "Other things you heard"
SHOWN_APART = {ItemKind.ACTION, ItemKind.REFERRAL, ItemKind.NOTE}


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    text: str


@dataclass
class TopicGroup:
    label: str
    kinds: list[tuple[str, list]] = field(default_factory=list)


@dataclass(frozen=True)
class Record:
    notes_html: str
    question_notes: list[tuple[str, str]]  # (the planned question, its notes as HTML)
    topics: list[TopicGroup]
    actions: list
    referrals: list
    reflection: object | None
    history: list[HistoryEntry]

    @property
    def has_notes(self) -> bool:
        return bool(self.notes_html or self.question_notes)


def with_record(conversations):
    """The relations the record reads, fetched in a constant number of queries."""
    return conversations.select_related("contact", "reflection").prefetch_related(
        "changes", "messages", "plan_items", "items__referred"
    )


def record_of(conversation: Conversation) -> Record:
    items = list(conversation.items.all())
    return Record(
        notes_html=render_notes(conversation.notes) if conversation.notes.strip() else "",
        question_notes=[
            (planned.text, render_notes(planned.notes))
            for planned in conversation.plan_items.all()
            if planned.notes.strip()
        ],
        # Plain lines of notes are read in the notes themselves.
        topics=group_by_topic([i for i in items if i.kind not in SHOWN_APART]),
        actions=[i for i in items if i.kind == ItemKind.ACTION],
        referrals=[i for i in items if i.kind == ItemKind.REFERRAL],
        reflection=getattr(conversation, "reflection", None),
        history=history(conversation),
    )


def group_by_topic(items: list) -> list[TopicGroup]:
    """Topics in the order of the question bank, kinds in the order of the markers; items
    without a topic come last."""
    groups = []
    for topic, label in [*Topic.choices, ("", OTHER_TOPIC)]:
        about = [item for item in items if item.topic == topic]
        if not about:
            continue
        group = TopicGroup(label)
        for kind, kind_label in ItemKind.choices:
            of_kind = [item for item in about if item.kind == kind]
            if of_kind:
                group.kinds.append((kind_label, of_kind))
        groups.append(group)
    return groups


# A step taken by sending a message is told once, by the message, which names it.
SENT_WITH = {Conversation.Status.REQUESTED: "request", Conversation.Status.THANKED: "thank_you"}


def history(conversation: Conversation) -> list[HistoryEntry]:
    """Every step, message, reply and reflection, oldest first."""
    messages = list(conversation.messages.all())
    sent = {(message.kind, message.sent_at) for message in messages}
    entries = [
        HistoryEntry(change.at, change.describe())
        for change in conversation.changes.all()
        if change.note or (SENT_WITH.get(change.to_status), change.at) not in sent
    ]
    for message in messages:
        text = f"Sent: {message.get_kind_display().lower()}"
        entries.append(HistoryEntry(message.sent_at, f"{text} — “{message.subject}”"))
    if conversation.replied_at:
        declined = conversation.status == Conversation.Status.DECLINED
        answer = "said no, thank you" if declined else "said yes"
        entries.append(
            HistoryEntry(conversation.replied_at, f"{conversation.contact.name} {answer}")
        )
    reflection = getattr(conversation, "reflection", None)
    if reflection is not None:
        entries.append(HistoryEntry(reflection.created_at, "Wrote down what you took from it"))
    return sorted(entries, key=lambda entry: entry.at)


@dataclass(frozen=True)
class FollowUpDates:
    """What the page says once a request is out: when to ask someone else, when to nudge."""

    state: RequestState
    organization: str
    today: date

    @property
    def follow_up_due_now(self) -> bool:
        return self.state.follow_up_is_due(self.today)

    @property
    def sentence(self) -> str:
        """The dates as they stand today: ahead, then due, then after the follow-up."""
        state = self.state
        if state.follow_up_sent:
            return (
                f"You followed up; if there is still no reply by "
                f"{short_day(state.no_reply_from)}, it is fine to move on."
            )
        if self.follow_up_due_now:
            since = "today" if self.today == state.follow_up_due else "now"
            also = ""
            if self.organization:
                also = f" You may also ask someone else at {self.organization}."
            return (
                f"No reply after {state.waited} business days: one follow-up is due {since}.{also}"
            )
        nudge = f"one follow-up on {short_day(state.follow_up_due)} if no reply"
        if not self.organization:
            return f"{nudge[:1].upper()}{nudge[1:]}."
        if state.may_ask_next_person:
            return f"You may ask someone else at {self.organization} now; {nudge}."
        return (
            f"Ask someone else at {self.organization} from "
            f"{short_day(state.next_person_from)}; {nudge}."
        )


def short_day(day: date | None) -> str:
    """'Tue 8 Dec'."""
    return f"{day:%a} {day.day} {day:%b}" if day else ""


def follow_up_dates(conversation: Conversation, contact: Contact) -> FollowUpDates | None:
    today = conversation.user.local_date(timezone.now())
    state = state_of(conversation, today)
    if state is None:
        return None
    return FollowUpDates(state, contact.organization, today)
