"""A believable sample exploration: people from many fields, countries and writing systems.

`demo_people()` is pure and deterministic for a seed, so tests and benchmarks see the same
people every time; `add_demo_people()` writes them in bulk (30,000 in seconds).

Every e-mail domain ends in `.example` and every phone number is in a range set aside for
fiction, so nothing drafted to a demo person can reach a real one.
"""

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import batched

from django.db import transaction

from careerscout.accounts.models import User
from careerscout.lib.text import fold
from careerscout.people.models import Contact, Tag, TimelineEntry
from careerscout.people.organizations import link_organizations

DEFAULT_SEED = 2026
ADDED_SUMMARY = "Added to Career Scout"


@dataclass(frozen=True)
class DemoPerson:
    name: str
    emails: tuple[str, ...]
    phone: str
    linkedin_url: str
    organization: str
    title: str
    location: str
    time_zone: str
    source: str
    how_we_know: str
    notes: str
    tags: tuple[str, ...]


# (as written, in Latin letters): the Latin form makes e-mail addresses and profile links.
Name = tuple[str, str]
# Family names: (masculine as written, Latin, feminine as written, Latin).
Family = tuple[str, str, str, str]


@dataclass(frozen=True)
class Culture:
    weight: int
    women: tuple[Name, ...]
    men: tuple[Name, ...]
    families: tuple[Family, ...]
    places: tuple[tuple[str, str], ...]  # (location, IANA time zone)
    # How often the name is written in its own script rather than in Latin letters.
    native_share: float = 0.0
    family_first: bool = False  # in its own script
    latin_family_first: bool = False
    joiner: str = " "


def names(text: str) -> tuple[Name, ...]:
    """`"芳:Fang, 娜:Na"` or, for names already in Latin letters, `"Olivia, Emma"`."""
    pairs = (item.strip().partition(":") for item in text.split(","))
    return tuple((written, latin or written) for written, _, latin in pairs)


def families(text: str) -> tuple[Family, ...]:
    """Like `names()`, with `/` before a feminine form: `"Попов:Popov/Попова:Popova"`."""
    result = []
    for item in text.split(","):
        masculine, _, feminine = item.strip().partition("/")
        ((written, latin),) = names(masculine)
        ((written_f, latin_f),) = names(feminine) if feminine else ((written, latin),)
        result.append((written, latin, written_f, latin_f))
    return tuple(result)


def items(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(";"))


