"""Skills mentioned in notes, and how they compare with the skills the person says they have.

Rules:

- A built-in vocabulary of about 200 common professional skills, each with a display name and
  aliases that are true synonyms, spellings or abbreviations (never merely related skills).
- Matching is case-insensitive, on word edges: "Java" is not found in "JavaScript", "SQL" not in
  "SQLite", "C" not in "C++", "Excel" not in "excellent". Spaces and hyphens in a phrase are
  interchangeable ("problem-solving"), and a plural "s" is accepted ("presentations", "APIs");
  other inflections count only when listed as aliases ("negotiating").
- Words that are also everyday words are matched case-sensitively, and the shortest only after
  a telling word: "R", "Go" and "C" as "in R", "using Go", "learning C" (or in an unambiguous
  alias: "R programming", "Golang"); "Excel", "React", "ML", "QA", "SAS", "EQ" as written.
  Precision over recall: a missed mention costs less than a wrong one, and the person can
  always tag a skill by hand (#skill:…).
- Results are display names, each once, in order of first appearance. A skill outside the
  vocabulary is shown in sentence case ("#skill:stakeholder_interviews" → "Stakeholder
  interviews"), as typed when its first word is short or already has capitals ("dbt", "iOS").
- What counts as a mention (evidence.py): #skill: tags on any item but an action, and skills
  named in the words of advice and insights only.
- A skill is a gap when at least one person mentioned it and the person rates themself 2 of 5
  or lower, or has not rated it; rated 3 or more, it is a match. Both lists are ordered by how
  many people mentioned the skill, then by name.
"""

import re
from dataclasses import dataclass

GAP_LEVEL = 2  # a self-rating at or below this is a gap

