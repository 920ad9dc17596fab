"""Adding someone who is already among your people warns as you type, and again on saving."""

import re

from django.test import TestCase

from careerscout.people.duplicates import people_like
from careerscout.people.models import Contact
from careerscout.tests.factories import make_contact, make_user


class PeopleLikeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.maya = make_contact(
            cls.alice,
            "Maya Chen",
            emails=["Maya@Globex.example"],
            organization="Globex Corporation",
            linkedin_url="https://www.linkedin.com/in/mayachen/",
        )
        cls.jose = make_contact(cls.alice, "José Núñez")
        make_contact(make_user("bob"), "Maya Chen", emails=["maya@globex.example"])

    def test_the_same_email_in_any_case(self):
        [(contact, reasons)] = people_like(self.alice, emails=["maya@GLOBEX.example"])
        assert contact == self.maya and reasons == ["the same e-mail"]

    def test_the_same_linkedin_profile_written_differently(self):
        found = people_like(self.alice, linkedin_url="http://linkedin.com/in/MayaChen")
        assert found == [(self.maya, ["the same LinkedIn profile"])]

    def test_the_same_name_with_or_without_the_organisation(self):
        assert people_like(self.alice, name="maya  chen") == [(self.maya, ["the same name"])]
        assert people_like(self.alice, name="Maya Chen", organization="Globex") == [
            (self.maya, ["the same name at the same organisation"])
        ]
        assert people_like(self.alice, name="jose nunez") == [(self.jose, ["the same name"])]

    def test_everything_that_matches_is_named_once(self):
        found = people_like(
            self.alice, name="Maya Chen", emails=["maya@globex.example"], organization="Globex"
        )
        assert found == [(self.maya, ["the same e-mail", "the same name at the same organisation"])]

    def test_someone_else_or_another_users_person_is_not_a_match(self):
        assert people_like(self.alice, name="Maya") == []
        assert people_like(self.alice, name="Maya Chen-Park") == []
        assert people_like(self.alice, emails=["maya@initech.example"]) == []
        assert people_like(self.alice) == []


def text_of(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


class AddFormWarningTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.maya = make_contact(cls.alice, "Maya Chen", emails=["maya@globex.example"])

    def setUp(self):
        self.client.force_login(self.alice)

    def test_the_form_checks_the_name_and_emails_as_they_are_typed(self):
        html = self.client.get("/people/new/").content.decode()
        assert 'hx-get="/people/new/check/"' in html
        assert 'id="already-here"' in html and 'aria-live="polite"' in html

    def test_the_check_names_who_is_already_here_with_a_link(self):
        response = self.client.get("/people/new/check/", {"name": "maya chen", "emails": ""})
        assert response.status_code == 200
        assert "Maya Chen is already among your people: the same name." in text_of(response)
        assert f'href="{self.maya.get_absolute_url()}"' in response.content.decode()

    def test_the_check_says_nothing_for_someone_new(self):
        response = self.client.get("/people/new/check/", {"name": "Sam Lee"})
        assert "already among your people" not in response.content.decode()

    def test_the_check_reads_a_constant_number_of_queries(self):
        for number in range(10):
            make_contact(self.alice, f"Maya Chen {number}")
        with self.assertNumQueries(3):
            self.client.get("/people/new/check/", {"name": "Maya Chen", "emails": "a@b.example"})

    def test_saving_a_person_already_here_warns_first_and_saves_nothing(self):
        response = self.client.post(
            "/people/new/", {"name": "Maya", "emails": "MAYA@globex.example", "source": "other"}
        )
        assert response.status_code == 422
        assert "Maya Chen is already among your people: the same e-mail." in text_of(response)
        assert 'name="add_anyway"' in response.content.decode()
        assert Contact.objects.filter(user=self.alice).count() == 1

    def test_saving_anyway_adds_the_second_person(self):
        response = self.client.post(
            "/people/new/", {"name": "Maya Chen", "source": "other", "add_anyway": "1"}
        )
        assert response.status_code == 302
        assert Contact.objects.filter(user=self.alice, name="Maya Chen").count() == 2
