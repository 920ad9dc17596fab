"""Preparing and holding the conversation: the plan, the prep brief and live notes."""

import json

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from careerscout.insights.evidence import coverage, evidence_items
from careerscout.questions import plans
from careerscout.questions.models import Question

from .forms import IntroductionForm
from .models import Conversation
from .notes import FREE_NOTES, captured_items, end_conversation, save_notes, sync_items
from .views import get_conversation

CHECKLIST = [
    "Confirm the day before, with the time in their time zone.",
    "Join or arrive a few minutes early.",
    "Test the video link, sound and camera.",
    "Dress as people dress at their workplace.",
    "Keep to the time you asked for; offer to stop when it is up.",
    "Before you finish, ask whom else to talk to and whether you may use their name.",
    "Send a thank-you within 24 hours, mentioning one specific thing.",
]


def default_introduction(conversation: Conversation) -> str:
    careers = " and ".join(c.title for c in conversation.careers.all()) or "a new field"
    name = conversation.user.name or conversation.user.username
    return (
        f"I'm {name}. I'm exploring {careers} and talking to people who do the work, to "
        f"understand what it is really like before I decide on my next step. I'm not looking "
        f"for a job right now; I'd just love to learn from your experience."
    )


@require_GET
def prep(request, conversation_id: int):
    conversation = get_conversation(request, conversation_id)
    careers = list(conversation.careers.all())
    known = (
        evidence_items(careers, exclude_conversation=conversation)
        .select_related("contact")
        .order_by("topic", "created_at")[:30]
    )
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "careers": careers,
        "plan": plans.ensure_plan(conversation),
        "bank": Question.objects.for_user(request.user)
        .visible()
        .exclude(key__in=conversation.plan_items.values("key")),
        "introduction": conversation.introduction or default_introduction(conversation),
        "introduction_form": IntroductionForm(
            initial={
                "introduction": conversation.introduction or default_introduction(conversation)
            }
        ),
        "checklist": CHECKLIST,
        "coverage": coverage(careers) if careers else [],
        "known": known,
    }
    return render(request, "conversations/prep.html", context)


@require_POST
def plan_change(request, conversation_id: int):
    """Regenerate, add, remove or move a question; every change keeps notes already taken."""
    conversation = get_conversation(request, conversation_id)
    action = request.POST.get("action")
    if action == "regenerate":
        plans.make_plan(conversation)
        messages.success(request, "A fresh plan, aimed at what you do not know yet.")
    elif action == "add":
        question = get_object_or_404(
            Question.objects.for_user(request.user), pk=request.POST.get("question")
        )
        plans.add_question(conversation, question)
    elif action in {"up", "down", "remove"}:
        item = get_object_or_404(conversation.plan_items.all(), pk=request.POST.get("item"))
        if action == "remove":
            if item.notes.strip():
                messages.error(request, "That question has notes under it, so it stays.")
            else:
                item.delete()
        else:
            plans.move(conversation, item.pk, -1 if action == "up" else 1)
    elif action == "reorder":
        try:
            order = [int(pk) for pk in request.POST.get("order", "").split(",") if pk]
        except ValueError:
            order = []
        plans.reorder(conversation, order)
    return redirect(f"{conversation.get_absolute_url()}prep/#plan")


@require_POST
def save_introduction(request, conversation_id: int):
    conversation = get_conversation(request, conversation_id)
    form = IntroductionForm(request.POST)
    if form.is_valid():
        conversation.introduction = form.cleaned_data["introduction"]
        conversation.save(update_fields=["introduction", "updated_at"])
        messages.success(request, "Your introduction is saved.")
    return redirect(f"{conversation.get_absolute_url()}prep/#introduction")


@require_GET
def live(request, conversation_id: int):
    conversation = get_conversation(request, conversation_id)
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "plan": plans.ensure_plan(conversation),
        "items": [item for item, _field in captured_items(conversation)],
        "free_field": FREE_NOTES,
    }
    return render(request, "conversations/live.html", context)


@require_POST
def notes_save(request, conversation_id: int):
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
        result = save_notes(conversation, field, text, version)
    except ValueError as error:
        return JsonResponse({"detail": str(error)}, status=404)
    body = {"saved": result.saved, "version": result.version, "text": result.text}
    return JsonResponse(body, status=200 if result.saved else 409)


def _notes_save_form(request, conversation):
    """Without JavaScript: save every box; on a conflict keep both texts, one after the other."""
    kept_both = False
    for name, text in request.POST.items():
        if not (name == FREE_NOTES or name.startswith("q-")):
            continue
        try:
            version = int(request.POST.get(f"version:{name}", "0"))
            result = save_notes(conversation, name, text, version)
            if not result.saved and text.strip() and text != result.text:
                merged = f"{result.text}\n\n— also written in another window —\n{text}"
                save_notes(conversation, name, merged, result.version)
                kept_both = True
        except ValueError:
            continue
    if kept_both:
        messages.info(request, "Some notes changed in another window; both versions are kept.")
    else:
        messages.success(request, "Notes saved.")
    return redirect("conversations:live", conversation.pk)


@require_POST
def notes_preview(request, conversation_id: int):
    """The items the notes hold so far, for the side panel (changes nothing)."""
    conversation = get_conversation(request, conversation_id)
    items = [item for item, _field in captured_items(conversation, request.POST)]
    return render(request, "conversations/live.html#items", {"items": items})


@require_POST
def end(request, conversation_id: int):
    conversation = get_conversation(request, conversation_id)
    count = end_conversation(conversation)
    messages.success(
        request,
        f"Well done! {count} item{'s' if count != 1 else ''} from your notes are saved. "
        f"Take two minutes to reflect while it is fresh; then a thank-you within 24 hours.",
    )
    return redirect("insights:reflect", conversation.pk)


@require_POST
def resync(request, conversation_id: int):
    conversation = get_conversation(request, conversation_id)
    sync_items(conversation)
    messages.success(request, "Items updated from your notes.")
    return redirect(conversation)
