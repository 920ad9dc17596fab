"""What the person has learned about a career so far, by topic, and what is still unknown."""

from collections import defaultdict
from dataclasses import dataclass

from careerscout.questions.models import TOPIC_CHOICES

from .models import Item

TOPIC_LABELS = dict(TOPIC_CHOICES)
THIN, SOLID = 1, 2


@dataclass(frozen=True)
class TopicCoverage:
    topic: str
    label: str
    sources: int  # distinct people who said something on it

    @property
    def level(self) -> str:
        if self.sources >= SOLID:
            return "solid"
        return "thin" if self.sources == THIN else "none"


def evidence_items(careers, exclude_conversation=None):
    """Evidence from conversations about any of these careers, and items added to them."""
    career_ids = [career.pk for career in careers]
    items = Item.objects.evidence().filter(
        conversation__careers__in=career_ids
    ) | Item.objects.evidence().filter(career__in=career_ids)
    if exclude_conversation is not None:
        items = items.exclude(conversation=exclude_conversation)
    return items.distinct()


def sources_by_topic(careers, exclude_conversation=None) -> dict[str, int]:
    """How many different people told the user something, per topic."""
    people: dict[str, set] = defaultdict(set)
    rows = evidence_items(careers, exclude_conversation).values_list("topic", "contact_id", "id")
    for topic, contact_id, item_id in rows:
        if topic:
            people[topic].add(contact_id or f"item-{item_id}")
    return {topic: len(people.get(topic, ())) for topic in TOPIC_LABELS}


def coverage(careers, exclude_conversation=None) -> list[TopicCoverage]:
    counts = sources_by_topic(careers, exclude_conversation)
    return [TopicCoverage(topic, label, counts[topic]) for topic, label in TOPIC_LABELS.items()]


def still_unknown(careers) -> list[TopicCoverage]:
    """Topics with no or thin evidence: what the next conversation should ask about."""
    return [entry for entry in coverage(careers) if entry.level != "solid"]
