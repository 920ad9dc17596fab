"""How long a large LinkedIn import takes, and how much memory it needs.

The target: 30,000 connections in at most 5 seconds and 300 MB. The import runs on the
configured database into a throwaway account that is deleted afterwards. Time is measured
without tracemalloc (which slows Python down); a second, traced import into a fresh account
measures the memory the import itself allocates. ``peak_rss_mb`` is the whole process's
high-water mark, Django included.
"""

import csv
import io
import random
import resource
import sys
import time
import tracemalloc
from datetime import date, timedelta

from django.db import transaction

from careerscout.accounts.models import User
from careerscout.people.models import Contact

from .committing import ImportResult, commit_import
from .parsers import parse_file
from .planning import plan_import

BENCH_USERNAME = "careerscout-bench-import"
TARGET_SECONDS = 5.0
TARGET_MB = 300.0
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n\n'
)
FIRST = [
    "Maya",
    "José",
    "Priya",
    "Wei",
    "Анна",
    "Zoë",
    "Kwame",
    "Aiyana",
    "Lars",
    "Fatima",
    "Hiroshi",
    "Ngozi",
    "Élodie",
    "Tomás",
    "Sam",
    "李",
    "محمد",
    "Olivia",
    "Noah",
    "Emma",
]
LAST = [
    "Chen",
    "Núñez",
    "Kumar",
    "Zhang",
    "Петрова",
    "O'Brien",
    "Mensah",
    "Redcloud",
    "Øster",
    "Haddad",
    "Tanaka",
    "Okafor",
    "Lefèvre",
    "Herrera",
    "Taylor",
    "小龙",
    "العلي",
    "Smith",
]
COMPANIES = [
    "Globex Corporation",
    "Contoso, Ltd.",
    "Initech",
    "Umbrella Health",
    "Fabrikam",
    "Northwind Traders",
    "Siemens AG",
    "Tencent",
    "Greenleaf 🌿 Co-op",
    "Acme",
]
TITLES = [
    "UX Researcher",
    "Product Manager",
    "Software Engineer",
    "Data Scientist",
    "Director, Research & Insights",
    "Nurse Practitioner",
    "Accountant",
    "Designer",
]


def linkedin_export(rows: int, seed: int = 2026) -> bytes:
    """A Connections.csv with ``rows`` distinct people, as LinkedIn writes it."""
    rng = random.Random(seed)
    buffer = io.StringIO()
    buffer.write(PREAMBLE)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    start = date(2012, 1, 1)
    for number in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"person{number}@example.com" if rng.random() < 0.1 else ""
        connected = start + timedelta(days=rng.randrange(5000))
        writer.writerow(
            [
                first,
                last,
                f"https://www.linkedin.com/in/person-{number}",
                email,
                rng.choice(COMPANIES),
                rng.choice(TITLES),
                connected.strftime("%d %b %Y"),
            ]
        )
    return buffer.getvalue().encode()


def drop_users(usernames: list[str]) -> None:
    """Delete the throwaway accounts a few thousand people at a time.

    Deleting an account of 30,000 people in one go gathers them all in memory first, which
    would raise the process's peak memory above what the import itself needs.
    """
    for user in User.objects.filter(username__in=usernames):
        contacts = Contact.objects.filter(user=user)
        while ids := list(contacts.values_list("id", flat=True)[:5000]):
            with transaction.atomic():
                Contact.objects.filter(pk__in=ids).delete()
        user.delete()


def throwaway_user(username: str) -> User:
    drop_users([username])
    user = User(username=username, name="Benchmark account (throwaway)")
    user.set_unusable_password()
    user.save()
    return user


def import_into(user: User, data: bytes) -> tuple[float, ImportResult]:
    started = time.perf_counter()
    result = commit_import(user, plan_import(user, parse_file(data, "linkedin")))
    return time.perf_counter() - started, result


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def bench_linkedin_import(rows: int = 30000) -> dict:
    """Import ``rows`` new connections, then the same file again (all unchanged)."""
    data = linkedin_export(rows)
    names = [BENCH_USERNAME, f"{BENCH_USERNAME}-traced"]
    try:
        user = throwaway_user(names[0])
        seconds, first = import_into(user, data)
        peak_mb = peak_rss_mb()  # before anything else can raise the high-water mark
        reimport_seconds, again = import_into(user, data)
        traced = throwaway_user(names[1])
        tracemalloc.start()
        import_into(traced, data)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        drop_users(names)
    return {
        "rows": rows,
        "file_mb": round(len(data) / 1024 / 1024, 2),
        "added": first.added,
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_mb, 1),
        "traced_peak_mb": round(traced_peak / 1024 / 1024, 1),
        "reimport_seconds": round(reimport_seconds, 2),
        "reimport_unchanged": again.unchanged,
        "within_target": seconds <= TARGET_SECONDS and peak_mb <= TARGET_MB,
    }
