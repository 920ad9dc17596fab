"""The directory's pages: the search, a volunteer's profile and inbox, a student's requests,
the one-click answer, and the volunteers block of a career's "who to ask" section.

The "who to ask" block: careers sits below directory, so careers' view must not call in
here. Its template instead loads `for_career` (htmx on load, a plain link without
JavaScript), a view that lives here and reads the career through `get_owned`. careers keeps
no knowledge of volunteers, and the occupations ranking stays untouched.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerscout.careers.models import Career
from careerscout.lib.models import get_owned

from .forms import ProfileForm, RequestForm
from .models import (
    DirectoryRequest,
    NotAVolunteer,
    VolunteerProfile,
    published_profile,
    received_request,
    save_profile,
)
from .requests import (
    ACTIONS,
    AlreadyAnswered,
    RequestRefused,
    answer,
    check_message,
    next_best,
    read_answer_token,
    rule_words,
    send_request,
    withdraw,
)
from .search import capacity_left, find_volunteers

FOR_CAREER_LIMIT = 5


def _my_requests(user):
    return DirectoryRequest.objects.for_user(user).select_related("profile")[:20]


def _waiting_on(user) -> set[int]:
    """The volunteers this student is waiting to hear from: no second request to them."""
    return set(DirectoryRequest.objects.for_user(user).open().values_list("profile", flat=True))


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    career = request.GET.get("career", "").strip()[:150]
    context = {
        "career": career,
        "listings": find_volunteers(career, exclude_users=[request.user.pk]),
        "my_requests": _my_requests(request.user),
        "waiting_on": _waiting_on(request.user),
        "profile": VolunteerProfile.objects.for_user(request.user).first(),
        "rules": rule_words(),
    }
    return render(request, "directory/search.html", context)


@require_GET
def for_career(request: HttpRequest, career_id: int) -> HttpResponse:
    """Volunteers for one of the student's careers, as an extra list in "who to ask"."""
    career = get_owned(Career, request.user, career_id)
    listings = find_volunteers([career.title, *career.keywords], exclude_users=[request.user.pk])[
        :FOR_CAREER_LIMIT
    ]
    context = {
        "career": career,
        "listings": listings,
        "section": "who_to_ask",
        "waiting_on": _waiting_on(request.user),
    }
    template = "directory/for_career.html"
    return render(request, template + "#volunteers" if request.htmx else template, context)


@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    if not request.user.is_volunteer:
        return render(request, "directory/not_a_volunteer.html", status=403)
    profile = VolunteerProfile.objects.for_user(request.user).first()
    form = ProfileForm(request.POST or None, instance=profile)
    if profile is None:
        form.initial.update(
            display_name=request.user.name or request.user.username,
            time_zone=request.user.time_zone,
            contact_email=request.user.email,
            published=True,
        )
    if request.method == "POST" and form.is_valid():
        try:
            profile = save_profile(request.user, **form.cleaned_data)
        except NotAVolunteer:
            return render(request, "directory/not_a_volunteer.html", status=403)
        if profile.published:
            messages.success(request, "Your profile is in the directory.")
        else:
            messages.success(request, "Your profile is saved and hidden from the directory.")
        return redirect("directory:profile")
    context = {"form": form, "profile": profile, "left": capacity_left(profile) if profile else 0}
    status = 422 if form.errors else 200
    return render(request, "directory/profile_form.html", context, status=status)


