"""The outreach checker: reads a draft the way a careers adviser would and points at what to fix.

`check_draft(kind, subject, body)` returns the body's word count and a list of findings. Which
codes apply to which kind, and when they fire, is a contract other tools rely on (docs/checker.md).
Every check is a plain-text heuristic, tuned so that a finding is worth reading: when a rule
is unsure, it stays quiet. The labelled corpus in tests/corpus/ (docs/checker.md) measures how
often each code is right and how often it is missed.

Word count: every whitespace-separated token with a letter or digit in it, as a word processor
counts (the greeting and sign-off included, "20-minute" is one word). A signature block after
a line of just "--" is not part of the message, so it is not counted or checked.

Severities: errors are what turn an informational-interview request into something else or
keep it from being read: `mentions_job`, `attachment`, `missing_subject`, and `too_long` over
100 words in a request. Everything else is a warning: `too_long` (request over 75 words,
others over 150), `connection_not_first`, `no_question`, `no_time_frame` (none proposed, or
one over 30 minutes), `about_me`, `generic_greeting`, `no_specific`.

Heuristics, in brief:
- greeting: the first line when it opens with Hi/Hello/Dear/…; it names someone when a word
  other than a title or a generic address ("there", "all", "Sir/Madam", "Hiring Manager", a
  team, "everyone at Globex") is left. A first line of only a capitalised name and a comma is
  a greeting too; "Merry Christmas!" is not.
- `connection_not_first`: the first sentence after the greeting, skipping a short pleasantry
  ("I hope you are well."), must say how you are connected or found them: met, spoke,
  fellow, alum, member of, suggested, referred, came across, your talk/article/class, via
  LinkedIn, something you did together or they did for you ("you taught my course"), …
- `mentions_job`: asking for work or talking of applying for it: jobs, positions, roles,
  openings, vacancies, internships, graduate schemes, hiring, CV/résumé, cover letters,
  applications, referrals for a role, "put in a good word", "keep me in mind", "foot in the
  door", … each only in its job-seeking sense. Their job ("what the job is like"), praise
  ("did a great job"), everyday scheduling ("does Tuesday work for you?"), applying for a
  degree, "CV models" (computer vision) and "the opening keynote" do not fire. One finding
  per mention, spanning it; an attached CV is both this and `attachment`.
- `attachment`: a word like attached/enclosed and a CV/résumé in the same sentence.
- `no_question`: no sentence ends in "?", a pleasantry like "How are you?" aside.
- `no_time_frame`: no duration proposed ("20 minutes", "a 15-minute call", "half an hour",
  "15–20 minutes", "a few minutes"), or only ones over 30 minutes. Durations that describe
  something else ("your 45-minute talk", "I spent an hour") are not proposals.
- `about_me`: two or more sentences about the writer that never mention the reader, running
  to 25 words or more and to nearly half (45%) of the message.
- `no_specific`: nothing names one thing from the conversation. It counts: something they
  said with what it was ("you mentioned that …", "your tip about …", "the advice to …"), a
  thing they pointed to ("the RTPI webinar you mentioned"), what the writer learned ("I
  hadn't realised …", "hearing how you …"), an action tied to them ("as you suggested"), an
  introduction to a named person, or a quoted phrase. Thanks for the whole conversation
  does not: "your advice", "the insights you shared", "I took your advice and it worked",
  "since we spoke" on its own.
"""

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal, NamedTuple, get_args

Kind = Literal["request", "follow_up", "thank_you", "keep_in_touch", "report_back", "confirm"]
Severity = Literal["error", "warning"]

KINDS: tuple[str, ...] = get_args(Kind)

CODES_BY_KIND: dict[str, tuple[str, ...]] = {
    "request": (
        "too_long",
        "missing_subject",
        "generic_greeting",
        "connection_not_first",
        "mentions_job",
        "attachment",
        "no_question",
        "no_time_frame",
        "about_me",
    ),
    "follow_up": ("too_long", "missing_subject", "generic_greeting", "mentions_job", "no_question"),
    "thank_you": ("too_long", "missing_subject", "generic_greeting", "no_specific"),
    "keep_in_touch": ("too_long", "missing_subject", "generic_greeting"),
    "report_back": ("too_long", "missing_subject", "generic_greeting", "no_specific"),
    # Not in the shared vocabulary's list of kinds: confirming the day before, added here.
    "confirm": ("too_long", "missing_subject", "generic_greeting"),
}
# Not in the shared vocabulary's table: added here, as the vocabulary allows, for every kind.
CODES_BY_KIND = {kind: (*codes, "unfilled_placeholder") for kind, codes in CODES_BY_KIND.items()}

REQUEST_AIM_WORDS = 75
REQUEST_MAX_WORDS = 100
OTHER_MAX_WORDS = 150
LONGEST_ASK_MINUTES = 30


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CheckResult:
    word_count: int
    findings: list[Finding]

    def as_dict(self) -> dict[str, Any]:
        return {
            "word_count": self.word_count,
            "findings": [finding.as_dict() for finding in self.findings],
        }


class Segment(NamedTuple):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Greeting:
    segment: Segment
    names_someone: bool
    form_letter: bool


@dataclass(frozen=True)
class Draft:
    """The body, split the way the checks read it.

    `text` is the body with curly apostrophes made straight (same length, so offsets hold)."""

    body: str
    text: str
    end: int
    greeting: Greeting | None
    main_start: int
    sentences: list[Segment]
    word_count: int

    @property
    def main(self) -> Segment:
        return Segment(self.main_start, self.end, self.text[self.main_start : self.end])


def check_draft(kind: str, subject: str, body: str) -> CheckResult:
    """Check an outreach draft of the given kind; raises ValueError for an unknown kind."""
    if kind not in CODES_BY_KIND:
        raise ValueError(f"Unknown kind “{kind}”; use one of {', '.join(KINDS)}.")
    draft = parse_draft(body)
    findings: list[Finding] = []
    for code in CODES_BY_KIND[kind]:
        findings.extend(CHECKS[code](kind, subject, draft))
    findings.sort(
        key=lambda finding: (
            finding.severity != "error",
            finding.start is not None,
            finding.start or 0,
        )
    )
    return CheckResult(word_count=draft.word_count, findings=findings)


# Parsing ------------------------------------------------------------------------------------

_SIGNATURE = re.compile(r"^--[ \t]*$", re.M)
_WORD = re.compile(r"\S+")