# fmt: off
CULTURES: dict[str, Culture] = {
    "english": Culture(
        weight=20,
        women=names("Olivia, Emma, Sarah, Grace, Hannah, Chloe, Megan, Lucy, Rachel, Emily, "
                    "Jessica, Laura, Abigail, Kate, Naomi, Beth"),
        men=names("James, Michael, David, Daniel, Thomas, Ryan, Marcus, Ethan, Samuel, Oliver, "
                  "Jack, Ben, Matthew, Adam, Luke, Nathan"),
        families=families("Smith, Johnson, Williams, Brown, Taylor, Walker, Harris, Clarke, "
                          "Robinson, Wright, Thompson, Lewis, Campbell, Murphy, Bennett, Hughes, "
                          "Carter, Mitchell, Turner, Collins, Edwards, Price"),
        places=(
            ("London, United Kingdom", "Europe/London"),
            ("Manchester, United Kingdom", "Europe/London"),
            ("Edinburgh, United Kingdom", "Europe/London"),
            ("New York, NY, USA", "America/New_York"),
            ("Boston, MA, USA", "America/New_York"),
            ("Chicago, IL, USA", "America/Chicago"),
            ("Austin, TX, USA", "America/Chicago"),
            ("Denver, CO, USA", "America/Denver"),
            ("San Francisco, CA, USA", "America/Los_Angeles"),
            ("Seattle, WA, USA", "America/Los_Angeles"),
            ("Toronto, Canada", "America/Toronto"),
            ("Sydney, Australia", "Australia/Sydney"),
            ("Melbourne, Australia", "Australia/Melbourne"),
            ("Auckland, New Zealand", "Pacific/Auckland"),
        ),
    ),
    "hispanic": Culture(
        weight=12,
        women=names("María, Lucía, Sofía, Camila, Valentina, Inés, Carmen, Paula, Ximena, "
                    "Mónica, Elena, Rocío"),
        men=names("José, Alejandro, Javier, Andrés, Diego, Martín, Sebastián, Raúl, Tomás, "
                  "Joaquín, Iván, Nicolás"),
        families=families("García, Martínez, Rodríguez, López, Hernández, González, Pérez, "
                          "Sánchez, Ramírez, Núñez, Muñoz, Jiménez, Ortiz, Castillo"),
        places=(
            ("Madrid, Spain", "Europe/Madrid"),
            ("Barcelona, Spain", "Europe/Madrid"),
            ("Mexico City, Mexico", "America/Mexico_City"),
            ("Buenos Aires, Argentina", "America/Argentina/Buenos_Aires"),
            ("Bogotá, Colombia", "America/Bogota"),
            ("Santiago, Chile", "America/Santiago"),
            ("Lima, Peru", "America/Lima"),
            ("Los Angeles, CA, USA", "America/Los_Angeles"),
            ("Miami, FL, USA", "America/New_York"),
        ),
    ),
    "french": Culture(
        weight=5,
        women=names("Amélie, Hélène, Chloé, Léa, Anaïs, Gaëlle, Océane, Zoé"),
        men=names("François, Jérôme, Théo, Benoît, Loïc, Rémi, Étienne, Gaël"),
        families=families("Lefèvre, Dubois, Moreau, Girard, Rousseau, Bérard, Lemaître, "
                          "Fontaine, Chevalier, Mercier"),
        places=(
            ("Paris, France", "Europe/Paris"),
            ("Lyon, France", "Europe/Paris"),
            ("Montréal, Canada", "America/Toronto"),
            ("Brussels, Belgium", "Europe/Brussels"),
            ("Geneva, Switzerland", "Europe/Zurich"),
        ),
    ),
    "european": Culture(
        weight=7,
        women=names("Zoë, Åsa, Käthe, Ingrid, Małgorzata, Zofia, Agnieszka, Şule, Çağla, "
                    "Eliška, Ana, Conceição"),
        men=names("Jürgen, Björn, Søren, Jörg, Łukasz, Piotr, Emre, Tomáš, Matthias, João, "
                  "Gonçalo, Lars"),
        families=families("Müller, Schröder, Weiß, Åkesson, Kjær, Løvland, Wójcik, Kowalczyk, "
                          "Yılmaz, Öztürk, Dvořák, Gonçalves, Araújo, van der Berg"),
        places=(
            ("Berlin, Germany", "Europe/Berlin"),
            ("Munich, Germany", "Europe/Berlin"),
            ("Vienna, Austria", "Europe/Vienna"),
            ("Zürich, Switzerland", "Europe/Zurich"),
            ("Amsterdam, Netherlands", "Europe/Amsterdam"),
            ("Stockholm, Sweden", "Europe/Stockholm"),
            ("Copenhagen, Denmark", "Europe/Copenhagen"),
            ("Oslo, Norway", "Europe/Oslo"),
            ("Warsaw, Poland", "Europe/Warsaw"),
            ("Prague, Czechia", "Europe/Prague"),
            ("Istanbul, Türkiye", "Europe/Istanbul"),
            ("Lisbon, Portugal", "Europe/Lisbon"),
            ("São Paulo, Brazil", "America/Sao_Paulo"),
        ),
    ),
    "irish": Culture(
        weight=2,
        women=names("Siobhán, Niamh, Aoife, Sinéad, Clíodhna"),
        men=names("Seán, Ciarán, Pádraig, Oisín, Darragh"),
        families=families("Ó Briain, Ó Súilleabháin, Mac Cárthaigh, Ó Néill, Breathnach"),
        places=(("Dublin, Ireland", "Europe/Dublin"), ("Galway, Ireland", "Europe/Dublin")),
    ),
    "vietnamese": Culture(
        weight=3,
        women=names("Thị Mai, Thu Hà, Ngọc Anh, Thanh Hương, Phương Linh"),
        men=names("Văn Minh, Đức Anh, Quốc Bảo, Hoàng Long, Minh Khôi"),
        families=families("Nguyễn, Trần, Lê, Phạm, Hoàng, Vũ"),
        places=(
            ("Hanoi, Vietnam", "Asia/Ho_Chi_Minh"),
            ("Ho Chi Minh City, Vietnam", "Asia/Ho_Chi_Minh"),
            ("San Jose, CA, USA", "America/Los_Angeles"),
        ),
        latin_family_first=True,
    ),
    "chinese": Culture(
        weight=8,
        women=names("芳:Fang, 娜:Na, 敏:Min, 静:Jing, 婷:Ting, 嘉怡:Jiayi, 子涵:Zihan, "
                    "雨桐:Yutong, 思远:Siyuan"),
        men=names("伟:Wei, 磊:Lei, 洋:Yang, 晓明:Xiaoming, 浩然:Haoran, 俊杰:Junjie, "
                  "志强:Zhiqiang, 宇轩:Yuxuan, 建国:Jianguo"),
        families=families("王:Wang, 李:Li, 张:Zhang, 刘:Liu, 陈:Chen, 杨:Yang, 黄:Huang, "
                          "赵:Zhao, 周:Zhou, 吴:Wu, 林:Lin, 徐:Xu"),
        places=(
            ("Shanghai, China", "Asia/Shanghai"),
            ("Beijing, China", "Asia/Shanghai"),
            ("Shenzhen, China", "Asia/Shanghai"),
            ("Hong Kong", "Asia/Hong_Kong"),
            ("Taipei, Taiwan", "Asia/Taipei"),
            ("Singapore", "Asia/Singapore"),
            ("Vancouver, Canada", "America/Vancouver"),
        ),
        native_share=0.6,
        family_first=True,
        joiner="",
    ),
    "japanese": Culture(
        weight=4,
        women=names("花子:Hanako, 結衣:Yui, さくら:Sakura, 美咲:Misaki, 陽菜:Hina, 真由美:Mayumi"),
        men=names("陽翔:Haruto, 蓮:Ren, 大輔:Daisuke, 健太:Kenta, 翔太:Shota, 拓也:Takuya"),
        families=families("佐藤:Sato, 鈴木:Suzuki, 高橋:Takahashi, 田中:Tanaka, 渡辺:Watanabe, "
                          "伊藤:Ito, 山本:Yamamoto, 中村:Nakamura, 小林:Kobayashi"),
        places=(
            ("Tokyo, Japan", "Asia/Tokyo"),
            ("Osaka, Japan", "Asia/Tokyo"),
            ("Kyoto, Japan", "Asia/Tokyo"),
            ("Fukuoka, Japan", "Asia/Tokyo"),
        ),
        native_share=0.6,
        family_first=True,
    ),
    "korean": Culture(
        weight=3,
        women=names("서연:Seo-yeon, 하은:Ha-eun, 지우:Ji-woo, 수빈:Su-bin"),
        men=names("민준:Min-jun, 지훈:Ji-hoon, 도윤:Do-yoon, 현우:Hyun-woo"),
        families=families("김:Kim, 이:Lee, 박:Park, 최:Choi, 정:Jung, 강:Kang"),
        places=(("Seoul, South Korea", "Asia/Seoul"), ("Busan, South Korea", "Asia/Seoul")),
        native_share=0.6,
        family_first=True,
        joiner="",
    ),
    "arabic": Culture(
        weight=6,
        women=names("ليلى:Layla, فاطمة:Fatima, نور:Nour, مريم:Maryam, سارة:Sara, هدى:Huda, "
                    "رنا:Rana"),
        men=names("أحمد:Ahmed, عمر:Omar, يوسف:Youssef, خالد:Khaled, كريم:Karim, سامي:Sami, "
                  "طارق:Tarek"),
        families=families("حداد:Haddad, الخطيب:Al-Khatib, منصور:Mansour, عثمان:Osman, "
                          "سليمان:Suleiman, الحسيني:Al-Husseini, ناصر:Nasser, فرح:Farah"),
        places=(
            ("Cairo, Egypt", "Africa/Cairo"),
            ("Dubai, United Arab Emirates", "Asia/Dubai"),
            ("Amman, Jordan", "Asia/Amman"),
            ("Beirut, Lebanon", "Asia/Beirut"),
            ("Riyadh, Saudi Arabia", "Asia/Riyadh"),
            ("Casablanca, Morocco", "Africa/Casablanca"),
            ("Doha, Qatar", "Asia/Qatar"),
        ),
        native_share=0.5,
    ),
    "cyrillic": Culture(
        weight=5,
        women=names("Анна:Anna, Ольга:Olga, Екатерина:Ekaterina, Наталья:Natalia, "
                    "Ирина:Irina, Оксана:Oksana"),
        men=names("Дмитрий:Dmitry, Сергей:Sergey, Алексей:Alexey, Иван:Ivan, Андрій:Andriy, "
                  "Михаил:Mikhail"),
        families=families("Смирнов:Smirnov/Смирнова:Smirnova, Иванов:Ivanov/Иванова:Ivanova, "
                          "Кузнецов:Kuznetsov/Кузнецова:Kuznetsova, Попов:Popov/Попова:Popova, "
                          "Шевченко:Shevchenko, Коваленко:Kovalenko, "
                          "Соколов:Sokolov/Соколова:Sokolova"),
        places=(
            ("Kyiv, Ukraine", "Europe/Kyiv"),
            ("Lviv, Ukraine", "Europe/Kyiv"),
            ("Almaty, Kazakhstan", "Asia/Almaty"),
            ("Tbilisi, Georgia", "Asia/Tbilisi"),
            ("Riga, Latvia", "Europe/Riga"),
            ("Berlin, Germany", "Europe/Berlin"),
        ),
        native_share=0.6,
    ),
    "greek": Culture(
        weight=2,
        women=names("Ελένη:Eleni, Μαρία:Maria, Δήμητρα:Dimitra, Σοφία:Sofia"),
        men=names("Γιώργος:Giorgos, Νίκος:Nikos, Κώστας:Kostas, Άγγελος:Angelos"),
        families=families("Παπαδόπουλος:Papadopoulos/Παπαδοπούλου:Papadopoulou, "
                          "Παπαδάκης:Papadakis/Παπαδάκη:Papadaki, Γεωργίου:Georgiou, "
                          "Οικονόμου:Oikonomou, Νικολάου:Nikolaou"),
        places=(
            ("Athens, Greece", "Europe/Athens"),
            ("Thessaloniki, Greece", "Europe/Athens"),
            ("Nicosia, Cyprus", "Asia/Nicosia"),
        ),
        native_share=0.6,
    ),
    "indian": Culture(
        weight=9,
        women=names("प्रिया:Priya, अनन्या:Ananya, स्नेहा:Sneha, दीपिका:Deepika, कविता:Kavita, "
                    "मीरा:Meera, पूजा:Pooja"),
        men=names("राहुल:Rahul, अर्जुन:Arjun, विक्रम:Vikram, आदित्य:Aditya, रोहन:Rohan, "
                  "सुरेश:Suresh, अमित:Amit"),
        families=families("शर्मा:Sharma, वर्मा:Verma, गुप्ता:Gupta, पटेल:Patel, सिंह:Singh, "
                          "अय्यर:Iyer, रेड्डी:Reddy, मेहता:Mehta, जोशी:Joshi"),
        places=(
            ("Bengaluru, India", "Asia/Kolkata"),
            ("Mumbai, India", "Asia/Kolkata"),
            ("Delhi, India", "Asia/Kolkata"),
            ("Pune, India", "Asia/Kolkata"),
            ("Hyderabad, India", "Asia/Kolkata"),
            ("London, United Kingdom", "Europe/London"),
            ("Toronto, Canada", "America/Toronto"),
        ),
        native_share=0.3,
    ),
    "african": Culture(
        weight=6,
        women=names("Amara, Wanjiru, Ngozi, Abena, Zanele, Chiamaka, Aïssatou"),
        men=names("Chinedu, Kwame, Thabo, Kofi, Tendai, Babajide, Mamadou"),
        families=families("Okafor, Nwosu, Mensah, Kamau, Nkosi, Adeyemi, Owusu, Diallo, Mutua, "
                          "Moyo"),
        places=(
            ("Lagos, Nigeria", "Africa/Lagos"),
            ("Nairobi, Kenya", "Africa/Nairobi"),
            ("Accra, Ghana", "Africa/Accra"),
            ("Johannesburg, South Africa", "Africa/Johannesburg"),
            ("Cape Town, South Africa", "Africa/Johannesburg"),
            ("Dakar, Senegal", "Africa/Dakar"),
            ("Kigali, Rwanda", "Africa/Kigali"),
        ),
    ),
}
# fmt: on


