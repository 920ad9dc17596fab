"""A conversation's plan, kept as rows the person can reorder, extend and trim."""

from django.db import transaction

from careerscout.conversations.models import Conversation
from careerscout.insights.evidence import sources_by_topic

from .models import PlannedQuestion, Question
from .planning import Candidate, Plan, plan_conversation

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


def suggested_plan(conversation: Conversation) -> Plan:
    Question.ensure_bank(conversation.user)
    candidates = [
        Candidate(
            key=q.key,
            topic=q.topic,
            text=q.text,
            starred=q.starred,
            closing=q.closing,
            position=q.position,
        )
        for q in Question.objects.for_user(conversation.user).visible()
    ]
    return plan_conversation(
        candidates,
        conversation.duration_minutes,
        sources_by_topic(conversation.careers.all(), exclude_conversation=conversation),
        asked_before(conversation),
    )


@transaction.atomic
def make_plan(conversation: Conversation) -> list[PlannedQuestion]:
    """Replace the plan with a fresh suggestion; notes already taken are kept."""
    existing = {item.key: item for item in conversation.plan_items.all()}
    plan = suggested_plan(conversation)
    questions = {q.key: q for q in Question.objects.for_user(conversation.user)}
    keep = []
    for position, item in enumerate(plan.items):
        row = existing.pop(item.key, None) or PlannedQuestion(
            user=conversation.user, conversation=conversation, key=item.key
        )
        row.question = questions.get(item.key)
        row.topic, row.text, row.reason = item.topic, item.text, item.reason
        row.position = position
        row.closing = bool(row.question and row.question.closing)
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
    items = list(conversation.plan_items.all())
    return items or make_plan(conversation)


@transaction.atomic
def add_question(conversation: Conversation, question: Question) -> PlannedQuestion:
    items = list(conversation.plan_items.all())
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


@transaction.atomic
def reorder(conversation: Conversation, ordered_ids: list[int]) -> None:
    items = {item.pk: item for item in conversation.plan_items.all()}
    ordered = [items[pk] for pk in ordered_ids if pk in items]
    ordered += [item for pk, item in items.items() if pk not in ordered_ids]
    for position, item in enumerate(ordered):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def move(conversation: Conversation, item_id: int, offset: int) -> None:
    ids = list(conversation.plan_items.values_list("pk", flat=True))
    if item_id not in ids:
        return
    index = ids.index(item_id)
    target = max(0, min(len(ids) - 1, index + offset))
    ids.insert(target, ids.pop(index))
    reorder(conversation, ids)
