import pytest

from careerscout.outreach.checker import CODES_BY_KIND, KINDS, Finding, check_draft

GOOD_REQUEST = """Hi Maya,

We met at the UX Berlin meetup last spring, and your talk on diary studies has stayed with me. \
I'm exploring UX research and would love to hear how you got into it and what your work is \
like day to day.

Would you be open to a 20-minute call in the next couple of weeks?

Thanks so much,
Alex"""

GOOD_THANK_YOU = """Hi Maya,

Thank you for talking with me today. Your tip about running a diary study before any survey \
stuck with me, and I'm going to try one on my next project.

Best wishes,
Alex"""

# Everything a first request should avoid, all at once.
BAD_REQUEST = """To whom it may concern,

My name is Alex and I am a recent psychology graduate. I have always loved research and I \
think my skills would transfer well. I've attached my CV. Are you hiring? I would also love \
to hear about any openings on your team. I'd be grateful for an hour of your time.

Best,
Alex"""


def request(body: str, subject: str = "A question about UX research"):
    return check_draft("request", subject, body)


def codes(result) -> list[str]:
    return [finding.code for finding in result.findings]


def only(result, code: str) -> Finding:
    found = [finding for finding in result.findings if finding.code == code]
    assert len(found) == 1, result.findings
    return found[0]


def spanned(body: str, finding: Finding) -> str:
    assert finding.start is not None and finding.end is not None, finding
    return body[finding.start : finding.end]


def words(count: int) -> str:
    return " ".join(["research"] * count)


# The whole draft -----------------------------------------------------------------------------


def test_a_good_request_has_no_findings():
    result = request(GOOD_REQUEST)
    assert result.findings == []
    assert result.word_count == 62


def test_a_good_thank_you_has_no_findings():
    assert check_draft("thank_you", "Thank you for today", GOOD_THANK_YOU).findings == []


def test_an_unknown_kind_raises_value_error():
    with pytest.raises(ValueError, match="request"):
        check_draft("cover_letter", "Hello", GOOD_REQUEST)


def test_a_clearly_bad_request_gets_every_request_code_but_too_long():
    assert set(codes(request(BAD_REQUEST, subject=""))) == {
        "missing_subject",
        "generic_greeting",
        "connection_not_first",
        "mentions_job",
        "attachment",
        "no_time_frame",
        "about_me",
    }


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_gets_only_its_own_codes(kind):
    body = BAD_REQUEST + "\n" + words(160)
    fired = set(codes(check_draft(kind, "", body)))
    assert fired <= set(CODES_BY_KIND[kind])
    assert {"missing_subject", "generic_greeting", "too_long"} <= fired


def test_a_thank_you_is_not_held_to_the_request_rules():
    body = "Hi Maya,\n\nThank you! Your point about diary studies stuck with me. I'll try one."
    assert check_draft("thank_you", "Thanks", body).findings == []
    assert "connection_not_first" in codes(request(body))


def test_as_dict_has_the_documented_shape():
    document = request("Hello,\nI want a job.", subject="").as_dict()
    assert set(document) == {"word_count", "findings"}
    for finding in document["findings"]:
        assert set(finding) == {"code", "severity", "message", "start", "end"}
        assert finding["severity"] in ("error", "warning")


def test_errors_come_first_then_findings_in_reading_order():
    result = request(BAD_REQUEST, subject="")
    severities = [finding.severity for finding in result.findings]
    assert severities == sorted(severities)  # "error" < "warning"
    spans = [f.start for f in result.findings if f.severity == "error" and f.start is not None]
    assert spans == sorted(spans)


def test_offsets_index_the_body_as_given_even_with_curly_apostrophes():
    body = "Hi Maya,\n\nWe’ve met before. I’d love a job at your company. Would 20 minutes work?"
    assert spanned(body, only(request(body), "mentions_job")) == "job"


# Word counting -------------------------------------------------------------------------------


def test_words_are_counted_as_a_person_would():
    body = "Hi Maya,\n\nA 20-minute call — maybe 15–20 minutes? I’m free; thanks!\n\nAlex"
    assert request(body).word_count == 12


