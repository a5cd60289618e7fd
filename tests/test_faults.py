"""Faults: a cache that is edited or corrupt, interrupted and concurrent runs, a disk that refuses
writes. The cache can only be missing, never wrong; nothing a person wrote is lost or half-written."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import write_source
from szcheck.cli import app

CONFLICT = ("Ningbo's R&D spending reached 35.2 billion yuan in 2023.", "Ningbo's R&D spending reached 41.7 billion yuan in 2023.")


def conflicting(project):
    write_source(project, "a", CONFLICT[0])
    write_source(project, "b", CONFLICT[1])


def cache_entries(project):
    return sorted((project / ".szcheck_cache" / "claims").glob("*.json"))


def test_an_edited_cache_entry_is_not_trusted(project, runner):
    conflicting(project)
    assert runner.invoke(app, ["extract"]).exit_code == 0
    assert runner.invoke(app, ["verify"]).exit_code == 1
    for entry in cache_entries(project):
        entry.write_text(entry.read_text(encoding="utf-8").replace("41.7 billion", "35.2 billion"), encoding="utf-8")
    assert runner.invoke(app, ["verify"]).exit_code == 1


@pytest.mark.parametrize("damage", [lambda text: text[: len(text) // 2], lambda text: "", lambda text: "x" * 64 + "\n{}"],
                         ids=["truncated", "empty", "wrong-seal"])
def test_a_corrupt_cache_entry_is_ignored_and_rebuilt(project, runner, damage):
    conflicting(project)
    assert runner.invoke(app, ["extract"]).exit_code == 0
    first = runner.invoke(app, ["verify", "-f", "json"]).stdout
    intact = {entry: entry.read_text(encoding="utf-8") for entry in cache_entries(project)}
    for entry, text in intact.items():
        entry.write_text(damage(text), encoding="utf-8")
    assert runner.invoke(app, ["verify", "-f", "json"]).stdout == first
    assert {entry: entry.read_text(encoding="utf-8") for entry in cache_entries(project)} == intact


def big_corpus(project, copies=30):
    from conftest import SOURCES

    for index in range(copies):
        for source in SOURCES.glob("*.txt"):
            (project / "sources" / f"c{index}-{source.name}").write_bytes(source.read_bytes())


def extract_process(project, *args):
    return subprocess.Popen([sys.executable, "-m", "szcheck", "extract", "-j", "2", *args], cwd=project,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def processes_with(marker: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as stream:
                if marker.encode() in stream.read():
                    found.append(int(entry))
        except (OSError, ValueError):
            continue
    return found


def all_claims_files_valid(folder):
    from szcheck.claims import load_claims_file

    for path in folder.rglob("*.yaml"):
        load_claims_file(path)


@pytest.mark.skipif(not os.path.isdir("/proc") or not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_during_extract_leaves_no_half_file_no_worker_and_no_temporary_file(project, runner):
    big_corpus(project)
    claims = f"claims-{os.getpid()}-{time.time_ns()}"  # the workers are forks of the run: they carry this in their command line
    assert runner.invoke(app, ["extract", "--claims", claims]).exit_code == 0
    for delay in (0.5, 1.0):
        process = extract_process(project, "--force", "--claims", claims)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        process.stderr.close()
        deadline = time.monotonic() + 5
        while processes_with(claims) and time.monotonic() < deadline:
            time.sleep(0.1)
        orphans = processes_with(claims)
        for pid in orphans:
            os.kill(pid, signal.SIGKILL)  # the test's own processes, so that a failure leaves none behind
        assert not orphans
        all_claims_files_valid(project / claims)
    assert runner.invoke(app, ["extract", "--claims", claims]).exit_code == 0
    assert not list((project / claims).rglob(".*"))  # the temporary files of the killed runs are gone
    all_claims_files_valid(project / claims)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="flock")
def test_two_extract_runs_at_once_take_turns(project):
    big_corpus(project, copies=20)
    first = extract_process(project)
    time.sleep(0.3)
    second = extract_process(project)
    outputs = [first.communicate(), second.communicate()]
    assert (first.returncode, second.returncode) == (0, 0), outputs
    assert "waiting for another szcheck extract into claims/" in outputs[1][1]
    assert all(line.startswith("skipped ") for line in outputs[1][0].splitlines())  # it saw the first run's files, whole
    all_claims_files_valid(project / "claims")


@pytest.mark.parametrize(("code", "where"), [(errno.EROFS, "mkstemp"), (errno.ENOSPC, "replace")], ids=["read-only", "full"])
def test_a_disk_that_refuses_writes_is_a_one_line_error_and_the_old_files_stay(project, runner, monkeypatch, code, where):
    import szcheck.claims

    conflicting(project)
    assert runner.invoke(app, ["extract"]).exit_code == 0
    before = {p: p.read_text(encoding="utf-8") for p in (project / "claims").glob("*.yaml")}
    write_source(project, "a", "Ningbo's R&D spending reached 36.0 billion yuan in 2023.")

    def refuse(*args, **options):
        raise OSError(code, os.strerror(code), "the file it was writing")

    monkeypatch.setattr(szcheck.claims.tempfile if where == "mkstemp" else szcheck.claims.os, where, refuse)
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    [line] = result.stderr.strip().splitlines()
    assert line == f"szcheck: error: claims/a.yaml: cannot write: {os.strerror(code)}"
    assert {p: p.read_text(encoding="utf-8") for p in (project / "claims").glob("*.yaml")} == before
    assert not [p for p in (project / "claims").iterdir() if p.name.startswith(".")]


def test_a_baseline_that_cannot_be_written_is_a_one_line_error(project, runner):
    conflicting(project)
    (project / "not-a-folder").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["verify", "--write-baseline", "not-a-folder/b.yaml"])
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.strip().startswith("szcheck: error: not-a-folder/b.yaml: cannot write: ")


def test_a_cache_entry_of_another_szcheck_version_is_not_read(project, runner, monkeypatch):
    import szcheck

    conflicting(project)
    assert runner.invoke(app, ["extract"]).exit_code == 0
    assert runner.invoke(app, ["verify"]).exit_code == 1
    written = cache_entries(project)
    monkeypatch.setattr(szcheck, "__version__", "0.0.0-other")  # another szcheck may read the same text otherwise
    assert runner.invoke(app, ["verify"]).exit_code == 1
    assert len(cache_entries(project)) == 2 * len(written)  # each file parsed again, and cached for this version apart


def test_a_claims_file_is_hashed_once_and_never_under_another_version(tmp_path, monkeypatch):
    import hashlib

    import szcheck
    from szcheck.claims import ParseCache

    cache = ParseCache()
    cache.use(tmp_path)
    text = "source: sources/a.md\nclaims: []\n"
    hashed = []
    monkeypatch.setattr(hashlib, "sha256", lambda data: hashed.append(data) or _sha256(data))
    cache.write(text, {"source": "sources/a.md", "claims": []})
    assert cache.read(text) == {"source": "sources/a.md", "claims": []}
    assert sum(data.endswith(text.encode()) for data in hashed) == 1  # its digest; each seal hashes the entry's body
    monkeypatch.setattr(szcheck, "__version__", "0.0.0-other")
    assert cache.read(text) is None and cache.digest(text) == _sha256(f"0.0.0-other\x00{text}".encode()).hexdigest()


def _sha256(data):
    import hashlib

    return hashlib.new("sha256", data)
