"""Charts drawn on the server as SVG: columns, a funnel and bars with their counts.

Each chart is data first (a `Drawing` of shapes, easy to test) and SVG second. Colours come
from CSS classes, so light and dark follow the theme; the `fill` attributes are only the light
theme's fallback where no style sheet applies. The drawing is hidden from screen readers: the
page around it gives a title, a description and the numbers as a table.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH = 360
FONT = 11
COLOURS = {
    "chart__fill": "#2f6f62",
    "chart__track": "#e3f1ed",
    "chart__neck": "#e3f1ed",
    "chart__text": "#1f2328",
    "chart__muted": "#57606a",
    "chart__inside": "#ffffff",
    "chart__axis": "#d8dee4",
}


@dataclass(frozen=True)
class Shape:
    """One SVG element: `tag` is rect, polygon, line or text; `css` picks its colour."""

    tag: str
    css: str
    attrs: dict[str, str | int | float] = field(default_factory=dict)
    text: str = ""

    def svg(self) -> SafeString:
        attrs = {**self.attrs, "class": self.css}
        if self.tag != "line":
            attrs["fill"] = COLOURS.get(self.css.split()[0], "currentColor")
        else:
            attrs["stroke"] = COLOURS["chart__axis"]
        rendered = format_html_join(" ", '{}="{}"', ((key, _number(v)) for key, v in attrs.items()))
        return format_html("<{} {}>{}</{}>", self.tag, rendered, self.text, self.tag)


@dataclass(frozen=True)
class Drawing:
    height: int
    shapes: list[Shape]
    width: int = WIDTH

    def of(self, tag: str, css: str = "") -> list[Shape]:
        return [s for s in self.shapes if s.tag == tag and (not css or css in s.css.split())]

    def svg(self) -> SafeString:
        return format_html(
            '<svg class="chart__svg" viewBox="0 0 {} {}" width="{}" height="{}" '
            'font-size="{}" aria-hidden="true" focusable="false">{}</svg>',
            self.width,
            self.height,
            self.width,
            self.height,
            FONT,
            format_html_join("", "{}", ((shape.svg(),) for shape in self.shapes)),
        )


def _number(value) -> str:
    return f"{value:.1f}".removesuffix(".0") if isinstance(value, float) else str(value)


def _text(x: float, y: float, text: str, css: str = "chart__text", anchor: str = "start") -> Shape:
    return Shape("text", css, {"x": x, "y": y, "text-anchor": anchor}, text)


def _short(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def columns(points: Sequence[tuple[str, int]], *, height: int = 180) -> Drawing:
    """One column per point (e.g. a week), its value above it, every other label below.

    The last point is always labelled: it is the one people look for first.
    """
    top, bottom = 16, 22
    plot = height - top - bottom
    slot = WIDTH / max(len(points), 1)
    largest = max((value for _label, value in points), default=0)
    shapes = [
        Shape("line", "chart__axis", {"x1": 0, "y1": top + plot, "x2": WIDTH, "y2": top + plot})
    ]
    last = len(points) - 1
    for index, (label, value) in enumerate(points):
        x = index * slot
        size = plot * value / largest if largest else 0
        centre = x + slot / 2
        if value:
            shapes.append(
                Shape(
                    "rect",
                    "chart__fill",
                    {
                        "x": x + slot * 0.15,
                        "y": top + plot - size,
                        "width": slot * 0.7,
                        "height": size,
                        "rx": 2,
                    },
                )
            )
            shapes.append(
                _text(centre, top + plot - size - 4, str(value), "chart__muted", "middle")
            )
        if (last - index) % 2 == 0:
            shapes.append(_text(centre, height - 6, label, "chart__muted", "middle"))
    return Drawing(height, shapes)


def funnel(stages: Sequence[tuple[str, int]]) -> Drawing:
    """Stages as centred bars that narrow as fewer get through, joined by a neck.

    Each bar's width is its share of the first stage; its value and that share are written
    inside when they fit, beside the bar when they do not.
    """
    label_width, row, bar = 92, 36, 26
    area = WIDTH - label_width
    middle = label_width + area / 2
    first = stages[0][1] if stages else 0
    shapes: list[Shape] = []
    previous: tuple[float, float] | None = None
    for index, (label, value) in enumerate(stages):
        y = index * row
        width = max(area * value / first, 2) if first else 2
        left, right = middle - width / 2, middle + width / 2
        if previous:
            above = y - (row - bar)
            corners = [(previous[0], above), (previous[1], above), (right, y), (left, y)]
            points = " ".join(f"{px:.1f},{py}" for px, py in corners)
            shapes.append(Shape("polygon", "chart__neck", {"points": points}))
        shapes.append(
            Shape(
                "rect", "chart__fill", {"x": left, "y": y, "width": width, "height": bar, "rx": 3}
            )
        )
        shapes.append(_text(label_width - 8, y + bar / 2 + 4, label, "chart__text", "end"))
        words = f"{value}" if index == 0 or not first else f"{value} · {value / first:.0%}"
        if width >= 9 * len(words):
            shapes.append(_text(middle, y + bar / 2 + 4, words, "chart__inside", "middle"))
        else:
            shapes.append(_text(right + 6, y + bar / 2 + 4, words, "chart__muted"))
        previous = (left, right)
    return Drawing(max(len(stages) * row - (row - bar), 1), shapes)


@dataclass(frozen=True)
class Bar:
    """A bar's filled part out of its track, e.g. 3 replied of 5 asked; `words` say it."""

    label: str
    filled: int
    track: int
    words: str


def bars(rows: Sequence[Bar], *, scale: int | None = None) -> Drawing:
    """Horizontal bars, label above and its words at the right: long labels never collide.

    Tracks are drawn to one scale (the largest track unless given), so a group asked five
    times looks bigger than one asked twice, and its filled part shows how many answered.
    """
    row, bar = 40, 12
    largest = scale or max((r.track for r in rows), default=0)
    shapes: list[Shape] = []
    for index, entry in enumerate(rows):
        y = index * row
        track = WIDTH * entry.track / largest if largest else 0
        filled = WIDTH * entry.filled / largest if largest else 0
        shapes.append(_text(0, y + 13, _short(entry.label), "chart__text"))
        shapes.append(_text(WIDTH, y + 13, entry.words, "chart__muted", "end"))
        shapes.append(
            Shape(
                "rect",
                "chart__track",
                {"x": 0, "y": y + 19, "width": track, "height": bar, "rx": 3},
            )
        )
        if filled:
            shapes.append(
                Shape(
                    "rect",
                    "chart__fill",
                    {"x": 0, "y": y + 19, "width": filled, "height": bar, "rx": 3},
                )
            )
    return Drawing(max(len(rows) * row - (row - bar - 19), 1), shapes)
