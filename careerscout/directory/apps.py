from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "careerscout.directory"
    verbose_name = "Alumni directory"
