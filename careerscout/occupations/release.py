"""Reading an O*NET text release (a folder or its zip) into the compact form the app keeps.

The build script (`scripts/build-occupations`) writes this form, compressed, into the package;
`careerscout occupations load PATH` reads a newer official release the same way. Only the
fields the product shows or matches on are kept.
"""

import csv
import gzip
import io
import json
import re
import zipfile
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Any

SHIPPED = Path(__file__).parent / "data" / "onet.json.gz"
HELD_OUT = Path(__file__).parent / "data" / "onet-held-out.tsv.gz"
FORMAT = 1
# One reported title in four is kept out of the shipped copy, to measure matching honestly.
HELD_OUT_SHARE = 4
REQUIRED = ("Occupation Data.txt", "Alternate Titles.txt", "Task Statements.txt")
_VERSION = re.compile(r"O\*NET (\d+(?:\.\d+)*) Database")


class ReleaseError(ValueError):
    """The path is not an O*NET text release this reader understands."""


def read_release(path: Path) -> dict[str, Any]:
    """The compact payload (see `FORMAT`) from a release folder or zip."""
    files = _release_files(path)
    missing = [name for name in REQUIRED if name not in files]
    if missing:
        raise ReleaseError(
            f"{path} is not an O*NET text release: {', '.join(missing)} not found in it."
        )
    version_match = _VERSION.search(files.get("Read Me.txt", ""))
    occupations: dict[str, dict[str, Any]] = {}
    for row in _rows(files, "Occupation Data.txt"):
        occupations[row["O*NET-SOC Code"]] = {
            "code": row["O*NET-SOC Code"],
            "title": row["Title"],
            "description": row["Description"],
            "job_zone": None,
            "tasks": [],
            "alternate_titles": [],
            "reported_titles": [],
            "related": [],
            "technology_skills": [],
        }
    if not occupations:
        raise ReleaseError(f"{path}: “Occupation Data.txt” lists no occupations.")

    def each(name: str):
        for row in _rows(files, name):
            occupation = occupations.get(row["O*NET-SOC Code"])
            if occupation is not None:
                yield occupation, row

    for occupation, row in each("Job Zones.txt"):
        occupation["job_zone"] = int(row["Job Zone"])
    ranked_tasks: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for occupation, row in each("Task Statements.txt"):
        responding = row.get("Incumbents Responding", "n/a")
        ranked_tasks[occupation["code"]].append(
            (
                row.get("Task Type") != "Core",
                -(int(responding) if responding.isdigit() else 0),
                len(ranked_tasks[occupation["code"]]),
                row["Task"],
            )
        )
    for code, tasks in ranked_tasks.items():
        occupations[code]["tasks"] = [task[-1] for task in sorted(tasks)]
    for occupation, row in each("Alternate Titles.txt"):
        occupation["alternate_titles"].append(row["Alternate Title"])
    for occupation, row in each("Sample of Reported Titles.txt"):
        occupation["reported_titles"].append(row["Reported Job Title"])
    for occupation, row in each("Related Occupations.txt"):
        if row["Related O*NET-SOC Code"] in occupations:
            occupation["related"].append(row["Related O*NET-SOC Code"])
    for occupation, row in each("Technology Skills.txt"):
        skills = occupation["technology_skills"]
        if all(skill["name"] != row["Example"] for skill in skills):
            skills.append({"name": row["Example"], "hot": row.get("Hot Technology") == "Y"})
    return {
        "format": FORMAT,
        "version": version_match.group(1) if version_match else "",
        "job_zones": {
            row["Job Zone"]: {
                "name": row["Name"],
                "experience": row["Experience"],
                "education": row["Education"],
            }
            for row in _rows(files, "Job Zone Reference.txt")
        },
        "occupations": list(occupations.values()),
    }


def hold_out(payload: dict[str, Any]) -> list[tuple[str, str]]:
    """Take a fixed share of the reported titles out of the payload; (code, title) of those
    taken, for measuring accuracy on titles the shipped copy does not contain."""
    taken = []
    for occupation in payload["occupations"]:
        kept = []
        for title in occupation["reported_titles"]:
            if zlib.crc32(f"{occupation['code']}\t{title}".encode()) % HELD_OUT_SHARE == 0:
                taken.append((occupation["code"], title))
            else:
                kept.append(title)
        occupation["reported_titles"] = kept
    return taken


def write_payload(payload: dict[str, Any], path: Path) -> None:
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def read_payload(path: Path = SHIPPED) -> dict[str, Any]:
    payload = json.loads(gzip.decompress(path.read_bytes()))
    if payload.get("format") != FORMAT:
        raise ReleaseError(f"{path} is in an unknown format.")
    return payload


def read_held_out(path: Path = HELD_OUT) -> list[tuple[str, str]]:
    lines = gzip.decompress(path.read_bytes()).decode().splitlines()
    return [tuple(line.split("\t", 1)) for line in lines if "\t" in line]  # type: ignore[misc]


def _release_files(path: Path) -> dict[str, str]:
    """File name → text, for the release's top-level .txt files (a zip may hold a folder)."""
    if path.is_dir():
        return {
            file.name: file.read_text(encoding="utf-8-sig")
            for file in path.iterdir()
            if file.suffix == ".txt"
        }
    if path.is_file() and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return {
                Path(name).name: archive.read(name).decode("utf-8-sig")
                for name in archive.namelist()
                if name.endswith(".txt") and not Path(name).name.startswith(".")
            }
    raise ReleaseError(f"{path} is neither a folder nor a zip file.")


def _rows(files: dict[str, str], name: str):
    text = files.get(name, "")
    return csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)


def build(source: Path) -> None:
    """Write the shipped copy and the held-out titles from an official text release."""
    payload = read_release(source)
    taken = hold_out(payload)
    write_payload(payload, SHIPPED)
    lines = "".join(f"{code}\t{title}\n" for code, title in taken)
    HELD_OUT.write_bytes(gzip.compress(lines.encode(), compresslevel=9, mtime=0))
    print(
        f"O*NET {payload['version']}: {len(payload['occupations'])} occupations, "
        f"{SHIPPED.stat().st_size // 1024} KB; {len(taken)} reported titles held out."
    )


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 2:
        sys.exit("usage: scripts/build-occupations PATH-TO-ONET-TEXT-RELEASE (folder or zip)")
    build(Path(sys.argv[1]))