@dataclass(frozen=True)
class Field:
    weight: int
    titles: tuple[str, ...]
    organizations: tuple[str, ...]
    topics: tuple[str, ...]
    tag: str = ""


# The explorer's three careers weigh most; the rest is the wider network.
# fmt: off
FIELDS: dict[str, Field] = {
    "ux_research": Field(
        14,
        items("UX Researcher; Senior UX Researcher; User Researcher; Lead Design Researcher; "
              "Research Operations Manager; Head of User Research; Quantitative UX Researcher"),
        items("Globex; Northwind Apps; Brightloop; Fable Health; Kestrel Bank; Parcelly"),
        items("usability testing; diary studies; research operations; accessibility"),
        tag="design",
    ),
    "product": Field(
        12,
        items("Product Manager; Senior Product Manager; Group Product Manager; Product Owner; "
              "Director of Product; Associate Product Manager"),
        items("Initech; Parcelly; Lumen Maps; Orbital Pay; Hearthside; Globex"),
        items("roadmaps; discovery; pricing; product analytics"),
    ),
    "climate_policy": Field(
        10,
        items("Climate Policy Analyst; Senior Policy Adviser, Energy Transition; "
              "Sustainability Manager; Carbon Markets Analyst; Programme Officer, Adaptation; "
              "Head of Climate Strategy"),
        items("Green Transition Institute; Ministry of Environment; Climate Action Network; "
              "Northern Grid Authority; Ember Foundation; Coastal Resilience Trust"),
        items("carbon pricing; energy transition; adaptation finance; climate litigation"),
        tag="climate",
    ),
    "software": Field(
        10,
        items("Software Engineer; Senior Software Engineer; Staff Engineer; Engineering Manager; "
              "Site Reliability Engineer; Frontend Developer; Backend Developer; Mobile Developer"),
        items("Initech; Hooli; Stackwise; Cloudberry Systems; Vandelay Software; Globex"),
        items("developer experience; platform teams; open source; on-call"),
    ),
    "design": Field(
        7,
        items("Product Designer; Senior Product Designer; Service Designer; Design Director; "
              "Interaction Designer; Content Designer; Visual Designer"),
        items("Studio Meridian; Brightloop; Fable Health; Government Digital Service"),
        items("design systems; service design; content design; design critique"),
        tag="design",
    ),
    "data_science": Field(
        7,
        items("Data Scientist; Senior Data Scientist; Machine Learning Engineer; Data Analyst; "
              "Analytics Manager; Research Scientist"),
        items("Lumen Maps; Quantify; Orbital Pay; Datawell; Kestrel Bank"),
        items("experimentation; forecasting; data ethics; causal inference"),
    ),
    "nursing": Field(
        6,
        items("Registered Nurse; Nurse Practitioner; Charge Nurse; Clinical Nurse Specialist; "
              "Paediatric Nurse; Nurse Educator"),
        items("St. Catherine's Hospital; City General Hospital; Riverside Community Health; "
              "Mercy Children's Hospital"),
        items("shift work; patient safety; clinical education; community care"),
        tag="healthcare",
    ),
    "law": Field(
        5,
        items("Associate; Senior Associate; In-house Counsel; Legal Counsel, Privacy; Paralegal; "
              "Public Defender"),
        items("Hartley & Moss LLP; Carrow Legal; Legal Aid Society; Pemberton Whitlock; "
              "Office of the Public Defender"),
        items("privacy law; legal aid; billable hours; tech policy"),
    ),
    "finance": Field(
        5,
        items("Financial Analyst; Investment Associate; Risk Manager; Controller; "
              "Portfolio Manager; Impact Investment Analyst"),
        items("Kestrel Bank; Meridian Capital; Harbour Trust; Oakline Partners"),
        items("impact investing; risk modelling; ESG reporting; financial planning"),
    ),
    "teaching": Field(
        5,
        items("Secondary School Teacher; Primary Teacher; Head of Science; Instructional Designer; "
              "Special Education Teacher; Lecturer"),
        items("Lincoln High School; Riverside Primary; Westbrook Academy; City University"),
        items("curriculum design; classroom management; education technology; assessment"),
    ),
    "public_health": Field(
        4,
        items("Epidemiologist; Public Health Officer; Health Policy Analyst; "
              "Programme Manager, Global Health"),
        items("Institute of Public Health; World Health Partners; City Health Department"),
        items("disease surveillance; health equity; vaccination programmes"),
        tag="healthcare",
    ),
    "journalism": Field(
        3,
        items("Reporter; Data Journalist; Editor; Audio Producer; Science Writer"),
        items("The Daily Ledger; Radio North; Civic Post; Signal Magazine"),
        items("investigations; newsroom data; science communication"),
    ),
    "architecture": Field(
        3,
        items("Architect; Urban Planner; Landscape Architect; Project Architect"),
        items("Atelier Nord; Civic Design Collective; City Planning Office"),
        items("housing; public space; retrofitting"),
    ),
    "nonprofit": Field(
        4,
        items("Programme Manager; Fundraising Lead; Volunteer Coordinator; Executive Director; "
              "Policy Officer"),
        items("Open Doors Foundation; Refugee Welcome; Food Bank Network; Literacy First"),
        items("fundraising; volunteer management; advocacy"),
    ),
}
# fmt: on

