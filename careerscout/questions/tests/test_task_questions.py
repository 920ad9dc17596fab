from django.test import TestCase

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.questions.saved_plans import make_plan, suggested_plan
from careerscout.tests.factories import make_contact, make_user


class TaskQuestionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.maya = make_contact(cls.alice, "Maya", title="UX Researcher")

    def plan_for(self, career):
        return suggested_plan(Conversation.plan(self.maya, [career]))

    def test_a_career_with_its_occupation_asks_about_its_most_important_task(self):
        career = Career.objects.create(
            user=self.alice, title="Survey research", occupation_codes=["19-3022.00"]
        )
        plan = self.plan_for(career)
        [task] = [item for item in plan.items if item.key == "onet-task-19-3022-00"]
        assert task.topic == "day_to_day"
        assert task.text.startswith("Your work includes “")
        assert task.text.endswith("” — what does that look like day to day?")
        assert task.reason.startswith("From O*NET’s most important task for Survey Researchers.")
        assert plan.items.index(task) == 0  # the biggest gap, and first in its topic

    def test_no_occupation_no_task_question(self):
        career = Career.objects.create(user=self.alice, title="UX research")
        assert not any(item.key.startswith("onet-task") for item in self.plan_for(career).items)

    def test_two_occupations_give_two_in_a_long_conversation_and_the_plan_saves_them(self):
        career = Career.objects.create(
            user=self.alice, title="UX research", occupation_codes=["15-1255.00", "19-3022.00"]
        )
        conversation = Conversation.plan(self.maya, [career])
        conversation.duration_minutes = 45
        conversation.save()
        keys = [row.key for row in make_plan(conversation)]
        assert {"onet-task-15-1255-00", "onet-task-19-3022-00"} <= set(keys)
