"""The plan for one conversation: which questions to ask, in what order, and why.

The rules (the advisers' method; each item's `reason` says which rule put it there):

- Fit the time. The introduction and small talk get 3 minutes and the close (thanks, next
  steps, leaving on time) 3 more; a shorter call gives each a sixth of its length, at least 1
  minute. The rest is for questions, counted at 3.5 minutes each, the closing question
  included: 15, 20, 30 and 45 minutes fit 3, 4, 6 and 11 questions. The question time is then
  shared evenly, rounded down to half minutes, so the plan never runs over.
- The closing question ("Who else should I talk to…?") is always planned and always last,
  because every conversation should lead to the next one; it is kept even if this person was
  asked it before, since they may know someone new. If several closing questions are given,
  the starred one, else the first, is used. With none, the plan says so in its note and uses
  the slot for another question.
- Never repeat: any other question already asked of this person is left out.
- Gaps first: a topic no one has told the user about comes before a topic one person has
  covered, which comes before a topic two or more people have covered.
- Spread: each topic gets one question before any topic gets a second (round-robin), and in
  every round the topics with the biggest gaps go first.
- Within a topic, and between topics with the same gap, starred questions go first, then the
  user's order (`position`).
- Items are in the order to ask them: what is most needed comes first, in case time runs short.

Hidden questions are not passed in: the caller leaves them out. The result depends only on the
input values, not on the order of the candidates.
"""

from dataclasses import dataclass
from math import floor

from careerscout.questions.bank import TOPICS

INTRO_MINUTES = 3
CLOSE_MINUTES = 3
MINUTES_PER_QUESTION = 3.5
# With few questions to choose from, the spare time stays spare rather than stretching one
# question across a quarter of an hour.
MAX_MINUTES_PER_QUESTION = 7.0
SHORT_CALL_MINUTES = 15
SUGGESTED_MINUTES = 20
CLOSING_REASON = "Always ask: it leads to the next conversation."


@dataclass(frozen=True)
class Candidate:
    key: str
    topic: str
    text: str
    starred: bool = False
    closing: bool = False
    position: int = 0
    source: str = ""  # where a question not from the bank comes from, said first in its reason


@dataclass(frozen=True)
class PlannedItem:
    key: str
    topic: str
    text: str
    reason: str
    minutes: float
    closing: bool = False


@dataclass(frozen=True)
class Plan:
    items: list[PlannedItem]
    minutes_for_questions: int
    intro_minutes: int
    close_minutes: int
    note: str

    @property
    def planned_minutes(self) -> float:
        """Everything the plan accounts for; never more than the agreed duration."""
        questions = sum(item.minutes for item in self.items)
        return self.intro_minutes + questions + self.close_minutes


