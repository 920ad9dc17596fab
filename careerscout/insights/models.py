from django.conf import settings
from django.db import models
from django.utils import timezone

from careerscout.questions.models import TOPIC_CHOICES


class ItemQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def evidence(self):
        return self.filter(kind__in=Item.EVIDENCE_KINDS)

    def actions(self):
        return self.filter(kind=Item.Kind.ACTION)

    def open(self):
        return self.filter(done_at__isnull=True)


class Item(models.Model):
    """Something learned or to do: captured in a conversation's notes, or added by hand."""

    class Kind(models.TextChoices):
        INSIGHT = "insight", "Insight"
        APPEAL = "appeal", "Appeal"
        CONCERN = "concern", "Concern"
        ADVICE = "advice", "Advice"
        QUESTION = "question", "Open question"
        ACTION = "action", "Action"
        REFERRAL = "referral", "Referral"
        SKILL = "skill", "Skill"
        NOTE = "note", "Note"

    EVIDENCE_KINDS = [Kind.INSIGHT, Kind.APPEAL, Kind.CONCERN, Kind.ADVICE, Kind.SKILL]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="items",
    )
    career = models.ForeignKey(
        "careers.Career",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="items",
        help_text="For items not from a conversation, e.g. an action from the skills gap.",
    )
    # Who said it (the conversation's person), kept when the conversation is deleted.
    contact = models.ForeignKey(
        "people.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    # For a referral: the person referred to.
    referred = models.ForeignKey(
        "people.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    text = models.TextField()
    topic = models.CharField(max_length=20, choices=TOPIC_CHOICES, blank=True)
    skills = models.JSONField(default=list, blank=True)
    due = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    # Made from notes: re-reading the notes may update or remove it.
    from_notes = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["user", "kind"], name="item_user_kind")]

    def __str__(self):
        return self.text[:80]
