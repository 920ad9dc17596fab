import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections, models, transaction
from django.urls import reverse
from django.utils import timezone

from careerscout.lib.models import OwnedQuerySet
from careerscout.people.models import Contact

from .committing import ImportResult, commit_import
from .parsers import ImportFileError, ParsedFile, csvfile, parse_file, read_text
from .planning import ImportPlan, plan_import

logger = logging.getLogger(__name__)
# Up to this many people are written within the request; more go to the background worker.
IN_REQUEST_ROWS = 1000
PREVIEW_ITEMS = 50
# Uploads never committed are deleted after this long.
KEEP_UNFINISHED = timedelta(days=1)
# A commit still running after this long is taken as dead (30,000 people take seconds).
COMMIT_TIMEOUT = timedelta(minutes=30)
STALE_MESSAGE = (
    "The import stopped before it finished (the server was restarted or took too long), so "
    "nothing was saved. Please try again."
)


class ImportBatchQuerySet(OwnedQuerySet):
    def abandoned(self):
        """Uploads nobody committed: their file is someone's address book, so it goes."""
        unfinished = [
            ImportBatch.Status.UPLOADED,
            ImportBatch.Status.MAPPED,
            ImportBatch.Status.PREVIEWED,
        ]
        return self.filter(status__in=unfinished, created_at__lt=timezone.now() - KEEP_UNFINISHED)


