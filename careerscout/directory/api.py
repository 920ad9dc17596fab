"""The alumni directory in the JSON API: a volunteer's own profile, the search and requests.

Profiles are public to signed-in people only when published; a request is the student's own
row. Limits answer 409 (the volunteer's month is full, or the student has the most requests
waiting), a message the checker refuses 422 with its findings. A student withdraws a request
while it waits; afterwards that is 409 too. The volunteer a request was sent to reads it in
their inbox and accepts or declines it through `requests.answer`, as the e-mailed link and
the inbox page do; anyone else gets 404, and an answer after the request closed 409.
"""

from typing import Annotated

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError, ValidationError
from pydantic import AfterValidator, ConfigDict, StringConstraints
from pydantic import ValidationError as PydanticValidationError

from careerscout.lib.api_schemas import (
    NOT_BLANK,
    ErrorOut,
    Timestamp,
    TimeZone,
    ValidationErrorOut,
    distinct,
    not_blank,
)
from careerscout.lib.models import get_owned

from .models import (
    MAX_CAPACITY,
    DirectoryRequest,
    NotAVolunteer,
    VolunteerProfile,
    published_profile,
    received_request,
    save_profile,
)
from .requests import AlreadyAnswered, RequestRefused, answer, send_request, withdraw
from .search import REASON, Listing, capacity_left, find_volunteers

router = Router(tags=["directory"])

Item = Annotated[str, StringConstraints(max_length=100, strip_whitespace=True)]
Items = Annotated[list[Item], AfterValidator(distinct), Field(max_length=30)]
Text = Annotated[
    str,
    StringConstraints(max_length=200),
    AfterValidator(not_blank),
    Field(json_schema_extra={"pattern": NOT_BLANK}),
]


class ProfileIn(Schema):
    """The volunteer's own profile; `name` (as students see it) defaults to the account's
    name, and the profile is published unless `published` is false."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    title: Text
    organization: Annotated[str, StringConstraints(max_length=200)] = ""
    careers: Items = []
    topics: Items = []
    languages: Items = []
    time_zone: TimeZone = "UTC"
    capacity_per_month: int = Field(2, ge=1, le=MAX_CAPACITY)
    name: Annotated[str, StringConstraints(max_length=150)] = ""
    published: bool = True


class ListingOut(Schema):
    """A volunteer as students find them: no contact details until they accept."""

    id: int
    name: str
    title: str
    organization: str
    careers: list[str]
    topics: list[str]
    languages: list[str]
    time_zone: str
    capacity_per_month: int
    capacity_left: int = Field(description="Requests they can still take this month.")
    reason: str


class ProfileOut(ListingOut):
    """The volunteer's own profile."""

    reason: str = Field(REASON, description="What students see as the reason to ask you.")
    published: bool


class RequestIn(Schema):
    model_config = ConfigDict(extra="forbid")

    message: Annotated[str, StringConstraints(max_length=5000)] = Field(
        description="Checked by the method checker: asking for a job is refused."
    )


class FindingOut(Schema):
    code: str
    severity: str
    message: str


class RequestOut(Schema):
    id: int
    volunteer: int = Field(validation_alias="profile_id")
    status: str = Field(json_schema_extra={"enum": DirectoryRequest.Status.values})
    message: str
    created_at: Timestamp
    findings: list[FindingOut] = Field([], description="The checker's warnings, if any.")


class ReceivedOut(Schema):
    """A request sent to you, as your inbox shows it: the student's e-mail and your
    conversation with them appear once you accept."""

    id: int
    student: str
    career: str = Field(description="What the student asked about; may be empty.")
    message: str
    status: str = Field(json_schema_extra={"enum": DirectoryRequest.Status.values})
    created_at: Timestamp
    answered_at: Timestamp | None
    student_email: str = Field(description="Empty until you accept.")
    conversation: int | None = Field(
        description="Your conversation with the student, once you accept."
    )


class InboxFilters(Schema):
    status: DirectoryRequest.Status | None = Field(
        None, description="Only requests in this state, e.g. pending."
    )


class SearchFilters(Schema):
    career: str = Field("", max_length=150, description="A career; empty lists everyone.")


PUBLIC_FIELDS = [
    "id", "title", "organization", "careers", "topics", "languages", "time_zone",
    "capacity_per_month",
]  # fmt: skip


def _public(profile: VolunteerProfile, left: int) -> dict:
    fields = {name: getattr(profile, name) for name in PUBLIC_FIELDS}
    return {**fields, "name": profile.display_name, "capacity_left": left}


def _profile_out(profile: VolunteerProfile) -> dict:
    return {**_public(profile, capacity_left(profile)), "published": profile.published}


def _listing_out(listing: Listing) -> dict:
    return {**_public(listing.profile, listing.capacity_left), "reason": listing.reason}


@router.put("/profile", response={200: ProfileOut, 403: ErrorOut, 422: ValidationErrorOut})
def put_profile(request: HttpRequest, payload: ProfileIn):
    """Create or replace your own volunteer profile (volunteers only: others get 403)."""
    data = payload.model_dump()
    name = data.pop("name")
    if name:
        data["display_name"] = name
    try:
        profile = save_profile(request.auth, **data)
    except NotAVolunteer as refusal:
        raise HttpError(403, str(refusal)) from None
    except DjangoValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise HttpError(422, f"{field}: {' '.join(messages)}") from None
    return _profile_out(profile)


