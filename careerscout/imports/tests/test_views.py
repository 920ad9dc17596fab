from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections, transaction
from django.tasks import task_backends
from django.test import Client, TestCase, TransactionTestCase

from careerscout.imports import models as import_models
from careerscout.imports.bench import linkedin_export
from careerscout.imports.models import ImportBatch, ProgressWriter
from careerscout.imports.tasks import commit_import_batch
from careerscout.people.models import Contact
from careerscout.tests.factories import make_contact, make_user

FILES = Path(__file__).parent / "files"


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    data = (FILES / name).read_bytes() if content is None else content
    return SimpleUploadedFile(name, data, content_type="text/csv")


class ImportViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")
        cls.charlie = make_user("charlie")

    def setUp(self):
        self.client.force_login(self.alice)
        task_backends["default"].clear()

    def post_file(self, name: str, kind: str, content: bytes | None = None, **fields):
        data = {
            "kind": kind,
            "file": upload(name, content),
            "source": "other",
            "encoding": "utf-8",
            **fields,
        }
        return self.client.post("/people/import/", data)

    def uploaded(self, name: str, kind: str, content: bytes | None = None) -> ImportBatch:
        response = self.post_file(name, kind, content)
        assert response.status_code == 302, response.content.decode()[:2000]
        return ImportBatch.objects.get(user=self.alice)

    # Upload

    def test_the_upload_page_explains_where_each_file_comes_from(self):
        html = self.client.get("/people/import/").content.decode()
        assert "Get a copy of your data" in html
        assert 'enctype="multipart/form-data"' in html
        assert '<label for="id_file">' in html

    def test_an_email_only_card_is_imported_under_its_address_until_its_name_is_given(self):
        card = b"BEGIN:VCARD\r\nVERSION:2.1\r\nEMAIL:kim@example.org\r\nEND:VCARD\r\n"
        batch = self.uploaded("phone.vcf", "vcard", card)
        html = self.client.get(batch.get_absolute_url()).content.decode()
        assert "check the name" in html and "had only an e-mail address" in html
        self.client.post(f"/people/import/{batch.pk}/commit/")
        kim = Contact.objects.get(user=self.alice)
        assert kim.name == "kim@example.org"
        assert "To check" in self.client.get(kim.get_absolute_url()).content.decode()
        self.client.post(
            f"/people/{kim.pk}/edit/",
            {"name": "Kim Park", "emails": "kim@example.org", "source": "other"},
        )
        kim.refresh_from_db()
        assert kim.name == "Kim Park" and "review" not in kim.extra

    def test_an_upload_over_the_column_limit_is_refused_with_a_short_message(self):
        header = ",".join(f"C{n}" for n in range(1_000_000)).encode()
        response = self.post_file("wide.csv", "csv", header + b"\nAna\n")
        assert response.status_code == 422
        assert "up to 200 columns" in response.content.decode()
        assert not ImportBatch.objects.exists()

    def test_uploading_a_linkedin_file_shows_a_preview_and_writes_no_contact(self):
        response = self.post_file("linkedin_connections.csv", "linkedin")
        batch = ImportBatch.objects.get(user=self.alice)
        assert response["Location"] == f"/people/import/{batch.pk}/"
        assert batch.status == ImportBatch.Status.PREVIEWED
        assert batch.preview["counts"] == {
            "added": 8,
            "updated": 0,
            "unchanged": 0,
            "skipped": 2,
            "left_out": 0,
        }
        assert not Contact.objects.exists()
        html = self.client.get(response["Location"]).content.decode()
        assert "Check before importing" in html
        assert "Import 8 people" in html
        assert "Zoë 🌱 O&#x27;Brien" in html
        assert "No name in this row." in html
        assert "The same person as line 5" in html

    def test_the_preview_shows_updates_with_what_changes(self):
        make_contact(
            self.alice,
            "Maya Chen",
            linkedin_url="https://www.linkedin.com/in/mayachen",
            title="Researcher",
        )
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        html = self.client.get(batch.get_absolute_url()).content.decode()
        assert "Updates to people already here" in html
        assert "job title “Researcher” → “Staff UX Researcher”" in html

    def test_a_pdf_uploaded_as_csv_is_refused_and_nothing_is_kept(self):
        response = self.post_file("report.pdf.csv", "csv")
        assert response.status_code == 422
        assert "This is a PDF document, not a CSV file." in response.content.decode()
        assert not ImportBatch.objects.exists()

    def test_undecodable_bytes_are_named_with_their_line(self):
        response = self.post_file("linkedin_cp1252.csv", "linkedin")
        assert response.status_code == 422
        assert "Line 3 has characters that are not UTF-8" in response.content.decode()
        response = self.post_file("linkedin_cp1252.csv", "linkedin", encoding="cp1252")
        assert response.status_code == 302

    def test_a_csv_with_headers_and_no_rows_is_refused_at_upload(self):
        response = self.post_file("contacts.csv", "csv", content=b"Name,Email\r\n\r\n")
        assert response.status_code == 422
        assert "no one in this file" in response.content.decode()

    def test_a_file_whose_rows_are_all_skipped_says_so(self):
        content = (
            b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n,,,,Acme,,\n"
        )
        batch = self.uploaded("Connections.csv", "linkedin", content)
        html = self.client.get(batch.get_absolute_url()).content.decode()
        assert "every row of this file was skipped" in html
        assert "/commit/" not in html

    def test_an_empty_file_is_refused(self):
        response = self.post_file("empty.csv", "csv")
        assert response.status_code == 422
        assert "The file is empty." in response.content.decode()

    def test_an_oversize_file_is_refused(self):
        from careerscout.imports import forms

        original = forms.MAX_BYTES
        forms.MAX_BYTES = 100
        try:
            response = self.post_file("google_contacts.csv", "csv")
        finally:
            forms.MAX_BYTES = original
        assert response.status_code == 422
        assert "files up to" in response.content.decode()

    def test_the_kind_and_file_are_required(self):
        response = self.client.post("/people/import/", {"encoding": "utf-8", "source": "other"})
        assert response.status_code == 422
        html = response.content.decode()
        assert "Please choose a file." in html
        assert "Please say what kind of file it is." in html

    def test_uploading_needs_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        response = client.post(
            "/people/import/", {"kind": "csv", "file": upload("google_contacts.csv")}
        )
        assert response.status_code == 403

    # CSV mapping

    def test_a_csv_goes_through_the_column_mapping_first(self):
        response = self.post_file("google_contacts.csv", "csv")
        batch = ImportBatch.objects.get(user=self.alice)
        assert response["Location"] == f"/people/import/{batch.pk}/columns/"
        assert batch.status == ImportBatch.Status.UPLOADED
        assert self.client.get(batch.get_absolute_url())["Location"] == response["Location"]
        html = self.client.get(response["Location"]).content.decode()
        assert "This looks like a Google Contacts export" in html
        assert "maya.chen@globex.example" in html  # example values
        assert '<option value="email" selected>' in html

    def test_the_corrected_mapping_is_used_for_the_preview(self):
        batch = self.uploaded("alumni_directory.csv", "csv")
        mapping = {
            f"column_{i}": field
            for i, field in enumerate(["name", "notes", "organization", "title", "email", "", ""])
        }
        response = self.client.post(f"/people/import/{batch.pk}/columns/", mapping)
        assert response.status_code == 302
        batch.refresh_from_db()
        assert batch.status == ImportBatch.Status.PREVIEWED
        assert batch.mapping == ["name", "notes", "organization", "title", "email", "", ""]
        assert batch.preview["counts"]["added"] == 2

    def test_a_mapping_without_a_name_column_is_refused(self):
        batch = self.uploaded("no_name_columns.csv", "csv")
        response = self.client.post(
            f"/people/import/{batch.pk}/columns/",
            {"column_0": "email", "column_1": "organization", "column_2": "phone"},
        )
        assert response.status_code == 422
        assert "every person needs a name" in response.content.decode()

    # Commit

    def test_committing_a_small_file_imports_it_within_the_request(self):
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        response = self.client.post(f"/people/import/{batch.pk}/commit/", follow=True)
        batch.refresh_from_db()
        assert batch.status == ImportBatch.Status.DONE
        assert bytes(batch.data) == b""
        assert batch.result["added"] == 8
        assert Contact.objects.filter(user=self.alice).count() == 8
        html = response.content.decode()
        assert "Import finished" in html
        assert "8 added, 0 updated, 0 unchanged, 2 rows skipped" in html
        assert "/people/?sort=recent" in html
        assert not task_backends["default"].results

    def test_a_second_click_on_import_adds_no_one_twice(self):
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        self.client.post(f"/people/import/{batch.pk}/commit/")
        response = self.client.post(f"/people/import/{batch.pk}/commit/")
        assert response.status_code == 302
        assert Contact.objects.filter(user=self.alice).count() == 8

    def test_a_large_file_is_committed_by_the_task_and_the_page_shows_progress(self):
        import_models.IN_REQUEST_ROWS, original = 5, import_models.IN_REQUEST_ROWS
        try:
            batch = self.uploaded("linkedin_connections.csv", "linkedin")
            with self.captureOnCommitCallbacks(execute=True):
                self.client.post(f"/people/import/{batch.pk}/commit/")
        finally:
            import_models.IN_REQUEST_ROWS = original
        (enqueued,) = task_backends["default"].results
        assert enqueued.args == [batch.pk]
        assert enqueued.task.name == "commit_import_batch"
        batch.refresh_from_db()
        assert batch.status == ImportBatch.Status.COMMITTING
        assert not Contact.objects.exists()

        html = self.client.get(batch.get_absolute_url()).content.decode()
        assert f'hx-get="/people/import/{batch.pk}/progress/?state=0-0-committing"' in html
        assert 'hx-trigger="every 1s"' in html
        assert "Waiting for the background worker" in html
        assert f'href="/people/import/{batch.pk}/"' in html  # works without JavaScript
        partial = self.client.get(
            f"/people/import/{batch.pk}/progress/", headers={"HX-Request": "true"}
        )
        assert partial.content.decode().lstrip().startswith('<div id="import-progress"')
        unchanged = self.client.get(
            f"/people/import/{batch.pk}/progress/?state=0-0-committing",
            headers={"HX-Request": "true"},
        )
        assert unchanged.status_code == 204
        ImportBatch.objects.filter(pk=batch.pk).update(progress_done=4)
        moved = self.client.get(
            f"/people/import/{batch.pk}/progress/?state=0-0-committing",
            headers={"HX-Request": "true"},
        )
        assert "4 of 10 people saved" not in moved.content.decode()  # not started yet
        assert "?state=0-4-committing" in moved.content.decode()

        commit_import_batch.func(batch.pk)
        batch.refresh_from_db()
        assert batch.status == ImportBatch.Status.DONE
        assert Contact.objects.filter(user=self.alice).count() == 8
        done = self.client.get(
            f"/people/import/{batch.pk}/progress/", headers={"HX-Request": "true"}
        )
        assert done["HX-Redirect"] == batch.get_absolute_url()

    def test_running_the_task_twice_imports_once(self):
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        assert batch.claim()
        commit_import_batch.func(batch.pk)
        commit_import_batch.func(batch.pk)
        assert Contact.objects.filter(user=self.alice).count() == 8
        assert commit_import_batch.func(999999) is None  # a deleted batch is no error

    def test_the_task_records_a_failure_and_imports_nothing(self):
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        ImportBatch.objects.filter(pk=batch.pk).update(data=b"%PDF-1.7 broken")
        batch.refresh_from_db()
        batch.claim()
        commit_import_batch.func(batch.pk)
        batch.refresh_from_db()
        assert batch.status == ImportBatch.Status.FAILED
        assert "PDF" in batch.error
        html = self.client.get(batch.get_absolute_url()).content.decode()
        assert "Nothing was imported" in html
        assert not Contact.objects.exists()

    def test_the_progress_url_without_htmx_sends_to_the_batch_page(self):
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        response = self.client.get(f"/people/import/{batch.pk}/progress/")
        assert response["Location"] == batch.get_absolute_url()

    def test_an_import_waiting_for_the_worker_can_be_cancelled_but_not_a_running_one(self):
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        batch.claim()
        ImportBatch.objects.filter(pk=batch.pk).update(started_at="2026-11-26T10:00:00Z")
        response = self.client.post(f"/people/import/{batch.pk}/cancel/")
        assert response["Location"] == batch.get_absolute_url()
        assert ImportBatch.objects.filter(pk=batch.pk).exists()
        ImportBatch.objects.filter(pk=batch.pk).update(started_at=None)
        assert self.client.post(f"/people/import/{batch.pk}/cancel/")["Location"] == "/people/"
        commit_import_batch.func(batch.pk)  # the worker comes too late: nothing happens
        assert not Contact.objects.exists()

    def test_cancelling_deletes_the_upload(self):
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        response = self.client.post(f"/people/import/{batch.pk}/cancel/")
        assert response["Location"] == "/people/"
        assert not ImportBatch.objects.exists()

    def test_uploads_left_for_a_day_are_deleted_on_the_next_upload(self):
        import datetime

        old = self.uploaded("linkedin_connections.csv", "linkedin")
        ImportBatch.objects.filter(pk=old.pk).update(
            created_at=old.created_at - datetime.timedelta(days=2)
        )
        self.post_file("linkedin_old_no_url.csv", "linkedin")
        assert not ImportBatch.objects.filter(pk=old.pk).exists()
        assert ImportBatch.objects.count() == 1

    # Rules every view keeps

    def test_a_row_left_out_on_the_preview_is_not_imported_and_the_counts_follow(self):
        make_contact(self.alice, "Maya Chen", linkedin_url="https://www.linkedin.com/in/mayachen")
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        added, updated = batch.preview["added"], batch.preview["updated"]
        assert (batch.preview["counts"]["added"], len(updated)) == (7, 1)
        dropped = added[0]
        response = self.client.post(
            f"/people/import/{batch.pk}/rows/", {"line": dropped["lines"]}, follow=True
        )
        html = response.content.decode()
        assert f"{dropped['name']} (line {dropped['line']}) is left out of this import" in html
        assert "Import 7 people" in html and "6</strong> new people" in html
        assert "1</strong> row left out by you" in html and "Left out by you" in html
        # Maya is on two lines of the file, combined into one person: both are left out.
        assert len(updated[0]["lines"]) == 2
        self.client.post(f"/people/import/{batch.pk}/rows/", {"line": updated[0]["lines"]})
        html = self.client.get(batch.get_absolute_url()).content.decode()
        assert "Import 6 people" in html and "3</strong> rows left out by you" in html

        self.client.post(f"/people/import/{batch.pk}/commit/")
        batch.refresh_from_db()
        assert batch.status == ImportBatch.Status.DONE
        assert (batch.result["added"], batch.result["updated"]) == (6, 0)
        assert batch.result["left_out"] == 3
        finished = self.client.get(batch.get_absolute_url()).content.decode()
        assert "3 rows left out by you." in finished
        names = set(Contact.objects.filter(user=self.alice).values_list("name", flat=True))
        assert dropped["name"] not in names and len(names) == 7
        maya = Contact.objects.get(user=self.alice, name="Maya Chen")
        assert maya.title == ""  # her update was left out too

    def test_a_row_put_back_is_imported_again(self):
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        line = batch.preview["added"][0]["line"]
        self.client.post(f"/people/import/{batch.pk}/rows/", {"line": line})
        self.client.post(f"/people/import/{batch.pk}/rows/", {"line": line, "action": "put_back"})
        batch.refresh_from_db()
        assert batch.left_out == [] and batch.preview["counts"]["added"] == 8

    def test_rows_cannot_be_left_out_once_the_import_has_started(self):
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        line = batch.preview["added"][0]["line"]
        ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.COMMITTING)
        self.client.post(f"/people/import/{batch.pk}/rows/", {"line": line})
        batch.refresh_from_db()
        assert batch.left_out == []

    def test_changes_need_post(self):
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        assert self.client.get(f"/people/import/{batch.pk}/commit/").status_code == 405
        assert self.client.get(f"/people/import/{batch.pk}/cancel/").status_code == 405
        assert self.client.post(f"/people/import/{batch.pk}/").status_code == 405
        assert self.client.post(f"/people/import/{batch.pk}/progress/").status_code == 405

    def test_another_user_gets_404_for_every_route_of_a_batch(self):
        batch = self.uploaded("google_contacts.csv", "csv")
        self.client.force_login(self.charlie)
        for suffix in ["", "columns/", "progress/"]:
            url = f"/people/import/{batch.pk}/{suffix}"
            assert self.client.get(url).status_code == 404, url
        for suffix in ["columns/", "rows/", "commit/", "cancel/"]:
            url = f"/people/import/{batch.pk}/{suffix}"
            assert self.client.post(url).status_code == 404, url
        batch.refresh_from_db()
        assert batch.status == ImportBatch.Status.UPLOADED
        assert not Contact.objects.filter(user=self.charlie).exists()

    def test_pages_have_no_inline_scripts_or_styles(self):
        batch = self.uploaded("linkedin_connections.csv", "linkedin")
        csv_batch = self.uploaded_second("google_contacts.csv")
        for url in [
            "/people/import/",
            batch.get_absolute_url(),
            f"/people/import/{csv_batch.pk}/columns/",
        ]:
            html = self.client.get(url).content.decode()
            assert "<script>" not in html, url
            assert "<style" not in html, url
            assert " style=" not in html, url
            assert " on" + "click" not in html, url

    def uploaded_second(self, name: str) -> ImportBatch:
        self.post_file(name, "csv")
        return ImportBatch.objects.filter(user=self.alice).latest("id")

    def test_the_people_list_links_to_the_import(self):
        html = self.client.get("/people/").content.decode()
        assert 'href="/people/import/"' in html