SOURCES: dict[str, int] = {
    Contact.Source.LINKEDIN: 52,
    Contact.Source.ALUMNI: 14,
    Contact.Source.EVENT: 9,
    Contact.Source.COLLEAGUE: 9,
    Contact.Source.ASSOCIATION: 5,
    Contact.Source.REFERRAL: 5,
    Contact.Source.FRIEND_FAMILY: 4,
    Contact.Source.OTHER: 2,
}
EVENTS = items(
    "a careers fair; the alumni weekend; a conference; a meetup; a webinar; a workshop; "
    "a panel discussion"
)
DEGREES = items(
    "BA Psychology; BSc Computer Science; MA Design; MSc Environmental Policy; BA Economics; "
    "MBA; BSc Nursing; LLB"
)
BOOKS = items(
    "Just Enough Research; Inspired; Drawdown; The Design of Everyday Things; "
    "Designing Your Life; Thinking in Systems; Continuous Discovery Habits"
)
QUESTIONS = items(
    "what a typical week looks like; how they moved into the field; "
    "which skills matter most in the first year; how the field is changing; "
    "what they wish they had known at the start; how hiring works in their team; "
    "the pay range for junior roles; who else I should talk to"
)
MUTUALS = items("Maya; Tom; Ines; Priya; Jonas; Aiko; Sam; Fatou")
DEMO_TAGS = ("alumni", "met at conference", "warm intro", "mentor", "design", "climate",
             "healthcare")  # fmt: skip

