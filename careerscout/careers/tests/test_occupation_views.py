from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from careerscout.careers.models import Career
from careerscout.tests.factories import make_user


class CareerOccupationPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def setUp(self):
        self.client.force_login(self.alice)

    def overview(self, career) -> str:
        return self.client.get(career.get_absolute_url()).content.decode()

    def test_a_new_career_suggests_occupations_with_reasons(self):
        career = Career.objects.create(user=self.alice, title="UX research")
        html = self.overview(career)
        assert "Which occupation is “UX research”?" in html
        assert 'value="15-1255.00"' in html
        assert "Web and Digital Interface Designers" in html
        assert "An alternate title: UX Researcher" in html

    def test_confirming_one_shows_what_the_work_is(self):
        career = Career.objects.create(user=self.alice, title="UX research")
        response = self.client.post(f"/careers/{career.pk}/occupations/", {"code": ["15-1255.00"]})
        assert response.status_code == 302
        career.refresh_from_db()
        assert career.occupation_codes == ["15-1255.00"]
        html = self.overview(career)
        assert "Which occupation is" not in html
        assert "Design digital user interfaces or websites." in html
        assert "The most important tasks" in html
        tasks = html.split("The most important tasks")[1].split("</ol>")[0]
        assert tasks.count("<li>") == 10
        assert "Considerable preparation needed." in html
        assert "four-year bachelor&#x27;s degree" in html
        assert "Figma" in html or "Adobe Photoshop" in html
        assert "Web Developers" in html  # the closest related occupation
        assert "CC BY 4.0" in html

    def test_none_of_these_is_an_answer_that_stops_the_question(self):
        career = Career.objects.create(user=self.alice, title="Park ranger")
        self.client.post(
            f"/careers/{career.pk}/occupations/", {"none": "1", "code": ["33-9092.00"]}
        )
        career.refresh_from_db()
        assert (career.occupation_codes, career.occupations_reviewed) == ([], True)
        html = self.overview(career)
        assert "Not linked to an O*NET occupation" in html
        assert (
            "Which occupation is"
            in self.client.get(career.get_absolute_url() + "?occupations=change").content.decode()
        )

    def test_an_unknown_code_changes_nothing_and_says_so(self):
        career = Career.objects.create(user=self.alice, title="UX research")
        response = self.client.post(
            f"/careers/{career.pk}/occupations/", {"code": ["99-0000.00"]}, follow=True
        )
        assert "Nothing changed: no occupation with the code “99-0000.00”." in (
            response.content.decode()
        )
        career.refresh_from_db()
        assert not career.occupations_reviewed

    def test_a_related_occupation_becomes_a_career_in_one_click(self):
        response = self.client.post("/careers/explore-occupation/", {"code": "15-1254.00"})
        career = Career.objects.get(user=self.alice, title="Web Developers")
        assert response["Location"] == career.get_absolute_url()
        assert career.occupation_codes == ["15-1254.00"]
        again = self.client.post("/careers/explore-occupation/", {"code": "15-1254.00"})
        assert again["Location"] == career.get_absolute_url()
        assert Career.objects.filter(user=self.alice).count() == 1
        assert self.client.post("/careers/explore-occupation/", {"code": "nope"}).status_code == 404

    def test_more_occupations_cost_no_more_queries(self):
        career = Career.objects.create(
            user=self.alice,
            title="UX research",
            occupation_codes=["15-1255.00"],
            occupations_reviewed=True,
        )
        one = self._queries(career)
        career.occupation_codes = ["15-1255.00", "19-3022.00", "27-1024.00"]
        career.save()
        assert self._queries(career) == one

    def _queries(self, career) -> int:
        with CaptureQueriesContext(connection) as captured:
            self.overview(career)
        return len(captured)
