"""Text folding shared by search, matching and de-duplication."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case and strip accents so that "José Núñez" matches "jose nunez"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
