import smtplib

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerscout.conversations import followups
from careerscout.conversations.models import Conversation
from careerscout.conversations.views import get_conversation
from careerscout.lib.models import get_owned
from careerscout.people.models import Contact

from .checker import check_draft
from .defaults import DEFAULT_TEMPLATES, EXAMPLE_VALUES, render_template
from .drafting import (
    can_send_email,
    checked_draft,
    email_message,
    mailto_link,
    record_sent,
    templates_for,
)
from .feed import feed_bytes
from .followups import live_request_at_same_organization
from .forms import CheckForm, DraftForm, DraftTemplateForm
from .models import DraftTemplate, Kind, Message


def _kind(kind: str) -> Kind:
    try:
        return Kind(kind)
    except ValueError:
        raise Http404("No such kind of message.") from None


@require_http_methods(["GET", "POST"])
def draft(request: HttpRequest, conversation_id: int, kind: str) -> HttpResponse:
    conversation = get_conversation(request, conversation_id)
    return _draft_page(request, _kind(kind), conversation.contact, conversation)


@require_http_methods(["GET", "POST"])
def contact_draft(request: HttpRequest, contact_id: int, kind: str) -> HttpResponse:
    return _draft_page(request, _kind(kind), get_owned(Contact, request.user, contact_id), None)


def _draft_page(
    request: HttpRequest, kind: Kind, contact: Contact, conversation: Conversation | None
) -> HttpResponse:
    templates = templates_for(request.user, kind)
    chosen = None
    if template_id := request.GET.get("template"):
        chosen = next((t for t in templates if str(t.pk) == template_id), None)
    if request.method == "POST":
        form = DraftForm(request.POST)
        if form.is_valid():
            response = _send(request, kind, contact, conversation, form.cleaned_data)
            if response is not None:
                return response
        result = check_draft(kind, form["subject"].value() or "", form["body"].value() or "")
    else:
        draft = checked_draft(request.user, kind, contact, conversation, chosen)
        form = DraftForm(initial={"subject": draft.subject, "body": draft.body})
        result = draft.result
    subject = form["subject"].value() or ""
    body = form["body"].value() or ""
    context = {
        "kind": kind,
        "contact": contact,
        "conversation": conversation,
        "form": form,
        "templates": templates,
        "chosen": chosen,
        "result": result,
        "mailto": mailto_link(contact, subject, body) if contact.primary_email else "",
        "can_send": can_send_email(request.user, contact),
        "next_person_after": followups.rule_words()["next_person_after"],
        "same_org_request": (
            live_request_at_same_organization(contact, request.user.local_date())
            if kind == Kind.REQUEST
            else None
        ),
    }
    return render(request, "outreach/draft.html", context, status=422 if form.errors else 200)


def sending_failed(error: Exception) -> str:
    """What went wrong with the mail server, in words that say what to do about it."""
    if isinstance(error, smtplib.SMTPAuthenticationError):
        problem = "the mail server refused the login in EMAIL_URL; check its user name and password"
    elif isinstance(error, smtplib.SMTPRecipientsRefused):
        problem = "the mail server refused the address it was going to"
    elif isinstance(error, smtplib.SMTPException):
        problem = f"the mail server said no ({error})"
    else:
        problem = f"the mail server in EMAIL_URL could not be reached ({error})"
    return (
        f"The e-mail was not sent: {problem}. Nothing is recorded as sent, and your text is "
        "still here."
    )


def _send(
    request: HttpRequest,
    kind: Kind,
    contact: Contact,
    conversation: Conversation | None,
    data: dict,
) -> HttpResponse | None:
    action = request.POST.get("action")
    subject, body = data["subject"], data["body"]
    now = timezone.now()
    back = conversation.get_absolute_url() if conversation else contact.get_absolute_url()
    if action == "mark_sent":
        record_sent(
            request.user, kind, contact, conversation, Message.Channel.MARKED, subject, body, now
        )
        messages.success(request, f"Noted: your {kind.label.lower()} to {contact.name} is sent.")
        return redirect(back)
    if action == "eml":
        # A file to open in a mail app is not a message sent: "I sent it" records that.
        message = email_message(request.user, contact, subject, body, conversation)
        eml = message.message().as_bytes()
        response = HttpResponse(eml, content_type="message/rfc822")
        response["Content-Disposition"] = f'attachment; filename="{kind.value}.eml"'
        return response
    if action == "send" and can_send_email(request.user, contact):
        try:
            email_message(request.user, contact, subject, body, conversation).send()
        except (OSError, ValueError) as error:
            messages.error(request, sending_failed(error))
            return None
        record_sent(
            request.user, kind, contact, conversation, Message.Channel.EMAIL, subject, body, now
        )
        messages.success(request, f"Sent to {contact.primary_email}.")
        return redirect(back)
    messages.error(request, "Choose how you are sending it.")
    return None


@require_POST
def check(request: HttpRequest) -> HttpResponse:
    """The live checker under the draft; changes nothing, so a POST only to carry the text."""
    form = CheckForm(request.POST)
    if not form.is_valid():
        return HttpResponse("", status=422)
    data = form.cleaned_data
    result = check_draft(data["kind"], data["subject"], data["body"])
    contact = None
    if contact_id := request.POST.get("contact"):
        contact = (
            get_owned(Contact, request.user, int(contact_id)) if contact_id.isdigit() else None
        )
    context = {
        "result": result,
        "mailto": mailto_link(contact, data["subject"], data["body"])
        if contact and contact.primary_email
        else "",
        "body": data["body"],
    }
    return render(request, "outreach/draft.html#check", context)


@require_http_methods(["GET"])
def template_list(request: HttpRequest) -> HttpResponse:
    context = {
        "templates": DraftTemplate.objects.for_user(request.user),
        "defaults": [
            (Kind(kind), subject, body) for kind, (subject, body) in DEFAULT_TEMPLATES.items()
        ],
    }
    return render(request, "outreach/templates.html", context)


@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, template_id: int | None = None) -> HttpResponse:
    template = None
    if template_id is not None:
        template = get_owned(DraftTemplate, request.user, template_id)
    initial = {}
    if template is None and (kind := request.GET.get("kind")) in Kind.values:
        default = DEFAULT_TEMPLATES[kind]
        initial = {
            "kind": kind,
            "subject": default.subject,
            "body": default.body,
            "name": "My version",
        }
    form = DraftTemplateForm(
        request.POST or None, instance=template, initial=initial, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your template is saved; new drafts will use it.")
        return redirect("outreach:templates")
    subject, body = form["subject"].value() or "", form["body"].value() or ""
    kind = form["kind"].value() or Kind.REQUEST
    # Checked as it would read for someone, so choices and placeholders count as filled in;
    # a name that is not a placeholder stays, for the checker to point at.
    result = (
        check_draft(
            kind,
            render_template(subject, EXAMPLE_VALUES),
            render_template(body, EXAMPLE_VALUES),
        )
        if body
        else None
    )
    context = {"form": form, "template": template, "result": result}
    return render(
        request, "outreach/template_form.html", context, status=422 if form.errors else 200
    )


@require_POST
def template_delete(request: HttpRequest, template_id: int) -> HttpResponse:
    template = get_owned(DraftTemplate, request.user, template_id)
    template.delete()
    messages.success(request, f"The template “{template.name}” is deleted.")
    return redirect("outreach:templates")


@login_not_required
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private feed for calendar apps; the secret in the address is the only key."""
    user = get_user_model().objects.filter(calendar_token=token, is_active=True).first()
    if not token or user is None:
        raise Http404("No calendar here. Create a new address in Settings.")
    response = HttpResponse(feed_bytes(user), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response
