from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerscout.conversations.models import Conversation
from careerscout.insights.criteria import current_ratings
from careerscout.insights.evidence import (
    appeals_and_concerns,
    board,
    career_evidence,
    contradictions_among,
    people_heard,
    skill_mentions,
)
from careerscout.insights.models import Criterion, Reflection, SkillRating
from careerscout.insights.skills import skill_gaps
from careerscout.lib.orgnames import organization_key
from careerscout.lib.redirects import next_url
from careerscout.people.models import Organization
from careerscout.people.organizations import organizations_by_key
from careerscout.people.views import get_contact

from .forms import CareerForm, TargetForm, TargetUpdateForm
from .models import Career, TargetOrganization

WHO_TO_ASK_PAGE = 25


def get_career(request, career_id: int) -> Career:
    return get_object_or_404(Career.objects.for_user(request.user), pk=career_id)


def get_target(request, career: Career, target_id: int) -> TargetOrganization:
    return get_object_or_404(career.targets.filter(user=request.user), pk=target_id)


@require_GET
def career_list(request):
    careers = Career.objects.for_user(request.user).annotate(
        people=Count("contacts", distinct=True),
        conversation_count=Count("conversations", distinct=True),
    )
    return render(request, "careers/list.html", {"careers": careers})


@require_http_methods(["GET", "POST"])
def career_create(request):
    form = CareerForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        career = form.save()
        messages.success(request, f"“{career.title}” is on your list. Next: see who to ask.")
        return redirect(career)
    status = 422 if form.errors else 200
    return render(request, "careers/form.html", {"form": form}, status=status)


@require_GET
def career_detail(request, career_id: int):
    career = get_career(request, career_id)
    evidence = career_evidence(career)
    mentions = skill_mentions(career)
    self_ratings = dict(SkillRating.objects.filter(user=request.user).values_list("name", "level"))
    criteria = list(Criterion.objects.filter(user=request.user))
    current = current_ratings(request.user, [career])
    appeals, concerns = appeals_and_concerns(evidence)
    context = {
        "board": board(evidence),
        "reflections": Reflection.objects.filter(user=request.user, conversation__careers=career)
        .select_related("conversation__contact")
        .order_by("-created_at")[:10],
        "appeals": appeals,
        "concerns": concerns,
        "contradictions": contradictions_among(evidence),
        "skill_gaps": skill_gaps(mentions, self_ratings, people_heard(evidence)),
        "skill_mentions": sorted(mentions.items(), key=lambda pair: (-pair[1], pair[0])),
        "ratings": [(criterion, current.get((career.pk, criterion.pk))) for criterion in criteria],
        "career": career,
        "suggestions": career.who_to_ask(limit=5),
        "targets": career.target_list(),
        "target_form": TargetForm(),
        "linked_people": career.contacts.order_by("name")[:50],
        "organization_names": Organization.objects.for_user(request.user).values_list(
            "name", flat=True
        )[:500],
    }
    return render(request, "careers/detail.html", context)


@require_http_methods(["GET", "POST"])
def career_edit(request, career_id: int):
    career = get_career(request, career_id)
    form = CareerForm(request.POST or None, instance=career, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"“{career.title}” is saved.")
        return redirect(career)
    status = 422 if form.errors else 200
    return render(request, "careers/form.html", {"form": form, "career": career}, status=status)


@require_http_methods(["GET", "POST"])
def career_delete(request, career_id: int):
    career = get_career(request, career_id)
    if request.method == "POST":
        career.delete()
        messages.success(request, f"“{career.title}” is deleted. The people stay in People.")
        return redirect("careers:list")
    return render(request, "careers/delete.html", {"career": career})


@require_GET
def who_to_ask(request, career_id: int):
    career = get_career(request, career_id)
    page = Paginator(career.ranked_people(), WHO_TO_ASK_PAGE).get_page(request.GET.get("page"))
    page.object_list = career.with_contacts(list(page.object_list))
    return render(request, "careers/who_to_ask.html", {"career": career, "page": page})


@require_POST
def ask_about_career(request, career_id: int, contact_id: int):
    """Link the person to the career and start a planned conversation with them."""
    career = get_career(request, career_id)
    contact = get_contact(request, contact_id)
    with transaction.atomic():
        career.contacts.add(contact)
        existing = career.conversations.filter(contact=contact).exists()
        if not existing:
            Conversation.plan(contact, [career])
    if existing:
        messages.info(request, f"{contact.name} is already on your list for {career.title}.")
    else:
        messages.success(
            request, f"Planned a conversation with {contact.name} about {career.title}."
        )
    return redirect(next_url(request, career.get_absolute_url()))


@require_POST
def target_add(request, career_id: int):
    career = get_career(request, career_id)
    form = TargetForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please name the organisation and pick a motivation from 1 to 5.")
        return redirect(career)
    name = form.cleaned_data["organization_name"]
    key = organization_key(name)
    with transaction.atomic():
        organization = organizations_by_key(request.user, [key]).get(key)
        if organization is None:
            organization = Organization.objects.create(user=request.user, name=name, key=key)
        _target, created = TargetOrganization.objects.get_or_create(
            user=request.user,
            career=career,
            organization=organization,
            defaults={
                "motivation": form.cleaned_data["motivation"],
                "note": form.cleaned_data["note"],
            },
        )
    if created:
        messages.success(request, f"{organization.name} is on your target list.")
    else:
        messages.info(request, f"{organization.name} was already on your target list.")
    return redirect(career.get_absolute_url() + "#targets")


@require_POST
def target_update(request, career_id: int, target_id: int):
    career = get_career(request, career_id)
    target = get_target(request, career, target_id)
    form = TargetUpdateForm(request.POST, instance=target)
    if form.is_valid():
        form.save()
        messages.success(request, f"{target.organization.name} is updated.")
    else:
        messages.error(request, "Motivation must be a number from 1 to 5.")
    return redirect(career.get_absolute_url() + "#targets")


@require_POST
def target_remove(request, career_id: int, target_id: int):
    career = get_career(request, career_id)
    target = get_target(request, career, target_id)
    target.delete()
    messages.success(request, f"{target.organization.name} is off the target list.")
    return redirect(career.get_absolute_url() + "#targets")
