"""Telling what a file is before reading it as contacts.

A PDF, a photo or an Excel workbook chosen by mistake gets a plain explanation instead of
a page of garbled rows; LinkedIn's archive (a ZIP) is opened to find Connections.csv.
"""

import io
import re
import struct
import zipfile
import zlib
from pathlib import PurePosixPath

from .common import MAX_BYTES, ImportFileError, clip
from .linkedin import find_header

EXPECTED = {
    "linkedin": "LinkedIn’s Connections.csv",
    "vcard": "a vCard (.vcf) file",
    "csv": "a CSV file",
}
SIGNATURES = [
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel workbook (.xls) or Word document"),
    (b"\x1f\x8b", "a compressed (.gz) file"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"bplist", "an Apple property list"),
]
SAVE_AS_CSV = "Open it in your spreadsheet program and save it as “CSV UTF-8”, then import that."
MAX_ZIP_MEMBERS = 1000
ZIP_CHUNK = 64 * 1024
VCARD_START = re.compile(r"^[ \t]*BEGIN:VCARD[ \t\r]*$", re.IGNORECASE | re.MULTILINE)


def size_error(size: int) -> ImportFileError:
    return ImportFileError(
        f"The file is {size / 1024 / 1024:.1f} MB; files up to {MAX_BYTES // 1024 // 1024} MB "
        "can be imported. Split it into smaller files and import them one after another."
    )


def unwrap(data: bytes, kind: str, *, inside_zip: bool = False) -> tuple[bytes, list[str]]:
    """The bytes to parse, after refusing what cannot be a contact list and opening ZIPs."""
    if len(data) > MAX_BYTES:
        raise size_error(len(data))
    if not data.strip():
        raise ImportFileError("The file is empty.")
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            hint = SAVE_AS_CSV if "Excel" in what else f"Choose {EXPECTED[kind]} instead."
            raise ImportFileError(f"This is {what}, not {EXPECTED[kind]}. {hint}")
    if data.startswith(b"PK\x03\x04"):
        if inside_zip:
            raise ImportFileError(
                "This is a ZIP archive inside a ZIP archive. Unpack it and import the file "
                "you need."
            )
        return from_zip(data, kind)
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            f"This file holds binary data, so it is not {EXPECTED[kind]}. "
            f"Choose {EXPECTED[kind]} instead."
        )
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        raise ImportFileError(
            f"This is a web page, not {EXPECTED[kind]}. Download the file itself and import it."
        )
    return data, []


def check_zip_directory(data: bytes) -> None:
    """Refuse an archive listing too many files before zipfile reads its whole directory.

    The end-of-directory record sits in the last 64 KB and gives the number of entries and
    the directory's size; a record that lies is caught after opening, by counting.
    """
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end == -1 or len(data) < end + 22:
        return  # zipfile says what is wrong
    entries, directory_size = struct.unpack("<HI", data[end + 10 : end + 16])
    if entries > MAX_ZIP_MEMBERS or directory_size > MAX_ZIP_MEMBERS * 1024:
        raise too_many_members()


def too_many_members() -> ImportFileError:
    return ImportFileError(
        f"This ZIP archive holds more than {MAX_ZIP_MEMBERS:,} files; archives of up to "
        f"{MAX_ZIP_MEMBERS:,} files can be opened. Unpack it and import the file you need."
    )


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """The member's bytes, read in chunks and counted: its true size, not the one it gives."""
    if member.flag_bits & 0x1:
        raise ImportFileError(
            f"{clip(member.filename, 100)} in the ZIP archive is protected by a password. "
            "Unpack it and import the file itself."
        )
    chunks, size = [], 0
    try:
        with archive.open(member) as handle:
            while chunk := handle.read(ZIP_CHUNK):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise size_error(size)
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as error:
        # "Bad CRC-32" and friends: the data does not match the size or checksum given.
        raise ImportFileError(
            f"{clip(member.filename, 100)} in the ZIP archive is damaged: its contents do not "
            "match the size and checksum the archive gives for it. Export the file again, or "
            "unpack it with another program and import what it finds."
        ) from error
    return b"".join(chunks)


def from_zip(data: bytes, kind: str) -> tuple[bytes, list[str]]:
    check_zip_directory(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError):
        raise ImportFileError("This looks like a ZIP archive but it cannot be opened.") from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise too_many_members()
    names = {info.filename.lower() for info in members}
    if "xl/workbook.xml" in names:
        raise ImportFileError(f"This is an Excel workbook (.xlsx), not a CSV file. {SAVE_AS_CSV}")
    if "content.xml" in names or "index.xml" in names or "word/document.xml" in names:
        raise ImportFileError(f"This is a document or spreadsheet, not a CSV file. {SAVE_AS_CSV}")
    wanted = [info for info in members if PurePosixPath(info.filename).name == "Connections.csv"]
    if kind != "linkedin" and not wanted:
        suffix = ".vcf" if kind == "vcard" else ".csv"
        wanted = [info for info in members if info.filename.lower().endswith(suffix)]
    if len(wanted) != 1:
        raise ImportFileError(
            f"This is a ZIP archive without a single {EXPECTED[kind]} in it. "
            "Unpack it and import the file you need."
        )
    member = wanted[0]
    if member.file_size > MAX_BYTES:
        raise size_error(member.file_size)
    inner, notes = unwrap(read_member(archive, member), kind, inside_zip=True)
    return inner, [f"Read {clip(member.filename, 100)} from the ZIP archive.", *notes]


def resolve_kind(text: str, kind: str) -> tuple[str, list[str]]:
    """The kind to parse ``text`` as: a LinkedIn export chosen as "CSV" is read as LinkedIn's."""
    is_vcard = VCARD_START.search(text[:65536]) is not None
    if kind == "vcard":
        if not VCARD_START.search(text):
            raise ImportFileError(
                "There is no vCard in this file (a vCard starts with the line BEGIN:VCARD). "
                "If it is a spreadsheet export, choose CSV."
            )
        return kind, []
    if is_vcard and text.lstrip()[:11].upper() == "BEGIN:VCARD":
        raise ImportFileError("This is a vCard file, not a CSV file. Choose vCard instead.")
    if kind == "csv" and find_header(text) is not None:
        return "linkedin", ["This is a LinkedIn connections export, so it is read as one."]
    return kind, []
