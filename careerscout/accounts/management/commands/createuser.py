import sys

from django.core.management.base import BaseCommand, CommandParser

from careerscout.accounts.management.accounts import create_account, read_new_password
from careerscout.accounts.models import Role, User
from careerscout.management.database import ensure_migrated


class Command(BaseCommand):
    help = "Create an account. The password is asked at the terminal or read from stdin."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help="How the person likes to be addressed.")
        parser.add_argument(
            "--role",
            action="append",
            choices=[role.value for role in Role],
            help="What the person does here; repeat for several (default: explorer). "
            "The first account is always an administrator too.",
        )
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
        roles = set(options["role"] or [Role.EXPLORER]) | ({Role.ADMIN} if first else set())
        user = create_account(
            options["username"],
            password,
            email=options["email"],
            name=options["name"],
            roles=roles,
        )
        held = ", ".join(sorted(Role(role).label for role in user.roles))
        self.stdout.write(f"Created the account “{user.username}” ({held}).")
