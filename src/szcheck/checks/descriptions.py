"""Description checks (SZ3xx): a description that belongs to something else, or contradicts another."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from ..registry import Mention, find_mentions
from ..rules import document_rule, make_finding
from ..model import Claim, Finding, Source
from ..reader.patterns import first_character_test, prefix_tree, word_alternation
from ..registry import load_categories, load_registry
from ..sources import sentences
from .wording import source_name


document_rule(
    "SZ301",
    "description-mismatch",
    "error",
    """A description says an entity is a kind of thing that contradicts how the sources use it.

    A glossary says the "Shenzhen Angel Mother Fund" is a charity for bereaved mothers, while the
    articles pitch at it, say it has invested in 973 enterprises and give its size as a
    10-billion-yuan fund in a sci-tech finance system. szcheck infers each entity's category from the
    words around its mentions (data/categories.yaml: cues of use, and which categories are
    compatible) and reports a description whose category fits none of them. With two or more uses it
    is an error, with one a warning. The likely cause is usually a different organisation with a
    similar name.
    """,
)


document_rule(
    "SZ302",
    "description-fact-conflict",
    "error",
    """Two descriptions of one entity state different founding years.""",
)


document_rule(
    "SZ303",
    "off-topic-description",
    "warning",
    """A description talks about something other than the entity ("is not a specific place or
    cultural site"): boilerplate generated for the wrong kind of thing, to be read with care.""",
)


@functools.cache
def usage_cues() -> list[tuple[str, str, re.Pattern]]:
    """(category, 'before' | 'after', pattern) for every cue of use in data/categories.yaml."""
    cues = []
    for category, sides in load_categories()["usage"].items():
        for side, phrases in sides.items():
            alternatives = word_alternation(phrases).replace("…", r"\S*(?:\s+\S+){0,8}?")
            pattern = rf"(?:{alternatives})\s*$" if side == "before" else rf"^\s*(?:{alternatives})"
            cues.append((category, side, re.compile(pattern, re.I)))
    return cues


@functools.cache
def may_hold_cue() -> re.Pattern:
    """The longest word of every cue: a sentence without any of them has no cue next to a mention,
    so its mentions (the costly part: every alias of the registry) need not be looked for."""
    words = {max(re.split(r"[\s…]+", phrase), key=len) for sides in load_categories()["usage"].values()
             for phrases in sides.values() for phrase in phrases}
    return re.compile(f"{first_character_test(words)}(?:{prefix_tree(words)})", re.I)


@functools.cache
def sized_metrics() -> frozenset[str]:
    """The metrics whose figures are uses of their entity ('a 10-billion-yuan fund' is a fund's size)."""
    return frozenset(load_categories().get("usage_metrics", {}))


def compatible(first: str, second: str) -> bool:
    return first == second or frozenset((first, second)) in compatible_pairs()


@functools.cache
def compatible_pairs() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(pair) for pair in load_categories()["compatible"])


def usage_claim(source: Source, sentence, entity: str, category: str, cue: str) -> Claim:
    return Claim(id=f"usage-{sentence.line}-{sentence.column}", source=source.path.as_posix(), entity=entity, metric="usage",
                 value=cue, kind="description", quote=sentence.text, line=sentence.line, column=sentence.column,
                 category=category, period_basis="none")


def described_mentions(text: str, names: re.Pattern | None) -> list[Mention]:
    """Mentions of registry entities and of entities only the descriptions name ("Acme Robotics")."""
    found = find_mentions(text, "entities")
    if names is not None:
        taken = [(m.start, m.end) for m in found]
        for match in names.finditer(text):
            if not any(start < match.end() and match.start() < end for start, end in taken):
                found.append(Mention(match.start(), match.end(), match.group(0)))
    return found


def entity_usages(sources: list[Source], claims: list[Claim], described: set[str]) -> dict[str, list[Claim]]:
    """How the sources use each entity, as transient claims: the cue, its category and the sentence."""
    usages: dict[str, list[Claim]] = defaultdict(list)
    registry = load_registry()
    unknown = sorted(name for name in described if name not in registry.entities)
    names = re.compile(word_alternation(unknown)) if unknown else None
    metric_cues = load_categories().get("usage_metrics", {})
    contexts = {metric: re.compile(word_alternation(spec["context"]), re.I) for metric, spec in metric_cues.items()}
    sized = sized_by_sentence(claims, metric_cues)
    split: dict[tuple[str, int], list] = {}  # a text published in several sources (wire copy) is split once
    cued: dict[str, list[tuple[str, str, str]]] = {}  # and each sentence's uses are read once
    for source in sources:
        path = source.path.as_posix()
        body = (source.body, source.body_offset_line)
        if body not in split:
            split[body] = sentences(source)
        for sentence in split[body]:
            if not sentence.section:  # a glossary entry describes its subject: the description, not a use of anything
                uses = cued.get(sentence.text)
                if uses is None:
                    uses = cued[sentence.text] = sentence_uses(sentence.text, names)
                for name, category, cue in uses:
                    usages[name].append(usage_claim(source, sentence, name, category, cue))
            for claim in sized.get((path, sentence.text), ()):
                if contexts[claim.metric].search(sentence.text):
                    category = metric_cues[claim.metric]["category"]
                    usages[claim.entity].append(usage_claim(source, sentence, claim.entity, category,
                                                            f"{claim.value} {claim.metric.replace('_', ' ')}"))
    return usages


