from datetime import UTC, datetime

from django.test import TestCase

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.conversations.stats import response_rates
from careerscout.tests.factories import make_contact, make_user


class ResponseRateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        ux = Career.objects.create(user=cls.alice, title="UX research")
        law = Career.objects.create(user=cls.alice, title="Law")
        asked = datetime(2026, 11, 2, tzinfo=UTC)
        for name, source, careers, replied in [
            ("A", "alumni", [ux], True),
            ("B", "alumni", [ux, law], False),
            ("C", "linkedin", [law], True),
            ("D", "linkedin", [], None),  # planned only: not asked yet
        ]:
            conversation = Conversation.plan(make_contact(cls.alice, name, source=source), careers)
            if replied is not None:
                conversation.move_to("requested", asked)
                if replied:
                    conversation.record_reply(asked)

    def test_rates_by_source_and_by_career_count_only_sent_requests(self):
        by_source, by_career = response_rates(self.alice)
        assert [(r.label, r.asked, r.replied) for r in by_source] == [
            ("Alumni", 2, 1),
            ("LinkedIn", 1, 1),
        ]
        assert [(r.label, r.asked, r.replied) for r in by_career] == [
            ("Law", 2, 1),
            ("UX research", 2, 1),
        ]
        assert by_source[0].summary == "1 of 2 replied (50%)"

    def test_the_conversations_page_shows_the_chart_with_a_table(self):
        self.client.force_login(self.alice)
        html = self.client.get("/conversations/").content.decode()
        assert "Replies by where you know them from" in html
        assert '<th scope="row">Alumni</th><td>2</td><td>1</td><td>50%</td>' in html
        # Alumni: asked twice (the whole track), one reply (half of it).
        assert '<rect x="0" y="19" width="360" height="12" rx="3" class="chart__track"' in html
        assert '<rect x="0" y="19" width="180" height="12" rx="3" class="chart__fill"' in html


class NoCareerTests(TestCase):
    def test_requests_about_no_career_leave_out_the_empty_career_chart(self):
        """A directory request made before naming any career has a source but no career."""
        sam = make_user("sam")
        conversation = Conversation.plan(make_contact(sam, "Val V.", source="alumni"), [])
        conversation.move_to("requested", datetime(2026, 11, 2, tzinfo=UTC))
        self.client.force_login(sam)
        html = self.client.get("/conversations/").content.decode()
        assert "Replies by where you know them from" in html
        assert "Replies by career" not in html
