"""Who to ask about "UX research" in a crowd of titles that share its words.

Designers share the occupation (O*NET 15-1255.00), market researchers and research
scientists share "research", recruiters share "UX"; many of them are warm connections. The
ten people suggested first should (nearly) all do the work itself.
"""

import itertools

from django.test import TestCase

from careerscout.careers.models import Career
from careerscout.people.models import Contact
from careerscout.tests.factories import make_user

RESEARCHERS = [
    "User Researcher",
    "UX Researcher",
    "Senior UX Researcher",
    "Principal User Researcher",
    "Usability Researcher",
    "Head of User Research",
    "User Research Manager",
    "UX Research Lead",
    "Researcher, User Experience",
    "Sr. UXR",
]
CROWD = [
    "UX Designer",
    "Senior UX Designer",
    "User Experience Designer",
    "Product Designer",
    "UI Designer",
    "Interaction Designer",
    "Graphic Designer",
    "UX Writer",
    "UX Engineer",
    "Market Research Analyst",
    "Market Researcher",
    "Senior Market Research Manager",
    "Consumer Insights Researcher",
    "Research Scientist",
    "Senior Research Scientist",
    "Clinical Research Coordinator",
    "Research Assistant",
    "Research Operations Manager",
    "UX Recruiter",
    "Technical Recruiter",
    "Research Recruiter",
    "User Support Specialist",
    "Experience Designer",
    "Design Lead",
]
WARM = ["friend_family", "colleague", "alumni", "referral", "event", "linkedin"]


class UxResearchPrecisionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.career = Career.objects.create(user=cls.alice, title="UX research")
        sources = itertools.cycle(WARM)
        for copy in range(5):
            for title in CROWD:
                Contact.objects.create(
                    user=cls.alice,
                    name=f"{title} {copy}",
                    title=title,
                    source=next(sources),
                    how_we_know="We worked together" if copy % 2 else "",
                )
        for title in RESEARCHERS:
            Contact.objects.create(
                user=cls.alice, name=f"{title} R", title=title, source="linkedin"
            )

    def test_nine_of_the_first_ten_do_ux_research(self):
        top = self.career.who_to_ask(limit=10)
        relevant = [contact for contact, _ in top if contact.title in RESEARCHERS]
        assert len(relevant) / 10 >= 0.9, [contact.title for contact, _ in top]

    def test_each_says_why_in_plain_words(self):
        contact, suggestion = self.career.who_to_ask(limit=1)[0]
        assert suggestion.reasons[0] == f"Does this work: {contact.title} ≈ UX researcher"

    def test_designers_come_next_as_the_same_occupation(self):
        ranked = self.career.who_to_ask(limit=20)
        after = [contact.title for contact, _ in ranked[len(RESEARCHERS) :]]
        assert after[0] in {"UX Designer", "Senior UX Designer", "User Experience Designer"}
        assert any("same occupation" in reason for reason in ranked[len(RESEARCHERS)][1].reasons)
