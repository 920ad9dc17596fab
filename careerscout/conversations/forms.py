from django import forms

from careerscout.careers.models import Career
from careerscout.lib.dates import validate_sensible_date
from careerscout.lib.time_zones import TimeZoneField

from .models import Conversation
from .scheduling import DURATIONS


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


class ScheduleForm(forms.Form):
    day = forms.DateField(
        label="Date",
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_sensible_date],
        error_messages={"required": "Choose the day you will talk."},
    )
    at = forms.TimeField(
        label="Time",
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={"required": "Choose the time you will talk."},
    )
    whose_time = forms.ChoiceField(
        label="That time is",
        choices=[("theirs", "their time"), ("mine", "my time")],
        initial="theirs",
        widget=forms.RadioSelect,
    )
    time_zone = TimeZoneField(
        label="Their time zone",
        blank_label="Choose their time zone",
        required=True,
        error_messages={"required": "Choose their time zone, so the time is right for both."},
    )
    duration_minutes = forms.TypedChoiceField(
        label="Length",
        coerce=int,
        choices=[(minutes, f"{minutes} minutes") for minutes in DURATIONS],
        initial=20,
    )
    location = forms.CharField(
        label="Place", required=False, max_length=300, help_text="Or leave empty for a call."
    )
    video_url = forms.URLField(label="Video link", required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].keep(self.initial.get("time_zone", ""))


class ProposeForm(forms.Form):
    """Up to three times in my own zone, written out in theirs for an e-mail."""

    first = forms.DateTimeField(
        label="First choice",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        validators=[validate_sensible_date],
        error_messages={"required": "Pick at least one time to suggest."},
    )
    second = forms.DateTimeField(
        label="Second choice",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        validators=[validate_sensible_date],
    )
    third = forms.DateTimeField(
        label="Third choice",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        validators=[validate_sensible_date],
    )
