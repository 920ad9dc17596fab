"""Invitations and domain sign-up: how people from a career centre get their accounts."""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase, override_settings
from django.utils import timezone

from careerscout.accounts.models import Cohort, Invitation, InvitationError, Role
from careerscout.tests.factories import make_user

User = get_user_model()
PASSWORDS = {"password1": "a-long-enough-password", "password2": "a-long-enough-password"}


def account(username: str, **fields) -> dict:
    return {"username": username, "name": username.title(), "time_zone": "UTC", **PASSWORDS,
            **fields}  # fmt: skip


class InvitingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_user("root", is_superuser=True, is_staff=True)
        cls.adviser = make_user("ada", is_adviser=True, email="ada@example.edu")
        cls.student = make_user("sam")
        cls.cohort = Cohort.objects.create(user=cls.adviser, name="MSc 2026")

    def link_in_last_mail(self) -> str:
        return re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[-1].body).group(1)

    def test_the_role_menu_says_what_each_role_does(self):
        self.client.force_login(self.admin)
        html = self.client.get("/settings/invitations/").content.decode()
        assert '<option value="explorer">A student, to explore careers</option>' in html
        assert "An adviser, who sees what students share with them" in html
        assert "A volunteer, who offers conversations in the alumni directory" in html

    def test_an_administrator_invites_an_adviser_who_signs_up_with_that_role(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            "/settings/invitations/", {"email": "ben@example.edu", "role": "adviser"}
        )
        assert response.status_code == 302
        assert mail.outbox[-1].to == ["ben@example.edu"]
        link = self.link_in_last_mail()
        self.client.logout()
        page = self.client.get(link)
        assert page.status_code == 200 and "ben@example.edu" in page.content.decode()
        assert self.client.post(link, account("ben")).status_code == 302
        ben = User.objects.get(username="ben")
        assert ben.roles == {Role.ADVISER}
        assert ben.email == "ben@example.edu"

    def test_an_adviser_invites_a_student_into_a_cohort(self):
        self.client.force_login(self.adviser)
        self.client.post(
            "/settings/invitations/",
            {"email": "kim@example.edu", "role": "explorer", "cohort": self.cohort.pk},
        )
        link = self.link_in_last_mail()
        self.client.logout()
        self.client.post(link, account("kim", email="someone-else@example.com"))
        kim = User.objects.get(username="kim")
        assert kim.roles == {Role.EXPLORER}
        assert kim.email == "kim@example.edu", "the invited address cannot be swapped"
        assert list(kim.cohorts.all()) == [self.cohort]

    def test_the_e_mail_and_the_page_name_the_cohort_the_same_plain_way(self):
        self.client.force_login(self.adviser)
        self.client.post(
            "/settings/invitations/",
            {"email": "kim@example.edu", "role": "explorer", "cohort": self.cohort.pk},
        )
        assert "in the group “MSc 2026”." in mail.outbox[-1].body
        link = self.link_in_last_mail()
        self.client.logout()
        page = self.client.get(link).content.decode()
        assert "to explore careers with Career Scout, in “MSc 2026”.</p>" in page

    def test_an_adviser_cannot_invite_advisers_and_a_student_cannot_invite_at_all(self):
        self.client.force_login(self.adviser)
        response = self.client.post(
            "/settings/invitations/", {"email": "x@example.edu", "role": "adviser"}
        )
        assert response.status_code == 422
        with self.assertRaises(InvitationError):
            Invitation.issue(self.adviser, "x@example.edu", Role.VOLUNTEER)
        self.client.force_login(self.student)
        assert self.client.get("/settings/invitations/").status_code == 404
        assert not Invitation.objects.exists()

    def test_an_adviser_cannot_put_a_student_in_someone_elses_cohort(self):
        other = Cohort.objects.create(user=make_user("zed", is_adviser=True), name="Law")
        with self.assertRaises(InvitationError):
            Invitation.issue(self.adviser, "x@example.edu", Role.EXPLORER, other)

    def test_a_link_works_once(self):
        _invitation, plain = Invitation.issue(self.adviser, "kim@example.edu", Role.EXPLORER)
        assert self.client.post(f"/invitations/{plain}/", account("kim")).status_code == 302
        self.client.logout()
        second = self.client.post(f"/invitations/{plain}/", account("kim2"))
        assert second.status_code == 404
        assert "already been used" in second.content.decode()
        assert not User.objects.filter(username="kim2").exists()

    def test_an_expired_or_unknown_link_says_so_and_creates_nothing(self):
        invitation, plain = Invitation.issue(self.adviser, "kim@example.edu", Role.EXPLORER)
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
        invitation.save()
        response = self.client.post(f"/invitations/{plain}/", account("kim"))
        assert response.status_code == 404 and "expired" in response.content.decode()
        assert self.client.get("/invitations/made-up/").status_code == 404
        assert not User.objects.filter(username="kim").exists()

    def test_only_the_tokens_hash_is_stored(self):
        invitation, plain = Invitation.issue(self.adviser, "kim@example.edu", Role.EXPLORER)
        assert plain not in invitation.key_hash

    def test_accepting_keeps_the_usual_password_checks(self):
        _invitation, plain = Invitation.issue(self.adviser, "kim@example.edu", Role.EXPLORER)
        response = self.client.post(
            f"/invitations/{plain}/", account("kim", password1="short", password2="short")
        )
        assert response.status_code == 422
        assert "At least 10 characters" in response.content.decode()
        assert Invitation.objects.get().accepted_at is None


