import hashlib
import secrets
import zoneinfo
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from careerscout.lib.business_days import Calendar
from careerscout.lib.career_names import with_article
from careerscout.lib.models import OwnedQuerySet
from careerscout.lib.time_zones import validate_time_zone, zone_or_utc

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class Role(models.TextChoices):
    """What a person does in an installation; a person may hold several (explorer and volunteer)."""

    EXPLORER = "explorer", "explorer"
    ADVISER = "adviser", "adviser"
    VOLUNTEER = "volunteer", "volunteer"
    ADMIN = "admin", "administrator"


class User(AbstractUser):
    name = models.CharField("your name", max_length=150, blank=True)
    is_explorer = models.BooleanField("explores careers", default=True)
    is_adviser = models.BooleanField("advises students", default=False)
    is_volunteer = models.BooleanField("volunteers for conversations", default=False)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    # ISO weekday numbers (1 = Monday) on which follow-ups count as business days.
    working_days = models.CharField(max_length=7, default="12345")
    country = models.CharField(
        max_length=3, blank=True, help_text="Public holidays of this country are not business days."
    )
    digest_enabled = models.BooleanField("send me a daily e-mail of what to do", default=False)
    digest_time = models.TimeField("at", default=time(8, 0))
    # The secret in the private calendar feed's address; empty when there is no feed.
    calendar_token = models.CharField(max_length=64, blank=True, db_index=True)

    def __str__(self):
        return self.name or self.username

    @property
    def roles(self) -> set[Role]:
        held = {
            Role.EXPLORER: self.is_explorer,
            Role.ADVISER: self.is_adviser,
            Role.VOLUNTEER: self.is_volunteer,
            Role.ADMIN: self.is_superuser,
        }
        return {role for role, holds in held.items() if holds}

    def set_roles(self, roles: "set[Role] | set[str]") -> None:
        """Hold exactly these roles (saved by the caller); an administrator is also staff."""
        roles = {Role(role) for role in roles}
        self.is_explorer = Role.EXPLORER in roles
        self.is_adviser = Role.ADVISER in roles
        self.is_volunteer = Role.VOLUNTEER in roles
        self.is_staff = self.is_superuser = Role.ADMIN in roles

    @property
    def working_weekdays(self) -> set[int]:
        return {int(day) for day in self.working_days}

    def renew_calendar_token(self) -> str:
        self.calendar_token = secrets.token_urlsafe(32)
        self.save(update_fields=["calendar_token"])
        return self.calendar_token

    def revoke_calendar_token(self) -> None:
        self.calendar_token = ""
        self.save(update_fields=["calendar_token"])

    def calendar(self) -> Calendar:
        return Calendar(working_weekdays=frozenset(self.working_weekdays), country=self.country)

    def local_date(self, moment: datetime | None = None) -> date:
        return (moment or timezone.now()).astimezone(self.zone).date()

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zone_or_utc(self.time_zone)


def hash_token(plain: str) -> str:
    return hashlib.sha256(plain.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the JSON API; only its hash is stored, so it is shown once."""

    PREFIX = "cs_"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12, help_text="The first characters, to tell tokens apart.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        plain = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=hash_token(plain), hint=plain[:8])
        return token, plain

    @classmethod
    def user_for(cls, plain: str):
        token = cls.objects.select_related("user").filter(key_hash=hash_token(plain)).first()
        if token is None or not token.user.is_active:
            return None
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
            token.last_used_at = now
            token.save(update_fields=["last_used_at"])
        return token.user


class Cohort(models.Model):
    """An adviser's group of students (a programme, a year, a caseload); a student may be in
    several. Kept here, beside accounts, so an invitation can place its student in one."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohorts_advised"
    )
    name = models.CharField(max_length=100)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="cohorts")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="unique_cohort_name_per_adviser")
        ]

    def __str__(self):
        return self.name


class InvitationError(ValueError):
    """Why an invitation cannot be sent or used, in words for the person."""


# Who may invite whom: administrators bring in advisers and volunteers, advisers their students.
INVITABLE_ROLES = {
    Role.ADMIN: [Role.ADVISER, Role.VOLUNTEER, Role.EXPLORER],
    Role.ADVISER: [Role.EXPLORER],
}


def invitable_roles(user) -> list[Role]:
    roles: list[Role] = []
    for role in (Role.ADMIN, Role.ADVISER):
        if role in user.roles:
            roles += [r for r in INVITABLE_ROLES[role] if r not in roles]
    return roles


class Invitation(models.Model):
    """A single-use link that creates an account with a role; only the token's hash is kept."""

    LIFETIME = timedelta(days=14)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations_sent"
    )
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Role)
    cohort = models.ForeignKey(Cohort, null=True, blank=True, on_delete=models.SET_NULL)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitation_accepted",
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} as {self.get_role_display()}"

    @classmethod
    def issue(
        cls, inviter, email: str, role: "Role | str", cohort: Cohort | None = None
    ) -> tuple["Invitation", str]:
        role = Role(role)
        if role not in invitable_roles(inviter):
            raise InvitationError(f"You cannot invite someone as {with_article(role.label)}.")
        if cohort is not None and cohort.user_id != inviter.pk:
            raise InvitationError("That cohort is not one of yours.")
        plain = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            user=inviter,
            email=email.strip(),
            role=role,
            cohort=cohort,
            key_hash=hash_token(plain),
            expires_at=timezone.now() + cls.LIFETIME,
        )
        return invitation, plain

    @classmethod
    def find(cls, plain: str) -> "Invitation":
        """The usable invitation behind a link, or InvitationError saying why it is not."""
        invitation = (
            cls.objects.select_related("user", "cohort").filter(key_hash=hash_token(plain)).first()
        )
        if invitation is None:
            raise InvitationError("This invitation link is not valid. Ask for a new one.")
        if invitation.accepted_at is not None:
            raise InvitationError("This invitation has already been used. Log in instead.")
        if invitation.expires_at <= timezone.now():
            raise InvitationError("This invitation has expired. Ask for a new one.")
        return invitation

    def is_for(self, account) -> bool:
        """Whether an account that exists already is the one this was sent to (by e-mail)."""
        return bool(account.email) and account.email.casefold() == self.email.casefold()

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        return "expired" if self.expires_at <= timezone.now() else "waiting"

    def accept(self, account, *, existing: bool = False) -> None:
        """Give the account its role and cohort; the link then stops working.

        A new (unsaved) account gets exactly the invitation's role; an existing one, whose owner
        already has an account here, keeps its roles and gains this one.
        The caller holds a transaction: marking the invitation used is a conditional update, so
        two tabs racing on one link create one account.
        """
        used = Invitation.objects.filter(pk=self.pk, accepted_at__isnull=True).update(
            accepted_at=timezone.now()
        )
        if not used:
            raise InvitationError("This invitation has already been used. Log in instead.")
        account.set_roles({Role(self.role), *(account.roles if existing else ())})
        account.save()
        Invitation.objects.filter(pk=self.pk).update(accepted_by=account)
        if self.cohort_id:
            self.cohort.members.add(account)