def test_a_signature_after_two_dashes_is_neither_counted_nor_checked():
    body = GOOD_REQUEST + "\n--\nAlex Kim\nCV and portfolio: alexkim.example\nJob: barista"
    result = request(body)
    assert result.word_count == 62
    assert result.findings == []


def test_an_empty_body_counts_zero_words():
    assert request("").word_count == 0


# too_long ------------------------------------------------------------------------------------


def test_a_request_over_100_words_is_an_error_with_a_kind_message():
    body = "Hi Maya,\n\n" + words(110)
    finding = only(request(body), "too_long")
    assert finding.severity == "error"
    assert finding.message == (
        "This is 112 words. Requests under 100 words get more replies; aim for about 75."
    )
    assert finding.start is finding.end is None


def test_a_request_over_75_words_is_a_warning():
    finding = only(request("Hi Maya,\n\n" + words(78)), "too_long")
    assert finding.severity == "warning"
    assert "80 words" in finding.message


def test_a_request_of_75_words_is_not_too_long():
    assert "too_long" not in codes(request("Hi Maya,\n\n" + words(73)))


@pytest.mark.parametrize("kind", ["follow_up", "thank_you", "keep_in_touch", "report_back"])
def test_other_kinds_warn_only_over_150_words(kind):
    assert "too_long" not in codes(check_draft(kind, "Hello", "Hi Maya,\n\n" + words(148)))
    finding = only(check_draft(kind, "Hello", "Hi Maya,\n\n" + words(149)), "too_long")
    assert finding.severity == "warning"


# missing_subject -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("subject", ["", "   ", "\t\n"])
def test_an_empty_subject_is_an_error_for_every_kind(kind, subject):
    finding = only(check_draft(kind, subject, GOOD_REQUEST), "missing_subject")
    assert finding.severity == "error"
    assert finding.start is finding.end is None


# generic_greeting ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "greeting",
    ["Hi there,", "Hello,", "Hello!", "Hi all,", "Hey,", "Dear Hiring Manager,",
     "To whom it may concern,", "Dear Sir/Madam,", "Dear Sir or Madam,", "Hi Research Team,"],
)  # fmt: skip
def test_a_greeting_without_a_name_is_flagged_on_the_greeting(greeting):
    body = f"{greeting}\n\nWe met at the meetup. Would you have 20 minutes next week?"
    finding = only(request(body), "generic_greeting")
    assert finding.severity == "warning"
    assert spanned(body, finding) == greeting


def test_a_form_letter_greeting_gets_its_own_message():
    finding = only(request("To whom it may concern:\n\nWe met."), "generic_greeting")
    assert "form letter" in finding.message


def test_a_draft_without_any_greeting_is_flagged_as_a_whole():
    finding = only(request("We met at the meetup. Would you have 20 minutes?"), "generic_greeting")
    assert finding.start is finding.end is None
    assert "name" in finding.message


@pytest.mark.parametrize(
    "greeting",
    ["Hi Maya,", "Dear Dr. Chen,", "Dear Ms. Chen,", "Hey Sam!", "Good morning Maya,", "Maya,",
     "Hi maya,", "Hello Maya Chen,", "Hi {first_name},"],
)  # fmt: skip
def test_a_greeting_with_a_name_passes(greeting):
    assert "generic_greeting" not in codes(request(f"{greeting}\n\nWe met at the meetup."))


def test_a_greeting_on_the_same_line_as_the_first_sentence_is_found():
    body = "Hi Maya, we met at the UX meetup. Would you have 20 minutes next week?"
    assert codes(request(body)) == []


# connection_not_first ------------------------------------------------------------------------


def test_a_request_opening_with_the_writer_is_flagged_on_its_first_sentence():
    body = "Hi Maya,\n\nMy name is Alex Kim. We met at the meetup. Would you have 20 minutes?"
    finding = only(request(body), "connection_not_first")
    assert finding.severity == "warning"
    assert spanned(body, finding) == "My name is Alex Kim."


