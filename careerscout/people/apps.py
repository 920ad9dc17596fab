from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def restore_search_index(sender, using, **kwargs):
    """Schema changes can drop the search index's triggers on SQLite; put them back."""
    from .search_index import ensure_search_index

    ensure_search_index(connections[using])


def understand_titles_again(sender, **kwargs):
    """A newer O*NET release may name people's occupations differently."""
    from .models import refresh_title_fields

    refresh_title_fields()


class PeopleConfig(AppConfig):
    name = "careerscout.people"
    verbose_name = "People"

    def ready(self):
        from careerscout.occupations.loading import release_loaded

        post_migrate.connect(restore_search_index, sender=self)
        release_loaded.connect(understand_titles_again)
