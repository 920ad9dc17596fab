"""An accepted request becomes a conversation in both accounts, which then follows the
usual flow: scheduling, the invitation, follow-ups and the thank-you."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.directory.models import DirectoryRequest
from careerscout.directory.requests import answer, send_request
from careerscout.directory.stats import answer_stats
from careerscout.people.models import Contact

from .helpers import GOOD_MESSAGE, make_student, make_volunteer

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted():
    maya = make_volunteer("maya", display_name="Maya C.", time_zone="Europe/Berlin")
    sam = make_student("sam", time_zone="America/Chicago")
    career = Career.objects.create(user=sam, title="UX research")
    request = send_request(sam, maya, GOOD_MESSAGE, career=career).request
    return answer(request, "accept", by_link=True)


def test_the_student_gets_the_volunteer_with_contact_details_and_a_conversation(accepted):
    conversation = accepted.student_conversation
    contact = conversation.contact
    assert (contact.user, contact.name) == (accepted.user, "Maya C.")
    assert contact.emails == ["maya@alumni.example.edu"]
    assert (contact.title, contact.organization) == ("Senior UX Researcher", "Globex")
    assert contact.source == Contact.Source.ALUMNI
    assert conversation.status == Conversation.Status.REQUESTED
    assert conversation.requested_at == accepted.created_at
    assert conversation.replied_at == accepted.answered_at
    assert not conversation.awaiting_reply, "answered: no follow-up will be suggested"
    assert list(conversation.careers.values_list("title", flat=True)) == ["UX research"]
    assert conversation.messages.get().body == GOOD_MESSAGE
    told = mail.outbox[-1]
    assert (told.to, told.subject) == (["sam@example.edu"], "Maya C. said yes to a conversation")
    assert "Their e-mail address is maya@alumni.example.edu." in told.body


def test_the_volunteer_gets_the_student_and_a_conversation_to_find_a_time_for(accepted):
    conversation = accepted.volunteer_conversation
    assert conversation.user == accepted.profile.user
    assert conversation.contact.name == "Sam"
    assert conversation.contact.emails == ["sam@example.edu"]
    assert conversation.status == Conversation.Status.SCHEDULED
    assert conversation.scheduled_at is None
    assert conversation.time_zone == "America/Chicago"


def test_both_see_the_conversation_and_the_volunteer_sees_when_once_it_is_set(accepted, client):
    student, volunteer = accepted.user, accepted.profile.user
    client.force_login(volunteer)
    waiting = client.get("/directory/inbox/").content.decode()
    assert "When: not set yet; they will write to you from" in waiting
    client.force_login(student)
    assert client.get(accepted.student_conversation.get_absolute_url()).status_code == 200
    page = client.get(f"/directory/requests/{accepted.pk}/").content.decode()
    assert "maya@alumni.example.edu" in page
    when = datetime(2026, 12, 20, 15, tzinfo=UTC)
    accepted.student_conversation.schedule(when)
    client.force_login(volunteer)
    assert client.get(accepted.volunteer_conversation.get_absolute_url()).status_code == 200
    inbox = client.get("/directory/inbox/").content.decode()
    assert "Sam" in inbox and "I found your profile" in inbox
    assert "Sun 20 Dec" in inbox


def test_the_inbox_costs_the_same_queries_however_many_requests(
    accepted, client, django_assert_max_num_queries
):
    maya = accepted.profile
    maya.capacity_per_month = 20
    maya.save()
    for name in ["kim", "lee", "ana", "bo"]:
        answer(send_request(make_student(name), maya, GOOD_MESSAGE).request, "accept")
    client.force_login(maya.user)
    with django_assert_max_num_queries(4):
        html = client.get("/directory/inbox/").content.decode()
    assert html.count("Your conversation") == 5


def test_the_usual_flow_follows_to_the_thank_you(accepted):
    conversation = accepted.student_conversation
    conversation.schedule(timezone.now() + timedelta(days=3))
    conversation.move_to(Conversation.Status.HELD)
    conversation.move_to(Conversation.Status.THANKED)
    assert conversation.contact.conversations.get().status == Conversation.Status.THANKED


class TestAnswerStats:
    def test_rate_over_decided_requests_and_the_median_time_to_answer(self):
        students = [make_student(f"s{n}") for n in range(4)]
        maya = make_volunteer("maya", capacity_per_month=20)
        start = datetime(2026, 11, 1, 9, tzinfo=UTC)
        for student, status, hours in [
            (students[0], "accepted", 2),
            (students[1], "declined", 10),
            (students[2], "accepted", 30),
            (students[3], "expired", None),
            (students[3], "pending", None),
        ]:
            DirectoryRequest.objects.create(
                user=student,
                profile=maya,
                message="Hi",
                status=status,
                created_at=start,
                answered_at=start + timedelta(hours=hours) if hours else None,
            )
        stats = answer_stats(students)
        assert (stats.sent, stats.answered) == (5, 3)
        assert stats.answer_rate == 0.75
        assert stats.median_time_to_answer == timedelta(hours=10)
        assert answer_stats(students[:1]).answer_rate == 1.0

    def test_nothing_sent_has_no_rate(self):
        stats = answer_stats([make_student()])
        assert (stats.sent, stats.answer_rate, stats.median_time_to_answer) == (0, None, None)
