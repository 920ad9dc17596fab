"""How volunteers answer a group of students' requests, for advisers' cohort pages."""

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models

from .models import DirectoryRequest

Row = tuple[str, datetime, datetime | None]  # status, created_at, answered_at
# A withdrawn request never reached a decision: the volunteer is not rated on it.
DECIDED = {
    DirectoryRequest.Status.ACCEPTED,
    DirectoryRequest.Status.DECLINED,
    DirectoryRequest.Status.EXPIRED,
}


@dataclass(frozen=True)
class AnswerStats:
    """`answer_rate` is answered ÷ decided: requests still waiting have not had their two
    weeks yet, so they count in `sent` but not in the rate (None while nothing is decided).
    A decline is an answer; an expired request is not; a withdrawn one is left out of the
    rate."""

    sent: int
    answered: int
    answer_rate: float | None
    median_time_to_answer: timedelta | None


def answer_stats(students: "Iterable | models.QuerySet") -> AnswerStats:
    """Over the requests these students (users, or a queryset of them) sent."""
    requests = DirectoryRequest.objects.filter(user__in=students)
    return _stats(list(requests.values_list("status", "created_at", "answered_at")))


def answer_stats_by_group(groups: Mapping[str, set[int]]) -> dict[str, AnswerStats]:
    """The same figures for several groups of student ids, read in one query, so a page
    showing many cohorts costs no more than one showing a single cohort."""
    everyone = set().union(*groups.values())
    by_student: dict[int, list[Row]] = defaultdict(list)
    if everyone:
        requests = DirectoryRequest.objects.filter(user__in=list(everyone))
        for user_id, *row in requests.values_list("user", "status", "created_at", "answered_at"):
            by_student[user_id].append(tuple(row))
    return {
        name: _stats([row for pk in members for row in by_student.get(pk, [])])
        for name, members in groups.items()
    }


def _stats(rows: list[Row]) -> AnswerStats:
    answered = [
        answered_at - created_at
        for status, created_at, answered_at in rows
        if status in {DirectoryRequest.Status.ACCEPTED, DirectoryRequest.Status.DECLINED}
        and answered_at is not None
    ]
    decided = sum(status in DECIDED for status, _, _ in rows)
    return AnswerStats(
        sent=len(rows),
        answered=len(answered),
        answer_rate=len(answered) / decided if decided else None,
        median_time_to_answer=statistics.median(answered) if answered else None,
    )
