from django.conf import settings
from django.db import connections, models
from django.db.models.expressions import RawSQL
from django.urls import reverse

from careerscout.lib.career_names import with_article
from careerscout.lib.dates import add_months
from careerscout.lib.markdown import render_markdown
from careerscout.lib.models import OwnedQuerySet, Timestamped
from careerscout.lib.organization_kinds import CHOICES as KIND_CHOICES
from careerscout.lib.organization_kinds import LABELS as KIND_LABELS
from careerscout.lib.organization_kinds import organization_kind
from careerscout.lib.text import fold
from careerscout.lib.time_zones import validate_time_zone
from careerscout.lib.titles import title_terms, understand_title
from careerscout.lib.vocabulary import ConversationStatus
from careerscout.occupations.matching import likeliest_occupation


class Tag(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=50)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="unique_tag_name_per_user"),
        ]

    def __str__(self):
        return self.name


class Organization(models.Model):
    """An employer or institution, made from people's organisation names (see lib.orgnames)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, help_text="The folded name; see organization_key().")
    # Keys of organisations merged into this one, so later imports still land here.
    merged_keys = models.JSONField(default=list, blank=True)
    # What kind of place it is, as chosen; blank means what the name settles (kind_label).
    kind = models.CharField(
        "what kind of organisation is this?", max_length=20, choices=KIND_CHOICES, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], name="unique_organization_key_per_user"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:organization", args=[self.pk])

    def kind_label(self) -> str:
        """ "a bank": the kind chosen, else the one the name settles, else nothing."""
        if self.kind:
            return KIND_LABELS.get(self.kind, "")
        return organization_kind(self.name)

    def set_kind(self, kind: str) -> None:
        """Correct the kind the name suggests; "" goes back to the name's."""
        self.kind = kind
        self.full_clean(validate_unique=False, validate_constraints=False)
        self.save(update_fields=["kind"])


def has_search_index(alias: str) -> bool:
    """Whether this database has the FTS5 search table (SQLite builds without FTS5 do not)."""
    connection = connections[alias]
    if connection.vendor != "sqlite":
        return False
    key = (alias, str(connection.settings_dict["NAME"]))
    if key not in _search_index_known:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s",
                ["people_contact_search"],
            )
            _search_index_known[key] = cursor.fetchone() is not None
    return _search_index_known[key]


_search_index_known: dict[tuple[str, str], bool] = {}


def title_fields(title: str) -> dict[str, str]:
    """A person's title understood, as the contact's derived fields hold it."""
    parts = understand_title(title)
    code, confidence = likeliest_occupation(title) if parts.role or parts.field else ("", 0.0)
    return {
        "title_seniority": parts.seniority[:100],
        "title_role": parts.role[:100],
        "title_field": parts.field[:200],
        "occupation_code": code,
        "occupation_confidence": confidence,
    }


TITLE_FIELDS = (
    "title_seniority",
    "title_role",
    "title_field",
    "occupation_code",
    "occupation_confidence",
)


