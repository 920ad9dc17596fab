import math
import random

import pytest

from careerscout.insights.decision import (
    DEFAULT_SEED,
    CareerInput,
    CriterionInput,
    bench_robustness,
    robustness,
    smallest_flip,
    weight_range,
    weighted_scores,
)


def criteria(*weights):
    return [CriterionInput(f"c{i}", f"C{i}", weight) for i, weight in enumerate(weights, 1)]


def career(title, *ratings):
    return CareerInput(title, title, {f"c{i}": r for i, r in enumerate(ratings, 1)})


MEANING_PAY_BALANCE = [
    CriterionInput("meaning", "Meaning", 3),
    CriterionInput("pay", "Pay & security", 4),
    CriterionInput("balance", "Balance", 5),
]
UX = CareerInput("ux", "UX research", {"meaning": 3, "pay": 2, "balance": 5})
PM = CareerInput("pm", "Product management", {"meaning": 1, "pay": 5, "balance": 3})


def test_the_score_is_the_weighted_average_with_each_criterions_part():
    [ux, pm] = weighted_scores(MEANING_PAY_BALANCE, [PM, UX])
    assert ux.title == "UX research"
    assert ux.total == pytest.approx((3 * 3 + 4 * 2 + 5 * 5) / 12)  # 3.5
    assert pm.total == pytest.approx((3 * 1 + 4 * 5 + 5 * 3) / 12)
    assert [(c.criterion, c.weight, c.rating, c.points) for c in ux.contributions] == [
        ("Meaning", 3, 3, 9),
        ("Pay & security", 4, 2, 8),
        ("Balance", 5, 5, 25),
    ]
    assert ux.complete
    assert ux.rated == ["Meaning", "Pay & security", "Balance"]
    assert ux.note == "3.5 of 5: weighted average over all 3 criteria."


def test_a_missing_rating_is_a_gap_not_a_zero():
    # Only a 5 on one criterion against 4s everywhere: the average covers what is rated, so
    # the thinly rated career leads, and says plainly how thin its score is.
    one_five = career("Nursing", 5, None)
    all_fours = career("Teaching", 4, 4, 4)
    [first, second] = weighted_scores(criteria(2, 3, 1), [all_fours, one_five])
    assert (first.title, first.total) == ("Nursing", 5.0)
    assert not first.complete
    assert first.missing == ["C2", "C3"]
    assert [c.points for c in first.contributions] == [10, None, None]
    assert first.note == "5 of 5: weighted average over 1 of 3 criteria; not rated yet: C2, C3."
    assert (second.title, second.total, second.complete) == ("Teaching", 4.0, True)


def test_a_career_with_no_ratings_has_no_score_and_comes_last_with_a_note():
    scores = weighted_scores(criteria(1, 1), [career("Aviation"), career("Zoology", 1, 1)])
    assert [s.title for s in scores] == ["Zoology", "Aviation"]
    assert scores[1].total is None
    assert scores[1].missing == ["C1", "C2"]
    assert scores[1].note == "Not rated on any criterion yet, so it is listed last."


def test_a_career_rated_only_on_weightless_criteria_has_no_score():
    [rated, weightless] = weighted_scores(
        criteria(0, 2), [career("Law", 5, None), career("Art", 2, 2)]
    )
    assert (rated.title, weightless.title) == ("Art", "Law")
    assert weightless.total is None
    assert weightless.note == "Rated only on criteria that weigh 0, so it is listed last."


def test_equal_scores_are_ordered_by_title():
    scores = weighted_scores(criteria(1), [career("b", 3), career("A", 3), career("c", 4)])
    assert [s.title for s in scores] == ["c", "A", "b"]


def test_ratings_outside_one_to_five_and_negative_weights_are_refused():
    with pytest.raises(ValueError):
        weighted_scores(criteria(1), [career("A", 6)])
    with pytest.raises(ValueError):
        weighted_scores(criteria(-1), [career("A", 3)])
    with pytest.raises(ValueError):
        weighted_scores([CriterionInput("k", "A", 1), CriterionInput("k", "B", 1)], [])


def test_weights_are_drawn_within_one_point_and_never_below_zero():
    assert weight_range(3) == (2, 4)
    assert weight_range(0.5) == (0.0, 1.5)
    assert weight_range(0) == (0.0, 1.0)


def test_a_lead_that_every_weighting_keeps_is_stable_in_all_draws():
    # A ahead iff 4·w1 > 4·w2; w1 ~ U[2, 4] and w2 ~ U[0, 2], so always.
    result = robustness(criteria(3, 1), [career("A", 5, 1), career("B", 1, 5)])
    [pair] = result.pairs
    assert (pair.ahead, pair.behind, pair.share) == ("A", "B", 1.0)
    assert pair.sentence == "A stays ahead of B in 100% of weightings."


