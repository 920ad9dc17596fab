import sys

from django.core.management.base import BaseCommand, CommandParser

from careerscout.accounts.management.accounts import create_account, read_new_password
from careerscout.accounts.models import User
from careerscout.management.database import ensure_migrated


class Command(BaseCommand):
    help = "Create an account. The password is asked at the terminal or read from stdin."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help="How the person likes to be addressed.")
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="Read the password from the first line of standard input.",
        )

    def handle(self, *args, **options) -> None:
        stdin = options.get("stdin") or sys.stdin
        password = read_new_password(stdin, from_stdin=options["password_stdin"])
        ensure_migrated()
        # Like the first-visit setup page: the first account administers the installation.
        first = not User.objects.filter(is_superuser=True).exists()
        user = create_account(
            options["username"],
            password,
            email=options["email"],
            name=options["name"],
            administrator=first,
        )
        role = " It administers this installation." if first else ""
        self.stdout.write(f"Created the account “{user.username}”.{role}")
