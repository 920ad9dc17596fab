"""A sample exploration on top of demo people: careers, target lists and conversations at
every stage, dated relative to now, so Today and the pipeline have something to show."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from careerscout.careers.models import Career, TargetOrganization
from careerscout.conversations.models import Conversation
from careerscout.insights.capture import sync_items
from careerscout.insights.criteria import SUGGESTED, add_criteria
from careerscout.insights.models import Criterion, Item, Rating, Reflection
from careerscout.outreach.drafting import build_draft, record_sent
from careerscout.outreach.models import Kind, Message
from careerscout.people.models import Contact, TimelineEntry

S = Conversation.Status


@dataclass(frozen=True)
class SampleCareer:
    title: str
    why: str
    keywords: tuple[str, ...]
    status: str


SAMPLE_CAREERS = (
    SampleCareer(
        "UX research",
        "I like understanding why people do what they do, and I miss that in my current job.",
        ("user researcher", "design research", "UXR"),
        Career.Status.PROMISING,
    ),
    SampleCareer(
        "Product management",
        "Friends say I am good at bringing people together around a decision.",
        ("product manager", "product owner"),
        Career.Status.EXPLORING,
    ),
    SampleCareer(
        "Climate policy",
        "I want my work to matter for the climate; is policy where I could help most?",
        ("policy analyst", "energy transition", "climate"),
        Career.Status.EXPLORING,
    ),
)

# (the steps a story goes through, days ago it started) for each career's top people. Each step
# is dated when it happened in the story, so timelines read in an order that could be true.
STORIES = (
    ("thanked", 45),
    ("held", 10),
    ("scheduled", 3),
    ("follow_up_due", 12),
    ("waiting", 5),
    ("planned", 0),
)


def _send(conversation: Conversation, kind: str, at: datetime) -> None:
    draft = build_draft(conversation.user, kind, conversation.contact, conversation)
    record_sent(
        conversation.user,
        kind,
        conversation.contact,
        conversation,
        Message.Channel.MARKED,
        draft.subject,
        draft.body,
        at,
    )


@contextmanager
def _dated(contact: Contact, at: datetime) -> Iterator[None]:
    """What one step writes on the person's timeline is dated when the step happened in the
    story, not when the demo ran."""
    before = TimelineEntry.objects.filter(contact=contact).aggregate(last=Max("id"))["last"]
    yield
    TimelineEntry.objects.filter(contact=contact, id__gt=before or 0).update(at=at)


def _plan(contact: Contact, career: Career, planned: datetime) -> Conversation:
    """A conversation planned at `planned`, with the person added a few days before."""
    added = planned - timedelta(days=3)
    Contact.objects.filter(pk=contact.pk).update(created_at=added)
    contact.timeline.filter(kind=TimelineEntry.Kind.ADDED).update(at=added)
    with _dated(contact, planned):
        conversation = Conversation.plan(contact, [career])
    Conversation.objects.filter(pk=conversation.pk).update(created_at=planned)
    conversation.changes.filter(to_status=S.PLANNED).update(at=planned)
    conversation.refresh_from_db()
    return conversation


def _play(conversation: Conversation, story: str, started: datetime, now: datetime) -> None:
    contact = conversation.contact
    if story == "planned":
        return
    with _dated(contact, started):
        _send(conversation, Kind.REQUEST, started)
    if story in {"follow_up_due", "waiting"}:
        return
    replied = started + timedelta(days=1)
    with _dated(contact, replied):
        conversation.record_reply(replied)
        conversation.move_to(S.SCHEDULED, replied)
    if story == "scheduled":
        conversation.scheduled_at = (now + timedelta(days=1)).replace(
            minute=0, second=0, microsecond=0
        )
        conversation.save(update_fields=["scheduled_at"])
        return
    held = now - timedelta(days=1) if story == "held" else started + timedelta(days=7)
    conversation.scheduled_at = held
    conversation.save(update_fields=["scheduled_at"])
    with _dated(contact, held):
        conversation.move_to(S.HELD, held)
    if story == "thanked":
        thanked = held + timedelta(hours=5)
        with _dated(contact, thanked):
            _send(conversation, Kind.THANK_YOU, thanked)


SAMPLE_NOTES = {
    "UX research": (
        "! Most research is evaluative, not generative #day\n"
        "+ Lots of time talking to users\n"
        "- On-call during launches is stressful #lifestyle\n"
        '> Build a portfolio of three case studies #skill:"survey design"\n'
        "! Teams want people who can write clearly #skills #skill:SQL\n"
        '[ ] Read "Just Enough Research" by {due}\n'
        "@Sam Lee (Staff Researcher, Initech) says ok to use her name"
    ),
    "Product management": (
        "! Half the week is meetings with engineering and design #day\n"
        "- Accountable for outcomes you do not control #culture\n"
        '> Learn to read a P&L #skill:"financial modelling"\n'
        "+ Pay grows fast after the first promotion #pay"
    ),
    "Climate policy": (
        "! Most entry routes go through think tanks or ministries #entry\n"
        "+ The work feels meaningful every day\n"
        "- Pay is well below the private sector #pay\n"
        '> Get good at policy analysis and Excel #skill:"policy analysis"'
    ),
}
SAMPLE_RATINGS = {
    "UX research": {
        "Meaningful work": 4,
        "Pay & security": 3,
        "Balance": 3,
        "Fits my strengths": 5,
    },
    "Product management": {"Meaningful work": 3, "Pay & security": 5, "Growth": 4},
    "Climate policy": {"Meaningful work": 5, "Pay & security": 2, "Balance": 4},
}


def _reflect(conversation: Conversation, career: Career, now: datetime) -> None:
    """Notes taken during a held conversation, turned into items, and a reflection with ratings
    written the day after it."""
    held = conversation.scheduled_at
    reflected = held + timedelta(days=1)
    due = (now + timedelta(days=10)).date().isoformat()
    conversation.notes = SAMPLE_NOTES[career.title].format(due=due)
    conversation.save(update_fields=["notes"])
    with _dated(conversation.contact, held):
        sync_items(conversation)
    Item.objects.filter(conversation=conversation).update(created_at=held)
    reflection = Reflection.objects.create(
        user=conversation.user,
        conversation=conversation,
        surprised="How much of the work is writing things down for others.",
        attracted="The curiosity of the people I met.",
        worried="Whether I could handle the pace.",
        fit="Closer to my goals than I expected.",
    )
    Reflection.objects.filter(pk=reflection.pk).update(created_at=reflected, updated_at=reflected)
    criteria = {c.name: c for c in Criterion.objects.filter(user=conversation.user)}
    for name, value in SAMPLE_RATINGS[career.title].items():
        Rating.objects.create(
            user=conversation.user,
            career=career,
            criterion=criteria[name],
            value=value,
            reflection=reflection,
            rated_at=reflected,
        )


@transaction.atomic
def add_sample_exploration(user, now: datetime | None = None) -> list[Career]:
    now = now or timezone.now()
    add_criteria(user, SUGGESTED)
    careers = []
    used: set[int] = set()
    for sample in SAMPLE_CAREERS:
        career, _created = Career.objects.get_or_create(
            user=user,
            title=sample.title,
            defaults={
                "why": sample.why,
                "keywords": list(sample.keywords),
                "status": sample.status,
            },
        )
        careers.append(career)
        ranked = [contact for contact, _ in career.who_to_ask(limit=30) if contact.pk not in used]
        for contact in ranked[:5]:
            if contact.org_id:
                TargetOrganization.objects.get_or_create(
                    user=user,
                    career=career,
                    organization_id=contact.org_id,
                    defaults={"motivation": 5 - len(careers) % 3},
                )
        for contact, (story, days_ago) in zip(ranked, STORIES, strict=False):
            used.add(contact.pk)
            career.contacts.add(contact)
            started = now - timedelta(days=days_ago)
            conversation = _plan(contact, career, started - timedelta(hours=2))
            _play(conversation, story, started, now)
            if story == "thanked":
                _reflect(conversation, career, now)
    return careers
