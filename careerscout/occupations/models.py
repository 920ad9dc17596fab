from django.db import models


class Release(models.Model):
    """The O*NET release the occupation tables hold (there is one at a time)."""

    version = models.CharField(max_length=20)
    source = models.CharField(max_length=300, help_text="Where it was loaded from.")
    job_zones = models.JSONField(default=dict, help_text="Job zone number → its plain words.")
    loaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"O*NET {self.version}"


class Occupation(models.Model):
    """An O*NET-SOC occupation: what the work is and what people doing it are called.

    Lists are kept as JSON on the row: they are always read whole, and a thousand rows load
    in a fraction of a second where a hundred thousand would not.
    """

    code = models.CharField(max_length=10, primary_key=True)
    title = models.CharField(max_length=150)
    description = models.TextField()
    job_zone = models.PositiveSmallIntegerField(null=True, blank=True)
    tasks = models.JSONField(default=list, help_text="Most important first.")
    alternate_titles = models.JSONField(default=list)
    reported_titles = models.JSONField(default=list)
    related = models.JSONField(default=list, help_text="Codes, most related first.")
    technology_skills = models.JSONField(default=list, help_text='[{"name", "hot"}]')

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.title} ({self.code})"

    @property
    def family(self) -> str:
        """The 6-digit SOC code ("15-1255") that detailed occupations share."""
        return self.code[:7]

    @property
    def hot_technologies(self) -> list[str]:
        return [skill["name"] for skill in self.technology_skills if skill["hot"]]

    def typical_titles(self, limit: int = 8) -> list[str]:
        """Reported titles first (what people call themselves), then alternate ones."""
        seen: dict[str, None] = {}
        for title in [*self.reported_titles, *self.alternate_titles]:
            seen.setdefault(title, None)
        return list(seen)[:limit]
