"""The ``careerscout`` command: Django's management commands under one friendly name."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerscout.settings")
    from django.core.management import execute_from_command_line

    arguments = sys.argv[1:] if argv is None else argv
    if not arguments:
        arguments = ["help"]
    execute_from_command_line(["careerscout", *arguments])
