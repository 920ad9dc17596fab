"""Each format parses to the right fields; files that cannot be imported say why."""

import io
import struct
import zipfile
from datetime import date
from pathlib import Path

import pytest

from careerscout.imports.parsers import ImportFileError, parse_file
from careerscout.imports.parsers.common import DateReader, ParsedContact, decode
from careerscout.imports.parsers.csvfile import columns, guess_mapping, recognise

FILES = Path(__file__).parent / "files"


def parse(name: str, kind: str, **options):
    return parse_file((FILES / name).read_bytes(), kind, **options)


def by_name(parsed):
    return {contact.name: contact for contact in parsed.contacts}


def error_for(name: str, kind: str, **options) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        parse(name, kind, **options)
    return caught.value


# LinkedIn


def test_linkedin_export_with_its_preamble_gives_every_field():
    parsed = parse("linkedin_connections.csv", "linkedin")
    maya = parsed.contacts[0]
    assert maya.line == 5
    assert maya.name == "Maya Chen"
    assert maya.linkedin_url == "https://www.linkedin.com/in/mayachen"
    assert maya.organization == "Globex Corporation"
    assert maya.title == "Staff UX Researcher"
    assert maya.connected_on == date(2023, 2, 8)
    assert maya.emails == []


def test_linkedin_keeps_quotes_commas_emoji_and_other_scripts():
    people = by_name(parse("linkedin_connections.csv", "linkedin"))
    assert people['Priya "PK" Kumar'].title == "Director, Research & Insights"
    assert people["José Núñez"].organization == "Contoso, Ltd."
    assert people["José Núñez"].emails == ["jose.nunez@contoso.example"]
    assert people["Zoë 🌱 O'Brien"].organization == "Greenleaf 🌿 Co-op"
    assert people["李 小龙"].title == "产品经理"
    assert people["Анна Петрова"].organization == "Яндекс"
    assert people["محمد العلي"].connected_on == date(2019, 9, 30)


def test_linkedin_rows_without_a_name_are_skipped_with_their_line():
    parsed = parse("linkedin_connections.csv", "linkedin")
    assert [(row.line, row.reason) for row in parsed.skipped] == [(12, "No name in this row.")]


def test_old_linkedin_export_without_preamble_or_url_column():
    parsed = parse("linkedin_old_no_url.csv", "linkedin")
    assert [contact.name for contact in parsed.contacts] == [
        "Maya Chen",
        "Tomás Herrera",
        "Ngozi Okafor",
    ]
    assert parsed.contacts[0].line == 2
    assert parsed.contacts[0].linkedin_url == ""
    assert parsed.contacts[2].organization == "Okafor & Sons, Inc."


def test_linkedin_resaved_by_excel_with_bom_crlf_semicolons_and_numeric_dates():
    parsed = parse("linkedin_excel_semicolon.csv", "linkedin")
    people = by_name(parsed)
    assert people["Jürgen Müller"].organization == "Siemens AG"
    # 25/11/2022 shows the file is day-first, so 08/02/2023 is 8 February.
    assert people["Jürgen Müller"].connected_on == date(2023, 2, 8)
    assert people["Lars Øster"].connected_on == date(2021, 4, 3)
    assert people["Élodie Lefèvre"].organization == "Société Générale; Paris"


def test_a_linkedin_export_chosen_as_csv_is_read_as_linkedin():
    parsed = parse("linkedin_excel_semicolon.csv", "csv")
    assert parsed.kind == "linkedin"
    assert parsed.contacts[0].connected_on == date(2023, 2, 8)
    assert "LinkedIn" in parsed.notes[0]


def test_linkedin_zip_archive_is_opened_for_its_connections_csv():
    parsed = parse("linkedin_export.zip", "linkedin")
    assert len(parsed.contacts) == 9
    assert "Connections.csv" in parsed.notes[0]


def test_a_google_csv_chosen_as_linkedin_is_refused():
    error = error_for("google_contacts.csv", "linkedin")
    assert "LinkedIn’s columns" in error.message


