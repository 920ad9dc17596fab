"""The alumni directory: volunteers' profiles and the requests students send them.

A request belongs to the student who sent it (`user`), like every row; the volunteer reaches
it only through their profile (`DirectoryRequest.objects.for_volunteer`), and sees nothing
else of the student until they accept.
"""

from collections.abc import Mapping
from datetime import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from careerscout.lib.models import OwnedQuerySet, Timestamped
from careerscout.lib.time_zones import validate_time_zone, zone_or_utc
from careerscout.lib.titles import title_terms

MAX_CAPACITY = 20


class VolunteerProfile(Timestamped):
    """What a volunteer shows students; their e-mail stays hidden until they accept."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_profile"
    )
    display_name = models.CharField(
        "your name as students see it", max_length=150, help_text="For example “Maya C.”."
    )
    organization = models.CharField("organisation", max_length=200, blank=True)
    title = models.CharField("job title", max_length=200)
    title_key = models.CharField(max_length=200, blank=True, editable=False)
    careers = models.JSONField(default=list, blank=True)
    career_keys = models.JSONField(default=list, blank=True, editable=False)
    topics = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    capacity_per_month = models.PositiveSmallIntegerField(
        "conversations a month",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
        help_text="You drop out of the directory once this many requests are in for the month.",
    )
    contact_email = models.EmailField(
        "e-mail for requests",
        blank=True,
        help_text="Where requests arrive; students see it only once you accept.",
    )
    published = models.BooleanField(default=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["display_name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity_per_month__gte=1, capacity_per_month__lte=MAX_CAPACITY),
                name="volunteer_capacity_1_to_20",
            ),
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.title_key = title_terms(self.title)
        self.career_keys = [title_terms(career) for career in self.careers]
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "title_key", "career_keys"}
        super().save(*args, **kwargs)

    @property
    def email(self) -> str:
        return self.contact_email or self.user.email

    @property
    def headline(self) -> str:
        return f"{self.title} at {self.organization}" if self.organization else self.title

    def month_start(self, now: datetime | None = None) -> datetime:
        """The first moment of this month where the volunteer lives."""
        local = (now or timezone.now()).astimezone(zone_or_utc(self.time_zone))
        return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def published_profile(profile_id: int) -> VolunteerProfile | None:
    """The profile students may ask through: published, by someone who is still a volunteer."""
    return (
        VolunteerProfile.objects.select_related("user")
        .filter(pk=profile_id, published=True, user__is_active=True, user__is_volunteer=True)
        .first()
    )


class RequestQuerySet(OwnedQuerySet):
    def for_volunteer(self, user):
        """The requests sent to this volunteer: all a volunteer ever sees of students."""
        return self.filter(profile__user=user)

    def open(self):
        return self.filter(status=DirectoryRequest.Status.PENDING)

    def taking_capacity(self, month_starts: Mapping[int, datetime]):
        """What counts against each volunteer's month (`month_starts`: profile id → when their
        month began): every request still waiting for an answer, and those accepted since the
        month began (declined, expired and withdrawn ones do not)."""
        # Months begin at different moments in different time zones: one condition per moment.
        profiles_by_start: dict[datetime, list[int]] = {}
        for profile_id, start in month_starts.items():
            profiles_by_start.setdefault(start, []).append(profile_id)
        accepted_this_month = models.Q(pk__in=[])
        for start, profile_ids in profiles_by_start.items():
            accepted_this_month |= models.Q(profile_id__in=profile_ids, created_at__gte=start)
        return self.filter(profile_id__in=list(month_starts)).filter(
            models.Q(status=DirectoryRequest.Status.PENDING)
            | models.Q(accepted_this_month, status=DirectoryRequest.Status.ACCEPTED)
        )


class DirectoryRequest(models.Model):
    """A student's request for a conversation with a volunteer."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        EXPIRED = "expired", "Expired without an answer"
        WITHDRAWN = "withdrawn", "Withdrawn"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    profile = models.ForeignKey(VolunteerProfile, on_delete=models.CASCADE, related_name="requests")
    career = models.ForeignKey(
        "careers.Career", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    career_text = models.CharField(
        "career", max_length=150, blank=True, help_text="What the student searched for."
    )
    message = models.TextField()
    status = models.CharField(max_length=20, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    expired_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # The one-click answer's single use: set when a link was used, whatever it said.
    link_used = models.BooleanField(default=False)
    # Where the site was reached when the request was sent, for the links in later e-mails.
    site_url = models.CharField(max_length=300, blank=True)
    student_conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    volunteer_conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["profile", "status"], name="directory_request_profile"),
            models.Index(fields=["status", "created_at"], name="directory_request_due"),
        ]

    def __str__(self):
        return f"Request to {self.profile}"

    def get_absolute_url(self):
        return reverse("directory:request", args=[self.pk])


def received_request(volunteer, request_id: int, rows=None) -> DirectoryRequest:
    """A request sent to this volunteer, for them to answer: anyone else's (the student's
    own included) is a 404, as a missing one is, like `get_owned` for the student."""
    rows = DirectoryRequest.objects.all() if rows is None else rows
    found = rows.for_volunteer(volunteer).filter(pk=request_id).first()
    if found is None:
        raise Http404("No request to you with that id.")
    return found


class NotAVolunteer(PermissionError):
    """Only people who hold the volunteer role publish a profile."""


def save_profile(user, **fields) -> VolunteerProfile:
    """Create or change the volunteer's own profile with the fields given; checked in full
    (a ValidationError names each field), so the page and the API refuse alike."""
    if not user.is_volunteer:
        raise NotAVolunteer(
            "Only volunteers publish a directory profile: ask your career centre to add the "
            "volunteer role to your account."
        )
    profile = VolunteerProfile.objects.filter(user=user).first() or VolunteerProfile(
        user=user,
        display_name=user.name or user.username,
        time_zone=user.time_zone,
        contact_email=user.email,
    )
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean(exclude=["user"])
    profile.save()
    return profile
