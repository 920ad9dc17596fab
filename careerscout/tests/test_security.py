import json
import re
import subprocess
import sys

from django.conf import settings
from django.test import TestCase

from careerscout.lib.markdown import render_markdown
from careerscout.tests.factories import make_contact, make_user


def test_markdown_neutralises_scripts_and_javascript_links():
    html = render_markdown(
        "Hello <script>alert('x')</script>\n\n[click](javascript:alert(1)) "
        '<a href="javascript:alert(2)">raw</a> <img src=x onerror=alert(3)>'
    )
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onerror" not in html
    assert "Hello" in html


def test_markdown_keeps_ordinary_formatting_and_safe_links():
    html = render_markdown("**Bold** and [a site](https://example.org)\n\n* one\n* two")
    assert "<strong>Bold</strong>" in html
    assert 'href="https://example.org"' in html
    assert "<li>one</li>" in html


def test_passwords_are_hashed_with_argon2():
    from careerscout import settings as project_settings

    assert (
        project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    )


class PageSecurityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def test_pages_carry_a_strict_content_security_policy(self):
        self.client.force_login(self.alice)
        policy = self.client.get("/people/")["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "style-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy

    def test_pages_have_no_inline_scripts_or_styles(self):
        self.client.force_login(self.alice)
        make_contact(self.alice, "Ana", notes="<script>alert(1)</script>")
        for url in ["/", "/people/", "/people/new/", "/settings/"]:
            html = self.client.get(url).content.decode()
            assert "<script>" not in html, url
            assert "<style" not in html, url
            assert " style=" not in html, url
            assert "onclick" not in html, url

    def test_a_note_with_a_script_is_shown_harmlessly_on_the_persons_page(self):
        contact = make_contact(
            self.alice, "Ana", notes="<script>alert(1)</script> [x](javascript:alert(1))"
        )
        self.client.force_login(self.alice)
        html = self.client.get(contact.get_absolute_url()).content.decode()
        assert "alert(1)</script>" not in html
        assert "javascript:alert" not in html

    def test_forms_require_a_csrf_token(self):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        response = client.post("/people/new/", {"name": "Ana"})
        assert response.status_code == 403


def test_production_mode_passes_the_deployment_checklist(tmp_path):
    env = {
        "CAREERSCOUT_PRODUCTION": "1",
        "CAREERSCOUT_DATA": str(tmp_path),
        "ALLOWED_HOSTS": "careers.example.org",
        "SECRET_KEY": "k" * 20 + "Xq7!pL9@zR2#vB5$nM8%wT4^yH6&jC3*fD1",
        "EMAIL_URL": "smtp://mailer:secret@smtp.example.org:587?tls=1",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_secret_key_is_created_once_and_readable_only_by_its_owner(tmp_path):
    from careerscout.settings import secret_key_from

    first = secret_key_from(tmp_path)
    assert len(first) >= 50
    assert secret_key_from(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


SANITISER = "careerscout/lib/markdown.py"  # the one place allowed to mark HTML safe (after nh3)


def project_files(*suffixes: str):
    root = settings.BASE_DIR
    for folder in ("careerscout", "templates"):
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root).as_posix()
            if path.suffix in suffixes and "/tests/" not in relative:
                yield relative, path.read_text()


def test_no_code_or_template_marks_text_as_safe_html():
    """User text reaches pages only through autoescaping, format_html or the nh3 sanitiser."""
    found = []
    for relative, text in project_files(".py", ".html"):
        for marker in ("|safe", "mark_safe(", "safeseq", "{% autoescape off", "SafeString("):
            if marker in text and relative != SANITISER:
                found.append(f"{relative}: {marker}")
    assert not found, found


def test_rendered_markdown_sits_in_a_container_where_htmx_is_disabled():
    """A second wall: htmx attributes that ever slipped through nh3 could not send a request."""
    printed = 0
    for relative, text in project_files(".html"):
        for match in re.finditer(r"{{\s*[\w.]+_html\s*}}", text):
            opening = text[: match.start()].rsplit("<", 1)[-1]
            assert "hx-disable" in opening, f"{relative}: {match.group()} needs hx-disable"
            printed += 1
    assert printed >= 3


class RequestSizeTests(TestCase):
    """Bodies over DATA_UPLOAD_MAX_MEMORY_SIZE: a 413 that says so, never a bare 400."""

    @classmethod
    def setUpTestData(cls):
        from careerscout.accounts.models import ApiToken
        from careerscout.conversations.models import Conversation

        cls.alice = make_user("alice")
        _token, cls.token = ApiToken.issue(cls.alice, "script")
        cls.conversation = Conversation.plan(make_contact(cls.alice, "Maya"), [])

    def test_the_api_answers_413_in_its_detail_shape_naming_the_limit(self):
        body = json.dumps({"name": "Ana", "notes": "x" * (3 * 1024 * 1024)})
        response = self.client.post(
            "/api/contacts",
            body,
            content_type="application/json",
            headers={"authorization": f"Bearer {self.token}"},
        )
        assert response.status_code == 413
        assert set(response.json()) == {"detail"}
        assert "2.5 MB" in response.json()["detail"]

    def test_a_form_over_the_limit_gets_a_friendly_page(self):
        self.client.force_login(self.alice)
        response = self.client.post("/people/new/", {"name": "Ana", "notes": "x" * 3_000_000})
        assert response.status_code == 413
        html = response.content.decode()
        assert "2.5 MB" in html and "nothing was saved" in html

    def test_live_notes_over_the_limit_answer_413_and_the_page_knows_the_limit(self):
        self.client.force_login(self.alice)
        url = f"/conversations/{self.conversation.pk}/live/"
        page = self.client.get(url).content.decode()
        assert f'data-max-bytes="{settings.DATA_UPLOAD_MAX_MEMORY_SIZE}"' in page
        save = re.search(r'data-save-url="([^"]+)"', page)[1]
        body = json.dumps({"field": "free", "text": "x" * 3_000_000, "version": 0})
        response = self.client.post(save, body, content_type="application/json")
        assert response.status_code == 413
        assert "2.5 MB" in response.json()["detail"]
