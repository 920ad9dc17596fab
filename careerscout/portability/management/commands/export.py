import json
import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerscout.accounts.management.accounts import account_named
from careerscout.management.database import require_migrated
from careerscout.portability.data import export_user_data


def write_private_file(path: Path, text: str) -> None:
    """Readable by the owner alone (the file holds other people's details), and never half
    written: the data goes to a temporary file that then takes the final name."""
    directory = path.parent if str(path.parent) else Path()
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = (
        "Write an account's complete data as JSON, to a file or to stdout "
        "(docs/export-format.md describes it; `careerscout restore` reads it back)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="The account's username.")
        parser.add_argument(
            "--output", default="-", help="File to write; - (the default) means stdout."
        )

    def handle(self, *args, **options) -> None:
        require_migrated()
        user = account_named(options["user"])
        document = export_user_data(user)
        text = json.dumps(document, ensure_ascii=False, indent=2)
        if options["output"] == "-":
            self.stdout.write(text)
            return
        path = Path(options["output"]).expanduser()
        if path.is_dir():
            raise CommandError(
                f"{path} is a folder; give a file name such as {path / 'export.json'}."
            )
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        try:
            write_private_file(path, text + "\n")
        except OSError as error:
            raise CommandError(f"Could not write {path}: {error.strerror}.") from None
        count = len(document["contacts"])
        self.stdout.write(
            f"Wrote {count:,} {'person' if count == 1 else 'people'} and everything else of "
            f"“{user.username}” to {path}."
        )
