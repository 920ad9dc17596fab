"""The caseload: who shares, who is stuck, and cohort figures that never single anyone out."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from careerscout.accounts.models import Cohort
from careerscout.advising.caseload import caseload
from careerscout.advising.models import AuditEntry, SharingGrant
from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.people.models import Contact
from careerscout.tests.factories import make_contact, make_user

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def student(name: str, adviser, level: str = "progress", cohort: Cohort | None = None):
    user = make_user(name)
    Career.objects.create(user=user, title="UX research")
    Career.objects.create(user=user, title=f"{name}'s own idea")
    SharingGrant.objects.create(user=user, adviser=adviser, level=level)
    if cohort:
        cohort.members.add(user)
    return user


def request_sent(user, days_ago: int, source=Contact.Source.LINKEDIN, replied=False):
    conversation = Conversation.plan(make_contact(user, source=source), [])
    conversation.move_to("requested", at=NOW - timedelta(days=days_ago))
    if replied:
        conversation.record_reply(at=NOW - timedelta(days=days_ago - 1))
    return conversation


@pytest.fixture
def adviser():
    return make_user("ada", name="Ada", is_adviser=True)


def test_only_students_who_share_with_this_adviser_appear(adviser):
    sam = student("sam", adviser)
    student("nia", adviser, level="nothing")
    student("lou", make_user("other", is_adviser=True), level="report")
    rows = caseload(adviser, NOW).rows
    assert [row.student for row in rows] == [sam]
    assert rows[0].progress.careers == 2 and rows[0].progress.stage == "choosing people"


def test_stuck_signals_quiet_unanswered_and_thanks_overdue(adviser):
    sam = student("sam", adviser)
    request_sent(sam, days_ago=9)
    held = Conversation.plan(make_contact(sam), [])
    held.move_to("scheduled", at=NOW - timedelta(days=3))
    held.move_to("held", at=NOW - timedelta(days=3))
    [row] = caseload(adviser, NOW).rows
    assert row.signals == ["1 request without a reply", "1 overdue thank-you"]
    later = NOW + timedelta(days=15)
    assert "no activity in 14 days" in caseload(adviser, later).rows[0].signals


def test_the_quiet_signal_says_the_rules_length(adviser):
    student("sam", adviser)
    with mock.patch("careerscout.advising.sharing.QUIET_AFTER", timedelta(days=10)):
        signals = caseload(adviser, NOW + timedelta(days=11)).rows[0].signals
    assert "no activity in 10 days" in signals


def test_a_fresh_request_is_not_yet_a_signal(adviser):
    request_sent(student("sam", adviser), days_ago=2)
    assert caseload(adviser, NOW).rows[0].signals == []


def test_cohort_figures_are_hidden_below_five_sharing_students(adviser):
    cohort = Cohort.objects.create(user=adviser, name="MSc")
    for number in range(4):
        student(f"s{number}", adviser, cohort=cohort)
    cohort.members.add(make_user("silent"))  # in the cohort, shares nothing: never counted
    figures = {c.name: c for c in caseload(adviser, NOW).cohorts}
    assert figures["MSc"].counted == 4 and figures["MSc"].hidden
    assert figures["MSc"].funnel == [] and figures["MSc"].response_rates == []


def test_cohort_figures_over_five_sharing_students(adviser):
    cohort = Cohort.objects.create(user=adviser, name="MSc")
    students = [student(f"s{number}", adviser, cohort=cohort) for number in range(5)]
    request_sent(students[0], 3, replied=True)
    request_sent(students[1], 3)
    request_sent(students[2], 3, source=Contact.Source.ALUMNI, replied=True)
    figures = {c.name: c for c in caseload(adviser, NOW).cohorts}["MSc"]
    assert not figures.hidden and figures.counted == 5
    assert [(bar.label, bar.value) for bar in figures.funnel][:3] == [
        ("Planned", 3),
        ("Requested", 3),
        ("Replied", 2),
    ]
    rates = {rate.label: (rate.asked, rate.replied) for rate in figures.response_rates}
    assert rates["LinkedIn"] == (2, 1)
    assert figures.careers == 10
    assert figures.common_careers == [("UX research", 5)], "one student's own idea is not shown"


def test_looking_at_the_caseload_is_in_each_students_audit_log(adviser):
    sam = student("sam", adviser)
    caseload(adviser, NOW)
    entry = AuditEntry.objects.get(user=sam)
    assert entry.what == "caseload" and entry.adviser_name == "Ada"
    assert entry.at == NOW


def queries_for_caseload_page(client, adviser) -> int:
    client.force_login(adviser)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/advising/").status_code == 200
    return len(captured)


def test_the_page_and_the_api_use_a_constant_number_of_queries(
    client, adviser, django_assert_max_num_queries
):
    cohort = Cohort.objects.create(user=adviser, name="MSc")
    for number in range(6):
        request_sent(student(f"s{number}", adviser, cohort=cohort), 3)
    few = queries_for_caseload_page(client, adviser)
    for number in range(6, 30):
        request_sent(student(f"s{number}", adviser, cohort=cohort), 8, replied=True)
    with django_assert_max_num_queries(few):
        assert client.get("/advising/").status_code == 200
    with django_assert_max_num_queries(few):
        assert len(client.get("/api/advising/students").json()) == 30


def test_each_shown_cohort_has_its_directory_answer_rate_and_time(adviser):
    from careerscout.directory.models import DirectoryRequest
    from careerscout.directory.tests.helpers import make_volunteer

    cohort = Cohort.objects.create(user=adviser, name="MSc")
    students = [student(f"s{number}", adviser, cohort=cohort) for number in range(5)]
    vera = make_volunteer("vera")
    for user, status, hours in [(students[0], "accepted", 24), (students[1], "declined", 72),
                                (students[2], "expired", None)]:  # fmt: skip
        DirectoryRequest.objects.create(
            user=user, profile=vera, message="Hello", status=status, created_at=NOW,
            answered_at=NOW + timedelta(hours=hours) if hours else None,
        )  # fmt: skip
    figures = {c.name: c for c in caseload(adviser, NOW).cohorts}["MSc"]
    assert figures.directory_line == "3 requests sent, 67% answered, in 2 days (median)"


def test_an_adviser_adds_a_cohort_once_by_name(client, adviser):
    client.force_login(adviser)
    added = client.post("/advising/cohorts/", {"name": "MSc 2026"}, follow=True)
    assert "Cohort added. Choose it when you invite students" in added.content.decode()
    response = client.post("/advising/cohorts/", {"name": "MSc 2026"}, follow=True)
    assert "already have a cohort with that name" in response.content.decode()
    assert list(Cohort.objects.for_user(adviser).values_list("name", flat=True)) == ["MSc 2026"]
    client.force_login(make_user("sam"))
    assert client.post("/advising/cohorts/", {"name": "Mine"}).status_code == 404


def test_the_benchmark_never_deletes_a_real_account_that_shares_its_prefix():
    from careerscout.advising.bench import PREFIX, bench_caseload

    make_user(f"{PREFIX}-someone")
    with pytest.raises(ValueError, match="has a password"):
        bench_caseload(students=5)
    assert get_user_model().objects.filter(username=f"{PREFIX}-someone").exists()


def test_more_cohorts_cost_no_more_queries(client, adviser, django_assert_max_num_queries):
    first = Cohort.objects.create(user=adviser, name="MSc")
    for number in range(6):
        request_sent(student(f"s{number}", adviser, cohort=first), 3)
    one_cohort = queries_for_caseload_page(client, adviser)
    for name in ("BSc", "PhD", "Evening"):
        cohort = Cohort.objects.create(user=adviser, name=name)
        for number in range(6):
            request_sent(student(f"{name}{number}", adviser, cohort=cohort), 3)
    with django_assert_max_num_queries(one_cohort):
        assert client.get("/advising/").status_code == 200


def test_the_students_api_does_not_compute_cohort_figures_it_does_not_return(client, adviser):
    cohort = Cohort.objects.create(user=adviser, name="MSc")
    for number in range(6):
        request_sent(student(f"s{number}", adviser, cohort=cohort), 3)
    page = queries_for_caseload_page(client, adviser)
    with CaptureQueriesContext(connection) as api:
        assert len(client.get("/api/advising/students").json()) == 6
    assert len(api) < page


def test_the_page_draws_each_cohorts_funnel_and_reply_rates_with_their_own_names(client, adviser):
    for name in ("MSc", "BA"):
        cohort = Cohort.objects.create(user=adviser, name=name)
        for number in range(5):
            request_sent(student(f"{name}{number}", adviser, cohort=cohort), 3, replied=True)
    client.force_login(adviser)
    html = client.get("/advising/").content.decode()
    assert html.count('<div class="chart__drawing"><svg') == 2 * 3  # all students, MSc, BA
    for number in (1, 2, 3):
        assert f'id="cohort-funnel-{number}-title"' in html
        assert f'id="cohort-replies-{number}-title"' in html
    assert 'id="-title"' not in html
