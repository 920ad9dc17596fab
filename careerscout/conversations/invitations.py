"""Calendar invitations for conversations, built from the plain module in lib."""

from django.utils import timezone

from careerscout.lib.calendar_invites import Invitation, invitation_ics

from .models import Conversation


def invitation_for(conversation: Conversation) -> Invitation:
    user, contact = conversation.user, conversation.contact
    careers = ", ".join(career.title for career in conversation.careers.all())
    description = (
        f"An informational interview: {user.name or user.username} would like to learn about "
        f"{careers or 'your work'} from you.\n\n"
        f"{conversation.duration_minutes} minutes, as agreed."
    )
    if conversation.video_url:
        description += f"\n\nJoin: {conversation.video_url}"
    return Invitation(
        # Stable across reschedules, so calendars update the event instead of adding one.
        uid=conversation.invitation_uid,
        sequence=conversation.invitation_sequence,
        summary=f"{user.name or user.username} & {contact.name}: informational interview",
        description=description,
        start=conversation.scheduled_at,
        duration_minutes=conversation.duration_minutes,
        organizer_name=user.name or user.username,
        organizer_email=user.email or "careerscout@localhost",
        attendee_name=contact.name,
        attendee_email=contact.primary_email,
        location=conversation.location,
        url=conversation.video_url,
        time_zone=conversation.time_zone or user.time_zone,
        stamp=timezone.now(),
        cancelled=conversation.status == Conversation.Status.CANCELLED,
    )


def invitation_bytes(conversation: Conversation) -> bytes:
    return invitation_ics(invitation_for(conversation))
