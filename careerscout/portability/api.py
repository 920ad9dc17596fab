"""`GET /api/export`: everything the caller owns, the same document as `careerscout export`."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from .data import export_user_data

router = Router(tags=["export"])


@router.get(
    "",
    summary="Export all your data",
    description="The document described in docs/export-format.md; `careerscout restore` "
    "loads it into an empty account.",
)
def export(request: HttpRequest) -> dict[str, Any]:
    return export_user_data(request.auth)
