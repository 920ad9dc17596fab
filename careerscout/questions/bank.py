"""The built-in question bank: what to ask in an informational interview, by topic.

Rules every question here follows (tests check them):

- It is about learning how the work really is. None asks for a job, an internship, a
  referral for a role or a look at a CV, and none uses those words.
- It is short (25 words at most), plain and warm, and easy to answer in a few minutes.
- Every topic of the vocabulary has at least 6 questions. Within a topic, the bank's order is
  the suggested order: the classic question from the advisers' lists comes first.
- There is exactly one closing question, ``who-else``. It is asked at the end of every
  conversation, so one well-worded version is enough; variants would only make the planner
  guess. A user who prefers other words writes their own question.
- Keys are stable slugs. Stars, hidden questions and "already asked" are stored by key, so a
  key is never renamed or reused; the wording may be polished freely.
"""

from dataclasses import dataclass

from careerscout.lib.vocabulary import Topic

TOPICS: dict[str, str] = dict(Topic.choices)

CLOSING_KEY = "who-else"

# The five example questions of the origin article, one per core topic.
CLASSIC_KEYS = (
    "typical-day",
    "valuable-skills",
    "trends-and-challenges",
    "how-you-started",
    "advice-for-newcomers",
)


@dataclass(frozen=True)
class BankQuestion:
    key: str
    topic: str
    text: str
    closing: bool = False


def _topic(topic: str, *questions: tuple[str, str]) -> list[BankQuestion]:
    return [BankQuestion(key, topic, text) for key, text in questions]


