from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerscout.lib.models import get_owned
from careerscout.lib.redirects import next_url
from careerscout.lib.text import excerpt_around
from careerscout.occupations.models import Occupation

from .changes import add_person, edit_person
from .duplicates import dismiss_pair, find_duplicates, merge_contacts, people_like, undo_merge
from .forms import (
    ContactFilterForm,
    ContactForm,
    MergeOrganizationForm,
    OrganizationKindForm,
    SplitOrganizationForm,
    split_list,
)
from .models import Contact, MergeRecord, Organization, Tag
from .organizations import merge_organizations, split_organization

PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class PersonRow:
    """What the list shows of one person: plain values, quick to render fifty times."""

    pk: int
    name: str
    role: str
    source: str
    tags: list[str]


def person_rows(ids: list[int]) -> list[PersonRow]:
    """The page's people in the given order, with their tags: two small queries."""
    found = {
        row[0]: row
        for row in Contact.objects.filter(pk__in=ids).values_list(
            "pk", "name", "title", "organization", "source"
        )
    }
    rows = [found[pk] for pk in ids if pk in found]
    tags: dict[int, list[str]] = {pk: [] for pk in ids}
    through = Contact.tags.through.objects.filter(contact_id__in=ids).order_by("tag__name")
    for contact_id, name in through.values_list("contact_id", "tag__name"):
        tags[contact_id].append(name)
    labels = dict(Contact.Source.choices)
    return [
        PersonRow(
            pk, name, " · ".join(part for part in (title, org) if part), labels[source], tags[pk]
        )
        for pk, name, title, org, source in rows
    ]


@require_GET
def contact_list(request: HttpRequest) -> HttpResponse:
    filters = ContactFilterForm(request.GET)
    # Paging through ids only lets the database answer from its indexes, even deep pages.
    ids = filters.filter(Contact.objects.for_user(request.user)).values_list("pk", flat=True)
    page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = person_rows(list(page.object_list))
    context = {
        "filters": filters,
        "page": page,
        "tags": Tag.objects.for_user(request.user).values_list("name", flat=True),
        "has_any": page.paginator.count > 0 or Contact.objects.for_user(request.user).exists(),
        "query_string": _without_page(request.GET),
        "in_notes": _conversations_mentioning(request, filters),
    }
    template = "people/list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


@dataclass(frozen=True, slots=True)
class NotesMatch:
    url: str
    name: str
    excerpt: str


NOTES_MATCHES = 10


def _conversations_mentioning(request: HttpRequest, filters: ContactFilterForm) -> list[NotesMatch]:
    """Conversations whose notes hold the search words; through the reverse relation, since
    conversations sit above people."""
    query = filters.cleaned_data.get("q", "") if filters.is_valid() else ""
    if not query.strip():
        return []
    found = request.user.conversation_set.search(query).select_related("contact")
    return [
        NotesMatch(
            reverse("conversations:detail", args=[conversation.pk]),
            conversation.contact.name,
            excerpt_around(conversation.notes, query),
        )
        for conversation in found.order_by("-updated_at")[:NOTES_MATCHES]
    ]


def _without_page(query) -> str:
    copy = query.copy()
    copy.pop("page", None)
    return copy.urlencode()


@require_http_methods(["GET", "POST"])
def contact_create(request: HttpRequest) -> HttpResponse:
    """Add a person; someone who seems to be here already is named first, to save anyway."""
    form = ContactForm(request.POST or None, check_url=reverse("people:check"))
    already = []
    if request.method == "POST" and form.is_valid():
        if not request.POST.get("add_anyway"):
            fields = {name: form.cleaned_data[name] for name in ContactForm.LIKE_FIELDS}
            already = people_like(request.user, **fields)
        if not already:
            contact = add_person(request.user, **form.cleaned_data)
            messages.success(request, f"{contact.name} is saved.")
            return redirect(contact)
    context = {"form": form, "already": already, "offer_anyway": bool(already)}
    status = 422 if form.errors or already else 200
    return render(request, "people/form.html", context, status=status)


@require_GET
def contact_check(request: HttpRequest) -> HttpResponse:
    """As a person is typed in: who of the people already here they may be."""
    already = people_like(
        request.user,
        name=request.GET.get("name", ""),
        emails=split_list(request.GET.get("emails", "")),
        linkedin_url=request.GET.get("linkedin_url", ""),
        organization=request.GET.get("organization", ""),
    )
    return render(request, "people/_already_here.html", {"already": already})


