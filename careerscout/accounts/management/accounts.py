"""What the account commands share: finding an account by name and creating one safely."""

import getpass
from typing import TextIO

from django.core.management.base import CommandError

from careerscout.accounts.forms import AccountCreationForm
from careerscout.accounts.models import Role, User

# Both password fields carry the same meaning for someone at a terminal.
FIELD_NAMES = {"password1": "Password", "password2": "Password", "__all__": ""}


def account_named(username: str) -> User:
    try:
        return User.objects.get(username=username)
    except User.DoesNotExist:
        raise CommandError(f"There is no account named “{username}”.") from None


def read_new_password(stdin: TextIO, *, from_stdin: bool) -> str:
    """The first line of stdin, or asked twice at a terminal.

    Never an argument: arguments end up in shell history and the process list.
    """
    if from_stdin:
        password = stdin.readline().rstrip("\r\n")
        if not password:
            raise CommandError("No password on standard input.")
        return password
    if not stdin.isatty():
        raise CommandError(
            "There is no terminal to ask for a password; pipe one in with --password-stdin."
        )
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password (again): ") != first:
        raise CommandError("The two passwords differ.")
    return first


def create_account(
    username: str,
    password: str,
    *,
    email: str = "",
    name: str = "",
    roles: "set[Role] | set[str] | None" = None,
) -> User:
    """Apply the sign-up page's rules (unique name, password validators), then create."""
    form = AccountCreationForm(
        {
            "username": username,
            "name": name,
            "email": email,
            "time_zone": "UTC",
            "password1": password,
            "password2": password,
        }
    )
    if not form.is_valid():
        raise CommandError(describe_errors(form.errors.get_json_data()))
    user = form.save(commit=False)
    user.set_roles(roles or {Role.EXPLORER})
    user.save()
    return user


def describe_errors(errors: dict[str, list[dict[str, str]]]) -> str:
    lines = []
    for field, messages in errors.items():
        label = FIELD_NAMES.get(field, field.replace("_", " ").capitalize())
        for message in messages:
            lines.append(f"{label}: {message['message']}" if label else message["message"])
    return "\n".join(dict.fromkeys(lines))
