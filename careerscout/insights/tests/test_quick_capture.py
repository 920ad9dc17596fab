import dataclasses
from datetime import date

import pytest

from careerscout.insights.quick_capture import (
    TOPICS,
    CapturedItem,
    Person,
    parse_notes,
)


def one(line: str, topic: str | None = None) -> CapturedItem:
    [item] = parse_notes(line, topic)
    return item


# Markers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ("! Most research is evaluative", "insight", "Most research is evaluative"),
        ("+ Lots of time talking to users", "appeal", "Lots of time talking to users"),
        ("- On-call rotations during launches", "concern", "On-call rotations during launches"),
        ("> Build a portfolio of 3 case studies", "advice", "Build a portfolio of 3 case studies"),
        ("? What do research ops roles pay?", "question", "What do research ops roles pay?"),
        ("[ ] Email Maya a thank-you", "action", "Email Maya a thank-you"),
        ("@Maya Chen", "referral", "Maya Chen"),
        ("They hire mostly from bootcamps", "note", "They hire mostly from bootcamps"),
    ],
)  # fmt: skip
def test_each_marker_gives_its_kind_and_leaves_the_text(line, kind, text):
    item = one(line)
    assert (item.kind, item.text) == (kind, text)


@pytest.mark.parametrize("indent", ["  ", "\t", "    "])
def test_a_marker_may_be_indented(indent):
    assert one(f"{indent}! Indented insight").kind == "insight"


def test_any_whitespace_after_a_marker_counts_and_is_not_kept():
    assert one("!\tTabbed").text == "Tabbed"
    assert one("+   Spaced   out").text == "Spaced   out"


@pytest.mark.parametrize(
    "line",
    [
        "pay is ok - not great",
        "-5% growth last year",
        "!important to ask about",
        "+1 for remote work",
        "?why not",
        "[ ]Read the book",
        "[] Read the book",
        "[  ] Read the book",
        "-- signed",
        "---",
    ],
)
def test_a_marker_must_start_the_line_and_be_followed_by_a_space(line):
    item = one(line)
    assert (item.kind, item.text) == ("note", line)


@pytest.mark.parametrize("line", ["!", "+", "-", ">", "?", "@", "[ ]"])
def test_a_line_of_only_a_marker_is_a_note(line):
    item = one(f"{line}   ")
    assert (item.kind, item.text) == ("note", line)


def test_a_doubled_quote_marker_is_a_note_not_advice():
    item = one(">> As she put it: ship early")
    assert (item.kind, item.text) == ("note", ">> As she put it: ship early")


@pytest.mark.parametrize("box", ["[x]", "[X]"])
def test_a_done_task_is_a_note_that_keeps_its_box(box):
    item = one(f"{box} Sent the thank-you by 2026-03-01")
    assert (item.kind, item.text, item.due) == (
        "note",
        f"{box} Sent the thank-you by 2026-03-01",
        None,
    )


@pytest.mark.parametrize("bullet", ["* ", "• "])
def test_a_markdown_bullet_is_a_plain_note_without_the_bullet(bullet):
    item = one(f"{bullet}They use Dovetail for synthesis")
    assert (item.kind, item.text) == ("note", "They use Dovetail for synthesis")


def test_a_marker_after_a_bullet_is_not_read():
    item = one("* ! Not an insight")
    assert (item.kind, item.text) == ("note", "! Not an insight")


def test_an_emphasised_line_is_not_a_bullet():
    assert one("**Big** news").text == "**Big** news"


@pytest.mark.parametrize("line", ["- [ ] Read the book", "* [ ] Read the book"])
def test_a_markdown_task_list_item_is_an_action_not_a_concern(line):
    item = one(line)
    assert (item.kind, item.text) == ("action", "Read the book")


# Lines --------------------------------------------------------------------------------------