@router.get("/profile", response={200: ProfileOut, 404: ErrorOut})
def get_profile(request: HttpRequest):
    profile = VolunteerProfile.objects.for_user(request.auth).first()
    if profile is None:
        raise Http404("You have no volunteer profile yet.")
    return _profile_out(profile)


@router.get("", response=list[ListingOut])
def search(request: HttpRequest, filters: Query[SearchFilters]):
    """Published volunteers who can speak to `career`, best match first, not counting you;
    those whose month is full are left out until their next month begins."""
    listings = find_volunteers(filters.career, exclude_users=[request.auth.pk])
    return [_listing_out(listing) for listing in listings]


def _body(request: HttpRequest, schema: type[Schema]) -> Schema:
    """The JSON body, read after the path is checked (ninja reads it first)."""
    try:
        return schema.model_validate_json(request.body or b"{}")
    except PydanticValidationError as error:
        if any(problem["type"] == "json_invalid" for problem in error.errors()):
            raise HttpError(400, "The body is not JSON.") from None
        raise ValidationError(
            [{**problem, "loc": ("body", "payload", *problem["loc"])} for problem in error.errors()]
        ) from None


@router.post(
    "/{profile_id}/requests",
    response={201: RequestOut, 404: ErrorOut, 409: ErrorOut, 422: ValidationErrorOut},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": RequestIn.model_json_schema()}},
        }
    },
)
def post_request(request: HttpRequest, profile_id: int):
    """Ask a volunteer for a conversation (body `{"message"}`); they get an e-mail to accept
    or decline.

    The volunteer is looked up before the body is read, so an id that is not a published
    volunteer's is a 404 whatever was sent."""
    profile = published_profile(profile_id)
    if profile is None:
        raise Http404("No volunteer with that id.")
    payload = _body(request, RequestIn)
    try:
        sent = send_request(
            request.auth,
            profile,
            payload.message,
            site_url=request.build_absolute_uri("/"),
        )
    except RequestRefused as refusal:
        raise HttpError(refusal.status, refusal.detail) from None
    return Status(201, _request_out(sent.request, sent.warnings))


@router.post(
    "/requests/{request_id}/withdraw",
    response={200: RequestOut, 404: ErrorOut, 409: ErrorOut},
)
def withdraw_request(request: HttpRequest, request_id: int):
    """Take back one of your requests still waiting for an answer: your slot and the
    volunteer's place this month are free again. 409 once it was answered, expired or
    withdrawn; another person's request is 404, as a missing one is."""
    row = get_owned(DirectoryRequest, request.auth, request_id)
    try:
        withdraw(row)
    except AlreadyAnswered as state:
        raise HttpError(409, str(state)) from None
    return _request_out(row)


@router.get("/inbox", response=list[ReceivedOut])
def inbox(request: HttpRequest, filters: Query[InboxFilters]):
    """Requests students sent you, newest first (the latest 100), as on your inbox page."""
    rows = DirectoryRequest.objects.for_volunteer(request.auth).select_related("user")
    if filters.status:
        rows = rows.filter(status=filters.status)
    return [_received_out(row) for row in rows.order_by("-created_at", "-id")[:100]]


def _answer(request: HttpRequest, request_id: int, action: str) -> dict:
    """The one answer the e-mailed link and the inbox page give too (`requests.answer`)."""
    row = received_request(request.auth, request_id)
    try:
        row = answer(row, action)
    except AlreadyAnswered as state:
        raise HttpError(409, str(state)) from None
    return _received_out(row)


@router.post(
    "/requests/{request_id}/accept", response={200: ReceivedOut, 404: ErrorOut, 409: ErrorOut}
)
def accept_request(request: HttpRequest, request_id: int):
    """Accept a request sent to you: the student sees your e-mail address and gets a
    conversation with you, and you one with them to find a time. 409 once it was answered,
    expired or withdrawn; a request not sent to you is 404, as a missing one is."""
    return _answer(request, request_id, "accept")


@router.post(
    "/requests/{request_id}/decline", response={200: ReceivedOut, 404: ErrorOut, 409: ErrorOut}
)
def decline_request(request: HttpRequest, request_id: int):
    """Decline a request sent to you: the student is told kindly and can ask someone else.
    409 once it was answered, expired or withdrawn; a request not sent to you is 404."""
    return _answer(request, request_id, "decline")


def _received_out(row: DirectoryRequest) -> dict:
    accepted = row.status == DirectoryRequest.Status.ACCEPTED
    return {
        "id": row.pk,
        "student": row.user.name or row.user.username,
        "career": row.career_text,
        "message": row.message,
        "status": row.status,
        "created_at": row.created_at,
        "answered_at": row.answered_at,
        "student_email": row.user.email if accepted else "",
        "conversation": row.volunteer_conversation_id if accepted else None,
    }


def _request_out(row: DirectoryRequest, warnings=()) -> dict:
    return {
        "id": row.pk,
        "profile_id": row.profile_id,
        "status": row.status,
        "message": row.message,
        "created_at": row.created_at,
        "findings": [finding.as_dict() for finding in warnings],
    }
