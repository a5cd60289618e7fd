"""Metrics from the thing measured: what a figure counts ("39.3 million TEU"), what money was spent on
("spent 8.2 billion yuan on new metro lines"), the qualifier that changes a definition ("overseas
sales", "loans to small businesses"), an absolute change ("rose by 31 billion yuan"), and whether a
figure is a forecast, a target or a plan. The words are each language's data
(`languages/<language>/claims.yaml`); the metrics and their nouns are the registry's.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import replace
from decimal import Decimal

from .entities import NEXT_WORD, clause_start, without_names, words
from .languages import HAN, vocabulary
from .languages.en import phrases as english_phrases
from .model import Quantity
from .reader.patterns import word_alternation
from .registry import Mention, Registry, find_mentions, load_registry

DIGIT = re.compile(r"\d")


def stop_words() -> frozenset[str]:
    from .languages.en.phrases import words as english_words

    return english_words()["stop_words"]


def alternation(key: str) -> str:
    table = words()[key]
    return word_alternation(table) if table else r"(?!x)x"


FORECAST_OBJECT = r"(?:[a-z][\w-]*\s+){1,4}?(?:of|at|between|for)"  # "revenue of", "a gross margin of"


@functools.cache
def patterns() -> dict[str, re.Pattern]:
    from .build_cache import built

    return built("metric-patterns", build_patterns)  # kept between runs (build_cache)


def build_patterns() -> dict[str, re.Pattern]:
    outlook = words()["outlook"]
    # the patterns used with match(text, position) are anchored there: '^' would anchor them at the text's start
    return {
        "spending": re.compile(rf"(?:{alternation('spending_verbs')})\b", re.I),
        "spending_verb": re.compile(rf"\b(?:{alternation('spending_finite_verbs')})\b", re.I),
        "object": re.compile(rf"\s*(?:{alternation('spending_objects')})\s+(?P<object>[^,;:.()，；：。]+)", re.I),
        # "the £3 million it spent on bridges": the amount is the object of a spending verb in the clause after it
        "spending_after": re.compile(rf"\s+{english_phrases.relative_subject()}(?:{alternation('spending_verbs')})\b", re.I),
        "before": re.compile(rf"(?:{alternation('qualifiers_before')})\s*$", re.I),
        "neutral_end_zh": re.compile(rf"(?:{word_alternation(w for w in words()['neutral_modifiers'] if HAN.search(w))})$"),
        # bounded: a clause's opening words, then the sector, then its verb
        "sector_before": re.compile(rf"(?<![\w-])(?P<sector>{alternation('sectors')})\s+$", re.I),
        "sector_subject": re.compile(rf"\s*(?:(?:{alternation('sector_clause_openers')})\s+){{0,2}}(?P<sector>{alternation('sectors')})\s+(?P<verb>[a-z]+)\b", re.I),
        "sector_after": re.compile(rf"\s+in\s+(?:the\s+)?(?P<sector>{alternation('sectors')})(?![\w-])(?!\s+(?:sector|industry)\s+(?:in|of)\b)", re.I),
        "after_phrase": re.compile(rf"\s+(?:{alternation('qualifiers_after_phrases')})(?![\w-])", re.I),
        "after": re.compile(rf"\s+(?:(?P<kept>{alternation('qualifiers_after_kept')})|(?P<preposition>{alternation('qualifiers_after')}))\s+"
                            r"(?P<words>(?:the\s+)?[A-Za-z][\w&'’-]*(?![$\d])(?:\s+[A-Za-z][\w&'’-]*(?![$\d])){0,2})", re.I),  # "to C$30 billion": no word
        # a Chinese word runs into its figure ("增加120家"), an English one is followed by a space
        # "to cut about 1,200 jobs": a qualifier of the figure may stand between the change word and it
        "change": re.compile(rf"(?:{alternation('change_before')})(?:\s+by)?(?:\s+(?:(?:{alternation('figure_qualifiers')})\s+)?|(?<=[^\x00-\x7f]))$", re.I),  # "dipped by"
        "change_name": re.compile(rf"(?<![\w-])(?:{alternation('change_names_before')})\s+(?:[a-z]+\s+)?$", re.I),
        "level": re.compile(alternation("level_words"), re.I),
        # "the C$40.1 billion it had projected": a figure someone projected, said after it
        "projected_after": re.compile(rf"\s+(?:that\s+|which\s+)?(?:it|they|he|she|we|[a-z]+s|the\s+[a-z]+)\s+(?:had\s+|has\s+|have\s+|originally\s+|previously\s+)*"
                                      rf"(?:{alternation('outlook_after_verbs')})\b", re.I),
        "expected_by_after": re.compile(rf"\s+(?:{alternation('outlook_after_verbs')})\s+by\s", re.I),
        "outlook_noun_after": re.compile(rf"[\s-]+(?:[a-z]+\s+)?(?P<noun>{alternation('outlook_nouns_after')})(?![\w-])", re.I),
        "change_of_object": re.compile(rf"\b(?:{alternation('change_verbs_with_object')})\s+(?P<object>(?:[\w'’-]+\s+){{1,4}}?)by\s+"
                                       rf"(?:(?:about|around|some|nearly|almost|roughly|over|more\s+than|a\s+further|another)\s+)?$", re.I),
        "phrasal_verb": re.compile(rf"\b(?:{alternation('phrasal_verbs')})\s+$", re.I),
        "present": re.compile(alternation("present_verbs"), re.I),
        "year_before_said": re.compile(word_alternation(vocabulary("periods")["year_before_said"]), re.I),
        "previous": re.compile(rf"\s*,?\s*(?:{word_alternation(words()['previous_period'])})", re.I),
        "previous_month": re.compile(rf"\s*,?\s*(?:{word_alternation(words().get('previous_month') or ['-'])})", re.I),
        "previous_quarter": re.compile(rf"\s*,?\s*(?:{word_alternation(words().get('previous_quarter') or ['-'])})", re.I),
        "previous_span": re.compile(rf"\s*,?\s*(?:{word_alternation(words().get('previous_span') or ['-'])})", re.I),
        "from_previous": re.compile(rf"\s*,?\s*(?:(?:{alternation('change_from')})\s+)?(?:{word_alternation(words()['previous_period'])})", re.I),
        **{f"outlook_{kind}": re.compile(word_alternation(table), re.I) for kind, table in outlook.items() if table},
        # "after its reservoirs fell": a clause of time or cause, a few words of its subject, then its verb
        "past_clause": re.compile(rf"\b(?:{alternation('past_clause_openers')})\s+(?:[\w'’-]+\s+){{0,4}}?(?P<verb>[a-z]+)\s+(?=to\s|by\s|\S*\d|$)", re.I),
        "estimate_noun": re.compile(rf"(?:{alternation('estimate_nouns')})\b", re.I),
        # "expected the bill to reach": a verb of expecting, its object (a few words), then "to" and a verb
        "expected_object_to": re.compile(rf"\b(?:{alternation('outlook_object_verbs')})\s+(?:the|its|their|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?to\s+[a-z]+\s+", re.I),
        "first_reading": re.compile(rf"\b(?:{alternation('first_reading_words')})\s+$", re.I),
        # a past verb of forecasting, its object and the figure's preposition, ending the clause before the figure
        # (as a noun, "the forecast of 2.1%", it is one of the outlook words); and its second object after "and a"
        "forecast_verb": re.compile(rf"\b(?:{alternation('past_forecast_verbs')})\s+{FORECAST_OBJECT}\s+(?:[a-z]+\s+)?$", re.I),
        "forecast_object_after_and": re.compile(rf"\b(?:{alternation('past_forecast_verbs')})\s+{FORECAST_OBJECT}\s(?:[^.;]|\.(?=\d)){{0,100}}?"
                                                r"\band\s+(?:a|an|its|their)\s+(?:[a-z][\w-]*\s+){1,3}?(?:of|at)\s+(?:[a-z]+\s+)?$", re.I),
        "unit_price": re.compile(rf"\s*(?:a|an|per)\s+(?:{alternation('price_units')})(?![\w-])", re.I),
        # bounded: a change, then within its clause "to" or "at" and the quote it reached
        "quoted": re.compile(rf"\d\s*(?:a|an|per)\s+(?:{alternation('price_units')})(?![\w-])", re.I),
        "to_sum": re.compile(r"\s+(?:to|at)\s+\S?\S?\S?\d", re.I),
        "to_quote": re.compile(rf"(?:[^.;](?!\s+while\b)){{0,50}}?\b(?:to|at|of)\s+\S*?\d[\d,.]*(?:\s+[a-z]+)?"
                               rf"(?:\s*(?:a|an|per)\s+(?:{alternation('price_units')})|\s+(?:{alternation('quote_units')}))(?![\w-])", re.I),
    }


def is_verb(word: str) -> bool:
    from .languages.en.phrases import is_clause_verb

    return is_clause_verb(word)


def singular(word: str) -> str:
    from .extract import singular as one

    return one(word)


def clause_before(text: str, position: int) -> str:
    return text[clause_start(text, position) : position]


def counted_metric(text: str, quantity: Quantity, registry: Registry) -> tuple[str, Mention | None] | None:
    """The registry metric a count of a thing states: 'TEU' is container throughput; vehicles are
    deliveries, output or sales by the word the clause uses ('delivered', 'built', 'sales')."""
    if not quantity.noun:
        return None
    head = quantity.noun.split()[-1].lower() if " " in quantity.noun else quantity.noun.lower()
    start = clause_start(text, quantity.start)
    clause = text[start : quantity.start].lower()
    best, nearest = None, None
    candidates = counting_metrics(registry).get(head, ())
    if len(candidates) > 1 and start:
        # "Ontario's population dipped by 5,664, while Alberta added 17,000 people": the one its sentence named before
        named = {m.name for m in find_mentions(text[:start], "metrics")}
        chosen = next((metric.name for metric in candidates if metric.name in named), None)
        if chosen:
            return chosen, None
    for metric in candidates:
        if not metric.verbs:
            return metric.name, None
        for verb in metric.verbs:
            for match in re.finditer(rf"(?<![A-Za-z]){re.escape(verb.lower())}(?![A-Za-z])", clause):
                if nearest is None or match.start() > nearest.start - start:
                    best, nearest = metric.name, Mention(start + match.start(), start + match.end(), metric.name, "verb")
    return (best, nearest) if best else verb_after_noun(text, quantity, head, candidates)


def verb_after_noun(text: str, quantity: Quantity, head: str, candidates) -> tuple[str, Mention | None] | None:
    """'35.5 million foreign visitors came to the country': the verb right after the counted noun chooses the metric
    when none before the figure does."""
    after = [word.lower() for word in AFTER_WORD.findall(text, quantity.end, quantity.end + 80)[:5]]
    at = after.index(head) if head in after else -1
    if at < 0 or at + 1 >= len(after):
        return None
    verb = after[at + 1]
    return next(((metric.name, None) for metric in candidates if verb in (v.lower() for v in metric.verbs)), None)


AFTER_WORD = re.compile(r"[A-Za-z][\w-]*")


_counting: list = []  # [registry, its index]: one entry, for the registry in use


def counting_metrics(registry: Registry) -> dict[str, list]:
    """The metrics that count each noun (lower case), in registry order: built once per registry, not
    by a loop over every metric for each figure (most metrics count nothing)."""
    if not _counting or _counting[0] is not registry:
        index: dict[str, list] = {}
        for metric in registry.metrics.values():
            for noun in dict.fromkeys(noun.lower() for noun in metric.nouns):
                index.setdefault(noun, []).append(metric)
        _counting[:] = [registry, index]
    return _counting[1]


def spent_on(text: str, quantity: Quantity, registry: Registry) -> tuple[str, str] | None:
    """'spent 8.2 billion yuan on new metro lines' -> ('new metro lines', metric or ''): what the money
    went to, and the registry metric that spending is ('on R&D' is R&D spending)."""
    if quantity.kind != "amount":
        return None
    after = patterns()["spending_after"].match(text, quantity.end)
    if not after and not patterns()["spending"].search(clause_before(text, quantity.start)):
        return None
    start = after.end() if after else quantity.end
    thing, end = spent_object(text, start)
    if english_phrases.is_period_phrase(thing):  # "had set aside in January for flood recovery": the object after the time
        thing = spent_object(text, end)[0]
    if not thing or english_phrases.is_period_phrase(thing) or names_a_place_only(thing):
        return None  # "spent 3.2 trillion yen in October", "will invest $2 billion in Poland": when or where, not on what
    for metric in registry.metrics.values():
        if thing.lower() in (target.lower() for target in metric.spent_on):
            return thing, metric.name
    return thing, ""


def spent_object(text: str, start: int) -> tuple[str, int]:
    """The thing money went to, in the object at `start` ("on its new metro lines in 2024" -> 'new metro lines'),
    and where its words end; '' when there is none."""
    match = patterns()["object"].match(text, start)
    if not match:
        return "", start
    kept, end = [], start
    found = list(re.finditer(r"\S+", match.group("object")))
    words = [word.group(0) for word in found]
    for index, word in enumerate(words):
        if not kept and word.lower() in english_phrases.words()["determiners"]:
            continue  # "on its network"
        if (word.lower() in stop_words() and word.lower() != "and") or re.search(r"\d", word) or opens_a_period(words, index):
            break  # "on research and development in 2024", "on new capacity next year"
        kept.append(word)
        end = match.start("object") + found[index].end()
    while kept and kept[-1].lower() == "and":
        kept.pop()  # "for property tax relief and $8.5 billion for public schools"
    return " ".join(kept), end


def opens_a_period(found: list[str], index: int) -> bool:
    """'next year', 'this quarter': the word at `index` and the one after name a time, not a thing."""
    vocab = english_phrases.words()
    return index + 1 < len(found) and found[index].lower() in vocab["time_determiners"] \
        and found[index + 1].lower().strip(",.;:") in vocab["period_nouns"]


def names_a_place_only(phrase: str) -> bool:
    """'Poland', 'the United States': a phrase that is a name the registry knows and nothing else."""
    found = find_mentions(phrase, "entities")
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(phrase)


@functools.cache
def number_word_set() -> frozenset:
    from .languages import vocabulary as language_vocabulary

    figures = language_vocabulary("figures")
    return frozenset(w.lower() for w in list(figures["number_words"]) + list(figures["fractions_of_scale"]) + words()["amount_words_after_preposition"])


def qualifier_ending(text: str) -> str:
    """The qualifier `text` ends with ('overseas', 'part-time'), as the metric key names it; '' when none.
    Two joined ('风电和光伏发电') name both ('wind and solar'): the measure is of the two together, not of the last."""
    found = patterns()["before"].search(text)
    if found is None:
        neutral = patterns()["neutral_end_zh"].search(text)  # 城镇常住居民: a word that leaves the definition as it is, between
        found = patterns()["before"].search(text, 0, neutral.start()) if neutral else None
    if found is None:
        return ""
    name = qualifier_name(found.group(0))
    negating = negating_prefix().search(text, 0, found.start())
    if negating:
        return f"{negating.group(0).lower()}{name}"  # "the non-oil budget deficit" is not the oil one
    joined = joined_qualifier().search(text, 0, found.start())
    return f"{qualifier_name(joined['first'])} and {name}" if joined else name


def qualifier_name(written: str) -> str:
    written = written.strip().lower()
    return words()["qualifier_names"].get(written, written)


@functools.cache
def negating_prefix() -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z])(?:{alternation('negating_prefixes')})-$", re.I)


@functools.cache
def joined_qualifier() -> re.Pattern:
    return re.compile(rf"(?P<first>{alternation('qualifiers_before')})\s*(?:{alternation('qualifier_joiners')})\s*$", re.I)


# "of its best-selling Model Arc", "of their Pixel phones": a name the owner's possessive introduces is its product or unit
OWN_PRODUCT_AFTER = re.compile(r"\s+of\s+(?:its|their)\s+(?:[a-z][\w-]*\s+){0,2}(?P<name>[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3})")


@functools.cache
def organisation_part_after() -> re.Pattern:
    return re.compile(rf"\s+(?:{alternation('organisation_parts')})(?![\w-])", re.I)


def qualifier(text: str, mention: Mention | None) -> str:
    """A word that changes what the metric named at `mention` measures: 'overseas' sales, 'online'
    retail sales, investment 'excluding rural households', loans 'to small businesses'."""
    if mention is None or english_phrases.after_an_epithet_superlative(text, mention.start):
        return ""  # "The world's second-largest economy grew": a description of whose, no kind of GDP
    before = qualifier_ending(text[max(0, mention.start - 30) : mention.start])
    if before:
        return before
    sector = patterns()["sector_before"].search(text, max(0, mention.start - 40), mention.start) if mention.surface != "verb" else None
    if sector:  # "Government payrolls increased by 8,000", "mining investment": that sector's part
        name = re.sub(r"^the\s+", "", " ".join(sector["sector"].lower().split()))
        return words()["qualifier_names"].get(name, name)
    compound = compound_words(text[clause_start(text, mention.start) : mention.start]) if mention.surface != "verb" else ""
    if compound:
        return compound
    product = OWN_PRODUCT_AFTER.match(text, mention.end)
    if product and not organisation_part_after().match(text, product.end()):  # "of its Cloud unit": an entity of its own
        return product["name"]  # "Deliveries of its best-selling Model Arc": that product's, not all deliveries
    sector = patterns()["sector_after"].match(text, mention.end)
    if sector:  # "Employment in manufacturing fell by 12,000": that sector's part
        return sector_name(sector["sector"])
    phrase = patterns()["after_phrase"].match(text, mention.end)
    if phrase:
        written = " ".join(phrase.group(0).lower().split())
        return words()["qualifier_names"].get(written, written)
    after = patterns()["after"].match(text, mention.end)
    if not after:
        return ""
    written = after.group("words")
    if written.split()[0].lower() in number_word_set():
        return ""  # "raised its key rate by half a point": how much, not whose
    if YEAR_AFTER.match(text, after.end()):
        return ""  # "revenue for fiscal 2024": the words of a year, not whose
    place = find_mentions(written, "entities")
    if place and not written[: place[0].start].strip(" ").lower() in ("", "the"):
        place = []
    if place and english_phrases.epithet_patterns()["after_place"].match(text, after.start("words") + place[0].end):
        return ""  # "Exports from Europe's biggest economy": the story's country described, no partner
    owner_preposition = (after.group("preposition") or "").lower() in words()["qualifiers_after_owner"]
    if place:  # "exports to the US" are not all exports; "the GDP of Ningbo" is Ningbo's
        return "" if owner_preposition else place[0].name
    if owner_preposition and written[:1].isupper():
        return ""  # "shares of Kestrel Airways": a name the registry does not know owns the metric too
    kept = []
    for word in written.split():
        if word.lower() in stop_words() or find_mentions(word, "entities") or is_verb(word) or word.lower() in words()["infinitive_verbs"]:
            break
        kept.append(singular(word.lower()))
    if not kept:
        return ""
    return f"{after.group('kept').lower()} {' '.join(kept)}" if after.group("kept") else " ".join(kept)


def sector_of_subject(text: str, quantity: Quantity, mention: Mention | None) -> str:
    """'Health care added 52,000 jobs', '..., while retail shed 6,000': a count or amount of a registry
    metric named outside its clause's subject, in a clause whose subject is a sector of the economy, is
    that sector's part of it."""
    if quantity.kind not in ("count", "amount"):
        return ""
    start = clause_start(text, quantity.start)
    if mention is not None and mention.surface != "verb" and start <= mention.start < quantity.start:
        return ""  # "Retail sales rose to ...": the metric's own name, and whatever qualifies it there
    found = patterns()["sector_subject"].match(text, start, quantity.start)
    if not found or not (is_verb(found["verb"]) or found["verb"].lower() in words()["subject_verbs"] or found["verb"].endswith("ed")):
        return ""
    return sector_name(found["sector"])


