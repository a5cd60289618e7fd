"""Sources: reading articles (encodings, front matter, datelines) and splitting them into sentences."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from .errors import SzcheckError
from .model import Source

SOURCE_SUFFIXES = (".md", ".txt", ".markdown", ".text")
MAX_SOURCE_BYTES = 20 * 1024 * 1024
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
MONTHS = "January February March April May June July August September October November December".split()
DATELINES = [
    re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)"),
    re.compile(r"(?P<y>(?:19|20)\d\d)/(?P<m>\d\d?)/(?P<d>\d\d?)"),
    re.compile(r"(?P<y>(?:19|20)\d\d)年(?P<m>\d\d?)月(?P<d>\d\d?)日"),
    re.compile(rf"(?P<month>{'|'.join(MONTHS)})\s+(?P<d>\d\d?),\s+(?P<y>(?:19|20)\d\d)"),
]
DATELINE_WINDOW = 400  # a dateline stands at the top of an article


UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
GLUED_HAN = re.compile(r"[A-Za-z][\u3400-\u9fff]+[A-Za-z]")  # a Han character inside a Latin word: a byte pair of an accent and a letter
SPACED_HAN = re.compile(r"[\u3400-\u9fff] [\u3400-\u9fff]")  # Chinese puts no spaces between words; Korean does
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def japanese(text: str) -> int:
    return len(KANA.findall(text)) + len(HAN.findall(text)) if KANA.search(text) else 0


def korean(text: str) -> int:
    return len(HANGUL.findall(text))


def traditional_chinese(text: str) -> int:
    return 0 if SPACED_HAN.search(text) else len(HAN.findall(text))


LEGACY_ENCODINGS = (("Shift-JIS", "shift_jis", japanese), ("EUC-JP", "euc_jp", japanese), ("EUC-KR", "euc_kr", korean),
                    ("Big5", "big5", traditional_chinese))


def decode(data: bytes, path: Path, encoding: str | None = None) -> str:
    """The encoding the project names for this file, else UTF-8 (with or without BOM), UTF-32 or
    UTF-16 with BOM, or GB18030 when that reading is plausibly Chinese; anything else is refused,
    naming the encoding it likely is."""
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise SzcheckError(f"is not valid {encoding} text ({error.reason}), the encoding the configuration names for it", path, line) from None
    for boms, codec in ((UTF32_BOMS, "utf-32"), ((b"\xff\xfe", b"\xfe\xff"), "utf-16")):
        if data.startswith(boms):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise SzcheckError(f"is not valid {codec.upper()} text ({error.reason})", path) from None
    if b"\x00" in data[:4096]:
        raise SzcheckError("looks like a binary file, not an article (it contains NUL bytes)", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = ""
        if text and plausible_chinese(text):
            return text
        likely = likely_encoding(data)
        raise SzcheckError(f"is not UTF-8 text ({likely}?); convert it to UTF-8, or name its encoding in the configuration "
                           f"(encodings: {{\"sources/legacy/*.txt\": {LIKELY_CODECS.get(likely, 'cp1252')}}})", path, line) from None


def plausible_chinese(text: str) -> bool:
    """A GB18030 reading that is Chinese text, not the mojibake GB18030 makes of almost any bytes:
    Han characters, nearly all of them common ones (GB2312), none inside Latin words or spaced
    apart like words, no private-use or kana characters."""
    han = HAN.findall(text)
    if not han or PRIVATE_USE.search(text) or len(KANA.findall(text)) > len(han) // 10:
        return False
    uncommon = sum(1 for c in han if not is_gb2312(c))
    glued = len(GLUED_HAN.findall(text))
    spaced = len(SPACED_HAN.findall(text))
    return uncommon <= len(han) // 20 and glued <= len(han) // 20 and spaced <= len(han) // 20


def is_gb2312(character: str) -> bool:
    try:
        character.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


LIKELY_CODECS = {"Shift-JIS": "shift_jis", "EUC-JP": "euc_jp", "EUC-KR": "euc_kr", "Big5": "big5", "Windows-1252": "cp1252",
                 "Latin-1": "latin-1", "UTF-32": "utf-32", "UTF-16": "utf-16"}


def likely_encoding(data: bytes) -> str:
    """The legacy encoding whose reading of `data` is most like text in its own script; else Windows-1252
    (when it has bytes that are printable only there) or Latin-1."""
    best, best_score = "", 0.5
    for name, codec, script in LEGACY_ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        wide = [c for c in text if ord(c) > 0x7F]
        if not wide or GLUED_HAN.search(text) or PRIVATE_USE.search(text):
            continue
        score = script(text) / len(wide)
        if score > best_score:
            best, best_score = name, score
    if best:
        return best
    return "Windows-1252" if re.search(rb"[\x80-\x9f]", data) else "Latin-1"


def read_source(path: Path, root: Path | None = None, encoding: str | None = None) -> Source:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SzcheckError(f"cannot read source: {error.strerror}", path) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise SzcheckError(f"source is larger than {MAX_SOURCE_BYTES // 2**20} MiB", path)
    text = decode(data, path, encoding).replace("\r\n", "\n").replace("\r", "\n")
    meta, body, offset = split_front_matter(text, path)
    source = Source(
        path=display_path(path, root),
        id=path.stem,
        body=body,
        body_offset_line=offset,
        meta=meta,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    source.published, source.published_from = publication_date(meta, body, path)
    return source


def display_path(path: Path, root: Path | None) -> Path:
    """`path` relative to the project root when it lies inside it. Normalizing the absolute path
    answers for almost every file without resolving links (a few system calls per folder level, which
    add up over thousands of files); only a path that is not under the root is resolved to make sure."""
    if root is None:
        return path
    try:
        return Path(os.path.normpath(path.absolute())).relative_to(os.path.normpath(root.absolute()))
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return path


def split_front_matter(text: str, path: Path) -> tuple[dict, str, int]:
    """(meta, body, line number of the body's first line)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1
    try:
        meta = simple_front_matter(match.group(1))
        if meta is None:
            from .claims import safe_yaml  # refuses aliases, duplicate keys, keys that are not text

            meta = safe_yaml(match.group(1), lines=False) or {}
    except SzcheckError as error:
        raise SzcheckError(f"invalid front matter: {error.message}", path, error.line + 1 if error.line else 1) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise SzcheckError(f"invalid front matter: {getattr(error, 'problem', error)}", path, line) from None
    if not isinstance(meta, dict):
        raise SzcheckError("front matter must be a mapping of keys to values", path, 2)
    return meta, text[match.end() :], text[: match.end()].count("\n") + 1


SIMPLE_LINE = re.compile(r"([A-Za-z_][\w-]*):[ ]+([^-?:,\[\]{}#&*!|>'\"%@`\s](?:[^\t]*[^\t ])?)[ ]*")
YAML_RESOLVER = yaml.resolver.Resolver()
STR_TAG = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def simple_front_matter(text: str) -> dict | None:
    """Front matter of plain `key: text` lines and ISO dates, read without the YAML parser (which
    costs more than the rest of reading a short article); None for anything else, which YAML reads.
    A value that YAML would take for a number, a boolean or a time is left to YAML too."""
    meta: dict = {}
    for line in text.split("\n"):
        if not line:
            continue
        match = SIMPLE_LINE.fullmatch(line)
        if not match or ": " in match[2] or " #" in match[2] or match[2].endswith(":") or not match[2].isprintable():
            return None
        if match[1] in meta or not match[1].isascii():
            return None  # a duplicate or look-alike key: YAML reading refuses it
        if YAML_RESOLVER.resolve(yaml.ScalarNode, match[1], (True, False)) != STR_TAG:
            return None  # a key such as 'no' or 'on' is a boolean to YAML
        tag = YAML_RESOLVER.resolve(yaml.ScalarNode, match[2], (True, False))
        if tag == "tag:yaml.org,2002:timestamp" and ISO_DATE.fullmatch(match[2]):
            try:
                meta[match[1]] = date.fromisoformat(match[2])
            except ValueError:
                return None  # not a real day: YAML reading says so
        elif tag == STR_TAG:
            meta[match[1]] = match[2]
        else:
            return None
    return meta


def publication_date(meta: dict, body: str, path: Path) -> tuple[date | None, str]:
    value = meta.get("published")
    if isinstance(value, datetime):
        return value.date(), "front matter"
    if isinstance(value, date):
        return value, "front matter"
    if value:
        try:
            return date.fromisoformat(str(value)), "front matter"
        except ValueError:
            raise SzcheckError(f"published: {value!r} is not a date (YYYY-MM-DD)", path, 1) from None
    found = dateline(body[:DATELINE_WINDOW])
    return (found, "dateline") if found else (None, "")


def dateline(text: str) -> date | None:
    """The first full date at the top of an article ("Updated: 2018-08-09", "September 15, 2025")."""
    candidates = []
    for pattern in DATELINES:
        match = pattern.search(text)
        if match:
            month = int(match["m"]) if "m" in match.groupdict() and match["m"] else MONTHS.index(match["month"]) + 1
            try:
                candidates.append((match.start(), date(int(match["y"]), month, int(match["d"]))))
            except ValueError:
                continue
    return min(candidates)[1] if candidates else None


def is_source_file(path: Path) -> bool:
    return path.suffix.lower() in SOURCE_SUFFIXES and not path.name.startswith(".") and path.name.lower() != "readme.md"


def find_sources(paths: list[Path]) -> list[Path]:
    """Source files named, or found in the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted((p for p in path.rglob("*") if is_source_file(p) and p.is_file()), key=lambda p: p.parts))
        elif path.is_file():
            found.append(path)
        else:
            raise SzcheckError("no such file or folder", path)
    return found


def linked_folders(paths: list[Path]) -> list[Path]:
    """Links to folders inside the folders named: szcheck does not follow them, so each is named."""
    return sorted((p for path in paths if path.is_dir() for p in path.rglob("*") if p.is_symlink() and p.is_dir()), key=lambda p: p.parts)


def unread_files(folder: Path) -> list[Path]:
    """Files in a sources folder that szcheck does not read (HTML, PDF, ...), to name them."""
    return sorted((p for p in folder.rglob("*") if not is_source_file(p) and not p.name.startswith(".")
                   and p.name.lower() != "readme.md" and p.is_file()), key=lambda p: p.parts)  # the stat last: few files get there


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int  # line number in the file
    column: int  # 1-based column of the sentence's first character in that line
    paragraph: int
    section: str  # the glossary heading the sentence stands under, or ""


SENTENCE_END = re.compile(
    r"(?=[.!?…。！？])"  # fail fast where no sentence can end: the lookbehinds below are slow to try everywhere
    r"(?<![.!?…。！？])"  # and start only where a run of end marks starts: trying inside a run of dots is quadratic
    r"(?<!\bU\.S)(?<!\bNo)(?<!\bSept)(?<!\bMr)(?<!\bDr)(?<!\bSt)(?<!\bvs)(?<!\bInc)(?<!\bCo)(?<!\b[A-Z])"
    # an abbreviated month before a day ("Jan. 22", "Aug. 3") ends no sentence
    r"(?<!\bJan(?=\.\s\d))(?<!\bFeb(?=\.\s\d))(?<!\bMar(?=\.\s\d))(?<!\bApr(?=\.\s\d))(?<!\bJun(?=\.\s\d))(?<!\bJul(?=\.\s\d))"
    r"(?<!\bAug(?=\.\s\d))(?<!\bSep(?=\.\s\d))(?<!\bOct(?=\.\s\d))(?<!\bNov(?=\.\s\d))(?<!\bDec(?=\.\s\d))"
    r"(?:([.!?…]+[”\"’)]?)(?:\s+|(?=[A-Z“\"]))(?=[\"“‘(]?[A-Z0-9\u4e00-\u9fff])"
    r"|([。！？]+[”’」』）]?)\s*(?=\S))"  # a Chinese sentence ends at 。！？ whatever follows
)
LIST_ITEM = re.compile(r"(?<!\s)\s+-\s+(?=[A-Z])")  # " - " separates the items of a run-in list (tried where a run of spaces starts)


def split_sentences(line_text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of one line of text."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(line_text):
        end = match.end(1) if match.group(1) is not None else match.end(2)
        if line_text[start:end].strip():
            sentences.append((start, line_text[start:end]))
        start = match.end()
    if line_text[start:].strip():
        sentences.append((start, line_text[start:]))
    return [(offset + len(text) - len(text.lstrip()), text.strip()) for offset, text in sentences]


def is_heading(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped.split()) <= 12 and not re.search(r"[.!?。:;,]$|[:：]", stripped)


def glossary_heading(heading: str, next_paragraph: str) -> bool:
    """A heading that names what the next paragraph describes ("Ping An Life" / "Ping An Life is ...")."""
    first = next_paragraph[:300].lower()
    if heading.lower() in first:
        return True
    words = heading.split()
    title_case = sum(w[:1].isupper() for w in words) >= max(1, len(words) - 1)
    return title_case and bool(re.match(r"(this|it)\s+is\b", next_paragraph.strip(), re.I))


def sentences(source: Source) -> list[Sentence]:
    """The sentences of a source's body with their line and column in the file."""
    lines = source.body.split("\n")
    paragraphs = [(i, line) for i, line in enumerate(lines) if line.strip()]
    result, section, paragraph = [], "", 0
    for number, (index, line) in enumerate(paragraphs):
        following = paragraphs[number + 1][1] if number + 1 < len(paragraphs) else ""
        if is_heading(line) and following and glossary_heading(line.strip(), following):
            section = line.strip()
            continue
        for item_offset, item in list_items(line):
            paragraph += 1  # each item of a run-in list is a paragraph of its own
            for offset, text in split_sentences(item):
                result.append(Sentence(text, source.body_offset_line + index, item_offset + offset + 1, paragraph, section))
    return result


def list_items(line: str) -> list[tuple[int, str]]:
    if "-" not in line:
        return [(0, line)]  # no dash, no separator: the line is not scanned twice for one
    separators = list(LIST_ITEM.finditer(line))
    starts = [0] + [match.end() for match in separators]
    ends = [match.start() for match in separators] + [len(line)]
    return [(start, line[start:end]) for start, end in zip(starts, ends)]
