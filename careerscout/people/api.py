"""Contacts in the JSON API: `/api/contacts` and `/api/contacts/{id}`.

Fields and errors are a contract other tools rely on. Every query starts from
`Contact.objects.for_user(request.auth)`, so another person's id answers 404.
"""

import math
from typing import Annotated, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from pydantic import (
    AfterValidator,
    ConfigDict,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from careerscout.lib.api_schemas import (
    NOT_BLANK,
    ErrorOut,
    Timestamp,
    TimeZone,
    ValidationErrorOut,
    distinct,
    not_blank,
    web_url,
)
from careerscout.lib.models import get_owned

from .changes import add_person, edit_person
from .models import Contact

PAGE_SIZE = 50

router = Router(tags=["contacts"])


def _email(value: str) -> str:
    try:
        validate_email(value)
    except DjangoValidationError:
        raise PydanticCustomError(
            "email", "“{value}” does not look like an e-mail address.", {"value": value}
        ) from None
    return value


Name = Annotated[
    str,
    StringConstraints(max_length=200),
    AfterValidator(not_blank),
    Field(json_schema_extra={"pattern": NOT_BLANK}),  # documented; not_blank says why
]
Email = Annotated[str, StringConstraints(max_length=254), AfterValidator(_email)]
TagName = Annotated[str, StringConstraints(max_length=50)]
LinkedInUrl = Annotated[str, StringConstraints(max_length=300), AfterValidator(web_url)]


class ContactOut(Schema):
    id: int
    name: str
    emails: list[str]
    phone: str
    linkedin_url: str
    organization: str
    title: str
    location: str
    time_zone: str = Field(description="IANA name, e.g. Europe/Paris; empty when not known.")
    # A plain string, so a value added to the vocabulary later never breaks reading old clients'
    # data; the enum still documents today's values.
    source: str = Field(json_schema_extra={"enum": Contact.Source.values})
    how_we_know: str
    tags: list[str]
    notes: str = Field(description="Markdown.")
    created_at: Timestamp
    updated_at: Timestamp

    @staticmethod
    def resolve_tags(contact: Contact) -> list[str]:
        # .all() so that prefetch_related("tags") is used.
        return [tag.name for tag in contact.tags.all()]


def _without_defaults(schema: dict[str, Any]) -> None:
    """A PATCH leaves unsent fields alone, so its schema must not advertise create's defaults."""
    schema.pop("required", None)
    for field in schema.get("properties", {}).values():
        field.pop("default", None)


class ContactIn(Schema):
    """Only `name` is required. Strings are trimmed."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: Name
    emails: Annotated[list[Email], AfterValidator(distinct)] = []
    phone: Annotated[str, StringConstraints(max_length=50)] = ""
    linkedin_url: LinkedInUrl = ""
    organization: Annotated[str, StringConstraints(max_length=200)] = ""
    title: Annotated[str, StringConstraints(max_length=200)] = ""
    location: Annotated[str, StringConstraints(max_length=200)] = ""
    time_zone: TimeZone = ""
    source: Contact.Source = Contact.Source.OTHER
    how_we_know: str = ""
    tags: Annotated[list[TagName], AfterValidator(distinct)] = []
    notes: str = Field("", description="Markdown.")


class ContactPatch(ContactIn):
    """Every field is optional; only the fields sent change."""

    model_config = ConfigDict(json_schema_extra=_without_defaults)

    name: Name = None  # type: ignore[assignment]  # never used: unsent fields are excluded


class ContactFilters(Schema):
    q: str = Field("", description="Words to find in name, organisation, title, e-mails, notes.")
    career: int | None = Field(None, description="Only people linked to this career option.")
    tag: str = ""
    source: Contact.Source | None = None
    page: int = Field(1, ge=1)


class ContactPage(Schema):
    items: list[ContactOut]
    count: int = Field(description="Contacts matching the filters, on all pages.")
    page: int
    pages: int = Field(description="At least 1, even when nothing matches.")


@router.get("", response=ContactPage)
def list_contacts(request: HttpRequest, filters: Query[ContactFilters]):
    """Contacts in name order, 50 a page; `q` ignores case and accents."""
    contacts = Contact.objects.for_user(request.auth)
    if filters.q:
        contacts = contacts.search(filters.q)
    if filters.tag:
        contacts = contacts.tagged(filters.tag)
    if filters.source:
        contacts = contacts.filter(source=filters.source)
    if filters.career is not None:
        contacts = contacts.filter(careers__id=filters.career, careers__user=request.auth)
    count = contacts.count()
    start = (filters.page - 1) * PAGE_SIZE
    items = contacts.prefetch_related("tags")[start : start + PAGE_SIZE] if count > start else []
    return {
        "items": items,
        "count": count,
        "page": filters.page,
        "pages": max(1, math.ceil(count / PAGE_SIZE)),
    }


@router.post("", response={201: ContactOut, 422: ValidationErrorOut})
def create_contact(request: HttpRequest, payload: ContactIn):
    return Status(201, add_person(request.auth, **payload.model_dump()))


@router.get("/{contact_id}", response={200: ContactOut, 404: ErrorOut})
def get_contact_detail(request: HttpRequest, contact_id: int):
    return get_owned(Contact, request.auth, contact_id)


@router.patch("/{contact_id}", response={200: ContactOut, 404: ErrorOut, 422: ValidationErrorOut})
def update_contact(request: HttpRequest, contact_id: int, payload: ContactPatch | None = None):
    """Changes only the fields sent; an empty body changes nothing."""
    contact = get_owned(Contact, request.auth, contact_id)
    edit_person(contact, payload.model_dump(exclude_unset=True) if payload else {})
    return contact


@router.delete("/{contact_id}", response={204: None, 404: ErrorOut})
def delete_contact(request: HttpRequest, contact_id: int):
    """Deletes the contact and their timeline."""
    with transaction.atomic():
        get_owned(Contact, request.auth, contact_id).delete()
    return Status(204, None)
