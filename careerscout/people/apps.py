from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "careerscout.people"
    verbose_name = "People"
