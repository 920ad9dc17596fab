"""What the person has learned about a career so far, by topic, and what is still unknown."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import models

from careerscout.conversations.models import Conversation
from careerscout.lib.vocabulary import Topic

from .models import Item

TOPIC_LABELS = dict(Topic.choices)
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


def about_careers(careers) -> models.Q:
    """Items from conversations about any of these careers, or added to one of them.

    The conversations come from a subquery rather than a join, and the owner is named, so
    the database reads only this person's items through an index: an OR across a join made
    PostgreSQL scan every item of the installation (7 ms at 200 students, growing with each).
    """
    career_ids = [career.pk for career in careers]
    talked_about = Conversation.careers.through.objects.filter(career__in=career_ids)
    return models.Q(user__in={career.user_id for career in careers}) & (
        models.Q(conversation__in=talked_about.values("conversation"))
        | models.Q(career__in=career_ids)
    )


def evidence_items(careers, exclude_conversation=None):
    """Evidence from conversations about any of these careers, and items added to them."""
    items = Item.objects.evidence().filter(about_careers(careers))
    if exclude_conversation is not None:
        items = items.exclude(conversation=exclude_conversation)
    return items


def _sources(rows) -> dict[str, int]:
    """Distinct people per topic from (topic, contact id, item id) rows."""
    people: dict[str, set] = defaultdict(set)
    for topic, contact_id, item_id in rows:
        if topic:
            people[topic].add(contact_id or f"item-{item_id}")
    return {topic: len(people.get(topic, ())) for topic in TOPIC_LABELS}


def sources_by_topic(careers, exclude_conversation=None) -> dict[str, int]:
    """How many different people told the user something, per topic."""
    rows = evidence_items(careers, exclude_conversation).values_list("topic", "contact_id", "id")
    return _sources(rows)


def _coverage(counts: dict[str, int]) -> list[TopicCoverage]:
    return [TopicCoverage(topic, label, counts[topic]) for topic, label in TOPIC_LABELS.items()]


def coverage(careers, exclude_conversation=None) -> list[TopicCoverage]:
    return _coverage(sources_by_topic(careers, exclude_conversation))


@dataclass(frozen=True)
class TopicEvidence:
    coverage: TopicCoverage
    items: list  # Item rows with .contact and .conversation


def career_evidence(career) -> list[Item]:
    """Everything people said about one career, oldest first: read once per page, then
    shaped by `board`, `appeals_and_concerns`, `people_heard` and `contradictions_among`."""
    return list(
        evidence_items([career])
        # The contact's organisation too: an adviser's report describes people by its kind.
        .select_related("contact__org", "conversation")
        .order_by("created_at", "id")
    )


def board(items: list[Item]) -> list[TopicEvidence]:
    """The evidence board: for each topic, what each person said, in the order they said it."""
    by_topic: dict[str, list] = defaultdict(list)
    for item in items:
        by_topic[item.topic or "general"].append(item)
    counts = _sources((item.topic, item.contact_id, item.pk) for item in items)
    entries = [TopicEvidence(entry, by_topic.get(entry.topic, [])) for entry in _coverage(counts)]
    if general := by_topic.get("general"):
        people = len({item.contact_id or f"item-{item.pk}" for item in general})
        entries.append(
            TopicEvidence(TopicCoverage("general", "Other things you heard", people), general)
        )
    return entries


def appeals_and_concerns(items: list[Item]) -> tuple[int, int]:
    kinds = [item.kind for item in items]
    return kinds.count(Item.Kind.APPEAL), kinds.count(Item.Kind.CONCERN)


def people_heard(items: list[Item]) -> int:
    """How many different people have told the user something about this career."""
    return len({item.contact_id for item in items} - {None})


# Kinds whose plain words are read for skills; every other kind but actions counts only its
# #skill: tags, so a person's history ("Started in market research") is not a skill to build.
PLAIN_WORD_SKILL_KINDS = {Item.Kind.ADVICE, Item.Kind.INSIGHT}


def skill_mentions(career) -> dict[str, int]:
    """How many different people mentioned each skill for this career."""
    return _skill_mentions(Item.objects.filter(about_careers([career])))


def mentioned_skills(user) -> list[str]:
    """Skills people mentioned in any conversation that the person has not rated themself on,
    most mentioned first: the ones to offer for a self-rating."""
    from .models import SkillRating
    from .skills import canonical_skill

    mentions = _skill_mentions(Item.objects.for_user(user))
    rated = {
        canonical_skill(name).casefold()
        for name in SkillRating.objects.for_user(user).values_list("name", flat=True)
    }
    unrated = [(skill, count) for skill, count in mentions.items() if skill.casefold() not in rated]
    return [skill for skill, _ in sorted(unrated, key=lambda pair: (-pair[1], pair[0].casefold()))]


def _skill_mentions(items) -> dict[str, int]:
    """Skill → distinct people, from #skill: tags and the words of advice and insights; one
    skill typed in different cases is one, shown as first seen."""
    from .skills import canonical_skill, skills_in

    people: dict[str, set] = defaultdict(set)
    shown: dict[str, str] = {}
    rows = (
        items.exclude(kind=Item.Kind.ACTION)
        .order_by("created_at", "id")
        .values_list("id", "contact_id", "kind", "text", "skills")
        .distinct()
    )
    for item_id, contact_id, kind, text, tagged in rows:
        names = [canonical_skill(name) for name in tagged]
        if kind in PLAIN_WORD_SKILL_KINDS:
            names += skills_in(text)
        for skill in filter(None, names):
            key = skill.casefold()
            shown.setdefault(key, skill)
            people[key].add(contact_id or f"item-{item_id}")
    return {shown[key]: len(who) for key, who in people.items()}


def contradictions_among(items: list[Item]):
    """Pairs the user marked as disagreeing, where both sides are among these items."""
    from .models import Contradiction

    ids = [item.pk for item in items]
    return (
        Contradiction.objects.filter(first_id__in=ids, second_id__in=ids)
        .select_related("first__contact", "second__contact")
        .order_by("created_at")
    )
