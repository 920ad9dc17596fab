import re

from careerscout.questions.bank import (
    BANK,
    BY_KEY,
    CLASSIC_KEYS,
    CLOSING_KEY,
    TOPICS,
    BankQuestion,
)

JOB_WORDS = re.compile(
    r"\b(jobs?|positions?|openings?|hir(e|ed|es|ing)|cvs?|r[eé]sum[eé]s?|internships?|"
    r"vacanc(y|ies)|referrals?|recruit\w*|apply|applications?)\b",
    re.IGNORECASE,
)


def questions_by_topic() -> dict[str, list[BankQuestion]]:
    """Every topic, in the vocabulary's order, with its questions in the bank's order."""
    grouped: dict[str, list[BankQuestion]] = {topic: [] for topic in TOPICS}
    for question in BANK:
        grouped[question.topic].append(question)
    return grouped


def test_the_bank_holds_at_least_80_questions():
    assert len(BANK) >= 80


def test_topics_are_the_shared_vocabulary_with_its_labels():
    assert TOPICS == {
        "day_to_day": "Day-to-day work",
        "skills": "Skills & qualifications",
        "trends": "Trends & challenges",
        "path": "Getting in",
        "advice": "Advice",
        "lifestyle": "Pay, hours & lifestyle",
        "culture": "Culture & people",
        "resources": "Resources & people",
    }


def test_every_question_has_a_known_topic_and_every_topic_has_at_least_six():
    assert {question.topic for question in BANK} == set(TOPICS)
    for topic, questions in questions_by_topic().items():
        assert len(questions) >= 6, topic


def test_the_five_questions_of_the_origin_article_are_in_the_bank():
    expected = {
        "typical-day": "day_to_day",
        "valuable-skills": "skills",
        "trends-and-challenges": "trends",
        "how-you-started": "path",
        "advice-for-newcomers": "advice",
    }
    assert set(CLASSIC_KEYS) == set(expected)
    for key, topic in expected.items():
        assert BY_KEY[key].topic == topic
    assert "typical day" in BY_KEY["typical-day"].text
    assert "trends and challenges" in BY_KEY["trends-and-challenges"].text
    assert "get started" in BY_KEY["how-you-started"].text


def test_each_classic_question_comes_first_in_its_topic():
    grouped = questions_by_topic()
    for key in CLASSIC_KEYS:
        assert grouped[BY_KEY[key].topic][0].key == key


def test_there_is_exactly_one_closing_question_and_it_asks_whom_else_to_talk_to():
    closing = [question for question in BANK if question.closing]
    assert [question.key for question in closing] == [CLOSING_KEY]
    assert closing[0].text == "Who else should I talk to, and may I mention your name?"
    assert closing[0].topic == "resources"


def test_no_question_asks_for_a_job_or_mentions_cvs_or_hiring():
    offending = [question.text for question in BANK if JOB_WORDS.search(question.text)]
    assert offending == []


def test_the_job_word_check_can_fail():
    for text in ["Are you hiring?", "Could you look at my CV?", "Any openings?", "My résumé"]:
        assert JOB_WORDS.search(text), text


def test_questions_and_keys_are_never_duplicated():
    texts = [question.text.casefold() for question in BANK]
    keys = [question.key for question in BANK]
    assert len(set(texts)) == len(texts)
    assert len(set(keys)) == len(keys)
    assert len(BY_KEY) == len(BANK)


def test_keys_are_readable_slugs():
    for question in BANK:
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", question.key), question.key
        assert len(question.key) <= 40


def test_every_question_is_a_short_question():
    for question in BANK:
        assert question.text.endswith("?"), question.text
        assert len(question.text.split()) <= 25, question.text
        assert question.text == question.text.strip()
        assert "  " not in question.text


def test_questions_by_topic_follows_the_vocabulary_then_the_bank_order():
    grouped = questions_by_topic()
    assert list(grouped) == list(TOPICS)
    flattened = [question for questions in grouped.values() for question in questions]
    assert sorted(flattened, key=BANK.index) == list(BANK)
    for questions in grouped.values():
        assert questions == sorted(questions, key=BANK.index)
