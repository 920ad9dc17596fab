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

from .committing import commit_import
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
FIRST = ["Maya", "José", "Priya", "Wei", "Анна", "Zoë", "Kwame", "Aiyana", "Lars", "Fatima",
         "Hiroshi", "Ngozi", "Élodie", "Tomás", "Sam", "李", "محمد", "Olivia", "Noah", "Emma"]
LAST = ["Chen", "Núñez", "Kumar", "Zhang", "Петрова", "O'Brien", "Mensah", "Redcloud", "Øster",
        "Haddad", "Tanaka", "Okafor", "Lefèvre", "Herrera", "Taylor", "小龙", "العلي", "Smith"]
COMPANIES = ["Globex Corporation", "Contoso, Ltd.", "Initech", "Umbrella Health", "Fabrikam",
             "Northwind Traders", "Siemens AG", "Tencent", "Greenleaf 🌿 Co-op", "Acme"]
TITLES = ["UX Researcher", "Product Manager", "Software Engineer", "Data Scientist",
          "Director, Research & Insights", "Nurse Practitioner", "Accountant", "Designer"]


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
        writer.writerow([
            first, last, f"https://www.linkedin.com/in/person-{number}", email,
            rng.choice(COMPANIES), rng.choice(TITLES), connected.strftime("%d %b %Y"),
        ])
    return buffer.getvalue().encode()


def throwaway_user() -> User:
    User.objects.filter(username=BENCH_USERNAME).delete()
    user = User(username=BENCH_USERNAME, name="Benchmark account (throwaway)")
    user.set_unusable_password()
    user.save()
    return user


def import_once(data: bytes) -> tuple[float, dict]:
    user = throwaway_user()
    started = time.perf_counter()
    plan = plan_import(user, parse_file(data, "linkedin"))
    result = commit_import(user, plan)
    seconds = time.perf_counter() - started
    return seconds, {"user": user, "result": result}


def bench_linkedin_import(rows: int = 30000) -> dict:
    data = linkedin_export(rows)
    try:
        seconds, first = import_once(data)
        user = first["user"]
        started = time.perf_counter()
        again = commit_import(user, plan_import(user, parse_file(data, "linkedin")))
        reimport_seconds = time.perf_counter() - started
        tracemalloc.start()
        import_once(data)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        with transaction.atomic():
            User.objects.filter(username=BENCH_USERNAME).delete()
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_rss_mb = peak_rss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return {
        "rows": rows,
        "file_mb": round(len(data) / 1024 / 1024, 2),
        "added": first["result"].added,
        "seconds": round(seconds, 2),
        "reimport_seconds": round(reimport_seconds, 2),
        "reimport_unchanged": again.unchanged,
        "traced_peak_mb": round(traced_peak / 1024 / 1024, 1),
        "peak_rss_mb": round(peak_rss_mb, 1),
        "within_target": seconds <= TARGET_SECONDS and peak_rss_mb <= TARGET_MB,
    }
