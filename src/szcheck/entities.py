"""Entities: what each figure of a sentence is about, read from the sentence's own structure.

A figure is about the entity its clause names (the subject, a possessive, the place of a comparison:
"than Beijing's 6.58%"), else the one its sentence names, else the article's subject. "Its", "the
city", "the province", "the company" stand for the last entity of that kind named in the paragraph
(or the article); a data source ("according to ...") is never the entity; a sub-entity ("companies in
the city", "enterprises") keeps its qualifier and never merges with its place. Places come from the
gazetteer and the registry, organisations also from the way news writes their names ("... Bank",
"... Motors Ltd"). The words are each language's data (`languages/<language>/claims.yaml`).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field, replace

from .languages import vocabulary
from .languages.en import phrases as english_phrases
from .languages.zh import phrases  # the segmenter itself loads only when a Chinese clause needs it
from .reader.patterns import with_start_test, word_alternation
from .registry import Mention, Registry, find_mentions, load_registry as registry, nationality_adjectives

PLACE_KINDS = {"city": "city", "province": "province", "region": "province", "country": "country"}
WINDOW = 300  # characters before a figure in which its sentence can name its entity


@functools.cache
def words() -> dict:
    return vocabulary("claims")


def alternation(key: str, section: str = "") -> str:
    table = words()[section][key] if section else words()[key]
    return word_alternation(table) if table else r"(?!x)x"


@functools.cache
def patterns() -> dict[str, re.Pattern]:
    from .build_cache import built

    return built("entity-patterns", build_patterns)  # kept between runs (build_cache)


def build_patterns() -> dict[str, re.Pattern]:
    vocab = words()
    heads = alternation("organisation_heads")
    legal = alternation("legal_suffixes")
    anaphora = {kind: re.compile(rf"(?:{word_alternation(table)})(?:['’]s)?", re.I) for kind, table in vocab["anaphora"].items() if table}
    # "the chain's convenience arm", "the truck maker's bus unit": the nouns that refer to an organisation
    organisation_nouns = word_alternation([w.split(None, 1)[1] for w in vocab["anaphora"]["organisation"] if w.startswith("the ")])
    name_word = r"[A-Z][\w&.-]*"  # without apostrophes: "Bank of Ningbo's" is Bank of Ningbo
    places = "|".join([word_alternation(vocab["anaphora"][kind]) for kind in ("city", "province", "country") if vocab["anaphora"].get(kind)]
                      + [rf"{name_word}(?:\s+{name_word})*"])
    return {
        # a capitalized name ending in an organisation head: "Jiangnan Commercial Bank", "Qilin Motors Ltd"
        # (led by a test of its first letter, a capital: it opens with optional words, tried at every place)
        # a plural possessive inside a name before its next word is the name's ("the Farmers' League")
        "organisation": re.compile(with_start_test(rf"(?:{name_word}(?:(?<=s)['’](?=\s+[A-Z]))?[\s-]+){{0,5}}(?:{heads})(?:\s+of\s+(?:the\s+)?{name_word}(?:\s+{name_word})*)?"
                                                   rf"(?:\s+(?:{legal})\.?)?(?![\w-])")),
        # Chinese names run into the words around them: one is taken only where a clause (or a date) ends
        "organisation_zh": re.compile(rf"(?:^|(?<=[，。；：\s年月]))[\u4e00-\u9fff]{{2,6}}?(?:{alternation('organisation_heads_zh')})"),
        # '天元汽车集团': a name with a second head, tried where the first head ends inside a word (汽车集团)
        "organisation_zh_two_heads": re.compile(rf"[\u4e00-\u9fff]{{2,6}}?(?:{alternation('organisation_heads_zh')}){{2}}"),
        "legal_suffix": re.compile(rf"(?:,?\s+(?:{legal})\.?)+$|(?:{legal})$"),
        # "国铁集团消息，", "河南省统计局发布数据，": a source named before its cue, opening a clause
        "data_source_before_cue": re.compile(rf"(?:^|(?<=[。；，：\n ]))(?=[\u4e00-\u9fff])[^，。；：,;:.]{{1,40}}?(?:{alternation('data_source_after_cues')})(?=[，,：:])"),
        "data_source": re.compile(rf"(?:{alternation('data_source_cues')})[^,;:，；]{{0,200}}?(?=(?:\s+(?:show|shows|showed|indicate|indicates|indicated|reveal|reveals|revealed)\b)|[,;:，；]|$)", re.I),
        "sub_entity": re.compile(rf"(?:^|\b(?:{alternation('sub_entity_openers')})\s+)(?:the\s+|local\s+|[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s\s+)*(?P<modifiers>(?:(?!(?:{alternation('sub_entity_openers')}|the|a|an|its|their|in|for|to|on|at)\s)[a-z][a-z-]*\s+){{0,2}})(?P<noun>{word_alternation(words()['sub_entities'] + words()['facilities'])})"
                                 rf"(?:\s+(?:in|of)\s+(?P<place>{places}))?(?![\w-])", re.I),
        # "its chip division", "Hanbit's memory unit", "the retail arm": a part needs a word naming it ("its business" is the whole)
        "organisation_part": re.compile(rf"\b(?:[Ii]ts|[Tt]heir|[Tt]he\s+(?:{organisation_nouns})['’]s|[Tt]he(?=\s+[a-z])|(?P<name>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){{0,2}})(?:['’]s|(?<=s)['’]))\s+"
                                        rf"(?P<part>(?:[A-Za-z][\w-]*\s+){{1,2}}(?:{alternation('organisation_parts')}))(?![\w-])"),
        "person_title": re.compile(rf"\b(?:{alternation('person_titles')})\s+(?:[A-Z][\w'-]*\s+)?$", re.I),  # right before the name
        "counting": re.compile(rf"(?:{alternation('counting_words')})\s+(?:of\s+)?$", re.I),
        "comparison": re.compile(r"(?:\b\w+er\s+than|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst)\s+", re.I),
        **{f"anaphor_{kind}": pattern for kind, pattern in anaphora.items()},
        **thing_patterns(name_word),
    }


THING = "thing:"  # the kind of a named thing ('thing:line'): neither a place nor an organisation


def thing_patterns(name_word: str) -> dict[str, re.Pattern]:
    """A named thing ('the Porto-Vigo high-speed line', 'NHS Wales') and, for each kind, its anaphor
    ('the line', 'the route'), unless a noun after it makes a compound ('the service sector')."""
    things = words().get("named_things") or {}
    if not things:
        return {}
    heads = word_alternation([head for table in things.values() for head in table])
    modifiers = alternation("named_thing_modifiers")
    abbreviations = word_alternation(words().get("named_thing_abbreviations") or {}) or r"(?!x)x"
    compounds = alternation("named_thing_compounds")
    return {
        "thing": re.compile(with_start_test(rf"(?:{name_word}\s+){{0,3}}{name_word}(?:\s+(?:{modifiers})){{0,2}}\s+(?P<head>{heads})(?![\w-])")),
        "thing_modifier": re.compile(rf"\s+(?:{modifiers})\s"),
        "thing_abbreviation": re.compile(rf"\b(?P<head>{abbreviations})(?:\s+{name_word}){{0,2}}(?![\w-])"),
        **{f"anaphor_{THING}{kind}": re.compile(rf"\b[Tt]he\s+(?:{word_alternation(table)})(?:['’]s)?(?!\s+(?:{compounds})\b)(?![\w-])")
           for kind, table in things.items()},
    }


# a comma between digits ("140,000") groups thousands and ends no clause
CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:，；：]|\s[-–—]\s|\b(?:while|which|whereas|where|so|but)\b")


DIGIT = re.compile(r"\d")
HAN_TEXT = re.compile(r"[\u4e00-\u9fff]")
RELATIVE = re.compile(r"\b(?:which|where|who|whose)\s*$")


@functools.lru_cache(maxsize=256)  # asked for each figure by its entity, its metric, its qualifier and its count
def clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` begins: after the last comma, semicolon or clause word before it,
    and at most WINDOW characters before it (a run-on line is read in bounded pieces)."""
    last = max(0, position - WINDOW)
    for match in CLAUSE_BREAK.finditer(text, max(0, position - WINDOW), position):
        last = match.end()
    return last