class ImportBatch(models.Model):
    """One uploaded file on its way in: preview first, then an all-or-nothing commit.

    The uploaded bytes are kept in the row (at most 20 MB) until the commit, rather than in
    a file: they are then covered by backups, owner-scoped like the rest of the data, and
    gone with the row. They are emptied once the import is done or has failed.
    """

    class Kind(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn connections"
        VCARD = "vcard", "vCard"
        CSV = "csv", "CSV"

    class Status(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded"
        MAPPED = "mapped", "Columns chosen"
        PREVIEWED = "previewed", "Ready to import"
        COMMITTING = "committing", "Importing"
        DONE = "done", "Imported"
        FAILED = "failed", "Failed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(max_length=20, choices=Kind)
    filename = models.CharField(max_length=255, blank=True)
    data = models.BinaryField(editable=False)
    encoding = models.CharField(max_length=20, default="utf-8")
    # A Contact.Source value; no choices here, so a new source needs no migration of this app.
    source = models.CharField(max_length=20, default=Contact.Source.OTHER)
    # CSV only: the field each column holds, "" for columns left out.
    mapping = models.JSONField(null=True, blank=True)
    # File lines the person left out on the preview; the commit skips them too.
    left_out = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.UPLOADED)
    rows = models.PositiveIntegerField(default=0)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    preview = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"], name="importbatch_user_created")]
        verbose_name_plural = "import batches"

    def __str__(self):
        return f"{self.get_kind_display()} import {self.filename}"

    def get_absolute_url(self):
        return reverse("imports:batch", args=[self.pk])

    @property
    def runs_in_background(self) -> bool:
        return self.rows > IN_REQUEST_ROWS

    @property
    def percent(self) -> int:
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))

    @property
    def progress_state(self) -> str:
        """What the progress partial shows; the poll gets "no change" while it is the same."""
        return f"{int(self.started_at is not None)}-{self.progress_done}-{self.status}"

    def parse(self) -> ParsedFile:
        return parse_file(bytes(self.data), self.kind, encoding=self.encoding, mapping=self.mapping)

    def prepare(self) -> None:
        """Check a new upload and preview it, unless its columns must be chosen first.

        Raises ImportFileError for a file that cannot be imported; saves nothing.
        """
        if self.kind == self.Kind.CSV and self.mapping is None:
            kind, text, _notes = read_text(bytes(self.data), self.kind, self.encoding)
            if kind == self.Kind.CSV:
                if not any(column.samples for column in csvfile.columns(text)):
                    raise ImportFileError(
                        "There is no one in this file: it has headers but no rows."
                    )
                self.status = self.Status.UPLOADED
                return
        self.build_preview()

    def columns(self) -> tuple[list[csvfile.Column], list[str], str]:
        """(columns with examples, the mapping so far or a guess, the program recognised)."""
        _kind, text, _notes = read_text(bytes(self.data), self.kind, self.encoding)
        columns = csvfile.columns(text)
        headers = [column.header for column in columns]
        return columns, self.mapping or csvfile.guess_mapping(headers), csvfile.recognise(headers)

    def build_preview(self) -> None:
        """Parse and plan the file, and keep what the preview page shows; saves nothing.

        The preview is stored rather than worked out on each view, so the page costs the
        same few queries for 10 rows or 30,000.
        """
        parsed = self.parse()
        plan = plan_import(self.user, parsed, source=self.source, left_out=self.left_out)
        self.kind = parsed.kind  # a LinkedIn export uploaded as "CSV" is read as LinkedIn's
        if self.kind == self.Kind.LINKEDIN:
            self.source = Contact.Source.LINKEDIN
        self.rows = plan.rows
        self.preview = preview_of(plan)
        self.status = self.Status.PREVIEWED
        self.error = ""

    def name_on_line(self, line: int) -> str:
        """The name the preview shows for a row, "" when it shows none."""
        rows = [
            row for key in ("added", "updated", "left_out") for row in self.preview.get(key, [])
        ]
        return next((row["name"] for row in rows if row.get("line") == line), "")

    def leave_out(self, lines: list[int], leave: bool = True) -> None:
        """Leave rows of the file out of the import (or put them back) and preview again."""
        kept = set(self.left_out) - set(lines)
        self.left_out = sorted(kept | set(lines) if leave else kept)
        self.build_preview()

    def claim(self) -> bool:
        """Mark a previewed batch as committing; False if it already is (a second click)."""
        claimed = ImportBatch.objects.filter(pk=self.pk, status=self.Status.PREVIEWED).update(
            status=self.Status.COMMITTING, progress_done=0, progress_total=self.rows
        )
        if claimed:
            self.status = self.Status.COMMITTING
        return bool(claimed)

    def commit(self) -> None:
        """Import the file for good: all of it, or on any error none of it.

        Runs within the request for small files and in tasks.commit_import_batch for large
        ones. The file is parsed and planned again, against the contacts as they are now.
        The batch becomes "done" in the same transaction as the contacts, so a second run
        (a retried task) finds it done and imports nothing twice.
        """
        self.started_at = timezone.now()
        started = ImportBatch.objects.filter(pk=self.pk, status=self.Status.COMMITTING).update(
            started_at=self.started_at
        )
        if not started:  # done, failed or cancelled meanwhile
            return
        progress = ProgressWriter(self)
        try:
            plan = plan_import(self.user, self.parse(), source=self.source, left_out=self.left_out)
            progress(0, plan.rows)
            with transaction.atomic():
                result = commit_import(self.user, plan, progress=progress)
                progress.close()
                finished = ImportBatch.objects.filter(
                    pk=self.pk, status=self.Status.COMMITTING
                ).update(
                    status=self.Status.DONE,
                    result=result_of(result) | {"left_out": len(plan.left_out)},
                    data=b"",
                    progress_done=plan.rows,
                    progress_total=plan.rows,
                    finished_at=timezone.now(),
                )
                if not finished:  # another run got there first: undo this one
                    transaction.set_rollback(True)
                    return
        except ImportFileError as error:
            self.fail(error.message)
            return
        except Exception:
            self.fail(
                "Something went wrong while saving, so nothing was imported. Please try again."
            )
            raise
        finally:
            progress.close()
        self.refresh_from_db(fields=["status", "result", "data", "finished_at"])

    def cancel(self) -> bool:
        """Delete the batch unless it is being imported; False if it is too late."""
        waiting = models.Q(status=self.Status.COMMITTING, started_at__isnull=True)
        unfinished = models.Q(
            status__in=[self.Status.UPLOADED, self.Status.MAPPED, self.Status.PREVIEWED]
        )
        deleted, _ = ImportBatch.objects.filter(waiting | unfinished, pk=self.pk).delete()
        return bool(deleted)

    @classmethod
    def fail_stale(cls, *, worker_starting: bool = False) -> int:
        """Fail the commits that died; return how many. Their uploaded files are deleted.

        A commit running past COMMIT_TIMEOUT is dead. When the worker starts, so are the
        background commits already started: the worker that ran them is gone (run one
        worker per installation). If a run ever wakes up, it finds its batch failed and
        rolls back, so "nothing was saved" stays true.
        """
        now = timezone.now()
        dead = models.Q(started_at__lt=now - COMMIT_TIMEOUT)
        if worker_starting:
            dead |= models.Q(started_at__isnull=False, rows__gt=IN_REQUEST_ROWS)
        return cls.objects.filter(dead, status=cls.Status.COMMITTING).update(
            status=cls.Status.FAILED, error=STALE_MESSAGE, data=b"", finished_at=now
        )

    def fail(self, message: str) -> None:
        self.status = self.Status.FAILED
        self.error = message
        self.data = b""
        self.finished_at = timezone.now()
        self.save(update_fields=["status", "error", "data", "finished_at"])


