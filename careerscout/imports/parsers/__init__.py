"""Reading contact files into plain values: no database, no Django, easy to test.

``parse_file()`` is the one entry point: it refuses what is not a contact file, decodes the
text and hands it to the parser for its kind.
"""

from . import csvfile, detect, linkedin, vcard
from .common import (
    ENCODINGS,
    MAX_BYTES,
    ImportFileError,
    ParsedContact,
    ParsedFile,
    SkippedRow,
    check_columns_of_first_line,
    check_line_lengths,
    decode,
)

KINDS = {
    "linkedin": "LinkedIn connections",
    "vcard": "vCard (.vcf)",
    "csv": "CSV (Google, Outlook or any spreadsheet)",
}

__all__ = [
    "ENCODINGS",
    "KINDS",
    "MAX_BYTES",
    "ImportFileError",
    "ParsedContact",
    "ParsedFile",
    "SkippedRow",
    "parse_file",
    "read_text",
]


def read_text(data: bytes, kind: str, encoding: str = "utf-8") -> tuple[str, str, list[str]]:
    """(kind, text, notes): the checks every kind shares, up to the decoded text."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    data, notes = detect.unwrap(data, kind)
    text = decode(data, encoding)
    if not text.strip():
        raise ImportFileError("The file is empty.")
    kind, more = detect.resolve_kind(text, kind)
    if kind != "vcard":
        check_columns_of_first_line(text)
    check_line_lengths(text)
    return kind, text, notes + more


def parse_file(
    data: bytes, kind: str, *, encoding: str = "utf-8", mapping: list[str] | None = None
) -> ParsedFile:
    """Every person in the file, or ImportFileError when the file cannot be read at all.

    ``mapping`` (CSV only) names a field per column; without it the mapping is guessed.
    """
    kind, text, notes = read_text(data, kind, encoding)
    if kind == "linkedin":
        parsed = linkedin.parse(text)
    elif kind == "vcard":
        parsed = vcard.parse(text, encoding)
    else:
        parsed = csvfile.parse(text, mapping)
    if not parsed.contacts and not parsed.skipped:
        raise ImportFileError("There is no one in this file: it has headers but no rows.")
    parsed.notes[:0] = notes
    return parsed