def test_ambiguous_numeric_dates_are_left_out_rather_than_guessed():
    reader = DateReader()
    contact = ParsedContact(line=2, name="Ana")
    reader.read("03/04/2021", contact)
    reader.finish()
    assert contact.connected_on is None


def read_dates(samples: list[str]) -> list[date | None]:
    reader = DateReader()
    contacts = [ParsedContact(line=n, name="x") for n, _ in enumerate(samples)]
    for text, contact in zip(samples, contacts, strict=True):
        reader.read(text, contact)
    reader.finish()
    return [contact.connected_on for contact in contacts]


def test_dates_in_the_formats_spreadsheets_write():
    samples = ["08 Feb 2023", "8-Feb-23", "2023-02-08", "Feb 8, 2023", "08.02.2023"]
    assert set(read_dates(samples)) == {date(2023, 2, 8)}


def test_dates_outside_the_sensible_range_are_left_out():
    samples = ["01 Jan 0001", "9999-12-31", "Dec 31, 9999", "31.12.1899", "01/13/2201"]
    assert read_dates(samples) == [None] * len(samples)


def test_a_linkedin_address_that_is_no_web_address_is_not_kept_as_one():
    text = (
        "Name,LinkedIn,Website\n"
        "Ana,javascript:alert(1)//linkedin.com/in/ana,https://ana.example\n"
        "Ben,https://www.linkedin.com/in/ben,\n"
    )
    people = by_name(parse_file(text.encode(), "csv"))
    assert people["Ana"].linkedin_url == ""
    assert people["Ben"].linkedin_url == "https://www.linkedin.com/in/ben"


# Encodings and wrong files


def test_undecodable_bytes_name_the_line_and_suggest_the_encoding():
    error = error_for("linkedin_cp1252.csv", "linkedin")
    assert error.line == 3
    assert "not UTF-8" in error.message
    assert "0xFC" in error.message
    assert "Windows-1252" in error.message


def test_windows_1252_files_import_when_the_person_says_so():
    parsed = parse("linkedin_cp1252.csv", "linkedin", encoding="cp1252")
    assert parsed.contacts[1].name == "Jürgen Müller"
    assert parsed.contacts[1].title == "Ingenieur – Forschung"


def test_utf16_with_a_byte_order_mark_is_read():
    text = "Name\tEmail\r\nAnna Schmidt\tanna@example.de\r\n"
    assert decode(text.encode("utf-16")) == text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("report.pdf.csv", "This is a PDF document"),
        ("photo.png.csv", "This is a PNG image"),
        ("contacts.xlsx", "Excel workbook (.xlsx)"),
        ("empty.csv", "The file is empty."),
    ],
)
def test_files_that_are_not_contact_lists_are_refused_plainly(name, expected):
    assert expected in error_for(name, "csv").message


def test_a_vcard_chosen_as_csv_is_refused():
    assert "This is a vCard file" in error_for("apple_3_0.vcf", "csv").message


def test_a_csv_chosen_as_vcard_is_refused():
    assert "no vCard in this file" in error_for("google_contacts.csv", "vcard").message


def test_oversize_files_are_refused(monkeypatch):
    monkeypatch.setattr("careerscout.imports.parsers.detect.MAX_BYTES", 100)
    error = error_for("google_contacts.csv", "csv")
    assert "files up to" in error.message


def test_a_csv_with_headers_only_has_no_one_to_import():
    with pytest.raises(ImportFileError, match="no one in this file"):
        parse_file(b"Name,Email\n", "csv")


# vCard


def test_vcard_21_from_outlook_with_quoted_printable_and_soft_line_breaks():
    parsed = parse("outlook_2_1.vcf", "vcard")
    jurgen, ngozi = parsed.contacts
    assert jurgen.name == "Jürgen Müller"
    assert jurgen.organization == "Siemens AG"
    assert jurgen.extra["department"] == "Forschung und Entwicklung"
    assert jurgen.title == "Senior Engineer"
    assert jurgen.notes == (
        "Met at the Hannover Messe booth. Happy to talk about robotics careers\n"
        "Second line: prefers e-mail over calls."
    )
    assert jurgen.emails == ["juergen.mueller@siemens.example"]
    assert jurgen.phone == "+49 89 636 00"
    assert jurgen.extra["phones"] == ["+49 151 2345 6789"]
    assert jurgen.location == "München, Bayern, Deutschland"
    assert jurgen.extra["urls"] == ["https://www.siemens.example/research"]
    assert ngozi.line == 23
    assert ngozi.emails == ["ngozi@okafor.example", "n.okafor@mail.example"]


