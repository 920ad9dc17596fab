"""The apps stand in layers (pyproject.toml, [tool.importlinter]); a lower app importing a
higher one fails here, naming the import."""

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[2]


def test_no_app_imports_an_app_above_it(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    exit_code = lint_imports(
        config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True
    )
    assert exit_code == 0, capsys.readouterr().out