@functools.cache
def descriptors() -> frozenset[str]:
    """The nouns that describe an organisation ('the carmaker'): 'Carmaker NIO' is NIO."""
    heads = {head.lower() for head in words()["organisation_heads"]}  # "Bank of Ningbo" keeps its head
    nouns = {phrase.split()[-1].lower() for phrase in words()["anaphora"].get("organisation", [])} | set(words()["name_descriptors"])
    return frozenset(noun for noun in nouns if noun not in heads)


def organisation_name(name: str) -> str:
    """A name as an entity: without a legal suffix, a leading article or a descriptor ('The Qilin
    Motors Ltd' -> 'Qilin Motors', 'Carmaker NIO' -> 'NIO')."""
    name = re.sub(r"^(?:The|A|An)\s+", "", name.strip())
    first, _, rest = name.partition(" ")
    if rest[:1].isupper() and first.lower() in descriptors():
        name = rest
    return patterns()["legal_suffix"].sub("", name).strip(" ,") or name


@dataclass(frozen=True)
class Named:
    """An entity a sentence names: where, who, and what kind of thing (city, province, country, organisation)."""

    start: int
    end: int
    name: str
    kind: str
    anaphor: str = ""  # the kind of entity an anaphor stands for ("city", "any"); "" for a name
    scene: bool = False  # a place that only sets the scene of its sentence ("In Tokyo, its shares rose"): no antecedent


@dataclass
class Scope:
    """What the article and the paragraph have named so far: what 'its', 'the city' and 'the company' refer to."""

    subject: str
    subject_kind: str = "organisation"
    within: str = ""  # the province of the article's subject, when it is a city
    country: str = ""  # the country of the article's subject, when it is a province or a city
    paragraph: dict[str, str] = field(default_factory=dict)  # kind -> last entity of that kind named in the paragraph
    article: dict[str, str] = field(default_factory=dict)
    last_subject: str = ""  # the subject of the paragraph's last sentence that named one
    metric: str = ""  # the registry metric the paragraph stated last ('of that' refers to it)
    measured: dict[str, str] = field(default_factory=dict)  # unit -> the metric the article last stated in it
    title: str = ""  # the article's title: a facility it names is what the article is about
    things: list[str] = field(default_factory=list)  # the things ('Kalbarra mine') the article named, in any clause

    def new_paragraph(self) -> None:
        self.paragraph, self.last_subject, self.metric = {}, "", ""

    def resolve(self, kind: str) -> str:
        """The paragraph's last entity of the kind, else the article's subject if it is one, else the
        article's last one ('the province' of an article about a city is the province it is in)."""
        if kind == "any":
            return self.last_subject or self.subject
        if kind.startswith(THING):  # 'the line' is a line named before, or no one
            return self.paragraph.get(kind) or self.article.get(kind, "")
        if kind in self.paragraph:
            return self.paragraph[kind]
        if kind == self.subject_kind:
            return self.subject
        if kind == "province" and self.within:
            return self.within
        if kind == "nation":  # "nationwide", "全国范围内", "the national average": the country the subject is in
            return self.article.get("country") or self.country or self.subject
        return self.article.get(kind) or self.subject

    def place(self) -> str:
        """The place the paragraph, else the article, is about: where its sub-entities ('enterprises') are."""
        if self.subject_kind in ("city", "province", "country"):
            return self.paragraph.get(self.subject_kind) or self.subject
        return next((self.paragraph[kind] for kind in ("city", "province", "country") if kind in self.paragraph), self.subject)

    def remember(self, names: list[Named]) -> None:
        for named in names:
            self.paragraph[named.kind] = self.article[named.kind] = named.name
        if names:
            self.last_subject = names[0].name


NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
NUMBER_BEFORE = re.compile(r"\d(?:\s*[A-Za-z]+)?\s+$")


def names_a_currency(text: str, start: int, end: int) -> bool:
    """'10.2 billion U.S. dollars', '60 Hong Kong cents': after a number, a place's name that opens a
    currency's name is part of the money, not what the figure is about."""
    from .reader.figures import currencies

    word = NEXT_WORD.match(text, end)
    if not word or f"{text[start:end]} {word.group(1)}".lower() not in currencies().code_of:
        return False
    return NUMBER_BEFORE.search(text, max(0, start - 30), start) is not None or counter_currency_before().search(text, max(0, start - 20), start) is not None


@functools.cache
def counter_currency_before() -> re.Pattern:
    """'gained 11% against the U.S. dollar': the currency another is quoted in, no place of the figure."""
    return re.compile(rf"(?<![\w-])(?:{word_alternation(words()['counter_currency_words'])})\s+$", re.I)


def kind_of(name: str, registry: Registry) -> str:
    entity = registry.entities.get(name)
    return PLACE_KINDS.get(entity.category, "organisation") if entity else "organisation"


DATELINE = re.compile(r"^(?:[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+)*(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^()]{1,40}\)\s*)?(?:--|—|–|-)\s"
                      r"|(?:新华社|本报|中新社|中新网)?[\u4e00-\u9fff]{2,8}\d{1,2}月\d{1,2}日(?:电|讯)\s*)")


def data_source_spans(text: str) -> list[tuple[int, int]]:
    """Where the sentence names where its figures come from, and its dateline: never the entity."""
    cued = may_hold(text, lowered_for_tests(text), literal_tests("data_source_cues")[""])
    spans = [match.span() for match in patterns()["data_source"].finditer(text)] if cued else []
    if HAN_TEXT.search(text):
        spans += [match.span() for match in patterns()["data_source_before_cue"].finditer(text)]
    dateline = DATELINE.match(text)
    return spans + [dateline.span()] if dateline else spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


ASCII_LETTER = re.compile(r"[A-Za-z]")


def organisation_mentions(text: str, registry: Registry) -> list[Named]:
    """Organisations named the way news writes them, whether the registry knows them or not."""
    found = []
    english = ASCII_LETTER.search(text) is not None  # every organisation head of the English pattern has a letter
    chinese = any(head in text for head in words()["organisation_heads_zh"])  # the Chinese pattern ends in one
    for pattern in (patterns()["organisation"],) * english + (patterns()["organisation_zh"],) * chinese:
        for match in pattern.finditer(text):
            if pattern is patterns()["organisation_zh"]:
                match = chinese_name_match(text, match)
            name = organisation_name(match.group(0))
            if pattern is patterns()["organisation_zh"]:
                name = chinese_organisation(name) if ends_a_word(text, match.start(), match.end()) else ""
                name = without_legal_head(text, match.end(), name)
                if not name:
                    continue
            first = name.split()[0] if " " in name else name
            if opens_no_name(first, name, registry) or len(name) < 2:
                continue
            head = match.group(0).split()[-1] if " " in match.group(0) else ""
            if head in words()["organisation_heads_needing_two_words"] and len(name.split()) < 2:
                continue
            if " " not in name and name.isascii() and name in words()["organisation_heads"]:
                continue
            found.append(Named(match.start(), match.start() + len(match.group(0).rstrip()), name, "organisation"))
    return found


@functools.cache
def thing_kinds() -> dict[str, str]:
    """The kind of each head of a named thing ('route' -> 'thing:line'), and of each abbreviation ('NHS')."""
    kinds = {head.lower(): THING + kind for kind, table in (words().get("named_things") or {}).items() for head in table}
    return kinds | {word.lower(): THING + kind for word, kind in (words().get("named_thing_abbreviations") or {}).items()}


NOT_A_NAME_OPENING = ("The", "A", "An", "This", "That", "These", "Its", "Their", "Our", "Each", "Every", "Any", "No")


