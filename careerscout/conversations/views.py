from zoneinfo import ZoneInfo

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerscout.careers.models import Career
from careerscout.conversations.stats import response_rates
from careerscout.lib.models import get_owned
from careerscout.lib.redirects import next_url
from careerscout.people.changes import edit_person
from careerscout.people.models import Contact

from . import followups
from .forms import (
    ConversationFilterForm,
    MoveForm,
    PlanForm,
    ProposeForm,
    ReplyForm,
    ScheduleForm,
)
from .invitations import invitation_bytes
from .models import Conversation, StatusChangeError
from .record import follow_up_dates, record_of, with_record
from .scheduling import aware, both_times, describe, outside_their_day, proposal_text


def get_conversation(request: HttpRequest, conversation_id: int) -> Conversation:
    """The person's conversation, with whom it is with; 404 for anyone else's."""
    return get_owned(Conversation.objects.select_related("contact"), request.user, conversation_id)


@require_GET
def conversation_list(request: HttpRequest) -> HttpResponse:
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
def conversation_detail(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """The record of the conversation, and the next step it needs."""
    conversation = get_owned(with_record(Conversation.objects), request.user, conversation_id)
    now = timezone.now()
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "careers": conversation.careers.all(),
        "record": record_of(conversation),
        "messages_sent": conversation.messages.all(),
        "reply_form": ReplyForm(),
        "follow_up": follow_up_dates(conversation, conversation.contact),
        "their_zone": conversation.time_zone or conversation.contact.time_zone,
        "time_has_passed": bool(conversation.scheduled_at and conversation.scheduled_at < now),
        "thank_you_late": bool(
            conversation.held_at and now - conversation.held_at > followups.THANK_YOU_WITHIN
        ),
        "thank_you_within": followups.rule_words()["thank_you_within"],
    }
    return render(request, "conversations/detail.html", context)


@require_POST
def conversation_move(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_conversation(request, conversation_id)
    form = MoveForm(request.POST)
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
def conversation_reply(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_conversation(request, conversation_id)
    form = ReplyForm(request.POST)
    if not form.is_valid() or not conversation.awaiting_reply:
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
def conversation_plan(request: HttpRequest, contact_id: int) -> HttpResponse:
    """Plan a conversation with someone, from their page or from "who to ask"."""
    contact = get_owned(Contact, request.user, contact_id)
    form = PlanForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, "Choose careers you are exploring.")
        return redirect(contact)
    careers = list(form.cleaned_data["careers"])
    already = contact.conversations.upcoming()
    for career in careers:
        already = already.filter(careers=career)
    existing = already.first() if careers else None
    if existing is not None:
        titles = " and ".join(career.title for career in careers)
        messages.info(request, f"{contact.name} is already on your list for {titles}.")
        return redirect(existing)
    conversation = Conversation.plan(contact, careers)
    about = " about " + " and ".join(career.title for career in careers) if careers else ""
    messages.success(
        request, f"Planned a conversation with {contact.name}{about}. Next: write the request."
    )
    return redirect(conversation)


def _schedule_initial(conversation: Conversation) -> dict:
    """The time as set so far; a zone not known yet is left for the person to choose."""
    their_zone = conversation.time_zone or conversation.contact.time_zone
    initial = {
        "time_zone": their_zone,
        "duration_minutes": conversation.duration_minutes,
        "location": conversation.location,
        "video_url": conversation.video_url,
        "whose_time": "theirs",
    }
    if conversation.scheduled_at:
        local = conversation.scheduled_at.astimezone(
            ZoneInfo(their_zone or conversation.user.time_zone)
        )
        initial.update(day=local.date(), at=local.time().replace(second=0, microsecond=0))
    return initial


@require_http_methods(["GET", "POST"])
def conversation_schedule(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_conversation(request, conversation_id)
    form = ScheduleForm(request.POST or None, initial=_schedule_initial(conversation))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        zone = data["time_zone"] if data["whose_time"] == "theirs" else request.user.time_zone
        start = aware(data["day"], data["at"], zone)
        try:
            with transaction.atomic():
                conversation.schedule(
                    start,
                    time_zone=data["time_zone"],
                    duration_minutes=data["duration_minutes"],
                    location=data["location"],
                    video_url=data["video_url"],
                )
                if not conversation.contact.time_zone:
                    edit_person(conversation.contact, {"time_zone": data["time_zone"]})
        except StatusChangeError as error:
            messages.error(request, str(error))
            return redirect(conversation)
        if start < timezone.now():
            messages.warning(
                request,
                "That time has already passed. If you have talked, mark the conversation as "
                "held; if not, change the time.",
            )
        else:
            messages.success(request, "The time is set. Download the invitation to send it along.")
        return redirect(conversation)
    propose = ProposeForm(request.GET or None)
    proposal = ""
    unsociable: list[str] = []
    if request.GET and propose.is_valid():
        # Form fields read times in the active time zone: the person's own.
        slots = [propose.cleaned_data[name] for name in ["first", "second", "third"]]
        slots = [slot for slot in slots if slot]
        their_zone = form["time_zone"].value() or request.user.time_zone
        proposal = proposal_text(
            slots, conversation.duration_minutes, their_zone, request.user.time_zone
        )
        unsociable = [
            describe(slot, conversation.duration_minutes, their_zone)
            for slot in outside_their_day(slots, conversation.duration_minutes, their_zone)
        ]
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "form": form,
        "propose": propose,
        "proposal": proposal,
        "unsociable": unsociable,
        "both_times": times_for_both(conversation, request.user),
    }
    return render(
        request, "conversations/schedule.html", context, status=422 if form.errors else 200
    )


def times_for_both(conversation: Conversation, user) -> list[str]:
    """The agreed time in the person's zone and, when it differs, in the other's."""
    if not conversation.scheduled_at:
        return []
    return both_times(
        conversation.scheduled_at,
        conversation.duration_minutes,
        user.time_zone,
        conversation.time_zone or conversation.contact.time_zone,
        conversation.contact.name,
    )


@require_GET
def conversation_invitation(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_conversation(request, conversation_id)
    if conversation.scheduled_at is None:
        raise Http404("This conversation has no time yet.")
    return invitation_response(conversation)


def invitation_response(conversation: Conversation) -> HttpResponse:
    method = "CANCEL" if conversation.status == Conversation.Status.CANCELLED else "REQUEST"
    response = HttpResponse(
        invitation_bytes(conversation),
        content_type=f"text/calendar; charset=utf-8; method={method}",
    )
    response["Content-Disposition"] = 'attachment; filename="invitation.ics"'
    return response
