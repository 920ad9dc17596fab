"""Large imports, committed by the background worker (`careerscout worker`).

The view marks the batch as committing and enqueues the task once that is committed; the
page then polls the batch's progress. Running the task twice imports once: a batch that is
not "committing" any more (done, failed or deleted) is left alone, and becoming "done"
happens in the same transaction as the contacts. See ImportBatch.commit and ProgressWriter.
"""

from django.tasks import task

from .models import ImportBatch


@task
def commit_import_batch(batch_id: int) -> None:
    batch = ImportBatch.objects.filter(pk=batch_id).select_related("user").first()
    if batch is not None:
        batch.commit()
