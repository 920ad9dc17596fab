"""Server-side timings of the busiest pages on a large account (`careerscout bench`).

Requests go through Django's test client: the whole middleware stack, the views, the
templates and the configured database, without a network or a browser. The login page is
the baseline: an unauthenticated page with a small template and no queries, so
"x trivial" says how much the real pages cost over Django's own floor.
"""

import math
import os
import platform
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from urllib.parse import quote_plus

import django
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from careerscout.accounts.models import User
from careerscout.demo.people import add_demo_people
from careerscout.lib.titles import understand_title
from careerscout.occupations.matching import forget_index, title_index
from careerscout.occupations.release import read_held_out
from careerscout.people.models import Contact, title_fields

BENCH_NAME = "Benchmark account (throwaway)"
# García is common in the demo data, and "garcia" finds it only through accent folding.
COMMON_SURNAME = "garcia"
RARE_NAME = "haruto kobayashi"
COMMON_TAG = "alumni"
MEDIAN_TARGET_MS = 50.0
TRIVIAL_FACTOR_TARGET = 5.0
WARM_UP_REQUESTS = 3


@dataclass(frozen=True)
class Case:
    label: str
    path: str
    signed_in: bool = True
    baseline: bool = False


@dataclass(frozen=True)
class Result:
    label: str
    path: str
    median_ms: float
    p95_ms: float
    cpu_median_ms: float
    queries: int
    times_trivial: float
    within_target: bool | None  # None for the baseline itself


def bench_username(contacts: int) -> str:
    return f"careerscout-bench-{contacts}"


def bench_account(contacts: int, announce: Callable[[str], None] = print) -> User:
    """The throwaway account with `contacts` demo people, created on first use and kept."""
    username = bench_username(contacts)
    user = User.objects.filter(username=username).first()
    if user is not None:
        if user.name != BENCH_NAME or user.has_usable_password():
            raise ValueError(f"“{username}” is a real account, not a benchmark one; rename it.")
        return user
    announce(f"Creating {username} with {contacts:,} demo people (once; later runs reuse it)…")
    user = User(username=username, name=BENCH_NAME)
    user.set_unusable_password()  # nobody signs in to it; the benchmark uses force_login
    user.save()
    add_demo_people(user, contacts)
    return user