# Display name | aliases separated by ";". "#" lines are headings.
VOCABULARY = """
# Research
UX research | user research; user experience research; UXR
Usability testing | usability tests; usability study; usability studies
Survey design | questionnaire design; survey methodology
Qualitative research | qualitative methods; qual research
Quantitative research | quantitative methods; quant research
Ethnography | ethnographic research
Statistics | statistical analysis
Experimental design | design of experiments
Literature review | lit review
Grant writing | grant proposals; grant applications
Academic writing | scientific writing
# Product
Product management
Product strategy
Roadmapping | product roadmapping; roadmap planning
A/B testing | AB testing; A-B testing; split testing
Prioritization | prioritisation; prioritizing; prioritising
Requirements gathering | requirements analysis; requirements elicitation
Agile | agile methods; agile methodology; agile methodologies
Scrum
Go-to-market strategy | go-to-market; GTM strategy
Product analytics
Market research
Competitive analysis | competitor analysis; competitive research
OKRs | OKR; objectives and key results
# Data
SQL
Python
R | R programming; R language; RStudio
Data analysis | data analytics; analysing data; analyzing data
Data visualization | data visualisation; data viz; dataviz
Tableau
Power BI | PowerBI
Machine learning | ML
Deep learning
Data engineering
ETL | extract, transform, load
Data modeling | data modelling
Natural language processing | NLP
Forecasting
SAS
SPSS
MATLAB
Data science
# Software
JavaScript | JS; ECMAScript
TypeScript
Java
C | C programming; C language
C++ | cpp
C# | C sharp; csharp
.NET | dotnet; ASP.NET
Go | Golang; Go programming; Go language
PHP
HTML | HTML5
CSS | CSS3
React | React.js; ReactJS; React Native
Node.js | NodeJS
Git
Linux
Cloud computing | cloud infrastructure
AWS | Amazon Web Services
Azure | Microsoft Azure
Google Cloud | GCP; Google Cloud Platform
Docker
Kubernetes | K8s
DevOps
CI/CD | continuous integration; continuous delivery; continuous deployment
API design | API; REST APIs; RESTful APIs; API development
Software testing | test automation; automated testing
Quality assurance | QA
System design | systems design
Cybersecurity | cyber security; information security; infosec
Mobile development | mobile app development
Web development | web dev
Front-end development | frontend development; front-end engineering
Back-end development | backend development; back-end engineering
Debugging
Code review | code reviewing
Algorithms
Salesforce
# Design
UX design | user experience design; UI/UX design; UX/UI design
UI design | user interface design; interface design
Interaction design | IxD
Visual design
Graphic design
Service design
Design thinking
Prototyping | rapid prototyping
Wireframing | wireframes
Information architecture
Accessibility | a11y
Figma
Adobe Photoshop | Photoshop
Adobe Illustrator
Design systems | design system
Branding
# Policy and the public sector
Policy analysis | public policy analysis
Policy writing | policy briefs; policy brief writing
Regulatory affairs
Program evaluation | programme evaluation
Cost-benefit analysis
Advocacy
Community engagement | community outreach; community organizing; community organising
Stakeholder management | stakeholder engagement; managing stakeholders
GIS | geographic information systems; ArcGIS
# Healthcare
Patient care
Clinical research | clinical trials
Epidemiology
Public health
Biostatistics
CPR | cardiopulmonary resuscitation
First aid
Electronic health records | EHR; EMR; electronic medical records
Medical coding | clinical coding
HIPAA
Health informatics | clinical informatics
Case management
Counseling | counselling
Motivational interviewing
PCR
# Finance
Financial modeling | financial modelling; financial models
Financial analysis
Accounting
Bookkeeping
Budgeting | budget management; budget planning
Valuation | company valuation
DCF analysis | discounted cash flow; DCF
Auditing
Tax preparation
Risk management
Portfolio management
Due diligence
Mergers and acquisitions | M&A; mergers & acquisitions
Fundraising | fund raising
Financial reporting
GAAP
# Law
Legal research
Legal writing
Contract drafting | drafting contracts
Litigation
Compliance | regulatory compliance
Intellectual property law | IP law
Mediation
Data protection | data privacy
GDPR
# Education
Teaching
Curriculum design | curriculum development
Lesson planning | lesson plans
Instructional design | learning design
Classroom management
Mentoring | mentorship
Coaching
Facilitation | workshop facilitation; facilitating workshops
Learning and development | L&D
# Communication
Public speaking | presenting; presentation; presentation skills
Storytelling
Negotiation | negotiating
Active listening
Written communication | writing skills
Communication skills
Interpersonal skills | people skills
Public relations
Social media marketing | social media management
Content marketing
Content strategy
Digital marketing | online marketing
SEO | search engine optimization; search engine optimisation
Copywriting | copy writing
Technical writing
# Leadership and management
Leadership
People management | managing people; line management; team management
Project management
Program management | programme management
Change management
Strategic planning
Decision-making
Conflict resolution | conflict management
Recruiting | recruitment; talent acquisition
Performance management
Process improvement | continuous improvement
Lean Six Sigma | Six Sigma
Supply chain management
Logistics
Time management
Emotional intelligence | EQ
Critical thinking
Problem solving | problem-solving
# Business and clients
Business development
Business analysis
Customer success
Customer service | customer support
Client relations | client relationship management; client management
CRM | customer relationship management
Sales
Event planning | event management
Entrepreneurship
# Tools
Excel | Microsoft Excel; MS Excel; Excel spreadsheets; Excel formulas; Excel macros
Microsoft Office | MS Office
PowerPoint | MS PowerPoint; Microsoft PowerPoint
CAD | computer-aided design
"""

# Aliases that are also everyday words: found in text only with this exact case. True: only
# after a telling word (`TELLING_WORDS`), as "R", "Go" and "C" alone mean too much else.
STRICT_WORDS: dict[str, bool] = {
    "R": True,
    "Go": True,
    "C": True,
    "Excel": False,
    "EXCEL": False,
    "React": False,
    "ML": False,
    "QA": False,
    "SAS": False,
    "EQ": False,
}
TELLING_WORDS = ["in", "using", "use", "uses", "used", "learn", "learning", "learned", "learnt"]


@dataclass(frozen=True)
class SkillGap:
    skill: str
    mentioned_by: int
    your_level: int | None
    reason: str


@dataclass(frozen=True)
class SkillMatch:
    skill: str
    mentioned_by: int
    your_level: int
    reason: str