def _published(profile_id: int) -> VolunteerProfile:
    profile = published_profile(profile_id)
    if profile is None:
        raise Http404("No volunteer with that id.")
    return profile


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest, profile_id: int) -> HttpResponse:
    """Write a request; the checker's errors refuse it, its warnings ask for a second look."""
    profile = _published(profile_id)
    career = None
    if (career_id := request.GET.get("for", "")).isdigit():
        career = Career.objects.for_user(request.user).filter(pk=career_id).first()
    career_text = career.title if career else request.GET.get("career", "").strip()[:150]
    form = RequestForm(request.POST or None)
    findings = []
    status = 200
    if request.method == "POST" and form.is_valid():
        message = form.cleaned_data["message"]
        findings = check_message(message, career_text, request.user)
        has_errors = any(finding.severity == "error" for finding in findings)
        if not has_errors and (form.cleaned_data["send_anyway"] or not findings):
            try:
                sent = send_request(
                    request.user,
                    profile,
                    message,
                    career=career,
                    career_text=career_text,
                    site_url=request.build_absolute_uri("/"),
                )
            except RequestRefused as refusal:
                messages.error(request, refusal.detail.removeprefix("message: "))
                status = refusal.status
            else:
                messages.success(
                    request,
                    f"Your request to {profile.display_name} is on its way. You will hear "
                    f"within {rule_words()['expire_after']}.",
                )
                return redirect(sent.request)
        else:
            status = 422 if has_errors else 200
            form = RequestForm(initial={"message": message, "send_anyway": not has_errors})
    elif form.errors:
        status = 422
    context = {
        "profile": profile,
        "form": form,
        "findings": findings,
        "career": career,
        "career_text": career_text,
        "left": capacity_left(profile),
        "warned": bool(findings) and not any(f.severity == "error" for f in findings),
    }
    return render(request, "directory/ask.html", context, status=status)


@require_GET
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    row = get_owned(
        DirectoryRequest.objects.select_related("profile", "student_conversation"),
        request.user,
        request_id,
    )
    suggestion = next_best(row) if row.status == DirectoryRequest.Status.EXPIRED else None
    context = {
        "row": row,
        "profile": row.profile,
        "suggestion": suggestion,
        "rules": rule_words(),
    }
    return render(request, "directory/request_detail.html", context)


@require_POST
def request_withdraw(request: HttpRequest, request_id: int) -> HttpResponse:
    """No confirmation: the message says how to ask again, which is the undo."""
    row = get_owned(DirectoryRequest.objects.select_related("profile"), request.user, request_id)
    try:
        withdraw(row)
    except AlreadyAnswered as state:
        messages.info(request, str(state))
    else:
        messages.success(
            request,
            "Request withdrawn. Your slot is free again, and you can ask "
            f"{row.profile.display_name} again whenever you like.",
        )
    return redirect(row)


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """The volunteer's minimal view: who asked, when you talk, what they want to learn."""
    rows = (
        DirectoryRequest.objects.for_volunteer(request.user)
        .select_related("user", "student_conversation", "volunteer_conversation")
        .order_by("-created_at")[:100]
    )
    return render(request, "directory/inbox.html", {"rows": rows})


@require_POST
def inbox_answer(request: HttpRequest, request_id: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404("No such answer.")
    row = received_request(
        request.user, request_id, DirectoryRequest.objects.select_related("user")
    )
    student = row.user.name or row.user.username
    try:
        answer(row, action)
    except AlreadyAnswered as state:
        messages.info(request, str(state))
    else:
        if action == "accept":
            messages.success(request, f"Accepted: {student} will write to you to find a time.")
        else:
            messages.success(request, f"Declined: {student} is told and can ask someone else.")
    return redirect("directory:inbox")


@login_not_required
@require_http_methods(["GET", "POST"])
def answer_link(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed answer: no password, one use. The link opens a page whose one button
    answers, because GET never writes: mail scanners that open links must not accept or
    decline on the volunteer's behalf."""
    found = read_answer_token(token)
    if found is None:
        return render(request, "directory/link_invalid.html", status=404)
    row, action = found
    answered = False
    if request.method == "POST":
        try:
            row = answer(row, action, by_link=True)
            answered = True
        except AlreadyAnswered:
            row.refresh_from_db()
    context = {"row": row, "action": action, "answered": answered, "rules": rule_words()}
    return render(request, "directory/answer.html", context)