def test_vcard_21_from_android_with_non_latin_quoted_printable_and_a_photo():
    parsed = parse("android_2_1.vcf", "vcard")
    zhang = parsed.contacts[0]
    assert zhang.name == "张伟"
    assert zhang.organization == "腾讯"
    assert zhang.title == "产品经理"
    assert zhang.notes == "大学同学，在深圳工作"
    assert zhang.phone == "+86 138 0013 8000"
    assert parsed.contacts[1].name == "Amara"


def test_a_card_without_any_name_is_skipped_with_its_line():
    parsed = parse("android_2_1.vcf", "vcard")
    assert [(row.line, row.reason) for row in parsed.skipped] == [
        (17, "This card has no name (no FN, N, ORG or EMAIL).")
    ]


def test_vcard_30_from_apple_with_grouped_properties_labels_and_a_photo():
    parsed = parse("apple_3_0.vcf", "vcard")
    maya = parsed.contacts[0]
    assert maya.name == "Maya Chen"
    assert maya.emails == ["maya@mayachen.example", "maya.chen@globex.example"]
    assert maya.phone == "+1 (555) 010-0199"
    assert maya.extra["phones"] == ["+1 (555) 010-0142"]
    assert maya.linkedin_url == "https://www.linkedin.com/in/mayachen/"
    assert maya.extra["urls"] == [
        "https://mayachen.example/portfolio",
        "https://twitter.com/mayachen",
    ]
    assert maya.extra["addresses"] == ["100 Market Street, San Francisco, CA 94105, United States"]
    assert maya.location == "San Francisco, CA, United States"
    assert maya.notes == (
        "Met at the UXR Collective meetup, Berlin 2023.\n"
        "Asked about moving from academia into industry research."
    )
    assert maya.extra["department"] == "User Research"


def test_a_card_with_only_an_organisation_is_named_after_it():
    career_centre = parse("apple_3_0.vcf", "vcard").contacts[1]
    assert career_centre.name == "Career Centre"
    assert career_centre.emails == ["careers@university.example"]


def test_vcard_40_from_google_with_preferred_email_and_uri_phone():
    amelie, kenji = parse("google_4_0.vcf", "vcard").contacts
    assert amelie.name == "Amélie Dubois"
    assert amelie.emails == ["amelie.dubois@contoso.example", "amelie@dubois.example"]
    assert amelie.phone == "+33-6-12-34-56-78"
    assert amelie.linkedin_url == "https://linkedin.com/in/ameliedubois?trk=public_profile"
    assert amelie.location == "Paris, France"
    assert kenji.organization == "Sony Group"


def test_a_broken_line_costs_only_that_line_and_a_cut_card_is_skipped():
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Good One\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nthis line has no colon\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut short\r\n"
    )
    parsed = parse_file(data, "vcard")
    assert [contact.name for contact in parsed.contacts] == ["Good One", "Broken"]
    assert parsed.notes == [
        "Line 8: a line could not be decoded and was left out; the rest of this card was imported."
    ]
    assert [row.line for row in parsed.skipped] == [10]
    assert "END:VCARD" in parsed.skipped[0].reason


def test_vcard_21_quoted_printable_in_windows_1252():
    data = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller\r\n"
        "NOTE:Caf\xe9 in M\xfcnchen\r\nEND:VCARD\r\n"
    ).encode("cp1252")
    jurgen = parse_file(data, "vcard", encoding="cp1252").contacts[0]
    assert jurgen.name == "Jürgen Müller"
    assert jurgen.notes == "Café in München"


# CSV


