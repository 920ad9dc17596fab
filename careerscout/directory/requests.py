"""A student's request to a volunteer, from sending to an answer, a reminder or expiry.

Every path (the pages, the API, the one-click links, the reminders task) calls these
functions. Limits are checked with the student's and the volunteer's rows locked, so two
requests sent at the same moment cannot both take a volunteer's last place this month, or a
student's second slot.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from careerscout.conversations.models import Conversation
from careerscout.lib.dates import how_long, how_many
from careerscout.outreach.checker import Finding, check_draft
from careerscout.outreach.drafting import record_sent
from careerscout.outreach.models import Message
from careerscout.people.changes import add_person
from careerscout.people.models import Contact

from .models import DirectoryRequest, VolunteerProfile
from .search import Listing, capacity_left, find_volunteers

logger = logging.getLogger(__name__)

MAX_OPEN_REQUESTS = 2
REMIND_AFTER = timedelta(days=7)
EXPIRE_AFTER = timedelta(days=14)
LINK_SALT = "careerscout.directory.answer"
LINK_MAX_AGE = EXPIRE_AFTER + timedelta(days=1)
ACTIONS = ("accept", "decline")
HOW_STUDENTS_KNOW = "Volunteers through your career centre's directory"
ACCEPTED_NOTE = "you accepted their request through the directory"
HOW_VOLUNTEERS_KNOW = "Asked you for a conversation through the career centre's directory"


class RequestRefused(Exception):
    """A request that cannot be sent; `status` is the API's answer (409 or 422)."""

    status = 422

    def __init__(self, detail: str, findings: list[Finding] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.findings = findings or []


class LimitReached(RequestRefused):
    status = 409


class AlreadyAnswered(Exception):
    """The request was answered, expired or withdrawn before this answer arrived; the message
    says which, as the pages and the API show it."""

    def __init__(self, request: DirectoryRequest):
        state = request.get_status_display().lower()
        super().__init__(f"Nothing changed: the request was already {state}.")


def rule_words() -> dict[str, str]:
    """The rules above as the pages and e-mails say them, so changing a rule changes the
    words (read when called, not at import)."""
    return {
        "remind_after": how_long(REMIND_AFTER),
        "expire_after": how_long(EXPIRE_AFTER),
        "max_open": how_many(MAX_OPEN_REQUESTS, "request"),
    }


def subject_for(student, career_text: str) -> str:
    name = " ".join((student.name or student.username).split())
    about = f" about {career_text}" if career_text else ""
    return f"{name} would like a short conversation{about}"


def check_message(message: str, career_text: str = "", student=None) -> list[Finding]:
    """The method checker's findings for a request; errors (asking for a job, an attached CV,
    over 100 words) refuse it, warnings are shown."""
    subject = subject_for(student, career_text) if student else "A short conversation"
    return check_draft("request", subject, message).findings


@dataclass(frozen=True)
class Sent:
    request: DirectoryRequest
    warnings: list[Finding]


def send_request(
    student,
    profile: VolunteerProfile,
    message: str,
    *,
    career=None,
    career_text: str = "",
    site_url: str = "",
    now: datetime | None = None,
) -> Sent:
    """Record the request and e-mail the volunteer their one-click answers."""
    now = now or timezone.now()
    message = message.strip()
    career_text = (career_text or (career.title if career else "")).strip()[:150]
    if profile.user_id == student.pk:
        raise RequestRefused("This is your own profile: ask someone else.")
    if not message:
        raise RequestRefused("message: write a few lines on what you would like to learn.")
    findings = check_message(message, career_text, student)
    errors = [finding for finding in findings if finding.severity == "error"]
    if errors:
        raise RequestRefused(
            "message: " + " ".join(finding.message for finding in errors), findings
        )
    with transaction.atomic():
        # Locked in one order (student, then volunteer) so two senders never deadlock.
        get_user_model().objects.select_for_update().filter(pk=student.pk).first()
        profile = (
            VolunteerProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
        )
        if not profile.published:
            raise RequestRefused("This volunteer is not taking requests now.")
        open_requests = DirectoryRequest.objects.for_user(student).open()
        if open_requests.filter(profile=profile).exists():
            raise LimitReached(
                f"You have asked {profile.display_name} already: their answer comes within "
                f"{how_long(EXPIRE_AFTER)}."
            )
        if open_requests.count() >= MAX_OPEN_REQUESTS:
            raise LimitReached(
                f"You have {MAX_OPEN_REQUESTS} requests waiting for an answer: you can send "
                "another once one is answered or expires."
            )
        if capacity_left(profile, now) == 0:
            raise LimitReached(
                f"{profile.display_name} has no room left this month: they will be back in "
                "the directory next month."
            )
        request = DirectoryRequest.objects.create(
            user=student,
            profile=profile,
            career=career,
            career_text=career_text,
            message=message,
            created_at=now,
            site_url=site_url.rstrip("/"),
        )
    _mail(request, "request", profile.email)
    return Sent(request, findings)


def answer_token(request: DirectoryRequest, action: str) -> str:
    return signing.dumps([request.pk, action], salt=LINK_SALT)


def answer_url(request: DirectoryRequest, action: str) -> str:
    path = reverse("directory:answer", args=[answer_token(request, action)])
    return f"{request.site_url}{path}"


def read_answer_token(token: str) -> tuple[DirectoryRequest, str] | None:
    """The request and action a link stands for; None for a forged, altered or old link."""
    try:
        pk, action = signing.loads(token, salt=LINK_SALT, max_age=LINK_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if action not in ACTIONS or not isinstance(pk, int):
        return None
    request = DirectoryRequest.objects.select_related("profile__user", "user").filter(pk=pk).first()
    return (request, action) if request else None


def answer(
    request: DirectoryRequest, action: str, *, by_link: bool = False, now: datetime | None = None
) -> DirectoryRequest:
    """Accept or decline, once: a second answer (another click, the other link) raises
    AlreadyAnswered. Accepting makes the conversation in both accounts."""
    now = now or timezone.now()
    with transaction.atomic():
        request = (
            DirectoryRequest.objects.select_for_update(of=("self",))
            .select_related("profile__user", "user", "career")
            .get(pk=request.pk)
        )
        if request.status != DirectoryRequest.Status.PENDING or request.link_used:
            raise AlreadyAnswered(request)
        request.status = (
            DirectoryRequest.Status.ACCEPTED
            if action == "accept"
            else DirectoryRequest.Status.DECLINED
        )
        request.answered_at = now
        request.link_used = by_link
        if request.status == DirectoryRequest.Status.ACCEPTED:
            request.student_conversation, request.volunteer_conversation = _conversations(
                request, now
            )
        request.save()
    _mail(request, request.status, request.user.email)
    return request


def withdraw(request: DirectoryRequest, now: datetime | None = None) -> DirectoryRequest:
    """The student takes back a request still waiting for an answer: their slot and the
    volunteer's place this month are free again, and the e-mailed links say so kindly.

    Once answered, expired or withdrawn it raises AlreadyAnswered. The update is conditional
    on the request still waiting, so it cannot cross an answer arriving at the same moment.
    """
    now = now or timezone.now()
    rows = DirectoryRequest.objects.filter(pk=request.pk)
    withdrawn = rows.open().update(status=DirectoryRequest.Status.WITHDRAWN, withdrawn_at=now)
    request.refresh_from_db(fields=["status", "answered_at", "expired_at", "withdrawn_at"])
    if not withdrawn:
        raise AlreadyAnswered(request)
    return request


def _conversations(request: DirectoryRequest, now: datetime) -> tuple[Conversation, Conversation]:
    """The student's conversation with the volunteer (now with their e-mail), requested when
    the request went and answered now; the volunteer's with the student, to be scheduled
    with no time yet (the pipeline is the asker's: "planned" would tell the volunteer to
    write a request, and "said yes" would be the wrong way round)."""
    profile, student = request.profile, request.user
    volunteer_contact = add_person(
        student,
        name=profile.display_name,
        organization=profile.organization,
        title=profile.title,
        emails=[profile.email] if profile.email else [],
        time_zone=profile.time_zone,
        source=Contact.Source.ALUMNI,
        how_we_know=HOW_STUDENTS_KNOW,
        how_added="Accepted your request through the career centre's directory",
    )
    careers = [request.career] if request.career else []
    mine = Conversation.plan(volunteer_contact, careers, time_zone=profile.time_zone)
    record_sent(
        student,
        "request",
        volunteer_contact,
        mine,
        Message.Channel.EMAIL,
        subject_for(student, request.career_text),
        request.message,
        request.created_at,
    )
    mine.record_reply(at=now, accepted=True)
    student_contact = add_person(
        profile.user,
        name=student.name or student.username,
        emails=[student.email] if student.email else [],
        time_zone=student.time_zone,
        how_we_know=HOW_VOLUNTEERS_KNOW,
        how_added="You accepted their request through the career centre's directory",
    )
    theirs = Conversation.plan(student_contact, [], time_zone=student.time_zone)
    theirs.move_to(Conversation.Status.SCHEDULED, now, note=ACCEPTED_NOTE)
    return mine, theirs


def next_best(request: DirectoryRequest) -> Listing | None:
    """The volunteer to suggest after an expired request: the best match the student has not
    asked yet, with room this month."""
    asked = DirectoryRequest.objects.for_user(request.user).values_list("profile__user", flat=True)
    career = request.career_text or next(iter(request.profile.careers), request.profile.title)
    listings = find_volunteers(career, exclude_users=[request.user_id, *asked])
    return listings[0] if listings else None


def chase_requests(now: datetime | None = None) -> dict[str, int]:
    """One reminder to the volunteer after REMIND_AFTER without an answer; expiry after
    EXPIRE_AFTER, which frees the student's slot. Idempotent: each row is claimed by a
    conditional update, so a second run (or a second worker) sends nothing twice."""
    now = now or timezone.now()
    pending = DirectoryRequest.objects.filter(status=DirectoryRequest.Status.PENDING)
    expired = 0
    for request in pending.filter(created_at__lte=now - EXPIRE_AFTER).select_related("user"):
        claimed = pending.filter(pk=request.pk).update(
            status=DirectoryRequest.Status.EXPIRED, expired_at=now
        )
        if claimed:
            expired += 1
            request.status = DirectoryRequest.Status.EXPIRED
            _mail(request, "expired", request.user.email)
    reminded = 0
    due = pending.filter(created_at__lte=now - REMIND_AFTER, reminded_at__isnull=True)
    for request in due.select_related("profile__user", "user"):
        if pending.filter(pk=request.pk, reminded_at__isnull=True).update(reminded_at=now):
            reminded += 1
            _mail(request, "reminder", request.profile.email)
    return {"reminded": reminded, "expired": expired}


def _mail(request: DirectoryRequest, kind: str, to: str) -> None:
    """Send one of the directory's e-mails; a mail server that is away costs the e-mail, not
    the request (each side sees its requests in the app)."""
    if not to:
        return
    context = {
        "request": request,
        "profile": request.profile,
        "student": request.user,
        "student_name": request.user.name or request.user.username,
        "accept_url": answer_url(request, "accept"),
        "decline_url": answer_url(request, "decline"),
        "site_url": request.site_url,
        "rules": rule_words(),
        "next": next_best(request) if kind == "expired" else None,
    }
    subjects = {
        "request": subject_for(request.user, request.career_text),
        "reminder": "A reminder: " + subject_for(request.user, request.career_text),
        "accepted": f"{request.profile.display_name} said yes to a conversation",
        "declined": f"{request.profile.display_name} cannot take your request",
        "expired": f"Your request to {request.profile.display_name} has expired",
    }
    try:
        EmailMessage(
            subject=" ".join(subjects[kind].split()),
            body=render_to_string(f"directory/email/{kind}.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[to],
        ).send()
    except (OSError, ValueError):
        logger.exception("The directory's %s e-mail for request %s was not sent", kind, request.pk)
