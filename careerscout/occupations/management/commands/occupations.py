"""`careerscout occupations`: match a title to O*NET occupations, or load a newer release."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerscout.management.database import ensure_migrated, require_migrated
from careerscout.occupations.bench import accuracy
from careerscout.occupations.loading import load_release
from careerscout.occupations.matching import MAX_LIMIT, match_title
from careerscout.occupations.release import ReleaseError


class Command(BaseCommand):
    help = "Match a job title to O*NET occupations, or load an official O*NET text release."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, metavar="{match,load,accuracy}"
        )
        match = actions.add_parser("match", help="The best occupations for a job title.")
        match.add_argument("title", help="A job title, e.g. “Sr. UX Researcher”.")
        match.add_argument("--limit", type=int, default=5, help=f"At most {MAX_LIMIT}.")
        match.add_argument("--json", action="store_true", help="Print what the API answers.")
        load = actions.add_parser(
            "load", help="Replace the occupations with an O*NET text release (folder or zip)."
        )
        load.add_argument("path", type=Path)
        actions.add_parser(
            "accuracy", help="Top-1 and top-5 accuracy on the reported titles held out."
        )

    def handle(self, *args, **options) -> None:
        if options["action"] == "load":
            ensure_migrated()
            try:
                version, count = load_release(options["path"])
            except (ReleaseError, OSError, KeyError, ValueError) as error:
                raise CommandError(f"Nothing was loaded: {error}") from None
            self.stdout.write(f"Loaded O*NET {version}: {count} occupations.")
            return
        require_migrated()
        if options["action"] == "accuracy":
            self.stdout.write(json.dumps(accuracy(), indent=2))
            return
        if not 1 <= options["limit"] <= MAX_LIMIT:
            raise CommandError(f"--limit must be between 1 and {MAX_LIMIT}.")
        found = [match.as_dict() for match in match_title(options["title"], options["limit"])]
        if options["json"]:
            self.stdout.write(json.dumps(found, ensure_ascii=False))
        elif not found:
            self.stdout.write(f"No occupation fits “{options['title']}”.")
        for match in [] if options["json"] else found:
            self.stdout.write(
                f"{match['code']}\t{match['score']:.2f}\t{match['title']}\t{match['reason']}"
            )
