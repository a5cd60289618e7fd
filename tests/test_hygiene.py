"""Source hygiene (SZ5xx): the defects of the bundled corpus in place, silence on clean articles of
both languages (tests/hygiene/clean/), and each defect planted into a clean article reported alone
at its line."""

from __future__ import annotations

import re

import json
from pathlib import Path

import pytest

from szcheck.checks.hygiene import text_findings
from szcheck.checks.hygiene_rules import han_count, hits
from szcheck.cli import app
from szcheck.model import Source
from szcheck.sources import is_heading, read_source

ROOT = Path(__file__).resolve().parent.parent
CLEAN = sorted((Path(__file__).resolve().parent / "hygiene" / "clean").glob("*.md"))
ENGLISH = [p for p in CLEAN if p.name.startswith("en-")]
CHINESE = [p for p in CLEAN if p.name.startswith("zh-")]

GOV = "sources/2018-08-09-shenzhen-government-innovation-profile.txt"
HERALD = "sources/2025-05-13-21st-century-herald-sci-tech-finance-plan.txt"
XINHUA = "sources/2025-09-02-xinhua-gii-cluster.txt"
NEWS = "sources/2025-09-15-shenzhen-news-tech-finance.txt"

# Every hygiene defect of the bundled corpus: (rule, file, line, column, the text quoted).
CORPUS_DEFECTS = {
    ("SZ503", HERALD, 11, 1, "支持产业科技创新中心建设 深圳已评定45家科技支行"),  # the Chinese headline of an English summary
    ("SZ503", NEWS, 28, 682, "invest安心ly"),
    ("SZ504", NEWS, 34, 460, "“preferential loans + future"),  # cut off, then the glossary begins
    ("SZ505", XINHUA, 9, 2, "date 2025-09-02"),
    ("SZ506", HERALD, 10, 1, "Workflow"),
    ("SZ507", HERALD, 12, 1, "2 1 Shi Ji Jing Ji Bao Dao"),
    ("SZ508", HERALD, 14, 1, "Core Viewpoint - Shenzhen's financial regulatory bureau has"),
    ("SZ509", GOV, 37, 547, "Learn more at:"),
    ("SZ509", GOV, 40, 387, "Learn more at:"),
    ("SZ509", GOV, 52, 554, "Learn more at:"),
    ("SZ509", GOV, 48, 487, "www."),
    ("SZ510", HERALD, 14, 359, "[1][2]"),
    ("SZ511", GOV, 40, 1, "BGI-Shenzhen"),  # its heading was lost: it runs on under "China Hi-Tech Fair"
    ("SZ512", GOV, 15, 268, "\u00a0 "),
    ("SZ512", GOV, 37, 415, "\u00a0 "),
    ("SZ512", GOV, 56, 83, "\u00a0 "),
    ("SZ512", GOV, 56, 255, "\u00a0 "),
    ("SZ513", NEWS, 10, 616, "…"),
}


@pytest.fixture(scope="module")
def corpus_findings():
    return [f for path in sorted((ROOT / "sources").glob("*.txt")) for f in text_findings(read_source(path, ROOT))]


def located(findings) -> set[tuple]:
    return {(f.rule, c.source, c.line, c.column, c.value) for f in findings for c in f.claims}


def test_the_corpus_defects_are_reported_in_place(corpus_findings):
    found = located(corpus_findings)
    citations = {item for item in found if item[0] == "SZ510"}
    assert len(citations) == 12  # every marker of the summary, one finding
    assert found - citations == CORPUS_DEFECTS - citations
    assert ("SZ510", HERALD, 14, 359, "[1][2]") in citations
    assert len(corpus_findings) >= 10 and len({f.rule for f in corpus_findings}) == 11


def test_corpus_findings_quote_their_text_and_severities_follow_the_issue(corpus_findings):
    for finding in corpus_findings:
        text = finding.claims[0].value
        assert text in finding.message or not text.strip(), finding.message
        assert finding.severity == ("info" if finding.rule in ("SZ510", "SZ512", "SZ513") else "warning")
    truncated = next(f for f in corpus_findings if f.rule == "SZ504")
    assert "a new section begins at line 36" in truncated.message


def test_the_source_whose_figures_are_clean_has_no_hygiene_finding(corpus_findings):
    assert not [f for f in corpus_findings if f.entity == "2025-12-18-shenzhen-sci-tech-achievements-2020-2024"]


