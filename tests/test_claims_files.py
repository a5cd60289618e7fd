"""Claims files: extract writes them, reruns keep what people did, bad files are clear errors."""

from __future__ import annotations

import yaml

from conftest import write_source
from szcheck.cli import app

SENTENCE = "Ningbo's R&D spending reached 35.2 billion yuan in 2023, an increase of 8.1%."


def load(project, name="a"):
    return yaml.safe_load((project / "claims" / f"{name}.yaml").read_text(encoding="utf-8"))


def save(project, data, name="a"):
    (project / "claims" / f"{name}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_extract_writes_one_claims_file_per_source(project, runner):
    write_source(project, "a", SENTENCE)
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output
    data = load(project)
    assert data["source"] == "sources/a.txt"
    [spending, growth] = data["claims"]
    assert (spending["metric"], spending["value"], spending["period"], spending["line"]) == ("rd_investment", "35.2 billion yuan", "2023", 6)
    assert growth["metric"] == "rd_investment.growth"


def test_rerun_on_unchanged_source_changes_nothing(project, runner):
    write_source(project, "a", SENTENCE)
    runner.invoke(app, ["extract"])
    before = (project / "claims" / "a.yaml").read_text()
    result = runner.invoke(app, ["extract"])
    assert "skipped claims/a.yaml (source unchanged" in result.output
    assert (project / "claims" / "a.yaml").read_text() == before
    result = runner.invoke(app, ["extract", "--force"])
    assert "unchanged claims/a.yaml" in result.output
    assert (project / "claims" / "a.yaml").read_text() == before


def test_hand_edits_survive_reextraction(project, runner):
    write_source(project, "a", SENTENCE)
    runner.invoke(app, ["extract"])
    data = load(project)
    data["claims"][0]["period"] = "2022"  # a person corrects the period, leaving status alone
    data["claims"][1]["status"] = "rejected"
    save(project, data)
    result = runner.invoke(app, ["extract", "--force"])
    assert "2 kept as edited" in result.output
    after = load(project)["claims"]
    assert after[0]["period"] == "2022"
    assert after[1]["status"] == "rejected"


def test_reviewed_claim_survives_even_when_the_source_changes(project, runner):
    write_source(project, "a", SENTENCE)
    runner.invoke(app, ["extract"])
    data = load(project)
    data["claims"][0]["status"] = "reviewed"
    save(project, data)
    write_source(project, "a", "Ningbo's R&D spending reached 36.0 billion yuan in 2023.")
    runner.invoke(app, ["extract"])
    claims = load(project)["claims"]
    values = {(c["value"], c["status"]) for c in claims}
    assert ("35.2 billion yuan", "reviewed") in values
    assert ("36.0 billion yuan", "extracted") in values


def test_machine_claim_whose_quote_disappeared_is_removed(project, runner):
    write_source(project, "a", SENTENCE + "\n\nAs of June 2025, Ningbo had 1,250 robotics startups.")
    runner.invoke(app, ["extract"])
    write_source(project, "a", SENTENCE + "\n\nAs of June 2025, Ningbo had 1,350 robotics startups.")  # a correction
    result = runner.invoke(app, ["extract"])
    assert "0 stale, 1 removed" in result.output
    assert [c["value"] for c in load(project)["claims"]] == ["35.2 billion yuan", "8.1%", "1,350"]
    report = runner.invoke(app, ["verify", "-f", "json", "--fail-on", "warning"])
    assert report.exit_code == 0 and '"SZ401"' not in report.stdout


def test_an_older_unedited_stale_claim_is_removed(project, runner):
    write_source(project, "a", SENTENCE)
    runner.invoke(app, ["extract"])
    data = load(project)
    data["claims"].append({**data["claims"][0], "id": "old", "value": "30 billion yuan", "status": "stale",
                           "quote": "Ningbo's R&D spending reached 30 billion yuan in 2023."})
    from szcheck.extract import claim_checksum
    from szcheck.model import Claim

    old = data["claims"][-1]
    old["checksum"] = claim_checksum(Claim(**{k: v for k, v in old.items() if k != "checksum"}, source="sources/a.txt"))
    save(project, data)
    assert "1 removed" in runner.invoke(app, ["extract", "--force"]).output
    assert "old" not in [c["id"] for c in load(project)["claims"]]


def test_edited_claims_whose_quote_disappeared_are_kept_and_marked_stale(project, runner):
    write_source(project, "a", SENTENCE + "\n\nAs of June 2025, Ningbo had 1,250 robotics startups.")
    runner.invoke(app, ["extract"])
    data = load(project)
    data["claims"][0]["status"] = "reviewed"
    data["claims"][2]["entity"] = "Ningbo city"  # edited by hand
    save(project, data)
    write_source(project, "a", "Ningbo's R&D spending reached 36.0 billion yuan in 2023.")
    result = runner.invoke(app, ["extract"])
    assert "2 stale" in result.output
    claims = {c["value"]: c for c in load(project)["claims"]}
    assert (claims["35.2 billion yuan"]["status"], claims["1,250"]["status"]) == ("reviewed", "stale")
    assert claims["1,250"]["entity"] == "Ningbo city"
    assert "8.1%" not in claims  # unedited, its quote gone: removed
    assert "2 stale" in runner.invoke(app, ["extract", "--force"]).output  # still kept on the next run


def test_prune_removes_stale_claims_and_dry_run_shows_it(project, runner):
    write_source(project, "a", SENTENCE + "\n\nAs of June 2025, Ningbo had 1,250 robotics startups.")
    runner.invoke(app, ["extract"])
    data = load(project)
    data["claims"][2]["status"] = "reviewed"
    save(project, data)
    write_source(project, "a", SENTENCE)
    runner.invoke(app, ["extract"])
    before = (project / "claims" / "a.yaml").read_text()
    dry = runner.invoke(app, ["extract", "--prune", "--dry-run"])
    assert "would write" in dry.output and "1 removed" in dry.output
    assert (project / "claims" / "a.yaml").read_text() == before
    assert "1 removed" in runner.invoke(app, ["extract", "--prune"]).output
    assert [c["value"] for c in load(project)["claims"]] == ["35.2 billion yuan", "8.1%"]
    assert runner.invoke(app, ["verify", "--fail-on", "warning"]).exit_code == 0


def test_claims_files_are_written_with_the_users_umask(project, runner):
    import os

    write_source(project, "a", SENTENCE)
    previous = os.umask(0o022)
    try:
        runner.invoke(app, ["extract"])
    finally:
        os.umask(previous)
    assert (project / "claims" / "a.yaml").stat().st_mode & 0o777 == 0o644


def test_dry_run_writes_nothing(project, runner):
    write_source(project, "a", SENTENCE)
    result = runner.invoke(app, ["extract", "--dry-run"])
    assert result.exit_code == 0 and "would write" in result.output
    assert not (project / "claims" / "a.yaml").exists()


def test_malformed_claims_file_is_exit_2_with_file_and_line(project, runner):
    write_source(project, "a", SENTENCE)
    (project / "claims" / "a.yaml").write_text("source: sources/a.txt\nclaims:\n  - id: x\n    value: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2
    assert "claims/a.yaml:" in result.output and "invalid YAML" in result.output
    assert "Traceback" not in result.output


def test_unreadable_value_is_exit_2_naming_the_claim_line(project, runner):
    write_source(project, "a", SENTENCE)
    save(project, {"source": "sources/a.txt", "claims": [{"id": "x", "entity": "Ningbo", "metric": "rd_investment", "value": "a lot"}]})
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2
    assert "claims/a.yaml:3: cannot read a figure in value 'a lot'" in result.output


def test_unknown_qualifier_and_duplicate_ids_are_errors(project, runner):
    write_source(project, "a", SENTENCE)
    claim = {"id": "x", "entity": "Ningbo", "metric": "rd_investment", "value": "35.2 billion yuan"}
    save(project, {"source": "sources/a.txt", "claims": [{**claim, "qualifier": "roughly"}]})
    assert "qualifier 'roughly' is not one of" in runner.invoke(app, ["verify"]).output
    save(project, {"source": "sources/a.txt", "claims": [claim, dict(claim)]})
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2 and "duplicate claim id 'x'" in result.output


def test_yaml_aliases_are_refused(project, runner):
    write_source(project, "a", SENTENCE)
    (project / "claims" / "a.yaml").write_text("source: sources/a.txt\nx: &a [1, 2]\nclaims: *a\n", encoding="utf-8")
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2 and "aliases" in result.output


def test_claims_file_for_a_missing_source_is_an_error(project, runner):
    write_source(project, "a", SENTENCE)
    save(project, {"source": "sources/gone.txt", "claims": []}, name="gone")
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2 and "claims/gone.yaml:2: source 'sources/gone.txt' is not found" in result.output


def test_unknown_key_warns_with_the_nearest_valid_key(project, runner):
    write_source(project, "a", SENTENCE)
    save(project, {"source": "sources/a.txt", "claims": [{"id": "x", "entity": "Ningbo", "metric": "rd_investment", "value": "35.2 billion yuan", "perod": "2023"}]})
    result = runner.invoke(app, ["verify", "-f", "json"])
    assert result.exit_code == 0
    assert "unknown key 'perod' ignored (did you mean 'period'?)" in result.stdout


def test_claims_survive_a_round_trip_through_their_file(tmp_path):
    from pathlib import Path

    from szcheck.claims import load_claims_file, render_claims_file
    from szcheck.extract import extract_claims
    from szcheck.sources import read_source

    root = Path(__file__).resolve().parent.parent
    for path in sorted((root / "sources").glob("*.txt")):
        source = read_source(path, root)
        extracted = extract_claims(source)
        target = tmp_path / f"{source.id}.yaml"
        target.write_text(render_claims_file(source.path.as_posix(), source.sha256, extracted), encoding="utf-8")
        loaded = load_claims_file(target).claims
        assert loaded == extracted
        assert [c.quantity.interval if c.quantity else None for c in loaded] == [c.quantity.interval if c.quantity else None for c in extracted]


def test_committed_claims_of_the_bundled_corpus_are_current(runner, monkeypatch):
    """claims/ holds what `szcheck extract` writes for sources/: regenerate with `szcheck extract --force`."""
    from pathlib import Path

    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    result = runner.invoke(app, ["extract", "--force", "--dry-run"])
    assert result.exit_code == 0
    assert result.output.count("unchanged claims/") == 5, result.output
    assert result.output.count(" 0 kept as edited") == 5, result.output  # checksums still match the extractor's


def test_a_fall_keeps_its_sign_through_the_claims_file(project, runner):
    import json as json_module

    write_source(project, "a", "Ningbo's R&D spending fell 3.2% in 2024.")
    write_source(project, "b", "Ningbo's R&D spending grew 3.2% in 2024.")
    runner.invoke(app, ["extract"])
    assert load(project)["claims"][0]["direction"] == "down"
    report = json_module.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)
    [finding] = report["findings"]
    assert finding["rule"] == "SZ101" and sorted(c["value"] for c in finding["claims"]) == [-3.2, 3.2]
