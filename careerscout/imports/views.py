import logging
from functools import partial

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from careerscout.lib.models import get_owned

from .forms import MappingForm, UploadForm
from .models import ImportBatch
from .parsers import ImportFileError
from .tasks import commit_import_batch

logger = logging.getLogger(__name__)
RECENT_IMPORTS = 5


def get_batch(request: HttpRequest, batch_id: int, *, with_data: bool = False) -> ImportBatch:
    """The person's import; the uploaded file is read only when `with_data` asks for it."""
    batches = ImportBatch.objects.all() if with_data else ImportBatch.objects.defer("data")
    return get_owned(batches, request.user, batch_id)


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = form.make_batch(request.user)
        try:
            batch.prepare()
        except ImportFileError as error:
            form.add_error("file", error.message)
        else:
            ImportBatch.objects.abandoned().delete()
            batch.save()
            if batch.status == ImportBatch.Status.UPLOADED:
                return redirect("imports:mapping", batch.pk)
            return redirect(batch)
    recent = (
        ImportBatch.objects.for_user(request.user)
        .filter(status=ImportBatch.Status.DONE)
        .only("kind", "filename", "result", "finished_at")[:RECENT_IMPORTS]
    )
    context = {"form": form, "recent": recent}
    return render(request, "imports/upload.html", context, status=422 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def mapping(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_batch(request, batch_id, with_data=True)
    choosing = {
        ImportBatch.Status.UPLOADED,
        ImportBatch.Status.MAPPED,
        ImportBatch.Status.PREVIEWED,
    }
    if batch.kind != ImportBatch.Kind.CSV or batch.status not in choosing:
        return redirect(batch)
    columns, guess, program = batch.columns()
    form = MappingForm(request.POST or None, columns=columns, mapping=guess)
    if request.method == "POST" and form.is_valid():
        batch.mapping = form.mapping()
        try:
            batch.build_preview()
        except ImportFileError as error:
            form.add_error(None, error.message)
        else:
            batch.save()
            return redirect(batch)
    context = {"batch": batch, "form": form, "program": program}
    return render(request, "imports/mapping.html", context, status=422 if form.errors else 200)


@require_GET
def batch_detail(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_batch(request, batch_id)
    if batch.status in {ImportBatch.Status.UPLOADED, ImportBatch.Status.MAPPED}:
        return redirect("imports:mapping", batch.pk)
    return render(request, "imports/batch.html", batch_context(batch))


def batch_context(batch: ImportBatch) -> dict:
    preview = batch.preview or {}
    counts = preview.get("counts", {})
    more = {
        key: counts.get(key, 0) - len(preview.get(key, []))
        for key in ("added", "updated", "unchanged", "skipped")
    }
    result = batch.result or {}
    skipped_more = result.get("skipped_count", 0) - len(result.get("skipped", []))
    return {
        "batch": batch,
        "preview": preview,
        "counts": counts,
        "more": more,
        "changes": counts.get("added", 0) + counts.get("updated", 0),
        "result": result,
        "skipped_more": skipped_more,
    }


@require_GET
def progress(request: HttpRequest, batch_id: int) -> HttpResponse:
    """The progress partial that the batch page polls while the worker imports."""
    batch = get_batch(request, batch_id)
    if batch.status != ImportBatch.Status.COMMITTING or not request.htmx:
        if request.htmx:
            return HttpResponseClientRedirect(batch.get_absolute_url())
        return redirect(batch)
    if request.GET.get("state") == batch.progress_state:
        return HttpResponse(status=204)  # nothing new: htmx keeps the page as it is
    return render(request, "imports/batch.html#progress", {"batch": batch})


@require_POST
def leave_out(request: HttpRequest, batch_id: int) -> HttpResponse:
    """Leave one person's rows of the previewed file out of the import, or put them back."""
    batch = get_batch(request, batch_id, with_data=True)
    lines = request.POST.getlist("line")
    if batch.status != ImportBatch.Status.PREVIEWED or not lines:
        return redirect(batch)
    if not all(line.isdigit() for line in lines):
        messages.error(request, "Choose a row of the file to leave out or put back.")
        return redirect(batch)
    leave = request.POST.get("action") != "put_back"
    numbers = [int(line) for line in lines]
    name = batch.name_on_line(numbers[0])
    try:
        batch.leave_out(numbers, leave)
    except ImportFileError as error:
        messages.error(request, error.message)
        return redirect(batch)
    batch.save(update_fields=["left_out", "preview", "rows", "status", "error", "kind", "source"])
    if name:
        done = "left out of this import" if leave else "back in this import"
        where = "line" if len(numbers) == 1 else "lines"
        messages.success(request, f"{name} ({where} {', '.join(lines)}) is {done}.")
    return redirect(batch)


@require_POST
def commit(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_batch(request, batch_id)
    if not batch.claim():
        return redirect(batch)  # already importing or imported: a second click changes nothing
    if batch.runs_in_background:
        transaction.on_commit(partial(commit_import_batch.enqueue, batch.pk))
        return redirect(batch)
    try:
        batch.commit()
    except Exception:
        # The batch says what happened; the person sees that nothing was imported.
        logger.exception("Import %s failed", batch.pk)
    return redirect(batch)


@require_POST
def cancel(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_batch(request, batch_id)
    if batch.status in {ImportBatch.Status.DONE, ImportBatch.Status.FAILED}:
        return redirect(batch)
    if not batch.cancel():
        messages.error(request, "This import is already running; it cannot be cancelled now.")
        return redirect(batch)
    messages.success(request, "Nothing was imported, and the uploaded file is deleted.")
    return redirect("people:list")
