"""An adviser's caseload: each sharing student's progress, and cohort figures computed only
over students who share at least progress, hidden below five of them. The number of queries
does not grow with the number of students."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from careerscout.accounts.models import Cohort
from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.conversations.stats import ResponseRate
from careerscout.directory.stats import AnswerStats, answer_stats_by_group
from careerscout.insights.dashboard import Bar
from careerscout.lib.text import fold
from careerscout.people.models import Contact

from .models import AuditEntry, Level
from .sharing import Progress, progress_of, record_looks, sharing_levels

User = get_user_model()
MIN_COHORT = 5  # fewer students than this and a cohort's figures could point at one of them
FUNNEL = [
    ("Planned", "planned"),
    ("Requested", "requested"),
    ("Replied", "replied"),
    ("Held", "held"),
    ("Thanked", "thanked"),
]


@dataclass
class Row:
    """One student, with what the page shows worked out once (the page lists hundreds)."""

    student: object
    level: Level
    progress: Progress
    signals: list[str]
    url: str = ""
    name: str = ""
    stage: str = ""
    last_active: str = "never"


@dataclass
class CohortFigures:
    name: str
    counted: int
    funnel: list[Bar] = field(default_factory=list)
    response_rates: list[ResponseRate] = field(default_factory=list)
    careers: int = 0
    common_careers: list[tuple[str, int]] = field(default_factory=list)
    directory: AnswerStats | None = None  # how volunteers answered their directory requests

    @property
    def hidden(self) -> bool:
        return self.counted < MIN_COHORT

    @property
    def directory_line(self) -> str:
        """ "12 requests sent, 83% answered, in 2 days (median)"; empty before any request."""
        stats = self.directory
        if stats is None or not stats.sent:
            return ""
        parts = [f"{stats.sent} request{'s' if stats.sent != 1 else ''} sent"]
        if stats.answer_rate is not None:
            parts.append(f"{stats.answer_rate:.0%} answered")
        if stats.median_time_to_answer is not None:
            hours = stats.median_time_to_answer.total_seconds() / 3600
            took = f"{hours:.0f} hours" if hours < 48 else f"{hours / 24:.0f} days"
            parts.append(f"in {took} (median)")
        return ", ".join(parts)


@dataclass
class Caseload:
    rows: list[Row]
    cohorts: list[CohortFigures]


def caseload(
    adviser, now: datetime | None = None, record: bool = True, with_cohorts: bool = True
) -> Caseload:
    """`with_cohorts=False` skips the cohort figures for callers that list students only."""
    now = now or timezone.now()
    levels = sharing_levels(adviser)
    students = {
        user.pk: user
        for user in User.objects.filter(pk__in=levels, is_active=True).only("username", "name")
    }
    progress = progress_of(list(students), now)
    page = reverse("advising:student", args=["-"]).removesuffix("-/")
    rows = [
        Row(
            student,
            levels[pk],
            progress[pk],
            progress[pk].signals(now),
            url=f"{page}{quote(student.username)}/",
            name=str(student),
            stage=progress[pk].stage,
            last_active=_day(progress[pk].last_activity),
        )
        for pk, student in students.items()
    ]
    rows.sort(key=lambda row: (-len(row.signals), row.student.username))
    if record and rows:
        record_looks(adviser, list(students), AuditEntry.What.CASELOAD, now)
    cohorts = _cohort_figures(adviser, progress) if with_cohorts else []
    return Caseload(rows=rows, cohorts=cohorts)


def _day(moment: datetime | None) -> str:
    return f"{timezone.localtime(moment):%-d %b}" if moment else "never"


def _cohort_figures(adviser, progress: dict[int, Progress]) -> list[CohortFigures]:
    groups: dict[str, set[int]] = {"All your sharing students": set(progress)}
    memberships = Cohort.members.through.objects.filter(
        cohort__user=adviser, user_id__in=list(progress)
    ).values_list("cohort__name", "user_id")
    for name, user_id in memberships:
        groups.setdefault(name, set()).add(user_id)
    for name in Cohort.objects.for_user(adviser).values_list("name", flat=True):
        groups.setdefault(name, set())
    counted = {pk for members in groups.values() if len(members) >= MIN_COHORT for pk in members}
    rates = _rates_by_source(counted)
    titles = _career_titles(counted)
    directory = answer_stats_by_group(
        {name: members for name, members in groups.items() if len(members) >= MIN_COHORT}
    )
    figures = []
    for name, members in groups.items():
        cohort = CohortFigures(name=name, counted=len(members))
        if not cohort.hidden:
            counts = [
                (label, sum(getattr(progress[pk], attr) for pk in members))
                for label, attr in FUNNEL
            ]
            largest = max(value for _label, value in counts)
            cohort.funnel = [Bar(label, value, largest) for label, value in counts]
            cohort.response_rates = _merge_rates(rates, members)
            cohort.careers = sum(progress[pk].careers for pk in members)
            cohort.common_careers = _common(titles, members)
            cohort.directory = directory[name]
        figures.append(cohort)
    return figures


def _rates_by_source(user_ids: set[int]) -> dict[int, dict[str, tuple[int, int]]]:
    found: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    if not user_ids:
        return found
    rows = (
        Conversation.objects.filter(user__in=list(user_ids), requested_at__isnull=False)
        .values("user", "contact__source")
        .annotate(asked=Count("id"), replied=Count("id", filter=Q(replied_at__isnull=False)))
    )
    for row in rows:
        found[row["user"]][row["contact__source"]] = (row["asked"], row["replied"])
    return found


def _merge_rates(rates, members: set[int]) -> list[ResponseRate]:
    labels = dict(Contact.Source.choices)
    asked: Counter = Counter()
    replied: Counter = Counter()
    for pk in members:
        for source, (a, r) in rates.get(pk, {}).items():
            asked[source] += a
            replied[source] += r
    merged = [ResponseRate(labels.get(s, s), asked[s], replied[s]) for s in asked]
    return sorted(merged, key=lambda rate: (-rate.asked, rate.label))


def _career_titles(user_ids: set[int]) -> dict[int, dict[str, str]]:
    found: dict[int, dict[str, str]] = defaultdict(dict)
    if not user_ids:
        return found
    for user_id, title in (
        Career.objects.filter(user__in=list(user_ids)).active().values_list("user", "title")
    ):
        found[user_id].setdefault(fold(title), title)
    return found


def _common(titles, members: set[int], at_least: int = 2) -> list[tuple[str, int]]:
    """Careers at least two students explore: one student's unusual title could name them."""
    counts: Counter = Counter()
    shown: dict[str, str] = {}
    for pk in members:
        for key, title in titles.get(pk, {}).items():
            counts[key] += 1
            shown.setdefault(key, title)
    return [(shown[key], n) for key, n in counts.most_common(10) if n >= at_least]
