from django import forms
from django.core.exceptions import ValidationError

from careerscout.people.models import Contact

from .models import ImportBatch
from .parsers import ENCODINGS, MAX_BYTES
from .parsers.csvfile import FIELDS, NAME_FIELDS, Column


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of file is it?",
        choices=[
            (ImportBatch.Kind.LINKEDIN, "LinkedIn connections (Connections.csv, or the ZIP)"),
            (ImportBatch.Kind.VCARD, "vCard (.vcf) from Apple, Google, Outlook or a phone"),
            (ImportBatch.Kind.CSV, "CSV from Google Contacts, Outlook or a spreadsheet"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Please say what kind of file it is."},
    )
    file = forms.FileField(
        label="File",
        help_text=f"Up to {MAX_BYTES // 1024 // 1024} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.vcf,.vcard,.zip,.txt"}),
        error_messages={
            "required": "Please choose a file.",
            "empty": "The file is empty.",
        },
    )
    source = forms.ChoiceField(
        label="How do you know these people?",
        choices=Contact.Source.choices,
        initial=Contact.Source.OTHER,
        help_text="For vCard and CSV files; LinkedIn connections are always “LinkedIn”.",
    )
    encoding = forms.ChoiceField(
        label="Text encoding",
        choices=list(ENCODINGS.items()),
        initial="utf-8",
        help_text="Change this only if the import says the file has characters it cannot read.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB; files up to "
                f"{MAX_BYTES // 1024 // 1024} MB can be imported. Split it into smaller files."
            )
        return upload

    def make_batch(self, user) -> ImportBatch:
        """The batch for this upload, not yet saved."""
        upload = self.cleaned_data["file"]
        kind = self.cleaned_data["kind"]
        return ImportBatch(
            user=user,
            kind=kind,
            filename=(upload.name or "")[-255:],
            data=upload.read(),
            encoding=self.cleaned_data["encoding"],
            source=(
                Contact.Source.LINKEDIN
                if kind == ImportBatch.Kind.LINKEDIN
                else self.cleaned_data["source"]
            ),
        )


class MappingForm(forms.Form):
    """One choice per column of the CSV file: which contact field it holds."""

    def __init__(self, *args, columns: list[Column], mapping: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.columns = columns
        for column in columns:
            self.fields[f"column_{column.index}"] = forms.ChoiceField(
                label=column.header,
                choices=list(FIELDS.items()),
                required=False,
                initial=mapping[column.index] if column.index < len(mapping) else "",
            )

    def rows(self):
        """(column, bound field) pairs for the columns that hold something."""
        return [
            (column, self[f"column_{column.index}"]) for column in self.columns if column.samples
        ]

    def empty_rows(self):
        """The same for columns empty in every row (exports have dozens), shown folded away."""
        return [
            (column, self[f"column_{column.index}"])
            for column in self.columns
            if not column.samples
        ]

    def clean(self):
        cleaned = super().clean()
        chosen = {cleaned.get(f"column_{column.index}") for column in self.columns}
        if not chosen & NAME_FIELDS:
            raise ValidationError(
                "Choose the column with the full name, or the columns with the first and "
                "last names: every person needs a name."
            )
        return cleaned

    def mapping(self) -> list[str]:
        return [self.cleaned_data.get(f"column_{column.index}") or "" for column in self.columns]
