"""Career options: the list, each career's overview and who to ask, and target organisations.

A career's page is a hub of sections; "what you have learned" and "decide" are insights'
pages (see insights/career_views.py), linked from the same section menu.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerscout.lib.models import get_owned
from careerscout.occupations.models import Occupation
from careerscout.occupations.overview import overviews
from careerscout.people.models import Organization

from .forms import CareerForm, TargetForm, TargetUpdateForm
from .models import Career, TargetOrganization, explore_occupation

WHO_TO_ASK_PAGE = 8  # a page stays within two screens of a desktop
OVERVIEW_SUGGESTIONS = 3  # the first few; "Who to ask" has everyone


@require_GET
def career_list(request: HttpRequest) -> HttpResponse:
    careers = Career.objects.for_user(request.user).annotate(
        people=Count("contacts", distinct=True),
        conversation_count=Count("conversations", distinct=True),
    )
    return render(request, "careers/list.html", {"careers": careers})


@require_http_methods(["GET", "POST"])
def career_create(request: HttpRequest) -> HttpResponse:
    form = CareerForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        career = form.save()
        messages.success(request, f"“{career.title}” is on your list. Next: see who to ask.")
        return redirect(career)
    status = 422 if form.errors else 200
    return render(request, "careers/form.html", {"form": form}, status=status)


@require_GET
def career_detail(request: HttpRequest, career_id: int) -> HttpResponse:
    """The overview: why it interests you, who to ask first, and where they work."""
    career = get_owned(Career, request.user, career_id)
    choosing = not career.occupations_reviewed or request.GET.get("occupations") == "change"
    context = {
        "career": career,
        "section": "overview",
        "occupations": overviews(career.occupation_codes),
        "occupation_suggestions": career.suggested_occupations() if choosing else [],
        "suggestions": career.who_to_ask(limit=OVERVIEW_SUGGESTIONS),
        "targets": career.target_list(),
        "target_form": TargetForm(),
        "linked_people": career.contacts.order_by("name")[:50],
        "organization_names": Organization.objects.for_user(request.user).values_list(
            "name", flat=True
        )[:500],
    }
    return render(request, "careers/detail.html", context)


@require_POST
def career_occupations(request: HttpRequest, career_id: int) -> HttpResponse:
    """The person's answer to "which occupation is this?": some, or none."""
    career = get_owned(Career, request.user, career_id)
    codes = [] if request.POST.get("none") else request.POST.getlist("code")
    try:
        career.confirm_occupations(codes)
    except ValueError as error:
        messages.error(request, f"Nothing changed: {error}")
        return redirect(career.get_absolute_url() + "#occupation")
    if career.occupation_codes:
        messages.success(request, "Saved. The overview now shows what the work is.")
    else:
        messages.info(request, "Saved: no O*NET occupation for this career.")
    return redirect(career.get_absolute_url() + "#occupation")


@require_POST
def explore_occupation_view(request: HttpRequest) -> HttpResponse:
    """A related occupation becomes a career option to explore, in one click."""
    code = request.POST.get("code", "")
    if not Occupation.objects.filter(code=code).exists():
        raise Http404("No such occupation.")
    career, created = explore_occupation(request.user, code)
    if created:
        messages.success(request, f"“{career.title}” is on your list to explore.")
    else:
        messages.info(request, f"You are already exploring “{career.title}”.")
    return redirect(career)


@require_http_methods(["GET", "POST"])
def career_edit(request: HttpRequest, career_id: int) -> HttpResponse:
    career = get_owned(Career, request.user, career_id)
    form = CareerForm(request.POST or None, instance=career, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"“{career.title}” is saved.")
        return redirect(career)
    status = 422 if form.errors else 200
    return render(request, "careers/form.html", {"form": form, "career": career}, status=status)


@require_http_methods(["GET", "POST"])
def career_delete(request: HttpRequest, career_id: int) -> HttpResponse:
    career = get_owned(Career, request.user, career_id)
    if request.method == "POST":
        career.delete()
        messages.success(request, f"“{career.title}” is deleted. The people stay in People.")
        return redirect("careers:list")
    return render(request, "careers/delete.html", {"career": career})


@require_GET
def who_to_ask(request: HttpRequest, career_id: int) -> HttpResponse:
    career = get_owned(Career, request.user, career_id)
    page = Paginator(career.ranked_people(), WHO_TO_ASK_PAGE).get_page(request.GET.get("page"))
    page.object_list = career.with_contacts(list(page.object_list))
    context = {"career": career, "section": "who_to_ask", "page": page}
    return render(request, "careers/who_to_ask.html", context)


@require_POST
def target_add(request: HttpRequest, career_id: int) -> HttpResponse:
    career = get_owned(Career, request.user, career_id)
    form = TargetForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please name the organisation and pick a motivation from 1 to 5.")
        return redirect(career.get_absolute_url() + "#targets")
    data = form.cleaned_data
    target, created = career.add_target(data["organization_name"], data["motivation"], data["note"])
    if created:
        messages.success(request, f"{target.organization.name} is on your target list.")
    else:
        messages.info(request, f"{target.organization.name} was already on your target list.")
    return redirect(career.get_absolute_url() + "#targets")


def _target(request: HttpRequest, career_id: int, target_id: int) -> TargetOrganization:
    career = get_owned(Career, request.user, career_id)
    return get_owned(
        career.targets.select_related("career", "organization"), request.user, target_id
    )


@require_POST
def target_update(request: HttpRequest, career_id: int, target_id: int) -> HttpResponse:
    target = _target(request, career_id, target_id)
    form = TargetUpdateForm(request.POST, instance=target)
    if form.is_valid():
        form.save()
        messages.success(request, f"{target.organization.name} is updated.")
    else:
        messages.error(request, "Motivation must be a number from 1 to 5.")
    return redirect(target.career.get_absolute_url() + "#targets")


@require_POST
def target_remove(request: HttpRequest, career_id: int, target_id: int) -> HttpResponse:
    target = _target(request, career_id, target_id)
    target.delete()
    messages.success(request, f"{target.organization.name} is off the target list.")
    return redirect(target.career.get_absolute_url() + "#targets")
