"""Every route is private: a stranger gets 404 for another person's ids, and nobody gets in
without logging in. The walk covers every URL pattern, so a new unscoped route fails here.
Roles change none of it: an adviser reaches a student only through the advising pages, and
only as far as the student shares; a volunteer sees only the requests sent to them."""

import re

from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver

from careerscout.accounts.models import ApiToken, Cohort
from careerscout.advising.models import SharingGrant
from careerscout.careers.models import Career, TargetOrganization
from careerscout.conversations.models import Conversation
from careerscout.directory.models import DirectoryRequest
from careerscout.directory.tests.helpers import make_volunteer
from careerscout.imports.models import ImportBatch
from careerscout.insights.models import Contradiction, Criterion, Item, SkillRating
from careerscout.outreach.models import DraftTemplate
from careerscout.people.duplicates import merge_contacts
from careerscout.people.models import Organization
from careerscout.questions.models import Question
from careerscout.tests.factories import make_contact, make_user

# Routes anyone may see without logging in.
PUBLIC_ROUTES = {
    "setup",
    "signup",
    "login",
    "logout",
    "api:openapi-json",
    "api:openapi-view",
    "api:api-root",  # ninja's reverse-only marker; answers 404
    "calendar_feed",  # its secret address is the key
    "accept_invitation",  # likewise: the invitation link
    "directory:answer",  # the e-mailed one-click answer: its signed address is the key
    "about",  # what Career Scout is, and the O*NET attribution its licence asks for
}


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner_namespace = pattern.namespace or namespace
            if inner_namespace == "admin":
                continue  # staff-only, covered by Django's own admin checks
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner_namespace)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), pattern, name


def all_routes():
    return list(walk(get_resolver().url_patterns))


def fill(route: str, ids: dict[str, int]) -> str:
    """Turn ``people/<int:contact_id>/`` into ``/people/7/`` with the given ids."""

    def replace(match):
        kwarg = match.group(2)
        if kwarg not in ids:
            raise AssertionError(
                f"No test object for <{kwarg}> in route {route!r}: add one to "
                "IsolationTests.setUpTestData so the route is checked."
            )
        return str(ids[kwarg])

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", replace, route).lstrip("^").rstrip("$")


class IsolationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.charlie = make_user("charlie")
        cls.alice_token, _ = ApiToken.issue(cls.alice, "alice's script")
        cls.alice_contact = make_contact(cls.alice, "Maya Chen", tags=["design"])
        cls.alice_organization = Organization.objects.create(
            user=cls.alice, name="Globex", key="globex"
        )
        cls.alice_career = Career.objects.create(user=cls.alice, title="UX research")
        cls.alice_target = TargetOrganization.objects.create(
            user=cls.alice, career=cls.alice_career, organization=cls.alice_organization
        )
        cls.alice_conversation = Conversation.plan(cls.alice_contact, [cls.alice_career])
        cls.alice_template = DraftTemplate.objects.create(
            user=cls.alice, kind="request", name="Mine", subject="Hello", body="Hi {first_name}"
        )
        duplicate = make_contact(cls.alice, "Maya Chen", tags=["design"])
        cls.alice_merge = merge_contacts(cls.alice_contact, duplicate)
        cls.alice_batch = ImportBatch.objects.create(
            user=cls.alice, kind="csv", filename="contacts.csv", data=b"Name\nAna\n"
        )
        cls.alice_question = Question.objects.create(
            user=cls.alice, key="custom-1", topic="culture", text="What surprised you?", custom=True
        )
        cls.alice_criterion = Criterion.objects.create(user=cls.alice, name="Meaning")
        cls.alice_skill = SkillRating.objects.create(user=cls.alice, name="SQL", level=2)
        cls.alice_item = Item.objects.create(
            user=cls.alice, conversation=cls.alice_conversation, kind="action", text="Read"
        )
        other_item = Item.objects.create(user=cls.alice, kind="insight", text="Calm hours")
        cls.alice_contradiction = Contradiction.objects.create(
            user=cls.alice, first=cls.alice_item, second=other_item
        )
        # Alice volunteers with a hidden profile (a published one is for every student to see)
        # and, as a student, has asked Vera for a conversation.
        cls.alice_profile = make_volunteer("alice-volunteer", published=False)
        cls.vera = make_volunteer("vera")
        cls.alice_request = DirectoryRequest.objects.create(
            user=cls.alice, profile=cls.vera, message="Hi Vera"
        )
        cls.ids = {
            "profile_id": cls.alice_profile.pk,
            "request_id": cls.alice_request.pk,
            "action": "accept",
            "criterion_id": cls.alice_criterion.pk,
            "skill_id": cls.alice_skill.pk,
            "item_id": cls.alice_item.pk,
            "contradiction_id": cls.alice_contradiction.pk,
            "kind": "request",  # not an id: every kind of message
            "flag": "starred",  # not an id: which switch to flip
            "token": "not-alices-token",  # the calendar feed's secret
            "key": cls.alice_question.key,  # a question of her own
            "conversation_id": cls.alice_conversation.pk,
            "template_id": cls.alice_template.pk,
            "merge_id": cls.alice_merge.pk,
            "contact_id": cls.alice_contact.pk,
            "token_id": cls.alice_token.pk,
            "organization_id": cls.alice_organization.pk,
            "career_id": cls.alice_career.pk,
            "target_id": cls.alice_target.pk,
            "batch_id": cls.alice_batch.pk,
            "code": "00-0000.00",  # not an id: occupations are shared, and this one is unknown
            "username": "alice",  # a student's page for advisers
        }

    def walk_as(self, user, skip=lambda route, name: False) -> int:
        """Every route with Alice's ids, as `user`: each answers 404 (or 405), never her data."""
        self.client.force_login(user)
        checked = 0
        for route, _pattern, name in all_routes():
            if "<" not in route or skip(route, name):
                continue
            url = fill(route, self.ids)
            statuses = {
                method: getattr(self.client, method)(url).status_code
                for method in ("get", "post", "patch", "put", "delete")
            }
            assert set(statuses.values()) <= {404, 405}, f"{name} {url} answered {statuses}"
            assert 404 in statuses.values(), f"{name} {url} never answered 404: {statuses}"
            checked += 1
        return checked

    def test_every_route_with_ids_answers_404_to_another_user(self):
        checked = self.walk_as(self.charlie)
        assert checked >= 6
        for obj in [
            self.alice_contact,
            self.alice_token,
            self.alice_organization,
            self.alice_career,
            self.alice_target,
            self.alice_merge,
            self.alice_batch,
        ]:
            assert type(obj).objects.filter(pk=obj.pk).exists(), obj

    def test_an_adviser_alice_shares_nothing_with_reaches_nothing_of_hers(self):
        ada = make_user("ada", is_adviser=True)
        assert self.walk_as(ada) >= 6
        SharingGrant.objects.create(user=self.alice, adviser=ada, level="nothing")
        assert self.client.get("/api/advising/students/alice").status_code == 404
        assert self.client.get("/advising/students/alice/").status_code == 404

    def test_sharing_opens_the_advisers_view_of_alice_and_none_of_her_objects(self):
        """Even at "report", an adviser sees what the advising pages show, never the rows."""
        ada = make_user("ada", is_adviser=True)
        SharingGrant.objects.create(user=self.alice, adviser=ada, level="report")
        self.walk_as(ada, skip=lambda route, name: "username>" in route)
        assert self.client.get("/advising/students/alice/").status_code == 200

    def test_a_cohort_grant_reaches_only_the_cohorts_own_adviser(self):
        ada, ben = make_user("ada", is_adviser=True), make_user("ben", is_adviser=True)
        cohort = Cohort.objects.create(user=ada, name="MSc")
        cohort.members.add(self.alice)
        SharingGrant.objects.create(user=self.alice, cohort=cohort, level="summary")
        self.walk_as(ben)
        self.client.force_login(ada)
        assert self.client.get("/api/advising/students/alice").status_code == 200

    def test_a_volunteer_walks_into_nothing_of_alices_even_with_a_grant(self):
        """A grant to someone who is not an adviser opens nothing. Vera received Alice's
        directory request: those routes are hers to answer, and tested with the directory."""
        SharingGrant.objects.create(user=self.alice, adviser=self.vera.user, level="report")
        self.walk_as(self.vera.user, skip=lambda route, name: "request_id>" in route)
        for url in ["/advising/", "/api/advising/students", "/advising/students/alice/"]:
            assert self.client.get(url).status_code == 404, url

    def test_routes_with_two_ids_check_each_of_them(self):
        """Charlie's own career with Alice's contact (and the reverse) is still a 404."""
        charlie_career = Career.objects.create(user=self.charlie, title="Law")
        charlie_contact = make_contact(self.charlie, "Sam")
        self.client.force_login(self.charlie)
        mixed = [
            f"/careers/{charlie_career.pk}/ask/{self.alice_contact.pk}/",
            f"/careers/{self.alice_career.pk}/ask/{charlie_contact.pk}/",
            f"/careers/{charlie_career.pk}/targets/{self.alice_target.pk}/",
            f"/careers/{charlie_career.pk}/targets/{self.alice_target.pk}/remove/",
        ]
        for url in mixed:
            assert self.client.post(url).status_code == 404, url
        assert not charlie_career.contacts.exists()

    def test_every_private_route_sends_an_anonymous_visitor_to_log_in(self):
        for route, _pattern, name in all_routes():
            if name in PUBLIC_ROUTES or name == "home":
                continue
            url = fill(route, self.ids)
            response = self.client.get(url)
            if url.startswith("/api/"):
                assert response.status_code in {401, 405}, f"{name} {url}: {response.status_code}"
            else:
                assert response.status_code in {302, 405}, f"{name} {url}: {response.status_code}"
                if response.status_code == 302:
                    assert response["Location"].startswith("/login/"), f"{name} {url}"

    def test_the_draft_api_is_walked_and_hides_every_kind_of_alices_draft(self):
        assert "api/conversations/<conversation_id>/drafts/<kind>" in [
            route for route, _pattern, _name in all_routes()
        ]
        self.client.force_login(self.charlie)
        for kind in ["request", "follow_up", "thank_you", "keep_in_touch", "report_back",
                     "confirmation"]:  # fmt: skip
            url = f"/api/conversations/{self.alice_conversation.pk}/drafts/{kind}"
            response = self.client.get(url)
            assert response.status_code == 404, kind
            assert "Maya" not in response.content.decode()

    def test_a_volunteer_sees_nothing_of_students_but_the_requests_sent_to_them(self):
        vera = self.vera.user
        alice_elsewhere = DirectoryRequest.objects.create(
            user=self.alice, profile=make_volunteer("lee"), message="Hi Lee, from Alice"
        )
        self.client.force_login(vera)
        inbox = self.client.get("/directory/inbox/").content.decode()
        assert "Hi Vera" in inbox and "Hi Lee" not in inbox
        for url in [
            f"/directory/requests/{self.alice_request.pk}/",
            f"/people/{self.alice_contact.pk}/",
            f"/careers/{self.alice_career.pk}/",
        ]:
            assert self.client.get(url).status_code == 404, url
        assert self.client.post(f"/directory/inbox/{alice_elsewhere.pk}/accept/").status_code == 404
        alice_elsewhere.refresh_from_db()
        assert alice_elsewhere.status == "pending"

    def test_the_api_refuses_another_users_token_for_alices_contact(self):
        _token, plain = ApiToken.issue(self.charlie, "charlie's script")
        response = self.client.get(
            f"/api/contacts/{self.alice_contact.pk}", headers={"authorization": f"Bearer {plain}"}
        )
        assert response.status_code == 404
        assert "Maya" not in response.content.decode()
