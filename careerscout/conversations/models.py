import uuid
from datetime import datetime

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from careerscout.lib.dates import validate_sensible_date
from careerscout.lib.models import OwnedQuerySet, Timestamped, VersionedNotes
from careerscout.lib.text import excerpt, fold
from careerscout.lib.time_zones import validate_time_zone
from careerscout.lib.vocabulary import ConversationStatus
from careerscout.people.models import Contact

from .scheduling import describe

DEFAULT_DURATION_MINUTES = 20


def new_invitation_uid() -> str:
    """Random, so two installations never hand out the same UID (calendars would merge the
    two meetings); kept for the conversation's life and across export and restore."""
    return f"{uuid.uuid4().hex}@careerscout"


class StatusChangeError(ValueError):
    """A change the pipeline does not allow, e.g. thanking someone before the conversation or
    moving the time of one already held."""


class ConversationQuerySet(OwnedQuerySet):
    def asked(self):
        """Conversations in which the person has been approached (anything past planning)."""
        return self.filter(status__in=ConversationStatus.approached())

    def live_requests(self):
        """Requests sent that have had no answer yet (see Conversation.awaiting_reply)."""
        return self.filter(status=Conversation.Status.REQUESTED, replied_at__isnull=True)

    def upcoming(self):
        """Not held yet and not given up: planned, requested or scheduled."""
        return self.filter(
            status__in=[
                Conversation.Status.PLANNED,
                Conversation.Status.REQUESTED,
                Conversation.Status.SCHEDULED,
            ]
        )

    def about(self, career):
        return self.filter(careers=career)

    def search(self, query: str):
        """Conversations whose notes (free, or under a planned question) hold every word,
        whatever its case and accents."""
        result = self
        for word in fold(query).split():
            in_notes = models.Q(search_text__contains=word) | models.Q(
                plan_items__search_text__contains=word
            )
            result = result.filter(pk__in=self.filter(in_notes).values("pk"))
        return result


