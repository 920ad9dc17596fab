import json
import secrets
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerscout.demo.installation import credentials, default_processes, populate
from careerscout.management.database import ensure_migrated


class Command(BaseCommand):
    help = (
        "Fill a database with a career centre's demo accounts (students with people and an "
        "exploration, advisers, volunteers) for the load test; writes each account's API token "
        "and session to a JSON file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--students", type=int, default=200, help="Default: %(default)s.")
        parser.add_argument(
            "--people", type=int, default=1500, help="People per student (default: %(default)s)."
        )
        parser.add_argument("--advisers", type=int, default=20, help="Default: %(default)s.")
        parser.add_argument("--volunteers", type=int, default=100, help="Default: %(default)s.")
        parser.add_argument(
            "--processes",
            type=int,
            default=default_processes(),
            help="PostgreSQL only: processes filling students in parallel (default: %(default)s).",
        )
        parser.add_argument(
            "--credentials",
            type=Path,
            required=True,
            help="Where to write the accounts' tokens and sessions (JSON; keep it private).",
        )

    def handle(self, *args, **options) -> None:
        ensure_migrated()
        started = time.perf_counter()
        try:
            accounts = populate(
                options["students"],
                options["people"],
                advisers=options["advisers"],
                volunteers=options["volunteers"],
                password=secrets.token_urlsafe(16),
                processes=options["processes"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        written = {role: credentials(users) for role, users in accounts.items()}
        options["credentials"].write_text(json.dumps(written, indent=1))
        options["credentials"].chmod(0o600)
        self.stdout.write(
            f"Populated {options['students']} students × {options['people']:,} people, "
            f"{options['advisers']} advisers and {options['volunteers']} volunteers in "
            f"{time.perf_counter() - started:.1f} s."
        )
