from datetime import UTC, datetime
from unittest import mock

import time_machine
from django.core import mail
from django.test import TestCase, override_settings

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.outreach.checker import check_draft
from careerscout.outreach.drafting import build_draft
from careerscout.outreach.models import DraftTemplate, Message
from careerscout.people.organizations import link_organization
from careerscout.tests.factories import make_contact, make_user

S = Conversation.Status


class DraftPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", name="Alice Martin", email="alice@example.org")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")

    def setUp(self):
        self.client.force_login(self.alice)
        self.maya = make_contact(
            self.alice,
            "Maya Chen",
            emails=["maya@globex.example"],
            organization="Globex",
            how_we_know="We met at the UX Berlin meetup last spring",
            source="event",
        )
        link_organization(self.maya)
        self.conversation = Conversation.plan(self.maya, [self.career])
        self.url = f"/outreach/draft/{self.conversation.pk}/request/"

    def test_the_request_is_filled_in_and_passes_the_method_check(self):
        draft = build_draft(self.alice, "request", self.maya, self.conversation)
        assert draft.body.startswith("Hi Maya,")
        assert "we met at the UX Berlin meetup last spring" in draft.body
        assert "UX research" in draft.body
        assert "Alice Martin" in draft.body
        assert check_draft("request", draft.subject, draft.body).findings == []

    def test_the_draft_page_shows_the_text_the_word_count_and_a_mail_link(self):
        html = self.client.get(self.url).content.decode()
        assert "Hi Maya," in html
        assert "Looks good: it follows the method." in html
        assert 'href="mailto:maya@globex.example?subject=' in html

    def test_the_live_check_returns_only_the_checker_partial(self):
        response = self.client.post(
            "/outreach/check/",
            {
                "kind": "request",
                "subject": "Job?",
                "body": "Hi, do you have a job for me?",
                "contact": self.maya.pk,
            },
            headers={"HX-Request": "true"},
        )
        html = response.content.decode()
        assert html.lstrip().startswith('<aside id="check"')
        assert "<html" not in html
        assert "job" in html.lower()

    def test_recording_a_sent_request_moves_the_conversation_and_logs_it(self):
        response = self.client.post(
            self.url, {"subject": "Hello", "body": "Hi Maya, …", "action": "mark_sent"}
        )
        assert response.status_code == 302
        self.conversation.refresh_from_db()
        assert self.conversation.status == S.REQUESTED
        message = Message.objects.get()
        assert (message.kind, message.channel, message.subject) == ("request", "marked", "Hello")
        assert "Sent: request — Hello" in self.maya.timeline.values_list("summary", flat=True)
        self.maya.refresh_from_db()
        assert self.maya.last_contact_at is not None

    def test_downloading_an_eml_gives_a_real_email_and_records_nothing_as_sent(self):
        response = self.client.post(
            self.url, {"subject": "Hello Maya", "body": "Hi Maya,\n\nThe text.", "action": "eml"}
        )
        assert response["Content-Type"] == "message/rfc822"
        assert "attachment" in response["Content-Disposition"]
        raw = response.content.decode()
        assert "Subject: Hello Maya" in raw
        assert "To: maya@globex.example" in raw
        assert not Message.objects.exists()
        self.conversation.refresh_from_db()
        assert self.conversation.status == S.PLANNED

    def test_i_sent_it_records_the_message_exactly_once(self):
        form = {"subject": "Hello", "body": "Hi Maya, …", "action": "mark_sent"}
        for _click in range(3):
            assert self.client.post(self.url, form).status_code == 302
        assert Message.objects.count() == 1
        sent_lines = self.maya.timeline.filter(summary__startswith="Sent: request")
        assert sent_lines.count() == 1
        assert self.conversation.changes.filter(to_status=S.REQUESTED).count() == 1

    def test_nothing_is_sent_by_email_unless_configured(self):
        self.client.post(self.url, {"subject": "Hello", "body": "Hi", "action": "send"})
        assert mail.outbox == []
        assert not Message.objects.exists()

    def test_without_e_mail_the_page_says_it_sends_nothing_itself(self):
        html = self.client.get(self.url).content.decode()
        assert "Career Scout does not send it for you." in html
        assert "Nothing is sent until" not in html

    @override_settings(EMAIL_CONFIGURED=True)
    def test_with_e_mail_the_page_names_the_button_that_sends(self):
        html = self.client.get(self.url).content.decode()
        assert "Nothing is sent until you press “Send by e-mail now”." in html
        assert "Send by e-mail now</button>" in html

    @override_settings(EMAIL_CONFIGURED=True)
    def test_sending_by_email_when_configured(self):
        self.client.post(self.url, {"subject": "Hello", "body": "Hi Maya", "action": "send"})
        [sent] = mail.outbox
        assert sent.to == ["maya@globex.example"]
        assert sent.reply_to == ["alice@example.org"]
        assert Message.objects.get().channel == "email"

    def test_an_empty_body_is_refused_and_nothing_is_recorded(self):
        response = self.client.post(self.url, {"subject": "x", "body": "", "action": "mark_sent"})
        assert response.status_code == 422
        assert not Message.objects.exists()

    @override_settings(EMAIL_CONFIGURED=True)
    def test_a_line_break_in_the_subject_is_a_form_error_and_nothing_is_recorded(self):
        for action in ("eml", "send", "mark_sent"):
            for subject in ("Hello\nBcc: everyone@example.org", "Hello\r\nX: y", "Hi\rthere"):
                response = self.client.post(
                    self.url, {"subject": subject, "body": "Hi Maya", "action": action}
                )
                assert response.status_code == 422, (action, subject)
                assert "one line" in response.content.decode()
        assert mail.outbox == []
        assert not Message.objects.exists()
        self.conversation.refresh_from_db()
        assert self.conversation.status == S.PLANNED

    @override_settings(EMAIL_CONFIGURED=True)
    def test_a_name_with_a_line_break_still_makes_a_valid_email(self):
        self.alice.name = "Alice\nBcc: everyone@example.org"
        self.alice.save()
        response = self.client.post(self.url, {"subject": "Hi", "body": "Hi", "action": "eml"})
        assert response.status_code == 200
        assert b"\nBcc:" not in response.content
        self.client.post(self.url, {"subject": "Hi", "body": "Hi", "action": "send"})
        [sent] = mail.outbox
        assert "\n" not in sent.from_email

    def test_a_template_subject_must_be_one_line(self):
        response = self.client.post(
            "/outreach/templates/new/",
            {"kind": "request", "name": "Mine", "subject": "A\nB", "body": "Hi {first_name}"},
        )
        assert response.status_code == 422
        assert not DraftTemplate.objects.exists()

    def test_a_second_request_at_the_same_organisation_is_warned_about(self):
        sam = make_contact(self.alice, "Sam Lee", organization="Globex Inc.")
        link_organization(sam)
        first = Conversation.plan(sam, [self.career])
        first.move_to(S.REQUESTED)
        html = self.client.get(self.url).content.decode()
        assert "One request per organisation at a time" in html
        assert "You asked Sam Lee at Globex" in html
        assert "Give them three business days to reply" in html

    def test_the_wait_before_asking_someone_else_there_is_the_rules(self):
        sam = make_contact(self.alice, "Sam Lee", organization="Globex Inc.")
        link_organization(sam)
        Conversation.plan(sam, [self.career]).move_to(S.REQUESTED)
        with mock.patch("careerscout.conversations.followups.NEXT_PERSON_AFTER", 5):
            html = self.client.get(self.url).content.decode()
        assert "Give them five business days to reply before asking someone else there" in html

    def test_an_unknown_kind_is_a_404(self):
        assert self.client.get(f"/outreach/draft/{self.conversation.pk}/spam/").status_code == 404

    def test_a_thank_you_moves_a_held_conversation_to_thanked(self):
        self.conversation.move_to(S.SCHEDULED)
        self.conversation.move_to(S.HELD)
        self.client.post(
            f"/outreach/draft/{self.conversation.pk}/thank_you/",
            {"subject": "Thank you", "body": "Hi Maya, thank you!", "action": "mark_sent"},
        )
        self.conversation.refresh_from_db()
        assert self.conversation.status == S.THANKED

    def test_a_follow_up_is_recorded_once(self):
        self.conversation.move_to(S.REQUESTED, datetime(2026, 11, 2, tzinfo=UTC))
        for _ in range(2):
            self.client.post(
                f"/outreach/draft/{self.conversation.pk}/follow_up/",
                {"subject": "Re", "body": "Hi Maya", "action": "mark_sent"},
            )
        self.conversation.refresh_from_db()
        first_follow_up = self.conversation.followed_up_at
        assert first_follow_up is not None
        assert Message.objects.filter(kind="follow_up").count() == 1
        self.client.post(
            f"/outreach/draft/{self.conversation.pk}/follow_up/",
            {"subject": "Re", "body": "Hi Maya, a different text", "action": "mark_sent"},
        )
        self.conversation.refresh_from_db()
        assert self.conversation.followed_up_at == first_follow_up
        assert Message.objects.filter(kind="follow_up").count() == 2

    def test_keep_in_touch_drafts_for_a_person_without_a_conversation(self):
        response = self.client.get(f"/outreach/draft/person/{self.maya.pk}/keep_in_touch/")
        assert response.status_code == 200
        body = response.context["form"].initial["body"]
        assert "I hope all is well at Globex" in body
        assert "{" not in body
        assert response.context["result"].findings == []

    def test_a_career_named_as_a_role_reads_as_a_field_and_a_role(self):
        self.career.title = "UX Researcher"
        self.career.save()
        draft = build_draft(self.alice, "request", self.maya, self.conversation)
        assert draft.subject == "A question about UX research"
        assert "I'm exploring UX research" in draft.body
        assert "how you became a UX researcher" in draft.body

    def test_how_you_know_them_is_left_out_when_it_does_not_fit_a_sentence(self):
        self.maya.how_we_know = "Former colleague, Globex days"
        self.maya.source = "colleague"
        self.maya.save()
        draft = build_draft(self.alice, "request", self.maya, self.conversation)
        assert "I'm Alice Martin — we worked together." in draft.body
        assert "Former colleague" not in draft.body


class TemplateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def setUp(self):
        self.client.force_login(self.alice)

    def test_the_list_shows_our_templates_for_every_kind(self):
        html = self.client.get("/outreach/templates/").content.decode()
        for label in ["Request", "Follow-up", "Thank-you note", "Keep in touch", "Report back"]:
            assert label in html

    def test_a_saved_template_is_used_for_new_drafts(self):
        self.client.post(
            "/outreach/templates/new/",
            {
                "kind": "request",
                "name": "Short",
                "subject": "Hi from {my_name}",
                "body": "Dear {first_name}, …",
            },
        )
        template = DraftTemplate.objects.get()
        maya = make_contact(self.alice, "Maya Chen")
        draft = build_draft(self.alice, "request", maya)
        assert draft.body == "Dear Maya, …"
        assert template.user == self.alice

    def test_starting_from_ours_prefills_the_form(self):
        html = self.client.get("/outreach/templates/new/?kind=thank_you").content.decode()
        assert "Thank you for taking the time" in html

    def test_editing_and_deleting_a_template(self):
        template = DraftTemplate.objects.create(
            user=self.alice, kind="request", name="A", subject="S", body="B"
        )
        self.client.post(
            f"/outreach/templates/{template.pk}/",
            {"kind": "request", "name": "A", "subject": "New", "body": "B"},
        )
        template.refresh_from_db()
        assert template.subject == "New"
        self.client.post(f"/outreach/templates/{template.pk}/delete/")
        assert not DraftTemplate.objects.exists()

    def test_two_templates_of_one_kind_need_different_names(self):
        DraftTemplate.objects.create(
            user=self.alice, kind="request", name="A", subject="S", body="B"
        )
        response = self.client.post(
            "/outreach/templates/new/",
            {"kind": "request", "name": "A", "subject": "S", "body": "B"},
        )
        assert response.status_code == 422
        assert "already have a template with this name" in response.content.decode()


