import random
from collections.abc import Collection

import pytest

from careerscout.questions.bank import BANK, CLASSIC_KEYS, CLOSING_KEY, TOPICS
from careerscout.questions.plan_rules import (
    CLOSING_REASON,
    Candidate,
    fits,
    in_sentence,
    plan_conversation,
)

CLOSING = Candidate("who-else", "resources", "Who else should I talk to?", closing=True)


def bank_candidates(starred: Collection[str] = (), hidden: Collection[str] = ()) -> list[Candidate]:
    """The built-in bank as candidates, in its own order, without the hidden questions."""
    return [
        Candidate(q.key, q.topic, q.text, q.key in starred, q.closing, position)
        for position, q in enumerate(BANK)
        if q.key not in hidden
    ]


def ask(key: str, topic: str, position: int, starred: bool = False) -> Candidate:
    return Candidate(key, topic, f"Question {key}?", starred=starred, position=position)


def plan(candidates, duration=20, coverage=None, asked_before=None):
    return plan_conversation(candidates, duration, coverage or {}, asked_before or set())


def keys(result) -> list[str]:
    return [item.key for item in result.items]


@pytest.mark.parametrize(
    ("duration", "count"), [(5, 1), (10, 2), (15, 3), (20, 4), (25, 5), (30, 6), (45, 11)]
)
def test_fits_counts_the_questions_including_the_closing_one(duration, count):
    assert fits(duration) == count


def test_a_conversation_shorter_than_a_minute_is_rejected():
    with pytest.raises(ValueError):
        fits(0)


@pytest.mark.parametrize(
    ("duration", "count", "reserved"), [(15, 3, 2), (20, 4, 3), (30, 6, 3), (45, 11, 3)]
)
def test_a_plan_fills_the_time_and_ends_with_the_closing_question(duration, count, reserved):
    result = plan(bank_candidates(), duration)
    assert len(result.items) == count
    assert result.items[-1].key == CLOSING_KEY
    assert result.items[-1].closing
    assert result.items[-1].reason == CLOSING_REASON
    assert not any(item.closing for item in result.items[:-1])
    assert (result.intro_minutes, result.close_minutes) == (reserved, reserved)
    assert result.minutes_for_questions == duration - 2 * reserved
    assert sum(item.minutes for item in result.items) <= result.minutes_for_questions
    assert duration - 1 <= result.planned_minutes <= duration
    assert all(3 <= item.minutes <= 4 for item in result.items)
    assert f"{count} questions fit in {duration} minutes" in result.note


def test_a_first_conversation_of_30_minutes_asks_the_five_classic_questions():
    result = plan(bank_candidates(), 30)
    assert keys(result) == [*CLASSIC_KEYS, CLOSING_KEY]
    assert result.items[0].reason == "No one has told you about day-to-day work yet."


def test_topics_nobody_covered_come_before_thin_ones_then_solid_ones():
    candidates = [
        ask("skills-q", "skills", 0),
        ask("path-q", "path", 1),
        ask("culture-q", "culture", 2),
        CLOSING,
    ]
    result = plan(candidates, 20, coverage={"skills": 3, "path": 1})
    assert keys(result) == ["culture-q", "path-q", "skills-q", "who-else"]
    assert [item.reason for item in result.items[:3]] == [
        "No one has told you about culture and people yet.",
        "Only one person has told you about getting in so far.",
        "3 people have told you about skills and qualifications; one more view helps.",
    ]


def test_gaps_decide_which_topics_make_a_short_plan():
    coverage = {topic: 2 for topic in TOPICS} | {"lifestyle": 0, "culture": 1}
    result = plan(bank_candidates(), 15, coverage=coverage)
    assert [item.topic for item in result.items] == ["lifestyle", "culture", "resources"]
    assert "pay, hours and lifestyle" in result.items[0].reason


def test_topic_labels_read_naturally_inside_a_sentence():
    assert in_sentence("Pay, hours & lifestyle") == "pay, hours and lifestyle"
    assert in_sentence("Getting in") == "getting in"
    assert in_sentence("UX research") == "UX research"


def test_custom_topic_labels_are_used_in_reasons():
    result = plan_conversation(
        [ask("q", "skills", 0), CLOSING], 20, {}, set(), topic_labels={"skills": "Know-how"}
    )
    assert result.items[0].reason == "No one has told you about know-how yet."


def test_a_question_without_a_known_topic_still_gets_a_reason():
    result = plan([ask("custom-17", "", 0), CLOSING], 20)
    assert result.items[0].reason == "Next on your list."


def test_questions_already_asked_of_this_person_are_never_planned():
    asked = {question.key for question in BANK[:40] if not question.closing}
    for duration in (15, 20, 30, 45):
        result = plan(bank_candidates(), duration, asked_before=asked)
        assert not asked & set(keys(result))
        assert len(result.items) == fits(duration)


def test_the_closing_question_is_asked_again_because_they_may_know_someone_new():
    result = plan(bank_candidates(), 20, asked_before={CLOSING_KEY, "typical-day"})
    assert result.items[-1].key == CLOSING_KEY
    assert "typical-day" not in keys(result)
    assert result.items[-1].reason.startswith(CLOSING_REASON)
    assert "someone new" in result.items[-1].reason


