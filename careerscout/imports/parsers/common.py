"""Plain values the parsers hand to planning, and the helpers they share."""

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from careerscout.lib.dates import is_sensible_year

MAX_BYTES = 20 * 1024 * 1024
# Everything else an import reads is bounded too, so that no upload under MAX_BYTES can tie
# up a server process (docs/security.md lists these limits).
MAX_COLUMNS = 200
MAX_LINE_CHARACTERS = 1_000_000
MAX_CELL_CHARACTERS = 100_000
MAX_MESSAGE = 480  # an error is read by a person, not scrolled through
ENCODINGS = {
    "utf-8": "Unicode (UTF-8), what most programs write today",
    "cp1252": "Windows-1252, from older Windows programs and Excel",
}

# Contact's column sizes; longer values are cut rather than refused.
NAME_LENGTH = 200
PHONE_LENGTH = 50
URL_LENGTH = 300


class ImportFileError(Exception):
    """The file as a whole cannot be imported, so nothing is. ``line`` points at the cause."""

    def __init__(self, message: str, line: int | None = None):
        message = message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"
        super().__init__(message)
        self.message = message
        self.line = line

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "message": self.message}


@dataclass(slots=True)
class ParsedContact:
    line: int
    name: str
    emails: list[str] = field(default_factory=list)
    phone: str = ""
    linkedin_url: str = ""
    organization: str = ""
    title: str = ""
    location: str = ""
    notes: str = ""
    connected_on: date | None = None
    # "phones", "urls", "addresses" (lists of strings) and "department" (a string).
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SkippedRow:
    line: int
    reason: str


@dataclass(slots=True)
class ParsedFile:
    kind: str
    contacts: list[ParsedContact]
    skipped: list[SkippedRow]
    # What was recognised on the way ("A Google Contacts export"), shown on the preview.
    notes: list[str] = field(default_factory=list)


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """The file's text, or an error naming the first line that is not in ``encoding``.

    Only a byte-order mark overrides the chosen encoding. Bytes that do not decode are an
    error rather than a guess: a wrong guess would quietly turn "Müller" into "MÃ¼ller" in
    thousands of names, while the error tells the person which choice to make.
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"unsupported encoding {encoding!r}")
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[len(codecs.BOM_UTF8) :], "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"  # Excel's "Unicode text"; the codec reads and drops the mark
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        if encoding == "utf-8":
            hint = (
                "If it comes from an older Windows program, import it again and choose "
                "“Windows-1252” as its encoding; or save it again as “CSV UTF-8”."
            )
        else:
            hint = "Try importing it as Unicode (UTF-8)."
        raise ImportFileError(
            f"Line {line} has characters that are not {encoding_label(encoding)} "
            f"(byte 0x{byte:02X} at position {error.start:,}). {hint}",
            line=line,
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFileError(
            f"Line {line} holds binary data (a NUL character): this is not a text file.",
            line=line,
        )
    return text


def check_columns_of_first_line(text: str) -> None:
    """A header far wider than any contact list is refused before any CSV parsing."""
    first = next(
        (line for line in text[: MAX_LINE_CHARACTERS * 10].split("\n", 50) if line.strip()), ""
    )
    delimiter = detect_delimiter(first[:10_000])
    count = first.count(delimiter) + 1
    if count > MAX_COLUMNS:
        raise ImportFileError(
            f"The file has {count:,} columns; files with up to {MAX_COLUMNS} columns can be "
            "imported. Remove the columns you do not need, or check that it is a contact list."
        )


def check_line_lengths(text: str) -> None:
    start, number = 0, 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if end - start > MAX_LINE_CHARACTERS:
            raise ImportFileError(
                f"Line {number} is {end - start:,} characters long; lines of up to "
                f"{MAX_LINE_CHARACTERS:,} characters can be imported. This does not look like "
                "a contact list.",
                line=number,
            )
        start, number = end + 1, number + 1


def column_list(headers: list[str], shown: int = 8) -> str:
    """A few of the file's column names, for a message that stays readable."""
    names = [clip(clean(header), 30) or "(blank)" for header in headers[:shown]]
    more = f" and {len(headers) - shown:,} more" if len(headers) > shown else ""
    return ", ".join(names) + more


def encoding_label(encoding: str) -> str:
    return {"utf-8": "UTF-8", "cp1252": "Windows-1252", "utf-16": "UTF-16"}.get(encoding, encoding)