def test_google_csv_old_format():
    parsed = parse("google_contacts.csv", "csv")
    maya = parsed.contacts[0]
    assert parsed.notes == ["Recognised a Google Contacts export."]
    assert maya.name == "Maya Chen"
    assert maya.emails == [
        "maya.chen@globex.example",
        "maya@mayachen.example",
        "maya.home@mail.example",
    ]
    assert maya.organization == "Globex Corporation"
    assert maya.title == "Staff UX Researcher"
    assert maya.phone == "+1 555 010 0199"
    assert maya.location == "San Francisco"
    assert maya.linkedin_url == "https://www.linkedin.com/in/mayachen"
    assert maya.notes == "Met at the UXR meetup.\nAsk about research ops."
    assert parsed.contacts[1].extra == {"phones": ["+34 91 123 45 67"]}
    assert [(row.line, row.reason) for row in parsed.skipped] == [(6, "No name in this row.")]


def test_google_csv_new_format():
    aiyana, wei = parse("google_contacts_new.csv", "csv").contacts
    assert aiyana.name == "Aiyana Redcloud"
    assert aiyana.organization == "Tribal Health Alliance"
    assert aiyana.title == "Program Director"
    assert aiyana.emails == ["aiyana@tha.example"]
    assert wei.linkedin_url == "https://www.linkedin.com/in/zhangwei-pm"


def test_outlook_csv_reads_job_title_not_the_courtesy_title():
    parsed = parse("outlook_contacts.csv", "csv")
    rebecca = parsed.contacts[0]
    assert parsed.notes == ["Recognised an Outlook export."]
    assert rebecca.name == "Rebecca J. Stone"
    assert rebecca.title == "Director of Legal Operations"
    assert rebecca.organization == "Northwind Traders"
    assert rebecca.emails == ["rebecca.stone@northwind.example", "rstone@mail.example"]
    assert rebecca.phone == "+1 206 555 0175"
    assert rebecca.extra["phones"] == ["+1 206 555 0123"]
    assert rebecca.location == "Seattle"
    assert "legal ops team" in rebecca.notes


def test_other_csv_columns_are_guessed_from_their_names():
    headers = ["Full name", "Class", "Employer", "Role", "Email", "City", "LinkedIn"]
    assert guess_mapping(headers) == [
        "name",
        "",
        "organization",
        "title",
        "email",
        "location",
        "linkedin_url",
    ]
    assert recognise(headers) == ""


def test_a_corrected_mapping_is_used():
    data = (FILES / "alumni_directory.csv").read_bytes()
    mapping = ["name", "notes", "organization", "title", "email", "", ""]
    grace = parse_file(data, "csv", mapping=mapping).contacts[0]
    assert grace.notes == "1934"
    assert grace.location == ""


def test_a_csv_without_name_columns_is_refused_with_its_columns_listed():
    error = error_for("no_name_columns.csv", "csv")
    assert "No column holds the names" in error.message
    assert "Email, Company, Phone" in error.message


def test_the_mapping_page_shows_example_values_per_column():
    found = columns((FILES / "alumni_directory.csv").read_text())
    assert found[0].header == "Full name"
    assert found[0].samples == ("Grace Hopper", "Alan Turing")
    assert found[2].samples == ("US Navy", "Acme")


# Limits: everything an import reads is bounded, and each refusal names its limit.


def refusal(data: bytes, kind: str) -> str:
    with pytest.raises(ImportFileError) as caught:
        parse_file(data, kind)
    message = caught.value.message
    assert len(message) < 500, message
    return message


def test_a_csv_with_a_million_columns_is_refused_naming_the_limit_without_listing_them():
    header = ",".join(f"C{n}" for n in range(1_000_000))
    message = refusal(f"{header}\nAna\n".encode(), "csv")
    assert "1,000,000 columns" in message and "200" in message


def test_a_csv_with_too_many_columns_in_a_later_row_is_refused():
    row = ",".join(["x"] * 250)
    message = refusal(f"Name,Email\nAna,a@example.org\n{row}\n".encode(), "csv")
    assert "line 3" in message.lower() and "200" in message


