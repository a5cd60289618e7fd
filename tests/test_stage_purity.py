"""The two stages of verify are pure functions, which is what a cluster engine (Ray Data, Dask) needs
to run them on many machines: a map over sources producing claims, and a group-by on the claim key
producing findings. Same input, same output; no input changed; no state kept between calls; the
group-by can be cut by entity and the pieces checked apart."""

from __future__ import annotations

import copy
import json
import os
import random
import subprocess
import sys
from pathlib import Path

from szcheck.api import claims_file_paths, read_sources
from szcheck.checks import run_checks
from szcheck.claims import load_claims_file
from szcheck.entities import entity_key
from szcheck.extract import extract_claims
from szcheck.render.json import finding_object

ROOT = Path(__file__).resolve().parent.parent
PER_ENTITY = ("SZ1", "SZ201", "SZ204", "SZ205", "SZ207")  # rules that look only at one entity's claims


def bundled():
    sources = read_sources([ROOT / "sources"], ROOT)
    claims = [claim for path in claims_file_paths(ROOT / "claims") for claim in load_claims_file(path).claims]
    return sources, claims


def findings_text(findings) -> list[str]:
    return [json.dumps(finding_object(finding), sort_keys=True) for finding in findings]


def per_entity(findings) -> set[str]:
    return set(findings_text([finding for finding in findings if finding.rule.startswith(PER_ENTITY)]))


def test_map_over_sources_gives_the_same_claims_in_any_order_and_on_every_call():
    sources, _ = bundled()
    first = {source.path.as_posix(): extract_claims(source) for source in sources}
    shuffled = sources[:]
    random.Random(7).shuffle(shuffled)
    again = {source.path.as_posix(): extract_claims(source) for source in shuffled}
    assert first == again
    assert all(first.values())


def test_group_by_gives_the_same_findings_twice_and_leaves_its_input_as_it_was():
    sources, claims = bundled()
    before = copy.deepcopy(claims)
    first = findings_text(run_checks(sources, claims))
    other_sources, other_claims = bundled()
    run_checks(other_sources[:2], other_claims[:40])  # a call in between must leave nothing behind
    assert findings_text(run_checks(sources, claims)) == first
    assert claims == before


def test_group_by_cut_by_entity_gives_the_findings_of_the_whole():
    sources, claims = bundled()
    whole = per_entity(run_checks(sources, claims))
    parts: dict[str, list] = {}
    for claim in claims:
        parts.setdefault(entity_key(claim.entity), []).append(claim)
    pieces = set()
    for part in parts.values():
        pieces |= per_entity(run_checks(sources, part))
    assert whole
    assert pieces == whole


def test_verify_does_not_depend_on_the_interpreter_it_runs_in(tmp_path):
    """Two fresh processes with different string hashing (set and dict orders built from hashes
    differ): the same report, byte for byte."""
    reports = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "szcheck", "verify", "-f", "json", "--fail-on", "never"],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        reports.append(done.stdout)
    assert reports[0] == reports[1]
    assert json.loads(reports[0])["findings"]


def test_a_source_gets_the_same_own_findings_whatever_other_source_shares_its_text():
    """verify reads a text published in several sources once (wire copy): each source still gets
    the findings it gets alone, with its own path, and a text moved down a line is read again."""
    import dataclasses

    from szcheck.checks.hygiene import check_sources

    sources, _ = bundled()
    copies = [dataclasses.replace(s, path=Path("sources/copy") / s.path.name) for s in sources]
    moved = [dataclasses.replace(s, path=Path("sources/moved") / s.path.name, body_offset_line=s.body_offset_line + 1) for s in sources]
    together = check_sources(sources + copies + moved)
    for group in (sources, copies, moved):
        paths = {s.path.as_posix() for s in group}
        mine = [f for f in together if f.claims[0].source in paths]
        assert findings_text(mine) == findings_text(check_sources(group))
    assert findings_text(check_sources(copies)) != findings_text(check_sources(moved))
