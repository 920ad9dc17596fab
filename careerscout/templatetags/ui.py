"""`{% load ui %}`: the design system's small pieces, an icon and a status chip.

Icons come from the heroicons package. A decorative icon is hidden from screen readers; one
that stands alone (a button with no text) gets `label`, which becomes its accessible name.
"""

from functools import lru_cache

from django import template
from django.utils.html import format_html
from heroicons.templatetags.heroicons import heroicon_micro, heroicon_mini

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.lib import charts

register = template.Library()

# A status's icon says at a glance how far something got; the chip's text says it in words.
STATUS_ICONS = {
    # Conversations
    "planned": "pencil-square",
    "requested": "paper-airplane",
    "scheduled": "calendar-days",
    "held": "chat-bubble-left-right",
    "thanked": "heart",
    "declined": "x-circle",
    "no_reply": "clock",
    "cancelled": "no-symbol",
    # Careers
    "exploring": "magnifying-glass",
    "promising": "sparkles",
    "pursuing": "rocket-launch",
    "set_aside": "archive-box",
}
# The kinds of work on Today and elsewhere, each with its icon.
WORK_ICONS = {
    "upcoming": "calendar-days",
    "reflect": "light-bulb",
    "thank_you": "heart",
    "follow_up": "arrow-uturn-right",
    "report_back": "envelope",
    "keep_in_touch": "hand-raised",
    "actions": "check-circle",
}
# Statuses that went well, and ones that ended without a conversation: the chip's tone.
GOOD = {*Conversation.AFTER_THE_CALL, Career.Status.PROMISING, Career.Status.PURSUING}
ENDED = {*Conversation.SIDE_EXITS, Career.Status.SET_ASIDE}


@register.simple_tag
def icon(name: str, label: str = "", *, small: bool = False, css: str = "") -> str:
    """An icon from heroicons; decorative unless `label` names it."""
    svg = _svg(name, small, css)
    if label:
        return format_html(
            '<span class="icon-label" role="img" aria-label="{}">{}</span>', label, svg
        )
    return svg


@lru_cache(maxsize=1024)
def _svg(name: str, small: bool, css: str) -> str:
    """heroicons parses and copies the icon's XML on every call; a page shows dozens."""
    classes = " ".join(filter(None, ["icon", "icon--small" if small else "", css]))
    draw = heroicon_micro if small else heroicon_mini
    return draw(name, **{"class": classes, "aria-hidden": "true", "focusable": "false"})


@register.simple_tag
def status_icon(status: str) -> str:
    """The icon of a status, decorative: its words are always beside it."""
    return icon(STATUS_ICONS.get(status, "information-circle"))


@register.simple_tag
def work_icon(kind: str) -> str:
    """The icon of a kind of work (a section of Today), decorative beside its heading."""
    return icon(WORK_ICONS.get(kind, "check-circle"))


@register.simple_tag(name="status_tone")
def tone(status: str) -> str:
    if status in GOOD:
        return "good"
    if status in ENDED:
        return "ended"
    return "active"


@register.simple_tag
def status_chip(status: str, label: str) -> str:
    """A status as a chip: icon, words, and a tone (good, active, ended) shared by all pages."""
    return format_html(
        '<span class="chip chip--{} status status--{}">{}{}</span>',
        tone(status),
        status,
        icon(STATUS_ICONS.get(status, "information-circle"), small=True),
        label,
    )


@register.simple_tag
def column_chart(rows) -> str:
    """Columns for counts over time; `rows` have .label and .value."""
    return charts.columns([(row.label, row.value) for row in rows]).svg()


@register.simple_tag
def funnel_chart(rows) -> str:
    """A funnel for stages; `rows` have .label and .value, the widest stage first."""
    return charts.funnel([(row.label, row.value) for row in rows]).svg()


@register.simple_tag
def rate_chart(rows) -> str:
    """Replies out of requests, with their counts; `rows` have .label, .asked, .replied."""
    return charts.bars(
        [charts.Bar(row.label, row.replied, row.asked, row.summary) for row in rows]
    ).svg()


@register.simple_tag
def count_chart(rows, unit: str = "") -> str:
    """Counts out of a whole (topics of 8); `rows` have .label, .value and .of."""
    return charts.bars(
        [
            charts.Bar(row.label, row.value, row.of, f"{row.value} of {row.of} {unit}".strip())
            for row in rows
        ]
    ).svg()
