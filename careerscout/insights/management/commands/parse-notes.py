"""`careerscout parse-notes`: read quick-capture notes from stdin into items.

Every non-blank line is an item (see careerscout/conversations/quick_capture.py for the
shorthand), so any text parses; only input with no text at all is refused (exit 1), since it
almost always means nothing was piped in. `--topic` is the topic of the planned question the
notes were taken under, inherited by items without a topic tag.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerscout.insights.quick_capture import TOPICS, CapturedItem, parse_notes


class Command(BaseCommand):
    help = (
        "Read quick-capture notes from stdin and print one line per item: its line number, "
        "kind, topic and text."
    )
    stealth_options = ("stdin",)
    # Parsing reads no data, so it needs neither the database nor the system checks.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--topic",
            choices=TOPICS,
            help="Topic of the planned question the notes were taken under.",
        )
        parser.add_argument(
            "--json", action="store_true", help="Print the items as one JSON document."
        )

    def handle(self, *args, **options) -> None:
        stdin = options.get("stdin") or sys.stdin
        if stdin.isatty():
            self.stderr.write("Type or paste the notes, then press Ctrl-D.")
        try:
            text = stdin.read()
            # Under some locales Python reads bad bytes as lone surrogates instead of failing.
            text.encode()
        except (UnicodeDecodeError, UnicodeEncodeError):
            raise CommandError("The notes are not UTF-8 text.") from None
        if not text.strip():
            raise CommandError("No notes on standard input. Send one item per line.")
        items = parse_notes(text, options["topic"])
        if options["json"]:
            document = {"items": [item.as_dict() for item in items]}
            self.stdout.write(json.dumps(document, ensure_ascii=False))
        else:
            self.stdout.write("\n".join(describe(item) for item in items))


def describe(item: CapturedItem) -> str:
    line = f"{item.line:>4}  {item.kind:<8}  {item.topic or '-':<10}  {item.text}"
    extras = []
    if item.due:
        extras.append(f"due {item.due.isoformat()}")
    if item.skills and item.kind != "skill":
        extras.append("skills: " + ", ".join(item.skills))
    if item.person:
        person = item.person
        extras.append(
            "person: "
            + " · ".join(p for p in (person.name, person.title, person.organization) if p)
        )
    if extras:
        line += f"  ({'; '.join(extras)})"
    return line.rstrip()
