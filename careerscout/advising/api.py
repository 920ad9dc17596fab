"""`/api/sharing` (a student's choices and audit log) and `/api/advising` (an adviser's view)."""

from datetime import date, datetime

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from careerscout.lib.api_schemas import ErrorOut, ValidationErrorOut

from . import sharing
from .caseload import caseload
from .models import Level

sharing_router = Router(tags=["sharing"])
advising_router = Router(tags=["advising"])
AUDIT_LIMIT = 200  # the newest looks; the Sharing page pages through all of them


class ShareIn(Schema):
    adviser: str
    level: Level


class GrantOut(Schema):
    adviser: str | None
    cohort: str | None
    level: Level
    updated_at: datetime


class AuditOut(Schema):
    adviser: str
    what: str
    description: str
    at: datetime


class ProgressOut(Schema):
    careers: int
    planned: int
    requested: int
    replied: int
    held: int
    thanked: int
    unanswered: int
    thanks_overdue: int
    stage: str
    signals: list[str]
    last_activity: datetime | None


class StudentOut(Schema):
    username: str
    name: str
    level: Level
    stage: str
    last_activity: datetime | None
    signals: list[str]


class CoverageOut(Schema):
    topic: str
    level: str
    sources: int


class RatingOut(Schema):
    criterion: str
    weight: float
    rating: int | None


class CareerSummaryOut(Schema):
    title: str
    status: str
    coverage: list[CoverageOut]
    score: float | None
    ratings: list[RatingOut]


class ActionOut(Schema):
    text: str
    due: date | None
    done: bool
    career: str
    person: str = ""  # "a UX researcher", never a name


class SummaryOut(Schema):
    careers: list[CareerSummaryOut]
    actions: list[ActionOut]


class StudentDetailOut(StudentOut):
    progress: ProgressOut
    summary: SummaryOut | None = None
    report: str | None = None


def _grant_out(grant) -> dict:
    return {
        "adviser": grant.adviser.username if grant.adviser else None,
        "cohort": grant.cohort.name if grant.cohort else None,
        "level": grant.level,
        "updated_at": grant.updated_at,
    }


@sharing_router.get("", response=list[GrantOut], summary="What you share, with whom")
def list_grants(request: HttpRequest):
    return [_grant_out(grant) for grant in sharing.grants(request.auth)]


@sharing_router.put(
    "", response={200: GrantOut, 422: ValidationErrorOut}, summary="Share with an adviser"
)
def put_grant(request: HttpRequest, payload: ShareIn):
    """`level` "nothing" withdraws; the adviser's next request already sees the change."""
    try:
        grant = sharing.share(request.auth, payload.adviser, payload.level)
    except sharing.SharingError as error:
        raise HttpError(422, str(error)) from None
    return _grant_out(grant)


@sharing_router.get("/audit", response=list[AuditOut], summary="Who looked at what, when")
def audit(request: HttpRequest):
    return [
        {
            "adviser": entry.adviser_name,
            "what": entry.what,
            "description": entry.get_what_display(),
            "at": entry.at,
        }
        for entry in sharing.audit_log(request.auth)[:AUDIT_LIMIT]
    ]


def _student_out(student, level: Level, progress, now) -> dict:
    return {
        "username": student.username,
        "name": str(student),
        "level": level,
        "stage": progress.stage,
        "last_activity": progress.last_activity,
        "signals": progress.signals(now),
    }


@advising_router.get(
    "/students", response={200: list[StudentOut], 404: ErrorOut}, summary="Your sharing students"
)
def students(request: HttpRequest):
    now = timezone.now()
    return [
        _student_out(row.student, row.level, row.progress, now)
        for row in caseload(sharing.as_adviser(request.auth), now, with_cohorts=False).rows
    ]


@advising_router.get(
    "/students/{username}",
    response={200: StudentDetailOut, 404: ErrorOut},
    summary="What one student shares with you",
)
def student(request: HttpRequest, username: str):
    now = timezone.now()
    view = sharing.look_at(sharing.as_adviser(request.auth), username, now)
    summary = None
    if view.summary is not None:
        summary = {"careers": view.summary.careers, "actions": view.summary.actions}
    return {
        **_student_out(view.student, view.level, view.progress, now),
        "progress": view.progress.as_dict(now),
        "summary": summary,
        "report": view.report_markdown or None,
    }
