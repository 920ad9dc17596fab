from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from .forms import ContactFilterForm, ContactForm
from .models import Contact, Tag, TimelineEntry

PAGE_SIZE = 50


def get_contact(request, contact_id: int) -> Contact:
    return get_object_or_404(Contact.objects.for_user(request.user), pk=contact_id)


@require_GET
def contact_list(request):
    filters = ContactFilterForm(request.GET)
    contacts = filters.filter(Contact.objects.for_user(request.user)).prefetch_related("tags")
    page = Paginator(contacts, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filters": filters,
        "page": page,
        "tags": Tag.objects.filter(user=request.user).values_list("name", flat=True),
        "has_any": page.paginator.count > 0 or Contact.objects.for_user(request.user).exists(),
        "query_string": _without_page(request.GET),
    }
    template = "people/list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


def _without_page(query) -> str:
    copy = query.copy()
    copy.pop("page", None)
    return copy.urlencode()


@require_http_methods(["GET", "POST"])
def contact_create(request):
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            contact = form.save(commit=False)
            contact.user = request.user
            contact.save()
            contact.set_tags(form.cleaned_data["tags"])
            contact.log(TimelineEntry.Kind.ADDED, "Added to Career Scout")
        messages.success(request, f"{contact.name} is saved.")
        return redirect(contact)
    return render(request, "people/form.html", {"form": form}, status=422 if form.errors else 200)


@require_GET
def contact_detail(request, contact_id: int):
    contact = get_contact(request, contact_id)
    context = {
        "contact": contact,
        "tags": contact.tags.all(),
        "timeline": contact.timeline.all()[:50],
    }
    return render(request, "people/detail.html", context)


@require_http_methods(["GET", "POST"])
def contact_edit(request, contact_id: int):
    contact = get_contact(request, contact_id)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            changed = [form.fields[name].label or name for name in form.changed_data]
            if changed:
                summary = "Edited " + ", ".join(str(label).lower() for label in changed)
                contact.log(TimelineEntry.Kind.EDITED, summary[:300])
        messages.success(request, f"{contact.name} is saved.")
        return redirect(contact)
    context = {"form": form, "contact": contact}
    return render(request, "people/form.html", context, status=422 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def contact_delete(request, contact_id: int):
    contact = get_contact(request, contact_id)
    if request.method == "POST":
        contact.delete()
        messages.success(request, f"{contact.name} and their timeline are deleted.")
        return redirect("people:list")
    return render(request, "people/delete.html", {"contact": contact})
