from dataclasses import dataclass
from typing import Any

from django.db import migrations, models, transaction
from django.db.models import F
from django.http import Http404

from .text import fold


class Timestamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


@dataclass(frozen=True)
class NotesSave:
    saved: bool
    version: int
    text: str  # what is stored now: the writer's text, or another tab's after a conflict


class VersionedNotes(models.Model):
    """Notes saved by compare-and-swap on a version number.

    A save applies only to the version the writer last saw, so a second tab's (or an API
    client's) older copy is refused, and the caller is shown both texts instead.
    """

    notes = models.TextField(blank=True)
    # Raised on each save of the notes, so two writers cannot silently overwrite each other.
    notes_version = models.PositiveIntegerField(default=0)
    # The notes case- and accent-folded (lib.text.fold), so "cafe" finds "café" on every
    # database, as people's search_text does. Kept in step by save() and save_notes().
    search_text = models.TextField(blank=True, editable=False)

    DERIVED_FIELDS = ("search_text",)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "notes" in update_fields:
            self.refresh_derived_fields()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *self.DERIVED_FIELDS}
        super().save(*args, **kwargs)

    def refresh_derived_fields(self) -> None:
        """Fill the folded notes; bulk writers must call this."""
        self.search_text = fold(self.notes)

    def save_notes(self, text: str, base_version: int) -> NotesSave:
        rows = type(self)._default_manager.filter(pk=self.pk)
        with transaction.atomic():
            updated = rows.filter(notes_version=base_version).update(
                notes=text, search_text=fold(text), notes_version=F("notes_version") + 1
            )
            self.notes, self.notes_version = rows.values_list("notes", "notes_version").get()
        return NotesSave(bool(updated), self.notes_version, self.notes)


def folding_saved_notes(app_label: str, model_name: str) -> migrations.RunPython:
    """The migration step that folds the notes saved before the folded column existed."""

    def fold_saved_notes(apps, schema_editor, batch: int = 1000) -> None:
        rows = apps.get_model(app_label, model_name).objects.exclude(notes="")
        pending = []
        for row in rows.only("pk", "notes").iterator(chunk_size=batch):
            row.search_text = fold(row.notes)
            pending.append(row)
            if len(pending) == batch:
                rows.bulk_update(pending, ["search_text"])
                pending = []
        rows.bulk_update(pending, ["search_text"])

    return migrations.RunPython(fold_saved_notes, migrations.RunPython.noop, elidable=True)


class OwnedQuerySet(models.QuerySet):
    """Rows that belong to one person; every page and endpoint reads through `for_user`."""

    def for_user(self, user):
        return self.filter(user=user)


def get_owned(rows: "type[models.Model] | models.QuerySet", user, pk) -> Any:
    """One of the person's rows by id: another person's id is a 404, as a missing one is.

    `rows` is a model with an OwnedQuerySet manager, or such a queryset narrowed first
    (e.g. with `select_related`).
    """
    queryset = rows if isinstance(rows, models.QuerySet) else rows._default_manager.all()
    found = queryset.for_user(user).filter(pk=pk).first()
    if found is None:
        raise Http404(f"No {queryset.model._meta.verbose_name} with that id.")
    return found
