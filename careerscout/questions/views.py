from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerscout.lib.redirects import next_url

from .forms import QuestionFilterForm, QuestionForm
from .models import Question


def get_question(request, question_id: int) -> Question:
    return get_object_or_404(Question.objects.for_user(request.user), pk=question_id)


@require_GET
def question_list(request):
    Question.ensure_bank(request.user)
    filters = QuestionFilterForm(request.GET)
    questions = Question.objects.for_user(request.user)
    show = topic = ""
    if filters.is_valid():
        show, topic = filters.cleaned_data["show"], filters.cleaned_data["topic"]
    questions = {
        "starred": questions.filter(starred=True, hidden=False),
        "hidden": questions.filter(hidden=True),
        "mine": questions.filter(custom=True),
    }.get(show, questions.filter(hidden=False))
    if topic:
        questions = questions.filter(topic=topic)
    groups: dict[str, list[Question]] = {}
    for question in questions:
        groups.setdefault(question.get_topic_display(), []).append(question)
    context = {"groups": groups, "filters": filters, "form": QuestionForm(), "show": show}
    return render(request, "questions/list.html", context)


@require_POST
def question_add(request):
    form = QuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write the question you would like to ask, and pick a topic.")
        return redirect("questions:list")
    with transaction.atomic():
        question = form.save(commit=False)
        question.user = request.user
        question.custom = True
        question.key = "custom-pending"
        question.position = 10_000
        question.save()
        question.key = f"custom-{question.pk}"
        question.save(update_fields=["key"])
    messages.success(request, "Your question is in the bank.")
    return redirect("questions:list")


@require_http_methods(["GET", "POST"])
def question_edit(request, question_id: int):
    question = get_question(request, question_id)
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
def question_toggle(request, question_id: int, flag: str):
    question = get_question(request, question_id)
    if flag not in {"starred", "hidden"}:
        raise Http404("Nothing to switch there.")
    setattr(question, flag, not getattr(question, flag))
    question.save(update_fields=[flag])
    if request.htmx:
        return render(request, "questions/list.html#question", {"question": question})
    return redirect(next_url(request, "/questions/"))


@require_POST
def question_delete(request, question_id: int):
    question = get_question(request, question_id)
    if not question.custom:
        messages.error(request, "Our questions can be hidden, not deleted.")
    else:
        question.delete()
        messages.success(request, "The question is deleted.")
    return redirect("questions:list")
