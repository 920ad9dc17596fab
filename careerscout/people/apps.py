from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def restore_search_index(sender, using, **kwargs):
    """Schema changes can drop the search index's triggers on SQLite; put them back."""
    from .search_index import ensure_search_index

    ensure_search_index(connections[using])


class PeopleConfig(AppConfig):
    name = "careerscout.people"
    verbose_name = "People"

    def ready(self):
        post_migrate.connect(restore_search_index, sender=self)
