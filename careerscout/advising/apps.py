from django.apps import AppConfig


class AdvisingConfig(AppConfig):
    name = "careerscout.advising"
    verbose_name = "Advising"
