from django.apps import AppConfig


class OccupationsConfig(AppConfig):
    name = "careerscout.occupations"
    verbose_name = "Occupations (O*NET)"
