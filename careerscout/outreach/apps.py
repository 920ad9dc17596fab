from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "careerscout.outreach"
    verbose_name = "Outreach"
