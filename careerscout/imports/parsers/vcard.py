"""vCard 2.1, 3.0 and 4.0 files as address books export them, read with ``vobject``.

The file is split into cards here, so that one broken card is skipped with its line
number instead of failing the file, and two things are done before ``vobject`` sees a card:

- Properties the import does not read are dropped. PHOTO, LOGO, SOUND and KEY can be
  megabytes of base64 that ``vobject`` decodes eagerly: a truncated photo (common in phone
  exports) would make it reject an otherwise good card. vCard 2.1 writes base64 on
  unindented lines ended by a blank line, so the whole value is skipped, not only its first
  line. Dropping the rest (BDAY, REV, X-…) also spares ``vobject`` a third of its work.
- With ``encoding="cp1252"``, quoted-printable values without a CHARSET get one, because
  ``vobject`` decodes quoted-printable bytes as UTF-8 unless told otherwise.

Quoted-printable soft line breaks are left to ``vobject`` (``allowQP=True``).
"""

import re
from collections.abc import Iterator
from typing import Any

import vobject
from vobject.base import VObjectError

from .common import (
    NAME_LENGTH,
    PHONE_LENGTH,
    ImportFileError,
    ParsedContact,
    ParsedFile,
    SkippedRow,
    add_unique,
    clean,
    clip,
    is_web_address,
    looks_like_email,
)

# What contact_from() reads; everything else (PHOTO, LOGO, SOUND, KEY, BDAY, REV, X-…) is
# dropped before vobject parses the card.
READ_PROPERTIES = {
    "BEGIN",
    "END",
    "VERSION",
    "FN",
    "N",
    "ORG",
    "TITLE",
    "ROLE",
    "EMAIL",
    "TEL",
    "URL",
    "ADR",
    "NOTE",
    "X-ABLABEL",
    "X-SOCIALPROFILE",
}
PROPERTY = re.compile(r"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")
LINE_BREAK = re.compile(r"\r\n|\r|\n")


MAX_NESTING = 10
MAX_PROPERTIES = 500
EMAIL_ONLY_REVIEW = "This card had only an e-mail address, which stands in for the name."


def parse(text: str, encoding: str = "utf-8") -> ParsedFile:
    contacts: list[ParsedContact] = []
    skipped: list[SkippedRow] = []
    notes: list[str] = []
    email_only = 0
    for line, card_lines, complete in split_cards(text):
        if not complete:
            skipped.append(
                SkippedRow(line, "This card has no END:VCARD line; the file may be cut short.")
            )
            continue
        properties = list(useful_properties(card_lines, encoding))
        if len(properties) > MAX_PROPERTIES:
            skipped.append(
                SkippedRow(
                    line,
                    f"This card has {len(properties):,} properties; cards of up to "
                    f"{MAX_PROPERTIES} properties can be imported.",
                )
            )
            continue
        try:
            card, dropped = read_card(properties)
            contact = contact_from(card, line)
        except (VObjectError, ValueError, LookupError) as error:
            reason = str(error).split("\n")[0][:120]
            skipped.append(SkippedRow(line, f"This card could not be read ({reason})."))
            continue
        for number, name in dropped:
            notes.append(
                f"Line {line + number}: {name or 'a line'} could not be decoded and was left "
                "out; the rest of this card was imported."
            )
        if contact is None:
            skipped.append(SkippedRow(line, "This card has no name (no FN, N, ORG or EMAIL)."))
            continue
        email_only += contact.extra.get("review") == EMAIL_ONLY_REVIEW
        contacts.append(contact)
    if email_only:
        notes.insert(
            0,
            f"{email_only:,} card{'s' if email_only != 1 else ''} had only an e-mail address: "
            "the address stands in for the name, and the person is marked for review.",
        )
    return ParsedFile(kind="vcard", contacts=contacts, skipped=skipped, notes=notes)