def sector_name(written: str) -> str:
    """A sector as a metric's qualifier names it: 'the services sector' -> 'services sector', then its usual name."""
    sector = re.sub(r"^the\s+", "", " ".join(written.lower().split()))
    return words()["qualifier_names"].get(sector, sector)


@functools.cache
def neutral_words() -> frozenset[str]:
    """The words before a metric's name that leave it as it is; a change word ("new loans") does, the
    figure being the change (names_a_change)."""
    return frozenset(word.lower() for key in ("neutral_modifiers", "reporting_verbs", "object_verbs", "change_names_before") for word in words()[key])


def compound_words(before: str) -> str:
    """The nouns a metric's name is compounded with: 'technology enterprise merger loan balance' is not
    the loan balance. Words that leave it as it is ('its substantial'), names and verbs end the search."""
    neutral = neutral_words()
    kept: list[str] = []
    written = before.split()
    for index in range(len(written) - 1, max(-1, len(written) - 4), -1):
        word = written[index]
        if (word.lower() in neutral or word.lower() in stop_words() or not re.fullmatch(r"[a-z][a-z-]*", word)
                or is_verb(word) or word.endswith("ed") or find_mentions(word, "entities")):  # "Tencent posted revenue"
            break
        if index and written[index - 1].lower() == "to" and word.lower() in words()["infinitive_verbs"]:
            break  # "aims to increase per capita disposable income": a verb, not a kind of income
        if index and written[index - 1][:1].isupper() and present_of_verb(word.lower()):
            break  # "Brazil lifts Selic to 10.75%": a headline's verb after its subject, not a kind of rate
        kept.insert(0, singular(word))
    else:
        index = -1
    opener = written[index].lower() if index >= 0 and kept else ""
    # the words must be the whole noun phrase: after an article, a preposition or a name, not after a figure
    if not kept or (opener and not (opener in neutral or opener in stop_words() or written[index][0].isupper() or opener.endswith(("'s", "’s")))):
        return ""
    return " ".join(kept)