NOT_LATIN_LETTERS = re.compile(r"[^a-z0-9]+")
# Letters Unicode does not decompose into a base letter and an accent.
UNDECOMPOSED = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ı": "i", "æ": "ae", "œ": "oe"})


def weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def slug(text: str) -> str:
    return NOT_LATIN_LETTERS.sub("-", fold(text).translate(UNDECOMPOSED)).strip("-")


def make_name(rng: random.Random, culture: Culture) -> tuple[str, str, str]:
    """(name as shown, given name in Latin letters, family name in Latin letters)."""
    woman = rng.random() < 0.5
    given_written, given_latin = rng.choice(culture.women if woman else culture.men)
    family = rng.choice(culture.families)
    family_written, family_latin = (family[2], family[3]) if woman else (family[0], family[1])
    if rng.random() < culture.native_share:
        parts = [given_written, family_written]
        if culture.family_first:
            parts.reverse()
        return culture.joiner.join(parts), given_latin, family_latin
    if culture.latin_family_first:
        return f"{family_latin} {given_latin}", given_latin, family_latin
    return f"{given_latin} {family_latin}", given_latin, family_latin


def how_we_know(rng: random.Random, source: str, organization: str, topic: str) -> str:
    year = rng.randint(2009, 2025)
    event, mutual = rng.choice(EVENTS), rng.choice(MUTUALS)
    options = {
        "linkedin": [
            f"Connected on LinkedIn after {event} on {topic}.",
            f"Second-degree connection through {mutual}.",
            f"Commented on my post about {topic}.",
            "",
            "",
        ],
        "alumni": [
            f"Same university, class of {year}.",
            f"Alumni directory: {rng.choice(DEGREES)}, {year}.",
            f"Met at the alumni mixer in {year}.",
        ],
        "event": [
            f"Met at {event} on {topic} in {year}.",
            f"Sat next to each other at {event} on {topic}.",
        ],
        "association": [
            f"We are both in a professional group on {topic}.",
            f"Spoke about {topic} at a professional association evening.",
        ],
        "referral": [f"Introduced by {mutual}.", f"{mutual} suggested I talk to them."],
        "colleague": [
            f"Worked together at {organization or 'my first job'} in {year}.",
            "Former manager.",
            "We shared a desk on my first project.",
        ],
        "friend_family": [
            "My cousin's partner.",
            "Friend from the climbing club.",
            f"Friend of {mutual}.",
        ],
        "other": [f"Read their blog post on {topic}.", f"Heard them on a podcast about {topic}."],
    }
    return rng.choice(options[source])


