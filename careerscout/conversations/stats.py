"""How people respond to requests, by where you know them from and by career."""

from collections import defaultdict
from dataclasses import dataclass

from careerscout.conversations.models import Conversation
from careerscout.people.models import Contact


@dataclass(frozen=True)
class ResponseRate:
    label: str
    asked: int
    replied: int

    @property
    def rate(self) -> float:
        return self.replied / self.asked if self.asked else 0.0

    @property
    def summary(self) -> str:
        return f"{self.replied} of {self.asked} replied ({self.rate:.0%})"


def response_rates(user) -> tuple[list[ResponseRate], list[ResponseRate]]:
    """(by source, by career), most asked first; only requests actually sent count."""
    asked = Conversation.objects.for_user(user).filter(requested_at__isnull=False)
    rows = asked.values_list("pk", "contact__source", "replied_at", "careers__title")
    by_source: dict[str, dict[int, bool]] = defaultdict(dict)
    by_career: dict[str, dict[int, bool]] = defaultdict(dict)
    for pk, source, replied_at, career in rows:
        by_source[source][pk] = replied_at is not None
        if career:
            by_career[career][pk] = replied_at is not None
    labels = dict(Contact.Source.choices)
    return (
        _rates({labels.get(key, key): value for key, value in by_source.items()}),
        _rates(by_career),
    )


def _rates(groups: dict[str, dict[int, bool]]) -> list[ResponseRate]:
    rates = [
        ResponseRate(label, len(replies), sum(replies.values()))
        for label, replies in groups.items()
    ]
    return sorted(rates, key=lambda rate: (-rate.asked, rate.label))
