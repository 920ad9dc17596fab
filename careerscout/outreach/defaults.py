"""Default outreach templates, one per draft kind, written to pass the checker as filled in.

Placeholders are `{name}` in braces; `render_template` fills them. Square brackets hold
choices separated by `|`: the first choice whose placeholders all have a value is used, so
`[A question about {career}|A question about your work]` reads right with or without a
career, and `[ about {career}]` is simply left out without one. Outside brackets, a sentence
whose placeholder has no value is left out. People edit these freely, so rendering never
fails on a stray or unknown brace: a name it does not know stays visible, for the checker to
point at.
"""

import re
from typing import NamedTuple

PLACEHOLDERS: dict[str, str] = {
    "first_name": "Their first name, as you would greet them.",
    "name": "Their full name.",
    "my_name": "Your name, as you sign.",
    "connection": "How you are connected, as words that can follow a dash: “we met at the UX "
    "Berlin meetup last spring” or “Sam Lee suggested I get in touch”.",
    "career": "The field you are exploring, as it reads in a sentence: “UX research”.",
    "a_role": "The role, with “a” or “an”: “a UX researcher” (only with one career).",
    "organization": "Where they work.",
    "title": "Their job title.",
    "minutes": "How long you ask for; 20 unless you change it.",
    "specific": "One thing they said, as words of their own: “you suggested I start with "
    "diary studies” or “you mentioned “lots of time talking to users””.",
    "action": "What you mean to do next, to follow “I'm going to”: “try a diary study”.",
    "last_topic": "What you last talked about: “UX research”.",
    "when": "The agreed time in their time zone, e.g. “Tuesday 1 December, 10:00–10:20”.",
    "where": "Where you meet, as a sentence: “Here is the link: …” or “See you at …”.",
}

DEFAULT_MINUTES = 20

# Someone to fill a template for when the person checks their own version of it.
EXAMPLE_VALUES: dict[str, str] = {
    "first_name": "Maya",
    "name": "Maya Chen",
    "my_name": "Alex Kim",
    "connection": "we met at the UX Berlin meetup last spring",
    "career": "UX research",
    "a_role": "a UX researcher",
    "organization": "Globex",
    "title": "Senior Researcher",
    "minutes": str(DEFAULT_MINUTES),
    "specific": "you suggested I start with diary studies before big surveys",
    "action": "try one on my next project",
    "last_topic": "UX research",
    "when": "Tuesday 1 December, 10:00–10:20 (Berlin time)",
    "where": "Here is the link: https://meet.example/abc",
}


class DefaultTemplate(NamedTuple):
    """Unpacks as `subject, body = DEFAULT_TEMPLATES[kind]`."""

    subject: str
    body: str


_REQUEST_SUBJECT = (
    "[A question about {career}|A question about your work at {organization}"
    "|A question about your work]"
)

