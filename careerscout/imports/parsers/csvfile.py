"""Any CSV of people, with a mapping from its columns to a contact's fields.

Google Contacts (old and new headers) and Outlook exports are recognised by their headers;
for other files the mapping is guessed from the header names and the person corrects it.
A mapping is one field name per column ("" leaves the column out); several columns may
share a field that holds many values (e-mails, phones, websites, notes).
"""

import re
from dataclasses import dataclass

from careerscout.lib.text import fold

from .common import (
    NAME_LENGTH,
    PHONE_LENGTH,
    DateReader,
    ImportFileError,
    ParsedContact,
    ParsedFile,
    SkippedRow,
    add_unique,
    clean,
    clip,
    column_list,
    csv_rows,
    detect_delimiter,
    is_web_address,
    split_emails,
)

FIELDS = {
    "": "Leave out",
    "name": "Full name",
    "first_name": "First name",
    "middle_name": "Middle name",
    "last_name": "Last name",
    "email": "E-mail",
    "phone": "Phone",
    "organization": "Organisation",
    "title": "Job title",
    "linkedin_url": "LinkedIn profile",
    "url": "Website",
    "location": "Location",
    "notes": "Notes",
    "connected_on": "Connected on (date)",
}
NAME_FIELDS = {"name", "first_name", "middle_name", "last_name"}
# Fields where several columns add up; for the others the first non-empty column wins.
MANY_VALUED = {"email", "phone", "url", "notes"}

EXACT = {
    "first_name": {"first name", "given name", "firstname", "first", "forename", "given"},
    "middle_name": {"middle name", "additional name", "middle", "middlename"},
    "last_name": {"last name", "family name", "surname", "lastname", "last", "family"},
    "name": {"name", "full name", "fullname", "display name", "contact name", "contact"},
    "organization": {
        "company",
        "organization",
        "organisation",
        "organization 1 name",
        "organization name",
        "organisation name",
        "company name",
        "employer",
        "org",
    },
    "title": {
        "job title",
        "position",
        "organization 1 title",
        "organization title",
        "role",
        "jobtitle",
        "title",
    },
    "location": {"location", "city", "town"},
    "notes": {"notes", "note", "comments", "comment", "description"},
    "connected_on": {"connected on", "connected", "date connected", "connection date"},
}
IGNORED_WORDS = {
    "type",
    "label",
    "yomi",
    "phonetic",
    "fax",
    "pager",
    "assistant",
    "manager",
    "spouse",
    "callback",
    "radio",
    "car",
    "telex",
    "tty",
    "tdd",
    "isdn",
    "main",
    "prefix",
    "suffix",
}
PHONE_WORDS = {"phone", "mobile", "tel", "telephone", "cell", "cellphone"}
URL_WORDS = {"web", "website", "url", "homepage", "site"}


def normalise(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(header)).strip()


def guess_field(header: str, headers: set[str]) -> str:
    """The field a column probably holds, from its header alone ("" when unsure)."""
    text = normalise(header)
    words = set(text.split())
    if not text or words & IGNORED_WORDS:
        return ""
    if "linkedin" in words:
        return "linkedin_url"
    if {"email", "mail"} & words or text.startswith("e mail"):
        return "" if {"display", "name"} & words else "email"
    if words & PHONE_WORDS:
        return "phone"
    # Outlook's "Title" is Mr or Ms; its job title is "Job Title".
    if text == "title" and "job title" in headers:
        return ""
    for field, names in EXACT.items():
        if text in names:
            return field
    if text.endswith(" city"):
        return "location"
    if words & URL_WORDS:
        return "url"
    return ""


def guess_mapping(headers: list[str]) -> list[str]:
    normalised = {normalise(header) for header in headers}
    return [guess_field(header, normalised) for header in headers]


def recognise(headers: list[str]) -> str:
    """The program that wrote the file, when its headers say so."""
    names = {normalise(header) for header in headers}
    if "e mail 1 value" in names or {"given name", "family name"} <= names:
        return "a Google Contacts export"
    if "e mail address" in names and names & {"job title", "business phone", "mobile phone"}:
        return "an Outlook export"
    return ""


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    header: str
    samples: tuple[str, ...]


