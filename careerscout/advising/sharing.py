"""What a student shares with an adviser, and what an adviser may see: one module for the
pages and the API.

A student's choice for an adviser decides; without one, the highest of their choices for
that adviser's cohorts they are in. Levels are read on every request, so withdrawing takes
effect on the next one. Every look at a student's data is written to their audit log.
"""

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, F, Max, Q
from django.http import Http404
from django.utils import timezone

from careerscout.accounts.models import Cohort
from careerscout.careers.models import Career
from careerscout.conversations import followups
from careerscout.conversations.models import Conversation
from careerscout.insights.comparison import Comparison, compare
from careerscout.insights.evidence import coverage
from careerscout.insights.models import Item, Rating
from careerscout.insights.report import Report, build_report, report_markdown
from careerscout.lib.dates import how_many

from .models import AuditEntry, Level, SharingGrant

User = get_user_model()
QUIET_AFTER = timedelta(days=14)
UNANSWERED_AFTER = timedelta(days=7)


class SharingError(ValueError):
    """A sharing choice that cannot be made, in words for the person ("adviser: …")."""


# The student's side -------------------------------------------------------------------------


def advisers_of(student) -> list:
    """Advisers the student may share with: their cohorts' advisers, whoever invited them, and
    anyone they already chose a level for."""
    return list(
        User.objects.filter(is_adviser=True, is_active=True)
        .filter(
            Q(cohorts_advised__members=student)
            | Q(invitations_sent__accepted_by=student)
            | Q(grants_received__user=student)
        )
        .exclude(pk=student.pk)
        .distinct()
        .order_by("name", "username")
    )


def grants(student) -> list[SharingGrant]:
    return list(
        SharingGrant.objects.for_user(student)
        .select_related("adviser", "cohort__user")
        .order_by("cohort", "adviser__username")
    )


def share(student, adviser_username: str, level: str) -> SharingGrant:
    """Set what `student` shares with one adviser; "nothing" withdraws it."""
    adviser = User.objects.filter(
        username=adviser_username, is_adviser=True, is_active=True
    ).first()
    if adviser is None or adviser.pk == student.pk:
        raise SharingError(f"adviser: no adviser is called “{adviser_username}”.")
    grant, _created = SharingGrant.objects.update_or_create(
        user=student, adviser=adviser, defaults={"level": _level(level)}
    )
    return grant


def share_with_cohort(student, cohort_id: int, level: str) -> SharingGrant:
    cohort = Cohort.objects.filter(pk=cohort_id, members=student).first()
    if cohort is None:
        raise SharingError("cohort: you are not in that cohort.")
    grant, _created = SharingGrant.objects.update_or_create(
        user=student, cohort=cohort, defaults={"level": _level(level)}
    )
    return grant


def audit_log(student):
    """Every look at the student's data, newest first (a queryset: pages and the API slice it)."""
    return AuditEntry.objects.for_user(student)


def _level(value: str) -> Level:
    try:
        return Level(value)
    except ValueError:
        names = ", ".join(level.value for level in Level)
        raise SharingError(f"level: “{value}” is not one of {names}.") from None


# The adviser's side -------------------------------------------------------------------------


def as_adviser(user):
    """`user`, for the adviser's pages and API; 404 for anyone who is not an adviser."""
    if not user.is_adviser:
        raise Http404("Only advisers have students.")
    return user


def sharing_levels(adviser) -> dict[int, Level]:
    """Each student sharing at least progress with `adviser`, by user id: two queries."""
    return {
        user_id: level
        for user_id, level in _levels(adviser).items()
        if level.rank >= Level.PROGRESS.rank and user_id != adviser.pk
    }


def level_for(student, adviser) -> Level:
    if not adviser.is_adviser:
        return Level.NOTHING
    return _levels(adviser, student).get(student.pk, Level.NOTHING)


