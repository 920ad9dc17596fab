import zipfile

import pytest

from careerscout.occupations.release import (
    ReleaseError,
    hold_out,
    read_held_out,
    read_payload,
    read_release,
)

from .small_release import write_release


def test_a_release_folder_becomes_the_compact_form(tmp_path):
    payload = read_release(write_release(tmp_path / "db_99_1_text"))
    assert payload["version"] == "99.1"
    designers = payload["occupations"][0]
    assert designers["code"] == "15-1255.00"
    assert designers["job_zone"] == 4
    # Core tasks first, then by how many incumbents said the task is theirs.
    assert designers["tasks"] == [
        "Design interfaces.",
        "Conduct usability tests.",
        "Maintain websites.",
    ]
    assert designers["alternate_titles"] == ["UX Researcher (User Experience Researcher)"]
    assert designers["related"] == [
        "19-3022.00"
    ]  # a code the release does not describe is left out
    assert designers["technology_skills"] == [
        {"name": "Figma", "hot": True},
        {"name": "Adobe Dreamweaver", "hot": False},
    ]
    assert payload["job_zones"]["4"]["name"].startswith("Job Zone Four")


def test_its_zip_reads_the_same_even_with_a_folder_inside(tmp_path):
    folder = write_release(tmp_path / "db_99_1_text")
    archive = tmp_path / "db_99_1_text.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in folder.iterdir():
            zipped.write(file, f"db_99_1_text/{file.name}")
    assert read_release(archive) == read_release(folder)


def test_a_folder_that_is_not_a_release_is_refused_by_name(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(ReleaseError, match=r"Occupation Data\.txt"):
        read_release(tmp_path)
    with pytest.raises(ReleaseError, match="neither a folder nor a zip"):
        read_release(tmp_path / "notes.txt")


def test_holding_out_moves_a_fixed_share_of_reported_titles_out():
    payload = {
        "occupations": [
            {"code": "15-1255.00", "reported_titles": [f"Title {n}" for n in range(400)]}
        ]
    }
    taken = hold_out(payload)
    assert 60 < len(taken) < 140
    kept = payload["occupations"][0]["reported_titles"]
    assert len(kept) + len(taken) == 400
    assert not {title for _code, title in taken} & set(kept)


def test_the_shipped_copy_does_not_contain_the_held_out_titles():
    payload = read_payload()
    assert payload["version"] == "30.1"
    assert len(payload["occupations"]) > 1000
    held_out = read_held_out()
    assert len(held_out) > 1500
    reported = {
        (occupation["code"], title)
        for occupation in payload["occupations"]
        for title in occupation["reported_titles"]
    }
    assert not reported & set(held_out)