def refresh_title_fields(contacts=None, names: tuple[str, ...] = TITLE_FIELDS) -> int:
    """Understand everyone's title again (after loading a newer O*NET release); how many
    people changed. A migration passes its historical model's rows and the fields it has."""
    contacts = contacts if contacts is not None else Contact.objects.all()
    changed = []
    for contact in contacts.exclude(title="").only("id", "title", *names).iterator():
        fields = {
            name: value for name, value in title_fields(contact.title).items() if name in names
        }
        if any(getattr(contact, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(contact, name, value)
            changed.append(contact)
    contacts.model.objects.bulk_update(changed, names, batch_size=1000)
    return len(changed)


class ContactQuerySet(OwnedQuerySet):
    def search(self, query: str):
        """Every word must appear in the name, organisation, title, e-mails or notes.

        On SQLite, words of 3 letters or more go through the FTS5 trigram index
        (migration 0006); shorter ones, and other databases, use LIKE on the same text.
        """
        words = fold(query).split()
        indexed = [w for w in words if len(w) >= 3] if has_search_index(self.db) else []
        result = self
        if indexed:
            phrase = " AND ".join('"' + word.replace('"', '""') + '"' for word in indexed)
            result = result.filter(
                pk__in=RawSQL(
                    "SELECT rowid FROM people_contact_search WHERE people_contact_search MATCH %s",
                    [phrase],
                )
            )
        for word in words:
            if word not in indexed:
                result = result.filter(search_text__contains=word)
        return result

    def tagged(self, tag_name: str):
        # A subquery rather than a join: counting 5,000 tagged people of 30,000 is twice as fast.
        through = Contact.tags.through.objects.filter(tag__name=tag_name)
        return self.filter(pk__in=through.values("contact_id"))


class Responsiveness(models.TextChoices):
    QUICK = "quick", "Quick to reply"
    SLOW = "slow", "Slow to reply"
    NONE = "none", "Did not reply"
    UNKNOWN = "unknown", "Not known yet"


DEFAULT_KEEP_IN_TOUCH_MONTHS = 3


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
    org = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts"
    )
    title = models.CharField("job title", max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    time_zone = models.CharField(max_length=64, blank=True, validators=[validate_time_zone])
    source = models.CharField(max_length=20, choices=Source, default=Source.OTHER)
    how_we_know = models.TextField("how you know them", blank=True)
    notes = models.TextField(blank=True, help_text="Markdown is welcome.")
    tags = models.ManyToManyField(Tag, blank=True, related_name="contacts")
    connected_on = models.DateField(
        null=True, blank=True, help_text="When you connected, as LinkedIn records it."
    )
    responsiveness = models.CharField(
        max_length=10, choices=Responsiveness, default=Responsiveness.UNKNOWN
    )
    last_contact_at = models.DateTimeField(null=True, blank=True)
    keep_in_touch_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="How often to get back in touch; empty means no reminders.",
    )
    # Further details from imports (other phones, websites, addresses), shown but not edited.
    extra = models.JSONField(default=dict, blank=True)
    # Derived from the fields above by refresh_derived_fields(); never edited directly.
    search_text = models.TextField(blank=True, editable=False)
    title_key = models.CharField(max_length=300, blank=True, editable=False)
    knows_how = models.BooleanField(default=False, editable=False)
    # The title understood (see lib.titles.understand_title): "Sr. User Researcher" is
    # seniority "senior", role "researcher", field "ux", occupation 15-1255.00.
    title_seniority = models.CharField(max_length=100, blank=True, editable=False)
    title_role = models.CharField(max_length=100, blank=True, editable=False)
    title_field = models.CharField(max_length=200, blank=True, editable=False)
    occupation_code = models.CharField(max_length=10, blank=True, editable=False)
    occupation_confidence = models.FloatField(default=0.0, editable=False)

    objects = ContactQuerySet.as_manager()

    # Kept in step by refresh_derived_fields(); bulk writers must include them.
    DERIVED_FIELDS = ("search_text", "title_key", "knows_how", *TITLE_FIELDS)

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            # Covers "who to ask": ranking reads these columns for every person.
            models.Index(
                fields=[
                    "user",
                    "title_key",
                    "org",
                    "source",
                    "knows_how",
                    "title_role",
                    "title_field",
                    "occupation_code",
                ],
                name="contact_ranking_by_role",
            ),
            models.Index(fields=["user", "name"], name="contact_user_name"),
            models.Index(fields=["user", "-created_at"], name="contact_user_created"),
            models.Index(fields=["user", "organization"], name="contact_user_org"),
            models.Index(fields=["user", "source"], name="contact_user_source"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_derived_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *self.DERIVED_FIELDS}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("people:detail", args=[self.pk])

    def refresh_derived_fields(self) -> None:
        """Fill the folded search text and title terms; bulk writers must call this."""
        parts = [self.name, self.organization, self.title, *self.emails, self.notes]
        self.search_text = fold(" ".join(part for part in parts if part))
        self.title_key = title_terms(self.title)[:300]
        self.knows_how = bool(self.how_we_know.strip())
        for name, value in title_fields(self.title).items():
            setattr(self, name, value)

    @property
    def notes_html(self):
        return render_markdown(self.notes)

    def description(self) -> str:
        """Who they are without saying their name or their organisation's: "a UX researcher
        at a bank", for shared views. Reads `org`: callers select_related it."""
        title = self.title.strip()
        who = with_article(title) if title else "someone they know"
        place = self.org.kind_label() if self.org_id else organization_kind(self.organization)
        return f"{who} at {place}" if place else who

    @property
    def primary_email(self) -> str:
        return self.emails[0] if self.emails else ""

    def set_tags(self, names: list[str]) -> None:
        wanted = {name.strip()[:50] for name in names if name.strip()}
        existing = {tag.name: tag for tag in Tag.objects.filter(user=self.user, name__in=wanted)}
        missing = [Tag(user=self.user, name=name) for name in wanted - existing.keys()]
        # SQLite and PostgreSQL both give bulk_create's rows their new ids.
        created = Tag.objects.bulk_create(missing) if missing else []
        self.tags.set([*existing.values(), *created])

    def touch(self, at) -> None:
        """Any contact with them restarts the keep-in-touch clock."""
        if self.last_contact_at is None or at > self.last_contact_at:
            self.last_contact_at = at
            self.save(update_fields=["last_contact_at"])

    def start_keeping_in_touch(self) -> None:
        if self.keep_in_touch_months is None:
            self.keep_in_touch_months = DEFAULT_KEEP_IN_TOUCH_MONTHS
            self.save(update_fields=["keep_in_touch_months"])

    def keep_in_touch_due(self):
        """The date to get back in touch, or None when no reminder is set."""
        if not self.keep_in_touch_months or self.last_contact_at is None:
            return None
        return add_months(self.user.local_date(self.last_contact_at), self.keep_in_touch_months)

    def update_responsiveness(self) -> None:
        """From the latest request: replied within 3 business days, later, or not at all."""
        latest = (
            self.conversations.filter(requested_at__isnull=False).order_by("-requested_at").first()
        )
        if latest is None:
            return
        if latest.replied_at:
            days = self.user.calendar().business_days_between(
                self.user.local_date(latest.requested_at), self.user.local_date(latest.replied_at)
            )
            value = Responsiveness.QUICK if days <= 3 else Responsiveness.SLOW
        elif latest.status == ConversationStatus.NO_REPLY:
            value = Responsiveness.NONE
        else:
            return
        if value != self.responsiveness:
            self.responsiveness = value
            self.save(update_fields=["responsiveness"])

    def log(self, kind: str, summary: str, **extra) -> "TimelineEntry":
        return TimelineEntry.objects.create(
            user=self.user, contact=self, kind=kind, summary=summary, **extra
        )


# Sources that mean someone would likely answer you: you share a past or an introduction.
WARM_SOURCES = {
    Contact.Source.ALUMNI,
    Contact.Source.COLLEAGUE,
    Contact.Source.FRIEND_FAMILY,
    Contact.Source.REFERRAL,
}


class TimelineEntry(models.Model):
    """Something that happened with a person; later features add their own kinds."""

    class Kind(models.TextChoices):
        ADDED = "added", "Added"
        EDITED = "edited", "Edited"
        NOTE = "note", "Note"
        IMPORTED = "imported", "Imported"
        MERGED = "merged", "Merged"
        CONVERSATION = "conversation", "Conversation"
        MESSAGE = "message", "Message"
        REPLY = "reply", "Reply"
        CONTACT = "contact", "In touch"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(max_length=30, choices=Kind)
    summary = models.CharField(max_length=300)
    # The conversation the line is about, so the timeline leads to its record. A string
    # reference: the conversations app sits above this one and is never imported here.
    conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="timeline_entries",
    )
    at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "timeline entries"

    def __str__(self):
        return f"{self.contact}: {self.summary}"


class MergeRecord(models.Model):
    """What a merge changed, so that it can be undone."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kept = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="merges")
    # The merged-away contact as it was: its fields, tag names and career ids.
    absorbed = models.JSONField()
    # Fields of the kept contact that the merge changed: {"field": [before, after]}.
    changed_fields = models.JSONField(default=dict)
    moved = models.JSONField(default=dict, help_text="Ids of rows that moved to the kept contact.")
    at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.absorbed.get('name')} merged into {self.kept}"


class NotDuplicate(models.Model):
    """Two people the user said are different, so they are not suggested as duplicates again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    first = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="unique_not_duplicate_pair"),
        ]

    def __str__(self):
        return f"{self.first} ≠ {self.second}"
