from dataclasses import replace

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.functions import Cast
from django.urls import reverse

from careerscout.lib.markdown import render_markdown
from careerscout.lib.models import OwnedQuerySet, Timestamped
from careerscout.lib.orgnames import organization_key
from careerscout.lib.vocabulary import ConversationStatus
from careerscout.occupations.matching import Match, best_occupation, match_title
from careerscout.occupations.models import Occupation
from careerscout.people.models import WARM_SOURCES, Contact, Organization
from careerscout.people.organizations import organizations_by_key

from .ranking import Candidate, CareerProfile, Suggestion, career_terms, rank

# O*NET lists up to 20 related occupations, closest first; the first ten are "primary".
RELATED_KEPT = 10


class CareerQuerySet(OwnedQuerySet):
    def active(self):
        return self.exclude(status=Career.Status.SET_ASIDE)


class Career(Timestamped):
    """A career option being explored, e.g. "UX research"."""

    class Status(models.TextChoices):
        EXPLORING = "exploring", "Exploring"
        PROMISING = "promising", "Promising"
        PURSUING = "pursuing", "Pursuing"
        SET_ASIDE = "set_aside", "Set aside"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField(max_length=150)
    status = models.CharField(max_length=20, choices=Status, default=Status.EXPLORING)
    why = models.TextField("why I’m curious", blank=True)
    notes = models.TextField(blank=True, help_text="Markdown is welcome.")
    keywords = models.JSONField(
        default=list,
        blank=True,
        help_text="Other titles people in this career use, such as “user researcher”.",
    )
    contacts = models.ManyToManyField(Contact, blank=True, related_name="careers")
    occupation_codes = models.JSONField(
        default=list,
        blank=True,
        help_text="The O*NET occupations the person confirmed this career is, e.g. 15-1255.00.",
    )
    # True once the person has answered "which occupation is this?", even with "none".
    occupations_reviewed = models.BooleanField(default=False)

    objects = CareerQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "title"], name="unique_career_title_per_user"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("careers:detail", args=[self.pk])

    @property
    def notes_html(self):
        return render_markdown(self.notes)

    def ranked_people(self, limit: int | None = None) -> list[Suggestion]:
        """Everyone the owner knows, best to ask about this career first.

        Reads only the columns of the `contact_ranking` index, so 30,000 people stay fast;
        titles and organisations for the reasons are filled in by `with_contacts`.
        """
        asked = set(
            Contact.objects.for_user(self.user)
            .filter(conversations__status__in=ConversationStatus.approached())
            .values_list("id", flat=True)
        )
        planned = set(self.conversations.values_list("contact_id", flat=True))
        rows = (
            Contact.objects.for_user(self.user)
            # The index's own order, so no sorting; ties stay in a stable order.
            .order_by("title_key", "org_id", "source", "knows_how", "id")
            # An integer, not a BooleanField: 30,000 value conversions cost more than the query.
            .annotate(knows=Cast("knows_how", models.IntegerField()))
            .values_list(
                "id",
                "title_key",
                "org_id",
                "source",
                "knows",
                "title_role",
                "title_field",
                "occupation_code",
            )
        )
        candidates = [
            Candidate(
                pk, title_key, org_id, source, bool(knows), pk in asked, pk in planned, *understood
            )
            for pk, title_key, org_id, source, knows, *understood in rows
        ]
        motivation = dict(self.targets.values_list("organization_id", "motivation"))
        return rank(candidates, self.profile(), motivation, limit)

    def confirm_occupations(self, codes: list[str]) -> None:
        """The occupations the person says this career is (none is an answer too)."""
        self.occupation_codes = checked_occupation_codes(codes)
        self.occupations_reviewed = True
        self.save(update_fields=["occupation_codes", "occupations_reviewed", "updated_at"])

    def suggested_occupations(self, limit: int = 5) -> list[Match]:
        """The likeliest occupations for the title and keywords, best first."""
        best: dict[str, Match] = {}
        for phrase in [self.title, *self.keywords]:
            for found in match_title(phrase, limit):
                if found.code not in best or found.score > best[found.code].score:
                    best[found.code] = found
        return sorted(best.values(), key=lambda found: -found.score)[:limit]

    def occupation_codes_or_likeliest(self) -> list[str]:
        """The occupations the person confirmed, else the one the title most likely is."""
        if self.occupation_codes:
            return list(self.occupation_codes)
        likeliest = best_occupation(self.title)
        return [likeliest] if likeliest else []

    def profile(self) -> CareerProfile:
        """The career as the ranking sees it: its words, roles and occupations."""
        codes = self.occupation_codes_or_likeliest()
        own = list(
            Occupation.objects.filter(code__in=codes).values_list("code", "title", "related")
        )
        related_codes = [code for _code, _title, related in own for code in related[:RELATED_KEPT]]
        related = dict(
            Occupation.objects.filter(code__in=related_codes).values_list("code", "title")
        )
        return career_terms(
            self.title, self.keywords, {code: title for code, title, _related in own}, related
        )

    def with_contacts(self, suggestions: list[Suggestion]) -> list[tuple[Contact, Suggestion]]:
        """Attach the people (one query) and complete their candidates for the reasons."""
        # Who suggested them comes through the reverse relation: insights sits above careers.
        contacts = Contact.objects.prefetch_related("tags", "referred_in__contact").in_bulk(
            [s.contact_id for s in suggestions]
        )
        result = []
        for suggestion in suggestions:
            contact = contacts[suggestion.contact_id]
            referrers = {item.contact.name for item in contact.referred_in.all() if item.contact}
            suggestion.candidate = replace(
                suggestion.candidate,
                title=contact.title,
                organization=contact.organization,
                referred_by=" and ".join(sorted(referrers)),
            )
            result.append((contact, suggestion))
        return result

    def who_to_ask(self, limit: int | None = 20) -> list[tuple[Contact, Suggestion]]:
        """The owner's people, best to ask about this career first, each with reasons."""
        return self.with_contacts(self.ranked_people(limit))

    @transaction.atomic
    def add_target(
        self, organization_name: str, motivation: int, note: str = ""
    ) -> tuple["TargetOrganization", bool]:
        """Put an organisation on the target list (found by its folded name, or added);
        False as the second value when it was there already."""
        key = organization_key(organization_name)
        organization = organizations_by_key(self.user, [key]).get(key)
        if organization is None:
            organization = Organization.objects.create(
                user=self.user, name=organization_name, key=key
            )
        return TargetOrganization.objects.get_or_create(
            user=self.user,
            career=self,
            organization=organization,
            defaults={"motivation": motivation, "note": note},
        )

    def target_list(self) -> list["TargetOrganization"]:
        """Target organisations, most promising first: warm contact, then motivation."""
        targets = list(
            self.targets.select_related("organization").annotate(
                people=models.Count("organization__contacts", distinct=True),
                warm_people=models.Count(
                    "organization__contacts",
                    filter=models.Q(organization__contacts__source__in=WARM_SOURCES),
                    distinct=True,
                ),
            )
        )
        targets.sort(
            key=lambda t: (-(t.warm_people > 0), -t.motivation, -t.people, t.organization.name)
        )
        return targets