def _key(text: str) -> str:
    """How aliases are compared: lower case, with hyphens, underscores and spaces as one space."""
    return re.sub(r"[\s_\-]+", " ", text.strip().casefold())


def _parse_vocabulary(text: str) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for line in text.strip().splitlines():
        if line.startswith("#"):
            continue
        name, _, rest = line.partition("|")
        name = name.strip()
        for alias in [name, *rest.split(";")]:
            if alias.strip():
                aliases[_key(alias)] = name
    return aliases


ALIASES = _parse_vocabulary(VOCABULARY)  # every alias's key → display name
SKILL_NAMES = sorted(set(ALIASES.values()), key=str.casefold)


def _trie_pattern(phrases: list[str]) -> str:
    """One alternation factored by shared prefixes, so the engine never retries a prefix."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = []
        for char in sorted(char for char in node if char):
            step = r"[\s\-]+" if char == " " else re.escape(char)
            branches.append(step + pattern(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Optional, and greedy, so the longest alias wins ("java" → "javascript").
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


def _alias_pattern(flags: int = 0) -> re.Pattern[str]:
    strict_keys = {_key(word) for word in STRICT_WORDS}
    phrases = [key for key in ALIASES if key not in strict_keys]
    # Edges: no letter, digit or underscore before; none of those, "+" or "#" after, so "Java"
    # stops short of "JavaScript" and "C#" is not "C".
    return re.compile(rf"(?<!\w)({_trie_pattern(phrases)})s?(?![\w+#])", flags)


def _strict_pattern() -> re.Pattern[str]:
    # Each word checks its left edge after its first letter, so the search can skip ahead to
    # the few capitals these words start with. After the word: no hyphen, "&", apostrophe or
    # abbreviating dot either ("in Go-to-market", "in R&D", "Go's", "in C. elegans").
    words = "|".join(
        re.escape(word) + rf"(?<!\w{re.escape(word)})"
        for word in sorted(STRICT_WORDS, key=len, reverse=True)
    )
    return re.compile(rf"(?:{words})(?![\w+#\-&'’])(?!\.\s?[a-z])")


_ALIASES_LOWER = _alias_pattern()
_ALIASES_ANY_CASE = _alias_pattern(re.IGNORECASE)
_STRICT = _strict_pattern()
_TELLING = re.compile(rf"(?<!\w)(?:{'|'.join(TELLING_WORDS)})\s+\Z", re.IGNORECASE)
_TELLING_REACH = max(map(len, TELLING_WORDS)) + 4


def skills_in(text: str) -> list[str]:
    """Display names of the skills mentioned in `text`, each once, in order of appearance."""
    lowered = text.lower()
    # Matching lower-cased text without IGNORECASE is about three times faster; the rare text
    # whose length changes when lower-cased (e.g. "İ") takes the slower way, to keep positions.
    if len(lowered) == len(text):
        matches = _ALIASES_LOWER.finditer(lowered)
    else:
        matches = _ALIASES_ANY_CASE.finditer(text)
    found = []
    spans = []
    for match in matches:
        alias = match[1]
        found.append((match.start(), ALIASES.get(alias) or ALIASES[_key(alias)]))
        spans.append(match.span())
    for match in _STRICT.finditer(text):
        start = match.start()
        if any(low <= start < high for low, high in spans):
            continue  # part of a longer alias: "C" in "C sharp", "Go" in "go to market"
        if STRICT_WORDS[match[0]] and not _TELLING.search(
            text, max(0, start - _TELLING_REACH), start
        ):
            continue
        found.append((start, ALIASES[_key(match[0])]))
    found.sort(key=lambda position_name: position_name[0])
    return list(dict.fromkeys(name for _, name in found))


def canonical_skill(name: str) -> str:
    """The vocabulary's name for a typed skill ("sql" → "SQL"), else the text tidied."""
    key = _key(name)
    if key in ALIASES:
        return ALIASES[key]
    # A plural tag ("#skill:presentations"); short keys are left alone ("cs" is not "C").
    if len(key) > 3 and key.endswith("s") and key[:-1] in ALIASES:
        return ALIASES[key[:-1]]
    # Tags cannot hold spaces, so "#skill:grant_writing" means "grant writing".
    tidied = " ".join(name.replace("_", " ").split())
    first = tidied.split(" ", 1)[0]
    # Sentence case, as the vocabulary's names are; short lower-case words are often acronyms.
    if len(first) > 3 and first.islower():
        return tidied[0].upper() + tidied[1:]
    return tidied