def named_things(text: str, registry: Registry, owned: bool = False) -> list[Named]:
    """Lines, bridges, plants, services named with capitals ('the Porto-Vigo high-speed line', 'NHS Wales'):
    entities of their own kind, found where the capitalised words are more than an opening article,
    a nationality ('the Portuguese rail line') or a word that names nothing ('Sunday service'). With `owned`, also
    those after an owner's possessive ('its Kalbarra mine'), which describe the owner's asset."""
    if not ASCII_LETTER.search(text) or "thing" not in patterns():
        return []
    found = []
    for key in ("thing", "thing_abbreviation"):
        for match in patterns()[key].finditer(text):
            start, name = match.start(), match.group(0)
            first = name.split()[0]
            if first in NOT_A_NAME_OPENING:
                rest = name[len(first) :]
                start, name = start + len(first) + len(rest) - len(rest.lstrip()), rest.lstrip()
            if key == "thing" and (not names_something(name, match["head"], registry) or not owned and OWNED_BEFORE.search(text, max(0, start - 30), start)):
                continue  # "its South Australian mine": the owner's asset, described
            if key == "thing" and capitalised_only_to_open(text, start, name, match["head"]):
                continue  # "Debt service will absorb ...": an ordinary word capitalised as it opens the sentence
            found.append(Named(start, match.end(), " ".join(name.split()), thing_kinds()[" ".join(match["head"].split()).lower()]))
    return found


def names_a_things_part(text: str, organisation: Named, things: list[Named]) -> bool:
    """'the Dogger Bank offshore wind farm': an organisation's name that a named thing goes on past with the
    words that describe its kind ('offshore wind') is the first part of the thing's name, no organisation."""
    return any(t.start < organisation.end < t.end for t in things) and \
        patterns()["thing_modifier"].match(text, organisation.end) is not None


SENTENCE_OPENING = re.compile(r"(?:^|[.!?]\s+|\n)\s*$")


def capitalised_only_to_open(text: str, start: int, name: str, head: str) -> bool:
    """A single capitalised word before a head that opens the sentence and that the vocabulary writes in lower
    case ('Debt service', 'Water project') is an ordinary word, no name."""
    capitals = [word for word in name.split()[: -len(head.split())] if word[:1].isupper()]
    return len(capitals) == 1 and name.startswith(capitals[0]) and SENTENCE_OPENING.search(text[max(0, start - 4) : start]) is not None \
        and capitals[0].lower() in english_phrases.ordinary_words()


def names_something(name: str, head: str, registry: Registry) -> bool:
    """Whether the capitalised words before a head name one thing (not 'The line', 'Portuguese line')."""
    capitals = [word for word in name.split()[: -len(head.split())] if word[:1].isupper()]
    if " ".join(capitals).lower() in nationality_adjectives():
        return False  # "the South Australian mine"
    return bool(capitals) and not all(word in NOT_A_NAME_OPENING or word in registry.not_names
                                      or word.lower() in nationality_adjectives() for word in capitals)


def without_legal_head(text: str, end: int, name: str) -> str:
    """'华岳新材料股份' before 有限公司: a head that opens the legal suffix (股份有限公司) is the suffix's, not the name's."""
    head = next((h for h in words()["organisation_heads_zh"] if name.endswith(h) and len(name) > len(h) + 1), "")
    if head and text.startswith(tuple(words()["legal_suffixes"]), end - len(head)):
        return name[: -len(head)]
    return name


def opens_no_name(first: str, name: str, registry: Registry) -> bool:
    """A word that names nothing opens no organisation's name; a place that the list keeps from being an
    article's subject still opens one of several words ('China Southern Airlines')."""
    if first not in registry.not_names:
        return False
    return not (" " in name and kind_of(first, registry) != "organisation")


def chinese_name_match(text: str, match: re.Match) -> re.Match:
    """The Chinese name found, or the same name with a second head when the first ends inside a word
    ('天元汽车集团': the segmenter reads 汽车集团 as one word) or the second follows it at once (广深港高铁)."""
    if ends_a_word(text, match.start(), match.end()) and not text.startswith(tuple(words()["organisation_heads_zh"]), match.end()):
        return match
    longer = patterns()["organisation_zh_two_heads"].match(text, match.start())  # '广深港高铁': a head right after a head goes on
    return longer if longer is not None and ends_a_word(text, longer.start(), longer.end()) else match


def chinese_places(text: str) -> list[Named]:
    """Cities and counties the gazetteer does not list, as the segmenter tags them: '昆山市' (Kunshan),
    '德清县'. A city is named without its 市, so that '昆山' and '昆山市' are one."""
    if "市" not in text and "县" not in text:
        return []
    found, position = [], 0
    for word, tag in phrases.tagged(text):
        if tag in ("ns", "nr") and len(word) >= 3 and word.endswith(("市", "县")):
            found.append(Named(position, position + len(word), word[:-1] if word.endswith("市") else word, "city"))
        position += len(word)
    return found


def chinese_organisation(name: str) -> str:
    """A Chinese name without the scope word its clause opens with ('全年'); '' for a common noun
    that only ends like a name ('新能源汽车', new-energy vehicles), or for a government's office ('国家邮政局')."""
    if is_government_office(name) or is_verb_and_number(name):
        return ""
    for prefixes in (words()["scope_prefixes_zh"], words()["scope_prefixes_zh"], words()["name_openers_not_zh"]):
        name = without_opening_period(name)  # 第三季度公司, 2025年前三季度全市: a time opens no name
        opening = next((prefix for prefix in prefixes if name.startswith(prefix)), "")
        name = name[len(opening) :]  # 全市规模以上汽车: a scope, then a size threshold; 年末全省科技: two scopes
    common = words()["not_organisations_zh"]
    if name in common or any(name.endswith(noun) for noun in common) or len(name) < 3 or names_a_metric(name):
        return ""
    return "" if opens_with_a_predicate(name) or place_then_opener(name) else english_name(name)


def is_verb_and_number(name: str) -> bool:
    """'比赛共打满五局': a verb and a number before the head (five games played) names no organisation; a name before
    the number (中建三局) does."""
    tokens = phrases.tagged(name)
    verbs = [i for i, (_, tag) in enumerate(tokens) if tag == "v"]
    return bool(verbs) and bool(NUMERAL_CHARACTER.search("".join(word for word, _ in tokens[verbs[-1] + 1 :])))


NUMERAL_CHARACTER = re.compile(r"[一二两三四五六七八九十百千万\d]")


def is_government_office(name: str) -> bool:
    """'国家邮政局', '长沙市文旅局', '全省税务局': a bureau after a level of government (国家, 省, 市; in a scope word
    too) is that government's office, which speaks for its place; '国铁广州局' (a railway bureau) is an operator of its own."""
    table = words()["government_office_heads_zh"]
    head = next((h for h in table["heads"] if name.endswith(h)), "")
    return bool(head) and any(level in name[: -len(head)] for level in table["levels"])


def place_then_opener(name: str) -> bool:
    """'徐州市主要港区': a place, then a word that opens no name (主要, 重点): the place's main port areas, no one's name."""
    place = next((m for m in find_mentions(name, "entities") if m.start == 0), None)
    return place is not None and name[place.end :].startswith(tuple(words()["name_openers_not_zh"]))


def without_opening_period(name: str) -> str:
    """'第三季度公司' (其中，第三季度公司实现营业收入): the words after the time the clause opens with."""
    from .reader.periods import read_periods

    first = next(iter(read_periods(name)), None)
    return name[first.end :] if first is not None and first.start == 0 else name


def english_name(name: str) -> str:
    """A place's name and a head: the English name news gives it ('青岛港' -> 'Qingdao Port'), so that
    Chinese and English sources meet; any other name as written."""
    heads = words()["organisation_head_names_zh"]
    place = next((m for m in find_mentions(name, "entities") if m.start == 0), None)
    rest = name[place.end :] if place else ""
    return f"{place.name} {heads[rest]}" if place and rest in heads else name


def names_a_metric(name: str) -> bool:
    """'上市公司', '武汉市上市公司' (listed companies) are what a figure counts, not who states it; '中国香港'
    ends in a place, not in the head of an organisation's name (港, a port)."""
    return any(m.end == len(name) for m in find_mentions(name, "metrics") + find_mentions(name, "entities"))


