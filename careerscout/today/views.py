from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from careerscout.careers.models import Career
from careerscout.conversations import followups
from careerscout.insights.criteria import not_yet_added
from careerscout.people.models import Contact

from .items import coming_up, coming_up_span, grouped, today_items


@require_GET
@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    """Onboarding until there is data or something to do (a volunteer may have requests
    to answer before they explore anything); Today (what to do now) after that."""
    if not request.user.is_authenticated:
        if not get_user_model().objects.exists():
            return redirect("setup")
        return redirect("login")
    contact_count = Contact.objects.for_user(request.user).count()
    careers = list(Career.objects.for_user(request.user).active())
    items = today_items(request.user)
    thank_you_within = followups.rule_words()["thank_you_within"]
    if not contact_count and not careers and not items:
        context = {"offers": not_yet_added(request.user), "thank_you_within": thank_you_within}
        return render(request, "onboarding/welcome.html", context)
    context = {
        "sections": grouped(items),
        "item_count": len(items),
        "coming_up": coming_up(request.user),
        "contact_count": contact_count,
        "careers": careers,
        "thank_you_within": thank_you_within,
        "coming_up_days": coming_up_span(),
    }
    return render(request, "today/today.html", context)