def sentence_uses(text: str, names: re.Pattern | None) -> list[tuple[str, str, str]]:
    """(entity, category, cue) for each mention of a sentence that a cue of use stands next to."""
    if not may_hold_cue().search(text):
        return []
    uses = []
    for mention in described_mentions(text, names):
        found = cue_in(text, mention)
        if found:
            uses.append((mention.name, *found))
    return uses


def sized_by_sentence(claims: list[Claim], metric_cues: dict) -> dict[tuple[str, str], list[Claim]]:
    """Figures that show a use (a fund's size), by the sentence stating them: looked up per
    sentence, never scanned. One claim per (source, sentence, entity), the last one stated."""
    sized = {(c.source, c.quote, c.entity): c for c in claims if c.metric in metric_cues and c.kind != "description"}
    by_sentence: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for (path, quote, _), claim in sized.items():
        by_sentence[(path, quote)].append(claim)
    return by_sentence


def cue_in(text: str, mention) -> tuple[str, str] | None:
    """The longest cue of use right before or after a mention: (category, cue text)."""
    before = re.split(r"[;.!?]", text[max(0, mention.start - 200) : mention.start])[-1]
    after = re.split(r"[,;.!?]", text[mention.end : mention.end + 200])[0]
    best = None
    for category, side, pattern in usage_cues():
        match = pattern.search(before) if side == "before" else pattern.search(after)
        if match and (best is None or len(match.group(0)) > len(best[1])):
            best = (category, match.group(0).strip())
    return best


def check_descriptions(sources: list[Source], claims: list[Claim]) -> list[Finding]:
    descriptions = [c for c in claims if c.metric == "description" and c.status not in ("rejected", "stale")]
    if not descriptions:
        return []
    usages = entity_usages(sources, claims, {c.entity for c in descriptions})
    return mismatches(descriptions, usages) + founding_conflicts(descriptions) + off_topic(descriptions)


def mismatches(descriptions: list[Claim], usages: dict[str, list[Claim]]) -> list[Finding]:
    """SZ301 for each description whose category fits none of the entity's uses. Sources stating the
    same description of an entity (wire copy) make one finding, as they share its id: each source
    is one of its claims, and the uses are counted once, so the work grows with the claims."""
    findings, same = [], defaultdict(list)
    for description in descriptions:
        if description.category and usages.get(description.entity):
            same[(description.entity, description.category, description.value)].append(description)
    counted = {}
    for (entity, described_as, _), stating in same.items():
        if entity not in counted:
            counted[entity] = Counter(u.category for u in usages[entity])
        counts = counted[entity]
        if any(compatible(described_as, category) for category in counts):
            continue
        findings.append(mismatch(stating, usages[entity], counts))
    return findings


def mismatch(stating: list[Claim], used: list[Claim], counts: Counter) -> Finding:
    description = stating[0]
    category, count = counts.most_common(1)[0]
    contrary = [u for u in used if u.category == category]
    others = len({c.source for c in stating[1:]} - {description.source})
    message = (
        f"{source_name(description.source)} describes {description.entity} as: {description.category} "
        f"(\"{description.value[:90]}\"), but {count} use(s) in {len({u.source for u in contrary})} source(s) "
        f"treat it as: {category} (" + "; ".join(f'"{u.value}" in {source_name(u.source)}:{u.line}' for u in contrary[:4]) + ")"
        + (f"; {others} other source(s) give the same description" if others else "")
    )
    diagnosis = (
        f"likely a description of a different organisation with a similar name: nothing in the sources uses "
        f"{description.entity} as a {description.category}"
    )
    details = {"described_as": description.category, "used_as": category, "uses": count}
    return make_finding("SZ301", message, [*stating, *contrary], severity="error" if count >= 2 else "warning",
                        entity=description.entity, metric="description", diagnosis=diagnosis, details=details,
                        identity=(description.value, category))


def founding_conflicts(descriptions: list[Claim]) -> list[Finding]:
    by_entity: dict[str, list[Claim]] = defaultdict(list)
    for claim in descriptions:
        if claim.founded:
            by_entity[claim.entity].append(claim)
    findings = []
    for entity, claims in by_entity.items():
        years = {c.founded for c in claims}
        if len(years) > 1 and len({c.source for c in claims}) > 1:
            stated = "; ".join(f"{c.founded} in {source_name(c.source)}" for c in claims)
            findings.append(make_finding("SZ302", f"{entity} was founded in {stated}", claims, entity=entity, metric="founded",
                                         details={"years": sorted(years)}))
    return findings


def off_topic(descriptions: list[Claim]) -> list[Finding]:
    phrases = re.compile(word_alternation(load_categories()["off_topic"]), re.I)
    findings, seen = [], set()
    for claim in descriptions:
        match = phrases.search(claim.quote)
        if match and claim.quote not in seen:
            seen.add(claim.quote)
            message = f"the description of {claim.entity} in {source_name(claim.source)} says \"{match.group(0)}\": boilerplate generated for the wrong kind of thing"
            findings.append(make_finding("SZ303", message, [claim], entity=claim.entity, metric="description", identity=(claim.quote,)))
    return findings
