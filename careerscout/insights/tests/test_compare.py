from django.test import TestCase

from careerscout.careers.models import Career
from careerscout.insights.comparison import compare
from careerscout.insights.models import Criterion, Rating
from careerscout.tests.factories import make_user


class CompareTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.ux = Career.objects.create(user=cls.alice, title="UX research")
        cls.pm = Career.objects.create(user=cls.alice, title="Product management")
        cls.meaning = Criterion.objects.create(user=cls.alice, name="Meaning", weight=4)
        cls.pay = Criterion.objects.create(user=cls.alice, name="Pay", weight=2)
        for career, criterion, value in [
            (cls.ux, cls.meaning, 5),
            (cls.ux, cls.pay, 3),
            (cls.pm, cls.meaning, 3),
        ]:
            Rating.objects.create(user=cls.alice, career=career, criterion=criterion, value=value)

    def test_the_latest_rating_counts_and_gaps_are_not_zero(self):
        Rating.objects.create(user=self.alice, career=self.ux, criterion=self.pay, value=5)
        comparison = compare(self.alice)
        [ux, pm] = comparison.scores
        assert ux.title == "UX research"
        assert ux.total == (4 * 5 + 2 * 5) / 6
        assert pm.total == 3.0  # only meaning is rated: a gap, not a zero
        assert pm.missing == ["Pay"]

    def test_the_chart_segments_add_up_to_the_total(self):
        comparison = compare(self.alice)
        ux = comparison.scores[0]
        segments = comparison.segments[ux.key]
        assert abs(sum(s.width for s in segments) - ux.total / 5 * 100) < 1e-9

    def test_the_page_shows_matrix_chart_and_robustness(self):
        self.client.force_login(self.alice)
        html = self.client.get("/insights/compare/").content.decode()
        assert "UX research stays ahead of Product management in" in html
        assert "If your weights were each a point higher or lower" in html
        assert 'class="gap"' in html
        assert "Weighted averages, and what each criterion adds" in html

    def test_the_weighted_average_comes_right_after_the_career_so_a_phone_shows_it(self):
        self.client.force_login(self.alice)
        html = self.client.get("/insights/compare/").content.decode()
        head = html[html.index("<thead>") : html.index("</thead>")]
        assert head.index(">Career<") < head.index(">Weighted average<") < head.index("weight ")

    def test_no_criteria_says_what_to_do(self):
        self.client.force_login(make_user("newcomer"))
        html = self.client.get("/insights/compare/").content.decode()
        assert "what matters to you" in html


class OneCareerTests(TestCase):
    def test_with_one_rated_career_the_steadiness_section_only_says_what_to_do(self):
        alice = make_user("alice")
        career = Career.objects.create(user=alice, title="UX research")
        meaning = Criterion.objects.create(user=alice, name="Meaning", weight=4)
        Rating.objects.create(user=alice, career=career, criterion=meaning, value=4)
        self.client.force_login(alice)
        html = self.client.get("/insights/compare/").content.decode()
        assert "Rate at least two careers to see how steady the ranking is." in html
        assert "If your weights were each a point higher or lower" not in html
