from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "careerscout.insights"
    verbose_name = "Insights"
