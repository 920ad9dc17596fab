from django.test import TestCase

from careerscout.careers.models import Career, TargetOrganization
from careerscout.people.models import Contact, Organization
from careerscout.people.organizations import link_organization, link_organizations
from careerscout.tests.factories import make_contact, make_user


class OrganizationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def setUp(self):
        self.client.force_login(self.alice)

    def person(self, name, organization):
        contact = make_contact(self.alice, name, organization=organization)
        link_organization(contact)
        return contact

    def test_spellings_of_one_organisation_become_one(self):
        people = [
            self.person("A", "Contoso"),
            self.person("B", "Contoso, Ltd."),
            self.person("C", "contoso ltd"),
        ]
        assert len({p.org_id for p in people}) == 1
        assert Organization.objects.get().name == "Contoso"

    def test_linking_in_bulk_creates_each_organisation_once(self):
        contacts = [
            Contact(user=self.alice, name=str(n), organization=org)
            for n, org in enumerate(["Acme", "ACME Inc.", "Globex", ""])
        ]
        link_organizations(self.alice, contacts)
        assert contacts[0].org == contacts[1].org
        assert contacts[3].org is None
        assert Organization.objects.count() == 2

    def test_other_users_organisations_are_separate(self):
        self.person("A", "Contoso")
        charlie_contact = make_contact(make_user("charlie"), "C", organization="Contoso")
        link_organization(charlie_contact)
        assert Organization.objects.count() == 2

    def test_merging_moves_people_and_targets_and_later_names_follow(self):
        a = self.person("A", "Alphabet")
        g = self.person("G", "Google")
        career = Career.objects.create(user=self.alice, title="PM")
        TargetOrganization.objects.create(user=self.alice, career=career, organization=g.org)
        response = self.client.post(f"/people/organizations/{g.org_id}/merge/", {"into": a.org_id})
        assert response["Location"] == f"/people/organizations/{a.org_id}/"
        g.refresh_from_db()
        assert g.org_id == a.org_id
        assert TargetOrganization.objects.get().organization_id == a.org_id
        later = self.person("New", "Google LLC")
        assert later.org_id == a.org_id

    def test_merging_into_another_users_organisation_is_refused(self):
        mine = self.person("A", "Alphabet")
        theirs = make_contact(make_user("charlie"), "C", organization="Globex")
        link_organization(theirs)
        response = self.client.post(
            f"/people/organizations/{mine.org_id}/merge/", {"into": theirs.org_id}
        )
        assert response.status_code == 422
        assert "Select a valid choice" in response.content.decode()
        assert Organization.objects.filter(pk=mine.org_id).exists()

    def test_splitting_moves_the_chosen_people_to_a_new_organisation(self):
        one = self.person("One", "Apollo")
        two = self.person("Two", "Apollo")
        response = self.client.post(
            f"/people/organizations/{one.org_id}/split/",
            {"people": [two.pk], "name": "Apollo Hospital"},
        )
        assert response.status_code == 302
        one.refresh_from_db()
        two.refresh_from_db()
        assert one.org.name == "Apollo"
        assert two.org.name == "Apollo Hospital"

    def test_splitting_without_choosing_people_says_so(self):
        one = self.person("One", "Apollo")
        response = self.client.post(f"/people/organizations/{one.org_id}/split/", {"name": "Other"})
        assert response.status_code == 422
        assert "Tick at least one person to move." in response.content.decode()

    def test_the_organisation_list_and_page_show_their_people(self):
        self.person("Maya", "Globex")
        html = self.client.get("/people/organizations/").content.decode()
        assert "Globex" in html
        organization = Organization.objects.get()
        assert "Maya" in self.client.get(organization.get_absolute_url()).content.decode()

    def test_an_organisation_name_with_markup_is_shown_as_text_on_its_page(self):
        """A LinkedIn Company cell is written by the contact, so it may carry htmx attributes."""
        payload = '<div hx-post="/logout/" hx-trigger="load">Acme</div>'
        self.person("A", payload)
        self.person("B", "Globex")
        organization = Organization.objects.get(name=payload)
        html = self.client.get(organization.get_absolute_url()).content.decode()
        assert payload not in html
        assert "&lt;div hx-post=&quot;/logout/&quot;" in html

    def test_the_page_says_what_kind_the_name_suggests_and_the_person_corrects_it(self):
        maya = self.person("Maya", "Barclays Bank")
        url = maya.org.get_absolute_url()
        html = self.client.get(url).content.decode()
        assert "What kind of organisation is this?" in html
        assert "Shared summaries describe people here as working at a bank." in html
        assert "As the name says: a bank" in html
        response = self.client.post(f"{url}kind/", {"kind": "consultancy"}, follow=True)
        assert response.redirect_chain == [(url, 302)]
        assert "Saved: shared summaries say people here work at a consultancy." in (
            response.content.decode()
        )
        maya.refresh_from_db()
        assert maya.org.kind == "consultancy"
        assert maya.description() == "someone they know at a consultancy"

    def test_saying_nothing_and_going_back_to_the_name(self):
        maya = self.person("Maya", "Barclays Bank")
        url = f"/people/organizations/{maya.org_id}/kind/"
        response = self.client.post(url, {"kind": "none"}, follow=True)
        assert "Saved: shared summaries say nothing of where people here work." in (
            response.content.decode()
        )
        assert Organization.objects.get().kind_label() == ""
        self.client.post(url, {"kind": ""})
        organization = Organization.objects.get()
        assert organization.kind == "" and organization.kind_label() == "a bank"

    def test_a_kind_that_is_not_offered_is_refused_and_a_get_changes_nothing(self):
        maya = self.person("Maya", "Globex")
        url = f"/people/organizations/{maya.org_id}/kind/"
        response = self.client.post(url, {"kind": "spaceship"})
        assert response.status_code == 422
        assert "Select a valid choice" in response.content.decode()
        assert self.client.get(url).status_code == 405
        assert Organization.objects.get().kind == ""
        html = self.client.get(maya.org.get_absolute_url()).content.decode()
        assert "The name does not say: say nothing" in html
        assert "Shared summaries say nothing of where people here work." in html

    def test_another_persons_organisation_kind_cannot_be_set(self):
        theirs = make_contact(make_user("charlie"), "C", organization="Barclays Bank")
        link_organization(theirs)
        url = f"/people/organizations/{theirs.org_id}/kind/"
        response = self.client.post(url, {"kind": "none"})
        assert response.status_code == 404
        assert Organization.objects.get(pk=theirs.org_id).kind == ""
