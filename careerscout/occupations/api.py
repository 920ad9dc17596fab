"""O*NET occupations in the JSON API: reference data any signed-in user may read."""

from typing import Annotated

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from pydantic import StringConstraints

from careerscout.lib.api_schemas import ErrorOut

from .matching import MAX_LIMIT, match_title
from .models import Occupation

router = Router(tags=["occupations"])


class MatchFilters(Schema):
    match: Annotated[str, StringConstraints(max_length=200)] = Field(
        "", description="A job title, e.g. “Sr. UX Researcher”."
    )
    limit: int = Field(5, ge=1, le=MAX_LIMIT)


class MatchOut(Schema):
    code: str = Field(examples=["15-1255.00"])
    title: str
    score: float = Field(ge=0, le=1, description="How likely the title is this occupation.")
    reason: str


class RelatedOut(Schema):
    code: str
    title: str


class OccupationOut(Schema):
    code: str
    title: str
    description: str
    job_zone: int | None = Field(description="1 (little preparation) to 5 (extensive).")
    tasks: list[str] = Field(description="Most important first.")
    alternate_titles: list[str]
    related: list[RelatedOut] = Field(description="Most related first.")
    technology_skills: list[str] = Field(description="Hot technologies first.")


def occupation_detail(occupation: Occupation) -> dict:
    """The API's and the CLI's shape of one occupation."""
    titles = dict(
        Occupation.objects.filter(code__in=occupation.related).values_list("code", "title")
    )
    skills = sorted(occupation.technology_skills, key=lambda skill: not skill["hot"])
    return {
        "code": occupation.code,
        "title": occupation.title,
        "description": occupation.description,
        "job_zone": occupation.job_zone,
        "tasks": occupation.tasks,
        "alternate_titles": occupation.alternate_titles,
        "related": [
            {"code": code, "title": titles[code]} for code in occupation.related if code in titles
        ],
        "technology_skills": [skill["name"] for skill in skills],
    }


@router.get("", response=list[MatchOut])
def match_occupations(request: HttpRequest, filters: Query[MatchFilters]):
    """The occupations a job title most likely is, best first; [] when nothing fits."""
    return [found.as_dict() for found in match_title(filters.match, filters.limit)]


@router.get("/{code}", response={200: OccupationOut, 404: ErrorOut})
def get_occupation(request: HttpRequest, code: str):
    occupation = Occupation.objects.filter(code=code).first()
    if occupation is None:
        raise Http404(f"No occupation with the code “{code[:20]}”.")
    return occupation_detail(occupation)
