"""A trigram index over Contact.search_text (see people/search_index.py)."""

from django.db import migrations


def create(apps, schema_editor):
    from careerscout.people.search_index import ensure_search_index

    ensure_search_index(schema_editor.connection)


def drop(apps, schema_editor):
    connection = schema_editor.connection
    statements = {
        "sqlite": [
            "DROP TRIGGER IF EXISTS people_contact_search_insert",
            "DROP TRIGGER IF EXISTS people_contact_search_delete",
            "DROP TRIGGER IF EXISTS people_contact_search_update",
            "DROP TABLE IF EXISTS people_contact_search",
        ],
        "postgresql": ["DROP INDEX IF EXISTS people_contact_search_trgm"],
    }.get(connection.vendor, [])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("people", "0005_add_responsiveness_and_keep_in_touch")]

    operations = [migrations.RunPython(create, drop)]
