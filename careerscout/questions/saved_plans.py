"""A conversation's plan, kept as rows the person can reorder, extend and trim.

Until the person changes the plan or starts taking notes, it is only a suggestion: pages
and the API show it without saving it, since reading never writes.
"""

from django.db import transaction

from careerscout.conversations.models import Conversation
from careerscout.insights.evidence import sources_by_topic
from careerscout.lib.vocabulary import Topic
from careerscout.occupations.models import Occupation

from .models import PlannedQuestion, Question
from .plan_rules import Candidate, Plan, plan_conversation

ASKED_STATUSES = [Conversation.Status.HELD, Conversation.Status.THANKED]


def asked_before(conversation: Conversation) -> set[str]:
    """Keys of questions already asked of this person in earlier conversations."""
    return set(
        PlannedQuestion.objects.filter(
            conversation__contact=conversation.contact,
            conversation__status__in=ASKED_STATUSES,
        )
        .exclude(conversation=conversation)
        .values_list("key", flat=True)
    )


TASK_QUESTIONS = 2
TASK_WORDS = 8


def task_questions(conversation: Conversation) -> list[Candidate]:
    """One question from the most important task of each occupation the conversation's
    careers are (two at most), first among the day-to-day questions."""
    codes = [code for career in conversation.careers.all() for code in career.occupation_codes]
    codes = list(dict.fromkeys(codes))[:TASK_QUESTIONS]
    found = Occupation.objects.in_bulk(codes)
    questions = []
    for code in codes:
        occupation = found.get(code)
        if occupation is None or not occupation.tasks:
            continue
        words = occupation.tasks[0].rstrip(".").split()
        task = " ".join(words[:TASK_WORDS]) + ("…" if len(words) > TASK_WORDS else "")
        questions.append(
            Candidate(
                key=f"onet-task-{code.replace('.', '-')}",
                topic=Topic.DAY_TO_DAY,
                text=f"Your work includes “{task}” — what does that look like day to day?",
                position=-1,
                source=f"From O*NET’s most important task for {occupation.title}.",
            )
        )
    return questions


def suggested_plan(conversation: Conversation, bank: list[Question] | None = None) -> Plan:
    bank = bank if bank is not None else Question.bank(conversation.user)
    candidates = [
        Candidate(
            key=q.key,
            topic=q.topic,
            text=q.text,
            starred=q.starred,
            closing=q.closing,
            position=q.position,
        )
        for q in bank
        if not q.hidden
    ]
    candidates += task_questions(conversation)
    return plan_conversation(
        candidates,
        conversation.duration_minutes,
        sources_by_topic(conversation.careers.all(), exclude_conversation=conversation),
        asked_before(conversation),
    )


def current_plan(conversation: Conversation) -> list[PlannedQuestion]:
    """The saved plan, or else the suggestion as unsaved rows (without ids)."""
    saved = list(conversation.plan_items.all())
    if saved:
        return saved
    return [
        PlannedQuestion(
            user=conversation.user,
            conversation=conversation,
            key=item.key,
            topic=item.topic,
            text=item.text,
            reason=item.reason,
            position=position,
            closing=item.closing,
        )
        for position, item in enumerate(suggested_plan(conversation).items)
    ]


@transaction.atomic
def make_plan(conversation: Conversation) -> list[PlannedQuestion]:
    """Replace the plan with a fresh suggestion; notes already taken are kept."""
    existing = {item.key: item for item in conversation.plan_items.all()}
    bank = Question.bank(conversation.user)
    plan = suggested_plan(conversation, bank)
    saved_questions = {q.key: q for q in bank if q.pk is not None}
    keep = []
    for position, item in enumerate(plan.items):
        row = existing.pop(item.key, None) or PlannedQuestion(
            user=conversation.user, conversation=conversation, key=item.key
        )
        row.question = saved_questions.get(item.key)
        row.topic, row.text, row.reason = item.topic, item.text, item.reason
        row.position = position
        row.closing = item.closing
        row.save()
        keep.append(row)
    # Questions with notes stay, after the new ones: a person's notes are never lost.
    for position, row in enumerate(existing.values(), start=len(keep)):
        if row.notes.strip():
            row.position = position
            row.save(update_fields=["position"])
            keep.append(row)
        else:
            row.delete()
    return keep


def ensure_plan(conversation: Conversation) -> list[PlannedQuestion]:
    """The saved plan, saving the suggestion first if there is none (for actions only)."""
    items = list(conversation.plan_items.all())
    return items or make_plan(conversation)


@transaction.atomic
def add_question(conversation: Conversation, question: Question) -> PlannedQuestion:
    items = ensure_plan(conversation)
    closing = [item for item in items if item.closing]
    position = closing[0].position if closing else len(items)
    for item in closing:
        item.position += 1
        item.save(update_fields=["position"])
    return PlannedQuestion.objects.create(
        user=conversation.user,
        conversation=conversation,
        question=question,
        key=question.key,
        topic=question.topic,
        text=question.text,
        reason="You added this question.",
        position=position,
        closing=question.closing,
    )


class KeptForNotes(Exception):
    """The question has notes under it, so it stays in the plan."""


@transaction.atomic
def remove_question(conversation: Conversation, key: str) -> None:
    item = next((item for item in ensure_plan(conversation) if item.key == key), None)
    if item is None:
        return
    if item.notes.strip():
        raise KeptForNotes(item.text)
    item.delete()


@transaction.atomic
def reorder(conversation: Conversation, ordered_keys: list[str]) -> None:
    items = {item.key: item for item in ensure_plan(conversation)}
    ordered = [items[key] for key in ordered_keys if key in items]
    ordered += [item for key, item in items.items() if key not in ordered_keys]
    for position, item in enumerate(ordered):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def move(conversation: Conversation, key: str, offset: int) -> None:
    keys = [item.key for item in ensure_plan(conversation)]
    if key not in keys:
        return
    index = keys.index(key)
    target = max(0, min(len(keys) - 1, index + offset))
    keys.insert(target, keys.pop(index))
    reorder(conversation, keys)
