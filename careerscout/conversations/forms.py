from django import forms

from careerscout.careers.models import Career

from .models import Conversation


class ConversationFilterForm(forms.Form):
    career = forms.ModelChoiceField(
        queryset=Career.objects.none(), required=False, empty_label="All careers"
    )
    status = forms.ChoiceField(
        required=False, choices=[("", "Any status"), *Conversation.Status.choices]
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["career"].queryset = Career.objects.for_user(user)

    def filter(self, conversations):
        if not self.is_valid():
            return conversations
        if career := self.cleaned_data.get("career"):
            conversations = conversations.about(career)
        if status := self.cleaned_data.get("status"):
            conversations = conversations.filter(status=status)
        return conversations


class MoveForm(forms.Form):
    to = forms.ChoiceField(choices=Conversation.Status.choices)


class ReplyForm(forms.Form):
    accepted = forms.TypedChoiceField(
        choices=[("yes", "Yes, happy to talk"), ("no", "No, thank you")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        label="What did they say?",
    )


class PlanForm(forms.Form):
    careers = forms.ModelMultipleChoiceField(
        queryset=Career.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="About which careers?",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["careers"].queryset = Career.objects.for_user(user).active()
