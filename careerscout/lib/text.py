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


def excerpt_around(text: str, query: str, words: int = 20) -> str:
    """Words of the notes around the first word of the query found in them."""
    parts = text.translate(_MARKDOWN_MARKS).split()
    wanted = [fold(word) for word in query.split()]
    hit = next((i for i, part in enumerate(parts) if any(w in fold(part) for w in wanted)), 0)
    start = max(hit - words // 3, 0)
    chosen = " ".join(parts[start : start + words])
    return ("…" if start else "") + chosen + ("…" if start + words < len(parts) else "")
