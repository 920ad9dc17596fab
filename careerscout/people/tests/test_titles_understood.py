import pytest
from django.test import TestCase

from careerscout.people.changes import add_person, edit_person
from careerscout.people.models import Contact, Organization
from careerscout.tests.factories import make_user


class TitlesUnderstoodTests(TestCase):
    def test_saving_a_person_takes_their_title_apart_once(self):
        maya = add_person(make_user(), name="Maya", title="Head of User Research")
        stored = Contact.objects.values(
            "title_seniority",
            "title_role",
            "title_field",
            "occupation_code",
            "occupation_confidence",
        ).get(pk=maya.pk)
        assert stored == {
            "title_seniority": "head",
            "title_role": "researcher",
            "title_field": "ux",
            "occupation_code": "15-1255.00",
            "occupation_confidence": 0.77,  # close to the alternate title "UX Researcher"
        }

    def test_a_changed_title_is_understood_again(self):
        maya = add_person(make_user(), name="Maya", title="UX Researcher")
        edit_person(maya, {"title": "Registered Nurse"})
        maya.refresh_from_db()
        assert (maya.title_role, maya.occupation_code) == ("nurse", "29-1141.00")

    def test_no_title_or_an_unknown_one_has_no_occupation(self):
        user = make_user()
        assert add_person(user, name="Sam").occupation_code == ""
        assert add_person(user, name="Kim", title="Xqzzy Vlorp").occupation_code == ""


class PersonPageOccupationTests(TestCase):
    def test_a_persons_page_names_their_likely_occupation(self):
        user = make_user()
        maya = add_person(user, name="Maya", title="Sr. UX Researcher")
        self.client.force_login(user)
        html = self.client.get(maya.get_absolute_url()).content.decode()
        assert (
            "Likely occupation: Web and Digital Interface Designers (O*NET 15-1255.00), "
            "a 100% match for their title"
        ) in html
        sam = add_person(user, name="Sam")
        assert "Likely occupation" not in self.client.get(sam.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("UX Researcher", "a UX Researcher"),
        ("HR Manager", "an HR Manager"),
        ("User Researcher", "a User Researcher"),
        ("Urban Planner", "an Urban Planner"),
        ("engineer", "an engineer"),
        ("Nurse", "a Nurse"),
        ("", "someone they know"),
    ],
)
def test_a_person_is_described_with_the_article_their_title_is_said_with(title, said):
    assert Contact(title=title).description() == said


@pytest.mark.parametrize(
    ("title", "organization", "kind", "said"),
    [
        ("UX Researcher", "Barclays Bank", "", "a UX Researcher at a bank"),
        ("UX Researcher", "Globex", "", "a UX Researcher"),
        ("UX Researcher", "Globex", "university", "a UX Researcher at a university"),
        ("UX Researcher", "Barclays Bank", "none", "a UX Researcher"),
        ("HR Manager", "Leeds City Council", "", "an HR Manager at a public body"),
        ("Analyst", "Natural History Museum", "", "an Analyst"),
        ("", "NHS Lothian", "", "someone they know at a hospital"),
    ],
)
def test_a_person_is_described_by_their_organisations_kind_never_its_name(
    title, organization, kind, said
):
    org = Organization(pk=1, name=organization, key=organization.lower(), kind=kind)
    assert Contact(title=title, organization=organization, org=org).description() == said


def test_without_an_organisation_row_the_name_typed_still_says_the_kind():
    assert Contact(title="Nurse", organization="Mayo Clinic").description() == (
        "a Nurse at a hospital"
    )