def skill_gaps(
    mentions: dict[str, int],
    self_ratings: dict[str, int],
    people_total: int,
    listed: dict[str, str] | None = None,
) -> list[SkillGap]:
    """Skills people said the career needs that the person rates low or has not rated.

    `listed` (a technology name → the occupation that lists it, from O*NET) makes a skill
    the person rated a skill of the career even before anyone mentions it, and says so.
    """
    gaps = []
    for skill, count, level, occupation in _needed(mentions, self_ratings, listed or {}):
        if level is None or level <= GAP_LEVEL:
            gaps.append(SkillGap(skill, count, level, _why(count, people_total, level, occupation)))
    return gaps


def skill_matches(
    mentions: dict[str, int],
    self_ratings: dict[str, int],
    people_total: int,
    listed: dict[str, str] | None = None,
) -> list[SkillMatch]:
    """Skills the career needs that the person already rates 3 of 5 or higher."""
    matches = []
    for skill, count, level, occupation in _needed(mentions, self_ratings, listed or {}):
        if level is not None and level > GAP_LEVEL:
            reason = _why(count, people_total, level, occupation)
            matches.append(SkillMatch(skill, count, level, reason))
    return matches


def listing_occupation(skill: str, listed: dict[str, str]) -> str:
    """The occupation listing a skill: "Figma" is O*NET's "Figma", "SQL" its "Structured
    query language SQL", "Photoshop" its "Adobe Photoshop"; "" when none lists it."""
    folded = skill.casefold()
    for name, occupation in listed.items():
        name = name.casefold()
        if name == folded or (len(folded) > 1 and name.endswith(" " + folded)):
            return occupation
    return ""


def _why(count: int, people_total: int, level: int | None, occupation: str) -> str:
    parts = [_mentioned(count, people_total)] if count else []
    if occupation:
        parts.append(f"O*NET lists it for {occupation}")
    parts.append(_level(level))
    sentence = "; ".join(parts)
    return f"{sentence[:1].upper()}{sentence[1:]}."


def _needed(
    mentions: dict[str, int], self_ratings: dict[str, int], listed: dict[str, str]
) -> list[tuple[str, int, int | None, str]]:
    """(skill, people who mentioned it, self-rating, occupation listing it) for skills people
    mentioned or the career's occupations list and the person rated, most mentioned first.

    Names are compared through `canonical_skill`, so "sql" rated by hand meets "SQL" from notes.
    """
    levels = {canonical_skill(name).casefold(): level for name, level in self_ratings.items()}
    counts: dict[str, tuple[str, int]] = {}  # casefolded name → (name as first seen, people)
    for name, count in mentions.items():
        skill = canonical_skill(name)
        if count <= 0 or not skill:
            continue
        shown, before = counts.get(skill.casefold(), (skill, 0))
        # Two spellings of one skill may count the same people, so keep the larger count
        # rather than adding them up.
        counts[skill.casefold()] = (shown, max(before, count))
    for name in self_ratings:
        skill = canonical_skill(name)
        if skill.casefold() not in counts and listing_occupation(skill, listed):
            counts[skill.casefold()] = (skill, 0)
    rows = [
        (shown, count, levels.get(folded), listing_occupation(shown, listed))
        for folded, (shown, count) in counts.items()
    ]
    return sorted(rows, key=lambda row: (-row[1], row[0].casefold()))


def _mentioned(count: int, people_total: int) -> str:
    if people_total < count or people_total <= 0:
        return f"{count} {'person' if count == 1 else 'people'} mentioned it"
    if count == people_total == 1:
        return "The one person you spoke with mentioned it"
    if count == people_total:
        return f"All {count} people mentioned it"
    return f"{count} of {people_total} people mentioned it"


def _level(level: int | None) -> str:
    if level is None:
        return "you have not rated it yet"
    return f"you rate yourself {level} of 5"
