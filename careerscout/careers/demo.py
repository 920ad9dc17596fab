"""A sample exploration on top of demo people: careers, target lists and conversations at
every stage, dated relative to now, so Today and the pipeline have something to show."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from careerscout.conversations.models import Conversation
from careerscout.outreach.drafting import build_draft, record_sent
from careerscout.outreach.models import Kind, Message

from .models import Career, TargetOrganization

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

# (days ago the story started, the steps it went through) for each career's top people.
STORIES = (
    ("thanked", 45),
    ("held", 1),
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


def _play(conversation: Conversation, story: str, started: datetime, now: datetime) -> None:
    if story == "planned":
        return
    _send(conversation, Kind.REQUEST, started)
    if story in {"follow_up_due", "waiting"}:
        return
    conversation.record_reply(started + timedelta(days=1))
    conversation.move_to(S.SCHEDULED, started + timedelta(days=1))
    if story == "scheduled":
        conversation.scheduled_at = (now + timedelta(days=1)).replace(
            minute=0, second=0, microsecond=0
        )
        conversation.save(update_fields=["scheduled_at"])
        return
    held = now - timedelta(days=1) if story == "held" else started + timedelta(days=7)
    conversation.scheduled_at = held
    conversation.save(update_fields=["scheduled_at"])
    conversation.move_to(S.HELD, held)
    if story == "thanked":
        _send(conversation, Kind.THANK_YOU, held + timedelta(hours=5))


@transaction.atomic
def add_sample_exploration(user, now: datetime | None = None) -> list[Career]:
    now = now or timezone.now()
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
            conversation = Conversation.plan(contact, [career])
            _play(conversation, story, now - timedelta(days=days_ago), now)
    return careers
