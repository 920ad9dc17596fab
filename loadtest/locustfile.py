"""Career Scout's load test: students reading and changing their exploration (`make loadtest`).

Each task is one request, so the request rate is the task rate. Settings come from the
environment (scripts/loadtest sets them):

- CAREERSCOUT_CREDENTIALS: the JSON file `careerscout populate --credentials` wrote;
- LOADTEST_USER_RATE: requests per second per user, as an arrival rate that does not wait for
  slow answers: each user's requests are due at times of a Poisson process of that rate, and a
  user whose answer came after its next request was due sends that one at once; 0 means no
  think time at all;
- LOADTEST_MAX_REQUESTS: stop after this many requests, even before the time limit;
- LOADTEST_MIN_RPS, LOADTEST_P95_MS, LOADTEST_P99_MS: the run fails when any request failed,
  when the overall rate was lower, or when any request type's p95/p99 was higher;
- LOADTEST_SUMMARY: a file to write the number of requests made to.
"""

import itertools
import json
import logging
import os
import random
import time
from pathlib import Path

import gevent
from locust import FastHttpUser, events, task

CREDENTIALS = json.loads(Path(os.environ["CAREERSCOUT_CREDENTIALS"]).read_text())
STUDENTS = itertools.cycle(CREDENTIALS["student"])
ADVISERS = itertools.cycle(CREDENTIALS.get("adviser") or [{}])
USER_RATE = float(os.environ.get("LOADTEST_USER_RATE", "0"))
MAX_REQUESTS = int(os.environ.get("LOADTEST_MAX_REQUESTS", "0"))
SEARCHES = ("garcia", "design", "london", "müller", "policy", "research")
CAREERS = ("UX research", "Product management", "Climate policy", "Data science")


class Account(FastHttpUser):
    """Signed in on the site (a session cookie) and on the API (a token) at once."""

    abstract = True
    accounts: itertools.cycle

    def wait_time(self) -> float:
        """Seconds until this user's next request is due.

        Not Locust's constant_throughput: it paces every user from the moment it was started,
        and all users start within one second, so their requests came together: a hundred
        within 0.25 s, then nothing for 2.25 s. Here each user keeps its own random schedule.
        """
        if not USER_RATE:
            return 0.0
        self.next_request_due += random.expovariate(USER_RATE)
        return max(0.0, self.next_request_due - time.monotonic())

    def on_start(self) -> None:
        if USER_RATE:
            self.next_request_due = time.monotonic() + random.expovariate(USER_RATE)
            gevent.sleep(self.next_request_due - time.monotonic())
        account = next(self.accounts)
        self.contacts: list[int] = account["contacts"]
        self.careers: list[int] = account["careers"]
        self.conversations: list[int] = account["conversations"]
        self.students: list[str] = account["students"]
        self.api = {"Authorization": f"Bearer {account['token']}"}
        self.page = {"Cookie": f"sessionid={account['session']}"}

    def api_get(self, path: str, name: str) -> None:
        self.client.get(path, headers=self.api, name=f"API {name}")

    def page_get(self, path: str, name: str) -> None:
        self.client.get(path, headers=self.page, name=f"page {name}")


class Adviser(Account):
    """One of 20 advisers, each with the 10 students who share with them."""

    weight = 1
    accounts = ADVISERS

    @task(3)
    def caseload(self) -> None:
        self.page_get("/advising/", "caseload")

    @task(2)
    def api_students(self) -> None:
        self.api_get("/api/advising/students", "advising: students")

    @task(2)
    def api_student(self) -> None:
        self.api_get(
            f"/api/advising/students/{random.choice(self.students)}", "advising: a student"
        )


