from django.db import transaction
from django.test import TestCase

from careerscout.occupations.bench import accuracy
from careerscout.occupations.matching import forget_index, likeliest_occupation, match_title
from careerscout.occupations.models import Occupation


class MatchingTests(TestCase):
    def test_an_alternate_title_matches_its_occupation_with_the_reason(self):
        best = match_title("UX Researcher")[0]
        assert best.code == "15-1255.00"
        assert best.title == "Web and Digital Interface Designers"
        assert best.score == 1.0
        assert best.reason == "An alternate title: UX Researcher"

    def test_abbreviations_and_seniority_do_not_get_in_the_way(self):
        assert match_title("Sr. SWE II")[0].code == "15-1252.00"  # software developers
        assert match_title("Lead RN")[0].code == "29-1141.00"  # registered nurses

    def test_a_near_title_scores_below_one_and_says_what_it_is_close_to(self):
        best = match_title("Senior Qualitative UX Researcher")[0]
        assert best.code == "15-1255.00"
        assert 0.5 < best.score < 1.0
        assert best.reason.startswith("Close to an alternate title")

    def test_the_role_noun_tells_occupations_apart(self):
        assert match_title("Market Research Analyst")[0].code == "13-1161.00"
        assert match_title("Research Scientist")[0].code != "13-1161.00"

    def test_results_are_best_first_and_limited(self):
        found = match_title("Designer", 20)
        assert len(found) == 20
        assert [match.score for match in found] == sorted(
            (match.score for match in found), reverse=True
        )
        assert len(match_title("Designer", 500)) == 20

    def test_an_answer_given_before_the_tables_are_loaded_is_not_kept(self):
        self.addCleanup(forget_index)
        forget_index()
        before_loading = transaction.savepoint_create()
        Occupation.objects.all().delete()
        assert likeliest_occupation("UX Researcher") == ("", 0.0)
        assert match_title("UX Researcher") == []
        transaction.savepoint_rollback(before_loading)  # the tables are loaded now
        assert likeliest_occupation("UX Researcher") == ("15-1255.00", 1.0)

    def test_nothing_fits_gibberish_or_an_empty_title(self):
        assert match_title("xqzzy vlorp") == []
        assert match_title("   ") == []

    def test_reported_titles_held_out_of_the_shipped_copy_are_matched_well(self):
        """The figures in docs/occupations.md; a change to matching that lowers them fails."""
        figures = accuracy()
        assert figures["titles"] > 1500
        assert figures["top1"] >= 0.70
        assert figures["top5"] >= 0.92
        assert figures["family_top5"] >= figures["top5"]