def notes_for(rng: random.Random, topic: str) -> str:
    if rng.random() >= 0.2:
        return ""
    first, second = rng.sample(QUESTIONS, 2)
    return (
        f"Works on **{topic}**.\n\n"
        f"* Ask about {first}\n"
        f"* Ask about {second}\n"
        f"* Recommended *{rng.choice(BOOKS)}*"
    )


def tags_for(rng: random.Random, source: str, field: Field) -> tuple[str, ...]:
    tags = []
    if source == Contact.Source.ALUMNI or rng.random() < 0.04:
        tags.append("alumni")
    if source == Contact.Source.EVENT and rng.random() < 0.8:
        tags.append("met at conference")
    if field.tag and rng.random() < 0.6:
        tags.append(field.tag)
    if source == Contact.Source.REFERRAL:
        tags.append("warm intro")
    if rng.random() < 0.03:
        tags.append("mentor")
    return tuple(tags)


def demo_people(count: int, seed: int = DEFAULT_SEED) -> Iterator[DemoPerson]:
    """The same `count` people for the same seed, generated lazily."""
    rng = random.Random(seed)
    culture_weights = {key: culture.weight for key, culture in CULTURES.items()}
    field_weights = {key: field.weight for key, field in FIELDS.items()}
    for number in range(1, count + 1):
        culture = CULTURES[weighted(rng, culture_weights)]
        field = FIELDS[weighted(rng, field_weights)]
        name, given, family = make_name(rng, culture)
        source = weighted(rng, SOURCES)
        organization = rng.choice(field.organizations) if rng.random() < 0.93 else ""
        title = rng.choice(field.titles) if rng.random() < 0.95 else ""
        location, time_zone = rng.choice(culture.places) if rng.random() < 0.85 else ("", "")
        topic = rng.choice(field.topics)
        local_part = f"{slug(given)}.{slug(family)}".replace("-", "")
        emails = []
        if rng.random() < 0.4:
            emails.append(f"{local_part}@{slug(organization or 'mail')}.example")
            if rng.random() < 0.15:
                emails.append(f"{local_part}{rng.randint(1, 99)}@mail.example")
        phone = ""
        if rng.random() < 0.12:
            # Ranges kept for fiction: Ofcom's drama numbers and North America's 555-01xx.
            phone = rng.choice(
                [
                    f"+44 20 7946 0{rng.randint(0, 999):03d}",
                    f"+1 202-555-01{rng.randint(0, 99):02d}",
                ]
            )
        linkedin_url = ""
        if source == Contact.Source.LINKEDIN or rng.random() < 0.3:
            profile = f"{slug(given)}-{slug(family)}-{seed % 1000:03d}{number:x}"
            linkedin_url = f"https://www.linkedin.com/in/{profile}"
        yield DemoPerson(
            name=name,
            emails=tuple(emails),
            phone=phone,
            linkedin_url=linkedin_url,
            organization=organization,
            title=title,
            location=location,
            time_zone=time_zone,
            source=source,
            how_we_know=how_we_know(rng, source, organization, topic),
            notes=notes_for(rng, topic),
            tags=tags_for(rng, source, field),
        )