_OPENER = re.compile(
    r"\s*(?P<opener>to\s+whom\s+it\s+may\s+concern|good\s+(?:morning|afternoon|evening|day)"
    r"|dear|hi|hello|hey|heya|hiya|howdy|greetings|morning|afternoon|evening)\b",
    re.I,
)
_NAME_ONLY_LINE = re.compile(
    r"\s*(?P<name>\{\w+\}|[A-Z][\w'.-]*(?:[ \t]+[A-Z][\w'.-]*){0,2})[ \t]*[,!](?=[ \t]*(?:\n|\Z))"
)
_SIGN_OFF_WORDS = frozenset(
    {"thanks", "thank you", "best", "regards", "cheers", "sincerely", "ps", "p.s", "update"}
)
_GREETING_END = re.compile(r"[,!:;?—–.]|[ \t]-[ \t]")
_TITLES = frozenset(
    {"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "doctor", "rev", "revd", "fr"}
)
_GENERIC_ADDRESS = frozenset(
    {
        "there", "all", "everyone", "everybody", "folks", "friend", "friends", "sir", "sirs",
        "madam", "madame", "or", "and", "colleague", "colleagues", "hiring", "manager",
        "managers", "recruiter", "recruiters", "recruiting", "recruitment", "hr", "human",
        "resources", "talent", "acquisition", "you", "guys", "y'all", "mate", "people", "whom",
        "it", "may", "concern", "the", "to", "my", "dear", "hi", "hello", "hey", "again"
    }
)  # fmt: skip
_COLLECTIVES = frozenset({"team", "teams", "department", "office", "committee", "staff"})
# A first line like "Merry Christmas!" greets the season, not the person.
_SEASONAL = frozenset({"merry", "happy", "season's", "seasons", "congratulations", "congrats"})
_FORM_LETTER = re.compile(r"to\s+whom|\b(?:sir|madam)\b|hiring\s+manager|\brecruit", re.I)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|\Z)|\n[ \t]*\n")
_ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "mx", "prof", "rev", "revd", "fr", "st", "vs", "etc", "e.g", "i.e",
     "approx", "jr",
     "sr", "no", "inc", "ltd", "co", "dept", "a.m", "p.m", "cf", "ca", "mt"}
)  # fmt: skip


def parse_draft(body: str) -> Draft:
    text = body.replace("’", "'").replace("‘", "'")
    signature = _SIGNATURE.search(text)
    end = signature.start() if signature else len(text)
    greeting = find_greeting(text, end)
    main_start = greeting.segment.end if greeting else 0
    return Draft(
        body=body,
        text=text,
        end=end,
        greeting=greeting,
        main_start=main_start,
        sentences=split_sentences(text, main_start, end),
        word_count=count_words(body[:end]),
    )


def count_words(text: str) -> int:
    return sum(1 for token in _WORD.findall(text) if any(c.isalnum() for c in token))


def find_greeting(text: str, end: int) -> Greeting | None:
    opener = _OPENER.match(text, 0, end)
    if opener is None:
        name_only = _NAME_ONLY_LINE.match(text, 0, end)
        if name_only is None or name_only.group("name").lower() in _SIGN_OFF_WORDS:
            return None
        segment = Segment(name_only.start("name"), name_only.end(), name_only.group().strip())
        return Greeting(segment, _names_someone(name_only.group("name")), form_letter=False)
    line_end = text.find("\n", opener.end(), end)
    line_end = end if line_end == -1 else line_end
    greeting_end = None
    for mark in _GREETING_END.finditer(text, opener.end(), line_end):
        if mark.group() == "." and _last_token(text, opener.end(), mark.start()) in _TITLES:
            continue
        greeting_end = mark.end() if mark.group().strip() != "-" else mark.start()
        break
    rest_of_line = text[opener.end() : line_end]
    if greeting_end is None:
        words = rest_of_line.split()
        if len(words) <= 3:
            greeting_end = line_end
        elif words[0][:1].isupper() or words[0].startswith("{"):
            greeting_end = text.index(words[0], opener.end()) + len(words[0])
        else:
            greeting_end = opener.end()
    while greeting_end > opener.start() and text[greeting_end - 1].isspace():
        greeting_end -= 1
    start = opener.start("opener")
    greeting_text = text[start:greeting_end]
    addressee = text[opener.end() : greeting_end].rstrip(",!:;?—–.- \t")
    return Greeting(
        Segment(start, greeting_end, greeting_text),
        names_someone=_names_someone(addressee),
        form_letter=bool(_FORM_LETTER.search(greeting_text)),
    )


def _last_token(text: str, start: int, end: int) -> str:
    # A bounded look-back: a run of abbreviations must not make sentence splitting quadratic.
    words = text[max(start, end - 40) : end].split()
    return words[-1].strip("([\"'").lower() if words else ""


def _names_someone(addressee: str) -> bool:
    words = [w.strip(".,!'\"").lower() for w in re.split(r"[\s/]+", addressee) if w.strip(".")]
    words = [w for w in words if w and w not in _TITLES]
    if not words or words[-1] in _COLLECTIVES or words[0] in _SEASONAL:
        return False
    # "everyone at Moonlit Games", "all at the studio": a whole organisation, not a person.
    if len(words) > 1 and words[0] in _GENERIC_ADDRESS and words[1] in {"at", "from", "in", "of"}:
        return False
    return any(word not in _GENERIC_ADDRESS and word not in _COLLECTIVES for word in words)


def split_sentences(text: str, start: int, end: int) -> list[Segment]:
    """Sentences end at . ! ? or a blank line; a single line break does not end one, since
    e-mail is often hard-wrapped."""
    sentences: list[Segment] = []
    cursor = start
    for boundary in _BOUNDARY.finditer(text, start, end):
        mark = boundary.group()
        if mark.rstrip("\"'”’)]") == "." and _is_abbreviation(text, cursor, boundary.start()):
            continue
        sentence_end = boundary.start() if mark.startswith("\n") else boundary.end()
        _add_segment(sentences, text, cursor, sentence_end)
        cursor = boundary.end()
    _add_segment(sentences, text, cursor, end)
    return sentences


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    token = _last_token(text, start, dot)
    return (
        token in _ABBREVIATIONS
        or (len(token) == 1 and token.isalpha())
        or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))
    )


