"""The question bank: ours and the person's own, starred, hidden and edited."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerscout.lib.redirects import next_url

from .forms import QuestionFilterForm, QuestionForm
from .models import Question


def bank_question(request: HttpRequest, key: str, *, copy: bool = False) -> Question:
    """One question of the person's bank by key; with `copy`, ours is saved as theirs first."""
    if copy:
        try:
            return Question.for_key(request.user, key)
        except Question.DoesNotExist:
            raise Http404("No such question in your bank.") from None
    question = next((q for q in Question.bank(request.user) if q.key == key), None)
    if question is None:
        raise Http404("No such question in your bank.")
    return question


@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    filters = QuestionFilterForm(request.GET)
    show = topic = ""
    if filters.is_valid():
        show, topic = filters.cleaned_data["show"], filters.cleaned_data["topic"]
    shown = {
        "starred": lambda q: q.starred and not q.hidden,
        "hidden": lambda q: q.hidden,
        "mine": lambda q: q.custom,
    }.get(show, lambda q: not q.hidden)
    groups: dict[str, list[Question]] = {}
    for question in Question.bank(request.user):
        if shown(question) and (not topic or question.topic == topic):
            groups.setdefault(question.get_topic_display(), []).append(question)
    context = {"groups": groups, "filters": filters, "form": QuestionForm(), "show": show}
    return render(request, "questions/list.html", context)


@require_POST
def question_add(request: HttpRequest) -> HttpResponse:
    form = QuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write the question you would like to ask, and pick a topic.")
        return redirect("questions:list")
    Question.add_custom(request.user, form.cleaned_data["text"], form.cleaned_data["topic"])
    messages.success(request, "Your question is in the bank.")
    return redirect("questions:list")


@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, key: str) -> HttpResponse:
    question = bank_question(request, key, copy=request.method == "POST")
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The question is saved.")
        return redirect("questions:list")
    return render(
        request,
        "questions/edit.html",
        {"form": form, "question": question},
        status=422 if form.errors else 200,
    )


@require_POST
def question_toggle(request: HttpRequest, key: str, flag: str) -> HttpResponse:
    if flag not in {"starred", "hidden"}:
        raise Http404("Nothing to switch there.")
    question = bank_question(request, key, copy=True)
    setattr(question, flag, not getattr(question, flag))
    question.save(update_fields=[flag])
    if request.htmx:
        return render(request, "questions/list.html#question", {"question": question})
    return redirect(next_url(request, "/questions/"))


@require_POST
def question_delete(request: HttpRequest, key: str) -> HttpResponse:
    question = bank_question(request, key)
    if not question.custom:
        messages.error(request, "Our questions can be hidden, not deleted.")
    else:
        question.delete()
        messages.success(request, "The question is deleted.")
    return redirect("questions:list")
