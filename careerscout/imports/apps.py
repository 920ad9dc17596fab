from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "careerscout.imports"
    verbose_name = "Imports"