def read_header(text: str) -> tuple[int, str, list[str]]:
    """(line number, delimiter, headers) of the first non-blank row."""
    first_line = next((line for line in text.split("\n") if line.strip()), None)
    if first_line is None:
        raise ImportFileError("The file is empty.")
    delimiter = detect_delimiter(first_line)
    for line, cells in csv_rows(text, delimiter):
        if any(cell.strip() for cell in cells):
            return line, delimiter, [cell.strip() for cell in cells]
    raise ImportFileError("The file is empty.")


def columns(text: str, samples: int = 3) -> list[Column]:
    """The file's columns with a few example values each, for the mapping page."""
    header_line, delimiter, headers = read_header(text)
    examples: list[list[str]] = [[] for _ in headers]
    for line, cells in csv_rows(text, delimiter):
        if line <= header_line or not any(cells):
            continue
        for index, cell in enumerate(cells[: len(headers)]):
            if cell.strip() and len(examples[index]) < samples:
                examples[index].append(clip(clean(cell), 60))
        if all(len(values) >= samples for values in examples):
            break
    return [
        Column(index, header or f"Column {index + 1}", tuple(examples[index]))
        for index, header in enumerate(headers)
    ]


def check_mapping(mapping: list[str], headers: list[str]) -> None:
    if len(mapping) != len(headers) or any(field not in FIELDS for field in mapping):
        raise ValueError("the mapping must name one known field per column")
    if not NAME_FIELDS & set(mapping):
        raise ImportFileError(
            "No column holds the names. Choose which column has the full name, or the first "
            f"and last names. The file’s columns are: {column_list(headers)}."
        )


def parse(text: str, mapping: list[str] | None = None) -> ParsedFile:
    header_line, delimiter, headers = read_header(text)
    mapping = guess_mapping(headers) if mapping is None else mapping
    check_mapping(mapping, headers)
    notes = []
    if program := recognise(headers):
        notes.append(f"Recognised {program}.")
    by_field: dict[str, list[int]] = {}
    for index, field in enumerate(mapping):
        if field:
            by_field.setdefault(field, []).append(index)
    contacts: list[ParsedContact] = []
    skipped: list[SkippedRow] = []
    dates = DateReader()
    width = len(headers)
    for line, cells in csv_rows(text, delimiter):
        if line <= header_line or not any(cell.strip() for cell in cells):
            continue
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))

        def first(field: str, cells: list[str] = cells) -> str:
            return next((clean(cells[i]) for i in by_field.get(field, []) if cells[i].strip()), "")

        def every(field: str, cells: list[str] = cells) -> list[str]:
            return [cells[i].strip() for i in by_field.get(field, []) if cells[i].strip()]

        name = first("name") or clean(
            " ".join(first(part) for part in ("first_name", "middle_name", "last_name"))
        )
        if not name:
            skipped.append(SkippedRow(line, "No name in this row."))
            continue
        contact = ParsedContact(
            line=line,
            name=clip(name, NAME_LENGTH),
            organization=clip(first("organization"), NAME_LENGTH),
            title=clip(first("title"), NAME_LENGTH),
            location=clip(first("location"), NAME_LENGTH),
            notes="\n\n".join(note.replace("\r\n", "\n") for note in every("notes")),
        )
        for cell in every("email"):
            contact.emails = add_unique(contact.emails, split_emails(cell))
        phones: list[str] = []
        for cell in every("phone"):
            phones = add_unique(phones, [clean(p) for p in cell.split(":::") if p.strip()])
        if phones:
            contact.phone = clip(phones[0], PHONE_LENGTH)
        urls: list[str] = []
        for cell in every("url") + every("linkedin_url"):
            for url in (part.strip() for part in cell.split(":::")):
                linkedin = "linkedin.com/" in url.lower() and is_web_address(url)
                if linkedin and not contact.linkedin_url:
                    contact.linkedin_url = url
                    continue
                urls = add_unique(urls, url)
        extra = {}
        if phones[1:]:
            extra["phones"] = phones[1:]
        if urls:
            extra["urls"] = urls
        contact.extra = extra
        if connected := first("connected_on"):
            dates.read(connected, contact)
        contacts.append(contact)
    dates.finish()
    return ParsedFile(kind="csv", contacts=contacts, skipped=skipped, notes=notes)
