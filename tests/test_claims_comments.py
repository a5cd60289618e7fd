"""Comments a person writes in a claims file survive re-extraction, each beside what it annotates."""

from __future__ import annotations

import re
import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, write_source
from szcheck.claims import HEADER
from szcheck.claims_comments import read_comments
from szcheck.cli import app

SPENDING = "Ningbo's R&D spending reached 35.2 billion yuan in 2023."
STARTUPS = "Ningbo had 1,250 robotics startups in 2024, a C# shop among them."


def claims_text(project) -> str:
    return (project / "claims" / "a.yaml").read_text(encoding="utf-8")


def write_claims(project, text: str) -> None:
    (project / "claims" / "a.yaml").write_text(text, encoding="utf-8")


def extract(runner, *args) -> str:
    result = runner.invoke(app, ["extract", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def insert_before(text: str, line: str, comment: str) -> str:
    assert line in text
    return text.replace(line, comment + line, 1)


def next_content_line(lines: list[str], number: int) -> str:
    """The first line after lines[number] that is not a comment."""
    return next(line for line in lines[number + 1 :] if not line.lstrip().startswith("#"))


def claim_of(lines: list[str], number: int) -> str:
    """The id of the claim lines[number] lies in (the nearest '- id:' above it)."""
    return next(line[len("- id: "):] for line in reversed(lines[: number + 1]) if line.startswith("- id: "))


def line_number(lines: list[str], fragment: str) -> int:
    [number] = [number for number, line in enumerate(lines) if fragment in line]
    return number


def line_ending(lines: list[str], comment: str) -> int:
    [number] = [number for number, line in enumerate(lines) if line.endswith(comment)]
    return number


def annotated(project) -> str:
    """The claims file of SPENDING and STARTUPS with a comment in each place a person may write one."""
    text = claims_text(project)
    text = insert_before(text, "source:", "# head: figures checked by Li Wei\n")
    text = insert_before(text, "- id: rd-investment-2023", "# above: from the bureau's yearbook, 'table 3'\n")
    text = text.replace("  value: 35.2 billion yuan\n", "  value: 35.2 billion yuan  # checked with the bureau: yes\n")
    text = insert_before(text, "  quote: Ningbo had", "  # between: the count is \"registered\" firms\n")
    text = insert_before(text, "- id: robotics-startup-2024", "  # below: the spending claim's last word\n")
    return text + "# end: 数据核对完毕\n"


def assert_comments_in_place(text: str) -> None:
    lines = text.split("\n")
    head = line_number(lines, "# head:")
    assert lines[:2] == HEADER.splitlines() and next_content_line(lines, head).startswith("source:")
    above = line_number(lines, "# above:")
    assert lines[above].startswith("#") and next_content_line(lines, above) == "- id: rd-investment-2023"
    eol = line_number(lines, "# checked with the bureau: yes")
    assert lines[eol].startswith("  value: 35.2 billion yuan  #") and claim_of(lines, eol) == "rd-investment-2023"
    between = line_number(lines, "# between:")
    assert next_content_line(lines, between).startswith("  quote: Ningbo had") and claim_of(lines, between) == "robotics-startup-2024"
    below = line_number(lines, "# below:")
    assert lines[below].startswith("  #") and claim_of(lines, below) == "rd-investment-2023"
    assert lines[below - 1].startswith("  checksum:")
    assert lines[-2:] == ["# end: 数据核对完毕", ""]


def test_each_comment_stays_in_its_place_when_the_source_is_edited_elsewhere(project, runner):
    write_source(project, "a", f"{SPENDING}\n\n{STARTUPS}")
    extract(runner)
    write_claims(project, annotated(project))
    write_source(project, "a", f"A new first paragraph.\n\n{SPENDING}\n\nA paragraph between.\n\n{STARTUPS}")
    output = extract(runner)
    assert "0 removed" in output
    text = claims_text(project)
    assert_comments_in_place(text)
    assert [c["line"] for c in yaml.safe_load(text)["claims"]] == [8, 12]  # the claims follow the source
    extract(runner, "--force")
    assert claims_text(project) == text  # written back as they stand: a second run changes nothing


def test_a_comment_moves_with_its_claim_when_the_figures_sentence_is_edited(project, runner):
    write_source(project, "a", f"{SPENDING}\n\n{STARTUPS}")
    extract(runner)
    write_claims(project, annotated(project))
    edited = "Ningbo's R&D spending rose to 35.2 billion yuan in 2023."
    write_source(project, "a", f"{STARTUPS}\n\n{edited}")  # reworded, and now below the other figure
    extract(runner)
    text = claims_text(project)
    lines = text.split("\n")
    [spending] = [c for c in yaml.safe_load(text)["claims"] if c["id"] == "rd-investment-2023"]
    assert spending["quote"] == edited and spending["line"] == 8 and spending["status"] == "extracted"
    eol = line_number(lines, "# checked with the bureau: yes")
    assert lines[eol].startswith("  value: 35.2 billion yuan") and claim_of(lines, eol) == "rd-investment-2023"
    above = line_number(lines, "# above:")
    assert next_content_line(lines, above) == "- id: rd-investment-2023"
    below = line_number(lines, "# below:")
    assert claim_of(lines, below) == "rd-investment-2023" and lines[below - 1].startswith("  checksum:")
    assert lines[-2:] == ["# end: 数据核对完毕", ""]  # still the end of the file, below the claim now last


def test_a_commented_claim_whose_quote_is_gone_is_kept_stale_until_pruned(project, runner):
    write_source(project, "a", f"{SPENDING}\n\n{STARTUPS}")
    extract(runner)
    text = claims_text(project).replace("  value: 35.2 billion yuan\n", "  value: 35.2 billion yuan  # ask the bureau\n")
    write_claims(project, text)
    write_source(project, "a", "Nothing to count.")  # both quotes gone: the uncommented claim goes, the commented one stays
    assert "1 stale, 1 removed" in extract(runner)
    [claim] = yaml.safe_load(claims_text(project))["claims"]
    assert (claim["id"], claim["status"]) == ("rd-investment-2023", "stale")
    assert "  value: 35.2 billion yuan  # ask the bureau\n" in claims_text(project)
    assert "1 removed" in extract(runner, "--prune")
    assert yaml.safe_load(claims_text(project))["claims"] == [] and "# ask" not in claims_text(project)


def test_a_hash_inside_a_quoted_value_is_not_taken_for_a_comment(project, runner):
    write_source(project, "a", STARTUPS)
    extract(runner)
    text = claims_text(project).replace("  checksum:", "  note: 'see # 4: the registry'  # a real one\n  checksum:")
    write_claims(project, text)
    extract(runner, "--force")
    after = claims_text(project)
    assert "  note: 'see # 4: the registry'  # a real one\n" in after
    assert yaml.safe_load(after)["claims"][0]["note"] == "see # 4: the registry"


def test_a_file_without_comments_has_none_to_read(project, runner):
    write_source(project, "a", f"{SPENDING}\n\n{STARTUPS}")  # a '#' in a quote is no comment
    extract(runner)
    assert "C# shop" in claims_text(project) and read_comments(claims_text(project), HEADER) is None
    for path in (ROOT / "claims").glob("*.yaml"):
        assert read_comments(path.read_text(encoding="utf-8"), HEADER) is None


# --------------------------------------------------------------------------- any comment, anywhere legal

REAL = sorted(path.stem for path in (ROOT / "claims").glob("*.yaml"))  # the bundled corpus's, English and Chinese
comment_text = st.text(st.one_of(st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Zl", "Zp")), st.sampled_from("#'\":\t ")),
                       max_size=30).map(lambda text: ("# " + text).rstrip())


def legal_places(lines: list[str]) -> list[int]:
    """Lines a full-line comment may go above: a key or a claim's '- ' (not a value's continuation
    line, indented four spaces), or the end of the file."""
    return [number for number, line in enumerate(lines) if not line.startswith("    ")]


def insert_comments(original: str, draw_places, draw_comment, draw_spaces) -> tuple[str, list[str]]:
    """The file with comments on lines of their own and after values; and the comments."""
    lines = original.split("\n")  # the last one is empty: the end of the file
    places = legal_places(lines)
    inserted, out = [], []
    chosen = draw_places(places)
    for number, line in enumerate(lines):
        if number in chosen["above"]:
            comment = f"{chosen['indent'][number]}{draw_comment()} <{len(inserted)}>"
            inserted.append(comment.strip())
            out.append(comment)
        following = lines[number + 1] if number + 1 < len(lines) else None
        ends_value = line and not line.lstrip().startswith("#") and following is not None and not following.startswith("    ")
        if ends_value and number in chosen["after"]:
            comment = f"{draw_comment()} <{len(inserted)}>"
            inserted.append(comment)
            line = f"{line}{' ' * draw_spaces()}{comment}"
        out.append(line)
    return "\n".join(out), inserted


@st.composite
def commented_files(draw):
    name = draw(st.sampled_from(REAL))
    original = (ROOT / "claims" / f"{name}.yaml").read_text(encoding="utf-8")
    lines = original.split("\n")

    def draw_places(places):
        above = set(draw(st.lists(st.sampled_from(places), max_size=12)))
        after = set(draw(st.lists(st.integers(0, len(lines) - 1), max_size=12)))
        indent = {number: draw(st.sampled_from(["", "  "])) if not lines[number].startswith("  ") else "  " for number in above}
        return {"above": above, "after": after, "indent": indent}

    text, inserted = insert_comments(original, draw_places, lambda: draw(comment_text), lambda: draw(st.integers(1, 3)))
    return Commented(name, original, text, inserted)


class Commented(tuple):
    """A claims file and the comments put in it (shown by the comments' lines only, when a test fails)."""

    def __new__(cls, *parts):
        return super().__new__(cls, parts)

    def __repr__(self) -> str:
        name, _, text, inserted = self
        shown = [line for line in text.split("\n") if any(line.endswith(comment) for comment in inserted)]
        return f"Commented({name!r}, lines={shown!r})"


def without_comments(text: str, inserted: list[str]) -> str:
    """`text` with the inserted comments taken out again (each ends with its own number, <n>)."""
    out = []
    for line in text.split("\n"):
        found = [comment for comment in inserted if line.endswith(comment)]
        if found and line.strip() == found[0]:
            continue
        if found:
            line = line[: -len(found[0])].rstrip(" ")
        out.append(line)
    return "\n".join(out)


@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(commented_files())
def test_any_comment_at_any_legal_line_survives_an_extract_round_trip(project, runner, example):
    name, original, text, inserted = example
    for old in (project / "sources").glob("*"):
        old.unlink()
    shutil.copy(ROOT / "sources" / f"{name}.txt", project / "sources")
    path = project / "claims" / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    assert yaml.safe_load(text) == yaml.safe_load(original)  # the comments are comments: the same data
    extract(runner, "--force")
    after = path.read_text(encoding="utf-8")
    path.unlink()
    assert yaml.safe_load(after) == yaml.safe_load(original)
    assert without_comments(after, inserted) == original  # every comment, and nothing else, added back
    before_lines, after_lines = text.split("\n"), after.split("\n")
    for comment in inserted:
        was, now = line_ending(before_lines, comment), line_ending(after_lines, comment)
        if before_lines[was].strip() == comment:  # on its own line: above the same key or claim
            assert after_lines[now].strip() == comment
            assert without_comments(next_content_line(after_lines, now), inserted) == without_comments(
                next_content_line(before_lines, was), inserted)
        else:  # after a value: on that key's line
            assert after_lines[now].split(comment)[0].rstrip() == before_lines[was].split(comment)[0].rstrip()


def test_comments_at_the_head_do_not_hide_the_files_source_or_make_it_look_outdated(project, runner):
    write_source(project, "a", SPENDING)
    extract(runner)
    text = claims_text(project)
    text = insert_before(text, "source:", "# a long note on where these figures come from\n" * 120)  # 6 kB above the keys
    text = text.replace("\nextracted_with:", "  # the bureau's hash\nextracted_with:", 1)
    (project / "claims" / "a.yaml").unlink()
    (project / "claims" / "renamed.yaml").write_text(text, encoding="utf-8")
    assert "skipped claims/renamed.yaml (source unchanged" in extract(runner)
    write_source(project, "a", f"{SPENDING}\n\n{STARTUPS}")
    assert "wrote claims/renamed.yaml" in extract(runner)  # still the source's claims file: no second one beside it
    assert sorted(path.name for path in (project / "claims").iterdir()) == ["renamed.yaml"]
    assert "  # the bureau's hash\n" in (project / "claims" / "renamed.yaml").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- any file the writer writes

from test_claims_writer import claims_data  # noqa: E402  (hostile values: long, quoted, escaped, nested)

from szcheck.claims import render_data  # noqa: E402

marker_text = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Zl", "Zp"), blacklist_characters="<>"), max_size=12)


@st.composite
def commented_renderings(draw):
    """A rendered claims file (hostile values) with comments put on lines YAML reads as comments only."""
    data = draw(claims_data())
    data["claims"] = [{"id": f"c{number}", **{k: v for k, v in entry.items() if k != "id"}} for number, entry in enumerate(data["claims"])]
    plain = render_data(data)
    lines = plain.split("\n")
    for number in draw(st.lists(st.integers(0, len(lines) - 1), max_size=8)):
        comment = f"#<{number}>{draw(marker_text)}".rstrip()
        if any(f"#<{number}>" in line for line in lines):
            continue
        candidate = list(lines)
        if draw(st.booleans()):
            candidate.insert(number, draw(st.sampled_from(["", "  "])) + comment)
        elif lines[number].strip() and not lines[number].lstrip().startswith("#"):  # (after a comment: part of it)
            candidate[number] += " " * draw(st.integers(1, 3)) + comment
        try:
            same = yaml.safe_load("\n".join(candidate)) == yaml.safe_load(plain)
        except yaml.YAMLError:
            same = False
        if same:
            lines = candidate
    return data, plain, "\n".join(lines)


def rewritten(data: dict, text: str) -> str:
    comments = read_comments(text, HEADER)
    if comments is None:
        return render_data(data)
    ids = [entry["id"] for entry in data["claims"]]
    return render_data(data, comments, {ids[place]: notes for place, notes in comments.claims.items() if notes})


@settings(max_examples=100)
@given(commented_renderings())
def test_the_writer_puts_every_comment_back_and_nothing_else(example):
    data, plain, text = example
    markers = sorted(set(re.findall(r"#<\d+>", text)) - set(re.findall(r"#<\d+>", plain)))
    after = rewritten(data, text)
    assert yaml.safe_load(after) == yaml.safe_load(plain)
    assert sorted(marker for marker in re.findall(r"#<\d+>", after) if marker in markers) == markers  # each once
    own_line, end_of_line = re.compile(r" *#<\d+>"), re.compile(r" +#<\d+>.*$")
    stripped = "\n".join(end_of_line.sub("", line) for line in after.split("\n") if not own_line.match(line))
    assert stripped == plain
    assert rewritten(data, after) == after  # written back as they stand
