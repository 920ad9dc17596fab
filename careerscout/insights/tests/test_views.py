from datetime import UTC, datetime

from django.test import TestCase

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.criteria import GAUGES, SUGGESTED
from careerscout.insights.evidence import coverage
from careerscout.insights.models import (
    Contradiction,
    Criterion,
    Item,
    Rating,
    Reflection,
    SkillRating,
)
from careerscout.tests.factories import make_contact, make_user


def held_conversation(user, name, career):
    conversation = Conversation.plan(make_contact(user, name), [career])
    conversation.move_to("scheduled")
    conversation.move_to("held")
    return conversation


def said(conversation, kind, text, topic="", skills=()):
    return Item.objects.create(
        user=conversation.user,
        conversation=conversation,
        contact=conversation.contact,
        kind=kind,
        text=text,
        topic=topic,
        skills=list(skills),
    )


class CoverageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")

    def test_coverage_is_none_thin_or_solid_by_distinct_people(self):
        maya = held_conversation(self.alice, "Maya", self.career)
        sam = held_conversation(self.alice, "Sam", self.career)
        said(maya, "insight", "Mostly interviews", "day_to_day")
        said(maya, "concern", "Long hours", "day_to_day")
        said(sam, "insight", "Lots of workshops", "day_to_day")
        said(sam, "appeal", "Good pay", "lifestyle")
        levels = {entry.topic: entry.level for entry in coverage([self.career])}
        assert levels["day_to_day"] == "solid"
        assert levels["lifestyle"] == "thin"
        assert levels["trends"] == "none"

    def test_notes_and_questions_are_not_evidence(self):
        maya = held_conversation(self.alice, "Maya", self.career)
        said(maya, "note", "Coffee was good", "culture")
        said(maya, "question", "What do ops roles pay?", "lifestyle")
        levels = {entry.topic: entry.level for entry in coverage([self.career])}
        assert levels["culture"] == levels["lifestyle"] == "none"

    def test_another_careers_evidence_does_not_count(self):
        other = Career.objects.create(user=self.alice, title="Law")
        said(held_conversation(self.alice, "Lee", other), "insight", "Billable hours", "lifestyle")
        levels = {entry.topic: entry.level for entry in coverage([self.career])}
        assert levels["lifestyle"] == "none"


class ReflectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")
        cls.meaning = Criterion.objects.create(user=cls.alice, name="Meaningful work", weight=4)
        cls.pay = Criterion.objects.create(user=cls.alice, name="Pay & security", weight=3)

    def setUp(self):
        self.client.force_login(self.alice)
        self.conversation = held_conversation(self.alice, "Maya", self.career)
        self.insight = said(
            self.conversation, "insight", "Research shapes the product", "day_to_day"
        )
        self.url = f"/insights/reflect/{self.conversation.pk}/"

    def post(self, **fields):
        data = {
            "surprised": "How much time goes into recruiting participants",
            "attracted": "Talking to users",
            "worried": "",
            "fit": "Fits my wish to help",
            f"rating-{self.career.pk}-{self.meaning.pk}": "5",
            f"rating-{self.career.pk}-{self.pay.pk}": "",
            "evidence": [self.insight.pk],
        }
        return self.client.post(self.url, {**data, **fields})

    def test_a_reflection_and_its_ratings_are_saved_with_the_evidence(self):
        response = self.post()
        assert response["Location"] == f"/insights/careers/{self.career.pk}/"
        reflection = Reflection.objects.get(conversation=self.conversation)
        assert reflection.attracted == "Talking to users"
        [rating] = Rating.objects.all()
        assert (rating.criterion, rating.value, rating.reflection) == (self.meaning, 5, reflection)
        assert list(rating.evidence.all()) == [self.insight]

    def test_the_reflection_shows_on_the_careers_page(self):
        self.post()
        html = self.client.get(f"/insights/careers/{self.career.pk}/").content.decode()
        assert "After talking with Maya" in html
        assert "How much time goes into recruiting participants" in html

    def test_ratings_keep_their_history(self):
        self.post()
        self.post(**{f"rating-{self.career.pk}-{self.meaning.pk}": "3"})
        values = list(Rating.objects.order_by("rated_at", "id").values_list("value", flat=True))
        assert values == [5, 3]
        html = self.client.get(f"/insights/careers/{self.career.pk}/ratings/").content.decode()
        assert "talking with Maya" in html

    def test_an_unchanged_rating_adds_no_history(self):
        self.post()
        self.post()
        assert Rating.objects.count() == 1

    def test_an_out_of_range_rating_is_refused(self):
        response = self.post(**{f"rating-{self.career.pk}-{self.meaning.pk}": "9"})
        assert response.status_code == 422
        assert not Reflection.objects.exists()

    def test_another_users_conversation_is_a_404(self):
        stranger = held_conversation(
            make_user("charlie"), "X", Career.objects.create(user=make_user("dora"), title="Y")
        )
        assert self.client.get(f"/insights/reflect/{stranger.pk}/").status_code == 404


class CriteriaTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def setUp(self):
        self.client.force_login(self.alice)

    def test_suggested_criteria_and_the_gauges_can_be_added_once(self):
        self.client.post("/insights/criteria/suggested/", {"set": "suggested"})
        self.client.post("/insights/criteria/suggested/", {"set": "suggested"})
        self.client.post("/insights/criteria/suggested/", {"set": "gauges"})
        names = list(Criterion.objects.filter(user=self.alice).values_list("name", flat=True))
        assert names == [name for name, _w, _d in SUGGESTED + GAUGES]

    def test_added_suggestions_are_no_longer_offered(self):
        self.client.post("/insights/criteria/suggested/", {"set": "suggested"})
        html = self.client.get("/insights/criteria/").content.decode()
        assert 'value="suggested"' not in html
        assert 'value="gauges"' in html
        self.client.post("/insights/criteria/suggested/", {"set": "gauges"})
        html = self.client.get("/insights/criteria/").content.decode()
        assert 'value="suggested"' not in html and 'value="gauges"' not in html
        assert "You have added all our suggestions" in html

    def test_only_the_suggestions_not_yet_added_are_offered_whatever_their_case(self):
        Criterion.objects.create(user=self.alice, name="meaningful WORK", weight=5)
        html = self.client.get("/insights/criteria/").content.decode()
        section = html.split('id="suggested-heading"')[1].split("</section>")[0]
        assert "Meaningful work" not in section and "Growth" in section
        self.client.post("/insights/criteria/suggested/", {"set": "suggested"})
        names = set(Criterion.objects.filter(user=self.alice).values_list("name", flat=True))
        assert "Meaningful work" not in names and "meaningful WORK" in names

    def test_the_welcome_page_stops_offering_criteria_once_they_are_added(self):
        assert 'value="suggested"' in self.client.get("/").content.decode()
        response = self.client.post(
            "/insights/criteria/suggested/", {"set": "suggested", "next": "/"}, follow=True
        )
        html = response.content.decode()
        assert "Welcome" in html
        assert 'value="suggested"' not in html and 'value="gauges"' in html

    def test_a_weight_outside_1_to_5_is_refused(self):
        response = self.client.post("/insights/criteria/", {"name": "Fun", "weight": "7"})
        assert response.status_code == 422
        assert not Criterion.objects.exists()

    def test_editing_and_deleting_a_criterion(self):
        criterion = Criterion.objects.create(user=self.alice, name="Fun", weight=2)
        self.client.post(f"/insights/criteria/{criterion.pk}/", {"name": "Fun", "weight": "5"})
        criterion.refresh_from_db()
        assert criterion.weight == 5
        self.client.post(f"/insights/criteria/{criterion.pk}/", {"action": "delete"})
        assert not Criterion.objects.exists()


class ActionsAndGapsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")

    def setUp(self):
        self.client.force_login(self.alice)

    def test_one_click_turns_a_skill_gap_into_an_action(self):
        self.client.post(
            f"/insights/careers/{self.career.pk}/gap-action/", {"skill": "SQL", "kind": "course"}
        )
        action = Item.objects.get(kind="action")
        assert (action.text, action.career) == ("Take a course in SQL", self.career)

    def test_the_action_plan_lists_every_action_and_toggles_done(self):
        conversation = held_conversation(self.alice, "Maya", self.career)
        from_notes = said(conversation, "action", "Read the book")
        Item.objects.create(user=self.alice, career=self.career, kind="action", text="Course")
        html = self.client.get("/insights/actions/").content.decode()
        assert "Read the book" in html and "your conversation with Maya" in html
        self.client.post(f"/insights/actions/{from_notes.pk}/toggle/")
        from_notes.refresh_from_db()
        assert from_notes.done_at is not None

    def test_an_action_for_no_career_in_particular_says_so_in_the_menu(self):
        html = self.client.get("/insights/actions/").content.decode()
        assert '<option value="" selected>None in particular</option>' in html
        assert "Select an option" not in html

    def test_adding_an_action_by_hand(self):
        self.client.post("/insights/actions/", {"text": "Visit a meetup", "due": "2026-12-10"})
        assert Item.objects.get(kind="action").text == "Visit a meetup"

    def test_an_action_due_outside_the_sensible_range_is_a_form_error(self):
        response = self.client.post("/insights/actions/", {"text": "Later", "due": "9999-12-31"})
        assert response.status_code == 422
        assert "between 1900 and 2200" in response.content.decode()
        assert not Item.objects.filter(kind="action").exists()

    def test_marking_two_items_as_disagreeing(self):
        maya = held_conversation(self.alice, "Maya", self.career)
        sam = held_conversation(self.alice, "Sam", self.career)
        one = said(maya, "insight", "Hours are calm", "lifestyle")
        two = said(sam, "concern", "Hours are long", "lifestyle")
        self.client.post(
            f"/insights/careers/{self.career.pk}/contradictions/", {"items": [one.pk, two.pk]}
        )
        assert Contradiction.objects.filter(first=one, second=two).exists()
        html = self.client.get(f"/insights/careers/{self.career.pk}/").content.decode()
        assert "Where people disagree" in html

    def test_the_career_page_shows_evidence_by_topic_with_who_said_it(self):
        maya = held_conversation(self.alice, "Maya", self.career)
        said(maya, "appeal", "Lots of time with users", "day_to_day")
        said(maya, "concern", "On-call during launches", "lifestyle", skills=["SQL"])
        html = self.client.get(f"/insights/careers/{self.career.pk}/").content.decode()
        assert "Lots of time with users" in html
        assert "1 appeal" in html and "1 concern" in html
        assert "Day-to-day work: 1 person" in html
        decide = self.client.get(f"/insights/careers/{self.career.pk}/decide/").content.decode()
        assert "Mentioned by: SQL (1)" in decide
        assert "Strengths it calls for" not in decide
        SkillRating.objects.create(user=self.alice, name="SQL", level=4)
        decide = self.client.get(f"/insights/careers/{self.career.pk}/decide/").content.decode()
        assert "Strengths it calls for" in decide and "you rate yourself 4 of 5" in decide

    def test_the_decide_page_knows_the_occupations_technologies_as_skills_of_the_career(self):
        self.career.confirm_occupations(["15-1255.00"])
        SkillRating.objects.create(user=self.alice, name="figma", level=1)
        decide = self.client.get(f"/insights/careers/{self.career.pk}/decide/").content.decode()
        assert "Hot technologies of this work (O*NET): Adobe Acrobat" in decide
        gaps = decide[decide.index("Gaps worth closing") :]
        assert "Figma" in gaps
        assert "O*NET lists it for Web and Digital Interface Designers" in gaps

    def test_the_career_page_is_a_hub_of_four_sections(self):
        sections = [
            self.career.get_absolute_url(),
            f"/careers/{self.career.pk}/who-to-ask/",
            f"/insights/careers/{self.career.pk}/",
            f"/insights/careers/{self.career.pk}/decide/",
        ]
        for url in sections:
            html = self.client.get(url).content.decode()
            menu = html[html.index('class="section-nav"') :]
            menu = menu[: menu.index("</nav>")]
            assert all(f'href="{link}"' in menu for link in sections), url
            assert menu.count('aria-current="page"') == 1, url


class ToggleTimeTests(TestCase):
    def test_done_time_is_recorded(self):
        alice = make_user("alice")
        item = Item.objects.create(user=alice, kind="action", text="x")
        self.client.force_login(alice)
        self.client.post(f"/insights/actions/{item.pk}/toggle/")
        item.refresh_from_db()
        assert item.done_at <= datetime.now(UTC)
