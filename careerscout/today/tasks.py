"""The reminders run that `careerscout worker` queues every minute."""

from django.tasks import TaskResultStatus, task

from careerscout.directory.requests import chase_requests
from careerscout.outreach.followups import close_unanswered_requests

from .digest import send_due_digests


@task
def run_reminders() -> dict:
    """Idempotent: running it twice, or in two workers at once, does nothing twice."""
    return {
        "closed": close_unanswered_requests(),
        "digests": send_due_digests(),
        "directory": chase_requests(),
    }


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
