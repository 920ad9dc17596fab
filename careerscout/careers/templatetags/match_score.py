"""The "who to ask" score in plain words: `{{ score|match_label }}` and `{% match_scale %}`.

The score (careers/ranking.py) adds up to about 100: up to 60 for how close someone's work
is, up to 25 for how warm the connection, up to 20 for a target organisation and 5 for
knowing how you met; a person asked already keeps a third of it. The bands below read that
sum back in words, so a bare number never has to speak for itself.
"""

import math
from dataclasses import dataclass
from itertools import pairwise

from django import template

register = template.Library()


@dataclass(frozen=True)
class Band:
    lowest: int
    label: str
    meaning: str


SCALE = [
    Band(60, "Strong match", "their work is close to this career, often with a warm connection"),
    Band(35, "Good match", "related work, or close work with someone you barely know"),
    Band(15, "Some match", "a warm connection or a target organisation, but other work"),
    Band(0, "Long shot", "little links them to this career yet"),
]


@register.filter
def match_label(score: float) -> str:
    """The band a score falls in, compared as shown: a whole number, half up as floatformat."""
    shown = math.floor(score + 0.5)
    return next(band.label for band in SCALE if shown >= band.lowest)


@register.simple_tag
def match_scale() -> list[tuple[Band, str]]:
    """Each band with its range in points: "60 and up", "35–59", …"""
    ranges = [f"{SCALE[0].lowest} and up"]
    ranges += [f"{band.lowest}–{above.lowest - 1}" for above, band in pairwise(SCALE)]
    return list(zip(SCALE, ranges, strict=True))
