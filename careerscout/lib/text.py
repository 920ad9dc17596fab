"""Text folding shared by search, matching and de-duplication."""

import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent.
UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ß": "ss"}
)


def fold(text: str) -> str:
    """Lower-case and strip accents so that "José Núñez" matches "jose nunez"
    and "Łukasz Søren" matches "lukasz soren"."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


EXCERPT_WORDS = 30
_MARKDOWN_MARKS = str.maketrans("", "", "#*_`>[]")


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """The first words of Markdown notes as plain text, for a list that links to the whole."""
    parts = text.translate(_MARKDOWN_MARKS).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