def ends_a_word(text: str, start: int, end: int) -> bool:
    """'在校大学生' holds '大学' (university) inside a word (students): a name ends where a word does."""
    length = 0
    for word, _ in phrases.tagged(text[start : end + 4]):
        length += len(word)
        if length >= end - start:
            return length == end - start or glued_to_a_metric(text, start, end)
    return True


PROPER_NOUN_TAGS = ("ns", "nr", "nz", "nt")


def glued_to_a_metric(text: str, start: int, end: int) -> bool:
    """'天河汽车销量': the tagger glues a name's head to the metric after it (汽车销量, a registry name);
    the name ends inside that metric's name when it opens with a proper noun that is no place the
    gazetteer knows ('广州汽车销量' are Guangzhou's car sales, '国产汽车销量' domestic cars' sales)."""
    first = phrases.tagged(text[start : end + 4])[:1]
    if not first or first[0][1] not in PROPER_NOUN_TAGS or find_mentions(first[0][0], "entities"):
        return False
    return any(0 < m.start < end - start < m.end for m in find_mentions(text[start : end + 12], "metrics"))


def opens_with_a_predicate(name: str) -> bool:
    """'共有上市公司' (there are ... listed companies): a verb opens the words, so they are no name."""
    return phrases.opens_with_a_predicate(name)  # a brand may look like a verb to the tagger (蔚来)


def name_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names a place or an organisation (registry names and names by their form)."""
    return [(m.start, m.end) for m in find_mentions(text, "entities")] + [(o.start, o.end) for o in organisation_mentions(text, registry())]


def without_names(text: str) -> str:
    """The text with the places and organisations it names blanked out as clause breaks: a name ends
    the noun phrase after it ('招商银行不良贷款率' is the bank's NPL ratio)."""
    for start, end in name_spans(text):
        text = text[:start] + "，" * (end - start) + text[end:]
    return text


def entity_key(name: str) -> str:
    """The same organisation however a source writes it: 'Tianlong Motors', 'Carmaker Tianlong' and
    'Tianlong' are one ('Bank of Ningbo' keeps its head: it is no city)."""
    words_ = name.lower().split()
    while len(words_) > 1 and words_[0] in descriptors():
        words_.pop(0)
    optional = {head.lower() for head in words()["optional_name_heads"]}
    while len(words_) > 1 and words_[-1].rstrip(".") in optional:
        words_.pop()
    return " ".join(words_)


def within(inner: Named, outer: Named) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def named_organisations(named: list[Named], registry: Registry, text: str) -> list[Named]:
    """The organisations a sentence names by the form of their names, except where a registry name
    covers the same words or one holds a registry organisation ('Shenzhen Angel Mother Fund')."""
    return [o for o in organisation_mentions(text, registry)
            if not any(within(o, n) or (within(n, o) and n.kind == "organisation") for n in named)]


LOCATED = re.compile(r"-(?:based|headquartered|listed|registered)\b")


WORK_TITLE = re.compile(r"《(?P<title>[^《》\n]{1,30})》(?!\s*(?:显示|指出|提出|明确|要求|规定|数据))")


def named_works(text: str) -> list[Named]:
    """《星海少年》以48.4亿元票房位居榜首: a film, a book or a game named in title marks is what its
    figures are about; a document that shows or sets out figures (《2024年统计公报》显示) is their source."""
    if "《" not in text:
        return []
    return [Named(m.start(), m.end(), m["title"], "work") for m in WORK_TITLE.finditer(text)
            if not re.search(r"(?:公报|报告|规划|方案|意见|通知|白皮书|年鉴|纲要|办法)$", m["title"])]


def describes_an_entity(text: str, mention: Mention) -> bool:
    """'the eastern Chinese manufacturing hub': a nationality adjective in a place's or an organisation's
    description, which names no country (unlike 'Chinese exports'); 'the Hong Kong-listed developer':
    a place an organisation is based or listed in."""
    from .extract import singular

    located = LOCATED.match(text, mention.end)
    if located:
        # "the Bengaluru-based company": where the organisation is, not what a figure is about; but "U.S.-listed
        # bitcoin funds", a group of things with no determiner, are that place's
        return DETERMINER_BEFORE.search(text, max(0, mention.start - 6), mention.start) is not None \
            or not PLURAL_GROUP_AFTER.match(text, located.end())
    if mention.surface.lower() not in nationality_adjectives():
        return THE_BEFORE.search(text, max(0, mention.start - 4), mention.start) is not None \
            and singular(text[mention.end :].split(maxsplit=1)[0].strip(",.;:").lower() if text[mention.end :].strip() else "") in organisation_heads()
    if OWNED_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        return True  # "its South Australian mine": the owner's asset, described
    following = re.findall(r"[a-z][a-z-]*", text[mention.end : mention.end + 40].split(",")[0])[:3]
    if following and following[0] in words()["origin_nouns"]:
        return True  # "Japanese guests accounted for 5.3 million nights": where the guests come from, not whose the nights are
    return any(singular(word) in entity_nouns() for word in following)


DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+$")
PLURAL_GROUP_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*[^s\W]s\b(?!\s+[A-Z])")  # "-listed bitcoin funds", not "... firms Tencent and"
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")  # "the Adelaide operator": where the organisation is, describing it


@functools.cache
def organisation_heads() -> frozenset[str]:
    """'brewer', 'operator', 'carrier': the heads of the phrases that stand for an organisation."""
    return frozenset(phrase.split()[-1].lower() for phrase in words()["anaphora"]["organisation"])


@functools.cache
def entity_nouns() -> frozenset[str]:
    """The nouns for a place or an organisation, with the head of every phrase that stands for an organisation
    ('the brewer', 'the grocer'): 'the Danish brewer' is the company, not Denmark."""
    return frozenset(words()["entity_nouns"]) | organisation_heads()


OWNED_BEFORE = re.compile(r"\b(?:its|their)\s+(?:[A-Z][\w-]*\s+)?$")


PLACE_NAME_KINDS = ("city", "province", "country")
WORD_AFTER_PLACE = re.compile(r" (?P<word>[A-Z][a-z][\w&-]*)(?!['’]s\b)")


def opens_a_name(text: str, mention: Mention, registry: Registry) -> bool:
    """'Nagoya Trucks sold ...', 'Porto Textiles': a place written right before a capitalised word that is no
    place, month, metric or part of a place's name opens the name of a company; the place is not named."""
    if mention.start and text[mention.start - 1] not in " \n(\"“" or kind_of(mention.name, registry) not in PLACE_NAME_KINDS:
        return False
    after = WORD_AFTER_PLACE.match(text, mention.end)
    if after is None:
        return False
    word = after["word"]
    lower = word.lower()
    return word not in registry.not_names and lower not in words()["place_nouns"] and lower not in words()["place_name_parts"] \
        and lower not in nationality_adjectives() and not find_mentions(word, "entities") and not find_mentions(word, "metrics")


NAME_WORDS_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))(?P<first>[A-Z][a-z][\w&'’-]*) (?P<second>[A-Z][a-z][\w&'’-]*) $")


def closes_a_name(text: str, mention: Mention, registry: Registry) -> bool:
    """'Vesta Foods Ireland said ...', 'Orion Bank Asia': a place closing a run of two or more capitalised words
    that name no place, title or month closes the name of a company's arm in that place; the place is not named."""
    if kind_of(mention.name, registry) == "organisation" or mention.end < len(text) and text[mention.end].isalnum():
        return False
    before = NAME_WORDS_BEFORE.search(text, max(0, mention.start - 60), mention.start)
    if before is None:
        return False
    words_before = (before["first"], before["second"])
    return not any(word in registry.not_names or word.lower() in nationality_adjectives() or find_mentions(word, "entities")
                   or word.lower() in words()["person_titles"] or word.lower() in words()["place_name_parts"] for word in words_before)


