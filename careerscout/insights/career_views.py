"""Two sections of a career's page: what you have learned about it, and deciding on it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careerscout.careers.models import Career
from careerscout.lib.models import get_owned
from careerscout.occupations.overview import technologies

from .criteria import current_ratings
from .evidence import (
    appeals_and_concerns,
    board,
    career_evidence,
    contradictions_among,
    people_heard,
    skill_mentions,
)
from .models import Criterion, Reflection, SkillRating
from .skills import skill_gaps, skill_matches

HOT_SHOWN = 12


@require_GET
def career_learned(request: HttpRequest, career_id: int) -> HttpResponse:
    """What people said, by topic and with who said it; where they disagree; reflections."""
    career = get_owned(Career, request.user, career_id)
    evidence = career_evidence(career)
    appeals, concerns = appeals_and_concerns(evidence)
    context = {
        "career": career,
        "section": "learned",
        "board": board(evidence),
        "appeals": appeals,
        "concerns": concerns,
        "contradictions": contradictions_among(evidence),
        "reflections": Reflection.objects.for_user(request.user)
        .filter(conversation__careers=career)
        .select_related("conversation__contact")
        .order_by("-created_at")[:10],
    }
    return render(request, "insights/career_learned.html", context)


@require_GET
def career_decide(request: HttpRequest, career_id: int) -> HttpResponse:
    """How the career rates on your criteria, and the skills you would need."""
    career = get_owned(Career, request.user, career_id)
    evidence = career_evidence(career)
    mentions = skill_mentions(career)
    self_ratings = dict(SkillRating.objects.for_user(request.user).values_list("name", "level"))
    criteria = list(Criterion.objects.for_user(request.user))
    current = current_ratings(request.user, [career])
    heard = people_heard(evidence)
    listed = technologies(career.occupation_codes)
    context = {
        "career": career,
        "section": "decide",
        "ratings": [(criterion, current.get((career.pk, criterion.pk))) for criterion in criteria],
        "skill_gaps": skill_gaps(mentions, self_ratings, heard, listed.listed),
        "skill_strengths": skill_matches(mentions, self_ratings, heard, listed.listed),
        "hot_technologies": listed.hot[:HOT_SHOWN],
        "skill_mentions": sorted(mentions.items(), key=lambda pair: (-pair[1], pair[0])),
    }
    return render(request, "insights/career_decide.html", context)