BANK: tuple[BankQuestion, ...] = (
    *_topic(
        "day_to_day",
        ("typical-day", "Could you walk me through a typical day or week in your work?"),
        (
            "time-split",
            "Roughly how is your time split between meetings, focused work and the rest?",
        ),
        ("favourite-part", "Which part of your work do you enjoy most?"),
        (
            "harder-than-expected",
            "Which parts of the work are harder or less fun than people expect?",
        ),
        ("tools", "What tools or software do you rely on most?"),
        ("close-collaborators", "Who do you work with most closely from day to day?"),
        ("recent-proud-work", "What have you worked on recently that you were proud of?"),
        (
            "surprising-tasks",
            "What do you spend time on that might surprise someone outside the field?",
        ),
        ("busy-week", "How does a busy week differ from a quiet one?"),
        ("own-decisions", "What kinds of decisions do you get to make on your own?"),
        ("good-day", "How do you know when you have had a good day at work?"),
    ),
    *_topic(
        "skills",
        ("valuable-skills", "Which skills and experiences are most valuable in this field?"),
        (
            "qualifications-that-matter",
            "Which qualifications or certifications really matter, and which are optional?",
        ),
        (
            "degree-or-experience",
            "How much does a particular degree matter, compared with experience?",
        ),
        (
            "learned-after-starting",
            "What did you have to learn once you started that no course taught you?",
        ),
        ("newcomer-gaps", "Which skills do newcomers most often need to work on?"),
        ("transferable-skills", "Which skills from other fields carry over well into this one?"),
        (
            "personal-qualities",
            "Beyond technical know-how, what personal qualities help people do well here?",
        ),
        (
            "good-versus-excellent",
            "What separates someone who is good at this work from someone who is excellent?",
        ),
        ("staying-current", "How do you keep your skills up to date?"),
        (
            "one-skill-to-build",
            "If I could build one skill over the next six months, which would you pick?",
        ),
    ),
    *_topic(
        "trends",
        ("trends-and-challenges", "What are the current trends and challenges in your field?"),
        ("next-five-years", "How do you expect the field to change over the next five years?"),
        ("technology-changes", "How are new technologies, such as AI, changing the way you work?"),
        (
            "hardest-problems",
            "What are the hardest problems the field is wrestling with right now?",
        ),
        ("growing-and-shrinking", "Which areas of the field are growing, and which are shrinking?"),
        ("changed-since-you-started", "What has changed most since you started?"),
        ("economy-and-funding", "How do the economy and funding affect your part of the field?"),
        (
            "rules-and-debates",
            "Are any rules, regulations or public debates shaping the work at the moment?",
        ),
        ("excited-about", "What excites you most about where the field is heading?"),
        ("worried-about", "What worries you about where the field is heading?"),
    ),
    *_topic(
        "path",
        ("how-you-started", "How did you get started in this career?"),
        (
            "usual-routes",
            "What are the usual routes into this field, and are there less obvious ones?",
        ),
        ("turning-points", "What were the turning points that brought you to where you are now?"),
        ("first-years", "What were your first couple of years in the field like?"),
        ("starting-work", "What kind of work do people usually start with?"),
        (
            "career-changers",
            "How often do people come into this field from another career, and how does it go?",
        ),
        ("what-helps-newcomers", "What helps a newcomer stand out when they are trying to get in?"),
        ("progression", "What does progress usually look like after the first few years?"),
        ("where-people-go-next", "Where do people in your line of work often go next?"),
        ("do-differently", "Looking back, what would you do differently on your way in?"),
    ),
    *_topic(
        "advice",
        (
            "advice-for-newcomers",
            "What advice would you give someone looking to enter this profession?",
        ),
        ("wish-you-had-known", "What do you wish someone had told you when you were starting out?"),
        ("if-starting-today", "If you were starting out today, what would you do first?"),
        ("try-it-out", "How could I try out this kind of work before committing to it?"),
        (
            "common-mistakes",
            "What mistakes do you often see people make when they are new to the field?",
        ),
        (
            "who-thrives",
            "What kind of person tends to thrive in this field, and who tends to leave?",
        ),
        (
            "given-my-background",
            "Given what I have told you about my background, what would you explore next?",
        ),
        ("this-month", "What is one thing I could do this month to learn more about the field?"),
        (
            "comparing-organisations",
            "What should I look out for when comparing organisations in this field?",
        ),
        ("good-fit-signs", "How would I know whether this field is a good fit for me?"),
    ),
    *_topic(
        "lifestyle",
        ("hours", "What are your hours usually like, and how predictable are they?"),
        (
            "pay-range",
            "If you are comfortable sharing, what pay range is typical at different stages?",
        ),
        ("balance", "How do you balance work with the rest of your life?"),
        ("stressful-moments", "What are the most stressful moments, and how do you handle them?"),
        ("travel", "How much travel does the work involve?"),
        ("remote-and-flexible", "How much of the work can be done remotely or on flexible hours?"),
        ("busy-seasons", "Are there busy seasons or deadlines that shape your year?"),
        (
            "sustainable-for-decades",
            "Can people sustain this career for decades, or do many burn out?",
        ),
        ("where-you-live", "Does where you live make a difference in this field?"),
        ("trade-offs", "What trade-offs have you made for this career, and were they worth it?"),
        ("time-off", "How easy is it to take time off and really switch off?"),
    ),
    *_topic(
        "culture",
        ("people-in-the-field", "What are the people in this field like?"),
        ("what-is-rewarded", "What kind of work and behaviour gets recognised and rewarded?"),
        (
            "values-in-practice",
            "Which values does your organisation live by in practice, not just on paper?",
        ),
        ("culture-differences", "How does the culture differ between organisations in this field?"),
        ("welcoming", "How welcoming is the field to people from different backgrounds?"),
        (
            "learning-from-each-other",
            "How do people learn from each other here, and is mentoring common?",
        ),
        ("feedback", "How do you get feedback on your work?"),
        ("disagreements", "How are disagreements usually handled in your team?"),
        ("team-shape", "How big is your team, and how is it organised?"),
        ("unwritten-rules", "What unwritten rules would a newcomer need to learn?"),
        ("good-leaders", "What makes a good manager or leader in this field?"),
    ),
    *_topic(
        "resources",
        ("associations", "Which professional associations or groups are worth joining?"),
        (
            "reading",
            "Which books, newsletters or podcasts would you recommend about the field?",
        ),
        ("events", "Which events, conferences or meetups are worth attending?"),
        (
            "online-communities",
            "Are there online communities where people in the field swap ideas?",
        ),
        ("useful-courses", "Which courses or training have you found genuinely useful?"),
        ("organisations-to-watch", "Which organisations are doing interesting work in this area?"),
        (
            "whose-work-to-follow",
            "Whose work should I follow to understand where the field is going?",
        ),
        ("jargon", "Which terms or jargon would help me follow conversations in the field?"),
        ("ways-to-practise", "Are there free tools, data or challenges I could use to practise?"),
        ("keep-you-posted", "Would you mind if I let you know later how your advice helped?"),
    ),
    BankQuestion(
        CLOSING_KEY,
        "resources",
        "Who else should I talk to, and may I mention your name?",
        closing=True,
    ),
)

BY_KEY: dict[str, BankQuestion] = {question.key: question for question in BANK}
