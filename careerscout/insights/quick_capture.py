"""Quick-capture notes: the shorthand typed during a conversation, read into items.

`parse_notes(text, topic=None)` returns one `CapturedItem` per non-blank line, in order. The
shorthand is a contract other tools rely on: change it only compatibly. It is read
strictly where a loose reading would misfile ordinary prose, and generously where the intent
is plain. `topic` is the topic of the planned question the notes were taken under: every item
without a topic tag of its own inherits it ("" or None: no topic).

Lines
- Lines end at \\n, \\r\\n or \\r; `line` counts from 1 and includes blank lines, which give no
  item. Indentation and trailing spaces are ignored; text is NFC-normalised (names typed on
  different systems then compare equal).

Markers: at the start of the line (after indentation) and followed by whitespace
- `!` insight, `+` appeal, `-` concern, `>` advice, `?` question, `[ ]` action.
- `@` followed directly by a name is a referral; `@` followed by a space or nothing is a note.
- Anything else is a plain `note`, kept as typed: "pay is ok - not great", "-5% growth",
  "!important", "write to maya@globex.com", "talk to @Maya" (an `@` inside a line).
- A line of just a marker ("!") is a note.
- Decision: `>>` is a note (a nested quote, not advice).
- Decision: `[x]`/`[X]` (a done task) is a note that keeps its "[x]": the contract has no done
  state, and something already done must not come back as a to-do.
- Decision: a Markdown bullet `* ` (or `• `) is dropped from a note's text; the rest is not
  read for a marker ("* ! x" is the note "! x"), because `*` is the plain-note bullet.
- Decision: `- [ ] …` and `* [ ] …` (Markdown task lists) are actions: a concern reading
  "[ ] Read …" is never what was meant.

Tags: a `#` counts only at the start of the line or after whitespace, so URL fragments
(`https://example.org/page#section`) and `#1` stay text; a tag ends at whitespace or at
`. , ; ! ? )`, so `#pay/benefits` is text too.
- Topic tags: a slug or alias (`#day`, `#pay`, `#hours`, `#entry`, `#start`, `#people`), any
  case, with `-` or `_` optional between words (`#day-to-day`, `#Day_To_Day`, `#daytoday`);
  also the singulars `#skill`, `#trend`, `#resource` and the label `#getting-in`. Removed
  from the text. An unknown `#word` is text, not a topic.
- Decision: the first topic tag wins; a later tag for the same topic is removed, one for a
  different topic stays in the text so no word is lost.
- Skill tags: `#skill:SQL`, `#skill:"survey design"` (straight or curly quotes; `#skills:`
  too), several per line, kept in order without repeats (compared ignoring case). An unquoted
  name ends at whitespace, less trailing `. , ; : ! ? )`; `C++`, `C#`, `Node.js` survive.
- Decision: skill tags after the last word of the line are removed from the text; a skill tag
  with words after it reads as part of the sentence, so its name stays in the text
  ("Needs #skill:SQL daily" → "Needs SQL daily"). Limitation: a sentence that ends in a tag
  loses that word ("Needs #skill:SQL and #skill:R" → "Needs SQL and").
- A line of only skill (and topic) tags is a `skill` item. Decision: any item whose text is
  empty but that names skills gets the skills, joined with ", ", as its text. A line of only
  a topic tag is a note with empty text: its one word became the topic.

Due dates: an action's trailing `by YYYY-MM-DD` (after tags are removed; "By" too, an ending
"." allowed) sets `due` and leaves the text. An impossible date (2026-02-30), or one outside
the years 1900–2200 (lib/dates.py), stays in the text with no due date. Nothing is checked
against today: this module has no clock. Other kinds keep "by …" as text.

Referrals: `@Name`, optionally `(Title, Organisation)` right after the name, then a note.
- With parentheses: everything between `@` and "(" is the name, when it is 1–5 name-like
  words (letters, marks, `' ’ - . ·`), without "says"/"said", either all capitalised (or in a
  script without case, or particles like "van", "de", "al") or all lower case. Inside:
  title and organisation split at the last comma (one of `, ，、`), unless what follows is a
  company suffix ("Acme, Inc."); without a comma, at the last " at " or " @ ". A single
  value with neither is the title: the contract's order puts the title first, and a wrong
  organisation would keep the referral from matching its contact. Full-width `（）` work too.
- Without parentheses: the leading capitalised words, allowing lowercase particles between
  them ("Vincent van Gogh") and prefixed surnames ("al-Rashid", "d'Alembert"); for scripts
  without case (中文, العربية, हिन्दी, 한국어…) the leading words in such scripts. The name ends
  at `, ; : ! ? (` (or `，、；：！？。（`, even with no space before them), at a dash, "says",
  "said", the pronoun "I" or any other word, and after a word ending in a full stop, except
  the dot of an initial ("J.") or of Dr./Jr./St.
- If the first word is in lower case (`@maya`), it alone is the name: write names
  capitalised, or use parentheses ("@maya chen (UX, Globex)"), to give more words.
- A name cannot contain "@" or start with a digit or punctuation: such a line is a note.
- The note is what follows the name and parentheses, less leading `, ; : . ! ? — – -`.
- Limitations: capitalised words right after a name join it ("@Maya Chen Globex" → name
  "Maya Chen Globex"); in scripts without case, a name runs to the next punctuation.

`Person` (in `as_dict()`): `{"name", "title", "organization", "note"}`, all strings; title,
organization and note are "" when not given, as for contacts.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from careerscout.lib.dates import is_sensible_year
from careerscout.lib.vocabulary import TOPIC_TAG_ALIASES, ItemKind, Topic

TOPICS: tuple[str, ...] = tuple(Topic.values)

# Keys are lower case without "-" or "_", so #day-to-day, #Day_To_Day and #daytoday all match.
_TOPIC_BY_TAG: dict[str, Topic] = {
    **{topic.value.replace("_", ""): topic for topic in Topic},
    **TOPIC_TAG_ALIASES,
    "skill": Topic.SKILLS,
    "trend": Topic.TRENDS,
    "resource": Topic.RESOURCES,
    "gettingin": Topic.PATH,
}


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str = ""
    organization: str = ""
    note: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "title": self.title,
            "organization": self.organization,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class CapturedItem:
    kind: ItemKind
    text: str
    topic: Topic | None = None
    skills: tuple[str, ...] = ()
    due: date | None = None
    person: Person | None = None
    line: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The API's item; `line` stays out of it, as the interface lists no such field."""
        return {
            "kind": str(self.kind),
            "text": self.text,
            "topic": str(self.topic) if self.topic else None,
            "skills": list(self.skills),
            "due": self.due.isoformat() if self.due else None,
            "person": self.person.as_dict() if self.person else None,
        }


