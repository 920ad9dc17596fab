from django.test import TestCase

from careerscout.questions.bank import BANK
from careerscout.questions.models import Question
from careerscout.tests.factories import make_user


class QuestionBankPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def setUp(self):
        self.client.force_login(self.alice)

    def test_the_page_shows_our_whole_bank_without_saving_anything(self):
        html = self.client.get("/questions/").content.decode()
        assert html.count('class="question"') == len(BANK) >= 80
        assert not Question.objects.exists()

    def test_a_change_saves_only_that_question(self):
        self.client.post("/questions/typical-day/starred/toggle/")
        assert list(Question.objects.for_user(self.alice).values_list("key", "starred")) == [
            ("typical-day", True)
        ]

    def test_the_page_groups_questions_by_topic(self):
        html = self.client.get("/questions/").content.decode()
        for label in ["Day-to-day work", "Pay, hours &amp; lifestyle", "Getting in"]:
            assert label in html
        assert "Who else should I talk to" in html

    def test_starring_and_hiding_toggle(self):
        self.client.post("/questions/typical-day/starred/toggle/")
        self.client.post("/questions/typical-day/hidden/toggle/")
        question = Question.objects.get(user=self.alice, key="typical-day")
        assert question.starred and question.hidden
        assert question.text not in self.client.get("/questions/").content.decode()
        assert question.text in self.client.get("/questions/?show=hidden").content.decode()

    def test_htmx_toggle_returns_just_the_question(self):
        response = self.client.post(
            "/questions/typical-day/starred/toggle/", headers={"HX-Request": "true"}
        )
        html = response.content.decode().strip()
        assert html.startswith('<li class="question" id="question-typical-day"')
        assert "★ Starred" in html

    def test_an_unknown_switch_or_question_is_a_404(self):
        assert self.client.post("/questions/typical-day/text/toggle/").status_code == 404
        assert self.client.post("/questions/no-such-one/starred/toggle/").status_code == 404
        assert not Question.objects.exists()

    def test_adding_editing_and_deleting_my_own_question(self):
        self.client.post(
            "/questions/add/", {"text": "What surprised you most?", "topic": "culture"}
        )
        mine = Question.objects.get(user=self.alice, custom=True)
        assert mine.key == f"custom-{mine.pk}"
        self.client.post(
            f"/questions/{mine.key}/", {"text": "What surprised you?", "topic": "culture"}
        )
        mine.refresh_from_db()
        assert mine.text == "What surprised you?"
        self.client.post(f"/questions/{mine.key}/delete/")
        assert not Question.objects.filter(pk=mine.pk).exists()

    def test_our_questions_can_be_hidden_but_not_deleted(self):
        self.client.post("/questions/typical-day/hidden/toggle/")
        response = self.client.post("/questions/typical-day/delete/", follow=True)
        assert "can be hidden, not deleted" in response.content.decode()
        assert Question.objects.filter(user=self.alice, key="typical-day").exists()

    def test_editing_one_of_ours_keeps_the_change_in_my_bank(self):
        page = self.client.get("/questions/typical-day/")
        assert "typical day" in page.content.decode()
        assert not Question.objects.exists()
        self.client.post(
            "/questions/typical-day/", {"text": "A normal week?", "topic": "day_to_day"}
        )
        assert Question.objects.get(user=self.alice, key="typical-day").text == "A normal week?"

    def test_an_empty_question_is_refused_with_a_reason(self):
        response = self.client.post(
            "/questions/add/", {"text": "", "topic": "culture"}, follow=True
        )
        assert "Write the question you would like to ask" in response.content.decode()
        assert not Question.objects.filter(custom=True).exists()
