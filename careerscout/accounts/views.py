from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, update_session_auth_hash
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from careerscout.lib.models import get_owned

from .forms import (
    AccountCreationForm,
    InvitationForm,
    InvitedAccountForm,
    NewPasswordForm,
    ProfileForm,
    SignupForm,
    TokenForm,
)
from .invitations import invite
from .models import ApiToken, Invitation, InvitationError, invitable_roles

User = get_user_model()


@login_not_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """The very first visit: create the account that administers this installation."""
    if User.objects.exists():
        return redirect("login")
    form = AccountCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save(commit=False)
            user.is_staff = user.is_superuser = True
            user.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome to Career Scout! Your account is ready.")
        return redirect("home")
    status = 422 if form.errors else 200
    return render(request, "accounts/setup.html", {"form": form}, status=status)


@login_not_required
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if not (settings.SIGNUP_OPEN or settings.SIGNUP_DOMAINS):
        raise Http404("Sign-up is closed on this installation.")
    if not User.objects.exists():
        return redirect("setup")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _welcome(request, form.save())
    status = 422 if form.errors else 200
    return render(request, "accounts/signup.html", {"form": form}, status=status)


def _welcome(request: HttpRequest, user) -> HttpResponse:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, "Welcome to Career Scout! Your account is ready.")
    return redirect("home")


@login_not_required
@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The invitation link: create the account with the role (and cohort) it was sent for."""
    try:
        invitation = Invitation.find(token)
    except InvitationError as error:
        return render(request, "accounts/invitation_invalid.html", {"reason": error}, status=404)
    if request.user.is_authenticated:
        return _join_with_account(request, invitation)
    form = InvitedAccountForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = form.save(commit=False)
                invitation.accept(user)
        except InvitationError as error:
            context = {"reason": error}
            return render(request, "accounts/invitation_invalid.html", context, status=404)
        return _welcome(request, user)
    context = {"form": form, "invitation": invitation}
    status = 422 if form.errors else 200
    return render(request, "accounts/invitation_accept.html", context, status=status)


def _join_with_account(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """Someone who has an account already takes the invitation with it, not a second one."""
    user = request.user
    context = {"invitation": invitation, "matches": invitation.is_for(user)}
    if request.method != "POST" or not context["matches"]:
        return render(request, "accounts/invitation_join.html", context)
    try:
        with transaction.atomic():
            invitation.accept(user, existing=True)
    except InvitationError as error:
        return render(request, "accounts/invitation_invalid.html", {"reason": error}, status=404)
    if invitation.role == "explorer":
        messages.success(
            request, f"You now work with {invitation.user}. Choose here what they may see."
        )
        return redirect("sharing")
    messages.success(request, f"Your account now has the {invitation.get_role_display()} role too.")
    return redirect("home")


@require_http_methods(["GET", "POST"])
def invitations(request: HttpRequest) -> HttpResponse:
    """Administrators invite advisers and volunteers; advisers invite their students."""
    if not invitable_roles(request.user):
        raise Http404("Only administrators and advisers invite people.")
    form = InvitationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = invite(
                request.user,
                data["email"],
                data["role"],
                lambda token: request.build_absolute_uri(
                    reverse("accept_invitation", args=[token])
                ),
                cohort=data.get("cohort"),
            )
        except InvitationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("invitations")
    context = {
        "form": form,
        "invitations": Invitation.objects.for_user(request.user).select_related("cohort"),
    }
    return render(request, "accounts/invitations.html", context, status=422 if form.errors else 200)


def _settings_page(
    request,
    *,
    profile_form=None,
    token_form=None,
    new_token=None,
    status=200,
):
    context = {
        "profile_form": profile_form or ProfileForm(instance=request.user),
        "token_form": token_form or TokenForm(),
        "tokens": ApiToken.objects.for_user(request.user),
        "new_token": new_token,
    }
    return render(request, "accounts/settings.html", context, status=status)


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _settings_page(request)
    form = ProfileForm(request.POST, instance=request.user)
    if not form.is_valid():
        return _settings_page(request, profile_form=form, status=422)
    form.save()
    messages.success(request, "Your profile is saved.")
    return redirect("settings")


@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _settings_page(request, token_form=form, status=422)
    token, plain = ApiToken.issue(request.user, form.cleaned_data["name"])
    return _settings_page(request, new_token={"token": token, "plain": plain})


@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_owned(ApiToken, request.user, token_id)
    token.delete()
    messages.success(request, f"The token “{token.name}” no longer works.")
    return redirect("settings")


@require_http_methods(["GET", "POST"])
def change_password(request: HttpRequest) -> HttpResponse:
    form = NewPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        messages.success(request, "Your password is changed.")
        return redirect("settings")
    status = 422 if form.errors else 200
    return render(request, "accounts/password_change.html", {"form": form}, status=status)


@require_POST
def calendar_feed_renew(request: HttpRequest) -> HttpResponse:
    request.user.renew_calendar_token()
    messages.success(request, "Your calendar address is ready. Any older address stops working.")
    return redirect("settings")


@require_POST
def calendar_feed_revoke(request: HttpRequest) -> HttpResponse:
    request.user.revoke_calendar_token()
    messages.success(request, "The calendar address no longer works.")
    return redirect("settings")