def present_of_verb(word: str) -> bool:
    """'lifts', 'raises', 'cuts': the present tense of a verb that takes a figure."""
    verbs = words()["infinitive_verbs"]
    return word.endswith("s") and (word[:-1] in verbs or word.endswith("es") and word[:-2] in verbs)


@functools.cache
def kept_modifiers() -> frozenset[str]:
    """The words before a metric's name that leave its definition as it is: qualifiers and neutral modifiers."""
    return frozenset(words()["qualifiers_before"]) | frozenset(words()["neutral_modifiers"])


def chinese_compound(text: str, mention: Mention) -> bool:
    """'出生人口' (births), '普惠小微贷款余额' (small-business loans): a noun written before a registry
    name in one Chinese compound makes another measure, unless it is a qualifier or leaves the
    definition as it is ('人民币贷款余额', '本外币各项存款余额'); so does one written after it
    ('人口' in '每万人口发明专利拥有量')."""
    from .languages.zh import phrases

    before = text[max(0, mention.start - 30) : mention.start]
    if not phrases.is_chinese(mention.surface):
        return False
    if not phrases.is_chinese(before[-1:]):  # '人口自然增长率' opening its sentence: the noun after it still makes another measure
        return not phrases.heads_its_phrase(text[mention.end : mention.end + 8])
    if phrases.contributes_to(text, mention.start, mention.end):
        return True  # 对经济增长的贡献率, 拉动地区生产总值增长: the growth contributed to, not the figure's metric
    if not phrases.heads_its_phrase(text[mention.end : mention.end + 8]) or phrases.ends_with_age_bracket(before):
        return True
    if phrases.ends_with_industry_subject(before):
        return True  # '工程机械产业实现营业收入': the industry's revenue, not the place's
    kept = kept_modifiers()
    modifiers = phrases.modifiers_before(without_names(before))
    if phrases.enterprises_and_account("".join(modifiers) + mention.surface):
        return False  # '规模以上工业企业营业收入': the enterprises' revenue, the enterprises the entity
    return bool(modifiers) and "".join(modifiers) not in kept and not all(word in kept for word in modifiers)