@override_settings(SIGNUP_OPEN=False, SIGNUP_DOMAINS=["example.edu", "alumni.example.edu"])
class DomainSignupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_user("root")

    def test_an_address_at_a_listed_domain_signs_up_as_an_explorer(self):
        response = self.client.post("/signup/", account("kim", email="kim@Alumni.Example.edu"))
        assert response.status_code == 302
        assert User.objects.get(username="kim").roles == {Role.EXPLORER}

    def test_other_domains_and_no_address_are_refused_with_the_reason(self):
        for email in ["kim@example.com", "kim@evil-example.edu", ""]:
            response = self.client.post("/signup/", account("kim", email=email))
            assert response.status_code == 422, email
            assert not User.objects.filter(username="kim").exists(), email
        assert "example.edu or alumni.example.edu" in response.content.decode()

    def test_the_usual_validations_still_apply(self):
        response = self.client.post("/signup/", account("root", email="root@example.edu"))
        assert "already exists" in response.content.decode()


@override_settings(SIGNUP_OPEN=False, SIGNUP_DOMAINS=[])
class UnsetDomainsTests(TestCase):
    def test_without_domains_sign_up_stays_as_configured(self):
        make_user("root")
        assert self.client.get("/signup/").status_code == 404


class JoiningWithAnAccountTests(TestCase):
    """Someone who already has an account takes an invitation with it instead of a second one."""

    @classmethod
    def setUpTestData(cls):
        cls.adviser = make_user("ada", is_adviser=True, email="ada@example.edu")
        cls.cohort = Cohort.objects.create(user=cls.adviser, name="MSc 2026")
        cls.sam = make_user("sam", email="Sam@Example.edu")

    def invite(self, email: str, role: str = "explorer", cohort=None) -> str:
        inviter = self.adviser if role == "explorer" else make_user("root", is_superuser=True)
        _, plain = Invitation.issue(inviter, email, role, cohort)
        return f"/invitations/{plain}/"

    def test_a_student_joins_the_cohort_and_chooses_what_to_share(self):
        link = self.invite("sam@example.edu", cohort=self.cohort)
        self.client.force_login(self.sam)
        page = self.client.get(link).content.decode()
        assert "Join with my account (sam)" in page
        assert "Create your account" not in page
        response = self.client.post(link, follow=True)
        assert response.redirect_chain[-1][0] == "/settings/sharing/"
        assert "You now work with Ada. Choose here what they may see." in (
            response.content.decode()
        )
        assert User.objects.filter(email__iexact="sam@example.edu").count() == 1
        assert list(self.cohort.members.all()) == [self.sam]
        assert Invitation.objects.get().accepted_by == self.sam
        assert self.client.get(link).status_code == 404, "the link works once"

    def test_a_volunteer_invitation_adds_the_role_and_keeps_exploring(self):
        link = self.invite("sam@example.edu", role="volunteer")
        self.client.force_login(self.sam)
        self.client.post(link)
        self.sam.refresh_from_db()
        assert self.sam.roles == {Role.EXPLORER, Role.VOLUNTEER}

    def test_an_invitation_for_another_address_is_not_taken_by_whoever_is_logged_in(self):
        link = self.invite("kim@example.edu", role="adviser")
        self.client.force_login(self.sam)
        page = self.client.get(link).content.decode()
        assert "this invitation was sent to kim@example.edu" in page
        assert "Join with my account" not in page
        self.client.post(link)
        self.sam.refresh_from_db()
        assert self.sam.roles == {Role.EXPLORER}
        assert Invitation.objects.get().accepted_at is None

    def test_the_sign_up_page_names_the_role_with_its_article(self):
        page = self.client.get(self.invite("kim@example.edu", role="adviser")).content.decode()
        assert "Root invited you as an adviser." in page
