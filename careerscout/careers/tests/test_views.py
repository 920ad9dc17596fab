import re

from django.test import TestCase

from careerscout.careers.models import Career, TargetOrganization
from careerscout.people.models import Organization
from careerscout.people.organizations import link_organization
from careerscout.tests.factories import make_contact, make_user


def make_person(user, name, **fields):
    contact = make_contact(user, name, **fields)
    link_organization(contact)
    return contact


class CareerPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.career = Career.objects.create(
            user=cls.alice, title="UX research", keywords=["user researcher"]
        )
        cls.maya = make_person(
            cls.alice,
            "Maya Chen",
            title="Sr. UX Researcher",
            organization="Globex",
            source="alumni",
        )
        cls.sam = make_person(cls.alice, "Sam Lee", title="Accountant", organization="Acme")

    def setUp(self):
        self.client.force_login(self.alice)

    def test_an_empty_career_list_suggests_what_to_add(self):
        self.client.force_login(make_user("newcomer"))
        html = self.client.get("/careers/").content.decode()
        assert "Which careers are you curious about?" in html

    def test_adding_a_career_with_keywords(self):
        response = self.client.post(
            "/careers/new/",
            {"title": "Climate policy", "status": "exploring", "keywords": "policy analyst, ESG"},
        )
        career = Career.objects.get(title="Climate policy")
        assert response["Location"] == career.get_absolute_url()
        assert career.keywords == ["policy analyst", "ESG"]

    def test_a_second_career_with_the_same_title_is_refused_with_a_reason(self):
        response = self.client.post(
            "/careers/new/", {"title": "ux research", "status": "exploring"}
        )
        assert response.status_code == 422
        assert "You are already exploring" in response.content.decode()

    def test_the_career_page_suggests_who_to_ask_with_reasons(self):
        html = self.client.get(self.career.get_absolute_url()).content.decode()
        assert html.index("Maya Chen") < html.index("Sam Lee")
        assert "Does this work: Sr. UX Researcher ≈ UX researcher" in html

    def test_each_score_has_a_label_and_the_page_explains_the_scale(self):
        for url in [self.career.get_absolute_url(), f"/careers/{self.career.pk}/who-to-ask/"]:
            html = self.client.get(url).content.decode()
            labels = dict(
                re.findall(
                    r'class="person__name"[^>]*>([^<]+)</a>.*?class="score__label">([^<]+)<',
                    html,
                    re.S,
                )
            )
            assert labels == {"Maya Chen": "Strong match", "Sam Lee": "Long shot"}, url
            assert "What the match score means" in html
            assert "Strong match: 60 and up" in html and "Long shot: 0–14" in html

    def test_the_full_ranking_is_paginated(self):
        response = self.client.get(f"/careers/{self.career.pk}/who-to-ask/")
        assert response.status_code == 200
        assert [c.name for c, _s in response.context["page"].object_list] == [
            "Maya Chen",
            "Sam Lee",
        ]

    def test_editing_and_deleting_a_career(self):
        self.client.post(
            f"/careers/{self.career.pk}/edit/",
            {"title": "User research", "status": "promising", "keywords": ""},
        )
        self.career.refresh_from_db()
        assert (self.career.title, self.career.status) == ("User research", "promising")
        self.client.post(f"/careers/{self.career.pk}/delete/")
        assert not Career.objects.filter(pk=self.career.pk).exists()
        assert Organization.objects.filter(user=self.alice).exists()

    def test_the_career_page_needs_the_same_queries_for_more_people(self):
        def count_queries():
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as queries:
                self.client.get(self.career.get_absolute_url())
            return len(queries)

        before = count_queries()
        for number in range(20):
            make_person(
                self.alice, f"P{number}", title="UX Researcher", organization=f"Org {number}"
            )
        with self.assertNumQueries(before):
            self.client.get(self.career.get_absolute_url())


class TargetListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")

    def setUp(self):
        self.client.force_login(self.alice)

    def add(self, name, motivation, note=""):
        return self.client.post(
            f"/careers/{self.career.pk}/targets/",
            {"organization_name": name, "motivation": motivation, "note": note},
        )

    def test_adding_a_target_by_any_spelling_uses_the_known_organisation(self):
        make_person(self.alice, "Maya", organization="Contoso")
        self.add("Contoso, Ltd.", 4, "Great research team")
        target = TargetOrganization.objects.get()
        assert target.organization.name == "Contoso"
        assert (target.motivation, target.note) == (4, "Great research team")
        assert Organization.objects.filter(user=self.alice).count() == 1

    def test_the_most_promising_come_first_warm_contacts_then_motivation(self):
        make_person(self.alice, "Old friend", organization="Initech", source="friend_family")
        make_person(self.alice, "Stranger", organization="Globex", source="linkedin")
        self.add("Globex", 5)
        self.add("Initech", 2)
        self.add("Umbrella", 4)
        names = [t.organization.name for t in self.career.target_list()]
        assert names == ["Initech", "Globex", "Umbrella"]
        [initech, *_rest] = self.career.target_list()
        assert initech.warm_people == 1

    def test_a_target_motivation_outside_1_to_5_is_refused(self):
        response = self.add("Globex", 9)
        assert response.status_code == 302
        assert not TargetOrganization.objects.exists()

    def test_updating_and_removing_a_target(self):
        self.add("Globex", 3)
        target = TargetOrganization.objects.get()
        self.client.post(
            f"/careers/{self.career.pk}/targets/{target.pk}/", {"motivation": 5, "note": "Top"}
        )
        target.refresh_from_db()
        assert (target.motivation, target.note) == (5, "Top")
        self.client.post(f"/careers/{self.career.pk}/targets/{target.pk}/remove/")
        assert not TargetOrganization.objects.exists()

    def test_who_to_ask_prefers_people_at_target_organisations(self):
        here = make_person(self.alice, "Here", title="Nurse", organization="Globex")
        make_person(self.alice, "Elsewhere", title="Nurse", organization="Acme")
        self.add("Globex", 5)
        [(first, suggestion), _] = self.career.who_to_ask()
        assert first == here
        assert "Works at Globex, on your target list (motivation 5/5)" in suggestion.reasons


def test_the_labels_follow_the_whole_number_shown():
    from careerscout.careers.templatetags.match_score import match_label

    assert [match_label(score) for score in [110, 60, 59.5, 59.4, 34.5, 34.4, 15, 14.4, 0]] == [
        "Strong match",
        "Strong match",
        "Strong match",
        "Good match",
        "Good match",
        "Some match",
        "Some match",
        "Long shot",
        "Long shot",
    ]
