from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("welcome/", views.setup, name="setup"),
    path("signup/", views.signup, name="signup"),
    path("invitations/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("settings/invitations/", views.invitations, name="invitations"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("settings/password/", views.change_password, name="password_change"),
    path("settings/", views.profile, name="settings"),
    path("settings/tokens/", views.create_token, name="create_token"),
    path("settings/tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
    path("settings/calendar/renew/", views.calendar_feed_renew, name="calendar_feed_renew"),
    path("settings/calendar/revoke/", views.calendar_feed_revoke, name="calendar_feed_revoke"),
]
