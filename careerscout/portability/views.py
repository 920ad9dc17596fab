"""Your data: download it all, restore it into an empty account, or delete the account."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import data

# An export of 30,000 people with their timelines is about 40 MB.
MAX_RESTORE_BYTES = 200 * 1024 * 1024


def _data_page(
    request: HttpRequest, restore_error: data.RestoreError | None = None, status: int = 200
) -> HttpResponse:
    context = {
        "account_is_empty": data.account_is_empty(request.user),
        "restore_error": restore_error,
    }
    return render(request, "portability/data.html", context, status=status)


@require_GET
def data_page(request: HttpRequest) -> HttpResponse:
    return _data_page(request)


@require_GET
@never_cache
def export_download(request: HttpRequest) -> HttpResponse:
    """Everything the person owns, as the file `careerscout restore` reads."""
    document = data.export_user_data(request.user)
    day = request.user.local_date().isoformat()
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"careerscout-{request.user.username}-{day}.json"
    )
    return response


@require_POST
def restore_upload(request: HttpRequest) -> HttpResponse:
    upload = request.FILES.get("export")
    try:
        if upload is None:
            raise data.RestoreError("Choose the export file to restore.")
        if upload.size > MAX_RESTORE_BYTES:
            raise data.RestoreError(
                "The file is larger than 200 MB; restore it with `careerscout restore`."
            )
        summary = data.restore_user_data(request.user, data.parse_export(upload.read()))
    except data.RestoreError as error:
        return _data_page(request, restore_error=error, status=422)
    messages.success(request, f"Restored {summary.describe()}.")
    return redirect("data")


@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    """Delete the account and everything in it, once its username is typed to confirm."""
    error = ""
    if request.method == "POST":
        if request.POST.get("username", "").strip() == request.user.username:
            data.delete_account(request.user)
            logout(request)
            messages.success(request, "Your account and everything in it are deleted.")
            return redirect("login")
        error = "That did not match your username, so nothing was deleted."
    return render(
        request, "portability/delete.html", {"error": error}, status=422 if error else 200
    )