class Conversation(Timestamped, VersionedNotes):
    """An informational interview with one person about one or more career options."""

    Status = ConversationStatus

    # Where each status may go next. Side exits can be reopened as a new plan.
    TRANSITIONS = {
        Status.PLANNED: {Status.REQUESTED, Status.SCHEDULED, Status.CANCELLED},
        Status.REQUESTED: {
            Status.SCHEDULED,
            Status.HELD,
            Status.DECLINED,
            Status.NO_REPLY,
            Status.CANCELLED,
        },
        Status.SCHEDULED: {Status.HELD, Status.CANCELLED},
        Status.HELD: {Status.THANKED},
        Status.THANKED: set(),
        Status.DECLINED: {Status.PLANNED},
        Status.NO_REPLY: {Status.PLANNED, Status.SCHEDULED},
        Status.CANCELLED: {Status.PLANNED},
    }
    BOARD_COLUMNS = [
        Status.PLANNED,
        Status.REQUESTED,
        Status.SCHEDULED,
        Status.HELD,
        Status.THANKED,
    ]
    SIDE_EXITS = [Status.DECLINED, Status.NO_REPLY, Status.CANCELLED]
    # The call has happened: notes edited now are read for items again.
    AFTER_THE_CALL = frozenset({Status.HELD, Status.THANKED})

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="conversations")
    careers = models.ManyToManyField("careers.Career", blank=True, related_name="conversations")
    status = models.CharField(max_length=20, choices=Status, default=Status.PLANNED)
    status_changed_at = models.DateTimeField(default=timezone.now)
    requested_at = models.DateTimeField(null=True, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    scheduled_at = models.DateTimeField(null=True, blank=True, validators=[validate_sensible_date])
    duration_minutes = models.PositiveSmallIntegerField(default=DEFAULT_DURATION_MINUTES)
    time_zone = models.CharField(
        max_length=64,
        blank=True,
        help_text="Where the other person is, e.g. Europe/Berlin.",
        validators=[validate_time_zone],
    )
    location = models.CharField(max_length=300, blank=True)
    video_url = models.URLField("video link", max_length=500, blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    thanked_at = models.DateTimeField(null=True, blank=True)
    reported_back_at = models.DateTimeField(null=True, blank=True)
    invitation_sequence = models.PositiveIntegerField(default=0)
    invitation_uid = models.CharField(max_length=100, default=new_invitation_uid, editable=False)
    introduction = models.TextField(
        "your 30-second introduction",
        blank=True,
        help_text="Who you are, that you are exploring (not job-hunting), and why them.",
    )

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "status"], name="conversation_user_status")]

    def __str__(self):
        return f"Conversation with {self.contact}"

    def get_absolute_url(self):
        return reverse("conversations:detail", args=[self.pk])

    @property
    def excerpt(self) -> str:
        """The first words of the notes as plain text, for lists that lead to the record."""
        return excerpt(self.notes)

    def log(self, summary: str, kind: str = "conversation"):
        """A line on the person's timeline that leads back to this conversation."""
        return self.contact.log(kind, summary[:300], conversation=self)

    @property
    def awaiting_reply(self) -> bool:
        """A request is out and they have not answered (the rows `live_requests` finds)."""
        return self.status == self.Status.REQUESTED and self.replied_at is None

    def allowed_moves(self) -> list[str]:
        order = [*self.BOARD_COLUMNS, *self.SIDE_EXITS]
        allowed = self.TRANSITIONS[self.Status(self.status)]
        return [status for status in order if status in allowed]

    @classmethod
    @transaction.atomic
    def plan(cls, contact: Contact, careers, **details) -> "Conversation":
        """A new conversation to have with `contact` about `careers`, who joins each career's
        people; `details` are further fields (time zone, duration, place…)."""
        conversation = cls.objects.create(user=contact.user, contact=contact, **details)
        conversation.careers.set(careers)
        for career in careers:
            career.contacts.add(contact)
        conversation.changes.create(to_status=cls.Status.PLANNED, at=conversation.created_at)
        titles = ", ".join(career.title for career in careers) or "your exploration"
        conversation.log(f"Planned a conversation about {titles}")
        return conversation

    @transaction.atomic
    def move_to(self, status: str, at: datetime | None = None, note: str = "") -> "StatusChange":
        """Change status, stamping the moment; the timestamp fields follow the status."""
        at = at or timezone.now()
        if status not in self.TRANSITIONS[self.Status(self.status)]:
            raise StatusChangeError(
                f"A conversation that is {self.get_status_display().lower()} cannot become "
                f"{self.Status(status).label.lower()}."
            )
        previous = self.status
        self.status = status
        self.status_changed_at = at
        stamp = {
            self.Status.REQUESTED: "requested_at",
            self.Status.HELD: "held_at",
            self.Status.THANKED: "thanked_at",
        }.get(self.Status(status))
        fields = ["status", "status_changed_at", "updated_at"]
        if stamp and getattr(self, stamp) is None:
            setattr(self, stamp, at)
            fields.append(stamp)
        if status == self.Status.SCHEDULED and previous == self.Status.REQUESTED:
            self.replied_at = self.replied_at or at
            fields.append("replied_at")
        if status == self.Status.PLANNED:
            self.requested_at = self.replied_at = self.followed_up_at = None
            fields += ["requested_at", "replied_at", "followed_up_at"]
        if status == self.Status.CANCELLED and self.scheduled_at:
            # The cancellation is a newer version of the invitation.
            self.invitation_sequence += 1
            fields.append("invitation_sequence")
        self.save(update_fields=fields)
        change = self.changes.create(from_status=previous, to_status=status, at=at, note=note)
        self.log(change.describe())
        if status in {self.Status.HELD, self.Status.SCHEDULED} or self.replied_at == at:
            self.contact.touch(at)
        if status == self.Status.HELD:
            self.contact.start_keeping_in_touch()
        if self.replied_at == at or status == self.Status.NO_REPLY:
            self.contact.update_responsiveness()
        return change

    @transaction.atomic
    def schedule(self, start: datetime, **details) -> None:
        """Set or change the time; a change raises the invitation's sequence number. Once the
        conversation has happened its time is part of the record and stays."""
        if self.status in self.AFTER_THE_CALL:
            raise StatusChangeError(
                f"You have already talked with {self.contact.name}, so the time stays as it was."
            )
        rescheduling = self.scheduled_at is not None and self.scheduled_at != start
        self.scheduled_at = start
        for name, value in details.items():
            setattr(self, name, value)
        if rescheduling:
            self.invitation_sequence += 1
        self.save()
        when = describe(start, self.duration_minutes, self.user.time_zone)
        self.log(f"{'Moved' if rescheduling else 'Set'} to {when}")
        if self.status in {self.Status.PLANNED, self.Status.REQUESTED, self.Status.NO_REPLY}:
            self.move_to(self.Status.SCHEDULED)

    @transaction.atomic
    def record_reply(self, at: datetime | None = None, accepted: bool = True) -> None:
        """They answered: either yes (now to be scheduled) or no, thank you."""
        at = at or timezone.now()
        self.replied_at = at
        self.save(update_fields=["replied_at", "updated_at"])
        self.log("Replied to your request" + ("" if accepted else ": declined"), kind="reply")
        self.contact.touch(at)
        self.contact.update_responsiveness()
        if not accepted:
            self.move_to(self.Status.DECLINED, at)


class StatusChange(models.Model):
    """One step of a conversation through the pipeline, kept for its history."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=20, blank=True, choices=Conversation.Status)
    to_status = models.CharField(max_length=20, choices=Conversation.Status)
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return self.describe()

    def describe(self) -> str:
        labels = {
            Conversation.Status.PLANNED: "Planned a conversation",
            Conversation.Status.REQUESTED: "Sent a request for a conversation",
            Conversation.Status.SCHEDULED: "Scheduled the conversation",
            Conversation.Status.HELD: "Held the conversation",
            Conversation.Status.THANKED: "Sent a thank-you note",
            Conversation.Status.DECLINED: "They declined the conversation",
            Conversation.Status.NO_REPLY: "No reply after the follow-up",
            Conversation.Status.CANCELLED: "Cancelled the conversation",
        }
        text = labels[Conversation.Status(self.to_status)]
        return f"{text}: {self.note}" if self.note else text
