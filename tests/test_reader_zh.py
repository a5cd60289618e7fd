"""Chinese figures read in a sentence (tests/data/reader_zh/*.yaml but numerals.yaml, one file per
class), checked like the English cases: every figure a careful reader takes, in textual order.

Cases that fail today are listed in tests/data/reader_zh/known_gaps.txt and run as
xfail(strict=True): a case that starts passing must be taken off that list
(`python tests/test_reader_zh.py` rewrites it, to be reviewed as a diff).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_reader_en import CASE_KEYS, load_cases, load_known_gaps, problems_of, read

DATA = Path(__file__).resolve().parent / "data" / "reader_zh"
KNOWN_GAPS = DATA / "known_gaps.txt"
NOT_FIGURE_CASES = frozenset({"numerals.yaml"})  # the numeral reader's own cases (tests/test_zh_numerals.py)
TRADITIONAL = "這個們時來說國會過對經業發產開關東動機將從還與點頭問題實現區應學億萬額貨幣權圍總長線術處數據營報電車輛廠場貿質價資費稅務錢銀號類專際濟縣鎮聯體積極進減層強"


CASES = load_cases(DATA, NOT_FIGURE_CASES)
GAPS = set(load_known_gaps(KNOWN_GAPS))


def params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason="listed in known_gaps.txt")] if case["id"] in GAPS else []
        yield pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", list(params()))
def test_reader_zh(case):
    figures = read(case)
    problems = problems_of(case, figures)
    assert not problems, f"{case['text']!r}\n" + "\n".join(problems) + "\nread: " + repr(
        [(f.surface, f.value, f.low, f.high, f.unit, f.qualifier, f.kind, f.period) for f in figures])


def test_case_ids_are_unique_and_known_gaps_exist():
    ids = Counter(case["id"] for case in CASES)
    assert not [i for i, n in ids.items() if n > 1]
    listed = load_known_gaps(KNOWN_GAPS)
    assert len(listed) == len(set(listed))
    assert not set(listed) - set(ids), sorted(set(listed) - set(ids))


def test_cases_are_well_formed():
    for case in CASES:
        assert not set(case) - CASE_KEYS - {"_file"}, case["id"]
        assert isinstance(case["figures"], list), case["id"]
        for figure in case["figures"]:
            assert "value" in figure and ("unit" in figure or case["_file"] == "figures.yaml"), case["id"]
            assert all(isinstance(figure[k], (str, float)) for k in ("value", "low", "high") if k in figure), case["id"]


def test_every_class_has_positive_and_negative_cases_and_traditional_text():
    per_file = Counter(case["_file"] for case in CASES)
    negatives = Counter(case["_file"] for case in CASES if not case["figures"])
    assert sum(per_file.values()) >= 300
    assert all(count >= 25 for count in per_file.values()), per_file
    assert sum(1 for case in CASES if any(c in TRADITIONAL for c in case["text"])) >= 60
    assert sum(negatives.values()) >= 40, negatives


def rewrite_known_gaps() -> None:
    """List the cases the reader gets wrong now in known_gaps.txt (its header kept)."""
    header = [line for line in KNOWN_GAPS.read_text(encoding="utf-8").splitlines() if line.startswith("#")] if KNOWN_GAPS.exists() else []
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



def test_context_words_skipped_in_text_without_han_all_hold_a_han_character():
    """The Chinese context rules skip a sentence without Han characters (languages.zh.figures.has_han):
    exact only while every word they look for there holds one."""
    from szcheck.languages import HAN, read_language_data
    from szcheck.languages.zh import figures, numerals

    raw = read_language_data("zh", "figures")
    lists = {key: raw[key] for key in ("furniture_labels", "name_after", "page_after", "clock_after", "qualifiers_after_noun",
                                        "share_nouns", "share_phrases", "rate_nouns", "big_scales")}
    lists["qualifiers_before_verb"] = [w for ws in raw["qualifiers_before_verb"].values() for w in ws]
    lists["intake"] = list(figures.INTAKE_AFTER)
    lists["year_prefixes"] = numerals.vocabulary().raw["year_prefixes"]
    without = {key: [w for w in found if not HAN.search(str(w))] for key, found in lists.items()}
    assert not any(without.values()), without
    assert all(HAN.search(c) for c in figures.YUAN_WITH_CHANGE.pattern if c.isalpha())


def test_identifier_label_without_han_still_marks_a_number_in_english_text():
    from szcheck.reader import read_figures

    assert [f.surface for f in read_figures("Reach the desk on QQ: 88881234 or by mail, 40 staff said.")] == ["40"]
