from django import forms

from careerscout.people.forms import split_list

from .models import Career, TargetOrganization


class CareerForm(forms.ModelForm):
    keywords = forms.CharField(
        label="Other titles and keywords",
        required=False,
        help_text="Separated by commas, for example: user researcher, design research, UXR.",
    )

    class Meta:
        model = Career
        fields = ["title", "status", "why", "keywords", "notes"]
        widgets = {
            "why": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {"title": {"required": "Please name the career, e.g. “UX research”."}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk:
            self.initial["keywords"] = ", ".join(self.instance.keywords)

    def clean_title(self):
        title = self.cleaned_data["title"]
        duplicates = Career.objects.for_user(self.user).filter(title__iexact=title)
        if duplicates.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"You are already exploring “{title}”.")
        return title

    def clean_keywords(self):
        return split_list(self.cleaned_data["keywords"])

    def save(self, commit=True):
        career = super().save(commit=False)
        career.user = self.user
        career.keywords = self.cleaned_data["keywords"]
        if commit:
            career.save()
        return career


class TargetForm(forms.ModelForm):
    organization_name = forms.CharField(
        label="Organisation", max_length=200, help_text="Start typing to pick one you know."
    )

    class Meta:
        model = TargetOrganization
        fields = ["motivation", "note"]
        widgets = {"motivation": forms.Select(choices=[(n, f"{n} of 5") for n in range(5, 0, -1)])}


class TargetUpdateForm(forms.ModelForm):
    class Meta:
        model = TargetOrganization
        fields = ["motivation", "note"]
        widgets = {"motivation": forms.Select(choices=[(n, f"{n} of 5") for n in range(5, 0, -1)])}
