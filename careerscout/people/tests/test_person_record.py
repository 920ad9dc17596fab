"""A person's page leads to each conversation, says when to get back in touch, and who
suggested them; "who to ask" and the request draft use that."""

from datetime import UTC, datetime

import pytest
import time_machine

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.capture import end_conversation
from careerscout.outreach.drafting import build_draft
from careerscout.tests.factories import make_contact, make_user

S = Conversation.Status


@pytest.fixture
def alice(db):
    return make_user("alice", time_zone="Europe/London")


@pytest.fixture
def career(alice):
    return Career.objects.create(user=alice, title="UX research")


def held_with(contact, career, notes: str, at=datetime(2026, 11, 30, 9, tzinfo=UTC)):
    conversation = Conversation.plan(contact, [career])
    conversation.move_to(S.SCHEDULED, at)
    conversation.notes = notes
    conversation.save()
    with time_machine.travel(at, tick=False):
        end_conversation(conversation)
    return conversation


def test_every_conversation_is_listed_with_an_excerpt_and_a_link(client, alice, career):
    maya = make_contact(alice, "Maya Chen")
    held = held_with(maya, career, "# Call\n**Research** is mostly evaluative. " + "word " * 40)
    planned = Conversation.plan(maya, [career])
    client.force_login(alice)
    html = client.get(maya.get_absolute_url()).content.decode()
    section = html.split('id="conversations-heading"')[1].split("</section>")[0]
    assert f'href="{held.get_absolute_url()}">Conversation of 30 Nov 2026</a>' in section
    assert f'href="{planned.get_absolute_url()}">Conversation</a>' in section
    assert "Call Research is mostly evaluative. word" in section and "…" in section
    assert "**" not in section


def test_timeline_lines_about_a_conversation_lead_to_it(client, alice, career):
    maya = make_contact(alice, "Maya Chen")
    conversation = Conversation.plan(maya, [career])
    conversation.move_to(S.REQUESTED)
    client.force_login(alice)
    html = client.get(maya.get_absolute_url()).content.decode()
    timeline = html.split('id="timeline-heading"')[1]
    assert (
        f'<a href="{conversation.get_absolute_url()}">Sent a request for a conversation</a>'
        in timeline
    )
    conversation.delete()
    assert maya.timeline.filter(summary="Sent a request for a conversation").exists()
    assert not maya.timeline.filter(conversation__isnull=False).exists()


def test_keep_in_touch_shows_cadence_last_contact_and_next_date(client, alice):
    maya = make_contact(alice, "Maya Chen", keep_in_touch_months=3)
    maya.touch(datetime(2026, 11, 10, 12, tzinfo=UTC))
    client.force_login(alice)
    html = client.get(maya.get_absolute_url()).content.decode()
    keep = html.split('id="keep-heading"')[1].split("</section>")[0]
    assert "Every 3 months" in keep
    assert "Tue 10 Nov 2026" in keep and "Wed 10 Feb 2027" in keep
    assert f'href="/outreach/draft/person/{maya.pk}/keep_in_touch/"' in keep
    assert "Write a keep-in-touch note" in keep


def test_a_person_without_a_time_zone_is_shown_in_yours(client, alice):
    maya = make_contact(alice, "Maya Chen")
    client.force_login(alice)
    html = client.get(maya.get_absolute_url()).content.decode()
    assert "<dd>Not known yet: times are shown in yours (Europe/London)." in html
    assert f'<a href="/people/{maya.pk}/edit/">Add theirs</a>' in html
    assert "their time zone: not known" not in html, "the label is not repeated"


class TestReferralToSomeoneKnown:
    @pytest.fixture
    def sam(self, alice, career):
        sam = make_contact(alice, "Sam Lee", title="UX researcher", organization="Initech")
        dana = make_contact(alice, "Dana Whitfield")
        self.conversation = held_with(dana, career, "@Sam Lee (Staff Researcher, Initech)")
        sam.refresh_from_db()
        return sam

    def test_it_shows_on_their_page_and_timeline(self, client, alice, sam):
        client.force_login(alice)
        html = client.get(sam.get_absolute_url()).content.decode()
        about = html.split('id="about-heading"')[1].split("</section>")[0]
        assert "Suggested by" in about and "Dana Whitfield</a> suggested them" in about
        assert self.conversation.get_absolute_url() in about
        timeline = html.split('id="timeline-heading"')[1]
        assert "Dana Whitfield suggested them</a>" in timeline

    def test_it_is_a_reason_in_who_to_ask(self, alice, career, sam):
        reasons = dict((c.pk, s.reasons) for c, s in career.who_to_ask())[sam.pk]
        assert "Dana Whitfield suggested them" in reasons

    def test_the_request_opens_with_who_suggested_them(self, alice, career, sam):
        assert sam.how_we_know == "Dana Whitfield suggested I get in touch"
        conversation = Conversation.plan(sam, [career])
        draft = build_draft(alice, "request", sam, conversation)
        assert "Dana Whitfield suggested I get in touch" in draft.body

    def test_a_connection_already_noted_is_kept(self, alice, career):
        sam = make_contact(alice, "Sam Lee", how_we_know="We worked together at Initech")
        held_with(make_contact(alice, "Dana Whitfield"), career, "@Sam Lee")
        sam.refresh_from_db()
        assert sam.how_we_know == "We worked together at Initech"


def test_search_finds_words_in_conversation_notes_and_leads_to_the_record(client, alice, career):
    maya = make_contact(alice, "Maya Chen")
    held = held_with(maya, career, "Talked about " + "filler " * 20 + "the Kanban board at Globex")
    other = held_with(make_contact(alice, "Sam Lee"), career, "Nothing relevant here")
    stranger = make_user("charlie")
    held_with(
        make_contact(stranger, "Hidden"), Career.objects.create(user=stranger, title="X"), "Kanban"
    )
    client.force_login(alice)
    html = client.get("/people/", {"q": "kanban globex"}).content.decode()
    notes = html.split('id="in-notes-heading"')[1]
    assert f'<a href="{held.get_absolute_url()}">Conversation with Maya Chen</a>' in notes
    assert "the Kanban board at Globex" in notes and "…" in notes
    assert other.get_absolute_url() not in notes and "Hidden" not in notes