def test_an_overlong_line_is_refused_naming_the_limit():
    message = refusal(("Name,Notes\nAna," + "x" * 1_100_000 + "\n").encode(), "csv")
    assert "1,000,000" in message


def test_a_missing_name_column_lists_only_a_few_of_the_columns():
    headers = ",".join(f"{'Long header ' * 20}{n}" for n in range(150))
    message = refusal(f"{headers}\n{','.join(['x'] * 150)}\n".encode(), "csv")
    assert "No column holds the names" in message


def zip_of(name: str, content: bytes, *, lie_about_size: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    data = buffer.getvalue()
    if lie_about_size is not None:
        # The central directory's "uncompressed size" (offset 24 of its entry) says less.
        entry = data.rindex(b"PK\x01\x02")
        data = data[: entry + 24] + struct.pack("<I", lie_about_size) + data[entry + 28 :]
    return data


def test_a_zip_whose_header_lies_about_its_size_gets_a_clear_message():
    content = b"First Name,Last Name,Connected On\n" + b"Ana,Lima,08 Feb 2023\n" * 5000
    message = refusal(zip_of("Connections.csv", content, lie_about_size=100), "linkedin")
    assert "CRC" not in message
    assert "damaged" in message and "Connections.csv" in message


def test_a_zip_bomb_is_refused_by_its_true_size():
    content = b"Name\n" + b"a" * (21 * 1024 * 1024)
    message = refusal(zip_of("contacts.csv", content, lie_about_size=5000), "csv")
    assert "damaged" in message or "20 MB" in message
    message = refusal(zip_of("contacts.csv", content), "csv")
    assert "20 MB" in message


def test_a_zip_with_too_many_members_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(1_200):
            archive.writestr(f"file{number}.txt", b"")
        archive.writestr("Connections.csv", b"First Name,Last Name,Connected On\nA,B,\n")
    message = refusal(buffer.getvalue(), "linkedin")
    assert "1,000 files" in message


def test_a_zip_inside_a_zip_is_refused():
    inner = zip_of("contacts.csv", b"Name\nAna\n")
    message = refusal(zip_of("contacts.csv", inner), "csv")
    assert "ZIP archive inside" in message


def test_a_vcard_nested_fifty_thousand_deep_is_refused_naming_the_limit():
    data = b"BEGIN:VCARD\r\n" * 50_000 + b"FN:Deep\r\n" + b"END:VCARD\r\n" * 50_000
    message = refusal(data, "vcard")
    assert "nested" in message and "10" in message


def test_a_card_with_too_many_properties_is_skipped_naming_the_limit():
    many = b"".join(b"EMAIL:person%d@example.org\r\n" % n for n in range(600))
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many\r\n" + many + b"END:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Few\r\nEND:VCARD\r\n"
    )
    parsed = parse_file(data, "vcard")
    assert [contact.name for contact in parsed.contacts] == ["Few"]
    assert "500 properties" in parsed.skipped[0].reason


def test_a_card_with_only_an_email_address_is_imported_under_it_and_flagged():
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nEMAIL;HOME:kim@example.org\r\nEND:VCARD\r\n"
    [contact] = parse_file(data, "vcard").contacts
    assert contact.name == "kim@example.org"
    assert contact.emails == ["kim@example.org"]
    assert "review" in contact.extra
    parsed = parse_file(data, "vcard")
    assert any("only an e-mail address" in note for note in parsed.notes)


def test_one_undecodable_quoted_printable_line_costs_only_that_line():
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"FN:Mar\xc3\xada Ruiz\r\n"
        b"EMAIL;INTERNET:maria@example.org\r\n"
        b"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=C3=28 broken\r\n"
        b"TITLE:Engineer\r\n"
        b"END:VCARD\r\n"
    )
    parsed = parse_file(data, "vcard")
    [contact] = parsed.contacts
    assert (contact.name, contact.emails, contact.title) == (
        "María Ruiz",
        ["maria@example.org"],
        "Engineer",
    )
    assert contact.notes == ""
    assert any("line 5" in note.lower() and "NOTE" in note for note in parsed.notes)