def cases_for(user: User) -> list[Case]:
    contacts = Contact.objects.for_user(user)
    total = contacts.count()
    last_page = max(1, math.ceil(total / 50))
    # A person with notes and tags: the detail page shows the most for them.
    person = contacts.exclude(notes="").filter(tags__isnull=False).order_by("id").first()
    person = person or contacts.order_by("id").first()
    cases = [
        Case("login page (trivial baseline)", "/login/", signed_in=False, baseline=True),
        Case("people, page 1", "/people/"),
        Case("people, last page", f"/people/?page={last_page}"),
        Case(f"people, search “{COMMON_SURNAME}”", f"/people/?q={COMMON_SURNAME}"),
        # A rare name is the slowest search: the whole list is read to find its few people.
        Case(f"people, search “{RARE_NAME}” (few match)", f"/people/?q={quote_plus(RARE_NAME)}"),
        Case(f"people, tag “{COMMON_TAG}”", f"/people/?tag={COMMON_TAG}"),
    ]
    if person is not None:
        cases.append(Case("person's page", f"/people/{person.pk}/"))
    return cases


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile: a value that was actually measured."""
    rank = max(1, math.ceil(share * len(sorted_values)))
    return sorted_values[rank - 1]


@dataclass(frozen=True)
class Timings:
    wall_ms: list[float]  # sorted
    # CPU time of the serving thread (SQLite included, as it runs in-process): unlike wall
    # time, it hardly changes when other programs keep the machine busy.
    cpu_ms: list[float]
    queries: int


def median(timings: Timings) -> float:
    return statistics.median(timings.wall_ms)


def time_requests(client: Client, path: str, requests: int) -> Timings:
    for _ in range(WARM_UP_REQUESTS):
        check_ok(client.get(path, secure=True), path)
    wall, cpu = [], []
    for _ in range(requests):
        started, started_cpu = time.perf_counter(), time.thread_time()
        response = client.get(path, secure=True)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        check_ok(response, path)
    # Counted on a separate request, so recording queries does not slow the timed ones.
    with CaptureQueriesContext(connection) as captured:
        client.get(path, secure=True)
    return Timings(sorted(wall), sorted(cpu), len(captured.captured_queries))


def check_ok(response, path: str) -> None:
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}, not 200.")


def run_benchmarks(user: User, requests: int = 30, rounds: int = 1) -> list[Result]:
    """Each page's figures come from its best round (lowest median): other programs only
    ever slow a round down, so the best one is closest to what the code itself costs."""
    # "testserver" is the test client's host name; a deployment's ALLOWED_HOSTS may lack it.
    with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        signed_in, anonymous = Client(), Client()
        signed_in.force_login(user)
        cases = cases_for(user)
        best: dict[Case, Timings] = {}
        for _round in range(rounds):
            for case in cases:
                client = signed_in if case.signed_in else anonymous
                timings = time_requests(client, case.path, requests)
                if case not in best or median(timings) < median(best[case]):
                    best[case] = timings
    measured = [(case, best[case]) for case in cases]
    baseline = next(median(timings) for case, timings in measured if case.baseline)
    results = []
    for case, timings in measured:
        wall = median(timings)
        within = wall <= MEDIAN_TARGET_MS and wall <= TRIVIAL_FACTOR_TARGET * baseline
        results.append(
            Result(
                label=case.label,
                path=case.path,
                median_ms=round(wall, 2),
                p95_ms=round(percentile(timings.wall_ms, 0.95), 2),
                cpu_median_ms=round(statistics.median(timings.cpu_ms), 2),
                queries=timings.queries,
                times_trivial=round(wall / baseline, 1),
                within_target=None if case.baseline else within,
            )
        )
    return results


def environment() -> dict[str, str]:
    return {
        "machine": f"{platform.machine()}, {cpu_name()}, {cpu_count()} CPUs",
        "system": platform.platform(terse=True),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": database_name(),
        "debug": str(settings.DEBUG),
        # The figures are wall-clock times: a busy machine makes them slower.
        "load average": " ".join(f"{load:.2f}" for load in os.getloadavg()),
    }


def database_name() -> str:
    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        version = connection.pg_version  # e.g. 170002 for 17.2
        return f"PostgreSQL {version // 10000}.{version % 10000}"
    return connection.vendor


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def cpu_count() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def results_as_dicts(results: list[Result]) -> list[dict]:
    return [asdict(result) for result in results]


def format_table(results: list[Result]) -> str:
    width = max(len(result.label) for result in results)
    lines = [
        f"{'page':<{width}}  {'median':>9}  {'p95':>9}  {'CPU median':>10}  {'queries':>7}  "
        f"{'x trivial':>9}  target",
    ]
    for result in results:
        verdict = {None: "baseline", True: "ok", False: "OVER"}[result.within_target]
        lines.append(
            f"{result.label:<{width}}  {result.median_ms:>6.1f} ms  {result.p95_ms:>6.1f} ms  "
            f"{result.cpu_median_ms:>7.1f} ms  {result.queries:>7}  {result.times_trivial:>9.1f}  "
            f"{verdict}"
        )
    return "\n".join(lines)


@dataclass(frozen=True)
class Computation:
    label: str
    median_ms: float
    target_ms: float
    detail: str = ""

    @property
    def within_target(self) -> bool:
        return self.median_ms <= self.target_ms


RANKING_TARGET_MS = 300.0
ROBUSTNESS_TARGET_MS = 200.0
IMPORT_TARGET_MS = 5000.0
IMPORT_MEMORY_TARGET_MB = 300.0


def time_ranking(user: User, runs: int = 7) -> Computation:
    """Who to ask about one career, over every person in the account."""
    from careerscout.careers.models import Career

    career, _created = Career.objects.get_or_create(
        user=user,
        title="UX research",
        defaults={"keywords": ["user researcher", "design research", "UXR"]},
    )
    career.who_to_ask(limit=20)  # warm-up
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        career.who_to_ask(limit=20)
        timings.append((time.perf_counter() - started) * 1000)
    people = Contact.objects.for_user(user).count()
    return Computation(
        f"who to ask, {people:,} people", round(statistics.median(timings), 1), RANKING_TARGET_MS
    )


def time_robustness() -> Computation:
    from careerscout.insights.decision import bench_robustness

    figures = bench_robustness()
    label = (
        f"robustness, {figures['careers']} careers × {figures['criteria']} criteria × "
        f"{figures['draws']:,} draws"
    )
    return Computation(label, figures["median_ms"], ROBUSTNESS_TARGET_MS)


def time_import(rows: int = 30_000) -> Computation:
    from careerscout.imports.bench import bench_linkedin_import

    figures = bench_linkedin_import(rows)
    detail = (
        f"peak memory {figures['peak_rss_mb']} MB (target ≤ {IMPORT_MEMORY_TARGET_MB:.0f} MB); "
        f"the same file again: {figures['reimport_seconds']} s, all unchanged"
    )
    return Computation(
        f"LinkedIn import, {rows:,} rows",
        round(figures["seconds"] * 1000, 0),
        IMPORT_TARGET_MS,
        detail,
    )


CASELOAD_TARGET_MS = 150.0


def time_caseload(students: int = 300) -> Computation:
    from careerscout.advising.bench import bench_caseload

    figures = bench_caseload(students)
    return Computation(
        f"adviser's caseload page, {students} sharing students",
        figures["median_ms"],
        CASELOAD_TARGET_MS,
        f"CPU {figures['cpu_median_ms']:.0f} ms, {figures['queries']} queries",
    )


MATCH_TARGET_MS = 5.0
NORMALISE_TARGET_MS = 1000.0
OCCUPATION_LOAD_TARGET_MS = 10_000.0


SENIORITY = ["", "", "Senior ", "Sr. ", "Lead ", "Principal ", "Junior ", "Head of "]


def time_normalising(rows: int = 30_000, distinct: int = 3_000, seed: int = 2026) -> float:
    """Seconds to understand `rows` imported titles, `distinct` of them different, as an
    import does for each new person (seniority, role, field, occupation); index built."""
    rng = random.Random(seed)
    held_out = [title for _code, title in read_held_out()]
    pool = [rng.choice(SENIORITY) + rng.choice(held_out) for _ in range(distinct)]
    titles = [rng.choice(pool) for _ in range(rows)]
    forget_index()
    title_index()
    understand_title.cache_clear()
    started = time.perf_counter()
    for title in titles:
        title_fields(title)
    return round(time.perf_counter() - started, 2)


def time_occupations() -> list[Computation]:
    """Matching a title, understanding an import's titles, loading the occupation tables."""
    from careerscout.occupations import bench as occupations

    load = occupations.time_load()
    return [
        Computation("match one title to occupations", occupations.time_matching(), MATCH_TARGET_MS),
        Computation(
            "understand 30,000 imported titles (3,000 different)",
            time_normalising() * 1000,
            NORMALISE_TARGET_MS,
        ),
        Computation(
            "load the occupation tables",
            (load["load_seconds"] + load["index_seconds"]) * 1000,
            OCCUPATION_LOAD_TARGET_MS,
            f"{load['load_seconds']} s into the tables, {load['index_seconds']} s to index "
            "the titles (once per process)",
        ),
    ]


def format_computations(computations: list[Computation]) -> str:
    width = max(len(item.label) for item in computations)
    lines = [f"{'computation':<{width}}  {'median':>10}  {'target':>10}  verdict"]
    for item in computations:
        verdict = "ok" if item.within_target else "OVER"
        lines.append(
            f"{item.label:<{width}}  {item.median_ms:>7.1f} ms  ≤ {item.target_ms:>5.0f} ms  "
            f"{verdict}{'  ' + item.detail if item.detail else ''}"
        )
    return "\n".join(lines)
