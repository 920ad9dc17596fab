from django.conf import settings
from django.db import models
from django.utils import timezone

from careerscout.lib.models import OwnedQuerySet
from careerscout.lib.vocabulary import ItemKind, Topic

# Ways to close a skills gap, offered next to each gap.
GAP_ACTIONS = {
    "course": "Take a course in {skill}",
    "project": "Do a small project that uses {skill}",
    "person": "Ask someone who uses {skill} how they learned it",
}


class ItemQuerySet(OwnedQuerySet):
    def evidence(self):
        return self.filter(kind__in=Item.EVIDENCE_KINDS)

    def actions(self):
        return self.filter(kind=Item.Kind.ACTION)

    def open(self):
        return self.filter(done_at__isnull=True)


class Item(models.Model):
    """Something learned or to do: captured in a conversation's notes, or added by hand."""

    Kind = ItemKind

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
    # For a referral: the person referred to (their `referred_in` lists who suggested them).
    referred = models.ForeignKey(
        "people.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referred_in",
    )
    kind = models.CharField(max_length=20, choices=Kind)
    text = models.TextField()
    topic = models.CharField(max_length=20, choices=Topic, blank=True)
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

    @classmethod
    def add_gap_action(cls, career, skill: str, how: str) -> "Item":
        """One click on a skills gap: an action for the career, e.g. "Take a course in SQL".

        KeyError for a `how` that is not one of GAP_ACTIONS.
        """
        return cls.objects.create(
            user=career.user,
            career=career,
            kind=cls.Kind.ACTION,
            text=GAP_ACTIONS[how].format(skill=skill.strip()[:80]),
        )

    def toggle_done(self, at=None) -> None:
        """An action ticked off, or opened again."""
        self.done_at = None if self.done_at else (at or timezone.now())
        self.save(update_fields=["done_at"])


class Criterion(models.Model):
    """Something that matters to the person in a career, with how much it matters."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=80)
    weight = models.PositiveSmallIntegerField(
        default=3, help_text="How much it matters to you, from 1 (a little) to 5 (a lot)."
    )
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="unique_criterion_name"),
            models.CheckConstraint(
                condition=models.Q(weight__gte=1, weight__lte=5), name="criterion_weight_1_to_5"
            ),
        ]

    def __str__(self):
        return self.name


class Reflection(models.Model):
    """What the person took from one conversation, written soon after it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    conversation = models.OneToOneField(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="reflection"
    )
    surprised = models.TextField("what surprised you", blank=True)
    attracted = models.TextField("what attracted you", blank=True)
    worried = models.TextField("what worried you", blank=True)
    fit = models.TextField("how it fits your goals", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Reflection on {self.conversation}"


class Rating(models.Model):
    """One rating of a career on one criterion; the newest is current, older ones are history."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    career = models.ForeignKey("careers.Career", on_delete=models.CASCADE, related_name="ratings")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="ratings")
    value = models.PositiveSmallIntegerField()
    note = models.CharField(max_length=300, blank=True)
    reflection = models.ForeignKey(
        Reflection, null=True, blank=True, on_delete=models.SET_NULL, related_name="ratings"
    )
    evidence = models.ManyToManyField(Item, blank=True, related_name="ratings")
    rated_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-rated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5), name="rating_value_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.career} · {self.criterion}: {self.value}"


class Contradiction(models.Model):
    """Two things people said that do not agree, to be read side by side."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    first = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="unique_contradiction"),
        ]

    def __str__(self):
        return f"{self.first} ≠ {self.second}"

    @classmethod
    def note_between(cls, one: Item, other: Item, note: str = "") -> "Contradiction":
        """Mark two items as disagreeing; the same pair in either order is one record."""
        first, second = sorted([one, other], key=lambda item: item.pk)
        contradiction, _created = cls.objects.get_or_create(
            user=first.user, first=first, second=second, defaults={"note": note[:300]}
        )
        return contradiction


class SkillRating(models.Model):
    """How the person rates one of their own skills, from 1 (none yet) to 5 (strong)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=80)
    level = models.PositiveSmallIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="unique_skill_rating"),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=5), name="skill_level_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.name}: {self.level}"