@require_GET
def contact_detail(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = get_owned(Contact.objects.select_related("org", "user"), request.user, contact_id)
    context = {
        "contact": contact,
        "tags": contact.tags.all(),
        "careers": contact.careers.all(),
        "conversations": contact.conversations.prefetch_related("careers"),
        # Who suggested them, and in which conversation (insights sits above people).
        "suggested_by": contact.referred_in.select_related("contact", "conversation"),
        "keep_in_touch_due": contact.keep_in_touch_due(),
        "timeline": contact.timeline.all()[:50],
        # The careers come through the reverse relation: people sits below careers.
        "careers_to_plan": request.user.career_set.active(),
        "occupation": Occupation.objects.filter(code=contact.occupation_code).first()
        if contact.occupation_code
        else None,
    }
    return render(request, "people/detail.html", context)


@require_http_methods(["GET", "POST"])
def contact_edit(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = get_owned(Contact, request.user, contact_id)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        # The form has set the instance's fields; compare against the stored row instead.
        contact = get_owned(Contact, request.user, contact_id)
        edit_person(contact, form.cleaned_data)
        messages.success(request, f"{contact.name} is saved.")
        return redirect(contact)
    context = {"form": form, "contact": contact}
    return render(request, "people/form.html", context, status=422 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def contact_delete(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = get_owned(Contact, request.user, contact_id)
    if request.method == "POST":
        contact.delete()
        messages.success(request, f"{contact.name} and their timeline are deleted.")
        return redirect("people:list")
    return render(request, "people/delete.html", {"contact": contact})


@require_GET
def organization_list(request: HttpRequest) -> HttpResponse:
    organizations = (
        Organization.objects.for_user(request.user)
        .annotate(people=Count("contacts"))
        .filter(people__gt=0)
        .order_by("-people", "name")
    )
    page = Paginator(organizations, 100).get_page(request.GET.get("page"))
    return render(request, "people/organizations.html", {"page": page})


@require_GET
def organization_detail(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = get_owned(Organization, request.user, organization_id)
    return render(request, "people/organization.html", _organization_context(organization))


def _organization_context(organization, merge_form=None, split_form=None, kind_form=None):
    return {
        "organization": organization,
        "kind_form": kind_form or OrganizationKindForm(organization=organization),
        "people": organization.contacts.order_by("name"),
        "targets": organization.targets.select_related("career"),
        "merge_form": merge_form or MergeOrganizationForm(organization=organization),
        "split_form": split_form or SplitOrganizationForm(organization=organization),
    }


@require_POST
def organization_kind(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = get_owned(Organization, request.user, organization_id)
    form = OrganizationKindForm(request.POST, organization=organization)
    if not form.is_valid():
        context = _organization_context(organization, kind_form=form)
        return render(request, "people/organization.html", context, status=422)
    organization.set_kind(form.cleaned_data["kind"])
    place = organization.kind_label()
    if place:
        messages.success(request, f"Saved: shared summaries say people here work at {place}.")
    else:
        messages.success(request, "Saved: shared summaries say nothing of where people here work.")
    return redirect(organization)


@require_POST
def organization_merge(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = get_owned(Organization, request.user, organization_id)
    form = MergeOrganizationForm(request.POST, organization=organization)
    if not form.is_valid():
        context = _organization_context(organization, merge_form=form)
        return render(request, "people/organization.html", context, status=422)
    target = form.cleaned_data["into"]
    merge_organizations(organization, target)
    messages.success(request, f"{organization.name} is now part of {target.name}.")
    return redirect(target)


@require_POST
def organization_split(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = get_owned(Organization, request.user, organization_id)
    form = SplitOrganizationForm(request.POST, organization=organization)
    if not form.is_valid():
        context = _organization_context(organization, split_form=form)
        return render(request, "people/organization.html", context, status=422)
    new = split_organization(organization, form.cleaned_data["people"], form.cleaned_data["name"])
    messages.success(request, f"Moved {len(form.cleaned_data['people'])} to {new.name}.")
    return redirect(new)


@require_GET
def duplicate_list(request: HttpRequest) -> HttpResponse:
    pairs = find_duplicates(request.user)
    recent_merges = MergeRecord.objects.for_user(request.user).select_related("kept")[:5]
    context = {"pairs": pairs[:100], "more": max(len(pairs) - 100, 0), "merges": recent_merges}
    return render(request, "people/duplicates.html", context)


def _pair_from(request: HttpRequest) -> tuple[Contact, Contact]:
    try:
        kept_id, absorbed_id = int(request.POST["keep"]), int(request.POST["absorb"])
    except (KeyError, ValueError):
        raise Http404("Choose the two people to merge.") from None
    if kept_id == absorbed_id:
        raise Http404("A person cannot be merged with themselves.")
    return get_owned(Contact, request.user, kept_id), get_owned(Contact, request.user, absorbed_id)


@require_POST
def duplicate_merge(request: HttpRequest) -> HttpResponse:
    kept, absorbed = _pair_from(request)
    record = merge_contacts(kept, absorbed)
    messages.success(
        request,
        f"Merged the two records of {kept.name}. Everything from both is kept here.",
        extra_tags=f"undo:{reverse('people:merge_undo', args=[record.pk])}",
    )
    return redirect(next_url(request, kept.get_absolute_url()))


@require_POST
def duplicate_dismiss(request: HttpRequest) -> HttpResponse:
    first, second = _pair_from(request)
    dismiss_pair(first, second)
    messages.success(request, f"Noted: {first.name} and {second.name} are different people.")
    return redirect("people:duplicates")


@require_POST
def merge_undo(request: HttpRequest, merge_id: int) -> HttpResponse:
    record = get_owned(MergeRecord, request.user, merge_id)
    restored = undo_merge(record)
    messages.success(request, f"Undone: {restored.name} is a separate person again.")
    return redirect(restored)
