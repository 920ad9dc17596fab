from django.test import TestCase
from django.utils import timezone

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.people.models import Contact, TimelineEntry
from careerscout.tests.factories import make_contact, make_user


class PeopleListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.charlie = make_user("charlie")
        make_contact(
            cls.alice,
            "José Núñez",
            title="UX Researcher",
            organization="Contoso",
            source="alumni",
            tags=["design"],
            emails=["jose@contoso.example"],
        )
        make_contact(
            cls.alice,
            "Maya Chen",
            title="Product Manager",
            organization="Globex",
            source="linkedin",
            notes="Met at the *Berlin* meetup",
        )
        make_contact(cls.alice, "李小龙", organization="Acme", source="event", tags=["design"])
        make_contact(cls.charlie, "Charlie's Friend", organization="Contoso")

    def setUp(self):
        self.client.force_login(self.alice)

    def names(self, url):
        response = self.client.get(url)
        assert response.status_code == 200
        return [contact.name for contact in response.context["page"].object_list]

    def test_lists_only_the_owners_people_sorted_by_name(self):
        assert self.names("/people/") == ["José Núñez", "Maya Chen", "李小龙"]

    def test_search_ignores_accents_and_case_and_covers_title_notes_and_email(self):
        assert self.names("/people/?q=jose") == ["José Núñez"]
        assert self.names("/people/?q=NUNEZ") == ["José Núñez"]
        assert self.names("/people/?q=berlin") == ["Maya Chen"]
        assert self.names("/people/?q=product+manager") == ["Maya Chen"]
        assert self.names("/people/?q=contoso.example") == ["José Núñez"]
        assert self.names("/people/?q=小龙") == ["李小龙"]

    def test_search_never_shows_another_users_people(self):
        assert self.names("/people/?q=contoso") == ["José Núñez"]

    def test_filters_by_tag_and_source(self):
        assert self.names("/people/?tag=design") == ["José Núñez", "李小龙"]
        assert self.names("/people/?source=linkedin") == ["Maya Chen"]
        assert self.names("/people/?tag=design&source=event") == ["李小龙"]

    def test_sorts_by_organisation_and_by_recently_added(self):
        assert self.names("/people/?sort=organization") == ["李小龙", "José Núñez", "Maya Chen"]
        assert self.names("/people/?sort=recent") == ["李小龙", "Maya Chen", "José Núñez"]

    def test_an_unknown_sort_falls_back_to_name(self):
        assert self.names("/people/?sort=drop+table") == ["José Núñez", "Maya Chen", "李小龙"]

    def test_htmx_search_gets_only_the_results_partial(self):
        response = self.client.get("/people/?q=maya", headers={"HX-Request": "true"})
        html = response.content.decode()
        assert html.lstrip().startswith('<div id="results"')
        assert "<html" not in html
        assert "Maya Chen" in html

    def test_no_match_says_so_and_offers_to_clear_the_filters(self):
        html = self.client.get("/people/?q=nobody+at+all").content.decode()
        assert "No one matches that" in html

    def test_rejects_post(self):
        assert self.client.post("/people/").status_code == 405


class EmptyPeopleListTests(TestCase):
    def test_a_new_user_is_told_what_to_do_first(self):
        self.client.force_login(make_user("newcomer"))
        html = self.client.get("/people/").content.decode()
        assert "No one here yet" in html
        assert "/people/new/" in html

    def test_home_explains_informational_interviews_before_there_is_data(self):
        self.client.force_login(make_user("newcomer"))
        html = self.client.get("/").content.decode()
        assert "informational interview" in html
        assert "learning, not for asking for a job" in html


class PaginationAndQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        for number in range(60):
            make_contact(cls.alice, f"Person {number:02}", tags=["alumni", f"t{number % 3}"])

    def setUp(self):
        self.client.force_login(self.alice)

    def test_pages_hold_fifty_people_and_keep_the_filters_in_page_links(self):
        response = self.client.get("/people/?tag=alumni")
        assert len(response.context["page"].object_list) == 50
        assert "?tag=alumni&amp;page=2" in response.content.decode()
        second = self.client.get("/people/?tag=alumni&page=2")
        assert len(second.context["page"].object_list) == 10

    def test_a_page_number_out_of_range_shows_the_last_page(self):
        response = self.client.get("/people/?page=99")
        assert response.context["page"].number == 2

    def test_the_list_needs_the_same_queries_for_ten_or_fifty_people(self):
        # session, user, count, the page's ids, their rows, their tags, tag list for the filter
        with self.assertNumQueries(7):
            self.client.get("/people/")
        # and one more for the conversations whose notes hold the words
        with self.assertNumQueries(8):
            self.client.get("/people/?q=person+1")

    def test_the_detail_page_needs_a_fixed_number_of_queries(self):
        contact = Contact.objects.filter(user=self.alice).first()
        for _ in range(5):
            contact.log(TimelineEntry.Kind.NOTE, "A note")
        career = Career.objects.create(user=self.alice, title="UX research")
        for _ in range(3):
            Conversation.plan(contact, [career])
        contact.keep_in_touch_months = 3
        contact.touch(timezone.now())
        # session, user, contact with organisation, who suggested them, tags, careers,
        # conversations with their careers, timeline, and the careers to plan one about
        with self.assertNumQueries(10):
            self.client.get(contact.get_absolute_url())


class ContactFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def setUp(self):
        self.client.force_login(self.alice)

    def test_adding_a_person_with_only_a_name(self):
        response = self.client.post("/people/new/", {"name": "Maya Chen", "source": "other"})
        contact = Contact.objects.get(user=self.alice)
        assert response["Location"] == contact.get_absolute_url()
        assert contact.name == "Maya Chen"
        assert list(contact.timeline.values_list("kind", flat=True)) == ["added"]

    def test_adding_a_person_with_every_field(self):
        self.client.post(
            "/people/new/",
            {
                "name": "Maya Chen",
                "title": "Staff Researcher",
                "organization": "Globex",
                "emails": "maya@globex.example\nmaya.chen@gmail.example, maya@globex.example",
                "phone": "+49 30 1234567",
                "linkedin_url": "https://www.linkedin.com/in/mayachen",
                "location": "Berlin",
                "time_zone": "Europe/Berlin",
                "source": "referral",
                "how_we_know": "Introduced by Sam",
                "tags": "design, research,design",
                "notes": "Ask about *research ops*",
                "keep_in_touch_months": "6",
            },
        )
        contact = Contact.objects.get(user=self.alice)
        assert contact.emails == ["maya@globex.example", "maya.chen@gmail.example"]
        assert sorted(tag.name for tag in contact.tags.all()) == ["design", "research"]
        assert contact.time_zone == "Europe/Berlin"
        assert contact.source == "referral"
        assert contact.keep_in_touch_months == 6

    def test_bad_input_names_the_problem_and_saves_nothing(self):
        response = self.client.post(
            "/people/new/",
            {"name": "  ", "emails": "maya@globex", "linkedin_url": "not a url", "source": "x"},
        )
        html = response.content.decode()
        assert response.status_code == 422
        assert "Please give their name." in html
        assert "“maya@globex” does not look like an e-mail address." in html
        assert "Enter a valid URL." in html
        assert not Contact.objects.exists()

    def test_editing_records_what_changed_on_the_timeline(self):
        contact = make_contact(self.alice, "Maya Chen", tags=["old"])
        response = self.client.post(
            f"/people/{contact.pk}/edit/",
            {"name": "Maya Chen", "title": "Director", "source": "other", "tags": "new"},
        )
        assert response.status_code == 302
        contact.refresh_from_db()
        assert contact.title == "Director"
        assert [tag.name for tag in contact.tags.all()] == ["new"]
        assert "job title" in contact.timeline.first().summary

    def test_the_edit_form_starts_with_the_current_emails_and_tags(self):
        contact = make_contact(
            self.alice, "Maya", emails=["a@b.example", "c@d.example"], tags=["x"]
        )
        html = self.client.get(f"/people/{contact.pk}/edit/").content.decode()
        assert "a@b.example\nc@d.example" in html
        assert 'value="x"' in html

    def test_deleting_asks_first_then_removes_the_person_and_timeline(self):
        contact = make_contact(self.alice, "Maya")
        contact.log(TimelineEntry.Kind.NOTE, "note")
        confirm = self.client.get(f"/people/{contact.pk}/delete/")
        assert "Delete Maya?" in confirm.content.decode()
        assert Contact.objects.filter(pk=contact.pk).exists()
        response = self.client.post(f"/people/{contact.pk}/delete/")
        assert response["Location"] == "/people/"
        assert not Contact.objects.filter(pk=contact.pk).exists()
        assert not TimelineEntry.objects.exists()

    def test_the_detail_page_renders_notes_as_markdown(self):
        contact = make_contact(self.alice, "Maya", notes="Ask about **research ops**")
        html = self.client.get(contact.get_absolute_url()).content.decode()
        assert "<strong>research ops</strong>" in html
