"""verify's two stage functions (`szcheck.stages`) are pure: the map over sources in any order, and
the check per entity in any order, called again or in between, give exactly verify's findings."""

from __future__ import annotations

import copy
import json
import random
from functools import cache

import pytest
from hypothesis import given, settings, strategies as st

from conftest import ROOT
from szcheck.api import load_project, read_claims_files, Project, verify
from szcheck.checks import finding_order
from szcheck.checks.descriptions import check_descriptions
from szcheck.render.json import finding_object
from szcheck.stages import check_entity, partition_key, source_claims, source_findings, source_index

CORPORA = {"bundled": (ROOT, "sources", "claims"), "tests-corpus": (ROOT / "tests" / "corpus", "articles", "no-claims")}


@cache
def corpus(name: str):
    """The corpus's sources, each with its claims file (None: extracted), and verify's findings."""
    root, sources, claims = CORPORA[name]
    project = load_project(root / sources, root / claims, root)
    files, _, _ = read_claims_files(root / claims, {s.path.as_posix() for s in project.sources}, Project([], []), root)
    expected = texts(verify(root / sources, root / claims, root).findings)
    return project.sources, files, project.findings, expected


def texts(findings) -> list[str]:
    return [json.dumps(finding_object(finding), sort_keys=True, ensure_ascii=False) for finding in findings]


def staged(name: str, source_order: list[int], shuffle: random.Random) -> list[str]:
    """verify's findings put together from the stage functions, sources and entities in the orders given."""
    sources, files, load_findings, _ = corpus(name)
    mapped = {}
    for number in source_order:
        source = sources[number]
        mapped[number] = source_claims(source, files.get(source.path.as_posix()))
    claims = [claim for number in range(len(sources)) for claim in mapped[number]]  # the corpus's order, as verify holds it
    findings = list(load_findings)
    for number in source_order:
        findings += source_findings(sources[number], mapped[number])
    partitions: dict[str, list] = {}
    for claim in claims:
        partitions.setdefault(partition_key(claim), []).append(claim)
    keys = sorted(partitions)
    shuffle.shuffle(keys)
    published = source_index(sources)
    for key in keys:
        findings += check_entity(partitions[key], published)
    findings += check_descriptions(sources, claims)
    return texts(sorted(findings, key=finding_order))


@pytest.mark.parametrize("name", CORPORA)
@settings(max_examples=4)
@given(data=st.data())
def test_the_stages_in_any_order_give_verifys_findings(name, data):
    sources = corpus(name)[0]
    order = data.draw(st.permutations(range(len(sources))))
    assert staged(name, order, random.Random(data.draw(st.integers(0, 2**32)))) == corpus(name)[3]


@pytest.mark.parametrize("name", CORPORA)
def test_a_stage_called_twice_or_after_another_call_gives_the_same_and_changes_no_input(name):
    sources, files, _, _ = corpus(name)
    claims = {s.path.as_posix(): source_claims(s, files.get(s.path.as_posix())) for s in sources}
    every = [c for s in sources for c in claims[s.path.as_posix()]]
    partitions: dict[str, list] = {}
    for claim in every:
        partitions.setdefault(partition_key(claim), []).append(claim)
    published = source_index(sources)
    kept = copy.deepcopy(partitions)
    first = {key: texts(check_entity(part, published)) for key, part in partitions.items()}
    for key in reversed(list(partitions)):
        assert texts(check_entity(partitions[key], published)) == first[key]
    assert partitions == kept
    assert any(first.values())
    for source in sources:
        mine = claims[source.path.as_posix()]
        before = copy.deepcopy(mine)
        once = texts(source_findings(source, mine))
        source_findings(sources[0], claims[sources[0].path.as_posix()])
        assert texts(source_findings(source, mine)) == once
        assert mine == before
        assert source_claims(source, files.get(source.path.as_posix())) == mine


def test_the_corpora_have_findings_of_each_stage():
    """The property above would hold trivially on a corpus without findings."""
    rules = {json.loads(text)["rule"] for name in CORPORA for text in corpus(name)[3]}
    assert {"SZ101", "SZ110", "SZ201"} <= rules and any(rule.startswith("SZ5") for rule in rules)
    assert any(rule.startswith("SZ3") for rule in rules)