class ThankYouFromNotesTests(TestCase):
    def test_the_thank_you_cites_what_they_said_and_what_comes_next(self):
        from careerscout.insights.models import Item

        alice = make_user("alice", name="Alice Martin")
        maya = make_contact(alice, "Maya Chen")
        conversation = Conversation.plan(maya, [])
        Item.objects.create(
            user=alice,
            conversation=conversation,
            kind="advice",
            text="Build a portfolio of three case studies",
        )
        Item.objects.create(
            user=alice, conversation=conversation, kind="action", text="Start my first case study"
        )
        draft = build_draft(alice, "thank_you", maya, conversation)
        assert "when you suggested I build a portfolio of three case studies." in draft.body
        assert "I'm going to start my first case study" in draft.body
        assert "about build" not in draft.body
        assert check_draft("thank_you", draft.subject, draft.body).findings == []


@time_machine.travel(datetime(2026, 11, 20, tzinfo=UTC))
class ConfirmationTests(TestCase):
    def test_the_confirmation_names_the_time_in_their_zone_and_attaches_the_invitation(self):
        alice = make_user("alice", name="Alice Martin", email="alice@example.org")
        maya = make_contact(alice, "Maya Chen", emails=["maya@globex.example"])
        conversation = Conversation.plan(maya, [])
        conversation.schedule(
            datetime(2026, 12, 1, 9, 0, tzinfo=UTC),
            time_zone="Europe/Berlin",
            video_url="https://meet.example/abc",
        )
        draft = build_draft(alice, "confirm", maya, conversation)
        assert "Tuesday 1 December, 10:00–10:20 (Berlin time)" in draft.body
        assert "https://meet.example/abc" in draft.body
        assert check_draft("confirm", draft.subject, draft.body).findings == []
        self.client.force_login(alice)
        response = self.client.post(
            f"/outreach/draft/{conversation.pk}/confirm/",
            {"subject": draft.subject, "body": draft.body, "action": "eml"},
        )
        raw = response.content.decode()
        assert "Content-Type: text/calendar" in raw
        assert "METHOD:REQUEST" in raw
        assert "invitation.ics" in raw

    def test_a_time_next_year_says_the_year_and_their_zone_as_people_say_it(self):
        alice = make_user("alice", name="Alice Martin", time_zone="Europe/London")
        maya = make_contact(alice, "Maya Chen", time_zone="America/New_York")
        conversation = Conversation.plan(maya, [])
        conversation.schedule(datetime(2027, 1, 5, 14, 0, tzinfo=UTC))
        body = build_draft(alice, "confirm", maya, conversation).body
        assert "Tuesday 5 January 2027, 09:00–09:20 (New York time)" in body
        assert "America/New_York" not in body


class TemplateCheckTests(TestCase):
    def test_starting_from_ours_checks_it_as_filled_in_with_nothing_to_fix(self):
        self.client.force_login(make_user("alice"))
        for kind in ["request", "follow_up", "thank_you", "keep_in_touch", "report_back"]:
            response = self.client.get(f"/outreach/templates/new/?kind={kind}")
            assert response.context["result"].findings == [], kind

    def test_a_name_that_is_not_a_placeholder_is_pointed_at(self):
        self.client.force_login(make_user("alice"))
        response = self.client.post(
            "/outreach/templates/new/",
            {"kind": "keep_in_touch", "name": "", "subject": "Hi", "body": "Hi {frist_name},"},
        )
        codes = [finding.code for finding in response.context["result"].findings]
        assert "unfilled_placeholder" in codes
