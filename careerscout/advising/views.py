"""The student's Sharing page, and the adviser's caseload and student pages."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerscout.accounts.models import Cohort

from . import sharing
from .caseload import caseload as build_caseload
from .forms import CohortForm, ShareForm
from .models import Level

AUDIT_PAGE = 20


def _sharing_page(request: HttpRequest, form: ShareForm | None = None, status: int = 200):
    student = request.user
    chosen = {(g.adviser_id, g.cohort_id): g.level for g in sharing.grants(student)}
    advisers = [
        (adviser, chosen.get((adviser.pk, None), Level.NOTHING))
        for adviser in sharing.advisers_of(student)
    ]
    cohorts = [
        (cohort, chosen.get((None, cohort.pk), Level.NOTHING))
        for cohort in student.cohorts.select_related("user")
    ]
    context = {
        "advisers": advisers,
        "cohorts": cohorts,
        "levels": Level.choices,
        "audit": Paginator(sharing.audit_log(student), AUDIT_PAGE).get_page(
            request.GET.get("page")
        ),
        "form": form,
    }
    return render(request, "advising/sharing.html", context, status=status)


@require_http_methods(["GET", "POST"])
def sharing_settings(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _sharing_page(request)
    form = ShareForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["adviser"]:
                sharing.share(request.user, data["adviser"], data["level"])
            else:
                sharing.share_with_cohort(request.user, data["cohort"], data["level"])
        except sharing.SharingError as error:
            form.add_error(None, str(error).partition(": ")[2])
        else:
            messages.success(request, f"Sharing now: {Level(data['level']).label}.")
            return redirect("sharing")
    return _sharing_page(request, form, status=422)


@require_GET
def caseload(request: HttpRequest) -> HttpResponse:
    adviser = sharing.as_adviser(request.user)
    context = {
        "caseload": build_caseload(adviser),
        "cohort_form": CohortForm(),
    }
    return render(request, "advising/caseload.html", context)


@require_POST
def add_cohort(request: HttpRequest) -> HttpResponse:
    adviser = sharing.as_adviser(request.user)
    form = CohortForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                Cohort.objects.create(user=adviser, name=form.cleaned_data["name"])
        except IntegrityError:
            messages.error(request, "You already have a cohort with that name.")
        else:
            messages.success(
                request, "Cohort added. Choose it when you invite students (“Invite students”)."
            )
    else:
        messages.error(request, "A cohort needs a name of at most 100 characters.")
    return redirect("advising:caseload")


@require_GET
def student(request: HttpRequest, username: str) -> HttpResponse:
    view = sharing.look_at(sharing.as_adviser(request.user), username)
    return render(request, "advising/student.html", {"view": view})
