"""How long an adviser's caseload page takes with 300 sharing students (target: median
≤ 150 ms). The students, their careers and conversations are made in bulk on the configured
database under throwaway names, and deleted afterwards."""

import random
import statistics
import time
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from careerscout.accounts.models import Cohort, User
from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.people.models import Contact

from .models import AuditEntry, SharingGrant

PREFIX = "careerscout-bench-caseload"
TARGET_MS = 150.0
TITLES = ["UX research", "Product management", "Data science", "Teaching", "Law", "Nursing"]
STAGES = ["planned", "requested", "scheduled", "held", "thanked"]


def _populate(students: int, per_student: int) -> User:
    rng = random.Random(13)
    now = timezone.now()
    adviser = User(username=f"{PREFIX}-adviser", name="Bench Adviser", is_adviser=True)
    adviser.set_unusable_password()
    adviser.save()
    people = [
        User(username=f"{PREFIX}-{n}", name=f"Student {n}", password="!") for n in range(students)
    ]
    people = User.objects.bulk_create(people)
    cohorts = [Cohort.objects.create(user=adviser, name=f"Cohort {n}") for n in range(3)]
    Cohort.members.through.objects.bulk_create(
        Cohort.members.through(cohort=cohorts[n % 3], user=user) for n, user in enumerate(people)
    )
    levels = ["progress", "summary", "report"]
    SharingGrant.objects.bulk_create(
        SharingGrant(user=user, adviser=adviser, level=levels[n % 3])
        for n, user in enumerate(people)
    )
    Career.objects.bulk_create(
        Career(user=user, title=title) for user in people for title in rng.sample(TITLES, 3)
    )
    contacts = Contact.objects.bulk_create(
        Contact(user=user, name=f"Person {n}", source=rng.choice(["linkedin", "alumni", "friend"]))
        for user in people
        for n in range(per_student)
    )
    conversations = []
    for contact in contacts:
        stage = rng.choice(STAGES)
        at = now - timedelta(days=rng.randint(1, 30))
        reached = STAGES.index(stage)
        conversations.append(
            Conversation(
                user_id=contact.user_id,
                contact=contact,
                status=stage,
                requested_at=at if reached >= 1 else None,
                replied_at=at + timedelta(days=1) if reached >= 2 else None,
                held_at=at + timedelta(days=3) if reached >= 3 else None,
                thanked_at=at + timedelta(days=4) if reached >= 4 else None,
            )
        )
    Conversation.objects.bulk_create(conversations)
    return adviser


def bench_caseload(students: int = 300, per_student: int = 10, requests: int = 15) -> dict:
    leftovers = User.objects.filter(username__startswith=PREFIX)
    if leftovers.exclude(password__startswith="!").exists():
        raise ValueError(f"An account named “{PREFIX}…” has a password: it is not a benchmark's.")
    leftovers.delete()  # from a run that was interrupted
    with transaction.atomic():
        adviser = _populate(students, per_student)
    try:
        with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
            client = Client()
            client.force_login(adviser)
            client.get("/advising/", secure=True)  # warm-up
            timings, cpu = [], []
            for _ in range(requests):
                started, started_cpu = time.perf_counter(), time.thread_time()
                response = client.get("/advising/", secure=True)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.thread_time() - started_cpu) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"/advising/ answered {response.status_code}.")
            with CaptureQueriesContext(connection) as captured:
                client.get("/advising/", secure=True)
    finally:
        AuditEntry.objects.filter(adviser=adviser).delete()
        User.objects.filter(username__startswith=PREFIX).delete()
    return {
        "students": students,
        "median_ms": round(statistics.median(timings), 1),
        # This thread's CPU (SQLite included): hardly moved by other programs on the machine.
        "cpu_median_ms": round(statistics.median(cpu), 1),
        "queries": len(captured.captured_queries),
    }
