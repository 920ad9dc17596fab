"""During the conversation: live notes that never lose a word, and ending the call."""

import json

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from careerscout.conversations import followups
from careerscout.conversations.models import Conversation
from careerscout.conversations.views import get_conversation
from careerscout.insights.capture import captured_items, end_conversation, sync_items
from careerscout.lib.models import VersionedNotes
from careerscout.lib.request_limits import body_limit_text

from . import saved_plans

# The free notes' field on the page; a planned question's is "q-<its id>".
FREE_NOTES = "free"
# After the call: the page edits the notes, with no timer, and saving updates the items.
ENDED = Conversation.AFTER_THE_CALL


def notes_holder(conversation: Conversation, field: str) -> VersionedNotes:
    """The row one notes box of the page saves to: the conversation or a planned question."""
    if field == FREE_NOTES:
        return conversation
    if field.startswith("q-") and field[2:].isdigit():
        return get_object_or_404(conversation.plan_items.all(), pk=int(field[2:]))
    raise Http404(f"Unknown notes field “{field}”.")


@require_http_methods(["GET", "POST"])
def live(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """The live-notes screen; a POST starts it, saving the suggested plan to take notes under."""
    conversation = get_conversation(request, conversation_id)
    if request.method == "POST":
        saved_plans.ensure_plan(conversation)
        return redirect("questions:live", conversation.pk)
    plan = list(conversation.plan_items.all())
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "plan": plan,
        "suggested": [] if plan else saved_plans.current_plan(conversation),
        "items": captured_items(conversation),
        "free_field": FREE_NOTES,
        # live.js checks a save against the limit first, and keeps the words on the device.
        "max_bytes": settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
        "max_text": body_limit_text(),
        "ended": conversation.status in ENDED,
    }
    return render(request, "questions/live.html", context)


@require_POST
def notes_save(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """Autosave: JSON in, JSON out. 409 with the stored text when another tab saved first."""
    conversation = get_conversation(request, conversation_id)
    if request.content_type != "application/json":
        return _notes_save_form(request, conversation)
    try:
        data = json.loads(request.body or b"{}")
        field, text, version = str(data["field"]), str(data["text"]), int(data["version"])
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"detail": "Send field, text and version."}, status=400)
    try:
        result = notes_holder(conversation, field).save_notes(text, version)
    except Http404 as error:
        return JsonResponse({"detail": str(error)}, status=404)
    body = {"saved": result.saved, "version": result.version, "text": result.text}
    return JsonResponse(body, status=200 if result.saved else 409)


def _notes_save_form(request: HttpRequest, conversation: Conversation) -> HttpResponse:
    """Without JavaScript: save every box; on a conflict keep both texts, one after the other."""
    kept_both = False
    for name, text in request.POST.items():
        if not (name == FREE_NOTES or name.startswith("q-")):
            continue
        try:
            holder = notes_holder(conversation, name)
            version = int(request.POST.get(f"version:{name}", "0"))
        except (Http404, ValueError):
            continue
        result = holder.save_notes(text, version)
        if not result.saved and text.strip() and text != result.text:
            merged = f"{result.text}\n\n— also written in another window —\n{text}"
            holder.save_notes(merged, result.version)
            kept_both = True
    if kept_both:
        messages.info(request, "Some notes changed in another window; both versions are kept.")
    else:
        messages.success(request, "Notes saved.")
    return redirect("questions:live", conversation.pk)


@require_POST
def notes_preview(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """The items the notes hold so far, for the side panel (changes nothing)."""
    conversation = get_conversation(request, conversation_id)
    question_notes = {
        int(name[2:]): text
        for name, text in request.POST.items()
        if name.startswith("q-") and name[2:].isdigit()
    }
    items = captured_items(conversation, request.POST.get(FREE_NOTES), question_notes)
    return render(request, "questions/live.html#items", {"items": items})


@require_POST
def end(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_conversation(request, conversation_id)
    if conversation.status in ENDED:
        count = sync_items(conversation)
        messages.success(request, f"Notes saved; {_items(count)} from them are up to date.")
        return redirect(conversation)
    count = end_conversation(conversation)
    messages.success(
        request,
        f"Well done! {_items(count)} from your notes are saved. "
        "Take two minutes to reflect while it is fresh; then a thank-you within "
        f"{followups.rule_words()['thank_you_within']}.",
    )
    return redirect("insights:reflect", conversation.pk)


@require_POST
def resync(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_conversation(request, conversation_id)
    sync_items(conversation)
    messages.success(request, "Items updated from your notes.")
    return redirect(conversation)


def _items(count: int) -> str:
    return f"{count} item{'s' if count != 1 else ''}"