class PreviewQueryTests(TestCase):
    """The preview page reads a stored summary: its queries do not grow with the rows."""

    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice")

    def setUp(self):
        self.client.force_login(self.alice)

    def preview_url(self, rows: int) -> str:
        data = linkedin_export(rows)
        self.client.post(
            "/people/import/",
            {
                "kind": "linkedin",
                "file": SimpleUploadedFile("Connections.csv", data),
                "source": "other",
                "encoding": "utf-8",
            },
        )
        return ImportBatch.objects.filter(user=self.alice).latest("id").get_absolute_url()

    def test_a_preview_of_ten_rows_and_of_three_hundred_cost_the_same_queries(self):
        small, large = self.preview_url(10), self.preview_url(300)
        # session, user, batch
        with self.assertNumQueries(3):
            self.client.get(small)
        with self.assertNumQueries(3):
            html = self.client.get(large).content.decode()
        assert "and 250 more." in html


class ProgressTests(TransactionTestCase):
    """The progress page reads committed rows, so counters must be committed to be seen."""

    def setUp(self):
        self.batch = ImportBatch.objects.create(
            user=make_user("alice"), kind="csv", data=b"Name\nAna\n", status="committing"
        )

    def seen_from_another_connection(self) -> tuple[int, int]:
        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor:
                cursor.execute(
                    "SELECT progress_done, progress_total FROM imports_importbatch WHERE id = %s",
                    [self.batch.pk],
                )
                return tuple(cursor.fetchone())
        finally:
            other.close()

    def test_progress_outside_the_import_transaction_is_written_at_once(self):
        ProgressWriter(self.batch)(0, 40)
        self.batch.refresh_from_db()
        assert (self.batch.progress_done, self.batch.progress_total) == (0, 40)

    def test_progress_inside_the_import_transaction_is_visible_on_postgresql(self):
        if connection.vendor == "sqlite":
            self.skipTest("SQLite has one writer; progress inside the transaction is skipped")
        writer = ProgressWriter(self.batch)
        with transaction.atomic():
            Contact.objects.create(user=self.batch.user, name="Ana")
            writer(20, 40)
            assert self.seen_from_another_connection() == (20, 40)
        writer.close()

    def test_sqlite_skips_progress_inside_the_transaction_instead_of_waiting(self):
        if connection.vendor != "sqlite":
            self.skipTest("only SQLite has a single writer")
        writer = ProgressWriter(self.batch)
        with transaction.atomic():
            writer(20, 40)
        assert writer.connection is None
