"""Default outreach templates, one per draft kind, written to pass the checker as filled in.

Placeholders are `{name}` in braces; `render_template` fills them. People edit these freely,
so rendering never fails on a stray or unknown brace: what it cannot fill stays visible.
"""

import re
from typing import NamedTuple

PLACEHOLDERS: dict[str, str] = {
    "first_name": "Their first name, as you would greet them.",
    "my_name": "Your name, as you sign.",
    "connection": "How you are connected, to follow a dash: “we met at the UX Berlin meetup "
    "last spring” or “Sam Lee suggested I get in touch”.",
    "career": "The field you are exploring, e.g. “UX research”.",
    "organization": "Where they work.",
    "minutes": "How long you ask for; 20 unless you change it.",
    "specific": "One thing they said, e.g. “starting with diary studies before big surveys”.",
    "action": "What you will do (thank-you: “try one on my next project”) or did (report back: "
    "“ran two diary studies this month”) with it.",
    "last_topic": "What you last talked about, e.g. “moving from teaching into research”.",
    "when": "The agreed time in their time zone, e.g. “Tuesday 1 December, 10:00–10:20”.",
    "where": "Where you meet, or the video link.",
}

DEFAULT_MINUTES = 20


class DefaultTemplate(NamedTuple):
    """Unpacks as `subject, body = DEFAULT_TEMPLATES[kind]`."""

    subject: str
    body: str


DEFAULT_TEMPLATES: dict[str, DefaultTemplate] = {
    "request": DefaultTemplate(
        subject="A question about your work in {career}",
        body=(
            "Hi {first_name},\n\n"
            "I'm {my_name} — {connection}. I'm exploring {career} and would love to hear how "
            "you got into it and what your work is like day to day.\n\n"
            "Would you be open to a {minutes}-minute call in the next couple of weeks? I'm "
            "happy to work around your schedule.\n\n"
            "Thank you,\n"
            "{my_name}"
        ),
    ),
    "follow_up": DefaultTemplate(
        subject="Re: A question about your work in {career}",
        body=(
            "Hi {first_name},\n\n"
            "I know your inbox is busy, so I'm following up just once on my note about "
            "{career}. I'd still love to hear about your work, even briefly.\n\n"
            "Would you have {minutes} minutes in the next few weeks? If now isn't a good time, "
            "no worries at all, and thank you either way.\n\n"
            "Best wishes,\n"
            "{my_name}"
        ),
    ),
    "thank_you": DefaultTemplate(
        subject="Thank you for today",
        body=(
            "Hi {first_name},\n\n"
            "Thank you for taking the time to talk with me today. What you said about "
            "{specific} really stuck with me, and I'm going to {action}.\n\n"
            "I'll let you know how it goes. Thanks again for being so generous with your "
            "time.\n\n"
            "Best wishes,\n"
            "{my_name}"
        ),
    ),
    "keep_in_touch": DefaultTemplate(
        subject="A quick hello from {my_name}",
        body=(
            "Hi {first_name},\n\n"
            "I hope all is well at {organization}. I was thinking about our chat on "
            "{last_topic} and wanted to say hello.\n\n"
            "How are things on your side? I'd love to hear what you're working on these days.\n\n"
            "All the best,\n"
            "{my_name}"
        ),
    ),
    "confirm": DefaultTemplate(
        subject="Looking forward to tomorrow",
        body=(
            "Hi {first_name},\n\n"
            "Just confirming our {minutes}-minute chat tomorrow, {when}. {where}\n\n"
            "If anything has changed on your side, just let me know. Thank you again for "
            "making the time.\n\n"
            "Best wishes,\n"
            "{my_name}"
        ),
    ),
    "report_back": DefaultTemplate(
        subject="How your advice helped",
        body=(
            "Hi {first_name},\n\n"
            "I wanted to let you know how your advice helped. When we spoke, you suggested "
            "{specific}, so I {action}. It has made a real difference as I explore {career}.\n\n"
            "Thank you again. I'd be glad to hear how things are going for you, too.\n\n"
            "Best wishes,\n"
            "{my_name}"
        ),
    ),
}

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def render_template(text: str, values: dict[str, str]) -> str:
    """Fill `{name}` placeholders; unknown names and any other braces are left as written."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(values[name]) if name in values else match.group(0)

    return _PLACEHOLDER.sub(fill, text)