@pytest.mark.parametrize(
    "opening",
    [
        "We met at the UX Berlin meetup last spring.",
        "I found your profile through the Leeds alumni network.",
        "Sam Lee suggested I reach out.",
        "I'm a fellow Leeds alum.",
        "I came across your talk on diary studies.",
        "We were both at the Research Ops summit in May.",
        "I'm a member of the Product Guild too.",
        "I read your article on diary studies.",
        "My professor, Dr. Lin, thought you'd be a good person to ask.",
        "Maya Chen gave me your name.",
        "It was lovely chatting at the careers fair last week.",
        "I heard you speak at UX Camp.",
        "Thank you for accepting my connection request!",
        "I was at your workshop in March.",
        "We've been in the same Toastmasters club for a few months.",
        "You fitted my grandfather's hearing aids last spring.",
        "It was great to sit next to you at the breakfast on Tuesday.",
        "I was in the audience for your Data Science Festival talk.",
    ],
)
def test_an_opening_that_says_how_you_are_connected_passes(opening):
    body = f"Hi Maya,\n\n{opening} I'm exploring UX research. Would you have 20 minutes?"
    assert "connection_not_first" not in codes(request(body))


@pytest.mark.parametrize(
    "opening",
    [
        "I'm exploring a career in UX research.",
        "I am writing to ask for 20 minutes of your time.",
        "I wanted to introduce myself.",
        "I'm a student at the University of Leeds studying psychology.",
    ],
)
def test_an_opening_that_does_not_say_how_you_are_connected_is_flagged(opening):
    body = f"Hi Maya,\n\n{opening} We met at the meetup. Would you have 20 minutes?"
    assert spanned(body, only(request(body), "connection_not_first")) == opening


def test_a_short_pleasantry_before_the_connection_is_allowed():
    body = "Hi Maya,\n\nI hope you're well! We met at the meetup. Would you have 20 minutes?"
    assert "connection_not_first" not in codes(request(body))


def test_a_pleasantry_does_not_hide_an_opening_about_the_writer():
    body = (
        "Hi Maya,\n\nI hope you're well. I'm a psychology graduate. Could we talk for 20 minutes?"
    )
    assert spanned(body, only(request(body), "connection_not_first")) == (
        "I'm a psychology graduate."
    )


def test_an_abbreviation_does_not_end_the_first_sentence():
    body = "Hi Maya,\n\nMy tutor Dr. Lin suggested I contact you. Would you have 20 minutes?"
    assert "connection_not_first" not in codes(request(body))


# mentions_job --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("I'd love a job at Globex.", "job"),
        ("Do you have a job for me?", "job"),
        ("I'm looking for a new job.", "looking for a new job"),
        ("Is there a good job for someone like me?", "job"),
        ("I'm job hunting at the moment.", "job hunting"),
        ("My job search is slow.", "job search"),
        ("Are there job openings?", "job openings"),
        ("Are there any openings on your team?", "any openings"),
        ("Do you have any open positions?", "open positions"),
        ("I'm interested in a position at your company.", "interested in a position"),
        ("I'm hoping for a position with Globex.", "hoping for a position"),
        ("Do you know of positions at Globex?", "positions at Globex"),
        ("Any vacancies?", "vacancies"),
        ("Are you hiring?", "Are you hiring"),
        ("Is your team hiring right now?", "Is your team hiring"),
        ("Would you hire someone like me?", "hire someone like me"),
        ("Are you recruiting juniors?", "Are you recruiting"),
        ("Here is my CV.", "CV"),
        ("Could you pass my résumé to your manager?", "résumé"),
        ("Could you pass my resume to your manager?", "resume"),
        ("I'd be grateful for a referral for a role on your team.", "referral for a role"),
        ("Could you refer me for the opening?", "refer me for"),
        ("Could you put in a good word for me?", "put in a good word"),
        ("Are there any opportunities at your company?", "any opportunities"),
        ("Please keep me in mind.", "keep me in mind"),
        ("I'd love to join your team.", "join your team"),
        ("Let me know if anything comes up.", "anything comes up"),
        ("I'm looking for work in UX.", "looking for work"),
        ("I am applying for a role at Globex.", "applying for a role"),
        ("I'm applying for positions in Berlin.", "applying for positions"),
        ("Could I send you my CV?", "CV"),
        ("I'm very interested in your graduate scheme.", "interested in your graduate scheme"),
        ("Your team might be hiring soon, I hear.", "Your team might be hiring"),
        ("I'd take anything to get my foot in the door.", "foot in the door"),
        ("I've applied for the Junior Analyst role.", "applied for the Junior Analyst role"),
        ("I'd love to work for your company.", "love to work for your company"),
    ],
)
def test_a_job_seeking_phrase_is_an_error_spanning_it(sentence, flagged):
    body = f"Hi Maya,\n\nWe met at the meetup. {sentence} Would you have 20 minutes?"
    finding = only(request(body), "mentions_job")
    assert finding.severity == "error"
    assert spanned(body, finding) == flagged
    assert finding.message