class Student(Account):
    """A student with 1,500 people and a sample exploration."""

    weight = 9
    accounts = STUDENTS

    @task(2)
    def api_directory(self) -> None:
        self.api_get(f"/api/directory?career={random.choice(CAREERS)}", "directory search")

    @task(1)
    def directory(self) -> None:
        self.page_get(f"/directory/?career={random.choice(CAREERS)}", "directory search")

    # The API: reads
    @task(8)
    def api_people(self) -> None:
        self.api_get(f"/api/contacts?page={random.randint(1, 30)}", "people list")

    @task(3)
    def api_search(self) -> None:
        self.api_get(f"/api/contacts?q={random.choice(SEARCHES)}", "people search")

    @task(8)
    def api_person(self) -> None:
        self.api_get(f"/api/contacts/{random.choice(self.contacts)}", "a person")

    @task(3)
    def api_careers(self) -> None:
        self.api_get("/api/careers", "careers")

    @task(3)
    def api_who_to_ask(self) -> None:
        self.api_get(f"/api/careers/{random.choice(self.careers)}/who-to-ask", "who to ask")

    @task(4)
    def api_conversations(self) -> None:
        self.api_get("/api/conversations", "conversations")

    # The API: writes
    @task(4)
    def api_edit_person(self) -> None:
        self.client.patch(
            f"/api/contacts/{random.choice(self.contacts)}",
            json={"how_we_know": f"Met at the careers fair, stand {random.randint(1, 80)}."},
            headers=self.api,
            name="API edit a person",
        )

    @task(2)
    def api_add_person(self) -> None:
        self.client.post(
            "/api/contacts",
            json={"name": f"Load Test Person {random.randint(1, 10**9)}", "tags": ["fair"]},
            headers=self.api,
            name="API add a person",
        )

    # The pages
    @task(4)
    def today(self) -> None:
        self.page_get("/", "Today")

    @task(4)
    def people(self) -> None:
        self.page_get(f"/people/?page={random.randint(1, 30)}", "people list")

    @task(4)
    def person(self) -> None:
        self.page_get(f"/people/{random.choice(self.contacts)}/", "a person")

    @task(2)
    def who_to_ask(self) -> None:
        self.page_get(f"/careers/{random.choice(self.careers)}/who-to-ask/", "who to ask")

    @task(2)
    def conversations(self) -> None:
        self.page_get("/conversations/", "conversations")

    @task(2)
    def conversation(self) -> None:
        self.page_get(f"/conversations/{random.choice(self.conversations)}/", "a conversation")


@events.init.add_listener
def stop_at_request_limit(environment, **_kwargs) -> None:
    if not MAX_REQUESTS:
        return
    stopping = []

    def count(**_request) -> None:
        if not stopping and environment.stats.total.num_requests >= MAX_REQUESTS:
            stopping.append(True)
            logging.info("Reached %s requests: stopping.", MAX_REQUESTS)
            environment.runner.quit()

    environment.events.request.add_listener(count)


@events.quitting.add_listener
def check_targets(environment, **_kwargs) -> None:
    """Fail the run (exit code 1) when it missed a target; say which."""
    stats = environment.stats
    problems = []
    if stats.total.num_failures:
        problems.append(f"{stats.total.num_failures} requests failed")
    minimum_rate = float(os.environ.get("LOADTEST_MIN_RPS", "0"))
    if minimum_rate and stats.total.total_rps < minimum_rate:
        problems.append(f"{stats.total.total_rps:.1f} requests/s, under {minimum_rate:g}")
    for share, variable in ((0.95, "LOADTEST_P95_MS"), (0.99, "LOADTEST_P99_MS")):
        limit = float(os.environ.get(variable, "0"))
        for entry in stats.entries.values() if limit else ():
            measured = entry.get_response_time_percentile(share)
            if measured > limit:
                problems.append(f"{entry.name}: p{share * 100:g} {measured:.0f} ms > {limit:g} ms")
    for problem in problems:
        logging.error("Target missed: %s", problem)
    if summary := os.environ.get("LOADTEST_SUMMARY"):
        Path(summary).write_text(str(stats.total.num_requests))
    if problems:
        environment.process_exit_code = 1
