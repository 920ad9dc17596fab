"""Background work: follow-up bookkeeping and the daily digest (see careerscout worker)."""

from django.db import transaction
from django.tasks import TaskResultStatus, task
from django.utils import timezone

from careerscout.conversations.models import Conversation

from .digest import send_due_digests
from .followups import state_of


def close_unanswered_requests(now=None) -> int:
    """No reply 7 business days after the one follow-up: mark the request "no reply"."""
    now = now or timezone.now()
    closed = 0
    waiting = Conversation.objects.live_requests().filter(followed_up_at__isnull=False)
    for conversation in waiting.select_related("user", "contact"):
        state = state_of(conversation, conversation.user.local_date(now))
        if state is None or not state.is_no_reply(conversation.user.local_date(now)):
            continue
        with transaction.atomic():
            # Re-read under a lock: another worker may have closed it meanwhile.
            current = Conversation.objects.select_for_update().get(pk=conversation.pk)
            if current.status == Conversation.Status.REQUESTED and current.replied_at is None:
                current.move_to(Conversation.Status.NO_REPLY, now)
                closed += 1
    return closed


@task
def run_reminders() -> dict:
    """Idempotent: running it twice, or in two workers at once, does nothing twice."""
    return {"closed": close_unanswered_requests(), "digests": send_due_digests()}


def enqueue_reminders_if_none_waiting() -> bool:
    """Queue a reminders run unless one is already waiting or running.

    `careerscout worker` calls this every minute. Two workers may both queue one now and
    then; that is harmless, since the run is idempotent.
    """
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=run_reminders.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    )
    if waiting.exists():
        return False
    run_reminders.enqueue()
    return True
