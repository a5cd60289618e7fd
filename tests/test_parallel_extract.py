"""`extract -j N`: each source's whole pipeline runs in a worker, and the run says and writes exactly
what one process does: the same files, the same lines in the same order, the same errors and exit code."""

from __future__ import annotations

import shutil

import pytest

from conftest import SOURCES, write_source
from szcheck.cli import app

CITIES = ["Ningbo", "Hangzhou", "Wuxi", "Suzhou", "Xiamen", "Fuzhou", "Hefei", "Jinan", "Qingdao", "Dalian", "Harbin", "Kunming"]


def mixed_project(project):
    """Sources that are extracted, skipped as current, refused or unreadable, and claims files that
    cannot be read or name the same source twice: more sources than a worker takes at a time."""
    for source in SOURCES.glob("*.txt"):
        shutil.copy(source, project / "sources" / source.name)
    for number, city in enumerate(CITIES):
        write_source(project, f"city-{number:02d}", f"{city}'s R&D spending reached {30 + number}.5 billion yuan in 2023. "
                                                     f"{city} had {1200 + number} national high-tech enterprises by the end of 2024.")
    (project / "sources" / "latin1.txt").write_bytes("---\ntitle: x\n---\nCaf\xe9 revenue rose 5% in 2024.\n".encode("latin-1"))
    write_source(project, "broken-claims", "Jinan's R&D spending reached 40.2 billion yuan in 2023.")
    (project / "claims" / "broken-claims.yaml").write_text("source: sources/broken-claims.txt\nclaims:\n  - id: [unclosed\n",
                                                           encoding="utf-8")
    write_source(project, "twice", "Wuxi's R&D spending reached 12.3 billion yuan in 2023.")
    for name in ("twice.yaml", "twice-copy.yaml"):
        (project / "claims" / name).write_text("source: sources/twice.txt\nclaims: []\n", encoding="utf-8")


def run_extract(project, runner, monkeypatch, *options):
    monkeypatch.chdir(project)
    result = runner.invoke(app, ["extract", *options])
    files = {path.relative_to(project).as_posix(): path.read_bytes()
             for path in sorted(project.rglob("*")) if path.is_file() and path.suffix in (".yaml", ".json")}
    return result.exit_code, result.stdout, result.stderr, files


@pytest.mark.parametrize("options", [(), ("--force",), ("--dry-run",), ("--prune",)], ids=["first", "force", "dry-run", "prune"])
def test_jobs_2_says_and_writes_what_jobs_1_does(project, runner, monkeypatch, tmp_path_factory, options):
    mixed_project(project)
    runner.invoke(app, ["extract", "sources/city-00.txt", "sources/city-01.txt"])  # two current claims files: skipped
    write_source(project, "city-01", "Ningbo's R&D spending reached 31.9 billion yuan in 2023.")  # and one changed since
    twin = tmp_path_factory.mktemp("twin")
    shutil.copytree(project, twin, dirs_exist_ok=True)
    single = run_extract(project, runner, monkeypatch, "-j", "1", *options)
    parallel = run_extract(twin, runner, monkeypatch, "-j", "2", *options)
    assert parallel == single
    code, stdout, stderr, files = single
    assert code == 2 and "latin1.txt" in stderr and "claims/broken-claims.yaml:4: invalid YAML" in stderr
    assert len(stdout.splitlines()) == len(CITIES) + 5  # every source but the three in error
    if not options:
        assert stdout.count("skipped ") == 1 and any(name.startswith(".szcheck_cache/claims/") for name in files)


def test_a_worker_sends_back_counts_not_claims():
    from szcheck.api import SourceTask, extract_one
    from szcheck.claims import MergeCounts
    from szcheck.sources import read_source

    source = read_source(next(SOURCES.glob("*.txt")), SOURCES.parent)
    result = extract_one(SourceTask(source, SOURCES.parent / "no-such-folder" / "x.yaml", dry_run=True, prune=False))
    assert isinstance(result.merge, MergeCounts) and result.merge.claims == result.merge.added > 0
    assert not result.written and result.errors == []