def test_a_symmetric_comparison_holds_about_half_the_time():
    # Equal weights, mirrored ratings: A ahead iff w1 > w2, both ~ U[1, 3]: probability 1/2.
    result = robustness(criteria(2, 2), [career("A", 5, 1), career("B", 1, 5)])
    assert 0.45 <= result.pairs[0].share <= 0.55


def test_the_floor_at_zero_shapes_the_draws():
    # w1 ~ U[0, 1.5] (not [-0.5, 1.5]), w2 ~ U[0.5, 2.5]: A ahead iff w1 > w2, with
    # probability 0.5 / 3 = 1/6, so B stays ahead in 5/6 of draws.
    result = robustness(criteria(0.5, 1.5), [career("A", 5, 1), career("B", 1, 5)])
    [pair] = result.pairs
    assert (pair.ahead, pair.behind) == ("B", "A")
    assert 0.80 <= pair.share <= 0.865


def test_the_same_seed_gives_the_same_result_and_another_seed_nearly_the_same():
    inputs = (criteria(2, 2), [career("A", 5, 1), career("B", 1, 5)])
    assert robustness(*inputs) == robustness(*inputs)
    assert robustness(*inputs) == robustness(*inputs, seed=DEFAULT_SEED)
    other = robustness(*inputs, seed=DEFAULT_SEED + 1)
    assert other.seed == DEFAULT_SEED + 1
    assert other.pairs[0].share != robustness(*inputs).pairs[0].share
    assert abs(other.pairs[0].share - robustness(*inputs).pairs[0].share) < 0.05


def test_each_adjacent_pair_in_the_ranking_gets_a_share():
    careers = [career("Third", 2, 2), career("First", 5, 4), career("Second", 4, 3)]
    result = robustness(criteria(1, 1), careers)
    assert [(p.ahead, p.behind) for p in result.pairs] == [
        ("First", "Second"),
        ("Second", "Third"),
    ]


def test_a_tie_in_a_draw_does_not_count_as_ahead():
    result = robustness(criteria(1, 1), [career("A", 3, 3), career("B", 3, 3)])
    assert result.pairs[0].share == 0.0
    assert result.pairs[0].sentence == "A stays ahead of B in 0% of weightings."


def test_a_shaky_share_never_reads_as_all_or_nothing():
    # B barely trails, so it only rarely passes; the sentence still says "not all".
    careers = [career("A", 5, 1), career("B", 1, 5)]
    result = robustness(criteria(3.8, 2), careers)
    share = result.pairs[0].share
    assert 0.99 < share < 1
    assert result.pairs[0].sentence.endswith(" in 99% of weightings.")


def test_careers_without_ratings_sit_out_the_robustness_check():
    careers = [career("A", 4), career("B", 3), career("Unrated")]
    result = robustness(criteria(1), careers)
    assert [(p.ahead, p.behind) for p in result.pairs] == [("A", "B")]
    assert result.left_out == ["Unrated"]


def test_with_fewer_than_two_rated_careers_there_is_nothing_to_flip():
    result = robustness(criteria(1), [career("A", 4), career("B")])
    assert result.pairs == []
    assert result.smallest_flip is None
    assert result.flip_sentence == "Rate at least two careers to see how steady the ranking is."


def test_the_smallest_flip_is_solved_exactly():
    # UX research 42/12, Product management 38/12. Pay alone: 34 + 2y = 18 + 5y at y = 16/3
    # (+1.33); meaning alone: down to 1 (−2); balance alone: down to 3 (−2).
    result = robustness(MEANING_PAY_BALANCE, [UX, PM])
    flip = result.smallest_flip
    assert flip is not None
    assert flip.criterion == "Pay & security"
    assert flip.from_weight == 4
    assert flip.to_weight == pytest.approx(16 / 3)
    assert flip.change == pytest.approx(4 / 3)
    assert flip.sentence == (
        "If “Pay & security” mattered 1.3 points more (4 → 5.3), "
        "UX research and Product management would tie; above 5.3, "
        "Product management would move ahead."
    )
    assert result.flip_sentence == flip.sentence


def test_at_the_threshold_weight_the_two_tie_rather_than_flip():
    """The sentence names a tie at the weight it gives, and a win only past it."""
    flip = robustness(MEANING_PAY_BALANCE, [UX, PM]).smallest_flip
    at_threshold = [
        CriterionInput(c.key, c.name, flip.to_weight if c.name == flip.criterion else c.weight)
        for c in MEANING_PAY_BALANCE
    ]
    ux, pm = (score.total for score in weighted_scores(at_threshold, [UX, PM]))
    assert ux == pytest.approx(pm)
    assert "would tie" in flip.sentence