def detect_delimiter(header_line: str) -> str:
    """Spreadsheets in many European locales save CSV with ``;``, Excel's Unicode text with tabs."""
    outside_quotes = re.sub(r'"[^"]*"', "", header_line)
    counts = {delimiter: outside_quotes.count(delimiter) for delimiter in ",;\t"}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def csv_rows(text: str, delimiter: str):
    """(first line number, cells) for each record; a quoted field may span several lines."""
    csv.field_size_limit(MAX_CELL_CHARACTERS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            if len(cells) > MAX_COLUMNS:
                raise ImportFileError(
                    f"Line {start} has {len(cells):,} columns; files with up to {MAX_COLUMNS} "
                    "columns can be imported. Remove the columns you do not need, or check "
                    "that the file is a contact list.",
                    line=start,
                )
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ImportFileError(
                f"Line {start} has a cell longer than {MAX_CELL_CHARACTERS:,} characters, the "
                "most one cell can hold. Check for a stray quote mark.",
                line=start,
            ) from None
        raise ImportFileError(
            f"Line {start} cannot be read as CSV ({error}). Check for a stray quote mark.",
            line=start,
        ) from None


def clean(text: str | None) -> str:
    """One line of text: surrounding and repeated spaces removed."""
    return " ".join(text.split()) if text else ""


def clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


_WEB_ADDRESS = URLValidator(schemes=["http", "https"])


def is_web_address(text: str) -> bool:
    """What a contact's LinkedIn URL may hold: what its form and the API accept."""
    if len(text) > URL_LENGTH:
        return False
    try:
        _WEB_ADDRESS(text)
    except ValidationError:
        return False
    return True


def looks_like_email(text: str) -> bool:
    return "@" in text and " " not in text and len(text) <= 254


def split_emails(text: str) -> list[str]:
    """E-mail cells may hold several addresses (Google joins them with " ::: ")."""
    found = []
    for part in re.split(r"\s*(?::::|;|,)\s*", text or ""):
        part = part.strip().removeprefix("mailto:").strip("<>")
        if looks_like_email(part):
            found.append(part)
    return found


def add_unique(items: list[str], new: list[str] | str, *, key=str.casefold) -> list[str]:
    """``items`` followed by the ``new`` ones it does not have yet (compared by ``key``)."""
    seen = {key(item) for item in items}
    result = list(items)
    for item in [new] if isinstance(new, str) else new:
        if item and key(item) not in seen:
            seen.add(key(item))
            result.append(item)
    return result


def phone_key(phone: str) -> str:
    """ "+1 (555) 010-0199" and "+15550100199" are the same number."""
    return re.sub(r"[^\d+]", "", phone)


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{2}|\d{4})")
MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})")
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
NUMERIC_DATE = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})(?: .*)?")


def year_of(text: str) -> int:
    """ "23" is 2023, as spreadsheets shorten it; "0023" is the year 23, and refused."""
    return int(text) + 2000 if len(text) == 2 else int(text)


def make_date(year: int, month: int, day: int) -> date | None:
    if not is_sensible_year(year):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateReader:
    """Reads the dates of one file: LinkedIn's "08 Feb 2023", and what spreadsheets turn it into.

    "03/04/2023" is 3 April in Europe and 4 March in the US. The file decides: once any date
    has a first number above 12 the file is day-first, and the reverse. Dates the file never
    settles are left out rather than guessed.
    """

    def __init__(self) -> None:
        self.pending: list[tuple[ParsedContact, int, int, int]] = []
        self.day_first_seen = False
        self.month_first_seen = False

    def read(self, text: str, contact: ParsedContact) -> None:
        text = text.strip()
        if not text:
            return
        if match := DAY_MONTH_YEAR.fullmatch(text):
            month = MONTHS.get(match[2].lower())
            if month:
                contact.connected_on = make_date(year_of(match[3]), month, int(match[1]))
        elif match := ISO_DATE.fullmatch(text):
            contact.connected_on = make_date(year_of(match[1]), int(match[2]), int(match[3]))
        elif match := MONTH_DAY_YEAR.fullmatch(text):
            month = MONTHS.get(match[1].lower())
            if month:
                contact.connected_on = make_date(year_of(match[3]), month, int(match[2]))
        elif match := NUMERIC_DATE.fullmatch(text):
            first, second, year = int(match[1]), int(match[3]), year_of(match[4])
            if match[2] == ".":  # 08.02.2023 is day-first wherever it is written
                contact.connected_on = make_date(year, second, first)
            elif first > 12:
                self.day_first_seen = True
                contact.connected_on = make_date(year, second, first)
            elif second > 12:
                self.month_first_seen = True
                contact.connected_on = make_date(year, first, second)
            else:
                self.pending.append((contact, first, second, year))

    def finish(self) -> None:
        """Settle the ambiguous dates once the whole file has been seen."""
        if self.day_first_seen == self.month_first_seen:
            return
        for contact, first, second, year in self.pending:
            if self.day_first_seen:
                contact.connected_on = make_date(year, second, first)
            else:
                contact.connected_on = make_date(year, first, second)
