"""Insights: reflections, criteria, skills, the action plan, the comparison and the report."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerscout.careers.models import Career
from careerscout.conversations.models import Conversation
from careerscout.conversations.stats import response_rates
from careerscout.lib.models import get_owned
from careerscout.lib.redirects import next_url

from . import criteria as criteria_module
from . import dashboard
from .comparison import CHART_SERIES, compare
from .evidence import mentioned_skills
from .forms import (
    SKILL_LEVELS,
    ActionForm,
    CriterionForm,
    RatingsForm,
    ReflectionForm,
    SkillRatingForm,
)
from .models import GAP_ACTIONS, Contradiction, Criterion, Item, Rating, Reflection, SkillRating
from .report import build_report, report_markdown, report_pdf
from .skills import canonical_skill


@require_http_methods(["GET", "POST"])
def reflect(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """Right after a conversation: what it meant to you, and how the careers now rate."""
    conversation = get_owned(
        Conversation.objects.select_related("contact"), request.user, conversation_id
    )
    reflection = Reflection.objects.filter(conversation=conversation).first()
    careers = list(conversation.careers.all())
    criteria = list(Criterion.objects.for_user(request.user))
    current = criteria_module.current_ratings(request.user, careers)
    items = conversation.items.evidence()
    form = ReflectionForm(
        request.POST or None,
        instance=reflection or Reflection(user=request.user, conversation=conversation),
    )
    ratings = RatingsForm(
        request.POST or None, careers=careers, criteria=criteria, current=current, items=items
    )
    if request.method == "POST" and form.is_valid() and ratings.is_valid():
        criteria_module.save_reflection(
            form.save(commit=False), ratings.chosen(), ratings.cleaned_data["evidence"]
        )
        messages.success(request, "Your reflection is saved. It shows on each career’s page.")
        if careers:
            return redirect("insights:career_learned", careers[0].pk)
        return redirect(conversation)
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "form": form,
        "ratings": ratings,
        "criteria": criteria,
        "careers": careers,
    }
    status = 422 if form.errors or ratings.errors else 200
    return render(request, "insights/reflect.html", context, status=status)


@require_http_methods(["GET", "POST"])
def criteria(request: HttpRequest) -> HttpResponse:
    form = CriterionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        criterion = form.save()
        messages.success(request, f"“{criterion.name}” is one of your criteria.")
        return redirect("insights:criteria")
    context = {
        "criteria": Criterion.objects.for_user(request.user),
        "form": form,
        "offers": criteria_module.not_yet_added(request.user),
    }
    return render(request, "insights/criteria.html", context, status=422 if form.errors else 200)


@require_POST
def criteria_suggested(request: HttpRequest) -> HttpResponse:
    which = "gauges" if request.POST.get("set") == "gauges" else "suggested"
    added = criteria_module.add_criteria(request.user, criteria_module.SETS[which])
    if added:
        messages.success(request, f"Added {added} criteria. Change their weights to suit you.")
    else:
        messages.info(request, "You already have all of these criteria.")
    return redirect(next_url(request, "/insights/criteria/"))


@require_http_methods(["GET", "POST"])
def criterion_edit(request: HttpRequest, criterion_id: int) -> HttpResponse:
    criterion = get_owned(Criterion, request.user, criterion_id)
    if request.method == "POST" and request.POST.get("action") == "delete":
        criterion.delete()
        messages.success(request, f"“{criterion.name}” and its ratings are deleted.")
        return redirect("insights:criteria")
    form = CriterionForm(request.POST or None, instance=criterion, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"“{criterion.name}” is saved.")
        return redirect("insights:criteria")
    return render(
        request,
        "insights/criterion_edit.html",
        {"form": form, "criterion": criterion},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def skills(request: HttpRequest) -> HttpResponse:
    form = SkillRatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        name = canonical_skill(form.cleaned_data["name"])
        level = form.cleaned_data["level"]
        SkillRating.objects.update_or_create(
            user=request.user,
            name__iexact=name,
            defaults={"level": level},
            create_defaults={"name": name, "level": level},
        )
        messages.success(request, f"“{name}” is saved: {level} of 5.")
        return redirect("insights:skills")
    context = {
        "ratings": SkillRating.objects.for_user(request.user),
        "form": form,
        "mentioned": mentioned_skills(request.user),
        "levels": SKILL_LEVELS,
    }
    return render(request, "insights/skills.html", context, status=422 if form.errors else 200)


@require_POST
def skill_delete(request: HttpRequest, skill_id: int) -> HttpResponse:
    get_owned(SkillRating, request.user, skill_id).delete()
    return redirect("insights:skills")


@require_POST
def gap_action(request: HttpRequest, career_id: int) -> HttpResponse:
    """One click on a skills gap: an action item for the career."""
    career = get_owned(Career, request.user, career_id)
    skill = request.POST.get("skill", "").strip()
    how = request.POST.get("kind", "")
    back = next_url(request, f"/insights/careers/{career.pk}/decide/")
    if not skill or how not in GAP_ACTIONS:
        messages.error(request, "Choose a skill and what to do about it.")
        return redirect(back)
    item = Item.add_gap_action(career, skill, how)
    messages.success(request, f"Added to your action plan: {item.text}.")
    return redirect(back)


@require_http_methods(["GET", "POST"])
def actions(request: HttpRequest) -> HttpResponse:
    form = ActionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Added to your action plan.")
        return redirect("insights:actions")
    items = (
        Item.objects.for_user(request.user)
        .actions()
        .select_related("conversation__contact", "career")
        .order_by("done_at", "due", "created_at")
    )
    context = {
        "open": [item for item in items if item.done_at is None],
        "done": [item for item in items if item.done_at is not None],
        "form": form,
        "today": request.user.local_date(),
    }
    return render(request, "insights/actions.html", context, status=422 if form.errors else 200)


@require_POST
def action_toggle(request: HttpRequest, item_id: int) -> HttpResponse:
    get_owned(Item, request.user, item_id).toggle_done()
    return redirect(next_url(request, "/insights/actions/"))


@require_POST
def contradiction_add(request: HttpRequest, career_id: int) -> HttpResponse:
    career = get_owned(Career, request.user, career_id)
    back = f"/insights/careers/{career.pk}/#evidence"
    items = list(Item.objects.for_user(request.user).filter(pk__in=request.POST.getlist("items")))
    if len(items) != 2:
        messages.error(request, "Tick exactly two things people said that do not agree.")
        return redirect(back)
    Contradiction.note_between(*items, note=request.POST.get("note", ""))
    messages.success(request, "Noted: those two are shown side by side.")
    return redirect(back)


@require_POST
def contradiction_remove(request: HttpRequest, contradiction_id: int) -> HttpResponse:
    get_owned(Contradiction, request.user, contradiction_id).delete()
    return redirect(next_url(request, "/careers/"))


@require_GET
def rating_history(request: HttpRequest, career_id: int) -> HttpResponse:
    career = get_owned(Career, request.user, career_id)
    ratings = (
        Rating.objects.for_user(request.user)
        .filter(career=career)
        .select_related("criterion", "reflection__conversation__contact")
        .prefetch_related("evidence")
    )
    return render(request, "insights/rating_history.html", {"career": career, "ratings": ratings})


@require_GET
def compare_careers(request: HttpRequest) -> HttpResponse:
    comparison = compare(request.user)
    rows = [(score, comparison.segments[score.key]) for score in comparison.scores]
    legend = [(c.name, index % CHART_SERIES) for index, c in enumerate(comparison.criteria)]
    context = {
        "comparison": comparison,
        "rows": rows,
        "criteria": comparison.criteria,
        "legend": legend,
    }
    return render(request, "insights/compare.html", context)


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    by_source, _by_career = response_rates(request.user)
    today = request.user.local_date()
    context = {
        "per_week": dashboard.conversations_per_week(request.user, today),
        "funnel": dashboard.funnel(request.user),
        "by_source": by_source,
        "coverage": dashboard.coverage_per_career(request.user),
        "open_actions": Item.objects.for_user(request.user).actions().open().count(),
    }
    return render(request, "insights/overview.html", context)


@require_GET
def report(request: HttpRequest) -> HttpResponse:
    return render(request, "insights/report.html", {"report": build_report(request.user)})


@require_GET
def report_markdown_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        report_markdown(build_report(request.user)), content_type="text/markdown; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-career-exploration.md"'
    return response


@require_GET
def report_pdf_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(report_pdf(build_report(request.user)), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="my-career-exploration.pdf"'
    return response
