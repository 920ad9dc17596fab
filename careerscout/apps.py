from django.apps import AppConfig


class CareerScoutConfig(AppConfig):
    """The project package itself: holds the project-wide commands (serve, worker, bench)."""

    name = "careerscout"
    verbose_name = "Career Scout"
