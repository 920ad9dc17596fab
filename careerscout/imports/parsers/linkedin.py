"""LinkedIn's Connections.csv, as its data export writes it and as spreadsheets re-save it.

The export starts with a short preamble (``Notes:``, a quoted explanation, a blank line)
before the header ``First Name,Last Name,URL,Email Address,Company,Position,Connected On``;
older exports have no preamble and no URL column. Dates look like ``08 Feb 2023``.
"""

from .common import (
    NAME_LENGTH,
    DateReader,
    ImportFileError,
    ParsedContact,
    ParsedFile,
    SkippedRow,
    clean,
    clip,
    csv_rows,
    detect_delimiter,
    is_web_address,
    split_emails,
)

COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected_on",
}
REQUIRED = {"first name", "last name", "connected on"}
# The preamble is three lines; a few more allow for a re-saved file with extra blank lines.
HEADER_SEARCH_LINES = 20


def header_cells(line: str, delimiter: str) -> list[str]:
    return [cell.strip().strip('"').strip().lower() for cell in line.split(delimiter)]


def find_header(text: str) -> tuple[int, str] | None:
    """(line number, delimiter) of LinkedIn's header row, if the text has one near the top."""
    for number, line in enumerate(text.split("\n", HEADER_SEARCH_LINES)[:HEADER_SEARCH_LINES], 1):
        lowered = line.lower()
        if "first name" in lowered and "connected on" in lowered:
            delimiter = detect_delimiter(line)
            if set(header_cells(line, delimiter)) >= REQUIRED:
                return number, delimiter
    return None


def parse(text: str) -> ParsedFile:
    found = find_header(text)
    if found is None:
        raise ImportFileError(
            "This file does not have LinkedIn’s columns (First Name, Last Name, Company, "
            "Position, Connected On). If it is another kind of CSV, choose CSV instead."
        )
    header_line, delimiter = found
    contacts: list[ParsedContact] = []
    skipped: list[SkippedRow] = []
    dates = DateReader()
    index: dict[str, int] = {}
    for line, cells in csv_rows(text, delimiter):
        if line < header_line:
            continue
        if line == header_line:
            for position, cell in enumerate(cells):
                key = COLUMNS.get(cell.strip().lower())
                if key and key not in index:
                    index[key] = position
            width = max(index.values()) + 1
            continue
        if not any(cells):
            continue
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        name = clean(f"{cells[index['first']]} {cells[index['last']]}")
        if not name:
            skipped.append(SkippedRow(line, "No name in this row."))
            continue
        contact = ParsedContact(
            line=line,
            name=clip(name, NAME_LENGTH),
            organization=clip(clean(cells[index["company"]]), NAME_LENGTH)
            if "company" in index
            else "",
            title=clip(clean(cells[index["position"]]), NAME_LENGTH) if "position" in index else "",
        )
        if "url" in index:
            url = cells[index["url"]].strip()
            if is_web_address(url):
                contact.linkedin_url = url
        if "email" in index and cells[index["email"]]:
            contact.emails = split_emails(cells[index["email"]])
        dates.read(cells[index["connected_on"]], contact)
        contacts.append(contact)
    dates.finish()
    return ParsedFile(kind="linkedin", contacts=contacts, skipped=skipped)
