"""The About page: what Career Scout is and where its occupation data comes from."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .models import Release


@login_not_required
@require_GET
def about(request: HttpRequest) -> HttpResponse:
    """Open to all: the O*NET licence asks for its attribution wherever the data is shown."""
    release = Release.objects.first()
    return render(request, "about.html", {"version": release.version if release else "30.1"})
