import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from careerscout.lib.markdown import render_markdown
from careerscout.lib.models import Timestamped
from careerscout.lib.text import fold


def validate_time_zone(value: str) -> None:
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(
            "“%(value)s” is not a time zone we know. Use a name like Europe/Paris.",
            params={"value": value},
        )


class Tag(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=50)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="unique_tag_name_per_user"),
        ]

    def __str__(self):
        return self.name


class ContactQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def search(self, query: str):
        """Every word must appear in the name, organisation, title, e-mails or notes."""
        result = self
        for word in fold(query).split():
            result = result.filter(search_text__contains=word)
        return result

    def tagged(self, tag_name: str):
        return self.filter(tags__name=tag_name)


class Contact(Timestamped):
    """A person the explorer knows or could ask for an informational interview."""

    class Source(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn"
        ALUMNI = "alumni", "Alumni"
        EVENT = "event", "Event"
        ASSOCIATION = "association", "Professional association"
        REFERRAL = "referral", "Referral"
        COLLEAGUE = "colleague", "Colleague"
        FRIEND_FAMILY = "friend_family", "Friend or family"
        OTHER = "other", "Other"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    emails = models.JSONField(default=list, blank=True)
    phone = models.CharField(max_length=50, blank=True)
    linkedin_url = models.URLField("LinkedIn URL", max_length=300, blank=True)
    organization = models.CharField("organisation", max_length=200, blank=True)
    title = models.CharField("job title", max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    time_zone = models.CharField(max_length=64, blank=True, validators=[validate_time_zone])
    source = models.CharField(max_length=20, choices=Source, default=Source.OTHER)
    how_we_know = models.TextField("how you know them", blank=True)
    notes = models.TextField(blank=True, help_text="Markdown is welcome.")
    tags = models.ManyToManyField(Tag, blank=True, related_name="contacts")
    # Folded copy of the searchable fields, so search is accent- and case-insensitive.
    search_text = models.TextField(blank=True, editable=False)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["user", "name"], name="contact_user_name"),
            models.Index(fields=["user", "-created_at"], name="contact_user_created"),
            models.Index(fields=["user", "organization"], name="contact_user_org"),
            models.Index(fields=["user", "source"], name="contact_user_source"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("people:detail", args=[self.pk])

    def build_search_text(self) -> str:
        parts = [self.name, self.organization, self.title, *self.emails, self.notes]
        return fold(" ".join(part for part in parts if part))

    @property
    def notes_html(self):
        return render_markdown(self.notes)

    @property
    def primary_email(self) -> str:
        return self.emails[0] if self.emails else ""

    def set_tags(self, names: list[str]) -> None:
        wanted = {name.strip()[:50] for name in names if name.strip()}
        existing = {tag.name: tag for tag in Tag.objects.filter(user=self.user, name__in=wanted)}
        missing = [Tag(user=self.user, name=name) for name in wanted - existing.keys()]
        created = Tag.objects.bulk_create(missing) if missing else []
        if created and created[0].pk is None:  # backends that do not return ids
            created = list(Tag.objects.filter(user=self.user, name__in=[t.name for t in missing]))
        self.tags.set([*existing.values(), *created])

    def log(self, kind: str, summary: str, **extra) -> "TimelineEntry":
        return TimelineEntry.objects.create(
            user=self.user, contact=self, kind=kind, summary=summary, **extra
        )


class TimelineEntry(models.Model):
    """Something that happened with a person; later features add their own kinds."""

    class Kind(models.TextChoices):
        ADDED = "added", "Added"
        EDITED = "edited", "Edited"
        NOTE = "note", "Note"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(max_length=30, choices=Kind)
    summary = models.CharField(max_length=300)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "timeline entries"

    def __str__(self):
        return f"{self.contact}: {self.summary}"