def test_the_job_message_quotes_the_word_and_suggests_other_words():
    finding = only(request("Hi Maya,\n\nI'd love a job."), "mentions_job")
    assert finding.message == (
        "“job” reads as asking for a job. Informational interviews are about learning; "
        "try “your work in …”."
    )


def test_every_mention_is_its_own_finding():
    body = "Hi Maya,\n\nWe met. Are you hiring? I'd love a job. Any vacancies?"
    spans = [spanned(body, f) for f in request(body).findings if f.code == "mentions_job"]
    assert spans == ["Are you hiring", "job", "vacancies"]


@pytest.mark.parametrize(
    "sentence",
    [
        "You did a great job explaining research ops.",
        "You did a fantastic job at the meetup.",
        "Great job on the keynote!",
        "Your team did a brilliant job with the redesign.",
        "It was such a good job of storytelling.",
        "I learned so much on the job.",
        "In my day job I teach maths.",
        "My current job is in retail.",
        "Your job title is intriguing.",
        "I enjoyed your talk about job crafting.",
        "I'm in a good position to try this.",
        "I'm in a good position at the moment to explore.",
        "What is your position on remote research?",
        "I loved the opening keynote.",
        "The opening of your new office looked lovely.",
        "I loved hearing how you approached hiring for your first research team.",
        "How competitive is hiring in UX research?",
        "What do hiring managers look for in a portfolio?",
        "Globex's hiring process sounds thoughtful.",
        "How did you get hired at Globex?",
        "I'd love to resume our conversation.",
        "Is there any opportunity to learn more?",
        "Thanks for the opportunity to talk.",
        "I'm curious about the role of research in product teams.",
        "I'd love to hear about your role at Globex.",
        "Could you refer me to others in the field?",
        "I've been looking for work-life balance.",
        "Would a 20-minute call sometime next month work for you?",
        "Does Tuesday work for you?",
        "I'd love to hear what the job is really like.",
        "What does your job involve day to day?",
        "I work on CV models for retail.",
        "I'm considering applying to PhD programmes next year.",
        "I'm starting to think about applying for my nursing degree.",
        "I've been daydreaming about opening a small bakery.",
    ],
)
def test_innocent_uses_of_job_words_do_not_fire(sentence):
    body = f"Hi Maya,\n\nWe met at the meetup. {sentence} Would you have 20 minutes?"
    assert "mentions_job" not in codes(request(body))


def test_a_follow_up_is_checked_for_job_mentions_too():
    body = "Hi Maya,\n\nFollowing up on my note. Is your team hiring?"
    assert "mentions_job" in codes(check_draft("follow_up", "Re: hello", body))


# attachment ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("I've attached my CV.", "attached my CV"),
        ("Please find my résumé attached.", "Please find my résumé attached"),
        ("My resume is attached for reference.", "resume is attached"),
        ("I am enclosing my CV and cover letter.", "enclosing my CV and cover letter"),
    ],
)
def test_an_attached_cv_is_an_error_spanning_the_phrase(sentence, flagged):
    body = f"Hi Maya,\n\nWe met at the meetup. {sentence} Would you have 20 minutes?"
    finding = only(request(body), "attachment")
    assert finding.severity == "error"
    assert spanned(body, finding) == flagged


