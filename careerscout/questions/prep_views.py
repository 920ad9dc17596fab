"""Before the conversation: the prep brief, its plan of questions and the introduction."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from careerscout.conversations import followups
from careerscout.conversations.models import Conversation
from careerscout.conversations.views import get_conversation, times_for_both
from careerscout.insights.evidence import coverage, evidence_items

from . import saved_plans
from .forms import IntroductionForm
from .models import Question

CHECKLIST = [
    "Confirm the day before, with the time in their time zone.",
    "Join or arrive a few minutes early.",
    "Test the video link, sound and camera.",
    "Dress as people dress at their workplace.",
    "Keep to the time you asked for; offer to stop when it is up.",
    "Before you finish, ask whom else to talk to and whether you may use their name.",
]


def checklist() -> list[str]:
    """Read when the page renders, so the thank-you line follows the rule."""
    within = followups.rule_words()["thank_you_within"]
    return [*CHECKLIST, f"Send a thank-you within {within}, mentioning one specific thing."]


def default_introduction(conversation: Conversation) -> str:
    careers = " and ".join(c.title for c in conversation.careers.all()) or "a new field"
    name = conversation.user.name or conversation.user.username
    return (
        f"I'm {name}. I'm exploring {careers} and talking to people who do the work, to "
        f"understand what it is really like before I decide on my next step. I'm not looking "
        f"for a job right now; I'd just love to learn from your experience."
    )


@require_GET
def prep(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_conversation(request, conversation_id)
    careers = list(conversation.careers.all())
    known = (
        evidence_items(careers, exclude_conversation=conversation)
        .select_related("contact")
        .order_by("topic", "created_at")[:30]
    )
    plan = saved_plans.current_plan(conversation)
    planned = {item.key for item in plan}
    introduction = conversation.introduction or default_introduction(conversation)
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "careers": careers,
        "plan": plan,
        "bank": [
            question
            for question in Question.bank(request.user)
            if not question.hidden and question.key not in planned
        ],
        "introduction": introduction,
        "introduction_form": IntroductionForm(initial={"introduction": introduction}),
        "checklist": checklist(),
        "coverage": coverage(careers) if careers else [],
        "known": known,
        "when": times_for_both(conversation, request.user),
    }
    return render(request, "questions/prep.html", context)


@require_POST
def plan_change(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """Regenerate, add, remove or move a question; every change keeps notes already taken.

    Questions are named by key, so the same buttons work on a suggested plan (saved by its
    first change) and on a saved one.
    """
    conversation = get_conversation(request, conversation_id)
    action = request.POST.get("action")
    key = request.POST.get("item", "")
    if action == "regenerate":
        saved_plans.make_plan(conversation)
        messages.success(request, "A fresh plan, aimed at what you do not know yet.")
    elif action == "add":
        try:
            question = Question.for_key(request.user, request.POST.get("question", ""))
        except Question.DoesNotExist:
            raise Http404("No such question in your bank.") from None
        saved_plans.add_question(conversation, question)
    elif action == "remove":
        try:
            saved_plans.remove_question(conversation, key)
        except saved_plans.KeptForNotes:
            messages.error(request, "That question has notes under it, so it stays.")
    elif action in {"up", "down"}:
        saved_plans.move(conversation, key, -1 if action == "up" else 1)
    elif action == "reorder":
        saved_plans.reorder(conversation, request.POST.get("order", "").split(","))
    return redirect(f"{conversation.get_absolute_url()}prep/#plan")


@require_POST
def save_introduction(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_conversation(request, conversation_id)
    form = IntroductionForm(request.POST)
    if form.is_valid():
        conversation.introduction = form.cleaned_data["introduction"]
        conversation.save(update_fields=["introduction", "updated_at"])
        messages.success(request, "Your introduction is saved.")
    return redirect(f"{conversation.get_absolute_url()}prep/#introduction")
