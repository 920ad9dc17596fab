"""The product's shared vocabularies, defined once (see docs/architecture.md).

These slugs appear in the database, the API, exports and notes, so renaming one is a breaking
change; adding one is fine. Labels are what people see.
"""

from django.db import models


class Topic(models.TextChoices):
    """What a question asks about, and what a piece of evidence is about."""

    DAY_TO_DAY = "day_to_day", "Day-to-day work"
    SKILLS = "skills", "Skills & qualifications"
    TRENDS = "trends", "Trends & challenges"
    PATH = "path", "Getting in"
    ADVICE = "advice", "Advice"
    LIFESTYLE = "lifestyle", "Pay, hours & lifestyle"
    CULTURE = "culture", "Culture & people"
    RESOURCES = "resources", "Resources & people"


# Short tags people may write in notes instead of a topic's slug (`#pay`, `#people`).
TOPIC_TAG_ALIASES: dict[str, Topic] = {
    "day": Topic.DAY_TO_DAY,
    "pay": Topic.LIFESTYLE,
    "hours": Topic.LIFESTYLE,
    "entry": Topic.PATH,
    "start": Topic.PATH,
    "people": Topic.RESOURCES,
}


class ItemKind(models.TextChoices):
    """What one line of notes records; the quick-capture marker decides it."""

    INSIGHT = "insight", "Insight"
    APPEAL = "appeal", "Appeal"
    CONCERN = "concern", "Concern"
    ADVICE = "advice", "Advice"
    QUESTION = "question", "Open question"
    ACTION = "action", "Action"
    REFERRAL = "referral", "Referral"
    SKILL = "skill", "Skill"
    NOTE = "note", "Note"


class ConversationStatus(models.TextChoices):
    """Where an informational interview stands; every change is timestamped."""

    PLANNED = "planned", "Planned"
    REQUESTED = "requested", "Requested"
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    THANKED = "thanked", "Thanked"
    DECLINED = "declined", "Declined"
    NO_REPLY = "no_reply", "No reply"
    CANCELLED = "cancelled", "Cancelled"

    @classmethod
    def approached(cls) -> list["ConversationStatus"]:
        """Every status past planning: the person has been asked."""
        return [status for status in cls if status != cls.PLANNED]
