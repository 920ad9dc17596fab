import secrets
import sys
import time
from argparse import ArgumentTypeError

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from careerscout.accounts.management.accounts import create_account, read_new_password
from careerscout.accounts.models import User
from careerscout.demo.exploration import add_sample_exploration
from careerscout.demo.people import DEFAULT_SEED, add_demo_people
from careerscout.management.database import ensure_migrated
from careerscout.people.models import Contact

MOST_PEOPLE = 200_000


def people_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise ArgumentTypeError(f"“{value}” is not a whole number") from None
    if not 0 <= count <= MOST_PEOPLE:
        raise ArgumentTypeError(f"give a number from 0 to {MOST_PEOPLE:,}")
    return count


class Command(BaseCommand):
    help = (
        "Add a realistic sample exploration to an account, creating the account if needed. "
        "Only an account without people gets demo people, so real data is never mixed in."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", default="demo", help="Default: %(default)s.")
        parser.add_argument(
            "--contacts", type=people_count, default=60, help="How many people (default: 60)."
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help="Another seed gives other people (default: %(default)s).",
        )
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="For a new account: read its password from stdin instead of generating one.",
        )

    def handle(self, *args, **options) -> None:
        username, count = options["user"], options["contacts"]
        ensure_migrated()
        started = time.perf_counter()
        with transaction.atomic():
            user = User.objects.filter(username=username).first()
            password = ""
            if user is None:
                if options["password_stdin"]:
                    stdin = options.get("stdin") or sys.stdin
                    password = read_new_password(stdin, from_stdin=True)
                else:
                    password = secrets.token_urlsafe(12)
                user = create_account(username, password, name="Demo explorer")
            elif Contact.objects.for_user(user).exists():
                raise CommandError(
                    f"“{username}” already has people; demo people go only into an empty "
                    f"account. Choose another with --user."
                )
            add_demo_people(user, count, seed=options["seed"])
            careers = add_sample_exploration(user) if count else []
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Added {count:,} people and {len(careers)} careers with conversations "
            f"to “{username}” in {seconds:.1f} s."
        )
        if password and not options["password_stdin"]:
            self.stdout.write(f"Sign in as “{username}” with the password: {password}")
            self.stdout.write("It is shown only this once.")
