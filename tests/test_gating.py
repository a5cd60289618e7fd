"""CI gating: exit codes, --fail-on, --select/--ignore, baselines and configuration."""

from __future__ import annotations

import json

import yaml

from conftest import write_source
from szcheck.cli import app

CONFLICT = ("Ningbo's R&D spending reached 35.2 billion yuan in 2023.", "Ningbo's R&D spending reached 41.7 billion yuan in 2023.")


def conflicting(project):
    write_source(project, "a", CONFLICT[0])
    write_source(project, "b", CONFLICT[1])


def test_exit_codes_follow_fail_on(project, runner):
    conflicting(project)
    assert runner.invoke(app, ["verify", "-q"]).exit_code == 1
    assert runner.invoke(app, ["verify", "-q", "--fail-on", "never"]).exit_code == 0
    write_source(project, "b", "Ningbo's R&D spending reached 35.2 billion yuan in 2023.")
    assert runner.invoke(app, ["verify", "-q"]).exit_code == 0
    assert runner.invoke(app, ["verify", "-q", "--fail-on", "warning"]).exit_code == 0


def test_select_and_ignore_by_code_or_family(project, runner):
    conflicting(project)
    ignored = runner.invoke(app, ["verify", "-f", "json", "--ignore", "SZ1"])
    assert ignored.exit_code == 0 and json.loads(ignored.stdout)["findings"] == []
    selected = runner.invoke(app, ["verify", "-f", "json", "--select", "SZ101,SZ5"])
    assert [f["rule"] for f in json.loads(selected.stdout)["findings"]] == ["SZ101"]


def test_baseline_accepts_known_findings_and_reports_stale_entries(project, runner):
    conflicting(project)
    written = runner.invoke(app, ["verify", "--write-baseline", "baseline.yaml", "--reason", "known slip"])
    assert written.exit_code == 0 and "wrote 1 accepted" in written.stdout
    entries = yaml.safe_load((project / "baseline.yaml").read_text())["accepted"]
    assert [(e["rule"], e["reason"]) for e in entries] == [("SZ101", "known slip")]

    accepted = runner.invoke(app, ["verify", "-f", "json", "--baseline", "baseline.yaml"])
    assert accepted.exit_code == 0
    [finding] = json.loads(accepted.stdout)["findings"]
    assert (finding["accepted"], finding["reason"]) == (True, "known slip")

    write_source(project, "b", "Ningbo's R&D spending reached 35.2 billion yuan in 2023.")
    stale = runner.invoke(app, ["verify", "-f", "json", "--baseline", "baseline.yaml", "--fail-on", "warning"])
    assert stale.exit_code == 1
    assert [f["rule"] for f in json.loads(stale.stdout)["findings"] if f["severity"] != "info"] == ["SZ403"]


def test_a_new_finding_fails_even_with_a_baseline(project, runner):
    conflicting(project)
    runner.invoke(app, ["verify", "--write-baseline", "baseline.yaml"])
    write_source(project, "c", "Hangzhou's R&D spending reached 35.2 billion yuan in 2023. Hangzhou is a city.")
    write_source(project, "d", "Hangzhou's R&D spending reached 50.1 billion yuan in 2023. Hangzhou is a city.")
    assert runner.invoke(app, ["verify", "-q", "--baseline", "baseline.yaml"]).exit_code == 1


def test_configuration_in_szcheck_yaml_and_flags_override_it(project, runner):
    conflicting(project)
    (project / "szcheck.yaml").write_text("fail_on: never\nignore: [SZ5]\n", encoding="utf-8")
    assert runner.invoke(app, ["verify", "-q"]).exit_code == 0
    assert runner.invoke(app, ["verify", "-q", "--fail-on", "error"]).exit_code == 1


def test_configuration_in_pyproject_toml(project, runner):
    conflicting(project)
    (project / "szcheck.yaml").unlink()
    (project / "pyproject.toml").write_text("[tool.szcheck]\nselect = ['SZ5']\n", encoding="utf-8")
    assert runner.invoke(app, ["verify", "-q"]).exit_code == 0


