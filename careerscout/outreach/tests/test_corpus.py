"""The checker against drafts written the way people write them, labelled by hand.

The targets are the issue's: at least 0.95 precision and recall for every code, and not one
draft wrongly told it asks for a job (that error would make someone rewrite a good request).
"""

from collections import Counter

import pytest

from careerscout.outreach.checker import CODES_BY_KIND, count_words

from .checker_corpus import CORPUS_KINDS, load_corpus, load_held_out, score

TARGET = 0.95
MIN_DRAFTS_PER_KIND = 150
CORPUS = load_corpus()
HELD_OUT = load_held_out()
SCORES = {s.code: s for s in score(CORPUS + HELD_OUT)}


def test_the_corpus_has_at_least_150_drafts_of_every_kind():
    counts = Counter(draft.kind for draft in CORPUS)
    assert {kind: counts[kind] >= MIN_DRAFTS_PER_KIND for kind in CORPUS_KINDS} == dict.fromkeys(
        CORPUS_KINDS, True
    ), counts


def test_every_draft_has_its_own_id_and_labels_its_kind_can_have():
    drafts = CORPUS + HELD_OUT
    assert len({draft.id for draft in drafts}) == len(drafts)
    for draft in drafts:
        assert draft.kind in CORPUS_KINDS, draft.id
        assert draft.body.strip(), draft.id
        assert draft.expected <= set(CODES_BY_KIND[draft.kind]), draft.id


def test_length_labels_follow_the_word_limits():
    """`too_long` is a definition, not a judgement: the labels must agree with it."""
    for draft in CORPUS + HELD_OUT:
        limit = 75 if draft.kind == "request" else 150
        words = count_words(draft.body)
        assert ("too_long" in draft.expected) == (words > limit), (draft.id, words)


def test_each_code_is_labelled_somewhere_good_and_bad():
    for code, s in SCORES.items():
        assert 0 < s.labelled < s.checked, code


@pytest.mark.parametrize("code", sorted(SCORES))
def test_each_code_meets_the_precision_and_recall_targets(code):
    s = SCORES[code]
    assert s.precision >= TARGET and s.recall >= TARGET, s


def test_no_draft_is_wrongly_said_to_ask_for_a_job():
    assert SCORES["mentions_job"].false_positives == 0