def _levels(adviser, student=None) -> dict[int, Level]:
    """What each student (or only `student`) chose for `adviser`, by user id: their choice
    for the adviser, else the highest of their choices for the adviser's cohorts they are in."""
    grants = (
        SharingGrant.objects.all() if student is None else SharingGrant.objects.filter(user=student)
    )
    direct = {
        user_id: Level(level)
        for user_id, level in grants.filter(adviser=adviser).values_list("user_id", "level")
    }
    by_cohort: dict[int, Level] = {}
    cohort_grants = grants.filter(cohort__user=adviser, cohort__members=F("user"))
    for user_id, level in cohort_grants.values_list("user_id", "level"):
        if user_id not in by_cohort or Level(level).rank > by_cohort[user_id].rank:
            by_cohort[user_id] = Level(level)
    return {**by_cohort, **direct}


@dataclass
class Progress:
    """Counts only: no names, no notes."""

    careers: int = 0
    planned: int = 0
    requested: int = 0
    replied: int = 0
    held: int = 0
    thanked: int = 0
    unanswered: int = 0  # requests older than a week without a reply
    thanks_overdue: int = 0
    rated: bool = False
    last_activity: datetime | None = None

    @property
    def stage(self) -> str:
        if not self.careers:
            return "getting started"
        if self.rated and self.held:
            return "deciding"
        if self.held:
            return "in conversations"
        if self.requested:
            return "reaching out"
        return "choosing people"

    def quiet(self, now: datetime) -> bool:
        return self.last_activity is None or now - self.last_activity > QUIET_AFTER

    def signals(self, now: datetime) -> list[str]:
        found = []
        if self.quiet(now):
            found.append(f"no activity in {how_many(QUIET_AFTER.days, 'day')}")
        if self.unanswered:
            s = "s" if self.unanswered != 1 else ""
            found.append(f"{self.unanswered} request{s} without a reply")
        if self.thanks_overdue:
            s = "s" if self.thanks_overdue != 1 else ""
            found.append(f"{self.thanks_overdue} overdue thank-you{s}")
        return found

    def as_dict(self, now: datetime) -> dict:
        data = asdict(self)
        data.update(stage=self.stage, signals=self.signals(now))
        return data


def progress_of(user_ids, now: datetime | None = None) -> dict[int, Progress]:
    """Progress for many students at once, in four queries whatever their number."""
    now = now or timezone.now()
    progress = {user_id: Progress() for user_id in user_ids}
    if not progress:
        return progress
    ids = list(progress)
    for row in (
        Career.objects.filter(user__in=ids)
        .active()
        .values("user")
        .annotate(count=Count("id"), last=Max("updated_at"))
    ):
        entry = progress[row["user"]]
        entry.careers = row["count"]
        _touch(entry, row["last"])
    status = Conversation.Status
    for row in (
        Conversation.objects.filter(user__in=ids)
        .values("user")
        .annotate(
            planned=Count("id"),
            requested=Count("id", filter=Q(requested_at__isnull=False)),
            replied=Count("id", filter=Q(replied_at__isnull=False)),
            held=Count("id", filter=Q(held_at__isnull=False)),
            thanked=Count("id", filter=Q(thanked_at__isnull=False)),
            unanswered=Count(
                "id",
                filter=Q(
                    status=status.REQUESTED,
                    replied_at__isnull=True,
                    requested_at__lt=now - UNANSWERED_AFTER,
                ),
            ),
            thanks_overdue=Count(
                "id", filter=Q(status=status.HELD, held_at__lt=now - followups.THANK_YOU_WITHIN)
            ),
            last=Max("updated_at"),
        )
    ):
        entry = progress[row["user"]]
        for name in ("planned", "requested", "replied", "held", "thanked", "unanswered"):
            setattr(entry, name, row[name])
        entry.thanks_overdue = row["thanks_overdue"]
        _touch(entry, row["last"])
    for row in Item.objects.filter(user__in=ids).values("user").annotate(last=Max("created_at")):
        _touch(progress[row["user"]], row["last"])
    for row in Rating.objects.filter(user__in=ids).values("user").annotate(last=Max("rated_at")):
        progress[row["user"]].rated = True
        _touch(progress[row["user"]], row["last"])
    return progress


