"""Database readiness for the commands, so a fresh install needs no separate `migrate` step."""

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def pending_migrations(alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Names of the migrations not yet applied, in the order they would run."""
    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def ensure_migrated() -> int:
    """Apply pending migrations quietly (commands that create data run them, like `serve`)."""
    pending = pending_migrations()
    if pending:
        call_command("migrate", interactive=False, verbosity=0)
    return len(pending)


def require_migrated() -> None:
    """For commands that only read: a clear message instead of "no such table"."""
    if pending_migrations():
        raise CommandError(
            "The database is not up to date: run `careerscout migrate` (or `careerscout serve`)."
        )