def parse_notes(text: str, topic: str | None = None) -> list[CapturedItem]:
    """Items in the notes, one per non-blank line; ValueError for an unknown `topic` slug.

    An empty `topic` means none, as in a model's blank CharField.
    """
    topic = topic or None
    if topic is not None and topic not in TOPICS:
        raise ValueError(f"Unknown topic “{topic}”; use one of {', '.join(TOPICS)}.")
    inherited = Topic(topic) if topic else None
    items = []
    lines = _LINE_BREAK.split(text.removeprefix("\ufeff"))
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line:
            items.append(_parse_line(line, number, inherited))
    return items


# Lines --------------------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MARKER = re.compile(
    r"""
      (?P<task>(?:[*•-]\s+)?\[\ \])\s+
    | (?P<mark>[!+>?-])\s+
    | (?P<at>@)(?=[^\W\d_])
    | (?P<bullet>[*•])\s+
    """,
    re.X,
)
_KIND_BY_MARK: dict[str, ItemKind] = {
    "!": ItemKind.INSIGHT,
    "+": ItemKind.APPEAL,
    "-": ItemKind.CONCERN,
    ">": ItemKind.ADVICE,
    "?": ItemKind.QUESTION,
}
_DUE = re.compile(r"(?:^|\s+)by\s+([0-9]{4})-([0-9]{2})-([0-9]{2})\.?$", re.I)


def _parse_line(line: str, number: int, inherited: Topic | None) -> CapturedItem:
    if not unicodedata.is_normalized("NFC", line):
        line = unicodedata.normalize("NFC", line)
    kind = ItemKind.NOTE
    content = line
    marker = _MARKER.match(line)
    if marker:
        content = line[marker.end() :]
        if marker["task"]:
            kind = ItemKind.ACTION
        elif marker["mark"]:
            kind = _KIND_BY_MARK[marker["mark"]]
        elif marker["at"]:
            kind = ItemKind.REFERRAL
    text, topic, skills = _read_tags(content)
    due = None
    person = None
    if kind == ItemKind.ACTION:
        text, due = _split_due(text)
    elif kind == ItemKind.REFERRAL:
        person = _read_person(text)
        if person is None:
            kind = ItemKind.NOTE
            text = "@" + text
    if not text and skills:
        text = ", ".join(skills)
        if kind == ItemKind.NOTE:
            kind = ItemKind.SKILL
    return CapturedItem(
        kind=kind,
        text=text,
        topic=topic or inherited,
        skills=skills,
        due=due,
        person=person,
        line=number,
    )


