import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careerscout.insights.quick_capture import parse_notes

NOTES = (
    "! Most research is evaluative, not generative #day_to_day\n"
    "\n"
    '[ ] Read "Just Enough Research" by 2026-12-15\n'
    "@Maya Chen (Staff Researcher, Globex) says ok to use her name\n"
    "+ Needs #skill:SQL daily\n"
    "They ship weekly\n"
)


def run(*args: str, stdin: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("parse-notes", *args, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_cli(*args: str, stdin: str | bytes, data_dir: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "CAREERSCOUT_DATA": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "careerscout", "parse-notes", *args],
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        capture_output=True,
        env=environment,
        timeout=60,
    )


def test_json_prints_the_same_document_as_the_api():
    out, _ = run("--json", stdin=NOTES)
    assert json.loads(out) == {"items": [item.as_dict() for item in parse_notes(NOTES)]}


def test_the_topic_option_is_inherited_by_untagged_items():
    out, _ = run("--json", "--topic", "culture", stdin=NOTES)
    topics = [item["topic"] for item in json.loads(out)["items"]]
    assert topics == ["day_to_day", "culture", "culture", "culture", "culture"]


def test_human_output_has_a_line_per_item_with_kind_topic_text_and_extras():
    out, _ = run(stdin=NOTES)
    assert out.splitlines() == [
        "   1  insight   day_to_day  Most research is evaluative, not generative",
        '   3  action    -           Read "Just Enough Research"  (due 2026-12-15)',
        "   4  referral  -           Maya Chen (Staff Researcher, Globex) says ok to use her "
        "name  (person: Maya Chen · Staff Researcher · Globex)",
        "   5  appeal    -           Needs SQL daily  (skills: SQL)",
        "   6  note      -           They ship weekly",
    ]


def test_human_output_of_a_skill_item_does_not_repeat_its_skills():
    out, _ = run(stdin="#skill:SQL #skill:R\n")
    assert out.splitlines() == ["   1  skill     -           SQL, R"]


def test_windows_line_endings_are_understood():
    out, _ = run("--json", stdin=NOTES.replace("\n", "\r\n"))
    assert json.loads(out) == {"items": [item.as_dict() for item in parse_notes(NOTES)]}


@pytest.mark.parametrize("notes", ["", "  \n\n\t\n"])
def test_notes_without_text_are_refused_with_a_clear_message(notes):
    with pytest.raises(CommandError, match="No notes on standard input") as error:
        run(stdin=notes)
    assert error.value.returncode == 1


def test_json_goes_alone_to_stdout_and_exits_0(tmp_path):
    result = run_cli("--json", stdin=NOTES, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode())["items"][0]["kind"] == "insight"


def test_non_latin_text_survives_the_round_trip(tmp_path):
    result = run_cli("--json", stdin="@王伟（工程师，腾讯）可以提我的名字\n", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    [item] = json.loads(result.stdout.decode())["items"]
    assert item["person"]["name"] == "王伟"


def test_empty_input_exits_1_with_the_message_on_stderr(tmp_path):
    result = run_cli(stdin="", data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stdout == b""
    assert b"No notes" in result.stderr


def test_input_that_is_not_utf8_exits_1(tmp_path):
    result = run_cli("--json", stdin=b"! caf\xe9 au lait\n", data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stdout == b""
    assert b"not UTF-8" in result.stderr


def test_an_unknown_topic_is_a_usage_error_exiting_2(tmp_path):
    result = run_cli("--topic", "pay", stdin=NOTES, data_dir=tmp_path)
    assert result.returncode == 2
    assert b"--topic" in result.stderr
