import json
from datetime import datetime

from django.test import Client, TestCase

from careerscout.accounts.models import ApiToken
from careerscout.people.api import PAGE_SIZE
from careerscout.people.models import Contact, TimelineEntry
from careerscout.tests.factories import make_contact, make_user

CONTACT_FIELDS = {
    "id", "name", "emails", "phone", "linkedin_url", "organization", "title", "location",
    "time_zone", "source", "how_we_know", "tags", "notes", "created_at", "updated_at",
}  # fmt: skip


class ApiTestCase(TestCase):
    """Alice owns the data and calls with her token; Charlie must see none of it."""

    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.charlie = make_user("charlie")
        _token, cls.alice_token = ApiToken.issue(cls.alice, "tests")
        _token, cls.charlie_token = ApiToken.issue(cls.charlie, "tests")

    def call(self, method: str, url: str, data=None, token: str | None = "alice"):
        headers = {}
        if token:
            plain = {"alice": self.alice_token, "charlie": self.charlie_token}.get(token, token)
            headers["Authorization"] = f"Bearer {plain}"
        kwargs = {"headers": headers}
        if data is not None:
            kwargs |= {"data": data, "content_type": "application/json"}
        return getattr(self.client, method)(url, **kwargs)


class AuthenticationTests(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_contact(cls.alice, "Maya Chen")

    def test_a_bearer_token_reads_its_owners_contacts(self):
        response = self.call("get", "/api/contacts")
        assert response.status_code == 200
        assert [item["name"] for item in response.json()["items"]] == ["Maya Chen"]

    def test_a_missing_token_answers_401_with_a_json_detail(self):
        response = self.call("get", "/api/contacts", token=None)
        assert response.status_code == 401
        assert response["Content-Type"].startswith("application/json")
        assert "Bearer" in response.json()["detail"]
        assert response["WWW-Authenticate"].startswith("Bearer")

    def test_a_wrong_token_answers_401_with_a_json_detail(self):
        response = self.call("get", "/api/contacts", token="cs_not-a-real-token")
        assert response.status_code == 401
        assert set(response.json()) == {"detail"}

    def test_a_token_of_a_deactivated_account_answers_401(self):
        inactive = make_user("gone", is_active=False)
        _token, plain = ApiToken.issue(inactive, "old script")
        assert self.call("get", "/api/contacts", token=plain).status_code == 401

    def test_a_wrong_token_on_a_write_answers_401_not_a_csrf_error(self):
        self.client = Client(enforce_csrf_checks=True)
        response = self.call("post", "/api/contacts", {"name": "Ann"}, token="cs_wrong")
        assert response.status_code == 401
        assert not Contact.objects.filter(name="Ann").exists()

    def test_a_token_writes_without_a_csrf_token(self):
        self.client = Client(enforce_csrf_checks=True)
        response = self.call("post", "/api/contacts", {"name": "Ann"})
        assert response.status_code == 201

    def test_a_signed_in_session_works_without_a_token(self):
        self.client.force_login(self.alice)
        response = self.call("get", "/api/contacts", token=None)
        assert response.status_code == 200
        assert response.json()["count"] == 1

    def test_a_session_write_without_the_csrf_token_is_refused(self):
        self.client = Client(enforce_csrf_checks=True)
        self.client.force_login(self.alice)
        response = self.call("post", "/api/contacts", {"name": "Ann"}, token=None)
        assert response.status_code == 403
        assert "detail" in response.json()
        assert not Contact.objects.filter(name="Ann").exists()


class ContactListTests(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_contact(
            cls.alice, "José Núñez", title="UX Researcher", organization="Contoso",
            source="alumni", tags=["design", "berlin"], emails=["jose@contoso.example"],
            time_zone="Europe/Madrid",
        )  # fmt: skip
        make_contact(cls.alice, "Maya Chen", organization="Globex", source="linkedin")
        make_contact(cls.alice, "李小龙", organization="Acme", source="event", tags=["design"])
        make_contact(cls.charlie, "Charlie's Friend", organization="Contoso", tags=["design"])

    def names(self, query: str = "") -> list[str]:
        response = self.call("get", f"/api/contacts{query}")
        assert response.status_code == 200, response.content
        return [item["name"] for item in response.json()["items"]]

    def test_lists_only_the_owners_contacts_in_name_order(self):
        assert self.names() == ["José Núñez", "Maya Chen", "李小龙"]

    def test_each_contact_has_every_documented_field(self):
        body = self.call("get", "/api/contacts?q=jose").json()
        (jose,) = body["items"]
        assert set(jose) == CONTACT_FIELDS
        assert jose["emails"] == ["jose@contoso.example"]
        assert jose["tags"] == ["berlin", "design"]
        assert jose["source"] == "alumni"
        assert jose["time_zone"] == "Europe/Madrid"

    def test_timestamps_are_iso_8601_with_an_offset(self):
        (jose,) = self.call("get", "/api/contacts?q=jose").json()["items"]
        for field in ("created_at", "updated_at"):
            assert jose[field].endswith("+00:00")
            assert datetime.fromisoformat(jose[field]).utcoffset() is not None

    def test_search_ignores_accents_and_case(self):
        assert self.names("?q=jose") == ["José Núñez"]
        assert self.names("?q=NUNEZ") == ["José Núñez"]
        assert self.names("?q=Núñez+researcher") == ["José Núñez"]
        assert self.names("?q=小龙") == ["李小龙"]

    def test_search_never_finds_another_users_contacts(self):
        assert self.names("?q=contoso") == ["José Núñez"]
        assert self.names("?q=friend") == []

    def test_filters_by_tag_and_source(self):
        assert self.names("?tag=design") == ["José Núñez", "李小龙"]
        assert self.names("?source=linkedin") == ["Maya Chen"]
        assert self.names("?tag=design&source=event") == ["李小龙"]
        assert self.names("?tag=nobody-uses-this") == []

    def test_an_unknown_source_answers_422_naming_the_field(self):
        response = self.call("get", "/api/contacts?source=carrier-pigeon")
        assert response.status_code == 422
        assert response.json()["detail"].startswith("source: ")
        assert response.json()["errors"][0]["field"] == "source"

    def test_filters_by_career_only_within_the_owners_careers(self):
        from careerscout.careers.models import Career

        career = Career.objects.create(user=self.alice, title="UX research")
        career.contacts.add(*Contact.objects.filter(name="Maya Chen"))
        assert self.names(f"?career={career.pk}") == ["Maya Chen"]
        theirs = Career.objects.create(user=self.charlie, title="UX research")
        theirs.contacts.add(*Contact.objects.filter(user=self.charlie))
        assert self.names(f"?career={theirs.pk}") == []

    def test_an_empty_result_still_has_one_page(self):
        body = self.call("get", "/api/contacts?q=nobody").json()
        assert body == {"items": [], "count": 0, "page": 1, "pages": 1}


class ContactPaginationTests(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Contact.objects.bulk_create(
            Contact(user=cls.alice, name=f"Person {number:03}") for number in range(PAGE_SIZE + 5)
        )

    def test_the_first_page_holds_a_full_page_and_says_how_many_there_are(self):
        body = self.call("get", "/api/contacts").json()
        assert len(body["items"]) == PAGE_SIZE
        assert body["items"][0]["name"] == "Person 000"
        assert (body["count"], body["page"], body["pages"]) == (PAGE_SIZE + 5, 1, 2)

    def test_the_last_page_holds_the_rest(self):
        body = self.call("get", "/api/contacts?page=2").json()
        assert [item["name"] for item in body["items"]] == [
            f"Person {number:03}" for number in range(PAGE_SIZE, PAGE_SIZE + 5)
        ]
        assert body["page"] == 2

    def test_a_page_past_the_end_is_empty(self):
        body = self.call("get", "/api/contacts?page=9").json()
        assert body["items"] == []
        assert (body["count"], body["page"], body["pages"]) == (PAGE_SIZE + 5, 9, 2)

    def test_page_zero_answers_422_naming_page(self):
        response = self.call("get", "/api/contacts?page=0")
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "page"


class ContactListQueryCountTests(ApiTestCase):
    def test_the_number_of_queries_does_not_grow_with_contacts_or_tags(self):
        self.call("get", "/api/contacts")  # records the token's first use
        make_contact(self.alice, "Ann", tags=["a"])
        with self.assertNumQueries(4):  # token, count, contacts, their tags
            assert len(self.call("get", "/api/contacts").json()["items"]) == 1

        for number in range(5):
            make_contact(self.alice, f"Bob {number}", tags=["a", "b", f"c{number}"])
        with self.assertNumQueries(4):
            assert len(self.call("get", "/api/contacts").json()["items"]) == 6


class ContactCreateTests(ApiTestCase):
    def test_a_name_is_enough(self):
        response = self.call("post", "/api/contacts", {"name": "  Maya Chen "})
        assert response.status_code == 201
        body = response.json()
        assert set(body) == CONTACT_FIELDS
        assert body["name"] == "Maya Chen"
        assert body["emails"] == []
        assert body["tags"] == []
        assert body["source"] == "other"
        contact = Contact.objects.get(pk=body["id"])
        assert contact.user == self.alice

    def test_creating_logs_added_on_the_timeline(self):
        body = self.call("post", "/api/contacts", {"name": "Maya Chen"}).json()
        entries = TimelineEntry.objects.filter(contact_id=body["id"])
        assert [(entry.kind, entry.summary) for entry in entries] == [
            (TimelineEntry.Kind.ADDED, "Added to Career Scout")
        ]

    def test_every_field_is_saved_and_search_finds_the_new_contact(self):
        data = {
            "name": "José Núñez",
            "emails": ["jose@contoso.example", " jose@home.example", "jose@contoso.example"],
            "phone": "+34 600 000 000",
            "linkedin_url": "https://www.linkedin.com/in/jose",
            "organization": "Contoso",
            "title": "UX Researcher",
            "location": "Madrid",
            "time_zone": "Europe/Madrid",
            "source": "alumni",
            "how_we_know": "Same course, 2015",
            "tags": ["design", "spain", "design", " "],
            "notes": "Likes *long* walks.",
        }
        response = self.call("post", "/api/contacts", data)
        assert response.status_code == 201, response.content
        body = response.json()
        assert body["emails"] == ["jose@contoso.example", "jose@home.example"]
        assert body["tags"] == ["design", "spain"]
        for field in ("phone", "linkedin_url", "organization", "title", "location"):
            assert body[field] == data[field]
        assert (body["time_zone"], body["source"], body["notes"]) == (
            "Europe/Madrid",
            "alumni",
            "Likes *long* walks.",
        )
        found = self.call("get", "/api/contacts?q=nunez+contoso").json()["items"]
        assert [item["id"] for item in found] == [body["id"]]

    def test_existing_tags_are_reused(self):
        make_contact(self.alice, "Maya Chen", tags=["design"])
        self.call("post", "/api/contacts", {"name": "Ann", "tags": ["design"]})
        assert self.alice.tag_set.filter(name="design").count() == 1

    def assert_rejected(self, data, field: str) -> dict:
        response = self.call("post", "/api/contacts", data)
        assert response.status_code == 422, response.content
        body = response.json()
        assert body["detail"].startswith(f"{field}: "), body
        assert [error["field"] for error in body["errors"]] == [field]
        assert not Contact.objects.exists()
        return body

    def test_a_missing_name_is_rejected_naming_the_field(self):
        self.assert_rejected({"title": "Engineer"}, "name")

    def test_a_blank_name_is_rejected(self):
        body = self.assert_rejected({"name": "   "}, "name")
        assert "blank" in body["detail"]

    def test_a_bad_email_is_rejected_naming_which_one(self):
        body = self.assert_rejected(
            {"name": "Ann", "emails": ["ann@ok.example", "nope"]}, "emails.1"
        )
        assert "“nope” does not look like an e-mail address" in body["detail"]

    def test_an_unknown_time_zone_is_rejected(self):
        body = self.assert_rejected({"name": "Ann", "time_zone": "Mars/Olympus"}, "time_zone")
        assert "Mars/Olympus" in body["detail"]

    def test_an_unknown_source_is_rejected(self):
        body = self.assert_rejected({"name": "Ann", "source": "pigeon"}, "source")
        assert "linkedin" in body["detail"]

    def test_a_linkedin_url_must_be_a_web_address(self):
        self.assert_rejected({"name": "Ann", "linkedin_url": "javascript:alert(1)"}, "linkedin_url")

    def test_a_misspelt_field_is_rejected_rather_than_ignored(self):
        self.assert_rejected({"name": "Ann", "email": "ann@example.com"}, "email")

    def test_a_tag_longer_than_50_characters_is_rejected(self):
        self.assert_rejected({"name": "Ann", "tags": ["x" * 51]}, "tags.0")

    def test_an_empty_body_is_rejected(self):
        response = self.client.post(
            "/api/contacts",
            "",
            content_type="application/json",
            headers={"Authorization": f"Bearer {self.alice_token}"},
        )
        assert response.status_code == 422
        assert response.json()["detail"].startswith("body: ")

    def test_a_body_that_is_not_json_answers_400(self):
        response = self.client.post(
            "/api/contacts",
            "{name: Ann",
            content_type="application/json",
            headers={"Authorization": f"Bearer {self.alice_token}"},
        )
        assert response.status_code == 400
        assert set(response.json()) == {"detail"}


class ContactDetailTests(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.maya = make_contact(
            cls.alice, "Maya Chen", organization="Globex", emails=["maya@globex.example"],
            tags=["design", "berlin"], phone="123",
        )  # fmt: skip

    def url(self, contact: Contact | int | None = None) -> str:
        contact = contact or self.maya
        return f"/api/contacts/{getattr(contact, 'pk', contact)}"

    def test_get_returns_the_contact(self):
        response = self.call("get", self.url())
        assert response.status_code == 200
        body = response.json()
        assert set(body) == CONTACT_FIELDS
        assert (body["id"], body["name"], body["tags"]) == (
            self.maya.pk,
            "Maya Chen",
            ["berlin", "design"],
        )

    def test_patch_changes_only_the_fields_sent_and_logs_which(self):
        response = self.call("patch", self.url(), {"title": "Staff Designer", "phone": "456"})
        assert response.status_code == 200, response.content
        body = response.json()
        assert (body["title"], body["phone"]) == ("Staff Designer", "456")
        assert (body["organization"], body["emails"]) == ("Globex", ["maya@globex.example"])
        assert body["tags"] == ["berlin", "design"]
        self.maya.refresh_from_db()
        assert self.maya.title == "Staff Designer"
        entry = self.maya.timeline.get()
        assert (entry.kind, entry.summary) == (TimelineEntry.Kind.EDITED, "Edited phone, job title")

    def test_patch_replaces_tags_and_emails(self):
        data = {"tags": ["research", "design"], "emails": ["maya@home.example"]}
        body = self.call("patch", self.url(), data).json()
        assert body["tags"] == ["design", "research"]
        assert body["emails"] == ["maya@home.example"]
        assert self.call("get", "/api/contacts?q=home.example").json()["count"] == 1
        assert self.maya.timeline.get().summary == "Edited emails, tags"

    def test_patch_can_clear_tags(self):
        body = self.call("patch", self.url(), {"tags": []}).json()
        assert body["tags"] == []
        assert not self.maya.tags.exists()

    def test_patch_that_changes_nothing_logs_nothing(self):
        response = self.call(
            "patch", self.url(), {"name": "Maya Chen", "tags": ["berlin", "design"]}
        )
        assert response.status_code == 200
        assert response.json()["updated_at"] == self.call("get", self.url()).json()["updated_at"]
        assert not self.maya.timeline.exists()

    def test_patch_with_an_empty_body_changes_nothing(self):
        response = self.client.patch(
            self.url(), headers={"Authorization": f"Bearer {self.alice_token}"}
        )
        assert response.status_code == 200
        assert response.json()["name"] == "Maya Chen"

    def test_patch_validates_and_names_the_field(self):
        response = self.call("patch", self.url(), {"time_zone": "Europe/Atlantis"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "time_zone"
        self.maya.refresh_from_db()
        assert self.maya.time_zone == ""

    def test_patch_cannot_blank_or_null_the_name(self):
        for name in ("", None):
            response = self.call("patch", self.url(), {"name": name})
            assert response.status_code == 422
            assert response.json()["errors"][0]["field"] == "name"
        self.maya.refresh_from_db()
        assert self.maya.name == "Maya Chen"

    def test_delete_removes_the_contact_and_their_timeline(self):
        self.maya.log(TimelineEntry.Kind.NOTE, "Coffee")
        response = self.call("delete", self.url())
        assert response.status_code == 204
        assert not Contact.objects.filter(pk=self.maya.pk).exists()
        assert not TimelineEntry.objects.filter(contact_id=self.maya.pk).exists()
        assert self.call("get", self.url()).status_code == 404

    def test_another_users_contact_answers_404_to_get_patch_and_delete(self):
        for method, data in (("get", None), ("patch", {"name": "Hacked"}), ("delete", None)):
            response = self.call(method, self.url(), data, token="charlie")
            assert response.status_code == 404, method
            assert set(response.json()) == {"detail"}
            assert "Maya" not in response.content.decode()
        self.maya.refresh_from_db()
        assert self.maya.name == "Maya Chen"

    def test_a_session_of_another_user_gets_404_too(self):
        self.client.force_login(self.charlie)
        assert self.call("get", self.url(), token=None).status_code == 404

    def test_an_unknown_id_answers_404(self):
        assert self.call("get", self.url(999_999)).status_code == 404

    def test_an_id_that_is_not_a_number_answers_422(self):
        response = self.call("get", "/api/contacts/maya")
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "contact_id"

    def test_put_is_not_allowed(self):
        assert self.call("put", self.url(), {"name": "Maya"}).status_code == 405


class SchemaAndDocsTests(TestCase):
    def test_openapi_json_is_public_and_lists_the_contact_paths(self):
        response = self.client.get("/api/openapi.json")
        assert response.status_code == 200
        schema = json.loads(response.content)
        assert schema["openapi"].startswith("3.")
        assert set(schema["paths"]["/api/contacts"]) == {"get", "post"}
        assert set(schema["paths"]["/api/contacts/{contact_id}"]) == {"get", "patch", "delete"}
        schemes = schema["components"]["securitySchemes"].values()
        assert {"type": "http", "scheme": "bearer"} in schemes

    def test_the_schema_documents_the_source_vocabulary(self):
        schema = self.client.get("/api/openapi.json").json()
        source = schema["components"]["schemas"]["ContactOut"]["properties"]["source"]
        assert source["enum"] == list(Contact.Source.values)

    def test_the_docs_load_swagger_from_this_site_not_a_cdn(self):
        response = self.client.get("/api/docs")
        assert response.status_code == 200
        html = response.content.decode()
        assert '<script src="/static/ninja/swagger-ui-bundle.js">' in html
        assert "//" not in html  # no absolute or protocol-relative URLs
        assert self.client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200

    def test_the_docs_work_under_the_sites_strict_csp(self):
        """Checked in Chromium too: Swagger UI sets styles through the DOM, which CSP allows."""
        response = self.client.get("/api/docs")
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "unsafe" not in policy
        html = response.content.decode()
        # The settings block is JSON data, which the browser does not run.
        scripts = html.split("<script")[1:]
        assert all(' src="' in tag or 'type="application/json"' in tag for tag in scripts)