def _split_due(text: str) -> tuple[str, date | None]:
    found = _DUE.search(text)
    if not found:
        return text, None
    try:
        due = date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return text, None
    if not is_sensible_year(due.year):
        return text, None
    return text[: found.start()].rstrip(), due


# Tags ---------------------------------------------------------------------------------------

_TAG = re.compile(
    r"""
    \#(?<!\S\#)(?:
        (?i:skills?):(?:"(?P<quoted>[^"]+)"|“(?P<curly>[^”]+)”|(?P<bare>[^\s"“”]+))
      | (?P<word>[^\W\d_][\w-]*)
    )
    (?=[\s.,;!?)]|$)
    """,
    re.X,
)
_TRAILING_PUNCTUATION = ".,;:!?)"
_BETWEEN_TRAILING_TAGS = re.compile(r"[\s.,;:!?)]*")
_NOT_CLOSING = re.compile(r"[^.!?)]+")


def _read_tags(content: str) -> tuple[str, Topic | None, tuple[str, ...]]:
    """(text without tags, the line's topic, its skills)."""
    if "#" not in content:
        return content, None, ()
    tags: list[tuple[int, int, str]] = []  # start, end, skill name ("" for a topic tag)
    topic: Topic | None = None
    skills: dict[str, str] = {}
    for found in _TAG.finditer(content):
        group = found.lastgroup
        if group == "word":
            slug = _TOPIC_BY_TAG.get(found["word"].lower().replace("-", "").replace("_", ""))
            if slug is None or (topic is not None and slug != topic):
                continue
            topic = slug
            tags.append((found.start(), found.end(), ""))
            continue
        if group == "bare":
            name = found["bare"].rstrip(_TRAILING_PUNCTUATION)
            end = found.start("bare") + len(name)
        else:
            name = " ".join(found[group].split())
            end = found.end()
        if name:
            tags.append((found.start(), end, name))
            skills.setdefault(name.casefold(), name)
    if not tags:
        return content, None, ()

    trailing_from = len(tags)
    boundary = len(content)
    while trailing_from and _BETWEEN_TRAILING_TAGS.fullmatch(
        content, tags[trailing_from - 1][1], boundary
    ):
        trailing_from -= 1
        boundary = tags[trailing_from][0]

    head = ""
    after_gap = False  # a removed topic tag just before: join the next text across its gap
    position = 0
    for start, end, skill in tags[:trailing_from]:
        piece = content[position:start] + skill
        head = _join_across_gap(head, piece) if after_gap else head + piece
        after_gap = not skill
        position = end
    piece = content[position:boundary]
    head = (_join_across_gap(head, piece) if after_gap else head + piece).strip()
    if not head:
        return "", topic, tuple(skills.values())
    # Between and after trailing tags there is only spacing and punctuation; the punctuation
    # that can close a sentence is kept, so "Matters #skill:SQL." reads "Matters."
    closing = "".join(
        content[tags[index][1] : tags[index + 1][0] if index + 1 < len(tags) else len(content)]
        for index in range(trailing_from, len(tags))
    )
    if closing:
        closing = _NOT_CLOSING.sub("", closing)
    return head + closing, topic, tuple(skills.values())


