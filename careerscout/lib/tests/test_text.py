from careerscout.lib.markdown import render_notes
from careerscout.lib.text import excerpt, excerpt_around, fold


def test_accents_and_case_fold_away():
    assert fold("José NÚÑEZ") == "jose nunez"


def test_letters_without_a_decomposition_fold_too():
    assert fold("Łukasz Søren Æsir Straße") == "lukasz soren aesir strasse"


def test_other_scripts_are_kept():
    assert fold("李小龙 Ольга") == "李小龙 ольга"


def test_notes_keep_their_lines_and_markers_and_stay_safe():
    html = render_notes("A **bold** start\n> Build a portfolio\n- Long hours\n+ Users\n<b>x</b>")
    assert "<strong>bold</strong>" in html
    assert "<blockquote>" not in html and "<ul>" not in html
    assert "&gt; Build a portfolio<br" in html and "- Long hours<br" in html
    assert "<b>" not in html


def test_an_excerpt_is_plain_words_cut_with_an_ellipsis():
    assert excerpt("# Call\n**Bold** words here", words=2) == "Call Bold…"
    assert excerpt("Short", words=5) == "Short"


def test_an_excerpt_around_a_word_shows_where_it_was_found():
    text = " ".join(f"w{n}" for n in range(40)) + " Kanban board " + "tail " * 10
    around = excerpt_around(text, "kanban", words=9)
    assert around.startswith("…") and around.endswith("…")
    assert "Kanban board" in around