PARTICLE = re.compile(r"(?:up|down)\s*(?:[a-z]+\s+)?", re.I)  # "up", "up some ": a particle, and a qualifier after it


def is_change(text: str, quantity: Quantity) -> bool:
    """'rose by 31 billion yuan', 'an increase of 82,000', 'down 1.39 million', '下降12亿元',
    '比上年多3200户': a change, not a level."""
    if quantity.kind not in ("amount", "count", "rate"):
        return False
    before = text[max(0, quantity.start - 30) : quantity.start]
    found = patterns()["change"].search(before)
    if found is not None:
        particle = PARTICLE.fullmatch(found.group(0))
        # "set up 128 centres", "paid down 2 billion of debt": a phrasal verb, not a change
        return not (particle and patterns()["phrasal_verb"].search(before, 0, found.start()))
    if patterns()["change_of_object"].search(text, max(0, quantity.start - 60), quantity.start) is not None:
        return True  # "cut its workforce by 1,100"
    from .languages.en.figures import restated_change_sign

    if restated_change_sign(text, quantity.start):
        return True  # "rose 5%, or $2 billion"
    from .languages.zh.figures import states_change

    return states_change(text, quantity.start)


NAME_REACH = 60  # how far before its figure a phrase's name is looked for: a clause, never the whole text