def _join_across_gap(left: str, right: str) -> str:
    """Join the text either side of a removed tag with one space, or none before punctuation."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left or right
    if right[0] in _TRAILING_PUNCTUATION:
        return left + right
    return f"{left} {right}"


# Referrals ----------------------------------------------------------------------------------

_PARENTHESISED = re.compile(r"([^()（）]*?)\s*[(（]([^()（）]*)[)）](.*)", re.S)
# A word, or one character of punctuation that ends a name.
_NAME_TOKEN = re.compile(r"[^\s,;:!?，、；：！？。()（）]+|\S")
_NAME_STOP_WORDS = frozenset({"says", "said", "say"})
_PARTICLES = frozenset(
    {"al", "bin", "binti", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du",
     "el", "ibn", "la", "le", "ten", "ter", "van", "von", "y"}
)  # fmt: skip
_KEEP_DOT = frozenset({"dr", "jr", "sr", "st", "mr", "mrs", "ms", "mx", "prof"})
_WITHOUT_NAME_PUNCTUATION = str.maketrans("", "", "'’-‐.·・")
_PRONOUN_I = re.compile(r"I(?:['’](?:m|ll|ve|d))?")
_PREFIXED_SURNAME = re.compile(r"[^\W\d_]{1,3}['’-]([^\W\d_])")
_NOTE_LEAD = re.compile(r"[\s,;:.!?—–\-，、。：；]+")
_TITLE_SEPARATOR = re.compile(r"\s*[,，、]\s*")
_AT = re.compile(r"\s+(?:at|@)\s+", re.I)
_COMPANY_SUFFIXES = frozenset(
    {"inc", "ltd", "llc", "llp", "plc", "gmbh", "ag", "sa", "s.a", "co", "corp", "limited",
     "bv", "b.v", "pty", "pty. ltd", "sarl", "srl", "spa", "oy", "ab", "as", "kk"}
)  # fmt: skip


def _read_person(rest: str) -> Person | None:
    """The person a referral names (the text after "@"), or None when it names no one."""
    parenthesised = _PARENTHESISED.fullmatch(rest) if "(" in rest or "（" in rest else None
    if parenthesised and _is_name_before_parentheses(parenthesised[1]):
        title, organization = _title_and_organization(parenthesised[2])
        return Person(
            name=" ".join(parenthesised[1].split()),
            title=title,
            organization=organization,
            note=_NOTE_LEAD.sub("", parenthesised[3], count=1).strip(),
        )
    tokens = _NAME_TOKEN.finditer(rest)
    token = next(tokens, None)
    if token is None or "@" in token[0]:
        return None
    words: list[tuple[str, int]] = []  # each word of the name, and where it ends in `rest`
    while token is not None:
        following = next(tokens, None)
        word = token[0]
        full_stop = word.endswith(".") and not _keeps_dot(word)
        if full_stop:
            word = word.rstrip(".")
        if not words and word and not _starts_name(word):
            words.append((word, token.start() + len(word)))  # @maya: a lower-case first word
            break
        if not _continues_name(word, bool(words), following[0] if following else ""):
            break
        words.append((word, token.start() + len(word)))
        if full_stop:
            break
        token = following
    while len(words) > 1 and words[-1][0].lower() in _PARTICLES:
        words.pop()  # "@Maya de la": particles only count between names
    if not words:
        return None
    return Person(
        name=" ".join(word for word, _end in words),
        note=_NOTE_LEAD.sub("", rest[words[-1][1] :], count=1).strip(),
    )


def _continues_name(word: str, after_a_name: bool, following: str) -> bool:
    if not word or not _name_shaped(word) or word.lower() in _NAME_STOP_WORDS:
        return False
    if after_a_name and _PRONOUN_I.fullmatch(word):
        return False
    if _starts_name(word):
        return True
    # "van" in "Vincent van Gogh", "von der" in "Ursula von der Leyen": only after a name.
    return (
        after_a_name
        and word.lower() in _PARTICLES
        and _name_shaped(following)
        and (_starts_name(following) or following.lower() in _PARTICLES)
    )


def _is_name_before_parentheses(candidate: str) -> bool:
    words = candidate.split()
    if not 1 <= len(words) <= 5:
        return False
    if not all(_name_shaped(word) for word in words):
        return False
    if any(word.lower() in _NAME_STOP_WORDS for word in words):
        return False
    return all(_starts_name(word) or word.lower() in _PARTICLES for word in words) or all(
        word.islower() for word in words
    )


def _name_shaped(word: str) -> bool:
    """Letters, with the apostrophes, hyphens, dots and marks that names carry."""
    if not word[:1].isalpha():
        return False
    letters = word.translate(_WITHOUT_NAME_PUNCTUATION)
    return letters.isalpha() or all(
        character.isalpha() or unicodedata.category(character).startswith("M")
        for character in letters
    )


def _starts_name(word: str) -> bool:
    """Capitalised, in a script without case, or a prefixed surname like "al-Rashid"."""
    if word[0].isalpha() and not word[0].islower():
        return True
    prefixed = _PREFIXED_SURNAME.match(word)
    return bool(prefixed and prefixed[1].isupper())


def _keeps_dot(word: str) -> bool:
    """Initials ("J.") and short titles ("Dr.") keep their dot; a sentence's full stop does not."""
    stem = word.rstrip(".")
    return len(stem) == 1 or stem.lower() in _KEEP_DOT


def _title_and_organization(inside: str) -> tuple[str, str]:
    parts = [part for part in _TITLE_SEPARATOR.split(" ".join(inside.split())) if part]
    while len(parts) >= 2 and parts[-1].lower().rstrip(".") in _COMPANY_SUFFIXES:
        parts[-2:] = [f"{parts[-2]}, {parts[-1]}"]
    if len(parts) >= 2:
        return ", ".join(parts[:-1]), parts[-1]
    if not parts:
        return "", ""
    title, at, organization = _rpartition(_AT, parts[0])
    if at and title and organization:
        return title, organization
    return parts[0], ""


def _rpartition(pattern: re.Pattern[str], text: str) -> tuple[str, str, str]:
    matches = list(pattern.finditer(text))
    if not matches:
        return "", "", text
    last = matches[-1]
    return text[: last.start()], last[0], text[last.end() :]
