"""Sending through a real SMTP server (aiosmtpd, started here) when EMAIL_URL is set."""

import email
import socket
from datetime import UTC, datetime
from email import policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from django.test import override_settings

from careerscout.conversations.models import Conversation
from careerscout.lib.email_url import mailer_from_url
from careerscout.outreach.models import Message
from careerscout.tests.factories import make_contact, make_user

LOGIN = ("alice-mail", "right-password")
# A server on this machine only, for the test: logging in without TLS is fine here.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
BODY = "Hi Maya,\n\nSee you on Tuesday.\n\nAlice"


class Inbox:
    """The server's side: every message it accepted, as parsed e-mail."""

    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append(
            (envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 OK"


def check_login(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword):
        given = (auth_data.login.decode(), auth_data.password.decode())
        # handled=False: the server answers 235 or 535 itself.
        return AuthResult(success=given == LOGIN, handled=False)
    return AuthResult(success=False, handled=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=check_login,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    yield inbox, controller.port
    controller.stop()


def sending_through(url: str):
    return override_settings(EMAIL_CONFIGURED=True, MAILERS={"default": mailer_from_url(url)})


@pytest.fixture
def alice(db):
    return make_user("alice", email="alice@example.org", name="Alice Martin")


@pytest.fixture
def scheduled(alice):
    maya = make_contact(alice, "Maya Chen", emails=["maya@globex.example"])
    conversation = Conversation.plan(maya, [])
    conversation.schedule(datetime(2026, 12, 8, 14, tzinfo=UTC), time_zone="Europe/Berlin")
    return conversation


def send(client, conversation):
    return client.post(
        f"/outreach/draft/{conversation.pk}/confirm/",
        {"subject": "Tuesday's conversation", "body": BODY, "action": "send"},
        follow=True,
    )


def test_the_message_arrives_with_the_right_headers_and_the_invitation(
    client, alice, scheduled, smtp_server
):
    inbox, port = smtp_server
    client.force_login(alice)
    with sending_through(f"smtp://{LOGIN[0]}:{LOGIN[1]}@127.0.0.1:{port}"):
        response = send(client, scheduled)
    assert "Sent to maya@globex.example." in response.content.decode()
    [(recipients, message)] = inbox.received
    assert recipients == ["maya@globex.example"]
    assert message["From"] == "Alice Martin <alice@example.org>"
    assert message["To"] == "maya@globex.example"
    assert message["Reply-To"] == "alice@example.org"
    assert message["Subject"] == "Tuesday's conversation"
    text = message.get_body(("plain",)).get_content()
    assert text.replace("\r\n", "\n").strip() == BODY
    [invitation] = list(message.iter_attachments())
    assert invitation.get_filename() == "invitation.ics"
    assert invitation.get_content_type() == "text/calendar"
    calendar = invitation.get_content()
    assert "METHOD:REQUEST" in calendar and scheduled.invitation_uid in calendar
    assert "DTSTART" in calendar and "20261208T" in calendar
    [recorded] = Message.objects.all()
    assert (recorded.channel, recorded.kind) == ("email", "confirm")


def test_a_refused_login_says_so_and_records_nothing(client, alice, scheduled, smtp_server):
    inbox, port = smtp_server
    client.force_login(alice)
    with sending_through(f"smtp://{LOGIN[0]}:wrong@127.0.0.1:{port}"):
        response = send(client, scheduled)
    html = response.content.decode()
    assert response.status_code == 200
    assert "The e-mail was not sent: the mail server refused the login" in html
    assert "Nothing is recorded as sent" in html
    assert BODY.splitlines()[0] in html
    assert inbox.received == [] and not Message.objects.exists()


def test_an_unreachable_server_says_so_and_records_nothing(client, alice, scheduled):
    client.force_login(alice)
    with sending_through(f"smtp://{LOGIN[0]}:{LOGIN[1]}@127.0.0.1:{free_port()}"):
        response = send(client, scheduled)
    html = response.content.decode()
    assert "The e-mail was not sent: the mail server in EMAIL_URL could not be reached" in html
    assert not Message.objects.exists()
    scheduled.refresh_from_db()
    assert scheduled.status == Conversation.Status.SCHEDULED
