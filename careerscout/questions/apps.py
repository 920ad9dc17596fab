from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "careerscout.questions"
    verbose_name = "Questions"
