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
