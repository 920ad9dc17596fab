"""What each student shares with advisers, and every look an adviser takes at it."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from careerscout.accounts.models import Cohort
from careerscout.lib.models import OwnedQuerySet


class Level(models.TextChoices):
    """Each level includes the ones before it."""

    NOTHING = "nothing", "Nothing"
    PROGRESS = "progress", "Progress: counts only"
    SUMMARY = "summary", "Summary: careers, comparison and action plan"
    REPORT = "report", "Report: the exploration report"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class SharingGrant(models.Model):
    """A student's choice for one adviser, or for the adviser of one cohort they belong to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sharing_grants"
    )
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="grants_received",
    )
    cohort = models.ForeignKey(
        Cohort, null=True, blank=True, on_delete=models.CASCADE, related_name="grants"
    )
    level = models.CharField(max_length=20, choices=Level, default=Level.NOTHING)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(adviser__isnull=False, cohort__isnull=True)
                | models.Q(adviser__isnull=True, cohort__isnull=False),
                name="grant_names_an_adviser_or_a_cohort",
            ),
            models.UniqueConstraint(fields=["user", "adviser"], name="one_grant_per_adviser"),
            models.UniqueConstraint(fields=["user", "cohort"], name="one_grant_per_cohort"),
        ]
        indexes = [models.Index(fields=["adviser", "level"], name="grant_adviser_level")]

    def __str__(self):
        return f"{self.user} → {self.adviser or self.cohort}: {self.level}"


class AuditEntry(models.Model):
    """One look an adviser took at a student's data; the student reads these."""

    class What(models.TextChoices):
        CASELOAD = "caseload", "your progress, in their caseload"
        PROGRESS = "progress", "your progress"
        SUMMARY = "summary", "your summary"
        REPORT = "report", "your report"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="audit_entries"
    )
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    adviser_name = models.CharField(max_length=150, help_text="As it was when they looked.")
    what = models.CharField(max_length=20, choices=What)
    at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "-at"], name="audit_user_at")]

    def __str__(self):
        return f"{self.adviser_name} looked at {self.get_what_display()} on {self.at:%Y-%m-%d}"
