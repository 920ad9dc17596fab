"""The design system on one page (/design/): every token and component as the pages use them,
so a change to a piece shows everywhere at once, and the browser tests photograph it."""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careerscout.careers.models import Career
from careerscout.conversations.stats import ResponseRate
from careerscout.insights.dashboard import Bar
from careerscout.lib.vocabulary import ConversationStatus

COLOURS = [
    ("bg", "Page background"),
    ("surface", "Cards, the header, form fields' surround"),
    ("surface-2", "Quiet fills"),
    ("text", "Text"),
    ("muted", "Secondary text, captions"),
    ("border", "Borders and rules"),
    ("accent", "Primary buttons, chart fills, the current page"),
    ("accent-strong", "Links, icons on soft fills"),
    ("accent-soft", "Chips that went well, success messages, chart tracks"),
    ("danger", "Errors, overdue, destructive buttons"),
    ("danger-soft", "Error messages"),
    ("warning", "Warnings"),
    ("warning-soft", "Warning messages"),
    ("focus", "The keyboard focus ring"),
]
TYPE_SCALE = [
    ("step-3", "1.8rem", "Page title (h1)"),
    ("step-2", "1.44rem", "Large numbers"),
    ("step-1", "1.2rem", "Section title (h2)"),
    ("step-0", "1rem", "Body text and h3"),
    ("step--1", "0.85rem", "Chips, captions, small print"),
]
SPACING = [(n, f"{n * 0.25:g}rem") for n in (1, 2, 3, 4, 5)] + [(6, "2rem")]
ICONS = [
    ("sun", "Today"),
    ("users", "People"),
    ("briefcase", "Careers"),
    ("chat-bubble-left-right", "Conversations"),
    ("question-mark-circle", "Questions"),
    ("chart-bar", "Insights"),
    ("cog-6-tooth", "Settings"),
    ("pencil", "Edit"),
    ("plus", "Add"),
    ("trash", "Delete"),
    ("paper-airplane", "Send"),
    ("arrow-down-tray", "Download"),
    ("printer", "Print"),
    ("calendar-days", "Schedule"),
]


@dataclass(frozen=True)
class SampleMessage:
    """Shaped like a message from django.contrib.messages, for showing every kind."""

    level_tag: str
    text: str
    extra_tags: str = ""

    def __str__(self) -> str:
        return self.text


@require_GET
def design(request: HttpRequest) -> HttpResponse:
    context = {
        "colours": COLOURS,
        "type_scale": TYPE_SCALE,
        "spacing": SPACING,
        "icons": ICONS,
        "statuses": [*ConversationStatus.choices, *Career.Status.choices],
        "messages_shown": [
            SampleMessage("success", "Saved. Maya Chen is on your list."),
            SampleMessage("info", "Nothing to import: every row is already here."),
            SampleMessage("warning", "This conversation is scheduled in the past."),
            SampleMessage("error", "The date is not valid: use a date like 14 Dec 2026."),
        ],
        "weeks": [Bar(f"{day} Nov", value, 4) for day, value in [(2, 1), (9, 0), (16, 3), (23, 2)]],
        "stages": [
            Bar(label, value, 12)
            for label, value in [("Planned", 12), ("Requested", 9), ("Replied", 5), ("Held", 4)]
        ],
        "rates": [ResponseRate("Alumni", 5, 3), ResponseRate("LinkedIn", 4, 1)],
    }
    return render(request, "design.html", context)