def read_card(properties: list[list[str]]) -> tuple[Any, list[tuple[int, str]]]:
    """The card, and (line within the card, property name) of each property left out.

    Read whole first; when that fails, property by property, so that one line that cannot
    be decoded (a broken quoted-printable value) costs that line and not the whole person.
    """
    try:
        return vobject.readOne(card_text(properties), allowQP=True), []
    except (VObjectError, ValueError, LookupError):
        pass
    kept, dropped = [], []
    frame = [p for p in properties if property_name(p) in {"BEGIN", "END", "VERSION"}]
    for prop in properties:
        if prop in frame:
            kept.append(prop)
            continue
        try:
            vobject.readOne(card_text([*frame[:2], prop, frame[-1]]), allowQP=True)
        except (VObjectError, ValueError, LookupError, IndexError):
            dropped.append((prop_line(prop), property_name(prop)))
        else:
            kept.append(prop)
    return vobject.readOne(card_text(kept), allowQP=True), dropped


def card_text(properties: list[list[str]]) -> str:
    return "\r\n".join(line for prop in properties for line in prop[1:])


def prop_line(prop: list[str]) -> int:
    return int(prop[0])


def property_name(prop: list[str]) -> str:
    match = PROPERTY.match(prop[1])
    return match[1].upper() if match else ""


def split_cards(text: str) -> Iterator[tuple[int, list[str], bool]]:
    """(line number of BEGIN:VCARD, the card's lines, whether END:VCARD was found)."""
    depth, start, lines = 0, 0, []
    for number, line in enumerate(LINE_BREAK.split(text), 1):
        marker = line.strip().upper()
        if marker == "BEGIN:VCARD":
            if depth == 0:
                start, lines = number, []
            depth += 1  # an AGENT may embed a card in a card
            if depth > MAX_NESTING:
                raise ImportFileError(
                    f"Line {number}: cards are nested more than {MAX_NESTING} deep (a card "
                    "inside a card inside …). Address books do not write that; this file "
                    "cannot be imported.",
                    line=number,
                )
        if depth:
            lines.append(line)
        if marker == "END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                yield start, lines, True
    if depth:
        yield start, lines, False


def useful_properties(lines: list[str], encoding: str) -> Iterator[list[str]]:
    """The card's properties without those an import does not read (see the docstring).

    Each property is [its line's offset within the card, as text, then its lines].
    """
    current: list[str] | None = None
    for offset, line in useful_lines(lines, encoding):
        soft_break = (
            current is not None
            and current[-1].endswith("=")
            and "QUOTED-PRINTABLE" in current[1].upper()
        )
        if current is not None and (line[:1] in (" ", "\t") or soft_break):
            current.append(line)
            continue
        if current is not None:
            yield current
        current = [str(offset), line]
    if current is not None:
        yield current


def useful_lines(lines: list[str], encoding: str) -> Iterator[tuple[int, str]]:
    """(offset in the card, line) for the properties an import reads."""
    keeping = True  # whether the property being read is kept
    continues = False  # the last line ended in a quoted-printable soft line break
    base64_tail = False  # inside a vCard 2.1 base64 value, whose lines may be unindented
    for offset, line in enumerate(lines):
        if continues:
            continues = line.endswith("=")
            if keeping:
                yield offset, line
            continue
        if line[:1] in (" ", "\t"):  # a folded line continues the property before it
            if keeping:
                yield offset, line
            continue
        if base64_tail and (not line.strip() or ":" not in line):
            continue
        base64_tail = False
        if not line.strip():
            continue
        match = PROPERTY.match(line)
        if match is None:  # not a property: left for vobject to judge, with what it follows
            if keeping:
                yield offset, line
            continue
        name = match[1].upper()
        params = line.partition(":")[0].upper()
        quoted_printable = "QUOTED-PRINTABLE" in params
        continues = quoted_printable and line.endswith("=")
        keeping = name in READ_PROPERTIES
        if not keeping:
            base64_tail = "BASE64" in params
            continue
        if quoted_printable and encoding != "utf-8" and "CHARSET=" not in params:
            name_and_params, colon, value = line.partition(":")
            line = f"{name_and_params};CHARSET={encoding}{colon}{value}"
        yield offset, line


def types_of(line: Any) -> set[str]:
    found = {param.upper() for param in line.singletonparams}
    for value in line.params.get("TYPE", []):
        found.update(part.strip().upper() for part in value.split(","))
    if line.params.get("PREF"):
        found.add("PREF")
    return found


def preferred_first(lines: list[Any]) -> list[Any]:
    return sorted(lines, key=lambda line: "PREF" not in types_of(line))


