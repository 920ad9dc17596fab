"""Limits hold when requests arrive at the same moment (PostgreSQL, where they truly run at
once; SQLite writes one transaction at a time anyway)."""

import threading

import pytest
from django.db import connection, connections

from careerscout.directory.models import DirectoryRequest
from careerscout.directory.requests import LimitReached, send_request

from .helpers import GOOD_MESSAGE, make_student, make_volunteer

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers"),
]


def send_together(pairs) -> list[str]:
    start = threading.Barrier(len(pairs))
    outcomes: list[str] = []

    def send(student, profile):
        try:
            start.wait()
            send_request(student, profile, GOOD_MESSAGE)
            outcomes.append("sent")
        except LimitReached:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=pair) for pair in pairs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_four_students_at_once_take_a_volunteers_last_place_only_once():
    maya = make_volunteer("maya", capacity_per_month=1)
    students = [make_student(f"s{n}") for n in range(4)]
    assert send_together([(student, maya) for student in students]) == ["refused"] * 3 + ["sent"]
    assert DirectoryRequest.objects.filter(profile=maya).count() == 1


def test_one_student_sending_three_at_once_keeps_two_open():
    sam = make_student("sam")
    volunteers = [make_volunteer(name) for name in ["maya", "lee", "ana"]]
    assert send_together([(sam, volunteer) for volunteer in volunteers]) == [
        "refused",
        "sent",
        "sent",
    ]
    assert DirectoryRequest.objects.for_user(sam).count() == 2