def test_an_attached_cv_is_both_an_attachment_and_a_job_mention():
    body = "Hi Maya,\n\nWe met at the meetup. I've attached my resume. Would you have 20 minutes?"
    assert sorted(codes(request(body))) == ["attachment", "mentions_job"]


@pytest.mark.parametrize(
    "sentence",
    ["I've attached the article I mentioned.", "Your CV advice in the talk was great."],
)
def test_an_attachment_that_is_not_a_cv_does_not_fire(sentence):
    body = f"Hi Maya,\n\nWe met at the meetup. {sentence} Would you have 20 minutes?"
    assert "attachment" not in codes(request(body))


# no_question ---------------------------------------------------------------------------------


def test_an_ask_that_is_not_a_question_is_flagged_on_the_ask():
    body = "Hi Maya,\n\nWe met at the meetup. I'd love to have a 20-minute call next week."
    finding = only(request(body), "no_question")
    assert finding.severity == "warning"
    assert spanned(body, finding) == "I'd love to have a 20-minute call next week."


def test_small_talk_is_not_the_question_asked():
    body = "Hi Maya,\n\nHow are you? We met at the meetup. Let me know if 20 minutes works."
    assert "no_question" in codes(request(body))


def test_a_question_ending_in_a_closing_quote_counts():
    body = 'Hi Maya,\n\nWe met at the meetup. Would "20 minutes next week?"'
    assert "no_question" not in codes(request(body))


def test_a_follow_up_without_a_question_is_flagged():
    body = "Hi Maya,\n\nJust following up on my note about UX research."
    assert only(check_draft("follow_up", "Re: hi", body), "no_question").start is None


# no_time_frame -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "time",
    ["20 minutes", "a 15-minute call", "half an hour", "15–20 minutes", "15 to 20 mins",
     "twenty minutes", "a quarter of an hour", "a 20 min chat", "30 minutes", "a few minutes"],
)  # fmt: skip
def test_a_short_bounded_time_passes(time):
    body = f"Hi Maya,\n\nWe met at the meetup. Would you have {time} next week?"
    assert "no_time_frame" not in codes(request(body))


def test_no_time_at_all_is_a_warning_about_the_whole_draft():
    body = "Hi Maya,\n\nWe met at the meetup. Could we have a quick chat?"
    finding = only(request(body), "no_time_frame")
    assert finding.severity == "warning"
    assert finding.start is finding.end is None


@pytest.mark.parametrize(
    ("time", "flagged"),
    [("45 minutes", "45 minutes"), ("an hour", "an hour"), ("20-45 minutes", "20-45 minutes"),
     ("a couple of hours", "a couple of hours")],
)  # fmt: skip
def test_a_time_over_30_minutes_is_a_warning_that_it_is_long(time, flagged):
    body = f"Hi Maya,\n\nWe met at the meetup. Could we talk for {time} next week?"
    finding = only(request(body), "no_time_frame")
    assert finding.severity == "warning"
    assert spanned(body, finding) == flagged
    assert "15–30 minutes" in finding.message


def test_durations_that_are_not_the_ask_are_ignored():
    body = (
        "Hi Maya,\n\nI loved your 45-minute talk at the meetup, and I spent an hour on your "
        "blog. Could we have a quick chat?"
    )
    assert only(request(body), "no_time_frame").start is None


# about_me ------------------------------------------------------------------------------------


def test_a_request_mostly_about_the_writer_is_flagged():
    finding = only(request(BAD_REQUEST), "about_me")
    assert finding.severity == "warning"
    assert finding.start is finding.end is None
    assert finding.message.startswith("About half of this (28 of 54 words) is about you.")


