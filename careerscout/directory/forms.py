from django import forms

from careerscout.lib.time_zones import TimeZoneField
from careerscout.people.forms import split_list

from .models import VolunteerProfile

LIST_FIELDS = ("careers", "topics", "languages")


class ProfileForm(forms.ModelForm):
    careers = forms.CharField(
        label="Careers you can speak to",
        help_text="Separated by commas, for example: UX research, service design.",
        error_messages={"required": "Name at least one career you can speak to."},
    )
    topics = forms.CharField(
        label="Topics",
        required=False,
        help_text="What you are happy to talk about: a typical day, switching careers, …",
    )
    languages = forms.CharField(label="Languages", required=False, help_text="Separated by commas.")
    time_zone = TimeZoneField(label="Your time zone")
    published = forms.BooleanField(
        label="Show my profile in the directory",
        required=False,
        help_text="Untick to take a break: requests already sent stay yours to answer.",
    )

    class Meta:
        model = VolunteerProfile
        fields = [
            "display_name", "title", "organization", "careers", "topics", "languages",
            "time_zone", "capacity_per_month", "contact_email", "published",
        ]  # fmt: skip
        error_messages = {
            "title": {"required": "Please give your job title, e.g. “UX researcher”."},
            "display_name": {"required": "Please give a name students will see."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in LIST_FIELDS:
            self.initial[name] = ", ".join(getattr(self.instance, name) or [])
        self.fields["time_zone"].keep(self.instance.time_zone)

    def clean_careers(self):
        careers = split_list(self.cleaned_data["careers"])
        if not careers:
            raise forms.ValidationError("Name at least one career you can speak to.")
        return careers

    def clean_topics(self):
        return split_list(self.cleaned_data["topics"])

    def clean_languages(self):
        return split_list(self.cleaned_data["languages"])


class RequestForm(forms.Form):
    message = forms.CharField(
        label="Your message",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        help_text=(
            "How you found them, what you would like to learn, and a short time frame "
            "(“20 minutes”). Do not ask for a job: this is a conversation to learn."
        ),
        error_messages={"required": "Write a few lines on what you would like to learn."},
    )
    send_anyway = forms.BooleanField(required=False, widget=forms.HiddenInput)
