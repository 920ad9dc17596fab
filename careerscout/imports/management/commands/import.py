import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerscout.accounts.models import User
from careerscout.imports.committing import commit_import
from careerscout.imports.parsers import (
    ENCODINGS,
    MAX_BYTES,
    ImportFileError,
    parse_file,
    read_text,
)
from careerscout.imports.parsers.common import clip, column_list
from careerscout.imports.parsers.csvfile import FIELDS, columns, guess_mapping
from careerscout.imports.parsers.detect import size_error
from careerscout.imports.planning import plan_import
from careerscout.people.models import Contact

BAD_INPUT = 1
USAGE = 2


def summary_with_error(error: ImportFileError) -> dict:
    return {"added": 0, "updated": 0, "unchanged": 0, "skipped": [], "errors": [error.as_dict()]}


class Command(BaseCommand):
    help = (
        "Import contacts from LinkedIn's Connections.csv, a vCard file or a CSV file. "
        "Everything is imported or, on any error, nothing; importing again adds no duplicates."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["linkedin", "vcard", "csv"])
        parser.add_argument("file", help="The file to import (a LinkedIn ZIP works too).")
        parser.add_argument("--user", required=True, help="The account to import into.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would change; write nothing."
        )
        parser.add_argument("--json", action="store_true", help="Print the summary as JSON.")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=COLUMN",
            help=f"CSV only: read FIELD from COLUMN (repeatable). Fields: {', '.join(FIELDS)}.",
        )
        parser.add_argument(
            "--encoding",
            choices=list(ENCODINGS),
            default="utf-8",
            help="The file's text encoding (default: utf-8).",
        )
        parser.add_argument(
            "--source",
            choices=Contact.Source.values,
            default=Contact.Source.OTHER,
            help="How you know the people in a vCard or CSV file (default: other).",
        )

    def handle(self, *args, **options) -> None:
        as_json = options["json"]
        try:
            user = User.objects.get(username=options["user"])
        except User.DoesNotExist:
            self.fail(f"There is no account “{options['user']}”.", as_json, USAGE)
        path = Path(options["file"])
        if not path.is_file():
            self.fail(f"There is no file {path}.", as_json, USAGE)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise size_error(path.stat().st_size)
            data = path.read_bytes()
            mapping = self.mapping(options["map"], data, options) if options["map"] else None
            parsed = parse_file(
                data, options["kind"], encoding=options["encoding"], mapping=mapping
            )
            plan = plan_import(user, parsed, source=options["source"])
            if options["dry_run"]:
                summary = plan.summary()
            else:
                summary = commit_import(user, plan, progress=self.progress(as_json)).summary()
        except ImportFileError as error:
            if as_json:
                self.stdout.write(json.dumps(summary_with_error(error), ensure_ascii=False))
            where = f" (line {error.line})" if error.line else ""
            raise CommandError(f"{path}{where}: {error.message} Nothing was imported.") from None
        if as_json:
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
        else:
            self.report(summary, dry_run=options["dry_run"])

    def fail(self, message: str, as_json: bool, code: int):
        if as_json:
            error = ImportFileError(message)
            self.stdout.write(json.dumps(summary_with_error(error), ensure_ascii=False))
        raise CommandError(message, returncode=code)

    def mapping(self, pairs: list[str], data: bytes, options) -> list[str]:
        """The guessed mapping of the file's columns, corrected by each --map FIELD=COLUMN."""
        if options["kind"] != "csv":
            self.fail("--map is for CSV files only.", options["json"], USAGE)
        _kind, text, _notes = read_text(data, "csv", options["encoding"])
        headers = [column.header for column in columns(text, samples=0)]
        mapping = guess_mapping(headers)
        for pair in pairs:
            field, equals, header = pair.partition("=")
            field = field.strip()
            if not equals or field not in FIELDS or not field:
                self.fail(
                    f"--map {pair!r} should be FIELD=COLUMN with FIELD one of "
                    f"{', '.join(name for name in FIELDS if name)}.",
                    options["json"],
                    USAGE,
                )
            matches = [i for i, name in enumerate(headers) if name.strip() == header.strip()]
            if not matches:
                raise ImportFileError(
                    f"The file has no column “{clip(header, 60)}”. Its columns are: "
                    f"{column_list(headers)}."
                )
            if field not in {"email", "phone", "url", "notes"}:
                mapping = ["" if chosen == field else chosen for chosen in mapping]
            mapping[matches[0]] = field
        return mapping

    def progress(self, as_json: bool):
        if as_json or not sys.stderr.isatty():
            return None

        def show(done: int, total: int) -> None:
            if total > 1000:
                self.stderr.write(f"\rSaved {done:,} of {total:,}…", ending="")
                if done == total:
                    self.stderr.write("")

        return show

    def report(self, summary: dict, *, dry_run: bool) -> None:
        verb = "Would add" if dry_run else "Added"
        self.stdout.write(
            f"{verb} {summary['added']:,}, updated {summary['updated']:,}, "
            f"{summary['unchanged']:,} unchanged, {len(summary['skipped']):,} skipped."
            + (" Nothing was written (dry run)." if dry_run else "")
        )
        for row in summary["skipped"]:
            self.stdout.write(f"  line {row['line']}: {row['reason']}")
