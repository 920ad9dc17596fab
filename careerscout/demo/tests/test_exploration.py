"""The sample exploration tells stories that could be true: every step after the one before."""

import pytest
from django.utils import timezone

from careerscout.conversations.models import Conversation
from careerscout.demo.exploration import add_sample_exploration
from careerscout.demo.people import add_demo_people
from careerscout.insights.models import Item, Reflection
from careerscout.people.models import TimelineEntry
from careerscout.tests.factories import make_user


@pytest.fixture
def demo(db):
    user = make_user("demo")
    add_demo_people(user, 60)
    now = timezone.now()
    add_sample_exploration(user, now)
    return user, now


def test_each_conversations_steps_happen_in_order_and_after_it_was_planned(demo):
    user, now = demo
    conversations = Conversation.objects.filter(user=user).prefetch_related("changes")
    assert len(conversations) >= 10
    for conversation in conversations:
        steps = sorted(conversation.changes.all(), key=lambda change: change.pk)
        times = [change.at for change in steps]
        story = [(change.to_status, change.at.isoformat()) for change in steps]
        assert steps[0].to_status == "planned", story
        assert times == sorted(times), story
        assert conversation.created_at == times[0] and times[-1] <= now, story


def test_each_persons_timeline_starts_when_they_were_added_and_reads_in_order(demo):
    user, now = demo
    contacts = {conversation.contact_id for conversation in Conversation.objects.filter(user=user)}
    for contact_id in contacts:
        entries = list(
            TimelineEntry.objects.filter(contact_id=contact_id)
            .order_by("id")
            .values_list("kind", "summary", "at")
        )
        times = [at for _, _, at in entries]
        assert entries[0][0] == "added", entries
        assert times == sorted(times) and times[-1] <= now, entries


def test_reflections_and_notes_are_dated_after_their_conversation(demo):
    user, now = demo
    reflections = Reflection.objects.filter(user=user).select_related("conversation")
    assert reflections
    for reflection in reflections:
        held = reflection.conversation.changes.get(to_status="held").at
        assert held < reflection.created_at <= now
        assert {rating.rated_at for rating in reflection.ratings.all()} == {reflection.created_at}
        items = Item.objects.filter(conversation=reflection.conversation)
        assert {item.created_at for item in items} == {held}