def names_a_measured_change(text: str, quantity: Quantity, name: str) -> bool:
    """'新增运营里程约45公里', '新增市场主体38万户': a change word written before the name of a measure that is no registry
    metric, its figure a count or in a physical unit (a length, an area), makes the figure the addition to that stock,
    not the stock (as 'added 380,000 market entities' is), whether or not the sentence counts the stock too; a name that
    is already a period's flow (新增专利授权量6.3万件) stays as it is."""
    if not name or name.isascii() or not (quantity.measure or quantity.kind == "count"):
        return False
    window = max(0, quantity.start - NAME_REACH)
    position = text.rfind(name, window, quantity.start)
    if position < 0 or patterns()["change"].search(text[max(window, position - 8) : position]) is None:
        return False
    if patterns()["level"].search(text, position + len(name), quantity.start) is not None:
        return False  # '新增充电桩3600个，累计达到2.1万个': the stock the additions reached
    return bool(quantity.measure) or not name.endswith(tuple(words()["flow_heads_zh"]))


def names_a_change(text: str, mention: Mention | None, registry: Registry) -> bool:
    """'新增贷款5920亿元', 'new loans': a change word written into the name of a balance (loans, deposits,
    enterprises) makes the figure its change, not its level. ('new energy vehicles' are not a change:
    sales are a flow.)"""
    if mention is None or mention.name not in registry.metrics:
        return False
    if not mention.surface.isascii():
        before = text[max(0, mention.start - 12) : mention.start]
        kept = chinese_kept_modifiers()
        # '新增境内外上市公司': 境内外 leaves it new listings; '新增新能源装机': a qualifier narrows what is added
        while any(before.endswith(word) for word in kept):
            before = before[: -len(next(word for word in kept if before.endswith(word)))]
        return patterns()["change"].search(before[-8:]) is not None
    return registry.metrics[mention.name].kind == "balance" and patterns()["change_name"].search(text[max(0, mention.start - 20) : mention.start]) is not None


@functools.cache
def chinese_kept_modifiers() -> tuple[str, ...]:
    """The qualifiers and neutral modifiers written in Chinese, longest first."""
    return tuple(sorted((w for w in kept_modifiers() if not w.isascii()), key=len, reverse=True))


SPACES = re.compile(r"\s*")


def after_noun(text: str, quantity: Quantity) -> int:
    """Where the text after a figure and the noun it counts goes on; after a rate, its noun of change
    ('a 3.7% fall the month before')."""
    at = SPACES.match(text, quantity.end).end()  # not a copy of the rest: a sentence may be long
    if quantity.kind == "growth" and (change := change_noun_after().match(text, quantity.end)):
        return change.end()
    return at + len(quantity.noun) if quantity.noun and text.startswith(quantity.noun, at) else quantity.end


@functools.cache
def change_noun_after() -> re.Pattern:
    """'a 3.7% fall', 'the 4.97% pace of' (the previous quarter)."""
    return re.compile(rf"\s+(?:(?:{alternation('change_nouns')})(?![\w-])|(?:{alternation('pace_nouns')})(?:\s+(?:of|in))?(?![\w-]))", re.I)


def names_previous_period(text: str, quantity: Quantity) -> bool:
    """'368,000 vehicles a year earlier': the figure is the previous period's; so is one restated before the words
    ('from $366 million, or 93 cents a share, a year earlier')."""
    at = after_noun(text, quantity)
    found = patterns()["previous"].match(text, at)
    if found is not None:
        # "5.1% in the previous year" after "in 2024": the reader dated it by those words, a year before the one said
        return not (quantity.period_basis == "stated" and patterns()["year_before_said"].search(found.group(0)))
    restated = RESTATED.match(text, at)
    return restated is not None and patterns()["previous"].match(text, restated.end()) is not None


RESTATED = re.compile(r",\s+or\s+[^,;()]{1,40},")  # ", or 93 cents a share,": the same figure in other terms


def names_a_level(text: str, quantity: Quantity) -> bool:
    """'loan balances exceeding 3 billion yuan', 'a total investment of 1.23 billion': the figure's clause
    says it is a level, however its noun reads."""
    return patterns()["level"].search(clause_before(text, quantity.start)) is not None


def quotes_a_market(text: str, quantity: Quantity) -> bool:
    """'$83.40 a barrel', 'slipped 0.4% to $2,318.50 an ounce', 'gained 0.6% to 5,473.2 points': a
    market's price of a unit of goods or an index's level, quoted at publication, and the change its
    clause says it reached it by (a price per share is no quote: earnings and dividends per share are a
    period's). A later clause's change to a bare sum, after a quote in its sentence, quotes the same way."""
    found = patterns()
    if quantity.kind == "amount" and found["unit_price"].match(text, quantity.end):
        return True
    if quantity.kind == "growth" and found["to_quote"].match(text, quantity.end):
        return True
    # "Gold slipped 0.4% to $2,318.50 an ounce, while silver fell 1.1% to $29.12": the unit said once
    first = first_quote_end(text)
    if first < 0 or first > quantity.start:
        return False
    if quantity.kind == "growth":
        return found["to_sum"].match(text, quantity.end) is not None
    return quantity.kind == "amount" and clause_before(text, quantity.start).rstrip().lower().endswith((" to", " at"))


@functools.lru_cache(maxsize=16)  # asked for each figure of a sentence: searched once (from each figure, it is quadratic)
def first_quote_end(text: str) -> int:
    """Where the sentence's first price of a unit of goods ends ('$2,318.50 an ounce'); -1 when it has none."""
    found = patterns()["quoted"].search(text)
    return found.end() if found else -1


TENOR = re.compile(r"\d+-(?:year|month|week)")


def names_a_bond_yield(metric: str) -> bool:
    """'benchmark 10-year yield', 'gilt yield growth': a bond's yield, a market's quote."""
    phrase = metric.removesuffix(" growth").removesuffix(" change").split()
    if not phrase or phrase[-1] not in words()["market_rate_heads"]:
        return False
    return any(word in words()["tenor_nouns"] or TENOR.fullmatch(word) for word in phrase[:-1])


def says_now(text: str, quantity: Quantity) -> bool:
    """'Deposits stand at 455 billion euros': the figure's clause is in the present tense."""
    from .languages.en.phrases import without_asides

    clause = without_asides(clause_before(text, quantity.start))  # not ", which makes up most of it,"
    return any(not is_a_noun_before_its_verb(clause, found.end()) for found in patterns()["present"].finditer(clause))


def is_a_noun_before_its_verb(clause: str, end: int) -> bool:
    """'Staff numbers rose 3.5%', 'Visitor numbers fell': a word of the present tense with a finite verb right after it
    is a noun, the subject's last word, and says nothing of when."""
    from .languages.en.phrases import finite_verb_words

    following = clause[end:].split(None, 1)
    return bool(following) and following[0].lower() in finite_verb_words()


