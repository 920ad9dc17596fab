from django.apps import AppConfig


class TodayConfig(AppConfig):
    name = "careerscout.today"
    verbose_name = "Today"