def sentence_names(text: str, registry: Registry, local, sources: list[tuple[int, int]]) -> list[Named]:
    """The entities a sentence names, in order: registry and gazetteer names, organisations by their
    names, anaphors; none inside a data source (`sources`: data_source_spans). A place inside an organisation's name ('Harbin
    Institute of Technology') is not named, unless the organisation publishes figures about it ('the
    Anhui Provincial Bureau of Statistics said the province's GDP ...')."""
    named = [epithet(text, m) or Named(m.start, m.end, local(m), kind_of(m.name, registry)) for m in find_mentions(text, "entities")
             if not describes_an_entity(text, m) and not names_a_currency(text, m.start, m.end) and not opens_a_name(text, m, registry)
             and not closes_a_name(text, m, registry)]
    taken = spans_of(named)
    named = sorted(named + [p for p in chinese_places(text) if not overlaps(taken, p.start, p.end)], key=lambda n: n.start)
    organisations = named_organisations(named, registry, text)
    publishers = tuple(words()["source_heads"])
    hiding = [o for o in organisations if not any(head in o.name.split() for head in publishers)]
    things = named_things(text, registry)
    organisations = [o for o in organisations if not names_a_things_part(text, o, things)]
    things = [t for t in things if not overlaps(spans_of(organisations), t.start, t.end)]
    hiding += things  # 'the Porto-Vigo high-speed line' names no Porto
    found = [n for n in named if not any(within(n, o) for o in hiding)] + organisations + things
    found += [w for w in named_works(text) if not overlaps(spans_of(found), w.start, w.end)]
    found += anaphors(text, spans_of(found))
    found += [p for p in unknown_scene(text, registry) if not overlaps(spans_of(found), p.start, p.end)]
    return sorted((as_scene(text, n) for n in found if not inside(sources, n.start, n.end)), key=lambda n: n.start)


UNKNOWN_SCENE = re.compile(r"^\s*(?:In|Across|Throughout)\s+(?P<name>[A-Z][a-z][\w'’-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][a-z][\w'’-]*){0,3}),")


def unknown_scene(text: str, registry: Registry) -> list[Named]:
    """'In Braga, the population rose 1.2%': a name no list knows, in a phrase of where that opens the sentence, is a
    place (a town the gazetteer lacks), where the sentence's figures are; not a month, a metric or a word of the
    vocabulary ('In Total,')."""
    found = UNKNOWN_SCENE.match(text)
    if not found:
        return []
    name = found["name"]
    first = name.split()[0]
    if first in registry.not_names or any(word.lower() in english_phrases.ordinary_words() or word.lower() in nationality_adjectives()
                                          for word in name.split()) or find_mentions(name, "entities") or find_mentions(name, "metrics"):
        return []
    return [Named(found.start("name"), found.end("name"), name, "city")]


def epithet(text: str, mention: Mention) -> Named | None:
    """'Latin America's largest economy', "Europe's second-biggest carmaker": a place's superlative said of what the
    story is about, an anaphor of the kind its head names (the last country, organisation ... named), not the place."""
    found = english_phrases.epithet_patterns()["after_place"].match(text, mention.end)
    if found is None:
        return None
    head = found["head"].lower()
    kind = words()["epithet_heads"].get(head) or ("organisation" if head in organisation_heads() else "")
    return Named(mention.start, found.end(), "", kind, anaphor=kind) if kind else None


SCENE_BEFORE = re.compile(r"(?:^|[-–—]\s)\s*(?:In|At|Across|Throughout)\s+(?:the\s+)?$")


def as_scene(text: str, named: Named) -> Named:
    """'In Tokyo, its shares rose 1.8%': a place in a phrase of where that opens the sentence says where the rest
    happens; the 'its' after it is someone named before, not the place."""
    if named.kind not in PLACE_NAME_KINDS or text[named.end : named.end + 1] != "," or not SCENE_BEFORE.search(text, 0, named.start):
        return named
    return replace(named, scene=True)


@dataclass(frozen=True)
class Spans:
    """Spans sorted by start, with the furthest end reached up to each: an overlap test by bisection."""

    starts: list[int]
    reach: list[int]


def spans_of(names: list[Named]) -> Spans:
    ordered = sorted((n.start, n.end) for n in names)
    reach, furthest = [], -1
    for _, end in ordered:
        furthest = max(furthest, end)
        reach.append(furthest)
    return Spans([start for start, _ in ordered], reach)


def overlaps(spans: Spans, start: int, end: int) -> bool:
    before = bisect.bisect_left(spans.starts, end)  # the spans that start before `end`
    return before > 0 and spans.reach[before - 1] > start


def anaphors(text: str, taken: Spans) -> list[Named]:
    """'its', 'the city', 'the company', where no name stands."""
    found = []
    lowered, tests = lowered_for_tests(text), literal_tests("anaphora")
    for kind in words()["anaphora"]:
        pattern = patterns().get(f"anaphor_{kind}")
        if pattern is None or not may_hold(text, lowered, tests[kind]):
            continue  # most sentences name no city, province or country: a few 'in' tests instead of a search
        for match in pattern.finditer(text):
            if not overlaps(taken, match.start(), match.end()) and not inside_a_chinese_word(text, match.start(), match.end()):
                found.append(Named(match.start(), match.end(), "", kind, anaphor=kind))
    return found + thing_anaphors(text, lowered, taken)


def thing_anaphors(text: str, lowered: str | None, taken: Spans) -> list[Named]:
    """'the line', 'the route', 'the health service': a named thing of that kind said again."""
    found = []
    for kind, test in literal_tests("named_things").items():
        pattern = patterns().get(f"anaphor_{THING}{kind}")
        if pattern is None or not may_hold(text, lowered, test):
            continue
        found += [Named(m.start(), m.end(), "", THING + kind, anaphor=THING + kind) for m in pattern.finditer(text)
                  if not overlaps(taken, m.start(), m.end())]
    return found


def with_referents(names: list[Named], scope: Scope) -> list[Named]:
    """The names without the anaphors of things that stand for nothing named before: 'the line' in an
    article that named no line is a common noun."""
    return [n for n in names if not n.anaphor.startswith(THING) or scope.resolve(n.anaphor)
            or any(m.kind == n.anaphor and not m.anaphor and m.start < n.start for m in names)]


# the four letters outside ASCII that IGNORECASE matches to ASCII ones (İ, ı, ſ and the Kelvin sign)
CASE_FOLDING_SPECIALS = re.compile("[\u0130\u0131\u017f\u212a]")


@functools.cache
def literal_tests(key: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]] | None]:
    """literal_test of each table of the vocabulary's `key` (a dict of tables, or one table: under '')."""
    tables = words()[key]
    return {kind: literal_test(table) for kind, table in tables.items()} if isinstance(tables, dict) else {"": literal_test(tables)}


