"""Fitting the person's own words (how they know someone, lines from their notes) into the
sentences of a draft. What cannot be fitted is quoted, or left out: a message never carries a
fragment spliced in raw ("What you said about build a portfolio")."""

import re

# Verbs a line of advice or an action usually starts with ("Build a portfolio", "Email Dana").
IMPERATIVE_VERBS = frozenset(
    {
        "add", "apply", "ask", "attend", "avoid", "be", "become", "book", "build", "buy", "call",
        "change", "check", "choose", "come", "compare", "consider", "contact", "create", "do",
        "draft", "email", "e-mail", "explore", "figure", "find", "finish", "focus", "follow",
        "get", "give", "go", "have", "help", "invest", "join", "keep", "learn", "listen", "look",
        "make", "map", "meet", "message", "network", "note", "offer", "pick", "plan", "post",
        "practice", "practise", "prepare", "put", "read", "reach", "reconnect", "redo", "refresh",
        "register", "research", "review", "revise", "rewrite", "run", "save", "say", "schedule",
        "see", "send", "set", "share", "shadow", "show", "sign", "sketch", "skip", "speak",
        "spend", "start", "stay", "stop", "study", "subscribe", "take", "talk", "tell", "think",
        "track", "try", "update", "use", "visit", "volunteer", "watch", "work", "write"
    }
)  # fmt: skip
# Past-tense verbs a note about meeting someone often starts with: "Met at UX Berlin".
_MET_VERBS = frozenset(
    {
        "met", "worked", "studied", "spoke", "talked", "chatted", "connected", "volunteered",
        "sat", "served", "trained"
    }
)  # fmt: skip
_SUBJECT_WORDS = frozenset(
    {"we", "i", "you", "my", "our", "your", "she", "he", "they", "her", "his", "their"}
)
# Finite verbs that make a note a clause: "She spoke at my bootcamp", "Sam suggested I …".
_FINITE = re.compile(
    r"^(?:am|is|are|was|were|know|knew|read|taught|gave|put|ran|sent|told|said|saw|heard|met"
    r"|spoke|sat|went|go|run|runs|work|works|know|knows|lives?|leads?|teach|teaches|study|follow"
    r"|suggests?|recommends?|\w+ed)$",
    re.I,
)
LONGEST_CONNECTION_WORDS = 20


def fit_connection(how_we_know: str, their_name: str = "") -> str:
    """A clause to follow "I'm Alex —", or "" when the note is not one ("Former colleague").

    Notes about someone are written about them ("She spoke at my bootcamp"); the message is
    written to them, so they become "you" ("you spoke at my bootcamp")."""
    text = " ".join(how_we_know.split()).rstrip(".;,!")
    words = text.split()
    if not words or len(words) > LONGEST_CONNECTION_WORDS:
        return ""
    first = words[0].lower()
    if first in _MET_VERBS:
        return f"we {first} {' '.join(words[1:])}".strip()
    named = _leading_name(words, their_name)
    if named or first in _THIRD_PERSON:
        rest = words[named or 1 :]
        if rest and _FINITE.match(rest[0]):
            return _to_them(["you", _SECOND_PERSON_VERB.get(rest[0].lower(), rest[0]), *rest[1:]])
        return ""
    if first in _SUBJECT_WORDS and any(_FINITE.match(word) for word in words[1:]):
        clause = words if first == "i" else [first, *words[1:]]
        return _to_them(clause)
    for index, word in enumerate(words[:4]):
        if _FINITE.match(word):
            by_name = index > 0 and all(w[:1].isupper() for w in words[:index])
            return _to_them(words) if by_name else ""
    return ""


_THIRD_PERSON = frozenset({"she", "he", "they"})
_SECOND_PERSON_VERB = {"was": "were", "is": "are", "has": "have", "does": "do"}
_OBJECT_BEFORE = frozenset(
    {
        "at", "in", "on", "through", "via", "last", "when", "after", "during", "from", "back",
        "years", "once", "twice", "and"
    }
)  # fmt: skip


def _leading_name(words: list[str], their_name: str) -> int:
    """How many leading words name the person written to ("Maya", "Maya Chen")."""
    names = their_name.split()
    for count in (len(names), 1):
        if count and [w.lower() for w in words[:count]] == [n.lower() for n in names[:count]]:
            return count
    return 0


def _to_them(words: list[str]) -> str:
    """ "… met her at …" → "… met you at …"; "… his team" → "… your team"."""
    changed = []
    for index, word in enumerate(words):
        bare, tail = word.rstrip(".,;:!"), word[len(word.rstrip(".,;:!")) :]
        following = words[index + 1].lower() if index + 1 < len(words) else ""
        lower = bare.lower()
        if lower in {"him", "them"} or (
            lower == "her" and (not following or following in _OBJECT_BEFORE or tail)
        ):
            bare = "you"
        elif lower in {"his", "her", "their"}:
            bare = "your"
        changed.append(bare + tail)
    return " ".join(changed)


def fit_said(kind: str, text: str) -> str:
    """One thing they said, as a clause of its own: "you suggested I build a portfolio", or,
    when it is not advice to act on, "you mentioned “lots of time talking to users”"."""
    text = " ".join(text.split()).rstrip(".;,!")
    if not text:
        return ""
    first, _space, rest = text.partition(" ")
    verb = first.lower()
    if kind == "advice":
        if verb in {"don't", "don’t", "never"} and rest:
            negation = "not" if verb != "never" else "never"
            return f"you advised me {negation} to {rest}"
        if verb in IMPERATIVE_VERBS:
            return f"you suggested I {_curly_quotes(_lower_first(text))}"
    return f"you mentioned {quoted(text)}"


def fit_action(text: str) -> str:
    """An action to follow "I'm going to" ("read “Just Enough Research”"), or "" when it does
    not start with a verb ("Coffee with Dana")."""
    text = " ".join(text.split()).rstrip(".;,!")
    first = text.split(" ", 1)[0].lower() if text else ""
    if first not in IMPERATIVE_VERBS:
        return ""
    return _curly_quotes(_lower_first(text))


def quoted(text: str) -> str:
    """“text”, with its own double quotes turned to single ones so the quote stays whole."""
    inner = re.sub(r"[\"“](.*?)[\"”]", r"‘\1’", text)
    return f"“{_lower_first(inner)}”"


def _lower_first(text: str) -> str:
    """ "Build a portfolio" → "build a portfolio"; "UX teams" and "I" keep their capitals."""
    first = text.split(" ", 1)[0]
    if first == "I" or first.startswith("I'") or sum(c.isupper() for c in first) > 1:
        return text
    return text[:1].lower() + text[1:]


def _curly_quotes(text: str) -> str:
    return re.sub(r"\"(.*?)\"", r"“\1”", text)


def natural_join(phrases: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(phrases) <= 2:
        return " and ".join(phrases)
    return f"{', '.join(phrases[:-1])} and {phrases[-1]}"
