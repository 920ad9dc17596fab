from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "careerscout.portability"
    verbose_name = "Export, restore and backup"
