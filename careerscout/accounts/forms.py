from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm

from careerscout.lib.business_days import country_choices
from careerscout.lib.time_zones import time_zone_choices

from .models import WEEKDAY_NAMES, ApiToken, Cohort, Invitation, invitable_roles

User = get_user_model()


class AccountCreationForm(UserCreationForm):
    name = forms.CharField(label="Your name", max_length=150, required=False)
    email = forms.EmailField(label="E-mail", required=False)
    time_zone = forms.ChoiceField(label="Your time zone", choices=time_zone_choices, initial="UTC")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "name", "email", "time_zone"]


def signup_domain_allowed(email: str) -> bool:
    domain = email.rpartition("@")[2].lower()
    return not settings.SIGNUP_DOMAINS or domain in settings.SIGNUP_DOMAINS


class SignupForm(AccountCreationForm):
    """Open sign-up; with CAREERSCOUT_SIGNUP_DOMAINS set, only for addresses at those domains."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if settings.SIGNUP_DOMAINS:
            self.fields["email"].required = True
            self.fields["email"].help_text = "An address at " + " or ".join(settings.SIGNUP_DOMAINS)

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email and not signup_domain_allowed(email):
            raise forms.ValidationError(
                "Sign-up here is for addresses at "
                + " or ".join(settings.SIGNUP_DOMAINS)
                + "; ask your career centre for an invitation."
            )
        return email


class InvitedAccountForm(AccountCreationForm):
    """Creating the account an invitation was sent for: its e-mail address is fixed."""

    def __init__(self, *args, invitation: Invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].disabled = True
        self.fields["email"].required = True
        self.initial["email"] = invitation.email


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Their e-mail address")
    role = forms.ChoiceField(label="Invite them as")
    cohort = forms.ModelChoiceField(
        label="Cohort", queryset=Cohort.objects.none(), required=False, empty_label="None"
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in invitable_roles(user)]
        self.fields["cohort"].queryset = Cohort.objects.for_user(user)
        if not self.fields["cohort"].queryset.exists():
            del self.fields["cohort"]


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label="Your time zone", choices=time_zone_choices)
    working_days = forms.MultipleChoiceField(
        label="Working days",
        choices=[(str(number), name) for number, name in enumerate(WEEKDAY_NAMES, start=1)],
        widget=forms.CheckboxSelectMultiple,
        help_text="Follow-up reminders count only these days.",
    )

    country = forms.ChoiceField(
        label="Country for public holidays",
        required=False,
        choices=lambda: [("", "None: count only working days"), *country_choices()],
        help_text="Public holidays there do not count as business days.",
    )

    class Meta:
        model = User
        fields = [
            "name",
            "email",
            "time_zone",
            "working_days",
            "country",
            "digest_enabled",
            "digest_time",
        ]
        widgets = {"digest_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}
        labels = {"email": "E-mail"}
        help_texts = {"digest_time": "In your time zone. It needs your e-mail address above."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["working_days"] = list(self.instance.working_days)

    def clean_working_days(self):
        return "".join(sorted(self.cleaned_data["working_days"]))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("digest_enabled") and not cleaned.get("email"):
            self.add_error("email", "The daily e-mail needs your e-mail address.")
        return cleaned


class TokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name"]
        labels = {"name": "What is this token for?"}
        help_texts = {"name": "For example: “my notes script”."}
