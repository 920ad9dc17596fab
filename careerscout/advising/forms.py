from django import forms

from careerscout.accounts.models import Cohort

from .models import Level


class ShareForm(forms.Form):
    """One row of the Sharing page: a level for an adviser (by username) or a cohort."""

    adviser = forms.CharField(required=False, widget=forms.HiddenInput)
    cohort = forms.IntegerField(required=False, widget=forms.HiddenInput)
    level = forms.ChoiceField(label="Share", choices=Level.choices)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("adviser") and not cleaned.get("cohort"):
            raise forms.ValidationError("Choose an adviser or a cohort to share with.")
        return cleaned


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ["name"]
        labels = {"name": "New cohort"}
        help_texts = {"name": "For example: “MSc Design 2026”."}
