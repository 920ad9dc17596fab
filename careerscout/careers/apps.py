from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careerscout.careers"
    verbose_name = "Career options"
