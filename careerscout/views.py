from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from careerscout.people.models import Contact


@require_GET
@login_not_required
def home(request):
    """Onboarding until there is data; the person's overview after that."""
    if not request.user.is_authenticated:
        if not get_user_model().objects.exists():
            return redirect("setup")
        return redirect("login")
    contacts = Contact.objects.for_user(request.user)
    context = {
        "contact_count": contacts.count(),
        "recent_contacts": contacts.order_by("-created_at")[:5],
    }
    return render(request, "home.html", context)