def previous_step(text: str, quantity: Quantity) -> str:
    """'4.1% a month earlier' -> 'M', 'the previous quarter' -> 'Q', 'the previous period' -> 'P' (the
    steps of reader.periods.step_before), else ''."""
    position = after_noun(text, quantity)
    return next((step for step, words in (("M", "month"), ("Q", "quarter"), ("P", "span")) if patterns()[f"previous_{words}"].match(text, position)), "")


def not_a_rate(text: str, quantity: Quantity) -> Quantity:
    """'368,000 vehicles a year earlier', 'down 1.39 million from a year earlier': a figure of the
    previous year, not a figure per year."""
    if quantity.kind != "rate" or not patterns()["from_previous"].match(text, after_noun(text, quantity)):
        return quantity
    return replace(quantity, kind="count" if quantity.unit == "count" else "amount", per=None)


CLAUSE_MARKS = re.compile(r"[,;:()]")


@functools.cache
def base_opener() -> re.Pattern:
    nouns = word_alternation(words()["outlook_nouns"])
    return re.compile(rf"[\s,]*(?:{alternation('base_openers')})\s+(?:(?:{alternation('base_determiners')})\s+)?(?:(?:{alternation('base_adjectives')})\s+)?"
                      rf"(?:(?:{nouns})\s+of\s+)?", re.I)


@functools.cache
def measured_base_opener() -> re.Pattern:
    """'from', 'up from', 'compared with' (and their determiners) right before a base: 'and' does not open one of a
    physical measure."""
    return re.compile(rf"[\s,]*(?:{alternation('comparison_base_openers')})\s+(?:(?:{alternation('base_determiners')})\s+)?"
                      rf"(?:(?:{alternation('base_adjectives')})\s+)?$", re.I)


