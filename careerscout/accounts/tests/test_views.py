from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings

from careerscout.accounts.models import ApiToken
from careerscout.tests.factories import PASSWORD, make_user

User = get_user_model()
NEW_ACCOUNT = {
    "username": "alice",
    "name": "Alice",
    "email": "alice@example.org",
    "time_zone": "Europe/Paris",
    "password1": "a-long-enough-password",
    "password2": "a-long-enough-password",
}


class FirstVisitTests(TestCase):
    def test_an_empty_installation_sends_the_first_visitor_to_create_an_account(self):
        response = self.client.get("/")
        assert response.status_code == 302
        assert response["Location"] == "/welcome/"

    def test_the_first_account_administers_the_installation_and_is_logged_in(self):
        response = self.client.post("/welcome/", NEW_ACCOUNT)
        assert response.status_code == 302
        alice = User.objects.get(username="alice")
        assert alice.is_superuser and alice.is_staff
        assert alice.time_zone == "Europe/Paris"
        assert self.client.get("/").status_code == 200

    def test_the_setup_page_closes_once_an_account_exists(self):
        make_user("alice")
        response = self.client.post("/welcome/", {**NEW_ACCOUNT, "username": "mallory"})
        assert response.status_code == 302
        assert response["Location"] == "/login/"
        assert not User.objects.filter(username="mallory").exists()

    def test_setup_explains_what_is_wrong_with_a_weak_password(self):
        response = self.client.post(
            "/welcome/", {**NEW_ACCOUNT, "password1": "short", "password2": "short"}
        )
        assert response.status_code == 422
        assert "At least 10 characters: this one has 5." in response.content.decode()
        assert not User.objects.exists()

    def test_setup_rejects_other_methods(self):
        assert self.client.put("/welcome/").status_code == 405


class SignupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_user("alice")

    def test_signup_is_closed_by_default(self):
        assert self.client.get("/signup/").status_code == 404
        assert self.client.post("/signup/", {**NEW_ACCOUNT, "username": "bob"}).status_code == 404

    @override_settings(SIGNUP_OPEN=True)
    def test_signup_creates_an_ordinary_account_when_open(self):
        response = self.client.post("/signup/", {**NEW_ACCOUNT, "username": "bob"})
        assert response.status_code == 302
        bob = User.objects.get(username="bob")
        assert not bob.is_staff


class LoginTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def test_the_login_page_says_how_to_get_an_account_or_a_new_password(self):
        html = self.client.get("/login/").content.decode()
        assert "No account yet? Ask whoever runs Career Scout here" in html
        assert "Forgot your password? They can set a new one for you." in html

    def test_logging_in_and_out(self):
        response = self.client.post("/login/", {"username": "alice", "password": PASSWORD})
        assert response.status_code == 302
        assert self.client.get("/people/").status_code == 200
        assert self.client.post("/logout/").status_code == 302
        assert self.client.get("/people/").status_code == 302

    def test_logout_needs_a_post(self):
        self.client.force_login(self.alice)
        assert self.client.get("/logout/").status_code == 405

    def log_in(self, password, address, username="alice", url="/login/", **headers):
        return self.client.post(
            url, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
        )

    def test_five_failures_pause_that_username_from_that_address(self):
        for _ in range(4):
            response = self.log_in("wrong", "203.0.113.9")
            assert "correct username and password" in response.content.decode()
        assert self.log_in("wrong", "203.0.113.9").status_code == 429  # the fifth
        response = self.log_in(PASSWORD, "203.0.113.9")
        assert response.status_code == 429
        assert "Too many unsuccessful attempts" in response.content.decode()
        assert "15 minutes" in response.content.decode()
        assert "_auth_user_id" not in self.client.session

    def test_the_real_person_still_logs_in_from_elsewhere_after_someone_elses_failures(self):
        for _ in range(8):
            self.log_in("wrong", "203.0.113.9")
        response = self.log_in(PASSWORD, "198.51.100.7")
        assert response.status_code == 302
        assert self.client.session["_auth_user_id"] == str(self.alice.pk)

    def test_an_address_gets_a_much_larger_budget_across_usernames(self):
        make_user("bob")
        limit = settings.LOGIN_ADDRESS_FAILURE_LIMIT
        assert limit >= 10 * settings.AXES_FAILURE_LIMIT
        for number in range(limit - 1):
            self.log_in("wrong", "192.0.2.50", username=f"guess{number}")
        assert self.log_in(PASSWORD, "192.0.2.50", username="bob").status_code == 302
        self.client.logout()
        self.log_in("wrong", "192.0.2.50", username="one-more")
        assert self.log_in(PASSWORD, "192.0.2.50", username="bob").status_code == 429
        assert self.log_in(PASSWORD, "192.0.2.51", username="bob").status_code == 302

    def test_the_admin_login_is_throttled_too(self):
        self.alice.is_staff = self.alice.is_superuser = True
        self.alice.save()
        for _ in range(30):
            self.log_in("wrong", "203.0.113.9", url="/admin/login/")
        response = self.log_in(PASSWORD, "203.0.113.9", url="/admin/login/")
        assert response.status_code == 429
        assert "_auth_user_id" not in self.client.session

    def test_a_successful_login_forgets_earlier_failures(self):
        for _ in range(4):
            self.log_in("wrong", "203.0.113.9")
        assert self.log_in(PASSWORD, "203.0.113.9").status_code == 302
        self.client.logout()
        for _ in range(4):
            self.log_in("wrong", "203.0.113.9")
        assert self.log_in(PASSWORD, "203.0.113.9").status_code == 302

    def test_a_forwarded_address_is_ignored_unless_a_proxy_is_trusted(self):
        for number in range(5):
            self.log_in("wrong", "127.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
        # Without a trusted proxy the header is the client's to invent: the pause holds.
        forged = self.log_in(PASSWORD, "127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
        assert forged.status_code == 429

    @override_settings(CAREERSCOUT_TRUSTED_PROXIES=1)
    def test_behind_a_trusted_proxy_the_forwarded_address_is_the_clients(self):
        for _ in range(5):
            self.log_in("wrong", "127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
        blocked = self.log_in(PASSWORD, "127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
        assert blocked.status_code == 429
        allowed = self.log_in(PASSWORD, "127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
        assert allowed.status_code == 302

    def test_changing_the_password_keeps_the_person_logged_in(self):
        self.client.force_login(self.alice)
        response = self.client.post(
            "/settings/password/",
            {
                "old_password": PASSWORD,
                "new_password1": "another-long-password",
                "new_password2": "another-long-password",
            },
        )
        assert response.status_code == 302
        self.alice.refresh_from_db()
        assert self.alice.check_password("another-long-password")
        assert self.client.get("/settings/").status_code == 200


class SettingsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def setUp(self):
        self.client.force_login(self.alice)

    def test_profile_saves_name_time_zone_and_working_days(self):
        response = self.client.post(
            "/settings/",
            {
                "name": "Alice Martin",
                "email": "",
                "time_zone": "America/New_York",
                "working_days": ["1", "2", "3", "4"],
                "country": "US",
                "digest_time": "07:30",
            },
        )
        assert response.status_code == 302
        self.alice.refresh_from_db()
        assert self.alice.name == "Alice Martin"
        assert self.alice.time_zone == "America/New_York"
        assert self.alice.working_weekdays == {1, 2, 3, 4}
        assert self.alice.country == "US"
        assert str(self.alice.digest_time) == "07:30:00"

    def test_the_daily_email_needs_an_address(self):
        response = self.client.post(
            "/settings/",
            {
                "name": "A",
                "email": "",
                "time_zone": "UTC",
                "working_days": ["1"],
                "digest_enabled": "on",
                "digest_time": "08:00",
            },
        )
        assert response.status_code == 422
        assert "The daily e-mail needs your e-mail address." in response.content.decode()

    def test_profile_names_the_field_that_is_wrong(self):
        response = self.client.post(
            "/settings/",
            {
                "name": "A",
                "time_zone": "Mars/Olympus",
                "working_days": ["1"],
                "digest_time": "08:00",
            },
        )
        assert response.status_code == 422
        assert "Mars/Olympus is not one of the available choices" in response.content.decode()

    def test_a_new_token_is_shown_once_and_stored_only_as_a_hash(self):
        response = self.client.post("/settings/tokens/", {"name": "notes script"})
        html = response.content.decode()
        token = ApiToken.objects.get(user=self.alice)
        plain = html.split('value="cs_')[1].split('"')[0]
        assert ApiToken.user_for("cs_" + plain) == self.alice
        assert plain not in token.key_hash
        assert "cs_" + plain not in self.client.get("/settings/").content.decode()

    def test_a_revoked_token_stops_working(self):
        token, plain = ApiToken.issue(self.alice, "old")
        response = self.client.post(f"/settings/tokens/{token.pk}/revoke/")
        assert response.status_code == 302
        assert ApiToken.user_for(plain) is None

    def test_revoking_needs_a_post(self):
        token, _plain = ApiToken.issue(self.alice, "old")
        assert self.client.get(f"/settings/tokens/{token.pk}/revoke/").status_code == 405

    def test_times_are_shown_in_the_persons_time_zone(self):
        self.alice.time_zone = "Asia/Kolkata"
        self.alice.save()
        from careerscout.tests.factories import make_contact

        contact = make_contact(self.alice, "Maya")
        html = self.client.get(contact.get_absolute_url()).content.decode()
        assert "+05:30" in html
