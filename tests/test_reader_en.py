"""Cases for the English figure reader, one YAML file per class in tests/data/reader_en/.

Each case is a sentence and every figure a careful reader takes from it, in textual order
([] when it holds none). A figure states its value in the base unit as an exact decimal string
and its unit; kind, qualifier, low, high (and period) are checked only where a case gives them.
`approx: true` on a figure compares value/low/high to a relative 1e-5 (for conversions that do
not terminate, such as km/h to m/s); everything else must be exactly equal as a decimal.

Cases that fail today are listed in known_gaps.txt and run as xfail(strict=True): a case that
starts passing must be taken off that list.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
import yaml

# The reader under test: the one place its import path is named.
from szcheck.reader import read_figures

DATA = Path(__file__).resolve().parent / "data" / "reader_en"
KNOWN_GAPS = DATA / "known_gaps.txt"

CASE_KEYS = {"id", "text", "published", "currency", "figures"}
FIGURE_KEYS = {"value", "unit", "kind", "qualifier", "low", "high", "period", "approx", "noun"}
KINDS = {"amount", "share", "growth", "count", "rate", "duration"}
QUALIFIERS = {"exact", "about", "over", "at_least", "under", "at_most", "nearly", "level", "range"}
NUMERIC = ("value", "low", "high")
REL_TOLERANCE = Decimal("1e-5")


def load_cases(folder: Path = DATA, skip: frozenset[str] = frozenset()) -> list[dict]:
    """Every case of the folder's case files (but those named in `skip`), each with its file name."""
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name in skip:
            continue
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            cases.append({**case, "_file": path.name})
    return cases


def load_known_gaps(path: Path = KNOWN_GAPS) -> list[str]:
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


CASES = load_cases()
GAPS = set(load_known_gaps())


def read(case: dict):
    """Call the reader; the source's default currency is passed only when the case has one."""
    published = case.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    kwargs = {}
    if case.get("currency"):
        kwargs["currency"] = case["currency"]
    figures = read_figures(case["text"], published, **kwargs)
    return sorted(figures, key=lambda fig: getattr(fig, "start", 0))


def as_decimal(x) -> Decimal:
    if isinstance(x, Decimal):
        return x
    if isinstance(x, float) and math.isinf(x):
        return Decimal("Infinity") if x > 0 else Decimal("-Infinity")
    return Decimal(str(x))


def same_number(have, want, approx: bool) -> bool:
    """Exact: the reader's value is the expected decimal, or, as a float, the float nearest to it
    (710 hp is 529446.9088234118562 W; the nearest float is all a float can hold)."""
    written = have
    try:
        have, want = as_decimal(have), as_decimal(want)
    except (InvalidOperation, TypeError, ValueError):
        return False  # the reader gave no number (None) or something that is not one
    if not approx or want.is_infinite() or have.is_infinite() or want == 0:
        return have == want or (isinstance(written, float) and written == float(want))
    return abs(have - want) < REL_TOLERANCE * abs(want)


def describe(fig) -> str:
    fields = ["value", "low", "high", "unit", "qualifier", "kind", "period"]
    shown = " ".join(f"{name}={getattr(fig, name, None)!r}" for name in fields)
    return f"{getattr(fig, 'surface', '?')!r} {shown}"


def problems_of(case: dict, figures: list) -> list[str]:
    expected = case["figures"]
    problems = []
    if len(figures) != len(expected):
        problems.append(f"expected {len(expected)} figure(s), read {len(figures)}")
    for i, (fig, want) in enumerate(zip(figures, expected), start=1):
        approx = bool(want.get("approx"))
        for name in NUMERIC:
            if name in want and not same_number(getattr(fig, name), want[name], approx):
                problems.append(f"figure {i} {name}: expected {want[name]}, read {getattr(fig, name)!r}")
        for name in ("unit", "kind", "qualifier", "period", "noun"):
            if name in want and getattr(fig, name, None) != want[name]:
                problems.append(f"figure {i} {name}: expected {want[name]!r}, read {getattr(fig, name, None)!r}")
    return problems


