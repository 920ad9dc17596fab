from django.conf import settings
from django.db import models

from careerscout.lib.models import OwnedQuerySet


class DigestLog(models.Model):
    """One row per person and local day: the unique constraint makes the digest at-most-once,
    even with two workers or a worker restarted mid-run."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True)
    item_count = models.PositiveIntegerField(default=0)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_day"),
        ]

    def __str__(self):
        return f"Digest for {self.user} on {self.day}"