def text_of(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(text_of(part) for part in value)
    return clean(str(value)) if value is not None else ""


def name_from(value: Any) -> str:
    """N is family;given;additional;prefix;suffix; people write prefix given additional family."""
    if isinstance(value, str):
        parts = value.split(";") + [""] * 5
        family, given, additional, prefix, suffix = parts[:5]
    else:
        family, given, additional, prefix, suffix = (
            value.family,
            value.given,
            value.additional,
            value.prefix,
            value.suffix,
        )
    return clean(" ".join(text_of(part) for part in [prefix, given, additional, family, suffix]))


def address_from(value: Any) -> tuple[str, str]:
    """(the address on one line, a location such as "Springfield, IL, United States")."""
    if isinstance(value, str):
        return clean(value.replace(";", " ")), ""
    street, city, region, code, country = (
        text_of(value.street),
        text_of(value.city),
        text_of(value.region),
        text_of(value.code),
        text_of(value.country),
    )
    region_code = clean(f"{region} {code}")
    full = ", ".join(part for part in [street, city, region_code, country] if part)
    return full, ", ".join(part for part in [city, region, country] if part)


def is_linkedin(url: str) -> bool:
    return "linkedin.com/" in url.lower()


def contact_from(card: Any, line: int) -> ParsedContact | None:
    contents = card.contents

    def values(name: str) -> list[Any]:
        return contents.get(name, [])

    organization, department = "", ""
    for org in values("org"):
        units = [
            text_of(unit) for unit in (org.value if isinstance(org.value, list) else [org.value])
        ]
        units = [unit for unit in units if unit]
        if units:
            organization, department = units[0], ", ".join(units[1:])
            break
    name = next((text_of(fn.value) for fn in values("fn") if text_of(fn.value)), "")
    if not name:
        name = next((name_from(n.value) for n in values("n") if name_from(n.value)), "")
    name = name or organization
    review = ""
    if not name:
        # Android writes cards with only an address: keep the person, named by it for now.
        name = next(
            (
                address
                for email in preferred_first(values("email"))
                if looks_like_email(address := str(email.value).strip().removeprefix("mailto:"))
            ),
            "",
        )
        review = EMAIL_ONLY_REVIEW
    if not name:
        return None
    contact = ParsedContact(
        line=line,
        name=clip(name, NAME_LENGTH),
        organization=clip(organization, NAME_LENGTH),
    )
    for key in ("title", "role"):
        contact.title = next((text_of(t.value) for t in values(key) if text_of(t.value)), "")
        if contact.title:
            contact.title = clip(contact.title, NAME_LENGTH)
            break
    extra: dict[str, Any] = {}
    if department:
        extra["department"] = department
    for email in preferred_first(values("email")):
        address = str(email.value).strip().removeprefix("mailto:")
        if looks_like_email(address):
            contact.emails = add_unique(contact.emails, address)
    phones: list[str] = []
    for tel in preferred_first(values("tel")):
        phones = add_unique(phones, clean(str(tel.value)).removeprefix("tel:"))
    if phones:
        contact.phone = clip(phones[0], PHONE_LENGTH)
        if phones[1:]:
            extra["phones"] = phones[1:]
    labels = {
        label.group.lower(): str(label.value)
        for label in values("x-ablabel")
        if getattr(label, "group", None)
    }
    urls: list[str] = []
    for url in [*preferred_first(values("url")), *values("x-socialprofile")]:
        address = str(url.value).strip()
        label = labels.get((getattr(url, "group", None) or "").lower(), "")
        if not address:
            continue
        web = address.startswith(("http://", "https://"))
        linkedin = is_linkedin(address) or label.lower() == "linkedin"
        if linkedin and is_web_address(address) and not contact.linkedin_url:
            contact.linkedin_url = address
            continue
        if url.name == "URL" or web:
            urls = add_unique(urls, address)
    if urls:
        extra["urls"] = urls
    addresses: list[str] = []
    for adr in preferred_first(values("adr")):
        full, location = address_from(adr.value)
        addresses = add_unique(addresses, full)
        contact.location = contact.location or clip(location, NAME_LENGTH)
    if addresses:
        extra["addresses"] = addresses
    notes = [str(note.value).replace("\r\n", "\n").strip() for note in values("note")]
    contact.notes = "\n\n".join(note for note in notes if note)
    if review:
        extra["review"] = review
    contact.extra = extra
    return contact
