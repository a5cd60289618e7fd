"""Re-extraction keeps what a person decided, attached to the figure it was about, and the keys they
added (comments: test_claims_comments.py)."""

from __future__ import annotations

import yaml

from conftest import write_source
from szcheck.cli import app

SENTENCE = "Ningbo's R&D spending reached 35.2 billion yuan in 2023."


def load(project):
    return yaml.safe_load((project / "claims" / "a.yaml").read_text(encoding="utf-8"))


def save(project, data):
    (project / "claims" / "a.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def extract(runner, *args):
    result = runner.invoke(app, ["extract", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_corrected_value_is_not_added_back_beside_the_correction(project, runner):
    write_source(project, "a", SENTENCE)
    extract(runner)
    data = load(project)
    data["claims"][0].update(value="35.3 billion yuan", status="reviewed")
    save(project, data)
    extract(runner, "--force")
    claims = load(project)["claims"]
    assert [(c["value"], c["status"]) for c in claims] == [("35.3 billion yuan", "reviewed")]


def test_a_rejected_claim_stays_rejected_when_a_typo_elsewhere_in_its_sentence_is_fixed(project, runner):
    write_source(project, "a", "Ningbo's R&D spendng reached 35.2 billion yuan in 2023.")
    extract(runner)
    data = load(project)
    data["claims"][0]["status"] = "rejected"
    save(project, data)
    write_source(project, "a", "Some words.\n\n" + SENTENCE)  # a typo fixed, and lines inserted above
    extract(runner)
    [claim] = load(project)["claims"]
    assert claim["status"] == "rejected" and claim["quote"] == SENTENCE and claim["line"] == 8


def test_a_figure_the_source_changed_leaves_the_reviewed_claim_stale(project, runner):
    write_source(project, "a", SENTENCE)
    extract(runner)
    data = load(project)
    data["claims"][0]["status"] = "reviewed"
    save(project, data)
    write_source(project, "a", SENTENCE.replace("35.2", "36.0"))
    extract(runner)
    assert {(c["value"], c["status"]) for c in load(project)["claims"]} == {("35.2 billion yuan", "reviewed"), ("36.0 billion yuan", "extracted")}


def test_keys_a_person_added_survive_reextraction(project, runner):
    write_source(project, "a", SENTENCE)
    extract(runner)
    data = load(project)
    data = {"source": data["source"], "reviewer": "Li Wei", **data}
    data["claims"][0]["note"] = {"checked": "with the statistics bureau", "on": "2025-06-02"}
    data["claims"][0]["status"] = "reviewed"
    save(project, data)
    write_source(project, "a", SENTENCE + "\n\nNingbo had 1,250 robotics startups in 2024.")
    extract(runner)
    after = load(project)
    assert after["reviewer"] == "Li Wei"
    [claim] = [c for c in after["claims"] if c["value"] == "35.2 billion yuan"]
    assert claim["note"] == {"checked": "with the statistics bureau", "on": "2025-06-02"} and claim["status"] == "reviewed"
    assert runner.invoke(app, ["verify", "-q"]).exit_code == 0