def test_citation_markers_are_never_read_as_figures(corpus_project, runner):
    report = json.loads(runner.invoke(app, ["verify", "-f", "json"]).stdout)
    texts = {c["text"] for f in report["findings"] if not f["rule"].startswith("SZ5") for c in f["claims"]}
    assert not {"[1]", "1", "[1][2]", "2"} & texts


# --- clean articles ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_a_clean_article_has_no_hygiene_finding(path):
    source = read_source(path)
    assert source.meta["language"] in ("en", "zh") and source.published and source.title
    assert 150 <= len(source.body.split()) + han_count(source.body) // 2 <= 450  # words, a Han character half of one
    assert text_findings(source) == []


def test_clean_articles_in_a_project_give_no_sz5_finding(project, runner):
    for path in CLEAN:
        (project / "sources" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    report = json.loads(runner.invoke(app, ["verify", "-f", "json", "--fail-on", "never"]).stdout)
    assert report["summary"]["sources"] == len(CLEAN) >= 10
    assert [f["message"] for f in report["findings"] if f["rule"].startswith("SZ5")] == []


LEGITIMATE = [
    # (language, body): text that looks like a defect to a careless reader and is not one
    ("en", "A headline that runs on for quite a few words without any closing punctuation at all here\n\nThe city said it would act. Its report lists the budget:\n\n- loans to small manufacturers grew faster than mortgages over the whole of the year\n- deposits rose for the fourth quarter in a row, led by households in the suburbs\n\n| district | budget  |\n| --- | --- |\n| Nanshan | 12.5 billion yuan |"),
    ("en", "Officials said the tables would be posted online within a week for anyone to download from https://example.gov.cn/tables\n\nWhat the council promised to revisit:\n\n- the bus routes that were cut in the spring, and the fares on the two ferry lines"),
    ("en", "The observatory recorded 300 millimetres of rain in two days, the most since records began. (Xinhua)\n\nThe rain eased on Monday, and the trains ran again on the coastal line (as the operator had promised)."),
    ("en", "\u201cWe will keep investing in the coastal towns, and we will keep listening to the people who live there,\u201d"),
    ("en", "\u201cThe first year was hard. We lost money on every car we sold, and many people told us to stop.\n\n\u201cBut we kept going, and by the third year the factory was full.\u201d"),
    ("en", "\u201cWe were not sure\u2026 Then the orders came,\u201d the founder said of the company\u2019s difficult first winter in the city."),
    ("en", "2025-09-02 10:00 Source: Xinhua\n\nUpdated: 2025-09-02\n\nThe talks, chaired by Xi Jinping, ended a day early. The brand name \u201c\u5e73\u5b89\u201d (\u201csafe and well\u201d) was chosen in 1988.  It stuck."),
    ("en", "How To Be A Man In The Modern Workplace\n\nThe book sold well. Readers in Hong Kong and Macao bought most of the copies in its first week on sale."),
    ("zh", "\u5e02\u653f\u5e9c\u5e38\u52a1\u4f1a\u8bae\u7814\u7a76\u4e86\u4eca\u5e74\u7684\u9632\u6c5b\u5de5\u4f5c\uff0c\u8981\u6c42\u5404\u533a\u63d0\u524d\u505a\u597d\u6392\u6c34\u8bbe\u65bd\u68c0\u67e5\uff0c\u786e\u4fdd\u7fa4\u4f17\u751f\u547d\u8d22\u4ea7\u5b89\u5168\u3002\uff08\u5b8c\uff09"),
    ("zh", "\u4ed6\u8bf4\uff1a\u201c\u6211\u4eec\u4f1a\u7ee7\u7eed\u52a0\u5927\u5bf9\u79d1\u6280\u578b\u4f01\u4e1a\u7684\u652f\u6301\u529b\u5ea6\uff0c\u8ba9\u66f4\u591a\u521b\u4e1a\u8005\u5728\u8fd9\u91cc\u5b89\u5fc3\u53d1\u5c55\u2026\u2026\u201d\u8fd9\u4f4d\u8d1f\u8d23\u4eba\u8868\u793a\uff0c\u76f8\u5173\u653f\u7b56\u5c06\u5728\u5e74\u5185\u51fa\u53f0\u3002"),
]


@pytest.mark.parametrize("language, body", LEGITIMATE)
def test_legitimate_text_that_looks_like_a_defect_is_left_alone(tmp_path, language, body):
    front = ["---", "title: t", "published: 2025-06-01", f"language: {language}", "---"]
    headline = [] if body.startswith(("A headline", "How To", "2025")) else ["News in brief", ""]  # the rest is running text
    assert [(h.code, h.message) for h in hits(read_text(tmp_path, "t.md", front + headline + body.split("\n")))] == []


# --- planted defects --------------------------------------------------------------------------------

def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def body_start(lines: list[str]) -> int:
    return lines.index("---", 1) + 1


def headline(lines: list[str]) -> int:
    return next(i for i in range(body_start(lines), len(lines)) if lines[i].strip())


def prose(lines: list[str]) -> list[int]:
    return [i for i in range(body_start(lines), len(lines)) if len(lines[i].split()) > 12 or han_count(lines[i]) > 30]


def middle(lines: list[str]) -> int:
    """A paragraph of running text in the middle of the article, followed by another paragraph."""
    paragraphs = prose(lines)
    return paragraphs[len(paragraphs) // 2]


def insert_line(lines, at, text):
    return lines[:at] + [text, ""] + lines[at:], at


def replace_line(lines, at, text):
    return lines[:at] + [text] + lines[at + 1 :], at


def fuse_han(lines):
    at = middle(lines)
    words = lines[at].split(" ")
    k = next(i for i, w in enumerate(words) if w.isalpha() and len(w) >= 6)
    words[k] = words[k][:3] + "稳定" + words[k][3:]
    return replace_line(lines, at, " ".join(words))


def han_between_words(lines):
    at = middle(lines)
    words = lines[at].split(" ")
    k = next(i for i in range(1, len(words) - 1) if words[i].isalpha() and words[i - 1].isalpha())
    return replace_line(lines, at, " ".join(words[:k] + ["稳步"] + words[k:]))


def chinese_headline(lines):
    return insert_line(lines, headline(lines) + 1, "南京发布新规 推动先进制造业加快升级")


def cut(text: str) -> str:
    at = int(len(text) * 0.8)
    if " " in text[at:]:
        return text[: text.index(" ", at)]
    while not ("\u4e00" <= text[at - 1] <= "\u9fff"):
        at -= 1
    return text[:at]


def truncate_middle(lines):
    at = max(prose(lines)[:-1], key=lambda i: len(lines[i]))  # long enough to stay running text once cut
    return replace_line(lines, at, cut(lines[at]))


def truncate_end(lines):
    at = prose(lines)[-1]
    return lines[:at] + [cut(lines[at])], at


def unclosed_bracket(lines):
    at = middle(lines)
    text = lines[at]
    return replace_line(lines, at, text[:-1] + ("（详见附表" if han_count(text) else " (see the table") + text[-1])


def date_in_headline(lines):
    at = headline(lines)
    label = "发布时间：2025-06-13 " if han_count(lines[at]) else "date 2025-06-13 "
    return replace_line(lines, at, label + lines[at])


def navigation_word(lines):
    return insert_line(lines, headline(lines) + 1, "Share")


def navigation_bar(lines):
    return insert_line(lines, headline(lines), "首页 | 新闻 | 返回" if han_count(lines[headline(lines)]) else "Home | News | Print")


def next_article_link(lines):
    return lines + ["", "上一篇：市政府召开常务会议" if han_count("\n".join(lines)) > 100 else "Previous article: Port handles record cargo"], len(lines) + 1


def footer_licence(lines):
    return lines + ["", "Copyright © 2025 City News Network. All rights reserved."], len(lines) + 1


def pinyin_byline(lines):
    return insert_line(lines, headline(lines) + 1, "Ning Bo Ri Bao · 2026-01-20" if not han_count(lines[headline(lines)]) else "Chong Qing Shang Bao 2025-12-03")


def one_line(lines):
    start = body_start(lines)
    body = " ".join(line.strip() for line in lines[start:] if line.strip())
    return lines[:start] + [body], start


def stripped_lead_in(lines):
    at = middle(lines)
    return replace_line(lines, at, lines[at] + (" 详情请见：" if han_count(lines[at]) else " Learn more at:"))


def bare_www(lines):
    at = middle(lines)
    return replace_line(lines, at, lines[at] + (" 网站：www." if han_count(lines[at]) else " Details: www."))


def citation_markers(lines):
    at = middle(lines)
    return replace_line(lines, at, lines[at] + "[1][2]")


GLOSSARY = {"en-university.md": ("Xiamen Coastal Engineering Institute", "Huandao Seawall", "Gulangyu Ferry Pier"),
            "zh-university.md": ("智能医疗", "产教融合", "校企合作")}  # an entry's heading, another's, a name neither describes


def missing_heading(lines, name):
    at = lines.index(GLOSSARY[name][0])
    return lines[:at] + lines[at + 2 :], at  # the entry's paragraph moves up to the heading's line


def wrong_heading(lines, name):
    heading, other = GLOSSARY[name][1], GLOSSARY[name][2]
    return replace_line(lines, lines.index(heading), other)[0], lines.index(heading) + 2


def inside_a_sentence(text: str) -> int:
    """Where a space between two words (or two Han characters) is, or would be, in the second half of a line."""
    return next(k for k in range(len(text) // 2, len(text) - 1) if text[k - 1].isalpha() and (text[k] == " " or text[k].isalpha()))


def nbsp_space(lines):
    at = middle(lines)
    text, k = lines[at], inside_a_sentence(lines[at])
    return replace_line(lines, at, text[:k] + "\u00a0 " + text[k + (text[k] == " ") :])


def doubled_space(lines):
    at = middle(lines)
    text, k = lines[at], inside_a_sentence(lines[at])
    return replace_line(lines, at, text[:k] + "  " + text[k + (text[k] == " ") :])


def closing_ellipsis(lines):
    at = prose(lines)[0]
    return replace_line(lines, at, lines[at][:-1] + ("……" if han_count(lines[at]) else "…"))


def chinese_ellipsis_in_english(lines):
    at = next(i for i in prose(lines) if ". " in lines[i])
    text = lines[at]
    k = text.index(". ")
    return replace_line(lines, at, text[:k] + "……" + text[k + 1 :])


BOTH = CLEAN
PLANTED = [
    ("SZ503", fuse_han, ENGLISH), ("SZ503", han_between_words, ENGLISH), ("SZ503", chinese_headline, ENGLISH),
    ("SZ504", truncate_middle, BOTH), ("SZ504", truncate_end, BOTH), ("SZ504", unclosed_bracket, BOTH),
    ("SZ505", date_in_headline, BOTH),
    ("SZ506", navigation_word, ENGLISH), ("SZ506", navigation_bar, BOTH), ("SZ506", next_article_link, BOTH),
    ("SZ506", footer_licence, ENGLISH),
    ("SZ507", pinyin_byline, BOTH),
    ("SZ508", one_line, BOTH),
    ("SZ509", stripped_lead_in, BOTH), ("SZ509", bare_www, BOTH),
    ("SZ510", citation_markers, BOTH),
    ("SZ511", missing_heading, [p for p in CLEAN if p.name in GLOSSARY]),
    ("SZ511", wrong_heading, [p for p in CLEAN if p.name in GLOSSARY]),
    ("SZ512", nbsp_space, BOTH), ("SZ512", doubled_space, BOTH),
    ("SZ513", closing_ellipsis, BOTH), ("SZ513", chinese_ellipsis_in_english, ENGLISH),
]
CASES = [(code, plant, path) for code, plant, paths in PLANTED for path in paths]


def read_text(tmp_path: Path, name: str, lines: list[str]) -> Source:
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return read_source(path)


@pytest.mark.parametrize("code, plant, path", CASES, ids=[f"{c}-{p.__name__}-{f.stem}" for c, p, f in CASES])
def test_a_planted_defect_is_reported_alone_at_its_line(tmp_path, code, plant, path):
    lines, at = plant(lines_of(path), path.name) if code == "SZ511" else plant(lines_of(path))
    source = read_text(tmp_path, path.name, lines)
    found = hits(source)
    assert {hit.code for hit in found} == {code}, [(h.code, h.line, h.message) for h in found]
    assert {hit.line for hit in found} == {at + 1}, [(h.code, h.line, h.message) for h in found]
    for hit in found:
        assert lines[at][hit.column - 1 :].startswith(hit.text)


@pytest.mark.parametrize("plant", [fuse_han, han_between_words], ids=lambda p: p.__name__)
def test_a_chinese_source_is_never_flagged_for_its_chinese(tmp_path, plant):
    for path in CHINESE:
        lines = lines_of(path)
        start = headline(lines)
        english = lines[:start] + ["The city budget, a plain summary in English for our readers abroad"] + lines[start + 1 :]
        planted, _ = insert_line(english, start + 1, "深圳 人工智能 先行 示范区")
        assert read_source(path).meta["language"] == "zh"
        assert [h for h in hits(read_text(tmp_path, path.name, planted)) if h.code == "SZ503"] == []


def test_language_is_read_from_the_text_without_front_matter(tmp_path):
    lines = lines_of(CHINESE[0])
    body = lines[body_start(lines):]
    source = read_text(tmp_path, "bare.txt", body[:1] + ["", "Shenzhen Daily"] + body[1:])
    assert not [h for h in hits(source) if h.code == "SZ503"]


def test_a_heading_is_not_running_text():
    assert is_heading("Where the money goes")


def test_a_long_pathological_line_is_read(tmp_path):
    """Every rule over lines built to make a backtracking or quadratic reader slow finishes and still
    finds what those lines hold: the doubled spaces (SZ512) on line 8, the citation marks (SZ510) on
    line 12, the call to action (SZ509) on line 13. (How the time grows is measured by
    benchmarks/hostile_linearity.py --only hygiene, not asserted here.)"""
    size = 20_000
    lines = ["---", "title: t", "published: 2025-01-01", "language: en", "---", "Headline",
             "(" * size + "]" * size, "a  " * size, "1 " * size + "Shi Ji Jing Ji", "安 a " * size, "….." * size,
             "[1]" * size, "word " * size + "Learn more at:", "www." * size, "The " + "Big " * size + "is a thing."]
    found = hits(read_text(tmp_path, "long.txt", lines))
    assert {("SZ512", 8), ("SZ510", 12), ("SZ509", 13)} <= {(hit.code, hit.line) for hit in found}


# --- the family in the command line and the report ----------------------------------------------------

def test_explain_lists_the_family(runner):
    listing = runner.invoke(app, ["explain", "SZ5"])
    assert listing.exit_code == 0
    codes = [line.split()[0] for line in listing.stdout.splitlines()]
    assert codes == [f"SZ5{n:02d}" for n in range(1, 14)]
    assert "stripped-link" in listing.stdout and "info" in listing.stdout
    assert "Learn more at" in runner.invoke(app, ["explain", "SZ509"]).stdout
    assert runner.invoke(app, ["explain", "SZ9"]).exit_code == 2


def test_hygiene_findings_are_selectable(corpus_project, runner):
    only = json.loads(runner.invoke(app, ["verify", "-f", "json", "--select", "SZ509"]).stdout)
    assert {f["rule"] for f in only["findings"]} == {"SZ509"}
    none = json.loads(runner.invoke(app, ["verify", "-f", "json", "--ignore", "SZ5"]).stdout)
    assert not [f for f in none["findings"] if f["rule"].startswith("SZ5")]


def test_the_shipped_baseline_accepts_every_corpus_warning(corpus_project, runner):
    (corpus_project / "baseline.yaml").write_text((ROOT / ".szcheck-baseline.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["verify", "-q", "--baseline", "baseline.yaml", "--fail-on", "warning"])
    assert result.exit_code == 0, result.output


def test_markdown_report_has_a_hygiene_section_per_source_after_the_conflicts(corpus_project, runner):
    text = runner.invoke(app, ["verify", "-f", "markdown"]).stdout
    hygiene = text.index("## Source hygiene")
    assert text.index("## Contradictions") < text.index("## Agreements and checks that hold") < hygiene < text.index("## Sources")
    for path in sorted((corpus_project / "sources").glob("*.txt")):
        assert text.index(f"### `sources/{path.name}`") > hygiene
    section = text[hygiene : text.index("## Sources")]
    assert "| SZ509 stripped-link | warning | 37:547, 40:387, 52:554 | “Learn more at:” |" in re.sub(r'<a id="finding-\w+"></a>', "", section)
    assert "U+00A0 + U+0020" in section and "No hygiene findings." in section


def test_the_readme_rules_table_lists_every_hygiene_rule():
    from szcheck.checks import all_rules

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in all_rules().values():
        if rule.code.startswith("SZ5"):
            assert f"| {rule.code} | {rule.name} | {rule.severity} |" in readme, rule.code


def test_terminal_report_shows_a_hygiene_finding_by_its_places(corpus_project, runner):
    output = runner.invoke(app, ["verify", "--select", "SZ509", "-f", "rich"], env={"COLUMNS": "200"}).stdout
    assert "context" in output and "normalized" not in output
    assert "line:col" in output and "52:554" in output