def test_starred_questions_come_first_within_a_topic():
    candidates = [
        ask("a", "day_to_day", 0),
        ask("b", "day_to_day", 1),
        ask("c", "day_to_day", 2, starred=True),
        CLOSING,
    ]
    result = plan(candidates, 20)
    assert keys(result) == ["c", "a", "b", "who-else"]
    assert result.items[0].reason == (
        "You starred this question. No one has told you about day-to-day work yet."
    )
    assert result.items[1].reason.endswith("There is time for a second question on it.")


def test_a_starred_question_leads_among_topics_with_the_same_gap_but_not_past_a_bigger_gap():
    candidates = [
        ask("skills-q", "skills", 0),
        ask("trends-q", "trends", 1, starred=True),
        ask("culture-q", "culture", 2, starred=True),
        ask("path-q", "path", 3),
        CLOSING,
    ]
    result = plan(candidates, 30, coverage={"culture": 2})
    assert keys(result) == ["trends-q", "skills-q", "path-q", "culture-q", "who-else"]


def test_each_unknown_topic_gets_a_question_before_any_topic_gets_a_second():
    candidates = [
        *(ask(f"day-{n}", "day_to_day", n) for n in range(4)),
        ask("skills-q", "skills", 4),
        ask("trends-q", "trends", 5),
        CLOSING,
    ]
    result = plan(candidates, 30)
    assert keys(result) == ["day-0", "skills-q", "trends-q", "day-1", "day-2", "who-else"]
    assert "third question" in result.items[4].reason


def test_the_plan_does_not_depend_on_the_order_of_the_candidates():
    candidates = bank_candidates(starred={"hours", "reading", "tools"})
    coverage = {"skills": 1, "path": 2, "culture": 1}
    expected = plan(candidates, 45, coverage=coverage, asked_before={"typical-day"})
    shuffler = random.Random(7)
    for _ in range(5):
        shuffled = candidates[:]
        shuffler.shuffle(shuffled)
        assert plan(shuffled, 45, coverage=coverage, asked_before={"typical-day"}) == expected


def test_without_a_closing_question_the_note_says_so_and_the_time_goes_to_another_question():
    candidates = bank_candidates(hidden={CLOSING_KEY})
    result = plan(candidates, 20)
    assert len(result.items) == 4
    assert not any(item.closing for item in result.items)
    assert "No closing question" in result.note


def test_several_closing_questions_give_one_closing_item_the_starred_one():
    mine = Candidate("custom-3", "resources", "Anyone else?", starred=True, closing=True)
    result = plan([*bank_candidates(), mine], 20)
    assert [item.key for item in result.items if item.closing] == ["custom-3"]
    assert CLOSING_KEY not in keys(result)


def test_a_five_minute_call_still_ends_with_the_closing_question():
    result = plan(bank_candidates(), 5)
    assert keys(result) == [CLOSING_KEY]
    assert result.planned_minutes <= 5
    assert result.note.startswith("5 minutes is short: only the closing question fits.")
    assert "Ask for 20 minutes" in result.note


def test_a_ten_minute_call_asks_the_biggest_gap_then_closes():
    result = plan(bank_candidates(), 10, coverage={"day_to_day": 1})
    assert keys(result) == ["valuable-skills", CLOSING_KEY]
    assert result.planned_minutes <= 10
    assert "10 minutes is short: only 2 questions fit" in result.note


def test_with_few_questions_left_the_note_says_so_and_no_question_hogs_the_time():
    result = plan([ask("a", "skills", 0), ask("b", "path", 1), CLOSING], 45)
    assert len(result.items) == 3
    assert all(item.minutes == 7 for item in result.items)
    assert result.planned_minutes <= 45
    assert "Only 3 questions left to ask" in result.note


def test_starred_questions_left_out_for_time_are_mentioned():
    starred = {"tools", "time-split", "good-day"}
    result = plan(bank_candidates(starred=starred), 20)
    assert "Left out for time: 2 starred questions." in result.note


def test_with_nothing_to_ask_the_plan_is_empty_and_says_why():
    result = plan([], 20)
    assert result.items == []
    assert "Only 0 questions left to ask" in result.note
    assert "No closing question" in result.note


def test_a_question_given_twice_is_planned_once():
    result = plan([ask("a", "skills", 0), ask("a", "skills", 0), CLOSING], 20)
    assert keys(result) == ["a", "who-else"]


def test_bank_candidates_leave_out_hidden_questions_and_mark_starred_ones():
    candidates = bank_candidates(starred={"hours"}, hidden={"typical-day"})
    assert len(candidates) == len(BANK) - 1
    assert "typical-day" not in {c.key for c in candidates}
    assert [c.key for c in candidates if c.starred] == ["hours"]
    assert [c.key for c in candidates if c.closing] == [CLOSING_KEY]
    assert [c.position for c in candidates] == sorted(c.position for c in candidates)