def test_a_request_balanced_between_writer_and_reader_passes():
    body = (
        "Hi Maya,\n\nI found your profile through the Leeds alumni network. I'm exploring UX "
        "research and I'm curious how you moved into it from psychology; I studied it too. "
        "Would you be open to a 20-minute call? I'd be grateful for any time you can spare."
    )
    assert "about_me" not in codes(request(body))


def test_a_very_short_request_is_not_judged_on_pronouns():
    body = "Hi Maya,\n\nWe met. I'm Alex. I study UX and I love it. Could I have 20 minutes?"
    assert "about_me" not in codes(request(body))


# no_specific ---------------------------------------------------------------------------------

GENERIC_THANKS = """Hi Maya,

Thank you so much for taking the time to speak with me today. I learned a lot and really \
appreciated your insights and advice. Thank you for everything you shared.

Best,
Alex"""


def test_a_generic_thank_you_is_flagged():
    finding = only(check_draft("thank_you", "Thank you", GENERIC_THANKS), "no_specific")
    assert finding.severity == "warning"
    assert finding.start is finding.end is None


def test_a_generic_report_back_is_flagged_with_its_own_message():
    body = "Hi Maya,\n\nJust wanted to say your advice really helped. Thank you again!"
    finding = only(check_draft("report_back", "Update", body), "no_specific")
    assert "advice you used" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "You mentioned that most research is evaluative.",
        "Your tip about diary studies was great.",
        "As you suggested, I joined the Research Ops Slack.",
        "I took your advice and read Just Enough Research.",
        "Thanks for the introduction to Maya Chen.",
        "I learned that research ops is a whole career.",
        "The 80/20 split you described struck me.",
        "I especially liked hearing about your first year.",
        "Since we spoke, I've signed up for a course.",
        "I keep thinking of “research is a team sport”.",
        "The book you recommended is great.",
        "I hadn't realised how much of planning is negotiation.",
        "I'm still thinking about what you said about research being a team sport.",
        "The advice to make three tiny games instead of one big one is brilliant.",
        "Knowing that the course takes two years makes it feel possible.",
        "I loved hearing how you moved from payroll into HR.",
        "The point you made about testing in people's homes changed my mind.",
        "Redesigning the booking page as a practice project is such a good idea.",
    ],
)
def test_a_specific_from_the_conversation_passes(sentence):
    body = f"Hi Maya,\n\nThank you for today. {sentence}"
    assert check_draft("thank_you", "Thank you", body).findings == []
    assert check_draft("report_back", "An update", body).findings == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I took your advice and it worked out well.",
        "I really appreciated all the valuable insights you shared.",
        "I've made some progress since we spoke.",
        "I really appreciated your advice about the clinical doctorate.",
        "I did what you said and it's going great!",
        "It was lovely to hear about your work and your journey.",
    ],
)
def test_thanks_for_the_whole_conversation_is_not_a_specific(sentence):
    body = f"Hi Maya,\n\nThank you for today. {sentence}"
    assert codes(check_draft("thank_you", "Thank you", body)) == ["no_specific"]
    assert codes(check_draft("report_back", "An update", body)) == ["no_specific"]


def test_a_placeholder_left_unfilled_is_an_error_in_any_kind():
    body = "Hi Maya,\n\nWhat you said about {specific} stuck with me.\n\nBest,\nAlice"
    for kind in ["request", "follow_up", "thank_you", "keep_in_touch", "report_back"]:
        findings = [
            f
            for f in check_draft(kind, "Thanks {first_name}", body).findings
            if f.code == "unfilled_placeholder"
        ]
        assert [f.severity for f in findings] == ["error", "error"], kind
        [in_subject] = [f for f in findings if f.start is None]
        [in_body] = [f for f in findings if f.start is not None]
        assert "{first_name}" in in_subject.message
        assert body[in_body.start : in_body.end] == "{specific}"


def test_braces_that_are_not_placeholders_pass():
    body = "Hi Maya,\n\nThe set {1, 2} and a lone { brace.\n\nBest,\nAlice"
    assert not [
        f
        for f in check_draft("keep_in_touch", "Hello", body).findings
        if f.code == "unfilled_placeholder"
    ]