def test_bad_configuration_is_exit_2_and_unknown_keys_warn(project, runner):
    conflicting(project)
    (project / "szcheck.yaml").write_text("fail_on: sometimes\n", encoding="utf-8")
    result = runner.invoke(app, ["verify", "-q"])
    assert result.exit_code == 2 and "szcheck.yaml" in result.output and "sometimes" in result.output
    (project / "szcheck.yaml").write_text("fial_on: never\n", encoding="utf-8")
    result = runner.invoke(app, ["verify", "-q"])
    assert "unknown configuration key 'fial_on' ignored (did you mean 'fail_on'?)" in result.output


def test_github_step_summary_gets_the_markdown_report(project, runner, monkeypatch):
    conflicting(project)
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    runner.invoke(app, ["verify", "-q"])
    assert summary.read_text(encoding="utf-8").startswith("# szcheck conflict report")


def test_quiet_with_a_machine_format_is_a_usage_error(project, runner):
    result = runner.invoke(app, ["verify", "-q", "-f", "json"])
    assert result.exit_code == 2 and "--quiet" in result.output


def test_output_to_a_folder_is_a_usage_error(project, runner):
    conflicting(project)
    result = runner.invoke(app, ["verify", "-f", "json", "-o", "sources"])
    assert result.exit_code == 2 and "is a folder" in result.output


def test_project_registry_file_adds_a_metric(project, runner):
    (project / "szcheck.yaml").write_text("registry: [our-registry.yaml]\n", encoding="utf-8")
    (project / "our-registry.yaml").write_text(
        "metrics:\n  robot_density:\n    label: robot density\n    unit: count\n    kind: balance\n"
        "    aliases: [robot density, industrial robot density]\n", encoding="utf-8")
    write_source(project, "a", "By the end of 2024, Ningbo's industrial robot density reached 450.")
    write_source(project, "b", "Ningbo's robot density was 520 by the end of 2024.")
    result = runner.invoke(app, ["verify", "-f", "json"])
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["metric"]) == ("SZ101", "robot_density")


def accepted_ids(result) -> set[str]:
    return {f["id"] for f in json.loads(result.stdout)["findings"] if f.get("accepted")}


def test_a_source_repeating_one_side_keeps_the_accepted_finding(project, runner):
    conflicting(project)
    runner.invoke(app, ["verify", "--write-baseline", "baseline.yaml"])
    [entry] = yaml.safe_load((project / "baseline.yaml").read_text())["accepted"]
    write_source(project, "c", "In 2023, Ningbo's R&D spending reached 41.7 billion yuan, the city said.")
    result = runner.invoke(app, ["verify", "-f", "json", "--baseline", "baseline.yaml", "--fail-on", "warning"])
    assert result.exit_code == 0, result.stdout
    assert accepted_ids(result) == {entry["id"]}
    assert "SZ403" not in {f["rule"] for f in json.loads(result.stdout)["findings"]}


def test_inserting_unrelated_lines_changes_no_id(project, runner):
    conflicting(project)
    before = {f["id"] for f in json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)["findings"]}
    write_source(project, "a", "The city opened a new library.\n\nIt has many books.\n\n" + CONFLICT[0])
    after = {f["id"] for f in json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)["findings"]}
    assert before == after and before


def test_a_different_value_is_a_different_finding(project, runner):
    conflicting(project)
    before = {f["id"] for f in json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)["findings"] if f["rule"] == "SZ101"}
    write_source(project, "b", "Ningbo's R&D spending reached 44.9 billion yuan in 2023.")
    after = {f["id"] for f in json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)["findings"] if f["rule"] == "SZ101"}
    assert before and after and before.isdisjoint(after)


def test_ids_are_unique_in_the_bundled_corpus(corpus_project, runner):
    ids = [f["id"] for f in json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)["findings"]]
    assert len(ids) == len(set(ids)) > 5
