"""Charts as data, then as SVG: columns per week, the outreach funnel, bars with their counts."""

from xml.etree import ElementTree

from careerscout.lib import charts


def parse(drawing: charts.Drawing) -> ElementTree.Element:
    return ElementTree.fromstring(str(drawing.svg()))


def test_columns_are_as_tall_as_their_share_of_the_largest():
    drawing = charts.columns([("2 Nov", 1), ("9 Nov", 0), ("16 Nov", 4)])
    first, last = drawing.of("rect", "chart__fill")
    assert last.attrs["height"] == 4 * first.attrs["height"]
    assert len(drawing.of("rect", "chart__fill")) == 2, "an empty week draws no column"
    assert [t.text for t in drawing.of("text", "chart__muted")] == ["1", "2 Nov", "4", "16 Nov"]


def test_the_latest_week_is_always_labelled_and_every_other_week_before_it():
    weeks = [(f"week {n}", n) for n in range(1, 13)]
    labels = [t.text for t in charts.columns(weeks).shapes if t.text.startswith("week")]
    assert labels == [f"week {n}" for n in range(2, 13, 2)]


def test_a_funnel_narrows_with_each_stage_and_says_what_share_got_there():
    drawing = charts.funnel([("Planned", 20), ("Requested", 10), ("Held", 1)])
    widths = [bar.attrs["width"] for bar in drawing.of("rect", "chart__fill")]
    assert widths[0] == 2 * widths[1] > widths[2]
    assert len(drawing.of("polygon", "chart__neck")) == 2
    texts = [t.text for t in drawing.of("text")]
    assert texts == ["Planned", "20", "Requested", "10 · 50%", "Held", "1 · 5%"]
    narrow = drawing.of("text")[-1]
    assert narrow.css == "chart__muted", "a value too long for its bar is written beside it"


def test_an_empty_funnel_still_draws():
    svg = parse(charts.funnel([("Planned", 0), ("Requested", 0)]))
    assert svg.get("viewBox") == "0 0 360 62"


def test_bars_share_one_scale_and_keep_their_counts():
    drawing = charts.bars(
        [charts.Bar("Alumni", 3, 4, "3 of 4 replied"), charts.Bar("Event", 0, 2, "0 of 2 replied")]
    )
    tracks = drawing.of("rect", "chart__track")
    assert [t.attrs["width"] for t in tracks] == [360, 180]
    assert [f.attrs["width"] for f in drawing.of("rect", "chart__fill")] == [270]
    assert "3 of 4 replied" in [t.text for t in drawing.of("text")]


def test_the_svg_is_hidden_from_screen_readers_and_themed_by_class():
    svg = parse(charts.bars([charts.Bar("Alumni", 1, 2, "1 of 2")]))
    assert svg.get("aria-hidden") == "true"
    fill = svg.find("rect[@class='chart__fill']")
    assert fill is not None and fill.get("fill") == "#2f6f62"
    assert "style" not in ElementTree.tostring(svg, encoding="unicode"), "CSP forbids inline styles"


def test_labels_are_escaped_and_long_ones_shortened():
    svg = str(charts.bars([charts.Bar("<script>" + "x" * 60, 1, 1, "1 of 1")]).svg())
    assert "<script>" not in svg
    label = ElementTree.fromstring(svg).find("text")
    assert label is not None and label.text.startswith("<script>") and label.text.endswith("…")
    assert len(label.text) == 32