def params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason="listed in known_gaps.txt")] if case["id"] in GAPS else []
        yield pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", list(params()))
def test_reader_en(case):
    figures = read(case)
    problems = problems_of(case, figures)
    read_lines = "\n      ".join(describe(fig) for fig in figures) or "(nothing)"
    assert not problems, f"{case['text']!r}\n" + "\n".join(problems) + "\nread: " + read_lines


# ------------------------------------------------------------- the data itself ----

def test_case_ids_are_unique():
    ids = [case["id"] for case in CASES]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate case ids: {duplicates}"


def test_known_gaps_name_existing_cases_once():
    listed = load_known_gaps()
    ids = {case["id"] for case in CASES}
    assert len(listed) == len(set(listed)), "an id is listed twice in known_gaps.txt"
    missing = sorted(set(listed) - ids)
    assert not missing, f"known_gaps.txt names cases that do not exist: {missing}"


def test_cases_are_well_formed():
    problems = []
    for case in CASES:
        where = f"{case['_file']}:{case.get('id')}"
        extra = set(case) - CASE_KEYS - {"_file"}
        if extra:
            problems.append(f"{where}: unknown keys {sorted(extra)}")
        if not isinstance(case.get("id"), str) or not isinstance(case.get("text"), str):
            problems.append(f"{where}: id and text must be strings")
        if "currency" in case and not (isinstance(case["currency"], str) and len(case["currency"]) == 3
                                       and case["currency"].isupper()):
            problems.append(f"{where}: currency must be an ISO 4217 code")
        if "published" in case and not isinstance(case["published"], (date, str)):
            problems.append(f"{where}: published must be a date (YYYY-MM-DD)")
        if not isinstance(case.get("figures"), list):
            problems.append(f"{where}: figures must be a list")
            continue
        for i, fig in enumerate(case["figures"], start=1):
            if not {"value", "unit"} <= set(fig):
                problems.append(f"{where} figure {i}: value and unit are required")
            if set(fig) - FIGURE_KEYS:
                problems.append(f"{where} figure {i}: unknown keys {sorted(set(fig) - FIGURE_KEYS)}")
            for name in NUMERIC:
                if name not in fig:
                    continue
                x = fig[name]
                if isinstance(x, float) and math.isinf(x):
                    continue
                if not isinstance(x, str):
                    problems.append(f"{where} figure {i} {name}: write it as a quoted decimal string")
                    continue
                try:
                    Decimal(x)
                except InvalidOperation:
                    problems.append(f"{where} figure {i} {name}: {x!r} is not a decimal")
            if "approx" in fig and not isinstance(fig["approx"], bool):
                problems.append(f"{where} figure {i}: approx must be true or false")
            if fig.get("kind", "amount") not in KINDS:
                problems.append(f"{where} figure {i}: unknown kind {fig['kind']!r}")
            if fig.get("qualifier", "exact") not in QUALIFIERS:
                problems.append(f"{where} figure {i}: unknown qualifier {fig['qualifier']!r}")
    assert not problems, "\n".join(problems)


def test_enough_cases_per_class():
    per_file: dict[str, int] = {}
    for case in CASES:
        per_file[case["_file"]] = per_file.get(case["_file"], 0) + 1
    assert sum(per_file.values()) >= 320
    assert all(count >= 25 for count in per_file.values()), per_file



def rewrite_known_gaps() -> None:
    """`python tests/test_reader_en.py`: list the cases the reader gets wrong now in known_gaps.txt
    (its header kept), to be reviewed as a diff."""
    header = [line for line in KNOWN_GAPS.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    failing = []
    for case in CASES:
        try:
            wrong = bool(problems_of(case, read(case)))
        except Exception:  # noqa: BLE001 - a case the reader cannot take at all is a gap too
            wrong = True
        if wrong:
            failing.append(case["id"])
    KNOWN_GAPS.write_text("\n".join(header + failing) + "\n", encoding="utf-8")
    print(f"{len(failing)} of {len(CASES)} cases listed in {KNOWN_GAPS.name}")


if __name__ == "__main__":
    rewrite_known_gaps()
