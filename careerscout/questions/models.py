from django.conf import settings
from django.db import models, transaction

TOPIC_CHOICES = [
    ("day_to_day", "Day-to-day work"),
    ("skills", "Skills & qualifications"),
    ("trends", "Trends & challenges"),
    ("path", "Getting in"),
    ("advice", "Advice"),
    ("lifestyle", "Pay, hours & lifestyle"),
    ("culture", "Culture & people"),
    ("resources", "Resources & people"),
]


class QuestionQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def visible(self):
        return self.filter(hidden=False)


class Question(models.Model):
    """A question in the person's bank: ours (copied in, so it can be edited) or their own."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    key = models.SlugField(max_length=80, help_text="Ours keep the bank's key; yours get one.")
    topic = models.CharField(max_length=20, choices=TOPIC_CHOICES)
    text = models.CharField(max_length=300)
    starred = models.BooleanField(default=False)
    hidden = models.BooleanField(default=False)
    closing = models.BooleanField(
        default=False, help_text="Asked last: whom else to talk to, and may you use their name."
    )
    custom = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="unique_question_key_per_user"),
        ]

    def __str__(self):
        return self.text

    @classmethod
    @transaction.atomic
    def ensure_bank(cls, user) -> None:
        """Copy our built-in questions into the person's bank once (and any added later)."""
        from .bank import BANK

        have = set(cls.objects.for_user(user).filter(custom=False).values_list("key", flat=True))
        missing = [
            cls(
                user=user,
                key=question.key,
                topic=question.topic,
                text=question.text,
                closing=question.closing,
                position=index,
            )
            for index, question in enumerate(BANK)
            if question.key not in have
        ]
        cls.objects.bulk_create(missing, ignore_conflicts=True)


class PlannedQuestion(models.Model):
    """One question in one conversation's plan, with the notes taken under it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="plan_items"
    )
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.SET_NULL)
    key = models.SlugField(max_length=80)
    topic = models.CharField(max_length=20, choices=TOPIC_CHOICES)
    text = models.CharField(max_length=300)
    reason = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)
    closing = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    notes_version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.text
