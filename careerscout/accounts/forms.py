from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import PasswordChangeForm, UserCreationForm
from django.core.exceptions import ValidationError

from careerscout.lib.business_days import country_choices
from careerscout.lib.time_zones import TimeZoneField

from .models import WEEKDAY_NAMES, ApiToken, Cohort, Invitation, Role, invitable_roles

User = get_user_model()


def plain_password_errors(error: ValidationError, password: str) -> list[str]:
    """Each broken password rule named, with what about this password breaks it."""
    messages = []
    for item in error.error_list:
        params = item.params or {}
        match item.code:
            case "password_too_short":
                messages.append(
                    f"At least {params['min_length']} characters: this one has {len(password)}."
                )
            case "password_too_common":
                messages.append("Not a common password: this one is on a list of often-used ones.")
            case "password_entirely_numeric":
                messages.append("Not only digits: add a letter or another character.")
            case "password_too_similar":
                messages.append(
                    f"Not like your {params['verbose_name']}: this one resembles it too closely."
                )
            case _:
                messages.extend(item.messages)
    return messages


class PlainPasswordRules:
    """Password rules checked on the new password's own field (where they are listed), not on
    the confirmation, and each broken one named."""

    new_password_field = "password1"
    error_messages = {"password_mismatch": "The two passwords are not the same."}

    def validate_password_for_user(self, user, password_field_name=None):
        password = self.cleaned_data.get(self.new_password_field)
        if not password:
            return
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            for message in plain_password_errors(error, password):
                self.add_error(self.new_password_field, message)


class AccountCreationForm(PlainPasswordRules, UserCreationForm):
    name = forms.CharField(label="Your name", max_length=150, required=False)
    email = forms.EmailField(label="E-mail", required=False)
    time_zone = TimeZoneField(
        label="Your time zone",
        initial="UTC",
        help_text="Filled in from this browser; change it if it is not where you live.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # static/js/zones.js puts the browser's zone here, unless one was chosen already.
        self.fields["time_zone"].widget.attrs["data-browser-zone"] = ""

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "name", "email", "time_zone"]


class NewPasswordForm(PlainPasswordRules, PasswordChangeForm):
    new_password_field = "new_password1"
    error_messages = {
        **PasswordChangeForm.error_messages,
        **PlainPasswordRules.error_messages,
    }


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


# The roles' own labels ("adviser") fit inside sentences; a menu needs to say what each one does.
INVITATION_ROLE_LABELS = {
    Role.EXPLORER: "A student, to explore careers",
    Role.ADVISER: "An adviser, who sees what students share with them",
    Role.VOLUNTEER: "A volunteer, who offers conversations in the alumni directory",
}


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Their e-mail address")
    role = forms.ChoiceField(label="Invite them as")
    cohort = forms.ModelChoiceField(
        label="Cohort", queryset=Cohort.objects.none(), required=False, empty_label="None"
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [
            (role.value, INVITATION_ROLE_LABELS[role]) for role in invitable_roles(user)
        ]
        self.fields["cohort"].queryset = Cohort.objects.for_user(user)
        if not self.fields["cohort"].queryset.exists():
            del self.fields["cohort"]


class ProfileForm(forms.ModelForm):
    time_zone = TimeZoneField(label="Your time zone")
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
        self.fields["time_zone"].keep(self.instance.time_zone)

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
