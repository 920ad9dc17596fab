"""The trigram index behind people search, kept in place across schema changes.

SQLite: an FTS5 table over Contact.search_text, kept in step by triggers (so bulk writes and
update() are covered). Some migrations rebuild the contact table on SQLite, which drops its
triggers; `ensure_search_index` runs after every migrate (see apps.py) and puts back what is
missing. PostgreSQL: a GIN trigram index that serves the same LIKE '%word%' queries.
Where the database cannot provide it (no FTS5, no right to add pg_trgm), search scans instead.
"""

import logging

from django.db import DatabaseError, transaction

logger = logging.getLogger(__name__)

SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS people_contact_search USING fts5("
    "search_text, content='people_contact', content_rowid='id', tokenize='trigram')"
)
SQLITE_TRIGGERS = {
    "people_contact_search_insert": (
        "CREATE TRIGGER IF NOT EXISTS people_contact_search_insert AFTER INSERT ON "
        "people_contact BEGIN INSERT INTO people_contact_search(rowid, search_text) "
        "VALUES (new.id, new.search_text); END"
    ),
    "people_contact_search_delete": (
        "CREATE TRIGGER IF NOT EXISTS people_contact_search_delete AFTER DELETE ON "
        "people_contact BEGIN INSERT INTO people_contact_search(people_contact_search, rowid, "
        "search_text) VALUES ('delete', old.id, old.search_text); END"
    ),
    "people_contact_search_update": (
        "CREATE TRIGGER IF NOT EXISTS people_contact_search_update AFTER UPDATE OF search_text "
        "ON people_contact BEGIN INSERT INTO people_contact_search(people_contact_search, rowid, "
        "search_text) VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO people_contact_search(rowid, search_text) VALUES (new.id, new.search_text); "
        "END"
    ),
}
SQLITE_REBUILD = "INSERT INTO people_contact_search(people_contact_search) VALUES ('rebuild')"
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS people_contact_search_trgm ON people_contact "
    "USING gin (search_text gin_trgm_ops)",
]


def _sqlite_missing(cursor) -> set[str]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
    present = {row[0] for row in cursor.fetchall()}
    if "people_contact" not in present:
        return set()
    return ({"people_contact_search", *SQLITE_TRIGGERS}) - present


def ensure_search_index(connection) -> bool:
    """Create whatever part of the index is missing; True when something was (re)built."""
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                missing = _sqlite_missing(cursor)
                if not missing:
                    return False
                cursor.execute(SQLITE_TABLE)
                for statement in SQLITE_TRIGGERS.values():
                    cursor.execute(statement)
                cursor.execute(SQLITE_REBUILD)
                return True
            if connection.vendor == "postgresql":
                for statement in POSTGRES:
                    cursor.execute(statement)
                return True
    except DatabaseError as error:
        logger.warning("People search index skipped (%s); search still works, more slowly.", error)
    return False
