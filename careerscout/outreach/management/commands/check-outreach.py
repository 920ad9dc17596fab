"""`careerscout check-outreach`: check a draft read from stdin.

The input is a first line `Subject: …` (the subject may be empty), a blank line, then the
body. Input without a `Subject:` line is refused (exit 1) rather than guessed at: reading it
all as the body would quietly check the wrong text whenever the subject line was mistyped.
Findings are advice, not failures, so a successful check exits 0 whatever it finds; read
`--json` to act on them in a script.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerscout.outreach.checker import KINDS, CheckResult, check_draft

SPAN_PREVIEW_CHARS = 60


def split_draft(text: str) -> tuple[str, str]:
    """(subject, body) from `Subject: …`, a blank line and the body; ValueError otherwise."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.strip():
        raise ValueError(
            "No draft on standard input. Send a first line “Subject: …”, a blank line, "
            "then the body."
        )
    first_line, _newline, rest = text.partition("\n")
    label, colon, subject = first_line.partition(":")
    if not colon or label.strip().lower() != "subject":
        raise ValueError(
            f"The first line should be “Subject: …”, not “{first_line.strip()[:60]}”. "
            "Start with “Subject:” (it may be left empty), then a blank line, then the body."
        )
    if rest.startswith("\n"):
        rest = rest[1:]
    return subject.strip(), rest


class Command(BaseCommand):
    help = (
        "Check an outreach draft read from stdin: a first line “Subject: …”, a blank line, "
        "then the body. Exits 0 when the check ran, whatever it found."
    )
    stealth_options = ("stdin",)
    # The check reads no data, so it needs neither the database nor the system checks.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--kind", choices=KINDS, default="request", help="What the draft is for."
        )
        parser.add_argument(
            "--json", action="store_true", help="Print the result as one JSON document."
        )

    def handle(self, *args, **options) -> None:
        stdin = options.get("stdin") or sys.stdin
        if stdin.isatty():
            self.stderr.write("Type or paste the draft, then press Ctrl-D.")
        try:
            subject, body = split_draft(stdin.read())
        except ValueError as error:
            raise CommandError(str(error)) from None
        except UnicodeDecodeError:
            raise CommandError("The draft is not UTF-8 text.") from None
        result = check_draft(options["kind"], subject, body)
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write(describe(result, body))


def describe(result: CheckResult, body: str) -> str:
    words = "word" if result.word_count == 1 else "words"
    lines = [f"{result.word_count} {words}."]
    if not result.findings:
        lines.append("Nothing to fix: this draft follows the method.")
    for finding in result.findings:
        line = f"{finding.severity:<7}  {finding.code:<20}  {finding.message}"
        if finding.start is not None and finding.end is not None:
            line_number = body.count("\n", 0, finding.start) + 1
            quoted = " ".join(body[finding.start : finding.end].split())
            if len(quoted) > SPAN_PREVIEW_CHARS:
                quoted = quoted[: SPAN_PREVIEW_CHARS - 1].rstrip() + "…"
            line += f" (line {line_number}: “{quoted}”)"
        lines.append(line)
    return "\n".join(lines)