def test_blank_lines_give_no_items_but_count_in_line_numbers():
    items = parse_notes("\n! First\n   \n\t\n+ Second\n\n")
    assert [(item.line, item.kind, item.text) for item in items] == [
        (2, "insight", "First"),
        (5, "appeal", "Second"),
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_any_line_ending_is_understood(newline):
    items = parse_notes(newline.join(["! One", "", "- Two #pay", "[ ] Three by 2026-12-15", ""]))
    assert [(item.line, item.kind, item.text) for item in items] == [
        (1, "insight", "One"),
        (3, "concern", "Two"),
        (4, "action", "Three"),
    ]
    assert items[1].topic == "lifestyle"
    assert items[2].due == date(2026, 12, 15)


def test_a_byte_order_mark_does_not_hide_the_first_marker():
    assert one("\ufeff! Insight").kind == "insight"


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n \t\n"])
def test_notes_without_text_give_no_items(text):
    assert parse_notes(text) == []


def test_trailing_spaces_are_dropped():
    assert one("+ Remote-friendly   \t").text == "Remote-friendly"


def test_decomposed_accents_are_composed_so_names_compare_equal():
    item = one("@Jose\u0301 Nu\u0301n\u0303ez")
    assert item.person is not None
    assert item.person.name == "José Núñez"


# Topics -------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", TOPICS)
def test_every_topic_slug_is_a_tag(slug):
    item = one(f"! Something #{slug}")
    assert (item.topic, item.text) == (slug, "Something")


@pytest.mark.parametrize(
    ("tag", "topic"),
    [
        ("#day", "day_to_day"),
        ("#DAY", "day_to_day"),
        ("#pay", "lifestyle"),
        ("#Pay", "lifestyle"),
        ("#hours", "lifestyle"),
        ("#entry", "path"),
        ("#start", "path"),
        ("#people", "resources"),
        ("#PEOPLE", "resources"),
        ("#day-to-day", "day_to_day"),
        ("#Day_To_Day", "day_to_day"),
        ("#daytoday", "day_to_day"),
        ("#Life-Style", "lifestyle"),
        ("#getting-in", "path"),
        ("#skill", "skills"),
        ("#trend", "trends"),
        ("#resource", "resources"),
    ],
)
def test_aliases_and_label_like_spellings_are_topic_tags(tag, topic):
    item = one(f"- Long hours in spring {tag}")
    assert (item.topic, item.text) == (topic, "Long hours in spring")


def test_a_tag_may_be_anywhere_on_the_line_and_spacing_is_tidied():
    assert one("#pay Salary bands are public").text == "Salary bands are public"
    item = one("! Most research is evaluative #day_to_day, not generative")
    assert (item.topic, item.text) == ("day_to_day", "Most research is evaluative, not generative")


def test_punctuation_after_a_tag_stays_with_the_sentence():
    item = one("- On-call rotations during launches #lifestyle.")
    assert (item.topic, item.text) == ("lifestyle", "On-call rotations during launches.")


@pytest.mark.parametrize(
    "line",
    [
        "#1 priority is shipping",
        "#budget cuts everywhere",
        "Read https://example.org/page#section first",
        "Read https://example.org/guide#pay first",
        "Deadline is (#pay) soon",
        "Ask about #pay/benefits split",
        "C# is used a lot",
        "Channel #day-one is busy",
        "Issue ##pay is open",
    ],
)
def test_a_hash_that_is_no_topic_tag_stays_in_the_text(line):
    item = one(line)
    assert (item.kind, item.text, item.topic) == ("note", line, None)


def test_a_url_with_a_fragment_is_kept_whole_next_to_a_real_tag():
    item = one("! See https://example.org/page#section for the ladder #path")
    assert item.text == "See https://example.org/page#section for the ladder"
    assert item.topic == "path"


def test_the_first_topic_tag_wins_and_a_different_one_stays_in_the_text():
    item = one("+ Flexible hours and a kind team #pay #culture")
    assert (item.topic, item.text) == ("lifestyle", "Flexible hours and a kind team #culture")


def test_repeating_the_same_topic_removes_every_copy():
    item = one("+ Good salary #pay and hours #hours #lifestyle")
    assert (item.topic, item.text) == ("lifestyle", "Good salary and hours")


def test_a_line_of_only_a_topic_tag_is_an_empty_note_with_that_topic():
    item = one("#culture")
    assert (item.kind, item.text, item.topic) == ("note", "", "culture")


def test_items_inherit_the_topic_of_the_planned_question():
    items = parse_notes("! First\n- Second #pay\n@Maya Chen\n#skill:SQL", topic="skills")
    assert [item.topic for item in items] == ["skills", "lifestyle", "skills", "skills"]


def test_without_an_inherited_topic_untagged_items_have_none():
    assert one("! Untagged").topic is None


def test_an_empty_inherited_topic_means_none():
    assert one("! Untagged", topic="").topic is None


def test_an_unknown_inherited_topic_is_refused():
    with pytest.raises(ValueError, match="Unknown topic “pay”"):
        parse_notes("! x", topic="pay")


# Skills -------------------------------------------------------------------------------------


def test_a_skill_tag_records_the_skill():
    item = one("! Everyone writes queries #skill:SQL")
    assert (item.kind, item.text, item.skills) == ("insight", "Everyone writes queries", ("SQL",))


@pytest.mark.parametrize("quoted", ['"survey design"', "“survey design”", '"survey   design"'])
def test_a_quoted_skill_may_hold_spaces(quoted):
    assert one(f"+ Lots of #skill:{quoted}").skills == ("survey design",)


def test_a_line_may_hold_several_skills_kept_in_order_without_repeats():
    item = one('> Learn them #skill:SQL #skill:"survey design" #Skill:Python #skill:sql')
    assert item.skills == ("SQL", "survey design", "Python")
    assert item.text == "Learn them"


def test_skills_plural_is_accepted_too():
    assert one("! x #skills:Figma").skills == ("Figma",)


def test_a_line_of_only_skill_tags_is_a_skill_item_listing_them():
    item = one('#skill:SQL #skill:"survey design"')
    assert (item.kind, item.text, item.skills) == (
        "skill",
        "SQL, survey design",
        ("SQL", "survey design"),
    )


def test_a_skill_line_may_carry_a_topic_tag_and_a_bullet():
    item = one("* #skill:Figma, #skill:Miro #day")
    assert (item.kind, item.text, item.topic) == ("skill", "Figma, Miro", "day_to_day")


def test_a_marked_line_of_only_skills_keeps_its_kind_and_lists_them_as_text():
    item = one("! #skill:SQL #skill:R")
    assert (item.kind, item.text, item.skills) == ("insight", "SQL, R", ("SQL", "R"))


def test_a_skill_tag_inside_a_sentence_leaves_its_name_in_the_text():
    item = one('! Needs #skill:SQL daily and #skill:"survey design" often')
    assert item.text == "Needs SQL daily and survey design often"
    assert item.skills == ("SQL", "survey design")


def test_skill_tags_after_the_last_word_are_removed_but_closing_punctuation_stays():
    item = one("+ Analysis matters most #skill:SQL, #skill:R.")
    assert (item.text, item.skills) == ("Analysis matters most.", ("SQL", "R"))


def test_skill_names_keep_their_own_symbols_but_not_trailing_punctuation():
    item = one("#skill:C++ #skill:C#, #skill:Node.js. #skill:.NET")
    assert item.skills == ("C++", "C#", "Node.js", ".NET")


@pytest.mark.parametrize(
    "line", ["! Use #skill: often", '! Use #skill:"" often', '! Use #skill:"open often']
)
def test_a_skill_tag_without_a_name_stays_in_the_text(line):
    item = one(line)
    assert (item.text, item.skills) == (line[2:], ())


def test_a_hash_inside_a_quoted_skill_is_not_a_topic_tag():
    item = one('! #skill:"C# #day" basics')
    assert (item.skills, item.topic, item.text) == (("C# #day",), None, "C# #day basics")


# Due dates ----------------------------------------------------------------------------------


def test_an_actions_trailing_by_date_is_its_due_date():
    item = one('[ ] Read "Just Enough Research" by 2026-12-15')
    assert (item.kind, item.text, item.due) == (
        "action",
        'Read "Just Enough Research"',
        date(2026, 12, 15),
    )


def test_a_due_date_is_read_after_tags_are_removed():
    item = one("[ ] Ask Maya for an intro By 2026-06-01. #people")
    assert (item.text, item.due, item.topic) == (
        "Ask Maya for an intro",
        date(2026, 6, 1),
        "resources",
    )


@pytest.mark.parametrize("day", ["2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29"])
def test_an_impossible_date_stays_in_the_text_without_a_due_date(day):
    item = one(f"[ ] Call back by {day}")
    assert (item.kind, item.text, item.due) == ("action", f"Call back by {day}", None)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01"])
def test_a_date_outside_the_sensible_range_stays_in_the_text(day):
    item = one(f"[ ] Call back by {day}")
    assert (item.kind, item.text, item.due) == ("action", f"Call back by {day}", None)


def test_a_leap_day_is_a_real_date():
    assert one("[ ] Call back by 2028-02-29").due == date(2028, 2, 29)


@pytest.mark.parametrize(
    "line",
    [
        "[ ] By 2026-12-15 send the report",
        "[ ] Finish by 15/12/2026",
        "[ ] Finish by 2026-12-15 or so",
    ],
)
def test_only_a_trailing_iso_date_is_a_due_date(line):
    item = one(line)
    assert (item.due, item.text) == (None, line[4:])


def test_other_kinds_keep_a_by_date_as_text():
    item = one("! Hiring freezes end by 2026-12-15")
    assert (item.due, item.text) == (None, "Hiring freezes end by 2026-12-15")


# Referrals ----------------------------------------------------------------------------------


def test_a_referral_with_title_organisation_and_note():
    item = one("@Maya Chen (Staff Researcher, Globex) says ok to use her name")
    assert item.kind == "referral"
    assert item.text == "Maya Chen (Staff Researcher, Globex) says ok to use her name"
    assert item.person == Person(
        name="Maya Chen",
        title="Staff Researcher",
        organization="Globex",
        note="says ok to use her name",
    )


@pytest.mark.parametrize(
    ("line", "name", "note"),
    [
        ("@Maya Chen", "Maya Chen", ""),
        ("@Maya Chen says ok to use her name", "Maya Chen", "says ok to use her name"),
        ("@Maya Chen, great mentor", "Maya Chen", "great mentor"),
        ("@Maya Chen — runs the research guild", "Maya Chen", "runs the research guild"),
        ("@Maya Chen - runs the research guild", "Maya Chen", "runs the research guild"),
        ("@Maya Chen: email first", "Maya Chen", "email first"),
        ("@Maya Chen. Knows everyone", "Maya Chen", "Knows everyone"),
        ("@Maya Chen knows the hiring lead", "Maya Chen", "knows the hiring lead"),
        ("@Maya Chen I should write this week", "Maya Chen", "I should write this week"),
        ("@Maya Chen I'll write this week", "Maya Chen", "I'll write this week"),
        ("@Zoë O'Brien-Núñez ok to mention", "Zoë O'Brien-Núñez", "ok to mention"),
        ("@Siobhán O’Connell", "Siobhán O’Connell", ""),
        ("@Vincent van Gogh, painter", "Vincent van Gogh", "painter"),
        ("@Ursula von der Leyen", "Ursula von der Leyen", ""),
        ("@Omar al-Rashid says hi", "Omar al-Rashid", "says hi"),
        ("@Maya de la", "Maya", "de la"),
        ("@J. R. R. Tolkien. Great", "J. R. R. Tolkien", "Great"),
        ("@Dr. Ada Obi runs the lab", "Dr. Ada Obi", "runs the lab"),
        ("@Łukasz Żółkiewski", "Łukasz Żółkiewski", ""),
        ("@Анна Иванова, аналитик", "Анна Иванова", "аналитик"),
        ("@Νίκος Παπαδόπουλος says yes", "Νίκος Παπαδόπουλος", "says yes"),
        ("@王伟 says ok", "王伟", "says ok"),
        ("@王伟，可以提我的名字", "王伟", "可以提我的名字"),
        ("@محمد علي — mentor", "محمد علي", "mentor"),
        ("@राहुल शर्मा, PM at Acme", "राहुल शर्मा", "PM at Acme"),
        ("@김민준 — 디자이너", "김민준", "디자이너"),
        ("@maya chen says hi", "maya", "chen says hi"),
    ],
)
def test_a_referral_without_parentheses_takes_the_leading_name(line, name, note):
    item = one(line)
    assert item.kind == "referral"
    assert item.person == Person(name=name, note=note)


@pytest.mark.parametrize(
    ("line", "person"),
    [
        (
            "@Omar al-Rashid (Head of Research, Acme, Inc.)",
            Person("Omar al-Rashid", "Head of Research", "Acme, Inc."),
        ),
        ("@Ana Lima (VP, Research, Globex)", Person("Ana Lima", "VP, Research", "Globex")),
        ("@Ana Lima (Researcher at Globex) ok", Person("Ana Lima", "Researcher", "Globex", "ok")),
        ("@Ana Lima (Researcher @ Globex)", Person("Ana Lima", "Researcher", "Globex")),
        ("@Ana Lima (Staff Researcher)", Person("Ana Lima", "Staff Researcher")),
        ("@Ana Lima () ok", Person("Ana Lima", note="ok")),
        ("@Ana Lima(UX, Globex)", Person("Ana Lima", "UX", "Globex")),
        ("@maya chen (UX, Globex) great", Person("maya chen", "UX", "Globex", "great")),
        ("@bell hooks (Author, Gloria Watkins)", Person("bell hooks", "Author", "Gloria Watkins")),
        ("@王伟（工程师，腾讯）可以提我的名字", Person("王伟", "工程师", "腾讯", "可以提我的名字")),
        (
            "@Maya Chen (Staff Researcher, Globex), ok",
            Person("Maya Chen", "Staff Researcher", "Globex", "ok"),
        ),
    ],
)
def test_a_referral_with_parentheses_gives_title_and_organisation(line, person):
    assert one(line).person == person


def test_parentheses_after_a_note_belong_to_the_note():
    item = one("@Maya Chen says ok (she is at Globex)")
    assert item.person == Person(name="Maya Chen", note="says ok (she is at Globex)")


def test_an_unclosed_parenthesis_is_part_of_the_note():
    item = one("@Maya Chen (Staff Researcher, Globex says ok")
    assert item.person == Person(name="Maya Chen", note="(Staff Researcher, Globex says ok")


def test_a_referral_loses_its_tags_but_keeps_its_topic():
    item = one("@Maya Chen (Staff Researcher, Globex) ok to mention #people")
    assert item.text == "Maya Chen (Staff Researcher, Globex) ok to mention"
    assert item.topic == "resources"
    assert item.person is not None
    assert item.person.note == "ok to mention"


@pytest.mark.parametrize(
    "line",
    [
        "write to maya@globex.com",
        "talk to @Maya Chen next",
        "@ noon on Friday",
        "@maya@globex.com",
        "@10am call with the team",
        "@#pay",
        "@(Staff Researcher)",
    ],
)
def test_an_at_sign_that_names_no_one_is_a_plain_note(line):
    item = one(line)
    assert (item.kind, item.text, item.person) == ("note", line, None)


def test_an_e_mail_address_in_a_concern_is_not_a_referral():
    item = one("- Only reachable at maya@globex.com")
    assert (item.kind, item.person) == ("concern", None)


# Shape --------------------------------------------------------------------------------------


def test_as_dict_has_exactly_the_interface_fields():
    item = one("[ ] Ask @Maya about #skill:SQL by 2026-12-15 #people")
    assert item.as_dict() == {
        "kind": "action",
        "text": "Ask @Maya about SQL",
        "topic": "resources",
        "skills": ["SQL"],
        "due": "2026-12-15",
        "person": None,
    }


def test_a_referrals_person_is_an_object_of_strings():
    assert one("@Maya Chen").as_dict()["person"] == {
        "name": "Maya Chen",
        "title": "",
        "organization": "",
        "note": "",
    }


def test_items_are_immutable():
    item = one("! x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.text = "y"  # type: ignore[misc]


def test_a_whole_page_of_notes_in_order():
    notes = """Maya Chen, 2026-03-03, UX research

  ! Most research is evaluative, not generative #day_to_day
  + Lots of time talking to users
  - On-call rotations during launches #lifestyle
  > Build a portfolio of 3 case studies #entry
  ? What do research ops roles pay? #pay
  [ ] Read "Just Enough Research" by 2026-12-15
  @Omar Haddad (Research Ops Lead, Initech) says ok to use her name
  #skill:SQL #skill:"survey design"
  * pay is ok - not great
"""
    items = parse_notes(notes, topic="day_to_day")
    assert [(item.line, item.kind, item.topic) for item in items] == [
        (1, "note", "day_to_day"),
        (3, "insight", "day_to_day"),
        (4, "appeal", "day_to_day"),
        (5, "concern", "lifestyle"),
        (6, "advice", "path"),
        (7, "question", "lifestyle"),
        (8, "action", "day_to_day"),
        (9, "referral", "day_to_day"),
        (10, "skill", "day_to_day"),
        (11, "note", "day_to_day"),
    ]


def test_a_long_page_of_notes_gives_one_item_per_non_blank_line():
    page = [
        "! Most research is evaluative, not generative #day_to_day",
        "They said the team is small and ships weekly",
        "- On-call rotations during launches #lifestyle.",
        "",
        '[ ] Read "Just Enough Research" by 2026-12-15',
        "@Maya Chen (Staff Researcher, Globex) says ok to use her name",
        "@Omar al-Rashid — knows the hiring lead",
        '+ Needs #skill:SQL daily #skill:"survey design"',
        "See https://example.org/page#section for the ladder #path",
        "? What do research ops roles pay?",
    ]
    # Speed is measured by `careerscout bench`, not here: timed tests fail on busy machines.
    items = parse_notes("\n".join(page * 500))
    assert len(items) == 4500
