from django.test import TestCase

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.people.duplicates import find_duplicates, merge_contacts, undo_merge
from careerscout.people.models import Contact, MergeRecord, TimelineEntry
from careerscout.people.organizations import link_organization
from careerscout.tests.factories import make_contact, make_user


class FindDuplicatesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def test_same_email_in_any_case_is_a_likely_duplicate(self):
        first = make_contact(self.alice, "Maya Chen", emails=["Maya@Globex.example"])
        second = make_contact(self.alice, "M. Chen", emails=["maya@globex.example"])
        [pair] = find_duplicates(self.alice)
        assert (pair.first, pair.second) == (first, second)
        assert pair.reasons == ("the same e-mail",)

    def test_same_linkedin_profile_despite_www_and_trailing_slash(self):
        make_contact(self.alice, "A", linkedin_url="https://www.linkedin.com/in/maya/")
        make_contact(self.alice, "B", linkedin_url="http://linkedin.com/in/maya")
        assert [p.reasons for p in find_duplicates(self.alice)] == [("the same LinkedIn profile",)]

    def test_same_name_with_accents_folded_at_the_same_organisation(self):
        make_contact(self.alice, "José Núñez", organization="Contoso, Ltd.")
        make_contact(self.alice, "jose nunez", organization="contoso")
        make_contact(self.alice, "José Núñez", organization="Globex")
        assert [p.reasons for p in find_duplicates(self.alice)] == [
            ("the same name at the same organisation",)
        ]

    def test_other_users_people_are_never_paired(self):
        make_contact(self.alice, "Maya", emails=["maya@globex.example"])
        make_contact(make_user("charlie"), "Maya", emails=["maya@globex.example"])
        assert find_duplicates(self.alice) == []

    def test_a_dismissed_pair_is_not_suggested_again(self):
        first = make_contact(self.alice, "Sam Lee", organization="Acme")
        second = make_contact(self.alice, "Sam Lee", organization="Acme")
        self.client.force_login(self.alice)
        self.client.post("/people/duplicates/dismiss/", {"keep": first.pk, "absorb": second.pk})
        assert find_duplicates(self.alice) == []


class MergeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def setUp(self):
        self.kept = make_contact(
            self.alice,
            "Maya Chen",
            emails=["maya@globex.example"],
            title="Researcher",
            notes="Met at a meetup",
            tags=["design"],
        )
        self.absorbed = make_contact(
            self.alice,
            "Maya Chen",
            emails=["maya.chen@mail.example", "maya@globex.example"],
            phone="+49 30 123",
            organization="Globex",
            notes="Knows Sam",
            tags=["alumni"],
            linkedin_url="https://linkedin.com/in/maya",
        )
        link_organization(self.absorbed)
        self.career = Career.objects.create(user=self.alice, title="UX research")
        self.absorbed.careers.add(self.career)
        self.conversation = Conversation.plan(self.absorbed, [self.career])
        self.absorbed.log(TimelineEntry.Kind.NOTE, "Sent a hello")

    def test_merge_keeps_every_email_note_tag_link_and_timeline_entry_of_both(self):
        merge_contacts(self.kept, self.absorbed)
        kept = Contact.objects.get(pk=self.kept.pk)
        assert kept.emails == ["maya@globex.example", "maya.chen@mail.example"]
        assert "Met at a meetup" in kept.notes and "Knows Sam" in kept.notes
        assert sorted(t.name for t in kept.tags.all()) == ["alumni", "design"]
        assert kept.phone == "+49 30 123"
        assert kept.title == "Researcher"
        assert kept.organization == "Globex" and kept.org is not None
        assert kept.linkedin_url == "https://linkedin.com/in/maya"
        assert list(kept.careers.all()) == [self.career]
        assert list(kept.conversations.all()) == [self.conversation]
        summaries = set(kept.timeline.values_list("summary", flat=True))
        assert {"Sent a hello", "Planned a conversation about UX research"} <= summaries
        assert Contact.objects.filter(user=self.alice).count() == 1

    def test_undo_brings_both_people_back_as_they_were(self):
        absorbed_id = self.absorbed.pk
        record = merge_contacts(self.kept, self.absorbed)
        restored = undo_merge(record)
        kept = Contact.objects.get(pk=self.kept.pk)
        assert restored.pk == absorbed_id
        assert restored.emails == ["maya.chen@mail.example", "maya@globex.example"]
        assert restored.notes == "Knows Sam"
        assert [t.name for t in restored.tags.all()] == ["alumni"]
        assert list(restored.careers.all()) == [self.career]
        assert list(restored.conversations.all()) == [self.conversation]
        assert "Sent a hello" in restored.timeline.values_list("summary", flat=True)
        assert kept.emails == ["maya@globex.example"]
        assert kept.notes == "Met at a meetup"
        assert kept.phone == ""
        assert [t.name for t in kept.tags.all()] == ["design"]
        assert not kept.careers.exists()
        assert not kept.timeline.filter(kind="merged").exists()
        assert not MergeRecord.objects.exists()

    def test_undo_leaves_edits_made_after_the_merge(self):
        record = merge_contacts(self.kept, self.absorbed)
        Contact.objects.filter(pk=self.kept.pk).update(phone="+1 555 0100")
        record.refresh_from_db()
        undo_merge(record)
        assert Contact.objects.get(pk=self.kept.pk).phone == "+1 555 0100"

    def test_merging_through_the_page_offers_undo(self):
        absorbed_id = self.absorbed.pk
        self.client.force_login(self.alice)
        response = self.client.post(
            "/people/duplicates/merge/",
            {"keep": self.kept.pk, "absorb": self.absorbed.pk},
            follow=True,
        )
        record = MergeRecord.objects.get()
        assert f"/people/merges/{record.pk}/undo/" in response.content.decode()
        self.client.post(f"/people/merges/{record.pk}/undo/")
        assert Contact.objects.filter(pk=absorbed_id).exists()

    def test_merging_someone_else_s_person_is_a_404_and_changes_nothing(self):
        stranger = make_contact(make_user("charlie"), "Maya Chen")
        self.client.force_login(self.alice)
        response = self.client.post(
            "/people/duplicates/merge/", {"keep": self.kept.pk, "absorb": stranger.pk}
        )
        assert response.status_code == 404
        assert Contact.objects.filter(pk=stranger.pk).exists()

    def test_merge_needs_a_post(self):
        self.client.force_login(self.alice)
        assert self.client.get("/people/duplicates/merge/").status_code == 405

    def test_the_duplicates_page_lists_pairs(self):
        self.client.force_login(self.alice)
        html = self.client.get("/people/duplicates/").content.decode()
        assert "the same e-mail" in html
