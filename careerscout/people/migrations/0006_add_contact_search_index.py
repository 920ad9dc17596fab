"""A trigram index over Contact.search_text, so search need not read every row.

SQLite: an FTS5 table kept in step by triggers (so bulk writes and update() are covered).
PostgreSQL: a GIN trigram index that serves the same LIKE '%word%' queries.
Either is skipped, with search falling back to a scan, where the database cannot provide it.
"""

from django.db import DatabaseError, migrations, transaction

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE people_contact_search USING fts5("
    "search_text, content='people_contact', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER people_contact_search_insert AFTER INSERT ON people_contact BEGIN "
    "INSERT INTO people_contact_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER people_contact_search_delete AFTER DELETE ON people_contact BEGIN "
    "INSERT INTO people_contact_search(people_contact_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER people_contact_search_update AFTER UPDATE OF search_text ON people_contact "
    "BEGIN INSERT INTO people_contact_search(people_contact_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO people_contact_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO people_contact_search(people_contact_search) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS people_contact_search_insert",
    "DROP TRIGGER IF EXISTS people_contact_search_delete",
    "DROP TRIGGER IF EXISTS people_contact_search_update",
    "DROP TABLE IF EXISTS people_contact_search",
]
POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS people_contact_search_trgm ON people_contact "
    "USING gin (search_text gin_trgm_ops)",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS people_contact_search_trgm"]


def _run(schema_editor, statements):
    connection = schema_editor.connection
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    except DatabaseError as error:
        # An optional speed-up (no FTS5 in this SQLite, no right to add pg_trgm): never block.
        print(f"\n  Search index skipped ({error}); search still works, more slowly.")


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_CREATE)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_CREATE)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_DROP)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_DROP)


class Migration(migrations.Migration):
    dependencies = [("people", "0005_add_responsiveness_and_keep_in_touch")]

    operations = [migrations.RunPython(create, drop)]
