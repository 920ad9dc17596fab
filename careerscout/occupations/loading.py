"""Putting a release into the occupation tables, replacing the one there, in one transaction.

The data migration and `careerscout occupations load` both come here; the migration passes
its historical models.
"""

from pathlib import Path
from typing import Any

from django.apps import apps as global_apps
from django.db import transaction
from django.dispatch import Signal

from .release import SHIPPED, read_payload, read_release

# Sent inside the loading transaction of `careerscout occupations load`, after the new
# occupations are in, so apps above this one can work out what depends on them again.
release_loaded = Signal()

FIELDS = (
    "code",
    "title",
    "description",
    "job_zone",
    "tasks",
    "alternate_titles",
    "reported_titles",
    "related",
    "technology_skills",
)


def load_payload(payload: dict[str, Any], source: str, apps=global_apps) -> int:
    """Replace the occupations with the payload's; the number loaded."""
    Release = apps.get_model("occupations", "Release")
    Occupation = apps.get_model("occupations", "Occupation")
    with transaction.atomic():
        Occupation.objects.all().delete()
        Release.objects.all().delete()
        Release.objects.create(
            version=payload["version"][:20], source=source[:300], job_zones=payload["job_zones"]
        )
        Occupation.objects.bulk_create(
            (Occupation(**{name: row[name] for name in FIELDS}) for row in payload["occupations"]),
            batch_size=500,
        )
    from .matching import forget_index  # the migration loads before matching is needed

    forget_index()
    return len(payload["occupations"])


def load_shipped(apps=global_apps) -> int:
    return load_payload(read_payload(SHIPPED), "shipped with Career Scout", apps)


@transaction.atomic
def load_release(path: Path) -> tuple[str, int]:
    """Load an official text release (folder or zip); (its version, occupations loaded)."""
    payload = read_release(path)
    count = load_payload(payload, str(path))
    release_loaded.send(sender=load_release)
    return payload["version"], count
