from django.conf import settings
from django.db import models, transaction

from careerscout.lib.models import OwnedQuerySet, VersionedNotes
from careerscout.lib.vocabulary import Topic

from .bank import BANK, BY_KEY, BankQuestion


class QuestionQuerySet(OwnedQuerySet):
    def visible(self):
        return self.filter(hidden=False)


class Question(models.Model):
    """A question in the person's bank: ours (copied in, so it can be edited) or their own."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    key = models.SlugField(max_length=80, help_text="Ours keep the bank's key; yours get one.")
    topic = models.CharField(max_length=20, choices=Topic)
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
    def bank(cls, user) -> list["Question"]:
        """The person's whole bank, read without writing anything.

        Their own rows come first to hand; our built-in questions they have never changed are
        unsaved copies (no id) until they star, hide, edit or plan one (see `for_key`).
        """
        rows = {question.key: question for question in cls.objects.for_user(user)}
        ours = [
            rows.pop(builtin.key, None) or cls._copy(user, builtin, position)
            for position, builtin in enumerate(BANK)
        ]
        return sorted([*ours, *rows.values()], key=lambda question: question.position)

    @classmethod
    def for_key(cls, user, key: str) -> "Question":
        """The person's row for a question, copying ours in first if needed.

        Raises Question.DoesNotExist for a key that is neither theirs nor ours.
        """
        question = cls.objects.for_user(user).filter(key=key).first()
        if question is not None:
            return question
        if key not in BY_KEY:
            raise cls.DoesNotExist(f"No question “{key}”.")
        copy = cls._copy(user, BY_KEY[key], [q.key for q in BANK].index(key))
        question, _created = cls.objects.get_or_create(
            user=user,
            key=key,
            defaults={field: getattr(copy, field) for field in COPIED_FIELDS},
        )
        return question

    @classmethod
    @transaction.atomic
    def add_custom(cls, user, text: str, topic: str) -> "Question":
        """A question of the person's own, after ours in the bank."""
        question = cls.objects.create(
            user=user, text=text, topic=topic, custom=True, key="custom-pending", position=10_000
        )
        question.key = f"custom-{question.pk}"
        question.save(update_fields=["key"])
        return question

    @classmethod
    def _copy(cls, user, builtin: BankQuestion, position: int) -> "Question":
        return cls(
            user=user,
            key=builtin.key,
            topic=builtin.topic,
            text=builtin.text,
            closing=builtin.closing,
            position=position,
        )


# What a person's copy of one of our questions starts with.
COPIED_FIELDS = ("topic", "text", "closing", "position")


class PlannedQuestion(VersionedNotes):
    """One question in one conversation's plan, with the notes taken under it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="plan_items"
    )
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.SET_NULL)
    key = models.SlugField(max_length=80)
    topic = models.CharField(max_length=20, choices=Topic)
    text = models.CharField(max_length=300)
    reason = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)
    closing = models.BooleanField(default=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.text
