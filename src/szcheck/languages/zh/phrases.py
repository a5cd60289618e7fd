"""Chinese noun phrases: what a figure is said of, cut into words by a segmenter.

Chinese writes no spaces, so the noun a figure states ("旅游总收入达3000多亿元") is glued to the verbs,
function words, measure words, places and scope words around it. The segmenter (rjieba, loaded only
when a Chinese clause needs a name) tells where words begin and end; the vocabulary
(`claims.yaml`) tells which words end a noun phrase. A name is the run of words just before the
figure, after the predicate ("为", "达到") is stepped over, or else the noun a count names after its
measure word ("220家上市公司"). It never ends in a function or measure word.
"""

from __future__ import annotations

import functools
import re

from .. import HAN, vocabulary

CLAUSE_END = re.compile(r"[，,；;：:。！？、（）()《》“”\"]")
LETTER = re.compile(r"[^\W\d_]")  # a word without one ("2024", "，") is never part of a name
STOP_TAGS = frozenset({"p", "u", "uj", "ul", "uz", "ug", "uv", "ud", "c", "r", "m", "mq", "q", "t", "x", "d", "w", "y", "e", "o"})
MAX_WORDS = 6


@functools.cache
def segmenter():
    import rjieba

    return rjieba


@functools.cache
def words() -> dict[str, frozenset[str]]:
    vocab = vocabulary("claims")
    return {
        "predicates": frozenset(vocab["predicate_words_zh"]),
        "predicate_starts": tuple(vocab["predicate_words_zh"]),
        "scopes": frozenset(vocab["scope_prefixes_zh"]),
        "counting": frozenset(vocab["counting_units_zh"]),
        "ends": tuple(vocab["function_word_ends_zh"]),
        "starts": tuple(vocab["function_word_starts_zh"]),
        "place_suffixes": tuple(vocab["place_suffixes_zh"]),
        "rates": tuple(vocab["rate_nouns_zh"]),
        "neutral_heads": frozenset(vocab["neutral_heads_zh"]),
        "changes": tuple(w for w in vocabulary("figures")["growth_words"] + vocabulary("figures")["decrease_words"] if HAN.search(w)),
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


def is_stop(word: str, tag: str) -> bool:
    """A word that ends a noun phrase: a predicate, a scope word, a function word, a number, punctuation,
    or a place named as one (the tagger calls '城镇' a place too, so only '…省', '…市' count)."""
    vocab = words()
    return (word in vocab["predicates"] or word in vocab["scopes"] or tag in STOP_TAGS or not LETTER.search(word)
            or (tag == "ns" and word.endswith(vocab["place_suffixes"])))


def trimmed(phrase: str) -> str:
    """Without the function, measure and predicate words glued to its ends ('不良贷款率为' -> '不良贷款率',
    '价格下降' -> '价格'), which the segmenter may have left inside one word."""
    vocab = words()
    ends = vocab["ends"] + vocab["changes"]
    while phrase.endswith(ends) and len(phrase) > 1:
        phrase = phrase[: -max(len(w) for w in ends if phrase.endswith(w))]
    while phrase.startswith(vocab["starts"]) and len(phrase) > 1:
        phrase = phrase[len(next(w for w in vocab["starts"] if phrase.startswith(w))) :]
    return phrase if len(phrase) > 1 and phrase not in vocab["counting"] else ""


def is_rate(noun: str) -> bool:
    """'失业率', '价格指数': a rate is a measure of its own, not a share of some total."""
    return noun.endswith(words()["rates"])


def noun_before(text: str) -> str:
    """The noun phrase a figure at the end of `text` is said of: '全市社会消费品零售总额达到' ->
    '社会消费品零售总额'; '' when the clause names none."""
    clause = CLAUSE_END.split(text[-120:])[-1]
    if not HAN.search(clause):
        return ""
    tokens = tagged(clause)
    while tokens and is_stop(*tokens[-1]):
        tokens.pop()  # the predicate and adverbs between the noun and its figure
    kept: list[str] = []
    while tokens and len(kept) < MAX_WORDS and not is_stop(*tokens[-1]):
        kept.insert(0, tokens.pop()[0])
    return trimmed("".join(kept))


def noun_after(text: str) -> str:
    """The noun a count names after its figure and measure word: '家上市公司，' -> '上市公司'."""
    clause = CLAUSE_END.split(text[:60])[0]
    tokens = tagged(clause)
    if tokens and tokens[0][0] in words()["counting"]:
        tokens.pop(0)
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
    return kept


def heads_its_phrase(after: str) -> bool:
    """A name followed by a predicate, a figure or punctuation heads its noun phrase ('人口为');
    followed by another noun it only modifies it ('每万人口高价值发明专利拥有量')."""
    tokens = tagged(after[:8]) if after[:1] and HAN.search(after[:1]) else []
    while tokens and tokens[0][0] in words()["neutral_heads"]:
        tokens.pop(0)  # '各项存款余额': a balance of deposits is deposits
    return not tokens or is_stop(*tokens[0])


def share_parts(text: str) -> tuple[str | None, str]:
    """(what, of what) for a share written '第三产业增加值13650亿元，占全市经济总量的六成' or '外来人口占比为':
    the noun before 占 ('' when 占 opens the clause) and the noun after it ('' for a whole: 全省);
    (None, '') when the clause has no 占."""
    clause = CLAUSE_END.split(text[-120:])[-1]
    marks = [clause.rfind(word) for word in vocabulary("figures")["share_phrases"]]
    at = max(marks)
    if at < 0:
        return None, ""
    base = clause[at + 1 :]
    for noun in vocabulary("claims")["share_nouns_zh"]:
        base = base.replace(noun, "")
    return noun_before(clause[:at]) if clause[:at].strip() else "", noun_before(base)
