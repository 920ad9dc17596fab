"""Sharing that the student controls: what an adviser sees at each level, the audit log the
student reads, and withdrawing that takes effect on the next request."""

import json

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from careerscout.accounts.models import Cohort
from careerscout.advising.models import AuditEntry, SharingGrant
from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.insights.models import Criterion, Item, Rating
from careerscout.people.changes import edit_person
from careerscout.people.models import Contact
from careerscout.tests.factories import make_contact, make_user

CONTACT_NAME = "Maya Okonkwo"
CONTACT_EMAIL = "maya@bank.example"
NOTE = "She said the pay is secretly terrible"
PRIVATE = [CONTACT_NAME, "Maya", CONTACT_EMAIL, NOTE, "Big Bank"]


def give_student_an_exploration(student):
    ux = Career.objects.create(user=student, title="UX research", notes=NOTE)
    meaning = Criterion.objects.create(user=student, name="Meaning", weight=4)
    Rating.objects.create(user=student, career=ux, criterion=meaning, value=4)
    contact = make_contact(
        student, CONTACT_NAME, title="UX Researcher", organization="Big Bank",
        emails=[CONTACT_EMAIL], notes=NOTE,
    )  # fmt: skip
    conversation = Conversation.plan(contact, [ux], notes=NOTE)
    conversation.move_to("scheduled")
    conversation.move_to("held")
    Item.objects.create(
        user=student, conversation=conversation, contact=contact, kind="insight",
        text="Research is mostly evaluative", topic="day_to_day",
    )  # fmt: skip
    Item.objects.create(
        user=student, conversation=conversation, contact=contact, kind="action",
        text="Read Just Enough Research",
    )  # fmt: skip
    return ux


class SharingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.adviser = make_user("ada", name="Ada Lovelace", is_adviser=True)
        cls.student = make_user("sam", name="Sam Student")
        give_student_an_exploration(cls.student)

    def share(self, level, adviser="ada"):
        self.client.force_login(self.student)
        response = self.client.put(
            "/api/sharing", {"adviser": adviser, "level": level}, content_type="application/json"
        )
        self.client.logout()
        return response

    def adviser_gets(self, url):
        self.client.force_login(self.adviser)
        response = self.client.get(url)
        self.client.logout()
        return response

    def assert_nothing_private_in(self, text: str):
        for private in PRIVATE:
            assert private not in text, private

    def test_nothing_is_shared_by_default(self):
        assert self.adviser_gets("/api/advising/students").json() == []
        assert self.adviser_gets("/api/advising/students/sam").status_code == 404
        assert self.adviser_gets("/advising/students/sam/").status_code == 404
        assert not AuditEntry.objects.exists()

    def test_progress_is_counts_only(self):
        assert self.share("progress").status_code == 200
        [row] = self.adviser_gets("/api/advising/students").json()
        assert row["username"] == "sam" and row["level"] == "progress"
        assert row["stage"] == "deciding"
        detail = self.adviser_gets("/api/advising/students/sam").json()
        assert detail["progress"]["careers"] == 1
        assert detail["progress"]["held"] == 1
        assert detail["summary"] is None and detail["report"] is None
        self.assert_nothing_private_in(json.dumps(detail))
        assert "UX research" not in json.dumps(detail), "career titles are for summary and up"

    def test_summary_shows_careers_ratings_and_plan_with_people_described_not_named(self):
        self.share("summary")
        detail = self.adviser_gets("/api/advising/students/sam").json()
        [career] = detail["summary"]["careers"]
        assert career["title"] == "UX research"
        assert career["ratings"] == [{"criterion": "Meaning", "weight": 4.0, "rating": 4}]
        assert {"topic": "Day-to-day work", "level": "thin", "sources": 1} in career["coverage"]
        [action] = detail["summary"]["actions"]
        assert action["text"] == "Read Just Enough Research"
        assert action["person"] == "a UX Researcher at a bank"
        assert detail["report"] is None
        self.assert_nothing_private_in(json.dumps(detail))
        page = self.adviser_gets("/advising/students/sam/").content.decode()
        assert "a UX Researcher at a bank" in page
        self.assert_nothing_private_in(page)

    def test_report_is_the_students_report_with_people_described(self):
        self.share("report")
        detail = self.adviser_gets("/api/advising/students/sam").json()
        assert "Research is mostly evaluative (a UX Researcher at a bank)" in detail["report"]
        self.assert_nothing_private_in(json.dumps(detail))
        page = self.adviser_gets("/advising/students/sam/").content.decode()
        assert "Research is mostly evaluative" in page
        self.assert_nothing_private_in(page)

    def test_the_kind_the_student_chose_describes_where_people_work_never_its_name(self):
        self.share("summary")
        maya = Contact.objects.get(name=CONTACT_NAME)
        edit_person(maya, {"organization": "Globex"})
        assert self.adviser_person() == "a UX Researcher", "the name Globex settles nothing"
        maya.org.set_kind("university")
        assert self.adviser_person() == "a UX Researcher at a university"
        edit_person(maya, {"organization": "Big Bank"})
        assert self.adviser_person() == "a UX Researcher at a bank", "as the name says"
        maya.refresh_from_db()
        maya.org.set_kind("none")
        assert self.adviser_person() == "a UX Researcher", "the student said to say nothing"
        page = self.adviser_gets("/advising/students/sam/").content.decode()
        for private in ["Globex", *PRIVATE]:
            assert private not in page

    def adviser_person(self) -> str:
        [action] = self.adviser_gets("/api/advising/students/sam").json()["summary"]["actions"]
        return action["person"]

    def test_describing_more_people_costs_no_more_queries(self):
        self.share("summary")
        self.client.force_login(self.adviser)
        self.client.get("/advising/students/sam/")  # warms caches that are not per-look
        counts = []
        for extra in (0, 4):
            for n in range(extra):
                contact = make_contact(self.student, f"P{n}", title="Nurse")
                edit_person(contact, {"organization": f"St Elsewhere {n} Hospital"})
                Item.objects.create(user=self.student, contact=contact, kind="action", text="Go")
            with CaptureQueriesContext(connection) as page:
                html = self.client.get("/advising/students/sam/").content.decode()
            with CaptureQueriesContext(connection) as api:
                self.client.get("/api/advising/students/sam")
            counts.append((len(page), len(api)))
        assert "a Nurse at a hospital" in html and "Elsewhere" not in html
        assert counts[0] == counts[1]

    def test_every_look_is_in_the_students_audit_log_with_the_advisers_name(self):
        self.share("summary")
        self.adviser_gets("/api/advising/students/sam")
        self.client.force_login(self.student)
        [entry] = self.client.get("/api/sharing/audit").json()
        assert entry["adviser"] == "Ada Lovelace"
        assert entry["what"] == "summary"
        page = self.client.get("/settings/sharing/").content.decode()
        assert "Ada Lovelace looked at your summary on" in page

    def test_the_audit_log_comes_in_pages_of_twenty_newest_first(self):
        self.share("progress")
        for _ in range(45):
            self.adviser_gets("/api/advising/students/sam")
        self.client.force_login(self.student)
        first = self.client.get("/settings/sharing/").content.decode()
        assert first.count("Ada Lovelace looked at") == 20
        assert "Page 1 of 3" in first and 'rel="next"' in first
        last = self.client.get("/settings/sharing/?page=3").content.decode()
        assert last.count("Ada Lovelace looked at") == 5 and 'rel="next"' not in last
        assert len(self.client.get("/api/sharing/audit").json()) == 45

    def test_withdrawing_takes_effect_on_the_next_request(self):
        self.share("report")
        assert self.adviser_gets("/api/advising/students/sam").status_code == 200
        self.share("nothing")
        assert self.adviser_gets("/api/advising/students/sam").status_code == 404
        assert self.adviser_gets("/advising/students/sam/").status_code == 404
        assert self.adviser_gets("/api/advising/students").json() == []

    def test_the_student_lists_their_grants(self):
        self.share("summary")
        self.client.force_login(self.student)
        [grant] = self.client.get("/api/sharing").json()
        assert grant["adviser"] == "ada" and grant["level"] == "summary"

    def test_bad_choices_name_the_field(self):
        response = self.share("everything")
        assert response.status_code == 422 and "level" in response.json()["detail"]
        response = self.share("summary", adviser="sam")
        assert response.status_code == 422 and "adviser" in response.json()["detail"]
        make_user("notadviser")
        assert self.share("summary", adviser="notadviser").status_code == 422
        assert not SharingGrant.objects.exists()

    def test_a_cohort_grant_reaches_the_cohorts_adviser_while_the_student_is_a_member(self):
        cohort = Cohort.objects.create(user=self.adviser, name="MSc")
        cohort.members.add(self.student)
        self.client.force_login(self.student)
        response = self.client.post("/settings/sharing/", {"cohort": cohort.pk, "level": "summary"})
        assert response.status_code == 302
        assert self.adviser_gets("/api/advising/students/sam").json()["level"] == "summary"
        self.share("progress")  # a choice for the adviser comes first
        assert self.adviser_gets("/api/advising/students/sam").json()["level"] == "progress"
        SharingGrant.objects.filter(adviser=self.adviser).delete()
        cohort.members.remove(self.student)
        assert self.adviser_gets("/api/advising/students/sam").status_code == 404

    def test_the_caseload_and_the_student_page_read_the_same_level(self):
        msc, mba = (Cohort.objects.create(user=self.adviser, name=name) for name in ["MSc", "MBA"])
        theirs = Cohort.objects.create(user=make_user("bo", is_adviser=True), name="PhD")
        for cohort, level in [(msc, "progress"), (mba, "report"), (theirs, "summary")]:
            cohort.members.add(self.student)
            SharingGrant.objects.create(user=self.student, cohort=cohort, level=level)

        def levels():
            listed = [row["level"] for row in self.adviser_gets("/api/advising/students").json()]
            looked = self.adviser_gets("/api/advising/students/sam")
            return listed, looked.json()["level"] if looked.status_code == 200 else None

        assert levels() == (["report"], "report")  # the highest of the adviser's cohorts
        self.share("nothing")  # a choice for the adviser comes first, "nothing" too
        assert levels() == ([], None)

    def test_the_sharing_page_lists_the_students_advisers_and_saves_a_choice(self):
        cohort = Cohort.objects.create(user=self.adviser, name="MSc")
        cohort.members.add(self.student)
        self.client.force_login(self.student)
        page = self.client.get("/settings/sharing/").content.decode()
        assert "Ada Lovelace" in page and "MSc" in page
        response = self.client.post("/settings/sharing/", {"adviser": "ada", "level": "report"})
        assert response.status_code == 302
        assert SharingGrant.objects.get(adviser=self.adviser).level == "report"
        response = self.client.post("/settings/sharing/", {"adviser": "ada", "level": "all"})
        assert response.status_code == 422

    def test_someone_who_is_not_an_adviser_sees_no_students(self):
        self.share("report")
        self.adviser.is_adviser = False
        self.adviser.save()
        refused = self.adviser_gets("/api/advising/students")
        assert (refused.status_code, refused.json()) == (
            404,
            {"detail": "Only advisers have students."},
        )
        assert self.adviser_gets("/api/advising/students/sam").status_code == 404
        assert self.adviser_gets("/advising/").status_code == 404


class MarkupTests(TestCase):
    """Names, titles and texts are typed by people: advisers' pages show them as text."""

    def test_the_adviser_pages_and_the_sharing_page_escape_what_people_typed(self):
        from careerscout.tests.test_payload_walk import PAYLOAD, assert_escaped

        adviser = make_user("ada", name=PAYLOAD, is_adviser=True)
        student = make_user("sam", name=PAYLOAD)
        Cohort.objects.create(user=adviser, name=PAYLOAD[:100]).members.add(student)
        career = give_student_an_exploration(student)
        career.title = PAYLOAD
        career.save()
        Item.objects.filter(user=student).update(text=PAYLOAD)
        student.sharing_grants.create(adviser=adviser, level="report")
        self.client.force_login(adviser)
        for url in ["/advising/", "/advising/students/sam/"]:
            response = self.client.get(url)
            assert response.status_code == 200, url
            assert_escaped(response.content.decode(), url)
        self.client.force_login(student)
        assert_escaped(self.client.get("/settings/sharing/").content.decode(), "sharing")
