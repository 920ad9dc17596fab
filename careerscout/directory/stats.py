"""How volunteers answer a group of students' requests, for advisers' cohort pages."""

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.db import models

from .models import DirectoryRequest


@dataclass(frozen=True)
class AnswerStats:
    """`answer_rate` is answered ÷ decided: requests still waiting have not had their two
    weeks yet, so they count in `sent` but not in the rate (None while nothing is decided).
    A decline is an answer; an expired request is not."""

    sent: int
    answered: int
    answer_rate: float | None
    median_time_to_answer: timedelta | None


def answer_stats(students: "Iterable | models.QuerySet") -> AnswerStats:
    """Over the requests these students (users, or a queryset of them) sent."""
    rows = list(
        DirectoryRequest.objects.filter(user__in=students).values_list(
            "status", "created_at", "answered_at"
        )
    )
    answered = [
        answered_at - created_at
        for status, created_at, answered_at in rows
        if status in {DirectoryRequest.Status.ACCEPTED, DirectoryRequest.Status.DECLINED}
        and answered_at is not None
    ]
    decided = sum(status != DirectoryRequest.Status.PENDING for status, _, _ in rows)
    return AnswerStats(
        sent=len(rows),
        answered=len(answered),
        answer_rate=len(answered) / decided if decided else None,
        median_time_to_answer=statistics.median(answered) if answered else None,
    )