def literal_test(table: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """What a text holding one of `table`'s words (found by a case-insensitive word_alternation) holds: a word
    of each ASCII one in lower case ('city' of 'the city'; of two as long, the last), and its caseless words
    without spaces as written ('该市', '其'); None when a word is neither (its pattern then always runs)."""
    ascii_words = [w for w in table if w.isascii()]
    caseless = [w for w in table if not w.isascii() and w.lower() == w.upper() and not any(c.isspace() for c in w)]
    if len(ascii_words) + len(caseless) < len(table):
        return None
    cores = {max(reversed(w.lower().split() or [w.lower()]), key=len) for w in ascii_words}
    if not all(ASCII_LETTER.search(core) for core in cores):
        return None  # (lowered_for_tests tells a text without an ASCII letter from the others)
    return tuple(sorted(cores)), tuple(caseless)


def may_hold(text: str, lowered: str | None, test: tuple[tuple[str, ...], tuple[str, ...]] | None) -> bool:
    """Whether `text` can hold one of the words of a literal_test (`lowered`: lowered_for_tests)."""
    if test is None:
        return True
    cores, caseless = test
    if cores and (lowered is None or (lowered and any(map(lowered.__contains__, cores)))):
        return True
    return any(map(text.__contains__, caseless))


def lowered_for_tests(text: str) -> str | None:
    """`text` in lower case for may_hold: None when it holds one of the four letters IGNORECASE matches to ASCII
    ones (its patterns then always run), '' when it holds no ASCII letter (so no core of an ASCII word)."""
    if CASE_FOLDING_SPECIALS.search(text):
        return None
    lowered = text.lower()
    return lowered if text.isascii() or ASCII_LETTER.search(lowered) else ""


def inside_a_chinese_word(text: str, start: int, end: int) -> bool:
    """'市' of 上市, 市盈率, 市场: a one-character Chinese anaphor that the segmenter keeps inside a longer
    word is no anaphor (市财政收入 opens with one)."""
    if end - start != 1 or not phrases.HAN.match(text[start]):
        return False
    starts, lengths = word_starts(text)
    at = bisect.bisect_right(starts, start) - 1
    return at >= 0 and lengths[at] > 1 and start < starts[at] + lengths[at]


@functools.lru_cache(maxsize=16)  # asked for each one-character anaphor of a sentence: cut it once
def word_starts(text: str) -> tuple[list[int], list[int]]:
    """Where each segmented word of `text` starts, and its length."""
    starts, lengths, position = [], [], 0
    for word, _ in phrases.tagged(text):
        starts.append(position)
        lengths.append(len(word))
        position += len(word)
    return starts, lengths


def subject_position(text: str, named: Named) -> bool:
    """An organisation found by its name is what a figure is about only as a subject: opening a clause,
    with a possessive ("Qilin Motors' revenue", "Jiangnan Commercial Bank's net profit"), or before a
    verb of doing ("Shares of Nvidia rose")."""
    before = text[clause_start(text, named.start) : named.start].strip().lower()
    return before in ("", "the") or text[named.end : named.end + 2] in ("'s", "’s") or text[named.end : named.end + 1] in ("'", "’") \
        or acts(text, named.end)


# a time may stand between a name and its verb: "Ashgrove Markets on Friday posted", "X last week said"
VERB_AFTER_NAME = re.compile(r"(?:\s+(?:on|last|this|earlier|late)\s+[A-Za-z]+)?\s+([a-z]+)\b")


def acts(text: str, end: int) -> bool:
    """Whether the word after a name at `end` is a verb of doing ('reported', 'rose', any verb in -ed),
    not one of saying ('Smith said' names a source)."""
    verb = VERB_AFTER_NAME.match(text, end)
    if verb is None or verb.group(1) in saying_verbs():
        return False
    return verb.group(1) in subject_verbs() or verb.group(1).endswith("ed")


def subject_verbs() -> frozenset[str]:
    from .languages.en.phrases import words as english_words

    return english_words()["subject_verbs"]


@functools.cache
def saying_verbs() -> frozenset[str]:
    return frozenset(words()["saying_verbs"])


def usable(text: str, names: list[Named], registry: Registry) -> list[Named]:
    """The names that can be a figure's entity: organisations found only by their names must stand as
    subjects, and a statistics bureau or a ministry is where figures come from, not what they are about."""
    sources = tuple(words()["source_heads"])
    set_aside = english_phrases.asides(text) if ", " in text else []
    names = [n for n in names if not any(start < n.start and n.end < end for start, end in set_aside)]  # ", closely watched by the Bank of England,"
    return [n for n in names if n.anaphor or n.name in registry.entities or n.scene or n.kind == "work" or n.kind.startswith(THING)
            or (subject_position(text, n) and not any(head in n.name.split() or n.name.endswith(head) for head in sources)
                and not is_a_person(text, n))]


def is_a_person(text: str, named: Named) -> bool:
    """'Finance Minister Claire Dubois said', 'chief executive Lena Brandt': a name with a person's title
    is someone speaking, never what a figure is about."""
    before = text[max(0, named.start - 30) : named.start]
    titled = patterns()["person_title"]
    return titled.search(before) is not None or any(titled.search(text, named.start, end) for end in word_ends(text, named))


def word_ends(text: str, named: Named) -> list[int]:
    """The ends of a name's words but the last, each followed by a space ('Finance Minister| Claire| Dubois')."""
    return [named.start + match.end() + 1 for match in re.finditer(r"\S+(?=\s)", text[named.start : named.end])]


def resolved(named: Named, names: list[Named], scope: Scope) -> str:
    """An anaphor's referent: 'its' after another clause of its sentence is that sentence's subject."""
    if not named.anaphor:
        return named.name
    earlier = [n for n in names if n.start < named.start and not n.anaphor and not n.scene and named.anaphor in ("any", n.kind)]
    if earlier:
        return earlier[0].name if named.anaphor == "any" else earlier[-1].name
    return scope.resolve(named.anaphor)


def sub_entity(text: str, start: int, position: int, place: str, title: str = "") -> str | None:
    """'spending by companies in the city' -> '<city> companies'; 'enterprises accounted for' -> '<place> enterprises'."""
    if HAN_TEXT.search(text[max(0, position - 2) : position]):
        return chinese_sub_entity(text, start, position, place)
    clause = text[start:position]
    match = patterns()["sub_entity"].search(clause.strip()) if clause.strip() else None
    if not match or patterns()["counting"].search(clause.strip()[: match.start()]):
        return None
    noun = match.group("noun").lower()
    if place.lower().endswith(noun):
        return place  # "Qingdao Port" handled ...: "the port" is the port itself
    if noun in words()["facilities"] and re.search(rf"\b{re.escape(noun)}", title, re.I):
        return None  # "The port handled 3.9 million containers" in a story titled "Port traffic": the story's subject
    if not modified_as_a_subject(match):
        return None
    return f"{place} {kind_of_sub_entity(match.group('modifiers'))}{noun}".strip()


def modified_as_a_subject(match: re.Match) -> bool:
    """Whether a sub-entity with words before its noun is one the words name: only a subject opening its clause
    ("Small businesses cut"; "Investment by foreign companies" is a kind of investment), never after a possessive
    ("China's courier companies handled" are the country's) nor in a name ("Lisbon Airport"). True with no such words."""
    modifiers = match.group("modifiers")
    if not modifiers:
        return True
    return not (match.start() > 0 or re.search(r"['’]s\s", match.group(0)[: match.start("modifiers") - match.start()])
                or find_mentions(modifiers, "entities") or any(w[:1].isupper() for w in modifiers.split()[1:]))


def kind_of_sub_entity(modifiers: str) -> str:
    """The words before a sub-entity's noun that say which ones ('Small businesses', 'energy-intensive'), after the
    last word that is no modifier ('Spending by companies': none), with a space after them."""
    kept: list[str] = []
    for word in modifiers.lower().split():
        kept = [] if word in english_phrases.words()["stop_words"] or english_phrases.is_clause_verb(word) \
            or word in english_phrases.words()["determiners"] else kept + [word]
    return "".join(f"{word} " for word in kept)


def chinese_sub_entity(text: str, start: int, position: int, place: str) -> str | None:
    """'规模以上工业企业实现营业收入1.2万亿元，增长7.7%；实现利润总额…': the enterprises a clause (or the
    clause its subject-less clause goes on from) opens with as the subject of a predicate and a measure."""
    nouns, scopes = sub_entity_nouns()
    end, limit = position, max(0, position - WINDOW)
    while True:
        clause = text[start:end]
        opening = clause
        for scope in words()["scope_prefixes_zh"] if clause.startswith(scopes) else ():
            opening = opening.removeprefix(scope)
        opening = without_leading_place(opening)  # '徐州市重点港区完成…': the place is the entity the part is of
        accounts = phrases.enterprises_and_account(phrases.noun_run(opening))
        if accounts:
            return f"{place} {phrases.written_out(accounts[0])}"  # '规模以上工业企业利润总额': theirs, as after 实现
        noun = next((n for n in nouns if opening.startswith(n)), None) if opening.startswith(nouns) else phrases.subject_ending_in(opening, nouns)
        if noun and phrases.opens_with_a_predicate(opening[len(noun) :]) and len(phrases.tagged(opening[len(noun) :])) > 1:
            # '高新技术企业达到3200家，连续5年保持…': the enterprises counted, the measure itself, are no sub-entity
            return None if phrases.counts_right_after_predicate(opening[len(noun) :]) else f"{place} {phrases.written_out(noun)}"
        if start <= limit or not phrases.goes_on_without_subject(opening):
            return None  # this clause has a subject of its own (or the look back has gone far enough)
        end = start - 1
        start = clause_start(text, end)


def without_leading_place(text: str) -> str:
    place = next((m for m in find_mentions(text[:12], "entities") if m.start == 0), None)
    return text[place.end :] if place is not None else text


@functools.cache
def sub_entity_nouns() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The sub-entity nouns, longest first, and the scope words a Chinese clause may open with."""
    return tuple(sorted(words()["sub_entities"], key=len, reverse=True)), tuple(words()["scope_prefixes_zh"])


def without_sub_entity(clause: str) -> str:
    """A clause without the sub-entity it names: 'Spending by companies in the city came to' -> 'Spending came to'."""
    def drop(match: re.Match) -> str:
        counted = patterns()["counting"].search(clause[: match.start()])  # "the number of enterprises" is what is counted
        return match.group(0) if counted or not modified_as_a_subject(match) else ""

    return patterns()["sub_entity"].sub(drop, clause)


ROUTE_TO = re.compile(r"\s+to\s+")
ROUTE_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}\s+to\s+(?:the\s+)?$")


def route_ends(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """'from Shanghai to Rotterdam', 'the Shanghai to Genoa rate': the two places of a route (the starts of their
    spans, sorted) say where goods or people travel, which neither the story nor the metric is about."""
    ends = set()
    for first, second in zip(spans, spans[1:]):
        if ROUTE_TO.fullmatch(text, first[1], second[0]):
            ends |= {first[0], second[0]}
    return ends


def ends_a_route(text: str, start: int) -> bool:
    """Whether the name at `start` is the end of a route opened by 'from' ('from Shanghai to Los Angeles')."""
    return ROUTE_BEFORE.search(text, max(0, start - 60), start) is not None


def between(names: list[Named], start: int, end: int) -> list[Named]:
    """The names (sorted by start) that start in [start, end): found by bisection, so that a sentence
    holding thousands of names costs each figure only the names near it."""
    low = bisect.bisect_left(names, start, key=lambda n: n.start)
    return names[low : bisect.bisect_left(names, end, lo=low, key=lambda n: n.start)]


@functools.cache
def partner_pattern() -> re.Pattern:
    return re.compile(rf"(?P<noun>[A-Za-z]+)\s+(?:{alternation('partner_prepositions')})\s+(?:the\s+)?$", re.I)


def is_partner(text: str, start: int) -> bool:
    """'Shipments to the United States', 'Imports from China': a place named after a noun and 'to' or
    'from' is where a flow goes or comes from, not what the figure is about ('rose to', 'moved from' are verbs)."""
    from .languages.en import phrases as english

    found = partner_pattern().search(text, max(0, start - 40), start)
    if not found:
        return False
    noun = found["noun"]
    return not (english.is_a_verb(noun) or english.is_function_word(noun) or noun.lower().endswith("ed") or noun.lower() in words()["infinitive_verbs"])


def entity_candidates(text: str, names: list[Named]) -> list[Named]:
    """The sentence's names that can be its figures' entity (figure_entity takes them): not a flow's
    partner, not a country that sets the scene for a place. Once per sentence, not per figure."""
    starts = {n.start for n in names if n.kind in ("city", "province", "region")}
    organisations = {n.start for n in names if n.kind == "organisation" and not n.anaphor}
    routes = route_ends(text, [(n.start, n.end) for n in names if not n.anaphor]) if len(names) > 1 else set()
    return [n for n in names if n.anaphor or not (is_partner(text, n.start) or is_chinese_partner(text, n) or n.start in routes
                                                  or sets_the_scene(text, n, starts) or owns_an_organisation(text, n, organisations))]


def is_chinese_partner(text: str, named: Named) -> bool:
    """'对美国进出口下降近一成', '与东盟的贸易': a place between 对 (or 与) and a trade flow is the flow's
    partner, not what the figure is about (the sentence's own place, or the story's, is)."""
    vocab = words()["trade_partners_zh"]
    if not text.endswith(tuple(vocab["before"]), 0, named.start):
        return False
    after = named.end + text.startswith("的", named.end)
    return text.startswith(tuple(vocab["flows"]), after)


def sets_the_scene(text: str, named: Named, place_starts: set[int]) -> bool:
    """"East China's Anhui Province", "Germany's Bavaria": a country's possessive right before a place in
    it says where the place is; the place is what its figures are about."""
    return named.kind == "country" and text[named.end : named.end + 3] in ("'s ", "’s ") and named.end + 3 in place_starts


def owns_an_organisation(text: str, named: Named, organisation_starts: set[int]) -> bool:
    """"Valdoria's Centre Alliance", "Japan's Hoshi Trucks": a name's possessive right before an organisation's
    name says where the organisation is from; the organisation is what the clause's figures are about."""
    return not named.anaphor and text[named.end : named.end + 3] in ("'s ", "’s ") and named.end + 3 in organisation_starts


def figure_entity(text: str, position: int, names: list[Named], scope: Scope, share: bool = False) -> str:
    """The entity of the figure at `position` among `names` (entity_candidates); a share may name it after
    the figure ('half of its GDP')."""
    start = clause_start(text, position)
    in_clause = between(names, start, position)
    if not scope.subject:  # "the port of Rotterdam" in a story about no one: 'the port' stands for no one named before
        in_clause = [n for n in in_clause if not n.anaphor or resolved(n, names, scope)]
    comparison = patterns()["comparison"].search(text, start, position)
    if comparison:
        compared = [n for n in in_clause if n.start >= comparison.end()]
        in_clause = compared or in_clause
    if share:
        in_clause = [n for n in in_clause if not names_a_share_base(text, start, n)]
    compared = compared_at(text, start, position, in_clause) if in_clause else position
    if compared < position:
        in_clause = [n for n in in_clause if n.start < compared]
        names = [n for n in names if not compared <= n.start < position]
    holder = figure_holder(text, position, in_clause)
    in_clause = [holder] if holder else in_clause
    if in_clause and DIGIT.search(text, start, in_clause[0].start):  # "6% in France and 1% in Spain": France is the 6%'s
        chosen = after_figure(text, position, names, scope, share) or resolved(in_clause[0], names, scope)
    else:
        chosen = resolved(in_clause[0], names, scope) if in_clause else subject_named(text, start, position, scope) or after_figure(text, position, names, scope, share)
    entity = chosen or clause_subject(text, start, names, scope) or sentence_subject(names, position, scope)
    part = organisation_part(text, start, position, entity)
    if part:
        return part
    qualified = sub_entity(text, start, position, place_of(text, start, position, names, scope) or chosen or scope.place(), scope.title)
    return qualified or entity


def figure_holder(text: str, position: int, in_clause: list[Named]) -> Named | None:
    """'followed by Chhattisgarh with 2.1 million tonnes and Jharkhand with 1.9 million tonnes': a place or organisation
    named right before a link word ('with') and the figure holds it, whichever name opens the clause."""
    last = in_clause[-1] if in_clause else None
    if last is None or last.anaphor or last.kind not in HOLDER_KINDS:
        return None
    if figure_holder_link().fullmatch(text, last.end, position):
        return last
    # "France 20% and Italy 10%": a name right before the figure, opening a clause that leaves out its verb
    return last if GAPPED_NAME_BEFORE.search(text, max(0, last.start - 6), last.start) and text[last.end : position].isspace() else None


GAPPED_NAME_BEFORE = re.compile(r"(?:,|\band)\s+$")


HOLDER_KINDS = frozenset({"city", "province", "region", "country", "organisation"})


@functools.cache
def figure_holder_link() -> re.Pattern:
    qualifiers = word_alternation(words()["figure_qualifiers"] + ["more than", "less than", "just over", "just under"])
    return re.compile(rf"\s+(?:{word_alternation(words()['figure_holder_links'])})\s+(?:(?:{qualifiers})\s+)?", re.I)


def organisation_part(text: str, start: int, position: int, entity: str | None) -> str | None:
    """'Its chip division alone earned 5.8 trillion won': a division, unit or arm of the organisation,
    an entity of its own that never merges with the whole."""
    start = min(start, clause_start(without_asides(text), position))  # "The retail arm, which serves ..., contributed"
    match = patterns()["organisation_part"].search(text, start, position) if entity else None
    if not match or match["name"] and not entity.startswith(match["name"]) or kind_of(entity, registry()) != "organisation":
        return None  # "US housing starts ... while the multifamily segment fell": a place has no divisions
    return f"{entity} {' '.join(match['part'].split())}"


@functools.lru_cache(maxsize=64)  # asked once per figure of a sentence
def without_asides(text: str) -> str:
    return english_phrases.without_asides(text)


def compared_at(text: str, start: int, position: int, names: list[Named]) -> int:
    """Where a Chinese difference from another entity begins ('温州市增速比全国高1.1个百分点': at 比):
    the names after it are what the figure is compared with, not whose it is; `position` when the
    figure is no such difference."""
    from .languages.zh import figures as chinese_figures

    at = chinese_figures.compared_from(text, start, position)
    return at if at >= 0 and any(n.start >= at for n in names) else position


def is_compared_with_another(text: str, position: int, names: list[Named]) -> bool:
    """'比全国高3.4个百分点': the figure at `position` is a difference from an entity its clause names."""
    start = clause_start(text, position)
    in_clause = between(names, start, position)
    return bool(in_clause) and compared_at(text, start, position, in_clause) < position


def names_a_share_base(text: str, start: int, named: Named) -> bool:
    """'苏州市进出口总额2.6万亿元，占全省的49.5%' (or 相当于全省的三成): the province after 占 is what the share is
    of, not whose it is."""
    from .languages import vocabulary

    clause = text[start : named.start]
    figures = vocabulary("figures")
    return bool(HAN_TEXT.search(clause)) and any(word in clause for word in figures["share_phrases"] + figures["relative_openers"] if HAN_TEXT.search(word))


TRADING_BEFORE = re.compile(r"\b(?:trading|trade|traded|deals|dealings|listed|close)\s+in\s+(?:the\s+)?$", re.I)  # where shares trade


def is_trading_venue(text: str, position: int, named: Named) -> bool:
    """'rose 2.8% in Oslo trading', 'Shares in Fjordline ... rose 2.8% in Oslo': where shares trade, not whose they are."""
    if venue_patterns()[1].match(text, named.end):
        return True
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, position)]  # "fell 3.4% to 142.60 crowns": a decimal point ends no sentence
    return venue_patterns()[0].search(text, ends[-1] if ends else 0, position) is not None


