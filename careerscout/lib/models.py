from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.http import Http404


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

    class Meta:
        abstract = True

    def save_notes(self, text: str, base_version: int) -> NotesSave:
        rows = type(self)._default_manager.filter(pk=self.pk)
        with transaction.atomic():
            updated = rows.filter(notes_version=base_version).update(
                notes=text, notes_version=F("notes_version") + 1
            )
            self.notes, self.notes_version = rows.values_list("notes", "notes_version").get()
        return NotesSave(bool(updated), self.notes_version, self.notes)


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
