"""Which skills count as needed for a career, and how the Skills page offers them for rating."""

from django.test import TestCase

from careerscout.careers.models import Career
from careerscout.insights.evidence import mentioned_skills, skill_mentions
from careerscout.insights.models import SkillRating
from careerscout.insights.skills import canonical_skill
from careerscout.insights.tests.test_views import held_conversation, said
from careerscout.tests.factories import make_user


class SkillMentionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")
        cls.maya = held_conversation(cls.alice, "Maya", cls.career)
        cls.sam = held_conversation(cls.alice, "Sam", cls.career)

    def test_a_persons_history_is_not_a_skill_to_build(self):
        said(self.maya, "note", "Started in market research at Ipsos")
        said(self.maya, "appeal", "Loves the Figma crowd")
        said(self.maya, "concern", "Too much Excel for my taste")
        assert skill_mentions(self.career) == {}

    def test_advice_and_insights_name_skills_in_plain_words(self):
        said(self.maya, "advice", "Learn SQL before you apply anywhere")
        said(self.sam, "insight", "Every team here runs usability tests weekly")
        assert skill_mentions(self.career) == {"SQL": 1, "Usability testing": 1}

    def test_a_skill_tag_counts_on_any_kind_of_item_but_an_action(self):
        said(self.maya, "concern", "The hours are long", skills=["SQL"])
        said(self.sam, "note", "", skills=["Figma"])
        said(self.sam, "action", "Take a course", skills=["Tableau"])
        assert skill_mentions(self.career) == {"SQL": 1, "Figma": 1}

    def test_one_skill_typed_in_different_cases_is_one_skill_in_sentence_case(self):
        said(self.maya, "advice", "Do more", skills=["stakeholder interviews"])
        said(self.sam, "insight", "Do more", skills=["Stakeholder Interviews"])
        assert skill_mentions(self.career) == {"Stakeholder interviews": 2}

    def test_mentioned_skills_span_careers_and_leave_out_what_is_rated(self):
        policy = Career.objects.create(user=self.alice, title="Climate policy")
        said(held_conversation(self.alice, "Kim", policy), "advice", "Get good at GIS")
        said(self.maya, "advice", "Learn SQL and Figma")
        SkillRating.objects.create(user=self.alice, name="Figma", level=3)
        assert mentioned_skills(self.alice) == ["GIS", "SQL"]
        assert mentioned_skills(make_user("bob")) == []


def test_an_unknown_lower_case_skill_is_shown_in_sentence_case():
    assert canonical_skill("stakeholder_interviews") == "Stakeholder interviews"
    assert canonical_skill("iOS development") == "iOS development"
    assert canonical_skill("dbt") == "dbt"  # short lower-case words are often acronyms


class SkillsPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        career = Career.objects.create(user=cls.alice, title="UX research")
        said(held_conversation(cls.alice, "Maya", career), "advice", "Learn SQL and Figma")

    def setUp(self):
        self.client.force_login(self.alice)

    def test_the_skills_page_offers_the_mentioned_skills_for_self_rating(self):
        html = self.client.get("/insights/skills/").content.decode()
        section = html.split('id="mentioned-heading"')[1].split("</section>")[0]
        assert 'value="Figma"' in section and 'value="SQL"' in section
        self.client.post("/insights/skills/", {"name": "Figma", "level": "4"})
        html = self.client.get("/insights/skills/").content.decode()
        section = html.split('id="mentioned-heading"')[1].split("</section>")[0]
        assert 'value="Figma"' not in section and 'value="SQL"' in section

    def test_a_rating_typed_in_another_case_updates_the_one_skill(self):
        self.client.post("/insights/skills/", {"name": "SQL", "level": "2"})
        self.client.post("/insights/skills/", {"name": " sql ", "level": "4"})
        assert list(SkillRating.objects.values_list("name", "level")) == [("SQL", 4)]

    def test_the_skills_page_reads_a_constant_number_of_queries(self):
        career = Career.objects.create(user=self.alice, title="Data analysis")
        for name in ["Kim", "Lee", "Noor"]:
            said(held_conversation(self.alice, name, career), "insight", "Python and Tableau")
        SkillRating.objects.create(user=self.alice, name="Python", level=2)
        with self.assertNumQueries(5):
            html = self.client.get("/insights/skills/").content.decode()
        assert 'value="Tableau"' in html