SENTENCE_END = re.compile(r"[.!?](?!\d)")


@functools.cache
def venue_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Words of a listed company's shares in the sentence before a figure, and of trading right after a place."""
    return (re.compile(rf"\b(?:{word_alternation(words()['listed_share_words'])})\b", re.I),
            re.compile(rf"\s+(?:{word_alternation(words()['trading_words_after'])})\b", re.I))


def subject_named(text: str, start: int, position: int, scope: Scope) -> str:
    """'Lorne Foods will invest $2 billion in Poland': the article's organisation, named by its whole name before the
    figure in its clause, is whose the figure is, not the place after it (a name the registry does not know is in no
    list of the sentence's names)."""
    subject = scope.subject
    at = text.find(subject, start, position) if subject and scope.subject_kind == "organisation" else -1
    if at < 0:
        return ""
    said = saying_verbs()  # "Lorne Foods said unemployment was 5% in Poland": the subject of the saying only
    return "" if any(word.strip(",").lower() in said for word in text[at + len(subject) : position].split()) else subject


def after_figure(text: str, position: int, names: list[Named], scope: Scope, share: bool) -> str:
    """A place its clause names after the figure: '170 universities and research institutions in Guangdong'."""
    end = CLAUSE_BREAK.search(text, position, position + WINDOW)
    for named in between(names, position + 1, end.start() if end else min(len(text), position + WINDOW)):
        before = text[max(0, named.start - 8) : named.start]
        if named.kind in ("city", "province", "country") and (re.search(r"\bin\s+(?:the\s+)?$", before) or RATE_FOR.fullmatch(text, position, named.start)) \
                and not TRADING_BEFORE.search(text, max(0, named.start - 24), named.start) and not is_trading_venue(text, position, named) \
                and not cause_before_place().search(text, position, named.start):  # "fell 11% after a drought in Minas Gerais"
            return resolved(named, names, scope)
        if share and named.anaphor and re.search(r"\bof\s+$", before):  # "half of its GDP": whose GDP
            return resolved(named, names, scope)
        return ""
    return ""


