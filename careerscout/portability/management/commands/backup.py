import os
import sqlite3
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections


def copy_sqlite_database(
    source: sqlite3.Connection, path: Path, *, overwrite: bool = False
) -> None:
    """Copy a live SQLite database with its online backup API.

    The copy is one consistent snapshot even while other connections write: in WAL mode
    the read that copies the pages sees the database as it was when it began, and writers
    need not wait for it. The copy goes to a temporary file readable by the owner alone
    (the database holds other people's details), which then takes its name; so `path` is
    never left half written. FileExistsError if `path` exists and `overwrite` is false.
    """
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    os.close(descriptor)
    try:
        target = sqlite3.connect(temporary)
        try:
            source.backup(target)
            # A single file: no -wal or -shm beside the copy once it is closed.
            target.execute("PRAGMA journal_mode=DELETE")
            (result,) = target.execute("PRAGMA quick_check").fetchone()
            if result != "ok":
                raise sqlite3.DatabaseError(f"the copy failed its check: {result}")
        finally:
            target.close()
        if overwrite:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails, rather than replaces, if the name is taken
            os.unlink(temporary)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = "Copy the whole database to a file, consistently, while Career Scout runs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="The file to write, e.g. careerscout-2026-11-26.sqlite3")
        parser.add_argument(
            "--force", action="store_true", help="Replace the file if it exists already."
        )

    def handle(self, *args, **options) -> None:
        connection = connections[DEFAULT_DB_ALIAS]
        if connection.vendor != "sqlite":
            name = connection.settings_dict.get("NAME") or "DATABASE"
            raise CommandError(
                f"careerscout backup copies SQLite databases; this installation uses "
                f"{connection.display_name}. Back it up with pg_dump, for example:\n"
                f"  pg_dump --format=custom --file={options['path']} {name}"
            )
        path = Path(options["path"]).expanduser()
        if path.is_dir():
            raise CommandError(
                f"{path} is a folder; give a file name such as {path / 'careerscout.sqlite3'}."
            )
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        live = str(connection.settings_dict["NAME"])
        if path.exists() and Path(live).exists() and path.samefile(live):
            raise CommandError(f"{path} is the live database itself; choose another file.")
        if path.exists() and not options["force"]:
            raise CommandError(f"{path} already exists; choose another name, or add --force.")
        connection.ensure_connection()
        try:
            copy_sqlite_database(connection.connection, path, overwrite=options["force"])
        except FileExistsError:
            raise CommandError(
                f"{path} already exists; choose another name, or add --force."
            ) from None
        except (OSError, sqlite3.Error) as error:
            raise CommandError(f"Could not write {path}: {error}.") from None
        size = path.stat().st_size
        self.stdout.write(f"Copied the database ({size / 1_000_000:.1f} MB) to {path}.")