def _touch(entry: Progress, moment: datetime | None) -> None:
    if moment and (entry.last_activity is None or moment > entry.last_activity):
        entry.last_activity = moment


@dataclass
class Summary:
    """Careers with coverage and ratings, the comparison and the action plan; people appear
    only as "a UX researcher"."""

    careers: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)


def summary_of(student, comparison: Comparison | None = None) -> Summary:
    comparison = comparison or compare(student)
    scores = {score.key: score for score in comparison.scores}
    careers = []
    for career in Career.objects.for_user(student).active():
        score = scores.get(str(career.pk))
        careers.append(
            {
                "title": career.title,
                "status": career.get_status_display(),
                "coverage": [
                    {"topic": entry.label, "level": entry.level, "sources": entry.sources}
                    for entry in coverage([career])
                ],
                "score": score.total if score else None,
                "ratings": [
                    {"criterion": part.criterion, "weight": part.weight, "rating": part.rating}
                    for part in (score.contributions if score else [])
                ],
            }
        )
    careers.sort(key=lambda c: (c["score"] is None, -(c["score"] or 0), c["title"]))
    actions = [
        {
            "text": item.text,
            "due": item.due,
            "done": item.done_at is not None,
            "career": item.career.title if item.career else "",
            "person": _who(item),
        }
        for item in Item.objects.for_user(student)
        .actions()
        .select_related("career", "contact__org", "conversation__contact__org")
        .order_by("done_at", "due", "created_at")
    ]
    return Summary(careers=careers, actions=actions)


def _who(item: Item) -> str:
    contact = item.contact or (item.conversation.contact if item.conversation else None)
    return contact.description() if contact else ""


@dataclass
class StudentView:
    student: object
    level: Level
    progress: Progress
    summary: Summary | None = None
    report: Report | None = None

    @property
    def report_markdown(self) -> str:
        return report_markdown(self.report, anonymous=True) if self.report else ""


def look_at(adviser, username: str, now: datetime | None = None) -> StudentView:
    """What `adviser` may see of one student, written to the student's audit log; 404 when the
    student shares nothing with them (or does not exist: the two look alike)."""
    student = User.objects.filter(username=username, is_active=True).first()
    level = level_for(student, adviser) if student and student.pk != adviser.pk else Level.NOTHING
    if level == Level.NOTHING:
        raise Http404("No student by that name shares with you.")
    now = now or timezone.now()
    view = StudentView(student, level, progress_of([student.pk], now)[student.pk])
    if level.rank >= Level.SUMMARY.rank:
        # The summary and the report rank the same careers: compare them once.
        comparison = compare(student)
        view.summary = summary_of(student, comparison)
        if level == Level.REPORT:
            view.report = build_report(student, comparison)
    record_looks(adviser, [student.pk], AuditEntry.What(level.value), now)
    return view


def record_looks(adviser, student_ids, what: AuditEntry.What, now: datetime) -> None:
    """One audit line per student looked at, in one INSERT … SELECT.

    The caseload writes a line for each of its students on every view; building 300 model
    instances for bulk_create cost fifteen times as long as the statement itself.
    """
    ids = list(student_ids)
    if not ids:
        return
    table = AuditEntry._meta.db_table
    users = User._meta.db_table
    placeholders = ", ".join(["%s"] * len(ids))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (user_id, adviser_id, adviser_name, what, at) "
            f"SELECT id, %s, %s, %s, %s FROM {users} WHERE id IN ({placeholders})",
            [adviser.pk, str(adviser)[:150], str(what), now, *ids],
        )
