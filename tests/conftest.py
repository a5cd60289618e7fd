"""Shared fixtures: the bundled corpus and small corpora written by the tests."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

# No deadline: speed is measured in benchmarks/, and a shared machine makes a per-example deadline a flaky timed test.
settings.register_profile("szcheck", deadline=None)
settings.load_profile("szcheck")

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty szcheck project (szcheck.yaml, sources/, claims/) as the working directory."""
    (tmp_path / "szcheck.yaml").write_text("# szcheck project\n", encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def corpus_project(project):
    """A copy of the bundled corpus as a project of its own."""
    for source in SOURCES.glob("*.txt"):
        shutil.copy(source, project / "sources" / source.name)
    return project


def write_source(project: Path, name: str, body: str, published: str | None = "2025-06-01", kind: str = "news", title: str = "") -> Path:
    front = f"---\ntitle: {title or name}\npublished: {published}\nkind: {kind}\n---\n" if published else ""
    path = project / "sources" / f"{name}.txt"
    path.write_text(front + textwrap.dedent(body).strip() + "\n", encoding="utf-8")
    return path


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="Rewrite the golden files in tests/golden/ from the current output instead of comparing with them.")


@pytest.fixture
def update_goldens(request) -> bool:
    """True under `pytest --update-goldens`: golden-file tests write their output instead of comparing."""
    return bool(request.config.getoption("--update-goldens"))


def assert_tables_are_whole(tokens) -> None:
    """Every row of every markdown table (parsed by markdown-it) has as many cells as the others."""
    widths, row = [], 0
    for token in tokens:
        if token.type == "tr_open":
            row = 0
        elif token.type in ("th_open", "td_open"):
            row += 1
        elif token.type == "tr_close":
            widths.append(row)
        elif token.type == "table_close":
            assert len(set(widths)) == 1, widths
            widths = []
