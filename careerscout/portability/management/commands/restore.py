import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from careerscout.accounts.models import User
from careerscout.management.database import ensure_migrated
from careerscout.portability.data import RestoreError, parse_export, restore_user_data


def new_account(username: str) -> User:
    """An account to restore into, without a password until its owner sets one."""
    if len(username) > User._meta.get_field("username").max_length:
        raise CommandError("That username is too long (150 characters at most).")
    try:
        User.username_validator(username)
    except Exception as error:  # ValidationError, whose messages say what is allowed
        raise CommandError(f"“{username}” cannot be a username: {error.messages[0]}") from None
    user = User(username=username)
    user.set_unusable_password()
    # Like `createuser`: the first account administers the installation.
    user.is_staff = user.is_superuser = not User.objects.filter(is_superuser=True).exists()
    user.save()
    return user


class Command(BaseCommand):
    help = (
        "Load an export (from `careerscout export`) into an empty account; the account is "
        "created, without a password, if it does not exist."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The export to read; - means standard input.")
        parser.add_argument("--user", required=True, help="The account to restore into.")
        parser.add_argument(
            "--json", action="store_true", help="Print what was restored as one JSON document."
        )

    def handle(self, *args, **options) -> None:
        data = self.read(options["file"], options.get("stdin"))
        username = options["user"]
        try:
            document = parse_export(data)
            ensure_migrated()
            with transaction.atomic():
                user = User.objects.filter(username=username).first()
                created = user is None
                if created:
                    user = new_account(username)
                summary = restore_user_data(user, document)
        except RestoreError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            result = {"account": username, "created": created, "restored": summary.counts}
            self.stdout.write(json.dumps(result))
            return
        self.stdout.write(f"Restored {summary.describe()} into “{username}”.")
        if created:
            self.stdout.write(
                f"Created the account “{username}” without a password: set one with "
                f"`careerscout changepassword {username}`."
            )

    def read(self, name: str, stdin) -> bytes:
        if name == "-":
            stream = stdin or sys.stdin
            data = getattr(stream, "buffer", stream).read()
            return data.encode() if isinstance(data, str) else data
        path = Path(name).expanduser()
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"There is no file {path}.") from None
        except IsADirectoryError:
            raise CommandError(f"{path} is a folder; give the export file's name.") from None
        except OSError as error:
            raise CommandError(f"Could not read {path}: {error.strerror}.") from None
