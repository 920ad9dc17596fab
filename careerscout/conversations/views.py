from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from careerscout.careers.models import Career
from careerscout.lib.redirects import next_url
from careerscout.outreach.stats import response_rates
from careerscout.people.views import get_contact

from .forms import ConversationFilterForm, MoveForm, PlanForm, ReplyForm
from .models import Conversation, StatusChangeError


def get_conversation(request, conversation_id: int) -> Conversation:
    conversations = Conversation.objects.for_user(request.user).select_related("contact")
    return get_object_or_404(conversations, pk=conversation_id)


@require_GET
def conversation_list(request):
    filters = ConversationFilterForm(request.GET, user=request.user)
    conversations = filters.filter(
        Conversation.objects.for_user(request.user)
        .select_related("contact")
        .prefetch_related(Prefetch("careers", queryset=Career.objects.only("id", "title")))
    ).order_by("-status_changed_at")
    board = request.GET.get("view") == "board"
    rows = list(conversations[:500])
    columns = [
        (status, [c for c in rows if c.status == status])
        for status in [*Conversation.BOARD_COLUMNS, *Conversation.SIDE_EXITS]
    ]
    by_source, by_career = response_rates(request.user)
    context = {
        "by_source": by_source,
        "by_career": by_career,
        "filters": filters,
        "conversations": rows,
        "columns": columns,
        "board": board,
        "has_any": bool(rows) or Conversation.objects.for_user(request.user).exists(),
    }
    return render(request, "conversations/list.html", context)


@require_GET
def conversation_detail(request, conversation_id: int):
    conversation = get_conversation(request, conversation_id)
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "careers": conversation.careers.all(),
        "changes": conversation.changes.all(),
        "messages_sent": conversation.messages.all(),
        "reply_form": ReplyForm(),
    }
    return render(request, "conversations/detail.html", context)


@require_POST
def conversation_move(request, conversation_id: int):
    conversation = get_conversation(request, conversation_id)
    form = MoveForm(request.POST or request.GET)
    if not form.is_valid():
        messages.error(request, "Choose where the conversation should move.")
        return redirect(conversation)
    try:
        conversation.move_to(form.cleaned_data["to"])
    except StatusChangeError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"{conversation.contact.name}: {conversation.get_status_display().lower()}."
        )
    return redirect(next_url(request, conversation.get_absolute_url()))


@require_POST
def conversation_reply(request, conversation_id: int):
    conversation = get_conversation(request, conversation_id)
    form = ReplyForm(request.POST)
    if not form.is_valid() or conversation.status != Conversation.Status.REQUESTED:
        messages.error(request, "A reply can be recorded for a request that is waiting for one.")
        return redirect(conversation)
    conversation.record_reply(timezone.now(), accepted=form.cleaned_data["accepted"])
    if form.cleaned_data["accepted"]:
        messages.success(
            request, f"Wonderful! Now agree on a time with {conversation.contact.name}."
        )
    else:
        messages.info(request, "That is fine: people are busy. Who else could you ask?")
    return redirect(conversation)


@require_POST
def conversation_plan(request, contact_id: int):
    contact = get_contact(request, contact_id)
    form = PlanForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, "Choose careers you are exploring.")
        return redirect(contact)
    careers = list(form.cleaned_data["careers"])
    conversation = Conversation.plan(contact, careers)
    for career in careers:
        career.contacts.add(contact)
    messages.success(request, f"Planned a conversation with {contact.name}.")
    return redirect(conversation)