DEFAULT_TEMPLATES: dict[str, DefaultTemplate] = {
    "request": DefaultTemplate(
        subject=_REQUEST_SUBJECT,
        body=(
            "Hi {first_name},\n\n"
            "I'm {my_name} — {connection}. "
            "[I'm exploring {career} and would love to hear how you became {a_role} and what "
            "your work is like day to day."
            "|I'm exploring {career} and would love to hear how you got into it and what your "
            "work is like day to day."
            "|I'd love to hear how you got into your work and what it is like day to day.]\n\n"
            "Would you be open to a {minutes}-minute call in the next couple of weeks? I'm "
            "happy to work around your schedule.\n\n"
            "Thank you,\n"
            "{my_name}"
        ),
    ),
    "follow_up": DefaultTemplate(
        subject=f"Re: {_REQUEST_SUBJECT}",
        body=(
            "Hi {first_name},\n\n"
            "I know your inbox is busy, so I'm following up just once "
            "[on my note about {career}|on my earlier note]. I'd still love to hear about "
            "your work, even briefly.\n\n"
            "Would you have {minutes} minutes in the next few weeks? If now isn't a good time, "
            "no worries at all, and thank you either way.\n\n"
            "Best wishes,\n"
            "{my_name}"
        ),
    ),
    "thank_you": DefaultTemplate(
        subject="Thank you for your time",
        body=(
            "Hi {first_name},\n\n"
            "Thank you for taking the time to talk with me[ about {career}]. "
            "[It really stuck with me when {specific}."
            "|I especially enjoyed hearing how you became {a_role}."
            "|I especially enjoyed hearing how you got into your work.] "
            "[I'm going to {action}, and I'll let you know how it goes."
            "|I'll keep you posted on how things go.]\n\n"
            "Thanks again for being so generous with your time.\n\n"
            "Best wishes,\n"
            "{my_name}"
        ),
    ),
    "keep_in_touch": DefaultTemplate(
        subject="A quick hello from {my_name}",
        body=(
            "Hi {first_name},\n\n"
            "[I hope all is well at {organization}.|I hope all is well with you.] "
            "[I was thinking about our conversation about {last_topic}"
            "|I was thinking about our last conversation] and wanted to say hello.\n\n"
            "How are things on your side? I'd love to hear what you're working on these days.\n\n"
            "All the best,\n"
            "{my_name}"
        ),
    ),
    "confirm": DefaultTemplate(
        subject="Looking forward to our chat",
        body=(
            "Hi {first_name},\n\n"
            "Just confirming our {minutes}-minute chat[ on {when}]. {where}\n\n"
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
            "I wanted to let you know how your advice helped. "
            "[When we spoke, {specific}."
            "|Hearing how you became {a_role} has stayed with me since we spoke."
            "|Hearing how you got into your work has stayed with me since we spoke.] "
            "My first step was to {action}. "
            "[It has made a real difference as I explore {career}.|It has made a real "
            "difference.]\n\n"
            "Thank you again. I'd be glad to hear how things are going for you, too.\n\n"
            "Best wishes,\n"
            "{my_name}"
        ),
    ),
}

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_CHOICES = re.compile(r"\[([^\[\]]*\{[A-Za-z_][A-Za-z0-9_]*\}[^\[\]]*)\]")
# A sentence: from after the last end mark or line break to the next end mark or line break.
_SENTENCE = re.compile(r"[^\n.!?]*?\{(?P<name>[A-Za-z_]\w*)\}[^\n.!?]*(?:[.!?]+[\"'”’)]*)?")


def render_template(text: str, values: dict[str, str]) -> str:
    """Fill `{name}` placeholders, choosing among `[a|b]` and leaving out sentences whose
    known placeholder has no value; unknown names and any other braces stay as written."""

    def has_value(name: str) -> bool:
        return str(values.get(name, "")) != ""

    def missing(name: str) -> bool:
        return name in PLACEHOLDERS and not has_value(name)

    def choose(match: re.Match[str]) -> str:
        for choice in match.group(1).split("|"):
            if all(has_value(name) for name in _PLACEHOLDER.findall(choice)):
                return choice
        return ""

    def drop_sentence(match: re.Match[str]) -> str:
        names = _PLACEHOLDER.findall(match.group())
        return "" if any(missing(name) for name in names) else match.group()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(values[name]) if has_value(name) else match.group(0)

    text = _CHOICES.sub(choose, text)
    text = _SENTENCE.sub(drop_sentence, text)
    return _tidy(_PLACEHOLDER.sub(fill, text))


def _tidy(text: str) -> str:
    """Spaces and blank lines left behind by a sentence or a choice that was left out."""
    lines = [re.sub(r"(?<=\S) {2,}", " ", line).rstrip() for line in text.split("\n")]
    # One space left at the start of a line is from a sentence left out; more is indentation.
    text = re.sub(r"(?m)^ (?=\S)", "", "\n".join(lines))
    text = re.sub(r" +([,.;:!?])", r"\1", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
