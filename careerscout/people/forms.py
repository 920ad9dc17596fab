import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from careerscout.lib.organization_kinds import CHOICES as KIND_CHOICES
from careerscout.lib.organization_kinds import organization_kind
from careerscout.lib.time_zones import TimeZoneField

from .models import Contact, Organization


def split_list(text: str) -> list[str]:
    """Items separated by commas, semicolons or new lines, without blanks or repeats."""
    seen: dict[str, None] = {}
    for item in re.split(r"[,;\n]", text or ""):
        if item.strip():
            seen.setdefault(item.strip(), None)
    return list(seen)


class ContactForm(forms.ModelForm):
    emails = forms.CharField(
        label="E-mail addresses",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One per line, the one you use most first.",
    )
    tags = forms.CharField(
        required=False, help_text="Separated by commas, for example: alumni, design, Berlin."
    )
    time_zone = TimeZoneField(label="Their time zone", blank_label="Not known")

    class Meta:
        model = Contact
        fields = [
            "name",
            "title",
            "organization",
            "emails",
            "phone",
            "linkedin_url",
            "location",
            "time_zone",
            "source",
            "how_we_know",
            "tags",
            "notes",
            "keep_in_touch_months",
        ]
        widgets = {
            "how_we_know": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {"name": {"required": "Please give their name."}}
        labels = {"keep_in_touch_months": "Keep in touch every (months)"}

    # What the "already among your people" check reads, as the person types.
    LIKE_FIELDS = ["name", "emails", "organization", "linkedin_url"]

    def __init__(self, *args, check_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].keep(self.instance.time_zone)
        if self.instance.pk:
            self.initial["emails"] = "\n".join(self.instance.emails)
            self.initial["tags"] = ", ".join(tag.name for tag in self.instance.tags.all())
        if check_url:
            for name in self.LIKE_FIELDS:
                self.fields[name].widget.attrs.update(
                    {
                        "hx-get": check_url,
                        "hx-trigger": "input changed delay:400ms, change",
                        "hx-target": "#already-here",
                        "hx-include": ", ".join(f"#id_{field}" for field in self.LIKE_FIELDS),
                        "hx-sync": "#already-here:replace",
                    }
                )

    def clean_emails(self):
        emails = split_list(self.cleaned_data["emails"])
        for email in emails:
            try:
                validate_email(email)
            except ValidationError:
                raise ValidationError(f"“{email}” does not look like an e-mail address.") from None
        return emails

    def clean_tags(self):
        tags = split_list(self.cleaned_data["tags"])
        too_long = [tag for tag in tags if len(tag) > 50]
        if too_long:
            raise ValidationError(f"Tags can be 50 characters at most: “{too_long[0][:60]}”.")
        return tags


class ContactFilterForm(forms.Form):
    SORTS = {
        "name": ["name", "id"],
        "recent": ["-created_at", "-id"],
        "organization": ["organization", "name", "id"],
    }

    q = forms.CharField(label="Search", required=False)
    tag = forms.CharField(required=False)
    source = forms.ChoiceField(
        required=False, choices=[("", "Any source"), *Contact.Source.choices]
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[("name", "Name"), ("recent", "Recently added"), ("organization", "Organisation")],
    )

    def filter(self, contacts):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("q"):
            contacts = contacts.search(data["q"])
        if data.get("tag"):
            contacts = contacts.tagged(data["tag"])
        if data.get("source"):
            contacts = contacts.filter(source=data["source"])
        return contacts.order_by(*self.SORTS[data.get("sort") or "name"])


class MergeOrganizationForm(forms.Form):
    into = forms.ModelChoiceField(
        label="Merge into", queryset=Organization.objects.none(), empty_label="Choose one"
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Organization.objects.for_user(organization.user)
            .exclude(pk=organization.pk)
            .order_by("name")
        )
        self.fields[
            "into"
        ].help_text = f"Everyone at {organization.name} moves there; later imports follow."


class SplitOrganizationForm(forms.Form):
    people = forms.ModelMultipleChoiceField(
        queryset=Contact.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    name = forms.CharField(label="New organisation’s name", max_length=200)

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = organization.contacts.order_by("name")
        self.fields["people"].error_messages["required"] = "Tick at least one person to move."


class OrganizationKindForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of organisation is this?",
        required=False,
        help_text="Advisers you share a summary with read “a UX researcher at a bank”, never "
        "the organisation’s name.",
    )

    def __init__(self, *args, organization, **kwargs):
        kwargs.setdefault("initial", {"kind": organization.kind})
        super().__init__(*args, **kwargs)
        guess = organization_kind(organization.name)
        from_name = f"As the name says: {guess}" if guess else "The name does not say: say nothing"
        self.fields["kind"].choices = [("", from_name), *KIND_CHOICES]
