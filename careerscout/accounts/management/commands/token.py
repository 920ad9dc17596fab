from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from careerscout.accounts.management.accounts import account_named
from careerscout.accounts.models import ApiToken
from careerscout.management.database import require_migrated


class Command(BaseCommand):
    help = "Create, list or revoke API tokens for an account."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, metavar="{create,list,revoke}"
        )
        create = actions.add_parser(
            "create", help="Print a new token on stdout (shown only this once)."
        )
        create.add_argument("--user", required=True, help="The account's username.")
        create.add_argument("--name", default="Command line", help="What the token is for.")
        listing = actions.add_parser("list", help="Show an account's tokens (never the secret).")
        listing.add_argument("--user", required=True)
        revoke = actions.add_parser("revoke", help="Make a token stop working.")
        revoke.add_argument("id", type=int, help="The token's id, as shown by `token list`.")
        revoke.add_argument("--user", required=True)

    def handle(self, *args, **options) -> None:
        require_migrated()
        user = account_named(options["user"])
        if options["action"] == "create":
            name = options["name"].strip()[:100] or "Command line"
            _token, plain = ApiToken.issue(user, name)
            # stdout holds the token alone, so `TOKEN=$(careerscout token create …)` works.
            self.stdout.write(plain)
            self.stderr.write("Keep this token safe: it is not shown again.")
        elif options["action"] == "list":
            for token in ApiToken.objects.for_user(user):
                last_used = (
                    f"last used {timezone.localtime(token.last_used_at):%Y-%m-%d %H:%M}"
                    if token.last_used_at
                    else "never used"
                )
                self.stdout.write(
                    f"{token.pk}\t{token.hint}…\t{token.name}\t"
                    f"created {timezone.localtime(token.created_at):%Y-%m-%d}\t{last_used}"
                )
        else:
            token = ApiToken.objects.for_user(user).filter(pk=options["id"]).first()
            if token is None:
                raise CommandError(f"“{user.username}” has no token with id {options['id']}.")
            token.delete()
            self.stdout.write(f"The token “{token.name}” no longer works.")
