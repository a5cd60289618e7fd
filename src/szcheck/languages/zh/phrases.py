"""Chinese noun phrases: what a figure is said of, cut into words by a segmenter.

Chinese writes no spaces, so the noun a figure states ("旅游总收入达3000多亿元") is glued to the verbs,
function words, measure words, places and scope words around it. The segmenter (rjieba, loaded only
when a Chinese clause needs a name) tells where words begin and end; the vocabulary
(`claims.yaml`) tells which words end a noun phrase. A name is the run of words just before the
figure, after the predicate ("为", "达到") is stepped over, or else the noun a count names after its
measure word ("220家上市公司"). It never ends in a function or measure word.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace

from ...reader.patterns import word_alternation
from .. import HAN, vocabulary

CLAUSE_END = re.compile(r"[，,；;：:。！？、（）()《》“”\"]")
LETTER = re.compile(r"[^\W\d_]")  # a word without one ("2024", "，") is never part of a name
STOP_TAGS = frozenset({"p", "u", "uj", "ul", "uz", "ug", "uv", "ud", "c", "r", "m", "mq", "q", "t", "x", "d", "w", "y", "e", "o"})
MAX_WORDS = 6


WORD_FREQUENCY = 100000  # high enough that a report's word added below wins over the dictionary's cut


@functools.cache
def segmenter():
    import rjieba

    for word, tag in vocabulary("claims")["segmenter_words_zh"].items():
        rjieba.add_word(word, WORD_FREQUENCY, tag)
    return rjieba


@functools.cache
def words() -> dict[str, frozenset[str]]:
    vocab = vocabulary("claims")
    return {
        "predicates": frozenset(vocab["predicate_words_zh"]),
        "economy_nouns": frozenset(vocab["economy_nouns_zh"]),
        "predicate_starts": tuple(vocab["predicate_words_zh"]),
        "scopes": frozenset(vocab["scope_prefixes_zh"]),
        "counting": frozenset(vocab["counting_units_zh"]),
        "ends": tuple(vocab["function_word_ends_zh"]),
        "starts": tuple(vocab["function_word_starts_zh"]),
        "place_suffixes": tuple(vocab["place_suffixes_zh"]),
        "rates": tuple(vocab["rate_nouns_zh"]),
        "neutral_heads": frozenset(vocab["neutral_heads_zh"]),
        "anaphors": frozenset(w for table in vocab["anaphora"].values() for w in table if HAN.search(w)),
        "per_prefixes": frozenset(vocab["per_prefixes_zh"]),
        "sections": frozenset(vocab.get("section_words_zh", ())),
        "count_totals": frozenset(vocab.get("count_totals_zh", ())),
        "per_share": frozenset(vocab["per_share_words_zh"]),
        "ranks": frozenset(vocab["rank_words_zh"]),
        "grades": frozenset(vocab["grade_words_zh"]),
        "infixes": frozenset(vocab["name_infixes_zh"]),
        "cumulative": frozenset(vocab["cumulative_infixes_zh"]),
        "durations": frozenset(vocab["durations_not_times_zh"]),
        "conjunctions": frozenset(vocab["name_conjunctions_zh"]),
        "measure_adverbs": frozenset(vocab["measure_adverbs_zh"]),
        "categories": frozenset(vocab["category_words_zh"]),
        "compared_openers": frozenset(vocab["compared_openers_zh"]),
        "currency_pair_joiners": frozenset(vocab["currency_pair_joiners_zh"]),
        "per": tuple(w for w in vocabulary("figures")["rate_words"]["per"] if HAN.search(w)),
        "changes": tuple(w for w in vocabulary("figures")["growth_words"] + vocabulary("figures")["decrease_words"] if HAN.search(w)),
        # the change verbs as words of their own (上涨, 下跌), never the rate nouns among them (增速, 降幅)
        "change_verbs": frozenset(w for w in vocabulary("figures")["growth_words"] + vocabulary("figures")["decrease_words"]
                                  if HAN.search(w) and w not in vocabulary("figures")["rate_nouns"]),
    }


def is_chinese(text: str) -> bool:
    return bool(HAN.search(text[-12:]))


def tagged(text: str) -> list[tuple[str, str]]:
    return list(tagged_once(text))


@functools.lru_cache(maxsize=64)  # the same words of a sentence are asked about for each of its figures
def tagged_once(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(pair for pair in segmenter().tag(text) if pair[0])


def opens_with_a_predicate(text: str) -> bool:
    """Is the first word of `text`, as the segmenter cuts it, a predicate ('实现', '达到')? The text is
    segmented only when it starts with one: the first word is always a prefix of the text."""
    vocab = words()
    if not text.startswith(vocab["predicate_starts"]):
        return False
    first = tagged(text)[:1]
    return bool(first) and first[0][0] in vocab["predicates"]


def goes_on_without_subject(text: str) -> bool:
    """Does a clause open with no subject of its own, going on about the one before: with a predicate ('增长5.2%'),
    a word of comparison ('比上年同期减少180家') or the rate of change of what the clause before measured ('增速比
    1-9月加快')?"""
    if opens_with_a_predicate(text[:6]):
        return True
    first = tagged(text[:8])[:1]
    return bool(first) and (first[0][0] in words()["compared_openers"] or first[0][0] in vocabulary("figures")["rate_nouns"])


def subject_ending_in(text: str, heads: tuple[str, ...]) -> str | None:
    """'汽车零部件企业实现营业收入': the noun phrase `text` opens with, when it ends in one of `heads` (企业): the
    enterprises of one industry, a sub-entity as all enterprises are."""
    subject = noun_run(text)
    return subject if len(subject) <= MAX_SUBJECT and subject.endswith(heads) and subject not in heads else None


def noun_run(text: str) -> str:
    """The words `text` opens with up to its first predicate, function word or figure: '规上工业企业利润总额3200亿元'
    -> '规上工业企业利润总额'."""
    run = ""
    for word, tag in tagged(text[:16]):
        if is_stop(word, tag):
            break
        run += word
    return run


MAX_SUBJECT = 10  # characters: a noun phrase of an industry's enterprises, never a clause


def enterprises_and_account(name: str) -> tuple[str, str] | None:
    """'规模以上工业企业利润总额增速' -> ('规模以上工业企业', '利润总额增速'): a name that opens with enterprises (a
    noun phrase ending in a sub-entity noun) and goes on with an account they keep of themselves, which is theirs as
    after 实现 (规模以上工业企业实现利润总额); None for any other name ('民营企业进出口': the place's trade)."""
    found = [(name.find(account), -len(account)) for account in enterprise_accounts() if account in name[: MAX_SUBJECT + 6]]
    if not found:
        return None
    at = min(found)[0]
    subject = name[:at]
    if not (0 < len(subject) <= MAX_SUBJECT and subject.endswith(sub_entity_heads())):
        return None
    return (subject, name[at:]) if not any(is_stop(*token) for token in tagged(subject)) else None


@functools.cache
def enterprise_accounts() -> tuple[str, ...]:
    return tuple(vocabulary("claims")["enterprise_accounts_zh"])


@functools.cache
def sub_entity_heads() -> tuple[str, ...]:
    return tuple(vocabulary("claims")["sub_entities"])


def counts_right_after_predicate(text: str) -> bool:
    """'达到3200家': a predicate and then at once its number, naming no measure between them."""
    tokens = tagged(text[:12])
    return len(tokens) > 1 and tokens[1][1] == "m"


def is_stop(word: str, tag: str) -> bool:
    """A word that ends a noun phrase: a predicate, a change verb, a scope word, a function word, a number, punctuation,
    or a place named as one (the tagger calls '城镇' a place too, so only '…省', '…市' count)."""
    vocab = words()
    return (word in vocab["predicates"] or word in vocab["scopes"] or word in vocab["change_verbs"] or (tag in STOP_TAGS and not is_han_word(word, tag) and word not in vocab["durations"])
            or not LETTER.search(word) or (tag == "ns" and len(word) > 2 and word.endswith(vocab["place_suffixes"])))  # 城市 is no place


NUMERAL = re.compile(r"[\d０-９一二两三四五六七八九十百千万亿零〇兩萬億]")


def is_han_word(word: str, tag: str) -> bool:
    """'港澳台' tagged a numeral, '零部件' a numeral and measure word: a word of two or more Han characters
    with no numeral in it, or an ordinary word that holds one (numerals.yaml's not_numerals), is a word."""
    if tag not in ("m", "mq") or len(word) < 2 or HAN.search(word) is None:
        return False
    return not NUMERAL.search(word) or word in ordinary_words()


@functools.cache
def ordinary_words() -> frozenset[str]:
    from .numerals import vocabulary as numeral_vocabulary

    return frozenset(numeral_vocabulary().not_numerals)


def trimmed(phrase: str) -> str:
    """Without the function, measure and predicate words glued to its ends ('不良贷款率为' -> '不良贷款率',
    '价格下降' -> '价格'), which the segmenter may have left inside one word."""
    vocab = words()
    ends = vocab["ends"] + vocab["changes"]
    while phrase.endswith(ends) and len(phrase) > 1 and not ends_inside_a_word(phrase, max(len(w) for w in ends if phrase.endswith(w))):
        phrase = phrase[: -max(len(w) for w in ends if phrase.endswith(w))]
    while phrase.startswith(vocab["starts"]) and len(phrase) > 1:
        phrase = phrase[len(next(w for w in vocab["starts"] if phrase.startswith(w))) :]
    return phrase if len(phrase) > 1 and phrase not in vocab["counting"] else ""


def time_unit(noun: str) -> str:
    """'月左右' -> '月', '年多' -> '年': the unit of a span without the bound written after it (14个月左右);
    '年位居全国首位' -> '年': without the predicate the span runs into (连续6年位居全国首位)."""
    unit = next((word for word in time_nouns() if noun.startswith(word)), "")
    if unit:
        return unit.removeprefix("个").removeprefix("個")
    return without_bound_after(noun)


def without_bound_after(noun: str) -> str:
    """'人以上' -> '人', '月左右' -> '月': a noun without the bound written after it (40万人以上, 14个月左右)."""
    bound = next((b for b in bounds_after() if noun.endswith(b) and len(noun) > len(b)), "")
    return noun[: -len(bound)] if bound else noun


def compared_year(before: str) -> int | None:
    """The year a change right after `before` is set against ('比2019年增长', '与2019年同期相比，…增长'), when no
    other figure stands between; None when none is named."""
    sentence = re.split("[。！？]", before[-80:])[-1]
    found = list(compared_year_pattern().finditer(sentence))
    if not found or re.search(r"[\d０-９]", YEAR_WRITTEN.sub("", sentence[found[-1].end() :])):  # a year between is no figure
        return None
    return int(found[-1]["year"])


YEAR_WRITTEN = re.compile(r"\d{4}年")


@functools.cache
def compared_year_pattern() -> re.Pattern:
    vocab = vocabulary("periods")
    return re.compile(rf"(?:{word_alternation(vocab['compared_before'])})(?P<year>\d{{4}})年")


def written_out(name: str) -> str:
    """A name with its short forms written out ('限上单位零售额' -> '限额以上单位零售额', '规上工业企业' -> '规模以上工业企业'),
    so that a source writing either meets the other."""
    for short, whole in vocabulary("claims")["short_forms_zh"].items():
        if short in name and whole not in name:
            name = name.replace(short, whole)
    return name


def counted_noun(noun: str) -> str:
    """What a count names after its measure word, without a bound written there ('人以上' -> '', '家上市公司' -> '上市公司')."""
    noun = without_bound_after(noun)
    return "" if noun in bounds_after() else trimmed(noun)


@functools.cache
def bounds_after() -> tuple[str, ...]:
    vocab = vocabulary("figures")
    return tuple(sorted({*vocab["qualifiers_after_noun"], *vocab["qualifiers_after"]}, key=len, reverse=True))


@functools.cache
def time_nouns() -> tuple[str, ...]:
    """The Chinese nouns of a span of time, longest first (个季度 before 季度)."""
    return tuple(sorted((w for w in vocabulary("figures")["time_nouns"] if not w.isascii()), key=len, reverse=True))


def ends_inside_a_word(phrase: str, length: int) -> bool:
    """Is the one-character measure word ending `phrase` the last character of a longer word: 户 of 客户,
    家 of 商家 (a measure word after a number is cut as a word of its own: 1200户 -> 户)."""
    if length != 1 or phrase[-1] not in words()["counting"] or not HAN.search(phrase[-2:-1]):
        return False  # a function word glued into a word (数达, 班约) is what trimming is for
    last = tagged(phrase)[-1:]
    return bool(last) and len(last[0][0]) > 1 and last[0][1] not in STOP_TAGS


def is_rate(noun: str) -> bool:
    """'失业率', '价格指数': a rate is a measure of its own, not a share of some total."""
    return noun.endswith(words()["rates"])


# An abbreviation in brackets inside a name (研究与试验发展（R&D）经费投入, 广义货币(M2)余额): no clause break.
ABBREVIATION = re.compile(r"[（(][A-Za-z0-9&.+\- ]{1,12}[）)]")


def without_abbreviations(text: str) -> str:
    return ABBREVIATION.sub("", text) if "(" in text or "（" in text else text


def noun_before(text: str) -> str:
    """The noun phrase a figure at the end of `text` is said of: '全市社会消费品零售总额达到' ->
    '社会消费品零售总额'; '' when the clause names none."""
    clause = CLAUSE_END.split(without_abbreviations(text[-120:]))[-1]
    if not HAN.search(clause):
        return ""
    tokens = with_split_words_joined(tagged(clause))
    bare_target = bool(tokens) and is_target_word(tokens[-1][0])  # '全年目标1.25亿吨', not '完成全年目标的89%'
    while tokens and is_stop(*tokens[-1]):
        copula = tokens.pop()[0]  # the predicate and adverbs between the noun and its figure
        if tokens and is_target_head(tokens[-1][0], copula):
            tokens.pop()  # '装机目标为': the target is the figure's outlook, not part of what it measures
    if len(tokens) > 1 and tokens[-1][0].startswith(words()["per"]):
        tokens.pop()  # 销售价格为每平方米1.6万元: what the price is per, not what it is of
        while tokens and is_stop(*tokens[-1]):
            tokens.pop()
    kept: list[str] = []
    while tokens and len(kept) < MAX_WORDS:
        if kept and is_cumulative_infix(tokens):
            tokens.pop()  # '新建商品住宅累计销售面积': the measure over the period, named without 累计
            continue
        taken = 1 if not is_stop(*tokens[-1]) else held_in_name(tokens, kept)
        if not taken and kept and has_industry_subject(tokens):
            tokens.pop()  # '汽车产业实现产值': the industry's output value, the verb left out
            continue
        if not taken:
            break
        for _ in range(taken):
            kept.insert(0, tokens.pop()[0])
    if bare_target and len(kept) == 1 and all(is_stop(*token) for token in tokens):
        return ""  # '全年目标1.25亿吨': a target said of no measure, the figure's outlook only
    while len(kept) > 1 and kept[0] in words()["anaphors"]:
        kept.pop(0)  # '该公司营业收入': the company is the entity, not part of the measure
    if len(kept) > 1 and kept[-1] in words()["count_totals"]:
        kept.pop()  # '5G基站总数': the number of base stations, the same measure as '5G基站'
    if kept and tokens and tokens[-1][0] in words()["compared_openers"]:
        return ""  # '较发行价上涨186%': the issue price is what the figure is compared with, not what rose
    if kept:
        kept.insert(0, per_units_before(tokens))  # '每10股派发现金红利': a dividend per ten shares, not all dividends
    bracket = AGE_BRACKET.search("".join(word for word, _ in tokens)) if kept else None
    if bracket:
        kept.insert(0, bracket[0])  # '65岁及以上人口': the bracket is part of what is counted
    name = trimmed("".join(kept))
    accounts = enterprises_and_account(name)
    return accounts[1] if accounts else name  # '规模以上工业企业利润总额': the enterprises are the entity, as after 实现


def has_industry_subject(tokens: list[tuple[str, str]]) -> bool:
    """Do `tokens` end with an industry or a line of business and a verb of achieving (汽车产业 实现, 液态奶业务
    完成): the measure after them is that industry's, as it is written without the verb (汽车产业产值)."""
    table = vocabulary("claims")["industry_subjects_zh"]
    return len(tokens) > 1 and tokens[-1][0] in table["verbs"] and tokens[-2][0].endswith(tuple(table["heads"]))


def ends_with_industry_subject(text: str) -> bool:
    clause = CLAUSE_END.split(text[-30:])[-1]
    return bool(HAN.search(clause)) and has_industry_subject(tagged(clause))


def per_units_before(tokens: list[tuple[str, str]]) -> str:
    """'每10股' when the words before a name (and the verb between) are 每, a number and a measure word:
    what the figure is per is part of its name ('每10股派发现金红利3.2元' is not the total dividend)."""
    at = len(tokens)
    if at and tokens[at - 1][0] in words()["predicates"]:
        at -= 1  # the verb between: 派发
    if at and tokens[at - 1][0] in words()["per_share"]:
        return tokens[at - 1][0]  # '每股派发现金红利0.5元': a dividend per share, not all dividends
    population = per_population_before(tokens[:at])
    if population:
        return population  # '每万人拥有5G基站34个': base stations per 10,000 people, not all of them
    if at < 3:
        return ""
    per, number, unit = (word for word, _ in tokens[at - 3 : at])
    if per not in words()["per"] or not number.isdigit() or not HAN.fullmatch(unit):
        return ""
    return per + number + unit


PER_UNITS = re.compile(r"每(?:[0-9]{1,4}[\u4e00-\u9fff]|股)")


def total_of(name: str, clause: str) -> str:
    """'，合计派发约3.9亿元' after '每10股现金红利': a clause opening with a total (合计, 共计) and naming nothing
    is the total of the name before it, not its amount per unit ('现金红利')."""
    if not clause.startswith(tuple(vocabulary("claims")["total_openers_zh"])):
        return name
    per = PER_UNITS.match(name)
    return name[per.end() :] if per and per.end() < len(name) else name


def per_population_before(tokens: list[tuple[str, str]]) -> str:
    """'每万人' or '每万 人口' ending `tokens`: a per-capita base (a per prefix and no digit), whole."""
    for size in (1, 2):
        joined = "".join(word for word, _ in tokens[-size:])
        if len(tokens) >= size and joined.startswith(tuple(words()["per_prefixes"])) and not any(c.isdigit() for c in joined):
            return joined
    return ""


AGE_BRACKET = re.compile(r"\d{1,3}(?:[-—–~至到]\d{1,3})?[岁歲](?:及|或)?(?:以上|以下)?$")


def ends_with_age_bracket(text: str) -> bool:
    """'全市65岁及以上' before '人口': a part of the population by age, not all of it."""
    return AGE_BRACKET.search(text) is not None


GRADE = re.compile(r"[0-9A-Z]{1,3}")


def is_cumulative_infix(tokens: list[tuple[str, str]]) -> bool:
    """累计 between two nouns of one name (新建商品住宅 累计 销售面积, 新能源汽车 累计 产量): a sum over the period, which
    the period states; not a verb whose subject is no noun of the name (全市累计接待, a scope before it)."""
    if len(tokens) < 2 or tokens[-1][0] not in words()["cumulative"]:
        return False
    word, tag = tokens[-2]
    return tag.startswith("n") and tag not in ("nr", "ns", "nt") and not is_stop(word, tag) and word not in words()["anaphors"]


def held_in_name(tokens: list[tuple[str, str]], kept: list[str]) -> int:
    """How many of the last `tokens`, each a word that would end the phrase, the name `kept` so far
    goes on with: 每万 (人口…), 500 (强企业), A 级 (旅游景区), 城镇 新增 (就业), 外商 及 (港澳台商…),
    春节 (档)."""
    vocab = words()
    word = tokens[-1][0]
    before = tokens[-2] if len(tokens) > 1 else None
    if not kept:
        return 0
    if word in vocab["per_prefixes"] or (kept[0] in vocab["ranks"] and word.isdigit()):
        return 1
    if word in vocab["sections"] and before and before[1] == "ns":
        return 2  # 福建段发送旅客: the Fujian section's passengers
    if word in vocab["grades"] and before and (GRADE.fullmatch(before[0]) or is_scale_word(before[0])):
        return 2  # 5A级景区, 百亿级企业: a grade or an order of magnitude names the kind counted
    if (word in vocab["infixes"] or word in vocab["conjunctions"]) and before and not is_stop(*before):
        return 1
    if tokens[-1][1] == "t" and len(kept[0]) == 1:
        return 1  # 春节档, 暑期档: a season glued to a one-character noun names the season's slot, not a time
    size = threshold_before(tokens, kept)
    if size:
        return size  # 亿元以上项目, 百万人口以上城市, 产值超亿元企业: the size names the class counted
    if word in vocab["categories"] and before and not is_stop(*before):
        return 1  # 金银珠宝类零售额, 汽车类商品: a category of goods is part of the name
    if word in vocab["measure_adverbs"]:
        return 1  # 平均工资, 平均销售价格: 平均 before a noun names an average; before 为 (平均为) it is an adverb
    return 0


def threshold_before(tokens: list[tuple[str, str]], kept: list[str]) -> int:
    """How many of the last tokens state a size bounding the name `kept` after them: the size before a
    bound (亿元 | 以上项目, 10 亿元 | 以上项目, 百万 | 人口以上城市), or a bound and the size after it (超 亿元 |
    企业); 0 for none."""
    bounds = vocabulary("figures")["thresholds"]
    if tokens[-1][1] != "m" or not NUMERAL.search(tokens[-1][0]):
        return 0
    if kept[0] in bounds["after"] or (len(kept) > 1 and kept[1] in bounds["after"]):
        sized = len(tokens)
        while sized and tokens[sized - 1][1] == "m":
            sized -= 1
        return len(tokens) - sized
    return 2 if len(tokens) > 1 and tokens[-2][0] in bounds["before"] else 0


def with_split_words_joined(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """在岗职工, 在册人口: a one-character preposition the segmenter cut from the one-character noun after
    it, rejoined into the noun they make (a preposition before a longer word stays one: 在全市)."""
    joined: list[tuple[str, str]] = []
    for word, tag in tokens:
        if joined and len(word) == 1 and tag.startswith("n") and joined[-1][1] == "p" and len(joined[-1][0]) == 1:
            joined[-1] = (joined[-1][0] + word, "n")
        elif len(joined) > 1 and joined[-1][0] in words()["currency_pair_joiners"] and is_currency(joined[-2][0]) and word.startswith(currency_names()):
            pair = joined.pop()[0]
            joined[-1] = (joined[-1][0] + pair + word, "n")  # 人民币对美元汇率: one rate, of the pair
        else:
            joined.append((word, tag))
    return joined


@functools.cache
def currency_names() -> tuple[str, ...]:
    """The Chinese names of currencies (美元, 人民币, 欧元): the sides of an exchange rate."""
    from ...reader.figures import currencies

    return tuple(sorted((w for w in currencies().words if HAN.fullmatch(w[:1] or " ") and len(w) > 1), key=len, reverse=True))


def is_currency(word: str) -> bool:
    return word in currency_names()


@functools.cache
def scale_words() -> frozenset[str]:
    """百亿, 千亿, and each with 元 (百亿元级): the orders of magnitude before 级."""
    from .numerals import vocabulary as numeral_vocabulary

    scales = [w for w in vocabulary("figures")["scales"] if HAN.search(w)]
    return frozenset(scales + [s + u for s in scales for u in numeral_vocabulary().raw["yuan"]])


def is_scale_word(word: str) -> bool:
    return word in scale_words()


def noun_after(text: str) -> str:
    """The noun a count names after its figure and measure word: '家上市公司，' -> '上市公司'."""
    clause = CLAUSE_END.split(text[:60])[0]
    tokens = tagged(clause)
    if tokens and tokens[0][0] in words()["counting"]:
        tokens.pop(0)
    if tokens and tokens[0][0] in bounds_after():
        return ""  # '家以上。': the bound of the count, no noun
    kept: list[str] = []
    for word, tag in tokens:
        if is_stop(word, tag) or len(kept) == MAX_WORDS:
            break
        kept.append(word)
    return trimmed("".join(kept))


def modifiers_before(text: str) -> list[str]:
    """The words glued right before the end of `text` (no predicate between): '全市出生' -> ['出生']."""
    clause = CLAUSE_END.split(text[-30:])[-1]
    tokens = tagged(clause) if HAN.search(clause) else []
    kept: list[str] = []
    while tokens and not is_stop(*tokens[-1]):
        kept.insert(0, tokens.pop()[0])
    while kept and kept[0] in words()["anaphors"]:
        kept.pop(0)  # '该公司营业收入' is the company's revenue, not another measure
    return kept


def growth_key(noun: str) -> str:
    """The key of a growth said of `noun`: '跨境电商交易额增速' is '跨境电商交易额 growth', as '跨境电商交易额增长'
    is; a rate named with a rate noun that measures a level of its own ('人口自然增长率') keeps its name."""
    if noun.endswith(tuple(vocabulary("claims")["own_rate_nouns_zh"])):
        return noun
    rate = next((word for word in vocabulary("figures")["rate_nouns"] if noun.endswith(word) and len(noun) > len(word)), "")
    return f"{noun[: -len(rate)] if rate else noun} growth"


def is_target_head(word: str, after: str) -> bool:
    """目标 right before a copula (目标为): the word of a target, said of the name before it."""
    table = vocabulary("claims")["target_heads_zh"]
    return word in table["heads"] and after in table["copulas"]


def names_only_a_target(text: str) -> bool:
    """'，全年目标为': a clause before its figure that says a target and names no measure (only scope and time
    words before 目标): the target is of the measure the figure before it measured."""
    clause = CLAUSE_END.split(text[-40:])[-1]
    tokens = tagged(clause) if HAN.search(clause) else []
    if len(tokens) > 1 and is_target_head(tokens[-2][0], tokens[-1][0]):
        tokens = tokens[:-1]  # the copula: 目标为
    if not tokens or not is_target_word(tokens[-1][0]):
        return False
    return all(is_stop(*token) for token in tokens[:-1])


def names_nothing(text: str) -> bool:
    """'，达到': a clause before its figure of predicates and scope words alone, which names no measure."""
    clause = CLAUSE_END.split(text[-40:])[-1]
    tokens = tagged(clause) if HAN.search(clause) else []
    return bool(tokens) and all(is_stop(*token) for token in tokens)


def is_target_word(word: str) -> bool:
    return word in vocabulary("claims")["target_heads_zh"]["heads"]


def is_neutral_head(noun: str) -> bool:
    """'总量', '规模': a noun that names no measure of its own, only the level of the one named before it."""
    return noun in words()["neutral_heads"]


def heads_its_phrase(after: str) -> bool:
    """A name followed by a predicate, a figure or punctuation heads its noun phrase ('人口为');
    followed by another noun it only modifies it ('每万人口高价值发明专利拥有量')."""
    tokens = tagged(after[:8]) if after[:1] and HAN.search(after[:1]) else []
    while tokens and tokens[0][0] in words()["neutral_heads"]:
        tokens.pop(0)  # '各项存款余额': a balance of deposits is deposits
    if len(tokens) > 1 and is_target_head(tokens[0][0], tokens[1][0]):
        return True  # '装机目标为6000万千瓦': the capacity's target
    # '地区生产总值增长率为5.2%': the name's rate of change, as 增速 is
    return not tokens or is_stop(*tokens[0]) or tokens[0][0] in vocabulary("figures")["rate_nouns"]


def share_parts(text: str) -> tuple[str | None, str]:
    """(what, of what) for a share written '第三产业增加值13650亿元，占全市经济总量的六成' or '外来人口占比为':
    the noun before 占 ('' when 占 opens the clause) and the noun after it ('' for a whole: 全省);
    (None, '') when the clause has no 占."""
    clause = CLAUSE_END.split(without_abbreviations(text[-120:]))[-1]
    marks = [clause.rfind(word) for word in vocabulary("figures")["share_phrases"]]
    at = max(marks)
    if at < 0:
        return None, ""
    base = clause[at + 1 :]
    for noun in vocabulary("claims")["share_nouns_zh"]:
        base = base.replace(noun, "")
    return noun_before(clause[:at]) if clause[:at].strip() else "", noun_before(base)


def topic_before(text: str) -> str:
    """'货邮运输量方面，10月完成': the measure a topic opening the sentence names, for the first figure after it that
    names none; '' when the sentence opens with no topic, or another figure stands between (资产质量方面，…不良贷款率为
    1.08%，…连续8个季度下降: the topic names no measure of its own)."""
    sentence = SENTENCE_END.split(text[-120:])[-1]
    at = max(sentence.find(mark + "，") for mark in vocabulary("claims")["topic_marks_zh"])
    if at <= 0 or NUMBER_DIGIT.search(DATE_WRITTEN.sub("", sentence[at:])):
        return ""
    return noun_before(sentence[:at])


SENTENCE_END = re.compile(r"[。！？\n]")
DATE_WRITTEN = re.compile(r"[\d０-９]{1,4}[年月日]")
NUMBER_DIGIT = re.compile(r"[\d０-９]")


def contributes_to(text: str, start: int, end: int) -> bool:
    """Is text[start:end] the growth a measure contributes to: 对经济增长的贡献率, 拉动地区生产总值增长?"""
    words = vocabulary("claims")["contribution_zh"]
    after = text[end : end + 8].lstrip("增长的")
    return after.startswith(tuple(words["nouns"])) or text.endswith(tuple(words["verbs"]), 0, start)


def contribution_metric(clause: str, previous: str) -> str:
    """最终消费支出对经济增长的贡献率为 -> '最终消费支出贡献率'; 拉动地区生产总值增长 -> '最终消费支出拉动增长'
    (what pulls is named before 拉动, else by the contribution or the measure before it); '' for no such clause."""
    words = vocabulary("claims")["contribution_zh"]
    noun = next((n for n in words["nouns"] if n in clause), "")
    if noun and words["of"] in clause:
        subject = noun_before(clause[: clause.rfind(words["of"], 0, clause.rfind(noun))])
        return subject + noun if subject else ""
    verb = next((v for v in words["verbs"] if v in clause), "")
    if not verb:
        return ""
    subject = noun_before(clause[: clause.rfind(verb)]) or next((previous[: -len(n)] for n in words["nouns"] if previous.endswith(n)), "")
    subject = subject or (previous if HAN.search(previous) else "")  # '电子信息行业利润增长15.2%，拉动…': the part that grew pulls
    return subject + words["pull_key"] if subject else ""


RESPECTIVELY = ("分别", "分別")
LIST_JOINER = re.compile(r"以及|和|与|與|及|、")
FIGURE_JOINER = re.compile(r"\s*(?:以及|和|与|與|及|、|，|,)\s*")
PREDICATE_REACH = 12  # characters between 分别 and its first figure: 为, 比上年增长, 同比下降
LIST_REACH = 80  # characters back from 分别 to the start of its clause, which holds the list
LEADING_SCOPE = re.compile(r"^(?:\d{4}年)?")


def respectively(text: str, spans: list[tuple[int, int]]) -> list[tuple[list[int], int, list[str]]]:
    """'A和B分别为X和Y', '出口、进口分别增长X%、Y%': each figure of the run after 分别 is said of its own
    item of the list before it. For each such run: the indices of its figures (into `spans`), where its
    clause opens, and for each figure the clause as it reads with its item alone ('第一产业增加值为'),
    to which the figure is added.
    A head after the last item is shared ('第一产业和第二产业增加值'). Nothing when the counts differ."""
    groups = []
    for word in RESPECTIVELY:
        at = text.find(word)
        while at >= 0:
            group = respectively_at(text, at, at + len(word), spans)
            if group:
                groups.append(group)
            at = text.find(word, at + 1)
    return groups


def respectively_run(text: str, end: int, spans: list[tuple[int, int]]) -> list[int]:
    """The figures (indices into `spans`) of the run right after a 分别 that ends at `end`."""
    first = bisect.bisect_left(spans, (end, -1))
    if first == len(spans) or spans[first][0] - end > PREDICATE_REACH or CLAUSE_END.search(text, end, spans[first][0]):
        return []
    run = [first]
    for index in range(first + 1, len(spans)):
        if not figures_joined(text[spans[run[-1]][1] : spans[index][0]]):
            break
        run.append(index)
    return run


def figures_joined(between: str) -> bool:
    """Is the text between two figures of a run only a joiner, after the measure word the first is counted in
    ('86.2万人次和52.7万人次', '118.6万标箱和356.2万标箱'), and before the change word of the second ('8.2%和下降1.4%')?"""
    unit = next((word for word in counting_units() if between.startswith(word)), "")
    joined = FIGURE_JOINER.match(between, len(unit))
    if joined is None:
        return False
    rest = between[joined.end() :]
    return not rest or rest in words()["change_verbs"]  # '分别增长8.2%和下降1.4%': the second figure's own change word


def after_own_change_word(text: str, start: int) -> bool:
    """'分别增长8.2%和下降1.4%': a figure of a run written right after a change word of its own."""
    return text.endswith(tuple(words()["change_verbs"]), 0, start)


@functools.cache
def counting_units() -> tuple[str, ...]:
    return tuple(sorted(words()["counting"], key=len, reverse=True))


def respectively_at(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[list[int], int, list[str]] | None:
    run = respectively_run(text, end, spans)
    if len(run) < 2:
        return None
    reach = max(0, start - LIST_REACH)
    opening = max(max(text.rfind(mark, reach, start) for mark in "，,；;：:。") + 1, reach)
    prefix, listed = split_scope(text[opening:start])
    if not HAN.search(listed) and len(run) > 1:
        return run, opening, []  # '，分别增长4.5%和6.4%': the list is the one the clause before paired
    items = LIST_JOINER.split(listed)
    place = leading_place(items)
    prefix, items[0] = prefix + items[0][:place], items[0][place:]
    items = items * len(run) if len(items) == 1 else items  # '研发投入分别为510亿元和554亿元' (in two years): one thing
    if len(items) != len(run) or not all(HAN.search(item) for item in items):
        return None
    predicate = text[end : spans[run[0]][0]]
    return run, opening, [prefix + item + predicate for item in with_shared_head(items)]


def leading_place(items: list[str]) -> int:
    """The length of a place named before a list of things ('武汉市城镇居民和农村居民'), which is every
    item's; 0 when the items are themselves places ('杭州和宁波')."""
    from ...registry import find_mentions

    def place_at_start(item: str):
        return next((m for m in find_mentions(item, "entities") if m.start == 0), None)

    place = place_at_start(items[0])
    if place is None or place.end == len(items[0]) or any(place_at_start(item) for item in items[1:]):
        return 0
    return place.end


def split_scope(listed: str) -> tuple[str, str]:
    """'2024年全市城镇居民和农村居民' -> ('2024年全市', '城镇居民和农村居民'): the year and scope words
    before a list belong to every item."""
    prefix = LEADING_SCOPE.match(listed)[0]
    rest = listed[len(prefix) :]
    scopes = sorted(words()["scopes"], key=len, reverse=True)
    while True:
        scope = next((word for word in scopes if rest.startswith(word) and len(rest) > len(word)), None)
        if scope is None:
            return prefix, rest
        prefix, rest = prefix + scope, rest[len(scope) :]


ORDINAL_ITEM = re.compile(r"第?([一二三四五六七八九十]{1,3})(.*)")


def with_shared_head(items: list[str]) -> list[str]:
    """Each item of a list whole: '第一、二、三产业增加值' -> 第一产业增加值, 第二产业增加值, 第三产业增加值;
    '第一产业和第二产业增加值' -> 第一产业增加值, 第二产业增加值."""
    ordinals = [ORDINAL_ITEM.fullmatch(item) for item in items]
    if all(ordinals) and ordinals[-1][2] and not any(m[2] for m in ordinals[:-1]):
        return [f"第{m[1]}{ordinals[-1][2]}" for m in ordinals]
    head = shared_head(items)
    return [item + head for item in items[:-1]] + [items[-1]]


def shared_head(items: list[str]) -> str:
    """The head a list's last item goes on with, which the items before it share: '第二产业增加值' after
    '第一产业' -> '增加值'. It starts where the first item's length ends, at a word boundary; an item that
    already names a measure of its own ('营业收入和净利润') shares none."""
    first, last = items[0], items[-1]
    qualifier = qualifier_opening(last)
    if first in qualifiers() and qualifier and len(last) > len(qualifier):
        return last[len(qualifier) :]  # '风电和光伏发电装机': two kinds of one measure, the head after the last one's kind
    if len(last) <= len(first) or first == last or is_measure(first):
        return ""
    boundaries, position = set(), 0
    for word, _ in tagged(last):
        position += len(word)
        boundaries.add(position)
    return last[len(first) :] if len(first) in boundaries else ""


@functools.cache
def qualifiers() -> tuple[str, ...]:
    """The kinds a measure is narrowed by (风电, 光伏发电, 新能源), longest first."""
    return tuple(sorted(vocabulary("claims")["qualifiers_before"], key=len, reverse=True))


def qualifier_opening(item: str) -> str:
    return next((word for word in qualifiers() if item.startswith(word) and HAN.match(word)), "")


def is_measure(item: str) -> bool:
    from ...registry import find_mentions

    return any(m.start == 0 and m.end == len(item) for m in find_mentions(item, "metrics"))


YEAR_SPAN = re.compile(r"(\d{4})\.\.(\d{4})")


def years_of_span(mention, count: int) -> list | None:
    """'2022年至2024年，营业收入分别为X、Y和Z': a span of as many years as figures gives each its year."""
    span = None if mention.event else YEAR_SPAN.fullmatch(mention.period)
    if span is None or int(span[2]) - int(span[1]) + 1 != count:
        return None
    return [replace(mention, period=str(year)) for year in range(int(span[1]), int(span[2]) + 1)]


def listed_periods(text: str, start: int, mentions: list, count: int) -> list | None:
    """'2023年和2024年，…分别为X和Y': the `count` periods listed (joined by 和, 、) last before `start`,
    each the period of its own figure; None when the sentence lists no such run."""
    at = bisect.bisect_right(mentions, start, key=lambda m: m.end)
    spanned = years_of_span(mentions[at - 1], count) if at else None
    if spanned:
        return spanned
    listed = [m for m in mentions[max(0, at - count) : at] if not m.event]
    if len(listed) < count:
        return None
    joined = all(LIST_JOINER.fullmatch(text[a.end : b.start].strip()) for a, b in zip(listed, listed[1:]))
    return listed if joined else None


SEQUENTIAL_REACH = 12  # characters before a growth rate in which 环比 says what it is measured against


def is_sequential(text: str, start: int) -> bool:
    """'环比上涨0.1%': a rate against the period just before, not a year earlier ('同比' nearer wins)."""
    clause = CLAUSE_END.split(text[max(0, start - SEQUENTIAL_REACH) : start])[-1]
    words = vocabulary("claims")
    marks = {word: sequential_mark(clause, word, words["sequential_not_after_zh"]) for word in words["sequential_words_zh"]}
    marks.update((word, clause.rfind(word)) for word in words["year_on_year_words_zh"])
    # the words of the clauses before, back to the last semicolon or full stop: '同比增长8.2%，比上月末低0.3个百分点'
    said_before = re.split(r"[；;。]", text[max(0, start - SEQUENTIAL_REACH * 4) : start - len(clause)])[-1]
    marks.update((word, at) for word in words["sequential_bases_zh"]
                 if (at := clause.rfind(word)) >= 0 and not names_a_rate_of_change(said_before + clause[:at]))
    nearest = max(marks, key=marks.get)
    return marks[nearest] >= 0 and nearest not in words["year_on_year_words_zh"]


def names_a_rate_of_change(text: str) -> bool:
    """'涨幅', '增速', or a year-on-year rate ('同比增长8.2%，') in `text`: what follows is said of a rate of change,
    not of a level."""
    words = vocabulary("claims")["year_on_year_words_zh"]
    return any(noun in text for noun in vocabulary("figures")["rate_nouns"]) or any(word in text for word in words)


def traded_goods(clause: str, phrase: str) -> tuple[str, str, str] | None:
    """(flow, goods, change suffix) for the exports or imports of one kind of goods: the flow, then the goods,
    right before the figure (出口机电产品5320亿元), or a phrase key of the goods, then the flow (新兴产品出口 growth)."""
    after_pattern, before_pattern, reach, flows = traded_goods_patterns()
    if not any(flow in clause or flow in phrase for flow in flows):
        return None
    after = after_pattern.search(clause[-reach:])
    if after:
        return after["flow"], after["goods"], ""
    before = before_pattern.fullmatch(phrase)
    return (before["flow"], before["goods"], before["suffix"] or "") if before else None


@functools.cache
def traded_goods_patterns() -> tuple[re.Pattern, re.Pattern, int, tuple[str, ...]]:
    """traded_goods' patterns, and how far back from a clause's end the first can match."""
    vocab = vocabulary("claims")["traded_goods_zh"]
    flows, heads = word_alternation(vocab["flows"]), word_alternation(vocab["heads"])
    after = re.compile(rf"(?P<flow>{flows})(?P<goods>[\u4e00-\u9fff]{{0,8}}(?:{heads}))$")
    before = re.compile(rf"(?P<goods>[\u4e00-\u9fff]{{0,10}}(?:{heads}))(?P<flow>{flows})(?: (?P<suffix>growth|change))?")
    reach = max(map(len, vocab["flows"])) + 8 + max(map(len, vocab["heads"]))
    return after, before, reach, tuple(vocab["flows"])


def only_a_change_between(text: str, start: int, end: int) -> bool:
    """'5320亿元，增长7.5%', '，同比下降3%': a clause break and a change word, no noun of its own, between two figures."""
    between = text[start:end].strip("，, 了")
    if len(between) > TRADE_PREDICATE_REACH:
        return False
    between = between.removeprefix("同比").removeprefix("比上年").removeprefix("较上年")
    return between == "" or between in words()["change_verbs"]


@functools.cache
def recovery_clause() -> re.Pattern:
    vocab = vocabulary("claims")
    return re.compile(rf"(?:{word_alternation(vocab['recovery_openers_zh'])})(\d{{4}})年(?:{word_alternation(vocab['recovery_year_tails_zh'])})?")


def recovery_base_year(clause: str) -> str:
    """'恢复至2019年的' (the whole clause before a figure): the year a recovery is measured against, or ''."""
    match = recovery_clause().fullmatch(clause.strip())
    return match.group(1) if match else ""


def ends_in_change_word(text: str) -> bool:
    """'，较上年末上升', '，较上年末上升逾' (a bound between the change word and the figure it gives): `text` ends
    in a change word."""
    bound = next((w for w in bound_words() if text.endswith(w)), "")
    return text[: len(text) - len(bound)].endswith(words()["changes"])


@functools.cache
def bound_words() -> tuple[str, ...]:
    """The qualifier words written before a figure (逾, 超过, 近, 约), longest first."""
    qualifiers = vocabulary("figures")["qualifiers"].values()
    return tuple(sorted({w for table in qualifiers for w in table if HAN.search(w)}, key=len, reverse=True))


TRADE_PREDICATE_REACH = 6  # characters after a trade flow before its figure: 同比增长了


def trade_partner(clause: str) -> tuple[str, str] | None:
    """(partner, flow) when a clause ends in 对 + a name + a trade flow (对东盟进出口, 对美国出口, 与欧盟的贸易)."""
    vocab = vocabulary("claims")["trade_partners_zh"]
    ends = [(clause.rfind(w), w) for w in sorted(vocab["flows"], key=len, reverse=True)]
    at, flow = max(ends, key=lambda end: (end[0] + len(end[1]), len(end[1])))
    if at < 0 or len(clause) - at - len(flow) > TRADE_PREDICATE_REACH:
        return None  # 对美国出口增长: the flow, then only its predicate
    before = clause[:at].removesuffix("的")
    at = max(before.rfind(word) for word in vocab["before"])
    if at < 0:
        return None
    word = next(w for w in vocab["before"] if before.startswith(w, at))
    place = before[at + len(word) :]
    return (place, flow) if 1 < len(place) <= 12 else None


def is_real_terms(text: str, start: int) -> bool:
    """'扣除价格因素实际增长4.9%', '按年实质增长2.5%': a rate at constant prices, the real-terms word right
    before the change word the figure follows."""
    clause = CLAUSE_END.split(text[max(0, start - SEQUENTIAL_REACH) : start])[-1].rstrip("了 ")
    change = next((w for w in sorted(words()["changes"], key=len, reverse=True) if clause.endswith(w)), "")
    return bool(change) and clause[: -len(change)].endswith(tuple(vocabulary("claims")["real_terms_zh"]))


def sequential_mark(clause: str, word: str, not_after: str) -> int:
    """Where `word` last stands in the clause as a sequential mark: 月增 after 10 or 第三季 names a time."""
    at = clause.rfind(word)
    return -1 if at > 0 and word[0] in "月季" and clause[at - 1] in not_after else at


def sized_noun(text: str, end: int) -> str:
    """The noun an order of magnitude is glued to (千亿级 + 产业基金): what it gives the size of; '' when a
    predicate, punctuation or nothing follows it."""
    if not HAN.match(text[end : end + 1]):
        return ""
    tokens = tagged(CLAUSE_END.split(text[end : end + 30])[0])
    if not tokens or is_stop(*tokens[0]):
        return ""
    return noun_after(text[end:])