RATE_FOR = re.compile(r"[\d.,]+(?:\s*%|\s+percent|\s+per\s+cent)\s+for\s+(?:the\s+)?")  # "against 6.4% for Portugal": a rate of that place


@functools.cache
def cause_before_place() -> re.Pattern:
    """A word opening the cause of a figure, after it: a place named in the cause is where that happened."""
    return re.compile(rf"\b(?:{word_alternation(words()['cause_clause_openers'] + words()['cause_words_after'])})\b", re.I)


def place_of(text: str, start: int, position: int, names: list[Named], scope: Scope) -> str:
    """The place a sub-entity is in: named after it ('companies in the city'), else the paragraph's."""
    places = [n for n in between(names, start, position) if n.kind in ("city", "province", "country")]
    return resolved(places[-1], names, scope) if places else ""


def clause_subject(text: str, start: int, names: list[Named], scope: Scope) -> str:
    """The subject of the nearest clause before the figure's that opens with a name: a clause without
    a subject goes on about it ('其中，合肥市地区生产总值13507.7亿元，增长6.1%'; 'Hefei, the capital,
    contributed ...'). It looks back at most WINDOW characters."""
    end, limit = start, max(0, start - WINDOW)
    described = False  # an appositive was passed: what it describes opens the sentence, named or not
    while end > limit:
        begin = clause_start(text, max(0, end - 1))
        opening = next(iter(between(names, begin, end)), None)
        relative = RELATIVE.search(text, max(0, begin - 8), begin)  # "where the university is based" has no say
        if opening and (opening.anaphor or possessive_at(text, opening.end)) and is_appositive(text, begin, end):
            end, described = begin - 1, True  # "Ningbo, the province's largest trading city, had ...": Ningbo has the figure
            continue
        if opening and not relative and not text[begin : opening.start].strip():
            return resolved(opening, names, scope)
        if begin == 0:
            return scope.last_subject or scope.subject if described else ""
        end = begin - 1
    return ""


def possessive_at(text: str, end: int) -> bool:
    """'India's fourth-largest software exporter': a name with a possessive describes what comes before it."""
    return text[end : end + 2] in ("'s", "’s")


def is_appositive(text: str, begin: int, end: int) -> bool:
    """A clause without a verb between a name and the rest of its sentence describes the name."""
    from .languages.en.phrases import words as english_words

    return begin > 0 and text[begin - 1] == "," and english_words()["clause_verb"].search(text, begin, end) is None and not HAN_TEXT.search(text, begin, end)


def sentence_subject(names: list[Named], position: int, scope: Scope) -> str:
    """The first entity the sentence names shortly before the figure, else the paragraph's or article's."""
    starts = [n.start for n in names]
    first = bisect.bisect_left(starts, position - WINDOW)
    if first < len(names) and names[first].start < position:
        return resolved(names[first], names, scope)
    return scope.last_subject or scope.subject  # a sentence that names no one goes on about its paragraph's subject


def remember(names: list[Named], scope: Scope) -> None:
    """What the sentence names, for the anaphors of the sentences after it."""
    scope.remember([Named(n.start, n.end, resolved(n, names, scope), n.kind) for n in names if n.anaphor != "any"])
