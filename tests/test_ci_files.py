"""The GitHub composite action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml): their
definitions, and their commands run the way GitHub and pre-commit run them."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SZCHECK_BIN = Path(sys.executable).parent  # where this test run's szcheck is installed


def action():
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def step(name: str) -> dict:
    return next(s for s in action()["runs"]["steps"] if s.get("name") == name)


def run_step(name: str, project: Path, inputs: dict) -> subprocess.CompletedProcess:
    """Run a `run:` step with bash as the runner does: its env with the inputs substituted."""
    definition = step(name)
    values = {key: str(spec.get("default", "")) for key, spec in action()["inputs"].items()} | inputs
    env = {key: re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: values[m[1]], value) for key, value in definition.get("env", {}).items()}
    summary = project / "summary.md"
    environment = {**os.environ, **env, "PATH": f"{SZCHECK_BIN}{os.pathsep}{os.environ['PATH']}", "GITHUB_STEP_SUMMARY": str(summary)}
    return subprocess.run(["bash", "-e", "-c", definition["run"]], cwd=project, env=environment, capture_output=True, text=True)


def test_action_is_a_composite_action_with_documented_inputs():
    definition = action()
    assert definition["runs"]["using"] == "composite"
    assert {"args", "python-version", "working-directory", "sarif-file", "upload-sarif"} <= set(definition["inputs"])
    for spec in definition["inputs"].values():
        assert spec["description"] and "default" in spec
    uses = [s["uses"] for s in definition["runs"]["steps"] if "uses" in s]
    assert uses == ["actions/setup-python@v5", "github/codeql-action/upload-sarif@v3"]
    for s in definition["runs"]["steps"]:
        if "run" in s:
            assert s["shell"] == "bash"
            assert "${{" not in s["run"], "inputs reach scripts through env, never pasted into the script"


def test_action_installs_szcheck_from_its_own_checkout():
    assert 'python -m pip install --quiet "$GITHUB_ACTION_PATH"' in step("Install szcheck")["run"]
    assert (ROOT / "pyproject.toml").is_file()  # the action's folder is an installable project


def test_action_sarif_step_writes_a_report_and_never_fails(corpus_project):
    result = run_step("SARIF report", corpus_project, {})
    assert result.returncode == 0, result.stderr
    log = json.loads((corpus_project / "szcheck.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"]
    assert not (corpus_project / "summary.md").exists()  # the gate writes the job summary, once
    upload = step("Upload to code scanning")
    assert upload["with"]["sarif_file"] == "${{ inputs.working-directory }}/${{ inputs.sarif-file }}"


def test_action_gate_annotates_and_fails_on_new_findings_only(corpus_project):
    gate = run_step("Verify", corpus_project, {})
    assert gate.returncode == 1
    assert gate.stdout.startswith("::error ")
    assert (corpus_project / "summary.md").read_text(encoding="utf-8").startswith("# szcheck conflict report")
    baseline = ROOT / ".szcheck-baseline.yaml"
    accepted = run_step("Verify", corpus_project, {"args": f"--baseline {baseline}"})
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "::error" not in accepted.stdout


def hook():
    [definition] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return definition


def test_pre_commit_hook_runs_on_sources_claims_and_configuration():
    definition = hook()
    assert (definition["id"], definition["language"], definition["pass_filenames"]) == ("szcheck", "python", False)
    files = re.compile(definition["files"])
    for path in ("sources/a.txt", "claims/a.yaml", "szcheck.yaml", ".szcheck-baseline.yaml", "pyproject.toml"):
        assert files.search(path), path
    for path in ("src/szcheck/cli.py", "docs/ci.md", "tests/sources/a.txt"):
        assert not files.search(path), path


def test_pre_commit_hook_entry_reports_one_line_per_finding(corpus_project):
    """pre-commit runs the entry with the hook's environment on PATH and a pipe for its output."""
    command = shlex.split(hook()["entry"])
    environment = {**os.environ, "PATH": f"{SZCHECK_BIN}{os.pathsep}{os.environ['PATH']}", "COLUMNS": "80"}
    failing = subprocess.run(command, cwd=corpus_project, env=environment, capture_output=True, text=True)
    assert failing.returncode == 1
    *findings, summary = failing.stdout.splitlines()
    assert any(re.match(r"sources/[\w.-]+:\d+:\d+: SZ101 \[error\] ", line) for line in findings)
    assert summary.startswith("5 sources, ")
    (corpus_project / "szcheck.yaml").write_text(f"baseline: {ROOT / '.szcheck-baseline.yaml'}\n", encoding="utf-8")
    passing = subprocess.run(command, cwd=corpus_project, env=environment, capture_output=True, text=True)
    assert passing.returncode == 0, passing.stdout
    assert passing.stdout.splitlines()[-1].endswith("accepted in the baseline)")
