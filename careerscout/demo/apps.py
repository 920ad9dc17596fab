from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "careerscout.demo"
    verbose_name = "Demo data"
