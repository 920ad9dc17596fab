import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, close_old_connections

from careerscout.imports.models import ImportBatch
from careerscout.management.database import pending_migrations
from careerscout.today.tasks import enqueue_reminders_if_none_waiting

MIGRATION_POLL_SECONDS = 2
REMINDER_CLOCK_SECONDS = 60


def reminder_clock() -> None:
    """Queue the reminders (follow-ups, the daily digest) every minute while the worker runs,
    and fail the imports whose commit has run past its timeout."""
    while True:
        try:
            enqueue_reminders_if_none_waiting()
            ImportBatch.fail_stale()
        except DatabaseError:
            pass  # the database is busy or briefly away: try again next minute
        finally:
            close_old_connections()
        time.sleep(REMINDER_CLOCK_SECONDS)


class Command(BaseCommand):
    help = "Run the background task worker (reminders, e-mail, long imports)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Run the tasks that are due, then exit (for cron or a systemd timer).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait between checks when there is nothing to do (default: 1).",
        )

    def handle(self, *args, **options) -> None:
        if options["batch"] and pending_migrations():
            raise CommandError("The database needs updating first: run `careerscout migrate`.")
        self.wait_for_migrations()
        if failed := ImportBatch.fail_stale(worker_starting=True):
            self.stdout.write(f"{failed} unfinished import(s) marked as failed; nothing was saved.")
        if options["batch"]:
            enqueue_reminders_if_none_waiting()
        else:
            threading.Thread(target=reminder_clock, name="reminder-clock", daemon=True).start()
        call_command(
            "db_worker",
            queue_name="*",
            batch=options["batch"],
            interval=max(0.1, options["interval"]),
            # The autoreloader restarts mid-task; the worker is not a development server.
            reload=False,
            verbosity=options["verbosity"],
            stdout=self.stdout,
            stderr=self.stderr,
        )

    def wait_for_migrations(self) -> None:
        """Started next to `serve`, which migrates: wait rather than race it."""
        announced = False
        while pending_migrations():
            if not announced:
                self.stdout.write(
                    "Waiting for the database to be updated (careerscout serve does it)…"
                )
                announced = True
            time.sleep(MIGRATION_POLL_SECONDS)
