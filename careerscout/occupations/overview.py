"""What the work is, in the words a career's page shows: one occupation summarised."""

import re
from dataclasses import dataclass

from .models import Occupation, Release

TOP_TASKS = 10
RELATED_SHOWN = 6
_ZONE_NUMBER = re.compile(r"^Job Zone \w+:\s*")


@dataclass(frozen=True)
class JobZone:
    number: int
    name: str  # "Considerable preparation needed"
    education: str
    experience: str


@dataclass(frozen=True)
class OccupationOverview:
    occupation: Occupation
    tasks: list[str]
    typical_titles: list[str]
    job_zone: JobZone | None
    hot_technologies: list[str]
    related: list[tuple[str, str]]  # (code, title)


def job_zone(number: int | None, zones: dict) -> JobZone | None:
    words = zones.get(str(number)) if number else None
    if not words:
        return None
    name = _ZONE_NUMBER.sub("", words["name"])
    name = name[:1].upper() + name[1:].lower()
    return JobZone(number, name, words["education"], words["experience"])


def overviews(codes: list[str]) -> list[OccupationOverview]:
    """The occupations in the order given, each with what a page shows of it (3 queries)."""
    found = Occupation.objects.in_bulk(codes)
    occupations = [found[code] for code in codes if code in found]
    related_codes = {code for o in occupations for code in o.related[:RELATED_SHOWN]}
    titles = dict(Occupation.objects.filter(code__in=related_codes).values_list("code", "title"))
    release = Release.objects.first()
    zones = release.job_zones if release else {}
    return [
        OccupationOverview(
            occupation=occupation,
            tasks=occupation.tasks[:TOP_TASKS],
            typical_titles=occupation.typical_titles(),
            job_zone=job_zone(occupation.job_zone, zones),
            hot_technologies=occupation.hot_technologies,
            related=[
                (code, titles[code])
                for code in occupation.related[:RELATED_SHOWN]
                if code in titles
            ],
        )
        for occupation in occupations
    ]


@dataclass(frozen=True)
class Technologies:
    listed: dict[str, str]  # every technology the occupations list → the occupation's title
    hot: list[str]  # the hot ones, in the occupations' order


def technologies(codes: list[str]) -> Technologies:
    """What the occupations list as technology skills (one query)."""
    listed: dict[str, str] = {}
    hot: list[str] = []
    occupations = Occupation.objects.in_bulk(codes)
    for code in codes:
        occupation = occupations.get(code)
        if occupation is None:
            continue
        for skill in occupation.technology_skills:
            listed.setdefault(skill["name"], occupation.title)
        hot += [name for name in occupation.hot_technologies if name not in hot]
    return Technologies(listed, hot)