def _add_segment(segments: list[Segment], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + len(chunk) - len(chunk.lstrip())
        segments.append(Segment(offset, offset + len(stripped), stripped))


# Checks -------------------------------------------------------------------------------------

Check = Callable[[str, str, Draft], list[Finding]]


def check_too_long(kind: str, subject: str, draft: Draft) -> list[Finding]:
    words = draft.word_count
    if kind == "request":
        if words > REQUEST_MAX_WORDS:
            message = (
                f"This is {words} words. Requests under {REQUEST_MAX_WORDS} words get more "
                f"replies; aim for about {REQUEST_AIM_WORDS}."
            )
            return [Finding("too_long", "error", message)]
        if words > REQUEST_AIM_WORDS:
            message = (
                f"This is {words} words. Aim for about {REQUEST_AIM_WORDS}, so it reads at a "
                "glance on a phone."
            )
            return [Finding("too_long", "warning", message)]
        return []
    if words > OTHER_MAX_WORDS:
        message = (
            f"This is {words} words. Under {OTHER_MAX_WORDS} words reads easily on a phone; "
            "a short, warm note is enough."
        )
        return [Finding("too_long", "warning", message)]
    return []


_SUBJECT_EXAMPLES = {
    "request": "Add a subject line that names your connection or the field, e.g. "
    "“Fellow Leeds alum: a question about UX research”.",
    "follow_up": "Add a subject line. Replying in the thread of your first note "
    "(“Re: …”) keeps the context in one place.",
    "thank_you": "Add a subject line, e.g. “Thank you for today”.",
    "keep_in_touch": "Add a subject line, e.g. “A quick hello and an update”.",
    "report_back": "Add a subject line, e.g. “How your advice helped”.",
    "confirm": "Add a subject line, e.g. “Looking forward to tomorrow”.",
}


def check_missing_subject(kind: str, subject: str, draft: Draft) -> list[Finding]:
    if subject.strip():
        return []
    return [Finding("missing_subject", "error", _SUBJECT_EXAMPLES[kind])]


_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def check_unfilled_placeholder(kind: str, subject: str, draft: Draft) -> list[Finding]:
    """A template's `{specific}` left in the text would reach the reader as it is."""
    findings = [
        Finding(
            "unfilled_placeholder",
            "error",
            f"Replace {match.group(0)} with your own words before sending.",
            match.start(),
            match.end(),
        )
        for match in _PLACEHOLDER.finditer(draft.text)
    ]
    findings += [
        Finding(
            "unfilled_placeholder",
            "error",
            f"The subject still has {match.group(0)}; replace it with your own words.",
        )
        for match in _PLACEHOLDER.finditer(subject)
    ]
    return findings


def check_generic_greeting(kind: str, subject: str, draft: Draft) -> list[Finding]:
    greeting = draft.greeting
    if greeting is None:
        message = (
            "Start with a greeting that uses their name, like “Hi Maya,”. It shows the note "
            "was written for them."
        )
        return [Finding("generic_greeting", "warning", message)]
    if greeting.names_someone and not greeting.form_letter:
        return []
    text = draft.body[greeting.segment.start : greeting.segment.end]
    if greeting.form_letter:
        message = f"“{text}” reads like a form letter. Use their name, like “Dear Ms Chen,”."
    else:
        message = f"“{text}” could be to anyone. Use their name, like “Hi Maya,”."
    return [Finding("generic_greeting", "warning", message, *greeting.segment[:2])]


_PLEASANTRY = re.compile(
    r"(?:i\s+)?(?:hope|trust)\s+(?:you|this|that|all|your|things|everything|the|life|work)\b"
    r"|how\s+(?:are|is|have|has|'s|was)\b|(?:happy|merry)\s",
    re.I,
)

_CONNECTION = re.compile(
    r"""
    \bwe(?:'ve|\ have|'re|\ are|\ were)?\ (?:(?:both|briefly|recently|once|just|already|often
        |sometimes|usually|regularly)\ )?
        (?:met|meet|spoke|speak|talked|talk|chatted|chat|sat|worked|work|studied|study
        |volunteered|volunteer|connected|crossed\ paths|overlapped|played|play|trained|train
        |bouldered|climbed|climb|sang|sing|ran|run|served|serve)\b
    | \bwe(?:'ve\ been|\ have\ been|'re|\ are|\ were)\ (?:both\ )?(?:in|on|at)\ (?:the\ same)?\b
    | \bwe(?:'re|\ are|\ were)\ both\b
    | \bwe\b[^.!?\n]{0,40}\btogether\b
    | \bnext\ to\ you\b
    | \bone\ of\ (?:the|your)\ (?:students|apprentices|interns|volunteers|participants|attendees
        |trainees|mentees|patients|customers|readers|listeners|subscribers)\b
    | \b(?:you|your\ (?:team|company|studio|lab))\ (?:saw|treated|helped|hosted|interviewed
        |welcomed|supervised|trained|taught|mentored|coached)\b
    | \byou\ (?:\w+ed|saw|took|gave|taught|ran|met|made|did|sold|built)\ (?:me|my|us|our)\b
    | \bthank(?:s|\ you)\ (?:so\ much\ |again\ )?for\ (?:the|your)\ (?:[\w-]+\ ){0,3}?
        (?:talk|workshop|session|webinar|class|course|lecture|tour|panel|presentation|comment
        |reply|like|follow|introduction|intro)s?\b
    | \b(?:comment|reply|like)\ on\ my\b
    | \b(?:was|were)\ in\ (?:your|the\ audience)\b
    | \b(?:met|meeting|meet)\ you\b
    | \b(?:nice|great|lovely|good|wonderful|a\ pleasure|fun)\ (?:to\ )?
        (?:meet|meeting|chat|chatting|talk|talking|speak|speaking|see|seeing|hear|hearing)\b
    | \benjoyed\ (?:meeting|talking|chatting|speaking|hearing|our|your|the|reading|listening)\b
    | \bconnect(?:ed|ing|ion)\b | \bmutual\b | \bknow\ each\ other\b | \bfellow\b
    | \balum(?:ni|na|nus|nae)?\b
    | \b(?:also|both)\ (?:studied|went|graduated|worked|work|volunteer(?:ed)?|live|lived
        |grew\ up|attended|belong)\b
    | \bmembers?\ of\b | \bsame\ (?:university|college|school|program|programme|course|cohort
        |class|bootcamp|team|company|meetup|group|community)\b | \balma\ mater\b
    | \bsuggest(?:ed|ion)\b | \brecommend(?:ed|ation)\b | \breferred\b | \bpointed\ me\b
    | \bput\ (?:me|us)\ in\ touch\b | \bgave\ me\ your\b
    | \b(?:passed|shared|sent|forwarded)\ (?:me\ )?(?:along\ |on\ )?your\ (?:name|details
        |e-?mail|address|contact|profile|number)\b
    | \bintroduc(?:ed\ (?:us|me|you)|tion\ (?:from|by|through|via))\b | \bfor\ the\ intro\b
    | \b(?:mentioned|told\ me|said|thought|says|thinks)\ (?:that\ )?(?:you|your)\b
    | \btold\ me\ about\ you\b | \b(?:speaks?|spoke)\ (?:very\ )?highly\b
    | \byour\ name\ came\ up\b
    | \b(?:found|find|discovered|noticed|spotted)\ (?:you|your)\b
    | \bcame\ across\b | \bstumbled\ (?:up)?on\b | \bheard\ (?:about|of)\ you\b
    | \b(?:saw|seen|read|watched|heard|listened\ to|attended|loved|follow|followed|following
        |admired|came\ to|went\ to|was\ at|were\ at)\ (?:you|your)\b
    | \byou\ (?:spoke|presented|gave|ran|led|hosted|moderated|taught|mentored|wrote|posted
        |shared|commented|visited|were\ on|were\ at|talked|appeared)\b
    | \byour\ (?:[\w'&-]+\ ){0,4}?(?:talk|presentation|panel|keynote|workshop|session|webinar
        |lecture|class|course|seminar|article|post|blog|piece|essay|paper|book|podcast
        |interview|newsletter|profile|comment|thread|video|episode|student|mentee|intern
        |colleague|classmate|teammate|former|bakery|shop|café|cafe|restaurant|practice|clinic
        |studio|salon|stall|channel|devlog|feed|photography)s?\b
    | \bat\ (?:the|your)\ (?:[\w'-]+\ ){0,4}?(?:keynote|talk|panel|meetup|conference|event
        |workshop|webinar|session|fair|summit|lecture|seminar|hackathon|reception|mixer
        |networking|open\ day)s?\b
    | \b(?:through|via|on)\ linkedin\b
    | \b(?:through|via)\ (?:the\ |our\ |my\ |a\ )?(?:[\w&'-]+\ ){0,4}?(?:network|association
        |group|society|directory|programme|program|community|club|forum|slack|meetup
        |newsletter|alumni|list|mentoring|mentorship|careers?\ (?:service|centre|center
        |office))\b
    | \bmy\ (?:former\ |old\ )?(?:friend|colleague|co-?worker|classmate|manager|boss|professor
        |lecturer|teacher|tutor|mentor|advis[eo]r|supervisor|cousin|sister|brother|aunt|uncle
        |neighbou?r|flatmate|roommate|careers?\ (?:advis[eo]r|counsell?or|coach))\b
    """,
    re.I | re.X,
)


def check_connection_not_first(kind: str, subject: str, draft: Draft) -> list[Finding]:
    message = (
        "Open with how you are connected or how you found them (“We met at …”, “Sam Lee "
        "suggested I get in touch”). It is the first thing they look for."
    )
    first = _first_real_sentence(draft)
    if first is None:
        return [Finding("connection_not_first", "warning", message)]
    if _CONNECTION.search(first.text):
        return []
    return [Finding("connection_not_first", "warning", message, first.start, first.end)]


def _first_real_sentence(draft: Draft) -> Segment | None:
    """A short pleasantry ("I hope you are well.") does not count as the opening."""
    for sentence in draft.sentences[:3]:
        if _PLEASANTRY.match(sentence.text) and count_words(sentence.text) <= 10:
            continue
        return sentence
    return None


class JobRule(NamedTuple):
    pattern: re.Pattern[str]
    message: str
    innocent: Callable[[str, re.Match[str]], bool] | None = None


_JOB_MESSAGE = (
    "“{text}” reads as asking for a job. Informational interviews are about learning; "
    "try “your work in …”."
)
_OPENINGS_MESSAGE = (
    "“{text}” reads as asking about openings. Keep the ask to learning about their work and "
    "the field."
)
_HIRING_MESSAGE = (
    "“{text}” reads as asking to be hired. Ask about their work instead; they will offer "
    "more help once they know you."
)
# A CV, résumé or cover letter: what turns a request to learn into a job application.
CV_WORD = re.compile(
    r"\bcvs?\b|\br[eé]sum[eé]s?\b|\bcurriculum\s+vitae\b|\bcover\s+letters?\b", re.I
)
_CV_MESSAGE = (
    "“{text}” makes this look like a job application. Leave your CV out; share it later if "
    "they ask for it."
)
_FAVOUR_MESSAGE = (
    "“{text}” asks them to vouch for you before they know you. Ask to learn about their work "
    "instead."
)

_PRAISE = frozenset(
    {
        "great", "good", "fantastic", "amazing", "excellent", "wonderful", "brilliant",
        "terrific", "superb", "stellar", "incredible", "outstanding", "lovely", "fine", "nice",
        "solid", "tremendous", "remarkable", "admirable", "impressive", "beautiful", "awesome",
        "super", "better", "best", "fabulous", "marvellous", "marvelous", "phenomenal",
        "exceptional", "thorough", "careful", "thoughtful", "clear", "splendid", "cracking",
        "valuable", "invaluable", "helpful", "useful", "insightful", "honest", "kind", "generous",
        "practical", "inspiring", "many"
    }
)  # fmt: skip
_OWN_JOB = frozenset(
    {"current", "day", "present", "old", "previous", "last", "former", "existing", "first",
     "full-time", "part-time"}
)  # fmt: skip
_JOB_SEEKING_NOUN = (
    r"(?:search(?:es|ing)?|hunt(?:ing)?|applications?|seek(?:er|ers|ing)|offers?|openings?"
    r"|opportunit(?:y|ies)|postings?|listings?|boards?|market|vacanc(?:y|ies)|ads?|adverts?"
    r"|interviews?|referrals?|prospects|fairs?)"
)
_INNOCENT_JOB_COMPOUND = re.compile(
    r"[\s-]*(?:titles?|satisfaction|crafting|design|shadow(?:ing)?|rotation)\b", re.I
)
_DID_A_JOB = re.compile(
    r"\b(?:do|does|did|doing|done)\s+(?:a|an|the|such\s+an?|this|that)\s+(?:[\w-]+\s+){0,2}\Z",
    re.I,
)
_AFTER_PRAISED_JOB = re.compile(r"\s*(?:[.!,;:?)]|\Z|(?:of|on|with)\b|\w+ing\b)", re.I)


_STILL_OPEN = re.compile(
    r"\s+(?:is|was)\s+(?:still\s+)?(?:open|available|going|advertised|posted)\b", re.I
)


def _innocent_job(text: str, match: re.Match[str]) -> bool:
    """Praise ("did a great job", "great job on the talk!"), "on the job", the writer's own
    job ("my day job") and "job title" are not asking for one."""
    if match.group().lower() not in ("job", "jobs"):
        return False
    before_text = text[max(0, match.start() - 60) : match.start()]
    before = [word.strip(",.;:!?\"'()").lower() for word in before_text.split()[-3:]]
    praised = any(word in _PRAISE for word in before) and _AFTER_PRAISED_JOB.match(
        text, match.end()
    )
    own = before[-1:] in (["my"], ["our"]) or (
        before[-2:-1] in (["my"], ["our"]) and before[-1] in _OWN_JOB
    )
    # "what the job is like", "your job at the BBC": the job they already have.
    theirs = before[-1:] in (["the"], ["your"], ["their"], ["his"], ["her"]) and not (
        _STILL_OPEN.match(text, match.end())
    )
    return bool(
        praised
        or _DID_A_JOB.search(before_text)
        or before[-2:] == ["on", "the"]
        or before[-1:] == ["day"]
        or own
        or theirs
        or _INNOCENT_JOB_COMPOUND.match(text, match.end())
    )


_COMPUTER_VISION = re.compile(
    r"\s+(?:models?|research|teams?|labs?|pipelines?|systems?|engineers?|engineering|papers?"
    r"|algorithms?|work|projects?|conferences?)\b",
    re.I,
)


def _innocent_resume(text: str, match: re.Match[str]) -> bool:
    """Without accents, "resume" is usually the verb: "resume our chat"; "CV models" are
    computer vision."""
    if match.group().lower() in ("cv", "cvs"):
        return bool(_COMPUTER_VISION.match(text, match.end()))
    if match.group().lower().rstrip("s") != "resume":
        return False
    before = text[max(0, match.start() - 30) : match.start()].lower().split()[-2:]
    after = text[match.end() : match.end() + 12].lower().split()[:1]
    nouns_before = {"my", "a", "the", "your", "attached", "updated", "current", "latest"}
    return not (set(before) & nouns_before or after[:1] in (["attached"], ["below"]))


_EVENT_NOUNS = frozenset(
    {
        "keynote", "remarks", "speech", "talk", "session", "ceremony", "night", "party", "act",
        "address", "panel", "line", "lines", "statement", "paragraph", "move", "moves", "hours",
        "day", "slide", "question", "questions", "credits", "scene", "chapter", "of", "up"
    }
)  # fmt: skip


_OWN_HISTORY = frozenset({"completed", "did", "done", "my", "previous", "past", "former", "two"})


def _innocent_opening(text: str, match: re.Match[str]) -> bool:
    """ "the opening keynote" is an event; "I have completed two internships" is history."""
    if match.group().lower().startswith("internship"):
        before = text[max(0, match.start() - 40) : match.start()].lower().split()[-3:]
        return bool(set(before) & _OWN_HISTORY)
    if not match.group().lower().rstrip("s").endswith("opening"):
        return False
    following = text[match.end() : match.end() + 20].split()[:1]
    return bool(following) and following[0].strip(",.;:!?").lower() in _EVENT_NOUNS


_ORG = r"your\s+(?:company|team|firm|organi[sz]ation|department|group|agency|studio|lab)\b"
# What one applies for when applying for work (not for a degree or a course).
_JOB_POSTS = (
    r"(?:position|role|job|post|opening|vacancy|vacancies|internship|scheme|stream"
    r"|spring\s+week|training\s+contract|(?:graduate|training|cadet|trainee|apprenticeship"
    r"|internship|early\s+careers?)\s+(?:programme|program))"
)

_JOB_RULES: tuple[JobRule, ...] = (
    JobRule(
        re.compile(r"\bjobs?\b(?:[\s-]*" + _JOB_SEEKING_NOUN + r"\b)?", re.I),
        _JOB_MESSAGE,
        _innocent_job,
    ),
    JobRule(
        re.compile(
            r"\b(?:open|vacant|available|entry[- ]level|graduate|trainee|internship|full[- ]time"
            r"|part[- ]time|paid|unpaid|permanent|temporary|any)\s+(?:positions|roles|openings)\b"
            r"|\b(?:open|vacant|available|entry[- ]level|graduate|trainee|internship|full[- ]time"
            r"|part[- ]time|paid|unpaid|permanent|temporary)\s+(?:position|role|opening)\b"
            r"|\b(?:any|job|current|upcoming|future|potential|possible)\s+openings?\b"
            r"|\b(?:positions?|roles?|openings?)\s+(?:open|available|going)\b"
            r"|\b(?:positions?|roles?|openings?|internships?)\s+(?:at|with|on|in|within|for)\s+"
            + _ORG
            + r"|\b(?:positions?|openings?)\s+(?:at|with)\s+(?-i:[A-Z])\w*"
            r"|\b(?:an?\s+)?openings?\s+(?:comes?|came|opens?)\s+up\b"
            r"|\bvacanc(?:y|ies)\b"
            r"|\binternships?\b"
            r"|\binterviewing\s+(?:with|at|for)\b|\b(?:my|an)\s+interview\s+(?:with|at|for)\b"
            r"|\b(?:job|employment|internship|hiring|work|open|available)\s+opportunit(?:y|ies)\b"
            r"|\bany\s+opportunit(?:y|ies)\b(?!\s+(?:to|for\s+(?:me\s+)?to)\b)"
            r"|\bopportunit(?:y|ies)\s+(?:(?:at|with|on|in|within)\s+"
            + _ORG
            + r"|(?:at|with)\s+(?-i:[A-Z])\w*)"
            r"|\b(?:apply(?:ing)?|applied|applications?|looking|searching|hoping|hunting)\s+"
            r"(?:for|to)\s+(?:(?:a|an|the|any|your|open|every|some|more|[\w-]+'s)\s+)?"
            r"(?:[\w&'-]+\s+){0,3}?" + _JOB_POSTS + r"s?\b(?!\s+of\s+(?-i:[a-z]))"
            r"|\binterested\s+in\s+(?:a|an|any|your)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:position|role|opening|vacancy|internship|graduate\s+scheme)s?\b(?!\s+of\b)"
            r"|\b(?:graduate|grad|trainee|internship)\s+(?:schemes?|positions?|roles?|jobs?"
            r"|vacanc(?:y|ies)|intakes?)\b|\bfast[\s-]stream\b|\bspring\s+weeks?\b"
            r"|\b(?:an?|any)\s+opening\s+for\b"
            r"|\bapply(?:ing)?\s+to\s+"
            + _ORG
            + r"|\bjoin(?:ing)?\s+"
            + _ORG
            + r"|\b(?:love|like|want|hope|hoping|keen|dream(?:ed)?\s+of|chance)\s+(?:to\s+)?"
            r"work(?:ing)?\s+(?:for|with|at)\s+(?:you\b|" + _ORG + r"|(?-i:[A-Z])\w+)"
            r"|\b(?:looking|searching|hunting)\s+for\s+(?:work|employment)\b(?!-)"
            r"|\b(?:anything|something)\s+(?:suitable\s+)?(?:comes?|opens?)\s+up\b",
            re.I,
        ),
        _OPENINGS_MESSAGE,
        _innocent_opening,
    ),
    JobRule(
        re.compile(
            r"\b(?:you|your\s+(?:[\w-]+\s+)?\w+|they|(?-i:[A-Z])\w+|the\s+(?:team|company|firm)"
            r"|anyone|anybody)(?:\s+(?:is|are|might\s+be|may\s+be|will\s+be|could\s+be)|'re)"
            r"\s+(?:currently\s+|still\s+|actively\s+|now\s+)?(?:hiring|recruiting)\b"
            r"|\b(?:are|is)\s+(?:you|your\s+(?:[\w-]+\s+)?\w+|they|(?-i:[A-Z])\w+|the\s+\w+|anyone)"
            r"\s+(?:currently\s+|still\s+|actively\s+|now\s+)?(?:hiring|recruiting)\b"
            r"|\bhire\s+(?:me|someone\s+like\s+me|people\s+like\s+me)\b"
            r"|\b(?:me|I)\s+(?:could\s+|might\s+|can\s+)?(?:get|be)\s+hired\b"
            r"|\b(?:plans?|planning|looking)\s+to\s+(?:hire|recruit)\b",
            re.I,
        ),
        _HIRING_MESSAGE,
    ),
    JobRule(
        CV_WORD,
        _CV_MESSAGE,
        _innocent_resume,
    ),
    JobRule(
        re.compile(
            r"\b(?:job|internal|employee|internship)\s+referrals?\b"
            r"|\breferrals?\s+(?:for|to)\s+(?:a|an|the|any|your|this|that|one\s+of\s+your)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:role|position|job|opening|vacancy|internship|team|company)s?\b"
            r"|\brefer\s+me\s+(?:for\b|to\s+(?:a|an|the|any|your)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:role|position|job|opening|vacancy|internship|recruiter|hiring\s+manager)s?\b)"
            r"|\b(?:ask|asking|request|requesting|hoping|hope)\s+(?:you\s+)?for\s+(?:a|an|your)\s+"
            r"(?:[\w-]+\s+)?referral\b"
            r"|\bput\s+in\s+a\s+good\s+word\b|\bput\s+a\s+good\s+word\s+in\b"
            r"|\bgood\s+word\s+for\s+me\b|\bkeep\s+me\s+in\s+mind\b|\bfoot\s+in\s+the\s+door\b"
            r"|\b(?:connect|introduce|put)\s+me\s+(?:in\s+touch\s+)?(?:with|to)\s+(?:a|the|your)\s+"
            r"(?:hiring\s+manager|recruiter|recruiting\s+team|hr\b|talent\s+team)",
            re.I,
        ),
        _FAVOUR_MESSAGE,
    ),
)


def job_mentions(draft: Draft) -> list[tuple[int, int, str]]:
    """(start, end, message) for each job-seeking phrase, earliest first, never overlapping."""
    found: list[tuple[int, int, str]] = []
    main = draft.main
    for rule in _JOB_RULES:
        for match in rule.pattern.finditer(draft.text, main.start, main.end):
            if rule.innocent and rule.innocent(draft.text, match):
                continue
            start, end = match.start(), match.end()
            found.append((start, end, rule.message.format(text=draft.body[start:end])))
    found.sort(key=lambda item: (item[0], -item[1]))
    kept: list[tuple[int, int, str]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def check_mentions_job(kind: str, subject: str, draft: Draft) -> list[Finding]:
    # An attached CV is both: it turns the request into an application, and it is an
    # attachment a stranger may not open; `attachment` says the second.
    return [
        Finding("mentions_job", "error", message, start, end)
        for start, end, message in job_mentions(draft)
    ]


_ATTACH_WORD = re.compile(
    r"\battach(?:ed|ing|ment|ments)?\b|\benclos(?:ed|ing)\b|\bplease\s+find\b", re.I
)


def attachment_spans(draft: Draft) -> list[tuple[int, int]]:
    spans = []
    for sentence in draft.sentences:
        attach = list(_ATTACH_WORD.finditer(draft.text, sentence.start, sentence.end))
        cvs = list(CV_WORD.finditer(draft.text, sentence.start, sentence.end))
        if attach and cvs:
            matches = attach + cvs
            spans.append((min(m.start() for m in matches), max(m.end() for m in matches)))
    return spans


def check_attachment(kind: str, subject: str, draft: Draft) -> list[Finding]:
    message = (
        "Leave the CV out: an attachment turns a request to learn into a job application, and "
        "many people do not open attachments from strangers."
    )
    return [
        Finding("attachment", "error", message, start, end)
        for start, end in attachment_spans(draft)
    ]


_SMALL_TALK_QUESTION = re.compile(
    r"(?:hi|hey|hello)?\W*how\s+(?:are|is|have|'s|has)\s+(?:you|it|things|everything|life"
    r"|your\s+(?:week|weekend|day|summer|year))\b",
    re.I,
)
_ASK = re.compile(
    r"\b(?:i'd|i\s+would|would|could|can|may|might)\s+(?:\w+\s+)?(?:love|like|be\s+(?:grateful"
    r"|glad|happy|thrilled|delighted))\b|\bwonder(?:ing)?\b|\blet\s+me\s+know\b"
    r"|\b(?:are|were|would)\s+you\s+(?:be\s+)?(?:open|available|free|willing|up\s+for)\b"
    r"|\bif\s+you(?:'d|\s+would|\s+have|\s+are|\s+were|\s+could)\b|\bappreciate\b|\bplease\b",
    re.I,
)


def check_no_question(kind: str, subject: str, draft: Draft) -> list[Finding]:
    for sentence in draft.sentences:
        if sentence.text.rstrip("\"'”’)]").endswith("?") and not _SMALL_TALK_QUESTION.match(
            sentence.text
        ):
            return []
    if kind == "follow_up":
        message = (
            "End with one simple question, e.g. “Would you have 20 minutes in the next few "
            "weeks?” It is easy to answer with a yes."
        )
    else:
        message = (
            "Phrase the ask as a question, e.g. “Would you be open to a 20-minute call next "
            "week?” A question is easy to answer with a yes."
        )
    asks = [sentence for sentence in draft.sentences if _ASK.search(sentence.text)]
    if asks:
        return [Finding("no_question", "warning", message, asks[-1].start, asks[-1].end)]
    return [Finding("no_question", "warning", message)]


_NUMBER_WORDS = {
    "a few": 10, "few": 10, "a couple of": 5, "couple of": 5, "five": 5, "ten": 10,
    "fifteen": 15, "twenty": 20, "twenty-five": 25, "twenty five": 25, "thirty": 30,
    "forty": 40, "forty-five": 45, "forty five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
}  # fmt: skip
_NUMBER = r"\d{1,3}|" + "|".join(
    re.escape(word).replace(r"\ ", r"\s+") for word in sorted(_NUMBER_WORDS, key=len, reverse=True)
)
_DURATION = re.compile(
    rf"\b(?P<low>{_NUMBER})(?:\s*(?:-|–|—|to|or)\s*(?P<high>{_NUMBER}))?[\s-]*"
    r"(?:minutes?|mins?)\b"
    r"|\b(?P<quarter>(?:a\s+)?quarter\s+of\s+an\s+hour|quarter[\s-]hour)\b"
    r"|\b(?P<half>half\s+an\s+hour|half[\s-]hour)\b"
    r"|\b(?P<hour_and_half>an\s+hour\s+and\s+a\s+half|one\s+and\s+a\s+half\s+hours|1\.5\s+hours)\b"
    r"|\b(?P<hours>an|one|1|a\s+full|an\s+entire|two|2|a\s+couple\s+of)[\s-]+hours?\b",
    re.I,
)
_NOT_A_PROPOSAL_BEFORE = frozenset(
    {"your", "my", "his", "her", "their", "our", "its", "spent", "spending", "took", "waited",
     "every", "after"}
)  # fmt: skip
_NOT_A_PROPOSAL_AFTER = frozenset(
    {"ago", "later", "away", "drive", "walk", "commute", "late", "early", "before", "from"}
)


class Duration(NamedTuple):
    start: int
    end: int
    minutes: int


def proposed_durations(draft: Draft) -> list[Duration]:
    """Durations offered to the reader; "your 45-minute talk" or "I spent an hour" are not."""
    durations = []
    main = draft.main
    for match in _DURATION.finditer(draft.text, main.start, main.end):
        before = draft.text[max(0, match.start() - 20) : match.start()].lower().split()[-1:]
        after = draft.text[match.end() : match.end() + 20].lower().split()[:1]
        if (before and before[0] in _NOT_A_PROPOSAL_BEFORE) or (
            after and after[0].strip(",.;:!?") in _NOT_A_PROPOSAL_AFTER
        ):
            continue
        durations.append(Duration(match.start(), match.end(), _minutes(match)))
    return durations


def _minutes(match: re.Match[str]) -> int:
    if match.group("quarter"):
        return 15
    if match.group("half"):
        return 30
    if match.group("hour_and_half"):
        return 90
    if match.group("hours"):
        count = match.group("hours").lower()
        return 120 if count in ("two", "2") or "couple" in count else 60
    values = [_number(match.group(name)) for name in ("low", "high") if match.group(name)]
    return max(values)


def _number(text: str) -> int:
    text = re.sub(r"\s+", " ", text.lower())
    return int(text) if text.isdigit() else _NUMBER_WORDS[text]


def check_no_time_frame(kind: str, subject: str, draft: Draft) -> list[Finding]:
    durations = proposed_durations(draft)
    if any(0 < duration.minutes <= LONGEST_ASK_MINUTES for duration in durations):
        return []
    if durations:
        longest = durations[0]
        text = draft.body[longest.start : longest.end]
        message = (
            f"“{text}” is a lot to ask of someone who does not know you yet. 15–30 minutes "
            "(20 is typical) is easier to say yes to."
        )
        return [Finding("no_time_frame", "warning", message, longest.start, longest.end)]
    message = (
        "Suggest a short, fixed time, like “a 20-minute call”. A clear limit makes it easy to "
        "say yes."
    )
    return [Finding("no_time_frame", "warning", message)]


_FIRST_PERSON = re.compile(r"\b(?:i(?!\.\w)|me|my|mine|myself)\b", re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.I)
ABOUT_ME_MIN_WORDS = 25
ABOUT_ME_SHARE = 0.45


def check_about_me(kind: str, subject: str, draft: Draft) -> list[Finding]:
    """Sentences about the writer that say nothing of the reader ("I have completed two
    internships…"): one is a fair introduction; more, running to 25 words and nearly half
    the message, is a draft about the writer."""
    about_me = [
        sentence
        for sentence in draft.sentences
        if _FIRST_PERSON.search(sentence.text) and not _SECOND_PERSON.search(sentence.text)
    ]
    mine = sum(count_words(sentence.text) for sentence in about_me)
    words = count_words(draft.main.text)
    if len(about_me) < 2 or mine < ABOUT_ME_MIN_WORDS or mine < ABOUT_ME_SHARE * words:
        return []
    share = "Most" if mine >= 0.6 * words else "About half"
    message = (
        f"{share} of this ({mine} of {words} words) is about you. Say more about them and "
        "their work; one line about you is enough."
    )
    return [Finding("about_me", "warning", message)]


# Mass nouns and whole-conversation words: "your advice", "the insights you shared" and
# "hearing about your work" thank them for the conversation, not for one thing in it.
_GENERIC_THINGS = frozenset(
    {
        "advice", "insight", "insights", "time", "help", "information", "thing", "things",
        "stuff", "guidance", "wisdom", "thoughts", "knowledge", "experience", "experiences",
        "story", "stories", "words", "everything", "anything", "all", "conversation", "chat",
        "call", "work", "career", "journey", "path", "job", "role", "life", "background", "field",
        "industry", "world", "perspective", "support", "encouragement", "generosity", "kindness",
        "openness", "honesty", "tips", "ideas", "input", "feedback"
    }
)  # fmt: skip
_STOP_WORDS = frozenset(
    {
        "a", "an", "the", "your", "my", "our", "their", "this", "that", "these", "those", "and",
        "of", "all"
    }
)  # fmt: skip
_CLAUSE_END = frozenset(
    {
        "and", "has", "have", "had", "was", "were", "is", "are", "with", "so", "but", "today",
        "yesterday", "really", "it", "them", "all", "me", "too", "again", "here", "there",
        "before", "earlier"
    }
)  # fmt: skip

# "You mentioned that …", "you suggested I …", "you told me about …": what they said,
# when it is followed by what it was (not "what you said and …").
_YOU_SAID = re.compile(
    r"\byou\s+(?:\w+ly\s+)?(?:mentioned|suggested|recommended|said|told\s+me|explained|described"
    r"|shared|advised(?:\s+me)?|warned(?:\s+me)?|showed\s+me|pointed\s+out|talked\s+about"
    r"|spoke\s+about|noted|emphasi[sz]ed|stressed|brought\s+up|raised|encouraged\s+me"
    r"|gave\s+me|put\s+me|walked\s+me\s+through|introduced\s+me|offered|were\s+right)\b",
    re.I,
)
# "the RTPI webinar you mentioned", "those three studios we talked about".
_THING_YOU_NAMED = re.compile(
    r"\b(?:the|that|those|this|these)\s+((?:[\w'&/-]+\s+){1,5}?)(?:that\s+)?(?:you|we)\s+"
    r"(?:\w+ly\s+)?(?:mentioned|recommended|suggested|described|sent|listed|shared"
    r"|told\s+me\s+about|pointed\s+me\s+to(?:wards)?|ran|gave\s+me|talked\s+about|discussed"
    r"|showed\s+me|wrote|walked\s+me\s+through)\b",
    re.I,
)
# "your point about …", "the tip to …", "your story of …": one countable thing they said.
_ONE_THING = re.compile(
    r"\b(?:your|the|that)\s+(?:[\w-]+\s+)?(?:tip|suggestion|recommendation|point|idea|rule|line"
    r"|warning|reminder|description|explanation|comparison|example|view|story|anecdote"
    r"|observation|comment|framing|phrase|joke|trick|bit|part)s?\s+"
    r"(?:(?:you|we)\s+(?:made|gave|shared|raised|told\s+me|mentioned|offered)\s+)?(?:about|on|of|that|to"
    r"|around|regarding|—|:)",
    re.I,
)
# Advice is uncountable: specific only with what it was ("your advice to get experience").
_ADVICE_WITH_CONTENT = re.compile(
    r"\b(?:your|the)\s+(?:[\w-]+\s+)?(?:advice|guidance|words|encouragement)\s+"
    r"(?:to\s+\w+|that\b|(?:about|on)\s+\w+ing\b)"
    r"|\b(?:took|take|taking|taken|followed|follow|following|acted\s+on|tried|used|using)"
    r"\s+your\s+(?:\w+\s+)?(?:advice|suggestion|tip|idea|lead|recommendation)\s+"
    r"(?:to\s+\w+|and\s+(?!(?:it|i|i'm|i've|things|am|feel|now|so|i'll)\b)\w+)",
    re.I,
)
_AS_YOU_SAID = re.compile(
    r"\b(?:as|like|since|after)\s+(?:you|we)\s+(?:\w+\s+)?(?:said|suggested|recommended|advised"
    r"|put\s+it|mentioned|did|discussed|talked\s+about|agreed|described)\b"
    r"|\b(?:recommending|suggesting|mentioning|pointing\s+me\s+to|introducing\s+me\s+to)\s+"
    r"(?:the\s+)?(?-i:[A-Z0-9])|\bsuggesting\s+(?:i|that|we)\b"
    r"|\b(?:intro(?:duction)?|introducing\s+me)\s+to\s+(?-i:[A-Z])",
    re.I,
)
# What the writer learned: "I hadn't realised …", "Knowing that …", "was news to me".
_LEARNED = re.compile(
    r"\bi\s+(?:\w+\s+)?(?:learned|learnt|realised|realized|discovered)\s+(?:that|how|why|what"
    r"|which|where|when)\b"
    r"|\bi(?:'d|\s+had)?\s+(?:didn't|did\s+not|never|hadn't|had\s+not|'d\s+never)\s+(?:know|knew"
    r"|realise|realize|realised|realized|known|thought\s+of|considered|heard\s+of)\b"
    r"|\bi\s+had\s+no\s+idea\b|\b(?:was|were)\s+news\s+to\s+me\b"
    r"|\bwas\s+(?:a\s+)?(?:real\s+|big\s+)?(?:surprise|revelation|eye-opener)\b"
    r"|\bi\s+was\s+(?:\w+\s+)?(?:surprised|struck)\s+(?:that|by|to|how)\b"
    r"|\bi\s+found\s+it\s+\w+\s+(?:that|how)\b|\bthe\s+fact\s+that\b"
    r"|\bremember\s+(?:you|the|when|your)\b"
    r"|\b(?:hearing|learning|knowing|finding\s+out|seeing)\s+(?:that|how|why|what)\b"
    r"|\b(?:was|is|it's)\s+\w+\s+to\s+(?:hear|learn|find\s+out|see)\s+(?:that|how|why)\b"
    r"|\bthe\s+way\s+you\s+\w+",
    re.I,
)
_HEARING_ABOUT = re.compile(r"\bhearing\s+about\s+(?:your|the)\s+((?:[\w'-]+\s*){1,4})", re.I)
_QUOTED = re.compile(r"[“\"][^”\"\n]*?\w\s+\w[^”\"\n]*?[”\"]")
# "Redesigning the booking page as a practice project is such a good idea."
_GERUND_SUBJECT = re.compile(
    r"(?!(?:thanking|hoping|looking|wishing|following|checking|just|writing\s+to)\b)"
    r"\w+ing\s+(?:\S+\s+){3,}?(?:is|was)\b",
    re.I,
)


# "Since we spoke, I've signed up for …" says what was done; "I've made progress since we
# spoke" does not.
_SINCE_WE_SPOKE = re.compile(
    r"\bsince\s+(?:we\s+(?:spoke|talked|met|chatted)|our\s+(?:chat|call|conversation|talk"
    r"|meeting|coffee))\b",
    re.I,
)
_DID_SOMETHING = re.compile(
    r"\bI(?:'ve|\s+have)?\s+(?:also\s+|already\s+|now\s+)?(?!(?:been|made|had|done|taken|got"
    r"|kept|felt|worked|thought|tried|moved|progressed|improved|wanted|hoped|needed|wished"
    r"|liked|loved|enjoyed|appreciated|reflected|continued|learned|decided)\b)"
    r"(?:\w+ed|read|built|ran|wrote|written|began|begun|sent|met|spent|sat|taught|bought|sold"
    r"|found|won)\b",
    re.I,
)


def has_specific(draft: Draft) -> bool:
    """Whether the draft names one thing from the conversation: something they said, with
    what it was; a thing they pointed to; what the writer learned; or a quote."""
    text, main = draft.text, draft.main
    for pattern in (_ONE_THING, _ADVICE_WITH_CONTENT, _AS_YOU_SAID, _LEARNED, _QUOTED):
        if pattern.search(text, main.start, main.end):
            return True
    for match in _YOU_SAID.finditer(text, main.start, main.end):
        if _says_what(text, match):
            return True
    for match in _THING_YOU_NAMED.finditer(text, main.start, main.end):
        if _names_a_thing(match.group(1)):
            return True
    for match in _HEARING_ABOUT.finditer(text, main.start, main.end):
        head = re.split(r"\s+(?:in|at|on|and|with|for|from|as|to)\b|[,.;!?—]", match.group(1))[0]
        if _names_a_thing(head):
            return True
    for sentence in draft.sentences:
        if _GERUND_SUBJECT.match(sentence.text):
            return True
        if _SINCE_WE_SPOKE.search(sentence.text) and _DID_SOMETHING.search(sentence.text):
            return True
    # A placeholder stands for the specific; `unfilled_placeholder` already asks for it.
    return bool(_PLACEHOLDER.search(text, main.start, main.end))


def _says_what(text: str, match: re.Match[str]) -> bool:
    """ "you said that …" says what; "what you said, and …" or "the insights you shared" do
    not, unless what follows says it: "what you said about research being a team sport"."""
    before = text[max(0, match.start() - 30) : match.start()].lower().split()[-1:]
    after = text[match.end() : match.end() + 80]
    if before and (before[0] in {"what", "everything", "anything"} or before[0] in _GENERIC_THINGS):
        about = re.match(r"\s+about\s+([^,.;!?—\n]+)", after)
        return bool(about) and bool(_A_CLAUSE.search(about.group(1)))
    following = re.match(r"\s*([\w']+|[^\w\s])", after)
    return (
        bool(following)
        and following.group(1).lower() not in _CLAUSE_END
        and (following.group(1)[0].isalnum())
    )


# "about research being a team sport" says something; "about audiology" names the topic.
_A_CLAUSE = re.compile(r"\b(?:[a-z]+ing|is|are|was|were|be|can|should|that|to)\b", re.I)


def _names_a_thing(words: str) -> bool:
    """ "the RTPI webinar" names a thing; "the valuable insights" does not: the last word
    is the one that counts."""
    content = [w.strip("'").lower() for w in words.split() if w.lower() not in _STOP_WORDS]
    if not content:
        return False
    *modifiers, head = content
    # "the RICS APC stuff", "the part-time hygienist life": the words before a vague one say it.
    described = [word for word in modifiers if word not in _PRAISE and word not in _GENERIC_THINGS]
    return head not in _GENERIC_THINGS or len(described) >= 2


def check_no_specific(kind: str, subject: str, draft: Draft) -> list[Finding]:
    if has_specific(draft):
        return []
    if kind == "report_back":
        message = (
            "Say which piece of their advice you used and how it went, e.g. “You suggested the "
            "Research Ops community; I joined and …”."
        )
    else:
        message = (
            "Mention one specific thing they said and what you will do with it, e.g. “Your tip "
            "about diary studies: I’ll try one on my next project.”"
        )
    return [Finding("no_specific", "warning", message)]


CHECKS: dict[str, Check] = {
    "too_long": check_too_long,
    "missing_subject": check_missing_subject,
    "generic_greeting": check_generic_greeting,
    "connection_not_first": check_connection_not_first,
    "mentions_job": check_mentions_job,
    "attachment": check_attachment,
    "no_question": check_no_question,
    "no_time_frame": check_no_time_frame,
    "about_me": check_about_me,
    "no_specific": check_no_specific,
    "unfilled_placeholder": check_unfilled_placeholder,
}
