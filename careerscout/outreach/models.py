from django.conf import settings
from django.db import models

from careerscout.conversations.models import Conversation
from careerscout.lib.models import OwnedQuerySet
from careerscout.people.models import Contact


class Kind(models.TextChoices):
    REQUEST = "request", "Request"
    FOLLOW_UP = "follow_up", "Follow-up"
    THANK_YOU = "thank_you", "Thank-you note"
    KEEP_IN_TOUCH = "keep_in_touch", "Keep in touch"
    REPORT_BACK = "report_back", "Report back"
    CONFIRM = "confirm", "Confirmation"


class DraftTemplate(models.Model):
    """The person's own wording for one kind of message, used instead of ours."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(max_length=20, choices=Kind)
    name = models.CharField(max_length=100)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "name"], name="unique_template_name"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name}"


class Message(models.Model):
    """A message the person sent (or marked as sent) to someone; nothing is sent silently."""

    class Channel(models.TextChoices):
        MARKED = "marked", "Sent from my own mail"
        EML = "eml", "Downloaded as .eml"
        EMAIL = "email", "Sent by Career Scout"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="messages")
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    channel = models.CharField(max_length=10, choices=Channel)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    sent_at = models.DateTimeField()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.contact}"
