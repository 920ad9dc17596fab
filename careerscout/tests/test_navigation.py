"""The main menu lights the section a person came from, even where another app serves the page."""

from django.test import TestCase

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.tests.factories import make_contact, make_user


class NavigationTests(TestCase):
    def test_the_prep_brief_and_live_notes_keep_conversations_lit_in_the_menu(self):
        alice = make_user("alice")
        career = Career.objects.create(user=alice, title="UX research")
        conversation = Conversation.plan(make_contact(alice, "Maya Chen"), [career])
        self.client.force_login(alice)
        for page in ["prep", "live"]:
            html = self.client.get(f"/conversations/{conversation.pk}/{page}/").content.decode()
            assert '<a href="/conversations/" aria-current="page">' in html, page
            assert '<a href="/questions/" aria-current="page">' not in html, page

    def test_the_question_bank_lights_questions(self):
        self.client.force_login(make_user("alice"))
        html = self.client.get("/questions/").content.decode()
        assert '<a href="/questions/" aria-current="page">' in html
        assert '<a href="/conversations/" aria-current="page">' not in html

    def test_a_careers_learned_and_decide_tabs_keep_careers_lit(self):
        alice = make_user("alice")
        career = Career.objects.create(user=alice, title="UX research")
        self.client.force_login(alice)
        for url in [f"/insights/careers/{career.pk}/", f"/insights/careers/{career.pk}/decide/"]:
            html = self.client.get(url).content.decode()
            assert '<a href="/careers/" aria-current="page">' in html, url
            assert '<a href="/insights/" aria-current="page">' not in html, url

    def test_the_insights_overview_lights_insights(self):
        self.client.force_login(make_user("alice"))
        html = self.client.get("/insights/").content.decode()
        assert '<a href="/insights/" aria-current="page">' in html
