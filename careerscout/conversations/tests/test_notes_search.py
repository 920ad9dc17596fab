"""Searching conversation notes ignores case and accents, as searching people does."""

import pytest

from careerscout.conversations.models import Conversation
from careerscout.questions.models import PlannedQuestion
from careerscout.tests.factories import make_contact, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice():
    return make_user("alice")


def found(user, query: str) -> list[str]:
    return [c.contact.name for c in Conversation.objects.for_user(user).search(query)]


def test_a_search_without_accents_finds_notes_written_with_them(alice):
    maya = Conversation.plan(make_contact(alice, "Maya Chen"), [], notes="Met at the Café")
    maya.save_notes("Met at the Café. Her manager, Frau Müller, runs the team.", maya.notes_version)
    Conversation.plan(make_contact(alice, "Sam Lee"), [], notes="Met at the library")
    assert found(alice, "cafe") == ["Maya Chen"]
    assert found(alice, "MULLER team") == ["Maya Chen"]
    assert found(alice, "Müller library") == []


def test_notes_under_a_planned_question_are_folded_too(alice):
    conversation = Conversation.plan(make_contact(alice, "Maya Chen"), [])
    planned = PlannedQuestion.objects.create(
        user=alice, conversation=conversation, key="day", topic="day_to_day", text="A day?"
    )
    assert found(alice, "senor") == []
    planned.save_notes("Works with Señor Núñez on Mondays", planned.notes_version)
    assert found(alice, "senor nunez") == ["Maya Chen"]


def test_the_people_page_lists_conversations_whose_notes_match(client, alice):
    Conversation.plan(make_contact(alice, "Maya Chen"), [], notes="Lunch at the Café Żabka")
    client.force_login(alice)
    page = client.get("/people/", {"q": "zabka"}).content.decode()
    assert "Conversation with Maya Chen" in page