class ProgressWriter:
    """Counters the progress page can read while the import's transaction is still open.

    Writes made inside that transaction are invisible to the page until the very end, so
    on PostgreSQL the counters go through a second connection in autocommit mode. The
    import's transaction does not touch the batch row until its last statement, so the two
    connections never wait for each other.

    SQLite has a single writer and the import's transaction holds the lock: a second
    connection would wait for the transaction it reports on. There the counters are written
    only before the transaction starts, and the page shows a moving bar without numbers
    while the people are saved (a few seconds even for 30,000 people).
    """

    def __init__(self, batch: ImportBatch):
        self.batch = batch
        self.connection = None
        self.concurrent = connections["default"].vendor != "sqlite"

    def __call__(self, done: int, total: int) -> None:
        table = ImportBatch._meta.db_table
        sql = f"UPDATE {table} SET progress_done = %s, progress_total = %s WHERE id = %s"
        if not connections["default"].in_atomic_block:
            with connections["default"].cursor() as cursor:
                cursor.execute(sql, [done, total, self.batch.pk])
            return
        if not self.concurrent:
            return
        try:
            if self.connection is None:
                self.connection = connections.create_connection("default")
                with self.connection.cursor() as cursor:
                    # Progress is worth a moment's wait, never a stuck import.
                    cursor.execute("SET lock_timeout = '2s'")
            with self.connection.cursor() as cursor:
                cursor.execute(sql, [done, total, self.batch.pk])
        except DatabaseError:
            logger.warning("Could not record the progress of import %s", self.batch.pk)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def preview_of(plan: ImportPlan) -> dict[str, Any]:
    """The counts and the first few people of each kind, as plain JSON for the preview page."""
    return {
        "notes": plan.notes,
        "counts": {
            "added": len(plan.to_add),
            "updated": len(plan.to_update),
            "unchanged": plan.unchanged_count,
            "skipped": len(plan.skipped),
            "left_out": len(plan.left_out),
        },
        "added": [
            {
                "line": contact.line,
                "lines": plan.lines_of(contact),
                "name": contact.name,
                "title": contact.title,
                "organization": contact.organization,
                "email": contact.emails[0] if contact.emails else "",
                "review": contact.extra.get("review", ""),
            }
            for contact in plan.to_add[:PREVIEW_ITEMS]
        ],
        "updated": [
            {
                "id": update.contact_id,
                "line": update.incoming.line,
                "lines": plan.lines_of(update.incoming),
                "name": update.name,
                "changes": update.descriptions,
            }
            for update in plan.to_update[:PREVIEW_ITEMS]
        ],
        "unchanged": [
            {"id": contact_id, "name": name} for contact_id, name in plan.unchanged[:PREVIEW_ITEMS]
        ],
        "skipped": [
            {"line": row.line, "reason": row.reason} for row in plan.skipped[:PREVIEW_ITEMS]
        ],
        "left_out": [
            {"line": contact.line, "lines": [contact.line], "name": contact.name}
            for contact in plan.left_out
        ],
    }


def result_of(result: ImportResult) -> dict[str, Any]:
    """The commit's summary for the result page, with the first skipped rows only."""
    summary = result.summary()
    summary["skipped_count"] = len(summary["skipped"])
    summary["skipped"] = summary["skipped"][:PREVIEW_ITEMS]
    return summary
