"""The payload walk: markup typed into every text field (or brought in by the API and an
import) never reaches a page unescaped, nor the report. Like the isolation walk it covers
every text field of every model an account owns and every URL pattern, so a new field or
page without coverage fails here.
"""

from io import BytesIO

import pypdf
from django.db import models
from django.test import TestCase

from careerscout.accounts.models import ApiToken, User
from careerscout.careers.models import Career, TargetOrganization
from careerscout.conversations.models import Conversation
from careerscout.directory.models import DirectoryRequest, VolunteerProfile, save_profile
from careerscout.directory.tests.helpers import make_student, make_volunteer
from careerscout.imports.models import ImportBatch
from careerscout.insights.models import (
    Contradiction,
    Criterion,
    Item,
    Rating,
    Reflection,
    SkillRating,
)
from careerscout.insights.report import build_report, report_markdown, report_pdf
from careerscout.outreach.models import DraftTemplate, Message
from careerscout.people.duplicates import merge_contacts
from careerscout.people.models import Contact, Organization, TimelineEntry
from careerscout.portability.data import SECTIONS
from careerscout.questions.models import PlannedQuestion, Question
from careerscout.tests.factories import make_contact, make_user
from careerscout.tests.test_isolation import all_routes, fill

PAYLOAD = "<div hx-post=/x hx-trigger=load>p</div><script>x</script>"
SHORT_PAYLOAD = "<i hx-get=/x>"  # for fields shorter than PAYLOAD
NEEDLES = ("<div hx-post=/x", "<script>x</script>", "<i hx-get=/x>")

# Text fields that cannot hold markup, each with the reason.
NOT_FREE_TEXT = {
    "accounts.User.username": "letters, digits and @.+-_ only",
    "accounts.User.password": "a hash",
    "accounts.User.email": "an e-mail address, validated",
    "accounts.User.time_zone": "a time zone name, validated",
    "accounts.User.working_days": "weekday digits",
    "accounts.User.country": "a country code from a list",
    "accounts.User.calendar_token": "a random secret",
    "people.Organization.key": "derived from the name (folded, without punctuation)",
    "people.Contact.linkedin_url": "a web address, validated",
    "people.Contact.time_zone": "a time zone name, validated",
    "people.Contact.search_text": "derived, never shown",
    "people.Contact.title_key": "derived, never shown",
    "conversations.Conversation.time_zone": "a time zone name, validated",
    "conversations.Conversation.video_url": "a web address, validated",
    "conversations.Conversation.invitation_uid": "random, made by the app",
    "questions.Question.key": "made by the app",
    "questions.PlannedQuestion.key": "made by the app",
    "imports.ImportBatch.encoding": "one of two encodings",
    "imports.ImportBatch.source": "a contact source",
    "directory.VolunteerProfile.title_key": "derived, never shown",
    "directory.VolunteerProfile.time_zone": "a time zone name, validated",
    "directory.VolunteerProfile.contact_email": "an e-mail address, validated",
    "directory.DirectoryRequest.site_url": "the site's own address, from the request",
}


def text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not f.choices
        and f"{model._meta.label}.{f.name}" not in NOT_FREE_TEXT
    ]


def fill_text(obj: models.Model) -> None:
    for f in text_fields(type(obj)):
        value = PAYLOAD if not f.max_length or f.max_length >= len(PAYLOAD) else SHORT_PAYLOAD
        setattr(obj, f.attname, value)
    obj.save()


def assert_escaped(text: str, where: str) -> None:
    for needle in NEEDLES:
        assert needle not in text, f"{where} shows {needle!r} unescaped"


class PayloadWalkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = alice = make_user("alice")
        _token, cls.token = ApiToken.issue(alice, "script")
        contact = make_contact(alice, "Maya", tags=["design"], emails=["maya@example.org"])
        organization = Organization.objects.create(user=alice, name="Globex", key="globex")
        contact.org = organization
        contact.save()
        career = Career.objects.create(user=alice, title="UX research")
        target = TargetOrganization.objects.create(
            user=alice, career=career, organization=organization
        )
        conversation = Conversation.plan(contact, [career])
        template = DraftTemplate.objects.create(
            user=alice, kind="request", name="Mine", subject="Hello", body="Hi"
        )
        merge = merge_contacts(contact, make_contact(alice, "Maya"))
        batch = ImportBatch.objects.create(
            user=alice, kind="csv", filename="a.csv", data=b"Name\nAna\n", status="done"
        )
        question = Question.objects.create(
            user=alice, key="custom-1", topic="culture", text="Q", custom=True
        )
        planned = PlannedQuestion.objects.create(
            user=alice,
            conversation=conversation,
            question=question,
            key=question.key,
            topic="culture",
            text="Q",
            position=1,
        )
        criterion = Criterion.objects.create(user=alice, name="Meaning")
        skill = SkillRating.objects.create(user=alice, name="SQL", level=2)
        Rating.objects.create(user=alice, career=career, criterion=criterion, value=4)
        item = Item.objects.create(
            user=alice, conversation=conversation, contact=contact, kind="action", text="Read"
        )
        other = Item.objects.create(user=alice, career=career, kind="insight", text="Calm")
        contradiction = Contradiction.objects.create(user=alice, first=item, second=other)
        Reflection.objects.create(user=alice, conversation=conversation)
        Message.objects.create(
            user=alice,
            contact=contact,
            conversation=conversation,
            kind="request",
            channel="marked",
            subject="s",
            body="b",
            sent_at=conversation.created_at,
        )
        # Alice volunteers too: she has asked Vera, and Sam has asked her.
        alice.is_volunteer = True
        alice.save()
        save_profile(alice, title="UX researcher", careers=["UX research"], published=True)
        vera = make_volunteer("vera")
        alice_request = DirectoryRequest.objects.create(
            user=alice, profile=vera, career=career, message="Hi"
        )
        DirectoryRequest.objects.create(
            user=make_student("sam"), profile=alice.volunteer_profile, message="Hi"
        )
        cls.filled = set()
        owned = [section.model for section in SECTIONS]
        for model in [User, *owned, VolunteerProfile, DirectoryRequest]:
            rows = list(model._default_manager.all())
            if text_fields(model) and model is not TimelineEntry:
                assert rows, f"No {model._meta.label} row to fill: add one to the walk"
            for row in rows:
                fill_text(row)
            cls.filled.add(model)
        VolunteerProfile.objects.update(
            careers=[PAYLOAD], topics=[PAYLOAD], languages=[PAYLOAD], title_key="", career_keys=[]
        )
        cls.ids = {
            "profile_id": vera.pk,
            "request_id": alice_request.pk,
            "action": "accept",
            "contact_id": contact.pk,
            "organization_id": organization.pk,
            "career_id": career.pk,
            "target_id": target.pk,
            "conversation_id": conversation.pk,
            "template_id": template.pk,
            "merge_id": merge.pk,
            "batch_id": batch.pk,
            "key": question.key,
            "criterion_id": criterion.pk,
            "skill_id": skill.pk,
            "item_id": item.pk,
            "contradiction_id": contradiction.pk,
            "token_id": _token.pk,
            "kind": "request",
            "flag": "starred",
            "token": alice.renew_calendar_token(),
            "username": "alice",
            "code": "15-1255.00",
        }
        cls.planned = planned

    def setUp(self):
        self.client.force_login(self.alice)

    def test_every_text_field_of_every_model_an_account_owns_is_walked(self):
        owned = {section.model for section in SECTIONS} | {User}
        assert owned <= self.filled
        Contact.objects.get(pk=self.ids["contact_id"]).refresh_from_db()
        assert Contact.objects.filter(notes=PAYLOAD).exists()

    def test_every_page_shows_the_payload_as_text(self):
        walked = shown = 0
        for route, _pattern, name in all_routes():
            if route.startswith("admin/") or name in {"api:openapi-view", "logout"}:
                continue
            url = fill(route, self.ids)
            response = self.client.get(url)
            if response.status_code != 200:
                continue
            content_type = response.get("Content-Type", "")
            if content_type.startswith("text/html"):
                html = response.content.decode()
                assert_escaped(html, f"{name} {url}")
                walked += 1
                shown += "&lt;div hx-post=/x" in html or "&lt;i hx-get=/x&gt;" in html
            else:
                # JSON, Markdown, calendars and PDFs are data, never rendered as this site.
                assert not content_type.startswith(("text/html", "application/xhtml")), url
                assert response["X-Content-Type-Options"] == "nosniff", url
        assert walked >= 30
        assert shown >= 20, "the payload should be on most pages, escaped"

    def test_the_report_in_markdown_and_pdf_text_keeps_the_payload_as_text(self):
        report = build_report(self.alice)
        assert_escaped(report_markdown(report), "the Markdown report")
        pdf = pypdf.PdfReader(BytesIO(report_pdf(report)))
        text = "".join("".join(page.extract_text().split()) for page in pdf.pages)
        assert "".join(PAYLOAD.split()) in text

    def test_markup_sent_through_the_api_and_an_import_is_shown_as_text(self):
        response = self.client.post(
            "/api/contacts",
            {
                "name": PAYLOAD,
                "organization": PAYLOAD,
                "title": PAYLOAD,
                "location": PAYLOAD,
                "how_we_know": PAYLOAD,
                "notes": PAYLOAD,
                "tags": [SHORT_PAYLOAD],
            },
            content_type="application/json",
            headers={"authorization": f"Bearer {self.token}"},
        )
        assert response.status_code == 201
        from_api = Contact.objects.get(pk=response.json()["id"])
        csv = (
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            f'"{PAYLOAD}",Lee,,,"{PAYLOAD}","{PAYLOAD}",08 Feb 2023\n'
        )
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("Connections.csv", csv.encode())
        self.client.post(
            "/people/import/",
            {"kind": "linkedin", "file": upload, "source": "linkedin", "encoding": "utf-8"},
        )
        batch = ImportBatch.objects.filter(user=self.alice).latest("id")
        assert_escaped(self.client.get(batch.get_absolute_url()).content.decode(), "preview")
        self.client.post(f"/people/import/{batch.pk}/commit/")
        imported = Contact.objects.get(title=PAYLOAD, name__endswith="Lee")
        for contact in (from_api, imported):
            for url in (contact.get_absolute_url(), "/people/", f"/people/{contact.pk}/edit/"):
                assert_escaped(self.client.get(url).content.decode(), url)
            if contact.org_id:
                url = f"/people/organizations/{contact.org_id}/"
                assert_escaped(self.client.get(url).content.decode(), url)
