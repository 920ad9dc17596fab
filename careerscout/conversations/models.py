from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from careerscout.lib.models import Timestamped
from careerscout.people.models import Contact


class ConversationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def asked(self):
        """Conversations in which the person has been approached (anything past planning)."""
        return self.exclude(status=Conversation.Status.PLANNED)


class Conversation(Timestamped):
    """An informational interview with one person about one or more career options."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        REQUESTED = "requested", "Requested"
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        THANKED = "thanked", "Thanked"
        DECLINED = "declined", "Declined"
        NO_REPLY = "no_reply", "No reply"
        CANCELLED = "cancelled", "Cancelled"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="conversations")
    careers = models.ManyToManyField("careers.Career", blank=True, related_name="conversations")
    status = models.CharField(max_length=20, choices=Status, default=Status.PLANNED)
    status_changed_at = models.DateTimeField(default=timezone.now)
    notes = models.TextField(blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "status"], name="conversation_user_status")]

    def __str__(self):
        return f"Conversation with {self.contact}"

    def get_absolute_url(self):
        return reverse("people:detail", args=[self.contact_id])

    @classmethod
    @transaction.atomic
    def plan(cls, contact: Contact, careers) -> "Conversation":
        conversation = cls.objects.create(user=contact.user, contact=contact)
        conversation.careers.set(careers)
        titles = ", ".join(career.title for career in careers)
        contact.log("conversation", f"Planned a conversation about {titles}"[:300])
        return conversation