def test_the_smallest_flip_can_be_a_lower_weight():
    # A 19/5 vs B 14/5. C1 alone: 5x + 4 = 2x + 8 at x = 4/3 (−1.67); C2 alone: +2.5.
    flip = smallest_flip(criteria(3, 2), career("A", 5, 2), career("B", 2, 4))
    assert flip.criterion == "C1"
    assert flip.to_weight == pytest.approx(4 / 3)
    assert flip.sentence == (
        "If “C1” mattered 1.7 points less (3 → 1.3), A and B would tie; below 1.3, "
        "B would move ahead."
    )


def test_the_smallest_flip_counts_a_gap_in_neither_numerator_nor_denominator():
    # A is rated on C1 only (4); B is 5 and 1. Lowering C2 lifts B alone:
    # (5 + y) / (1 + y) > 4 when y < 1/3. Raising C1: (5x + 1) / (x + 1) > 4 when x > 3.
    flip = smallest_flip(criteria(1, 1), career("A", 4, None), career("B", 5, 1))
    assert flip.criterion == "C2"
    assert flip.to_weight == pytest.approx(1 / 3)
    assert flip.change == pytest.approx(-2 / 3)


def test_the_smallest_flip_solves_the_quadratic_when_both_averages_move():
    # A rated (5, 2, –), B (1, 4, 5), weights 1. With C1 at y: B ahead when
    # (y + 9)(y + 1) > (5y + 2)(y + 2), i.e. 4y² + 2y − 5 < 0, i.e. y < (√21 − 1) / 4.
    flip = smallest_flip(criteria(1, 1, 1), career("A", 5, 2, None), career("B", 1, 4, 5))
    assert flip.criterion == "C1"
    assert flip.to_weight == pytest.approx((math.sqrt(21) - 1) / 4, abs=1e-12)


def test_no_single_weight_change_may_flip_the_top_two():
    # A's only rating, 5, beats anything B can average; weighting C1 at 0 would leave A
    # without a score, which removes it rather than ranks it.
    result = robustness(criteria(2, 2), [career("A", 5, None), career("B", 3, 4)])
    assert result.smallest_flip is None
    assert result.flip_sentence == "No single weight change within 0–10 flips the top two."


def test_a_flip_that_needs_a_weight_above_ten_is_not_reported():
    # A averages 3. B passes only with C2 above 11: (3 + 4y + 10) / (8 + y) > 3; lowering C1
    # or C3 never lifts B above 3.
    flip = smallest_flip(criteria(3, 1, 5), career("A", 3, None, 3), career("B", 1, 4, 2))
    assert flip is None


def brute_force_flip(weights, first, second, step=0.005):
    """The nearest weight where `second` leads, by scanning 0–10 for each criterion."""

    def total(ratings, w):
        rated = [(wi, r) for wi, r in zip(w, ratings, strict=True) if r is not None]
        denominator = sum(wi for wi, _ in rated)
        return sum(wi * r for wi, r in rated) / denominator if denominator > 0 else None

    best = None
    for index, weight in enumerate(weights):
        for n in range(round(10 / step) + 1):
            w = list(weights)
            w[index] = n * step
            a, b = total(first, w), total(second, w)
            if a is not None and b is not None and b - a > 1e-9:
                distance = abs(n * step - weight)
                if best is None or distance < best:
                    best = distance
    return best


def test_the_exact_flip_agrees_with_a_fine_scan_on_random_comparisons():
    rng = random.Random(5)
    checked = 0
    while checked < 15:
        weights = [rng.randint(1, 5) for _ in range(3)]
        ratings = [
            [None if rng.random() < 0.25 else rng.randint(1, 5) for _ in range(3)] for _ in "ab"
        ]
        first, second = career("A", *ratings[0]), career("B", *ratings[1])
        scores = weighted_scores(criteria(*weights), [first, second])
        if any(s.total is None for s in scores) or scores[0].total == scores[1].total:
            continue
        if scores[0].title == "B":
            first, second = second, first
            ratings.reverse()
        flip = smallest_flip(criteria(*weights), first, second)
        expected = brute_force_flip(weights, *ratings)
        if expected is None:
            assert flip is None
        else:
            assert flip is not None
            assert abs(flip.change) <= expected + 1e-9
            assert abs(flip.change) >= expected - 0.0051
        checked += 1


def test_the_robustness_benchmark_measures_ten_careers_ten_criteria_and_2000_draws():
    # Its speed is a benchmark figure (`careerscout bench`), never a timed test.
    report = bench_robustness(runs=1)
    assert (report["careers"], report["criteria"], report["draws"]) == (10, 10, 2000)
    assert report["median_ms"] > 0


def test_when_the_top_two_are_level_any_change_may_flip_them():
    flip = smallest_flip(criteria(1, 1), career("A", 5, 1), career("B", 1, 5))
    assert flip.change == 0
    assert flip.sentence == (
        "A and B are level now: the smallest change in “C1” could put B ahead."
    )