def checked_occupation_codes(codes: list[str]) -> list[str]:
    """The codes in order without repeats; ValueError naming a code no occupation has."""
    wanted = list(dict.fromkeys(code.strip() for code in codes if code.strip()))
    known = set(Occupation.objects.filter(code__in=wanted).values_list("code", flat=True))
    unknown = [code for code in wanted if code not in known]
    if unknown:
        raise ValueError(f"no occupation with the code “{unknown[0][:20]}”.")
    return wanted


@transaction.atomic
def explore_occupation(user, code: str) -> tuple[Career, bool]:
    """A career option for an occupation (a related one, one click away); False as the
    second value when the person already explores one of that name."""
    occupation = Occupation.objects.get(code=code)
    existing = Career.objects.for_user(user).filter(title__iexact=occupation.title).first()
    if existing is not None:
        return existing, False
    career = Career.objects.create(
        user=user, title=occupation.title, occupation_codes=[code], occupations_reviewed=True
    )
    return career, True


class TargetOrganization(Timestamped):
    """An organisation on a career's target list (the advisers' "list of 40, top 5 first")."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    career = models.ForeignKey(Career, on_delete=models.CASCADE, related_name="targets")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="targets")
    motivation = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="How much you would like to work there, from 1 to 5.",
    )
    note = models.CharField(max_length=300, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-motivation", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["career", "organization"], name="unique_target_per_career"
            ),
            models.CheckConstraint(
                condition=models.Q(motivation__gte=1, motivation__lte=5),
                name="target_motivation_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.organization} for {self.career}"
