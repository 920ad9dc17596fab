from django import forms

from .models import Question


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "topic"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        labels = {"text": "Question"}
        error_messages = {"text": {"required": "Write the question you would like to ask."}}


class QuestionFilterForm(forms.Form):
    topic = forms.ChoiceField(
        required=False, choices=[("", "All topics"), *Question._meta.get_field("topic").choices]
    )
    show = forms.ChoiceField(
        required=False,
        choices=[("", "Shown"), ("starred", "Starred"), ("hidden", "Hidden"), ("mine", "Mine")],
    )


class IntroductionForm(forms.Form):
    introduction = forms.CharField(
        label="What you will say",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="Who you are, that you are exploring rather than job-hunting, and why them.",
    )