def reserved_minutes(duration_minutes: int) -> int:
    """Minutes for the introduction, and again for the close."""
    if duration_minutes < 3:
        return 0
    return min(INTRO_MINUTES, max(1, duration_minutes // 6))


def fits(duration_minutes: int) -> int:
    """How many questions fit, the closing one included; the closing question always does."""
    if duration_minutes < 1:
        raise ValueError("A conversation lasts at least a minute.")
    available = duration_minutes - 2 * reserved_minutes(duration_minutes)
    return max(1, floor(available / MINUTES_PER_QUESTION))


def plan_conversation(
    candidates: list[Candidate],
    duration_minutes: int,
    coverage: dict[str, int],
    asked_before: set[str],
    topic_labels: dict[str, str] = TOPICS,
) -> Plan:
    """The questions to ask in this conversation, in order, each with its reason."""
    slots = fits(duration_minutes)
    reserved = reserved_minutes(duration_minutes)
    minutes_for_questions = duration_minutes - 2 * reserved

    # A key given twice keeps its most preferred copy: later entries win in a dict.
    unique = {c.key: c for c in sorted(candidates, key=_preference, reverse=True)}
    closing = min((c for c in unique.values() if c.closing), key=_preference, default=None)
    open_questions = [c for c in unique.values() if not c.closing and c.key not in asked_before]

    by_topic: dict[str, list[Candidate]] = {}
    for candidate in sorted(open_questions, key=_preference):
        by_topic.setdefault(candidate.topic, []).append(candidate)
    turns = {c.key: turn for group in by_topic.values() for turn, c in enumerate(group)}

    def ask_order(c: Candidate) -> tuple[int, int, bool, int, str]:
        return (turns[c.key], coverage.get(c.topic, 0), *_preference(c))

    ranked = sorted(open_questions, key=ask_order)
    chosen = ranked[: slots - 1] if closing else ranked[:slots]
    count = len(chosen) + (1 if closing else 0)
    share = minutes_for_questions / max(count, 1)
    minutes = min(MAX_MINUTES_PER_QUESTION, _half_minutes_down(share))

    items = [
        PlannedItem(
            c.key,
            c.topic,
            c.text,
            _reason(c, turns[c.key], coverage.get(c.topic, 0), topic_labels),
            minutes,
        )
        for c in chosen
    ]
    if closing:
        reason = CLOSING_REASON
        if closing.key in asked_before:
            reason += " You asked them before; they may know someone new by now."
        items.append(
            PlannedItem(closing.key, closing.topic, closing.text, reason, minutes, closing=True)
        )

    note = _note(
        duration_minutes,
        slots,
        reserved,
        minutes_for_questions,
        asked=len(items),
        has_closing=closing is not None,
        starred_left_out=sum(c.starred for c in ranked[len(chosen) :]),
    )
    return Plan(items, minutes_for_questions, reserved, reserved, note)


def _preference(candidate: Candidate) -> tuple[bool, int, str]:
    """Starred first, then the user's order; the key only breaks exact ties."""
    return (not candidate.starred, candidate.position, candidate.key)


def _half_minutes_down(minutes: float) -> float:
    return floor(minutes * 2) / 2


def in_sentence(label: str) -> str:
    """A topic label as it reads mid-sentence: "Pay, hours & lifestyle" → "pay, hours and
    lifestyle"; an acronym at the start ("UX …") keeps its capitals."""
    if label[:1].isupper() and not label[1:2].isupper():
        label = label[:1].lower() + label[1:]
    return label.replace(" & ", " and ")


ORDINALS = {1: "second", 2: "third", 3: "fourth"}


def _reason(candidate: Candidate, turn: int, heard_from: int, labels: dict[str, str]) -> str:
    parts = [candidate.source] if candidate.source else []
    if candidate.starred:
        parts.append("You starred this question.")
    label = labels.get(candidate.topic)
    if label:
        topic = in_sentence(label)
        if heard_from <= 0:
            parts.append(f"No one has told you about {topic} yet.")
        elif heard_from == 1:
            parts.append(f"Only one person has told you about {topic} so far.")
        else:
            parts.append(f"{heard_from} people have told you about {topic}; one more view helps.")
    if turn > 0:
        parts.append(f"There is time for a {ORDINALS.get(turn, 'further')} question on it.")
    return " ".join(parts) or "Next on your list."


def _plural(count: float, word: str) -> str:
    return f"{count:g} {word}" + ("" if count == 1 else "s")


def _note(
    duration: int,
    slots: int,
    reserved: int,
    minutes_for_questions: int,
    *,
    asked: int,
    has_closing: bool,
    starred_left_out: int,
) -> str:
    sentences = []
    if duration < SHORT_CALL_MINUTES:
        sentences.append(
            f"{duration} minutes is short: "
            + ("only the closing question fits" if slots == 1 else f"only {slots} questions fit")
            + f". Ask for {SUGGESTED_MINUTES} minutes if you can."
        )
    else:
        sentences.append(
            f"{_plural(slots, 'question')} fit in {duration} minutes: "
            f"{_plural(reserved, 'minute')} to introduce yourself, "
            f"{minutes_for_questions} for questions, {reserved} to close."
        )
    if asked < slots:
        sentences.append(
            f"Only {_plural(asked, 'question')} left to ask: write your own "
            "or show hidden ones to use the time."
        )
    if not has_closing:
        sentences.append(
            "No closing question: add “Who else should I talk to?” back, "
            "so this conversation leads to the next one."
        )
    if starred_left_out:
        sentences.append(f"Left out for time: {_plural(starred_left_out, 'starred question')}.")
    return " ".join(sentences)
