from django.db import connection
from django.test import TestCase

from careerscout.people.models import Contact, has_search_index
from careerscout.tests.factories import make_contact, make_user


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def found(self, query):
        return sorted(
            Contact.objects.for_user(self.alice).search(query).values_list("name", flat=True)
        )

    def test_sqlite_searches_through_the_trigram_index(self):
        if connection.vendor != "sqlite":
            self.skipTest("The FTS5 index is SQLite's")
        assert has_search_index("default")
        sql = str(Contact.objects.search("garcia").query)
        assert "people_contact_search MATCH" in sql

    def test_the_index_follows_saves_renames_and_deletes(self):
        contact = make_contact(self.alice, "Rocío García", title="Data Analyst")
        assert self.found("garcia") == ["Rocío García"]
        contact.name = "Rocío Castillo"
        contact.save()
        assert self.found("garcia") == []
        assert self.found("castillo analyst") == ["Rocío Castillo"]
        contact.delete()
        assert self.found("castillo") == []

    def test_bulk_writes_are_searchable(self):
        people = [Contact(user=self.alice, name=name) for name in ["Ana Souza", "Bea Souza"]]
        for person in people:
            person.refresh_derived_fields()
        Contact.objects.bulk_create(people)
        assert self.found("souza") == ["Ana Souza", "Bea Souza"]
        Contact.objects.filter(name="Ana Souza").update(search_text="ana lima")
        assert self.found("souza") == ["Bea Souza"]
        assert self.found("lima") == ["Ana Souza"]

    def test_short_words_and_mixed_queries(self):
        make_contact(self.alice, "李小龙", organization="Acme")
        make_contact(self.alice, "Jo Li", title="UX Researcher")
        assert self.found("小龙") == ["李小龙"]
        assert self.found("ux researcher") == ["Jo Li"]
        assert self.found("li ux") == ["Jo Li"]

    def test_quotes_in_a_query_are_just_text(self):
        make_contact(self.alice, 'Maya "M" Chen')
        assert self.found('"m" chen') == ['Maya "M" Chen']
        assert self.found('"m"') == ['Maya "M" Chen']
        assert self.found('chen"') == []
