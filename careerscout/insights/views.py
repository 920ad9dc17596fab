from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerscout.careers.models import Career
from careerscout.conversations.stats import response_rates
from careerscout.conversations.views import get_conversation
from careerscout.lib.redirects import next_url

from . import criteria as criteria_module
from . import dashboard
from .comparison import CHART_SERIES, compare
from .forms import ActionForm, CriterionForm, RatingsForm, ReflectionForm, SkillRatingForm
from .models import Contradiction, Criterion, Item, Rating, Reflection, SkillRating
from .report import build_report, report_markdown, report_pdf

GAP_ACTIONS = {
    "course": "Take a course in {skill}",
    "project": "Do a small project that uses {skill}",
    "person": "Ask someone who uses {skill} how they learned it",
}


def get_item(request, item_id: int) -> Item:
    return get_object_or_404(Item.objects.for_user(request.user), pk=item_id)


@require_http_methods(["GET", "POST"])
def reflect(request, conversation_id: int):
    """Right after a conversation: what it meant to you, and how the careers now rate."""
    conversation = get_conversation(request, conversation_id)
    reflection = Reflection.objects.filter(conversation=conversation).first()
    careers = list(conversation.careers.all())
    criteria = list(Criterion.objects.filter(user=request.user))
    current = criteria_module.current_ratings(request.user, careers)
    items = conversation.items.evidence()
    form = ReflectionForm(request.POST or None, instance=reflection)
    ratings = RatingsForm(
        request.POST or None, careers=careers, criteria=criteria, current=current, items=items
    )
    if request.method == "POST" and form.is_valid() and ratings.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.user, saved.conversation = request.user, conversation
            saved.save()
            now = timezone.now()
            for career, criterion, value in ratings.chosen():
                previous = current.get((career.pk, criterion.pk))
                if previous and previous.value == value:
                    continue
                rating = Rating.objects.create(
                    user=request.user,
                    career=career,
                    criterion=criterion,
                    value=value,
                    reflection=saved,
                    rated_at=now,
                )
                rating.evidence.set(ratings.cleaned_data["evidence"])
        messages.success(request, "Your reflection is saved. It shows on each career’s page.")
        return redirect(careers[0] if careers else conversation)
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
def criteria(request):
    form = CriterionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        criterion = form.save(commit=False)
        criterion.position = Criterion.objects.filter(user=request.user).count()
        criterion.save()
        messages.success(request, f"“{criterion.name}” is one of your criteria.")
        return redirect("insights:criteria")
    context = {
        "criteria": Criterion.objects.filter(user=request.user),
        "form": form,
        "suggested": criteria_module.SUGGESTED,
        "gauges": criteria_module.GAUGES,
    }
    return render(request, "insights/criteria.html", context, status=422 if form.errors else 200)


@require_POST
def criteria_suggested(request):
    which = (
        criteria_module.GAUGES if request.POST.get("set") == "gauges" else criteria_module.SUGGESTED
    )
    added = criteria_module.add_criteria(request.user, which)
    messages.success(request, f"Added {added} criteria. Change their weights to suit you.")
    return redirect(next_url(request, "/insights/criteria/"))


@require_http_methods(["GET", "POST"])
def criterion_edit(request, criterion_id: int):
    criterion = get_object_or_404(Criterion.objects.filter(user=request.user), pk=criterion_id)
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
def skills(request):
    form = SkillRatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        SkillRating.objects.update_or_create(
            user=request.user,
            name=form.cleaned_data["name"].strip(),
            defaults={"level": form.cleaned_data["level"]},
        )
        messages.success(request, "Your skill is saved.")
        return redirect("insights:skills")
    context = {"ratings": SkillRating.objects.filter(user=request.user), "form": form}
    return render(request, "insights/skills.html", context, status=422 if form.errors else 200)


@require_POST
def skill_delete(request, skill_id: int):
    rating = get_object_or_404(SkillRating.objects.filter(user=request.user), pk=skill_id)
    rating.delete()
    return redirect("insights:skills")


@require_POST
def gap_action(request, career_id: int):
    """One click on a skills gap: an action item for the career."""
    career = get_object_or_404(Career.objects.for_user(request.user), pk=career_id)
    skill = request.POST.get("skill", "").strip()[:80]
    template = GAP_ACTIONS.get(request.POST.get("kind", ""))
    if not skill or template is None:
        messages.error(request, "Choose a skill and what to do about it.")
        return redirect(career)
    Item.objects.create(
        user=request.user, career=career, kind=Item.Kind.ACTION, text=template.format(skill=skill)
    )
    messages.success(request, f"Added to your action plan: {template.format(skill=skill)}.")
    return redirect(next_url(request, career.get_absolute_url() + "#skills"))


@require_http_methods(["GET", "POST"])
def actions(request):
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
def action_toggle(request, item_id: int):
    item = get_item(request, item_id)
    item.done_at = None if item.done_at else timezone.now()
    item.save(update_fields=["done_at"])
    return redirect(next_url(request, "/insights/actions/"))


@require_POST
def contradiction_add(request, career_id: int):
    career = get_object_or_404(Career.objects.for_user(request.user), pk=career_id)
    ids = request.POST.getlist("items")
    items = list(Item.objects.for_user(request.user).filter(pk__in=ids))
    if len(items) != 2:
        messages.error(request, "Tick exactly two things people said that do not agree.")
        return redirect(career.get_absolute_url() + "#evidence")
    first, second = sorted(items, key=lambda item: item.pk)
    Contradiction.objects.get_or_create(
        user=request.user,
        first=first,
        second=second,
        defaults={"note": request.POST.get("note", "")[:300]},
    )
    messages.success(request, "Noted: those two are shown side by side.")
    return redirect(career.get_absolute_url() + "#evidence")


@require_POST
def contradiction_remove(request, contradiction_id: int):
    contradiction = get_object_or_404(
        Contradiction.objects.filter(user=request.user), pk=contradiction_id
    )
    contradiction.delete()
    return redirect(next_url(request, "/careers/"))


@require_GET
def rating_history(request, career_id: int):
    career = get_object_or_404(Career.objects.for_user(request.user), pk=career_id)
    ratings = (
        Rating.objects.filter(user=request.user, career=career)
        .select_related("criterion", "reflection__conversation__contact")
        .prefetch_related("evidence")
    )
    return render(request, "insights/rating_history.html", {"career": career, "ratings": ratings})


@require_GET
def compare_careers(request):
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
def overview(request):
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
def report(request):
    return render(request, "insights/report.html", {"report": build_report(request.user)})


@require_GET
def report_markdown_download(request):
    response = HttpResponse(
        report_markdown(build_report(request.user)), content_type="text/markdown; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-career-exploration.md"'
    return response


@require_GET
def report_pdf_download(request):
    response = HttpResponse(report_pdf(build_report(request.user)), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="my-career-exploration.pdf"'
    return response