def in_unit_of_figure_before(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'rose to 5 billion euros (in 2025) from 4.5 billion': a bare base, at the scale of the figure
    before it, is in that figure's unit (and percent: 'to 5.2% from 4.8')."""
    result = list(quantities)
    for index in range(1, len(result)):
        before, figure = result[index - 1], result[index]
        if figure.unit != "count" or figure.noun or before.unit in ("count", "") or before.kind == "growth":
            continue
        opener = base_opener().search(text, before.end, figure.start)  # after the figure's own period, if it has one
        skipped = text[before.end : opener.start()] if opener else ""
        is_base = opener is not None and opener.end() == figure.start and len(skipped) <= 40 and not CLAUSE_MARKS.search(skipped)
        if before.measure:  # only after an opener of a comparison: "8 ft high, and 12 in the village" opens a new clause
            if is_base and measured_base_opener().search(text, before.end, figure.start) and scale_of(figure) and scale_of(before) and math.isclose(scale_of(figure) * measure_factor(before.measure), scale_of(before), rel_tol=1e-4):
                result[index] = in_measure(figure, before)  # "to 22.5 million tonnes from 20.5 million"
            continue
        if is_base and scale_of(figure) == scale_of(before):
            result[index] = replace(figure, unit=before.unit, kind=before.kind, currency_from=before.currency_from)
        elif is_elliptical_money(text, before, figure):
            result[index] = replace(figure, unit=before.unit, kind=before.kind, currency_from=before.currency_from)
    return result


def in_measure(figure: Quantity, before: Quantity) -> Quantity:
    """A bare base read in the physical unit of the figure before it (a unit with no offset, as bases of amounts are)."""
    factor = measure_factor(before.measure)
    rounding = figure.rounding * Decimal(str(factor)) if figure.rounding is not None else None
    return replace(figure, value=figure.value * factor, low=figure.low * factor, high=figure.high * factor, unit=before.unit,
                   measure=before.measure, kind=before.kind, rounding=rounding)


def measure_factor(measure: str) -> float:
    """How many reference units one of `measure` is (1000 for a tonne in kilograms)."""
    from .reader.figures import to_reference

    return float(to_reference(Decimal(1), measure))


ELLIPSIS_REACH = 40  # characters before a figure in which the sum it is of is named


def is_elliptical_money(text: str, before: Quantity, figure: Quantity) -> bool:
    """'the mortgage book grew to 1.21 trillion crowns, while deposits reached 1.05 trillion': a bare number at the
    scale of a sum of money before it in the sentence, right after a sum the registry counts in money, is in that
    sum's currency ('revenue rose to $5 billion, while the population reached 1.4 billion' is a count)."""
    if not (before.unit.isupper() and (scale_of(figure) or 0) >= 1000 and scale_of(figure) == scale_of(before)):
        return False
    metrics = load_registry().metrics
    named = find_mentions(text[max(before.end, figure.start - ELLIPSIS_REACH) : figure.start], "metrics")
    return bool(named) and metrics[named[-1].name].unit == "money"


def scale_of(quantity: Quantity) -> float | None:
    """The factor of a figure's scale word: 1e9 for '4.5 billion', 1 for '4.8'; None for a number in words."""
    try:
        return round(quantity.value / float(quantity.number.replace(",", "")), 6) if quantity.number else None
    except (ValueError, ZeroDivisionError):
        return None


@functools.cache
def window_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Before a span: a superlative and the 'in' of its window ('the fastest pace in almost'); after it:
    the span's unit and what it is the top or bottom of ('-year low', 年来最高)."""
    units, ends = word_alternation(words()["window_units"]), word_alternation(words()["window_ends_after"])
    qualifiers = word_alternation(words()["figure_qualifiers"] + words()["window_qualifiers"])
    before = re.compile(rf"(?:{alternation('superlatives')})(?:\s+[\w-]+){{0,3}}?\s+in\s+(?:(?:{qualifiers})\s+)*$", re.I)
    after = re.compile(rf"[\s-]*(?:{units})[\s-]*(?:{ends})", re.I)
    return before, after


@functools.cache
def tenor_pattern() -> re.Pattern:
    """'-year Treasury yield', '-year mortgage': the term of a loan or a bond, glued to its span."""
    units, nouns = word_alternation(words()["window_units"]), word_alternation(words()["tenor_nouns"])
    return re.compile(rf"-(?:{units})[\s-]+(?:[A-Za-z]+\s+)?(?:{nouns})(?![\w-])", re.I)


@functools.cache
def record_before_at() -> re.Pattern:
    """'the highest in six years at': a record and its span between a metric and its figure."""
    units = word_alternation(words()["window_units"])
    return re.compile(rf"\b(?:{alternation('superlatives')})(?:\s+[a-z-]+){{0,2}}?(?:\s+(?:in|for|since)\s+[\w\s-]{{0,30}}?(?:{units}|\d{{4}}))?\s+at\s+$", re.I)


def without_record(before: str) -> str:
    """'Housing starts rose to the highest in six years at' -> 'Housing starts rose to the': what is
    measured is said before the record."""
    offset = max(0, len(before) - 80)
    found = record_before_at().search(before, offset)
    return before[: found.start()] if found else before


def is_frequency(text: str, quantity: Quantity) -> bool:
    """'has cut its key rate four times this year': how often something happened, not a measure (but
    'four times the size' is a multiple)."""
    if quantity.unit != "count" or (quantity.noun or "").lower() not in words()["frequency_nouns"]:
        return False
    after = NEXT_WORD_OR_MARK.match(text, after_noun(text, quantity))
    return after is None or after.group(1) is None or after.group(1).lower() in words()["frequency_after"]


NEXT_WORD_OR_MARK = re.compile(r"\s*(?:([A-Za-z]+)|[,.;:)])")


def is_comparison_window(text: str, quantity: Quantity) -> bool:
    """'its lowest level in more than 50 years', 'a 34-year low', 五年来最高: the span a record is
    measured over, not a figure of the story; nor is the term that names a bond or a loan ('the 10-year
    Treasury yield', 'a 30-year mortgage')."""
    if quantity.kind != "duration":
        return False
    if tenor_pattern().match(text, quantity.end):
        return True
    before, after = window_patterns()
    return before.search(text[max(0, quantity.start - 80) : quantity.start]) is not None or after.match(text, quantity.end) is not None \
        or base_span().search(text[max(0, quantity.start - 40) : quantity.start]) is not None


@functools.cache
def base_span() -> re.Pattern:
    """'fell 0.9% from the previous three months': the span a change is set against, not a figure."""
    return re.compile(rf"\b(?:{alternation('change_from')}|on|than)\s+the\s+(?:{alternation('base_span_adjectives')})\s+$", re.I)


def is_first_reading(clause: str, match: re.Match) -> bool:
    """'revised from an initial estimate of a 4.3% drop', 'a flash estimate of 0.2%': a first reading of
    a figure, later revised, not a forecast."""
    return bool(patterns()["estimate_noun"].match(match.group(0))) and patterns()["first_reading"].search(clause[max(0, match.start() - 30) : match.start()]) is not None


def outlook(text: str, quantity: Quantity) -> str:
    """forecast, target or plan when the figure's clause says so ('expected to reach', 'aims to', 'plans to')."""
    clause = clause_before(text, quantity.start)
    revised = revised_outlook(clause)
    if revised:
        return revised
    if base_now().match(text, quantity.end) and BASE_FROM_BEFORE.search(text, max(0, quantity.start - 12), quantity.start):
        return ""  # "would climb to $7.3 billion by 2030 from $5.1 billion now": the base is the present, said as it is
    found = [(match.start(), match.end(), kind_said(kind, clause, match)) for kind in words()["outlook"] if (pattern := patterns().get(f"outlook_{kind}"))
             for match in pattern.finditer(clause) if not names_an_earlier_figure(clause, match) and not predicate_after(clause, match.end())
             and not is_first_reading(clause, match) and not inside_a_word(clause, match)]
    opener = outlook_opener(text, quantity.start)  # it says what the clause is, before the clause's own verbs
    if opener:
        return opener
    found += [(match.start(), match.end(), "forecast") for match in patterns()["expected_object_to"].finditer(clause)
              if not predicate_after(clause, match.end())]
    verb = patterns()["forecast_verb"].search(clause, max(0, len(clause) - 120)) \
        or patterns()["forecast_object_after_and"].search(text, max(0, quantity.start - 200), quantity.start)
    if verb:
        found.append((verb.start(), verb.end(), "forecast"))  # "Korvane forecast revenue of between $15.0 billion and"
    expected = forecasters_expected().search(clause, max(0, len(clause) - 120))
    if expected:
        found.append((expected.start(), expected.end(), "forecast"))  # "Analysts polled by LSEG had on average expected"
    distant = outlook_opener(text, quantity.start, past_time=True) or listed_outlook(text, quantity.start)
    if distant and (not found or max(found)[2] == "forecast"):
        return distant  # 按照计划，到2025年底，…将超过: the plan's, as 将 only says it is to come; its own 目标 stays a target
    if found:
        return max(found)[2]  # the last, and of two starting there the longer ("will rise" over "will")
    if forecast_said_after(text, quantity) or MODAL_AFTER.match(text, after_noun(text, quantity)):
        return "forecast"  # "the 9.2 million it had forecast", "a further 50 to 80 mm could fall"
    after = after_noun(text, quantity)
    named = patterns()["outlook_noun_after"].match(text, after)  # "its 4% target", "a $2 billion inflation goal"
    return words()["outlook_nouns_after"][named["noun"].lower()] if named else ""


@functools.cache
def forecasters_expected() -> re.Pattern:
    """Forecasters, then a verb of expecting in the past right before the figure ('Economists expected', 'Analysts
    polled by LSEG had on average expected'): what they expected, not a fact."""
    forecasters = [*english_phrases.words()["forecaster_nouns"], *(f"{noun}s" for noun in english_phrases.words()["forecaster_nouns"])]
    return re.compile(rf"(?:{word_alternation(forecasters)})(?:[^,;.]|\.(?=\d)){{0,60}}?\b(?:{alternation('outlook_after_verbs')})"
                      rf"\s+(?:[a-z]+\s+){{0,2}}$", re.I)


def kind_said(kind: str, clause: str, match: re.Match) -> str:
    """A hypothetical only before a past participle ('would have lost'); 'said it would have 500 stores' is a
    forecast said in the past."""
    return "forecast" if kind == "hypothetical" and not participle_follows(clause, match.end()) else kind


def participle_follows(clause: str, end: int) -> bool:
    """'would have posted', 'would have been': a past participle next, so what would have happened; not 'would
    have 500 stores' nor 'would have seven'."""
    found = NEXT_WORD.match(clause, end)
    if found is None or found.group(1).lower() in number_word_set():
        return False
    word = found.group(1).lower()
    return word in irregular_participles() or word.endswith(tuple(words()["participle_endings"]))


@functools.cache
def irregular_participles() -> frozenset[str]:
    return frozenset(vocabulary("figures")["irregular_participles"] + words()["more_irregular_participles"])

BASE_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?$", re.I)


@functools.cache
def base_now() -> re.Pattern:
    """A now-word right after a figure: 'from $5.1 billion now', 'from 3% currently'."""
    return re.compile(rf"\s*(?:{alternation('base_now_words')})(?![\w-])", re.I)


def inside_a_word(clause: str, match: re.Match) -> bool:
    """An outlook word inside a noun or verb that says no outlook: the 拟 of 虚拟 (virtual), the 预期 of 预期寿命."""
    found = match.group(0)
    return any(clause.startswith(word, match.start() - word.find(found)) for word in words().get("outlook_not_in", ())
               if found in word and match.start() >= word.find(found))


MODAL_AFTER = re.compile(r"\s+(?:could|might|may)\s+(?:well\s+)?[a-z]+", re.I)  # a figure as the subject of what may happen


OPENER_REACH = 8  # characters of a clause that only says what the next one is (按照规划)


def outlook_opener(text: str, position: int, past_time: bool = False) -> str:
    """plan or target when the clause before the figure's is only an outlook word (按照规划，到2025年…); with
    `past_time`, the clause before a clause of time alone (按照计划，到2025年底，…)."""
    start = clause_start(text, position)
    if start == 0:
        return ""
    before = text[clause_start(text, start - 1) : start - 1].strip()
    if past_time:
        if not is_time_clause(before) or clause_start(text, start - 1) == 0:
            return ""
        start = clause_start(text, start - 1)  # 按照计划，到2025年底，…: a clause of time alone between the opener and the figure's
        before = text[clause_start(text, start - 1) : start - 1].strip()
    if not before or len(before) > OPENER_REACH + 4:
        return ""
    ending = next((kind for kind, ends in words().get("outlook_opener_ends", {}).items() if before.endswith(tuple(ends))), "")
    if ending:
        return ending  # 省气象台预计，…: who expects, then what
    if len(before) > OPENER_REACH:
        return ""
    return next((kind for kind, table in words().get("outlook_openers", {}).items() if before in table), "")


LIST_REACH = 160  # characters back from a figure to the colon that opens its sentence's list
LIST_COLONS = "：:"
SENTENCE_ENDS = "。！？"


def listed_outlook(text: str, position: int) -> str:
    """target when the figure is in a list opened by a colon after 目标是 (主要预期目标是：地区生产总值增长5.5%左右，
    城镇新增就业40万人以上，…): every item of that sentence's list is a target."""
    reach = max(0, position - LIST_REACH)
    colon = max(text.rfind(mark, reach, position) for mark in LIST_COLONS)
    if colon < 0 or any(mark in text[colon:position] for mark in SENTENCE_ENDS):
        return ""
    before = text[max(0, colon - OPENER_REACH) : colon].rstrip()
    return next((kind for kind, ends in words().get("outlook_list_openers", {}).items() if before.endswith(tuple(ends))), "")


def is_time_clause(clause: str) -> bool:
    """到2025年底, 至2027年: a short clause that only says by when."""
    times = words().get("outlook_time_clauses", {})
    return 0 < len(clause) <= OPENER_REACH + 4 and clause.startswith(tuple(times.get("open", ()))) and clause.endswith(tuple(times.get("close", ())))


REVISED_BY = re.compile(r"(?P<noun>[a-z]+)(?:\s+for\s+[^,;]{1,40}?)?\s+by\s+(?:[^\s,;]+\s+){0,3}?(?:to\s+)?$", re.I)
BY = re.compile(r"\sby\s", re.I)  # what REVISED_BY needs: a cheap test first (REVISED_BY tries a word at every place)


AND_VERB = re.compile(r"\band\s+(?P<verb>[a-z]+)\b", re.I)


def predicate_after(clause: str, end: int) -> bool:
    """'expects sales of 2 million cars next year and sold 1.6 million in 2024': a verb after 'and' opens
    a predicate of its own, which the outlook before it does not hold for; so does a clause of time or cause
    in the past ('will ban hosepipes from Aug. 22 after its reservoirs fell to 54%')."""
    return any(is_verb(m["verb"]) or m["verb"].lower() in words()["subject_verbs"] for m in AND_VERB.finditer(clause, end)) \
        or any(is_past(m["verb"]) for m in patterns()["past_clause"].finditer(clause, end))


def is_past(word: str) -> bool:
    lower = word.lower()
    return lower in words()["past_verbs"] or (lower.endswith("ed") and lower not in words()["not_past_in_ed"])


def revised_outlook(clause: str) -> str:
    """'cut its full-year profit forecast by 18% to 1.15 trillion yen': the change of a forecast and the
    forecast it reached are both of the outlook the noun names."""
    match = REVISED_BY.search(clause[-80:]) if BY.search(clause[-80:]) else None
    return words()["outlook_nouns_after"].get(match["noun"].lower(), "") if match else ""


def revises_an_outlook(text: str, quantity: Quantity) -> bool:
    """'cut its profit forecast by 18%': the figure is how much the forecast changed (not the level after 'to')."""
    clause = clause_before(text, quantity.start)
    return bool(revised_outlook(clause)) and not clause.rstrip().endswith(" to")


def forecast_said_after(text: str, quantity: Quantity) -> bool:
    """'the C$40.1 billion it had projected', 'the 9.2 million it had forecast in May'."""
    after = patterns()["projected_after"]
    return after.match(text, quantity.end) is not None or after.match(text, after_noun(text, quantity)) is not None \
        or patterns()["expected_by_after"].match(text, after_noun(text, quantity)) is not None  # "the $2.61 analysts had expected", "the 1.2% expected by analysts"


def names_an_earlier_figure(clause: str, match: re.Match) -> bool:
    """'beating the target of 6.5% and up from 5.05% in 2023': a noun of expecting ('target of',
    'forecasts of') is the figure right after it; a verb ('expects', 'aims to') holds for the clause."""
    nouns = words().get("outlook_nouns") or ()
    said = match.group(0).lower().split()
    if said[0] in words()["auxiliaries"]:
        return False  # "had forecast a gain of 25,000 jobs and a jobless rate of 6.6%": a verb, for all its objects
    later = YEAR_WORD.sub("", clause[match.end() :])  # "its forecast for the year to March 2025 to 7.2%": a year is no figure
    return any(word in nouns for word in said) and DIGIT.search(later) is not None



YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d(?!\d)")
YEAR_WORD = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\bFY\s?'?(?:(?:20)?\d\d[-/–])?\d\d(?!\d)|\b[QH][1-4]\b", re.I)  # and 'FY26', 'Q3'
