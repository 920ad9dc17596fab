from django import forms
from django.core.exceptions import ValidationError

from .defaults import PLACEHOLDERS
from .models import DraftTemplate, Kind


def validate_one_line(value: str) -> None:
    """A line break in a subject would end the e-mail header and start another."""
    if "\n" in value or "\r" in value:
        raise ValidationError("The subject must be one line: please remove the line break.")


class DraftForm(forms.Form):
    subject = forms.CharField(max_length=200, required=False, validators=[validate_one_line])
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 14}))


class CheckForm(forms.Form):
    kind = forms.ChoiceField(choices=Kind.choices)
    subject = forms.CharField(max_length=200, required=False)
    body = forms.CharField(required=False)


class DraftTemplateForm(forms.ModelForm):
    class Meta:
        model = DraftTemplate
        fields = ["kind", "name", "subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        help_texts = {
            "body": "Placeholders: "
            + ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
            + ". A sentence whose placeholder has no value for someone is left out. "
            "[one|other] uses the first choice whose placeholders all have a value, and "
            "[ at {organization}] is left out without one.",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user
        self.fields["subject"].validators.append(validate_one_line)

    def clean_name(self):
        name = self.cleaned_data["name"]
        same = DraftTemplate.objects.filter(
            user=self.instance.user, kind=self.cleaned_data.get("kind"), name=name
        ).exclude(pk=self.instance.pk)
        if same.exists():
            raise forms.ValidationError("You already have a template with this name.")
        return name