def tags_named(user: User, wanted: set[str]) -> dict[str, Tag]:
    existing = set(Tag.objects.filter(user=user, name__in=wanted).values_list("name", flat=True))
    Tag.objects.bulk_create([Tag(user=user, name=name) for name in sorted(wanted - existing)])
    return {tag.name: tag for tag in Tag.objects.filter(user=user, name__in=wanted)}


def demo_contact(person: DemoPerson, user: User | None = None) -> Contact:
    """An unsaved contact for a demo person, with its derived fields (bulk writers skip save)."""
    contact = Contact(
        user=user,
        name=person.name,
        emails=list(person.emails),
        phone=person.phone,
        linkedin_url=person.linkedin_url,
        organization=person.organization,
        title=person.title,
        location=person.location,
        time_zone=person.time_zone,
        source=person.source,
        how_we_know=person.how_we_know,
        notes=person.notes,
    )
    contact.refresh_derived_fields()
    return contact


def add_demo_people(
    user: User, count: int, *, seed: int = DEFAULT_SEED, batch_size: int = 2000
) -> int:
    """Write the demo people in bulk, each with its tags and an "added" timeline entry.

    bulk_create skips Contact.save(), so the derived fields (search text, title terms) and
    the organisation links are filled here.
    """
    Tagging = Contact.tags.through
    with transaction.atomic():
        tags = tags_named(user, set(DEMO_TAGS))
        for batch in batched(demo_people(count, seed), batch_size):
            contacts = [demo_contact(person, user) for person in batch]
            link_organizations(user, contacts)
            # SQLite (3.35+) and PostgreSQL both hand back the new ids from a bulk insert.
            Contact.objects.bulk_create(contacts)
            Tagging.objects.bulk_create(
                Tagging(contact_id=contact.pk, tag_id=tags[name].pk)
                for contact, person in zip(contacts, batch, strict=True)
                for name in person.tags
            )
            TimelineEntry.objects.bulk_create(
                TimelineEntry(
                    user=user, contact=contact, kind=TimelineEntry.Kind.ADDED, summary=ADDED_SUMMARY
                )
                for contact in contacts
            )
    return count
