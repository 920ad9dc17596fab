"""Markdown rendered for display, with everything a note could use to attack the page removed."""

import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


# Quick-capture markers at the start of a line of notes ("> advice", "- concern", "+ appeal"),
# which Markdown would read as a quotation or a list.
_NOTE_MARKER = re.compile(r"^(\s*)([>+-])(?=\s)", re.M)


def render_notes(text: str) -> SafeString:
    """Notes taken during a conversation: line by line as typed, markers shown as written,
    and the rest Markdown (bold, links…)."""
    return render_markdown(_NOTE_MARKER.sub(r"\1\\\2", text or ""), extensions=["nl2br"])


def render_markdown(text: str, extensions: list[str] = ()) -> SafeString:
    html = markdown_lib.markdown(text or "", extensions=["tables", "sane_lists", *extensions])
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)


# Characters Markdown reads as formatting, escaped with a backslash; < > & become entities,
# because Python-Markdown passes raw HTML through and has no backslash escape for "<".
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]{}()#|~!])")
_LINE_START = re.compile(r"^(\s*)([-+]|\d+\.)(?=\s)")


def escape_markdown(text: str) -> str:
    """Text as it reads, on one line, for a Markdown document: no HTML, links or headings."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return _LINE_START.sub(lambda match: match[1] + "\\" + match[2], text)
