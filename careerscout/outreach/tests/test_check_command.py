import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careerscout.outreach.checker import check_draft

BAD_BODY = "To whom it may concern,\n\nI'm a graduate. I've attached my CV. Are you hiring?\n"
BAD_DRAFT = "Subject: Hello\n\n" + BAD_BODY
GOOD_DRAFT = (
    "Subject: Your work in UX research\n\nHi Maya,\n\nWe met at the UX Berlin meetup. "
    "Would you be open to a 20-minute call next week?\n\nThanks,\nAlex\n"
)


def run(*args: str, stdin: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("check-outreach", *args, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_cli(*args: str, stdin: str, data_dir: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "CAREERSCOUT_DATA": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "careerscout", "check-outreach", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def test_json_prints_the_same_document_as_the_api_and_nothing_else():
    out, _ = run("--json", stdin=BAD_DRAFT)
    assert json.loads(out) == check_draft("request", "Hello", BAD_BODY).as_dict()


def test_the_kind_defaults_to_request():
    out, _ = run("--json", stdin=BAD_DRAFT)
    assert "connection_not_first" in [f["code"] for f in json.loads(out)["findings"]]


def test_the_kind_option_chooses_the_rules():
    out, _ = run("--kind", "thank_you", "--json", stdin=BAD_DRAFT)
    codes = {f["code"] for f in json.loads(out)["findings"]}
    assert codes == {"generic_greeting", "no_specific"}


def test_human_output_gives_the_word_count_and_a_line_per_finding_with_its_span():
    out, _ = run(stdin=BAD_DRAFT)
    lines = out.splitlines()
    assert lines[0] == "15 words."
    [attachment] = [line for line in lines if " attachment " in line]
    assert attachment.startswith("error")
    assert attachment.endswith("(line 3: “attached my CV”)")
    assert len(lines) == 1 + len(check_draft("request", "Hello", BAD_BODY).findings)


def test_human_output_says_so_when_there_is_nothing_to_fix():
    out, _ = run(stdin=GOOD_DRAFT)
    assert out.splitlines()[1].startswith("Nothing to fix")


def test_an_empty_subject_line_is_a_finding():
    out, _ = run("--json", stdin="Subject:\n\nHi Maya,\n\nWe met. Could we talk for 20 minutes?")
    assert [f["code"] for f in json.loads(out)["findings"]] == ["missing_subject"]


def test_windows_line_endings_and_a_missing_blank_line_are_tolerated():
    out, _ = run("--json", stdin=GOOD_DRAFT.replace("\n\nHi", "\nHi").replace("\n", "\r\n"))
    assert json.loads(out)["findings"] == []


def test_input_without_a_subject_line_is_refused_with_a_clear_message():
    with pytest.raises(CommandError, match="first line should be “Subject: …”") as error:
        run(stdin="Hi Maya,\n\nWe met at the meetup.")
    assert error.value.returncode == 1


def test_empty_input_is_refused():
    with pytest.raises(CommandError, match="No draft"):
        run(stdin="  \n")


def test_findings_still_exit_0_and_json_goes_alone_to_stdout(tmp_path):
    result = run_cli("--json", stdin=BAD_DRAFT, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["findings"]


def test_bad_input_exits_1_with_the_message_on_stderr(tmp_path):
    result = run_cli(stdin="Hi Maya,\n", data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Subject:" in result.stderr


def test_an_unknown_kind_is_a_usage_error_exiting_2(tmp_path):
    result = run_cli("--kind", "cover_letter", stdin=GOOD_DRAFT, data_dir=tmp_path)
    assert result.returncode == 2
    assert "--kind" in result.stderr
