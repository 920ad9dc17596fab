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

    def test_the_bank_is_copied_in_once_on_first_visit(self):
        self.client.get("/questions/")
        self.client.get("/questions/")
        assert Question.objects.for_user(self.alice).count() == len(BANK) >= 80

    def test_the_page_groups_questions_by_topic(self):
        html = self.client.get("/questions/").content.decode()
        for label in ["Day-to-day work", "Pay, hours &amp; lifestyle", "Getting in"]:
            assert label in html
        assert "Who else should I talk to" in html

    def test_starring_and_hiding_toggle(self):
        self.client.get("/questions/")
        question = Question.objects.for_user(self.alice).first()
        self.client.post(f"/questions/{question.pk}/starred/toggle/")
        self.client.post(f"/questions/{question.pk}/hidden/toggle/")
        question.refresh_from_db()
        assert question.starred and question.hidden
        assert question.text not in self.client.get("/questions/").content.decode()
        assert question.text in self.client.get("/questions/?show=hidden").content.decode()

    def test_htmx_toggle_returns_just_the_question(self):
        self.client.get("/questions/")
        question = Question.objects.for_user(self.alice).first()
        response = self.client.post(
            f"/questions/{question.pk}/starred/toggle/", headers={"HX-Request": "true"}
        )
        html = response.content.decode().strip()
        assert html.startswith(f'<li class="question" id="question-{question.pk}"')
        assert "★ Starred" in html

    def test_an_unknown_switch_is_a_404(self):
        self.client.get("/questions/")
        question = Question.objects.for_user(self.alice).first()
        assert self.client.post(f"/questions/{question.pk}/text/toggle/").status_code == 404

    def test_adding_editing_and_deleting_my_own_question(self):
        self.client.post(
            "/questions/add/", {"text": "What surprised you most?", "topic": "culture"}
        )
        mine = Question.objects.get(user=self.alice, custom=True)
        assert mine.key == f"custom-{mine.pk}"
        self.client.post(
            f"/questions/{mine.pk}/", {"text": "What surprised you?", "topic": "culture"}
        )
        mine.refresh_from_db()
        assert mine.text == "What surprised you?"
        self.client.post(f"/questions/{mine.pk}/delete/")
        assert not Question.objects.filter(pk=mine.pk).exists()

    def test_our_questions_can_be_hidden_but_not_deleted(self):
        self.client.get("/questions/")
        ours = Question.objects.for_user(self.alice).first()
        self.client.post(f"/questions/{ours.pk}/delete/")
        assert Question.objects.filter(pk=ours.pk).exists()

    def test_an_empty_question_is_refused_with_a_reason(self):
        response = self.client.post(
            "/questions/add/", {"text": "", "topic": "culture"}, follow=True
        )
        assert "Write the question you would like to ask" in response.content.decode()
        assert not Question.objects.filter(custom=True).exists()
