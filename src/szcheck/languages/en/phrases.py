"""English words around a figure that say what it measures, or that it measures nothing named.

A figure whose sentence names no registry metric is keyed by the thing it is said of. Its verb
often says what that is: "Harrods lost £40m" is a net loss, "The new bridge cost 2.6 billion yuan"
the bridge's cost. A period ("in the third quarter"), a pronoun or a name is never the thing
measured. The words are in `claims.yaml` (measure_verbs, period_nouns, place_nouns, share_cues,
pronouns); this module only finds them.
"""

from __future__ import annotations

import bisect
import functools
import re

from ...reader.patterns import word_alternation
from .. import vocabulary

WORD = re.compile(r"[A-Za-z][\w&'’-]*")
OWNER_AFTER_OF = re.compile(r"\bof\s+((?:the\s+)?(?:[A-Za-z][\w-]*['’]s|its|their)\s+)", re.I)
MAX_WORDS_AFTER_VERB = 4  # "fined the bank 60 million euros", "will cost an estimated 900 million pounds"


def trailing_words(words: list[str]) -> str:
    """The words as a prefix tree (one word is tried in a few steps, not each of a hundred in turn),
    but for those with a space, which must be written with that one space as they are."""
    plain = [word for word in words if " " not in word]
    return "|".join(([word_alternation(plain)] if plain else []) + [re.escape(word) for word in words if " " in word])


def relative_subject() -> str:
    """The opening of a relative clause right after a figure, up to its verb: "(that) it had", "the council"
    ("the £40 million it had borrowed", "the £3 million the council spent")."""
    vocab = vocabulary("claims")
    return (rf"(?:(?:{word_alternation(vocab['relative_pronouns'])})\s+)?(?:{word_alternation(vocab['relative_clause_subjects'])}|"
            rf"(?:{word_alternation(vocab['relative_clause_determiners'])})\s+[a-z]+)\s+(?:(?:{word_alternation(vocab['relative_clause_fillers'])})\s+){{0,2}}")


@functools.cache
def words() -> dict:
    vocab = vocabulary("claims")
    verbs = {form.lower(): key for key, forms in vocab["measure_verbs"].items() for form in forms}
    rate_verbs = {form.lower(): key for key, forms in vocab["rate_verbs"].items() for form in forms}
    return {
        "measure_verbs": verbs,
        "measure_verb": re.compile(word_alternation(verbs), re.I),
        "measure_verb_after": re.compile(rf"\s+{relative_subject()}(?P<verb>{word_alternation(verbs)})\b", re.I),
        "rate_verbs": rate_verbs,
        "rate_verb": re.compile(word_alternation(rate_verbs), re.I),
        "period_nouns": frozenset(vocab["period_nouns"]),
        "period_noun_links": frozenset(vocab["period_noun_links"]),
        "qualifying_period_nouns": frozenset(vocab["qualifying_period_nouns"]),
        "time_determiners": frozenset(vocab["time_determiners"]),
        "manner_nouns": frozenset(vocab["manner_nouns"]),
        "place_nouns": frozenset(vocab["place_nouns"]),
        "share_cue": re.compile(rf"(?:{word_alternation(vocab['share_cues'])})(?![\s-]+points?\b)", re.I),  # not "1.2 percentage points"
        "pronouns": frozenset(vocab["pronouns"]),
        "trailing_words": re.compile(rf"(?:\s+(?:{trailing_words(vocab['phrase_trailing_words'])}))+\s*$", re.I),
        "leading_noise": re.compile(rf"^(?:(?:{'|'.join(map(re.escape, vocab['phrase_leading_words']))}|[\w-]+['’]s)\s+)+", re.I),
        "stop_words": frozenset(vocab["phrase_stop_words"]),
        "trailing_word_set": frozenset(vocab["phrase_trailing_words"]),
        "head_prepositions": frozenset(vocab["head_prepositions"]),
        "output_verbs": vocab["output_verbs"],
        "part_nouns": frozenset(vocab["part_nouns"]),
        "output_verb": re.compile(rf"\b(?P<verb>{word_alternation(vocab['output_verbs'])})\s+(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|a\s+record)\s+)?$", re.I),
        "output_verb_object": re.compile(rf"\b(?P<verb>{word_alternation(vocab['output_verbs'])})\s+(?P<goods>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){{0,2}})\s*$", re.I),
        "generic_goods": frozenset(vocab["generic_goods"]),
        "organisation_measures": frozenset(vocab["organisation_measures"]),
        "more_of_the_same": re.compile(rf"(?<![\w-])(?:{word_alternation(vocab['more_of_the_same'])})\s+$", re.I),
        "absolute_openers": frozenset(vocab["absolute_openers"]),
        "absolute_change_words": frozenset(vocab["absolute_change_words"]),
        "determiners": frozenset(vocab["determiners"]),
        "clause_verb": re.compile(rf"\b(?:{'|'.join(map(re.escape, vocab['clause_verbs']))})\b", re.I),
        "clause_verbs": frozenset(vocab["clause_verbs"]),
        "subject_verbs": frozenset(vocab["subject_verbs"]),
        "growth_modifiers": frozenset(vocab["growth_modifiers"]),
        "earnings_keys": frozenset(vocab["earnings_keys"]) | frozenset(vocab["forecaster_keys"]),
        "adjusted_words": frozenset(vocab["adjusted_words"]),
        "outlook_key_nouns": frozenset(vocab["outlook_key_nouns"]),
        "outlook_participles": list(vocab["outlook_participles"]),
        "revenue_verb_end": re.compile(rf"\b(?:{word_alternation(vocab['revenue_verbs'])})\s+(?:(?:about|some|nearly|almost|more than|over|an estimated)\s+)?$", re.I),
        "fronted_set": re.compile(rf"\s*(?:{word_alternation(vocab['fronted_set_openers'])})\s", re.I),
        "government_measures": frozenset(vocab["government_measures"]),
        "government_word": vocab["government_word"],
        "forecaster_nouns": frozenset(vocab["forecaster_nouns"]),
        "estimate_revised": re.compile(rf"\b(?:{word_alternation(vocab['estimate_revision_words'])})\b", re.I),
        "revising_verb": re.compile(rf"\b(?:{word_alternation(vocab['revising_verbs'])})\b", re.I),
        "compared_base": re.compile(r"\s*(?:(?:more|less|higher|lower|up|down|better|worse)\s+)?(?:than|from|compared\s+with|compared\s+to|on|over|against)"
                                    r"(?:\s+(?:in|the|during))*\s*$", re.I),
        "earlier_estimate": re.compile(rf"\s+(?:{word_alternation(vocab['earlier_estimate_after'])})(?![\w-])", re.I),
        "per_share": re.compile(rf"\s+(?:{word_alternation(vocab['per_share_after'])})", re.I),
        "dividend_part": re.compile(rf"\b(?P<part>{word_alternation(vocab['dividend_parts'])})\s+(?:cash\s+)?dividends?\b", re.I),
        # between a part and its total: "(a share), bringing the total for the year to"
        "total_of_part": re.compile(rf"(?:\s+[\w-]+){{0,8}}?\s*,\s*(?:and\s+)?(?:{word_alternation(vocab['taking_verbs'])})"
                                    rf"\s+(?:the|its|their)\s+(?:{word_alternation(vocab['total_nouns'])})(?:\s+(?:for|in|of)\s+(?:the\s+)?[\w-]+)?"
                                    rf"\s+to\s+(?:(?:about|around|some|nearly|almost)\s+)?", re.I),
        "infinitive_verbs": frozenset(vocab["infinitive_verbs"]),
        # the figure's own period may stand first: "grew 0.6% in the third quarter compared with the previous quarter"
        "sequential": re.compile(rf"(?:\s+(?:in|for|during)(?:\s+[\w-]+){{1,4}}?(?=[\s(,]))?[\s(,]*(?:{word_alternation(vocab['sequential_after'])}|(?:{word_alternation(vocab['sequential_from'])})"
                                 rf"\s+(?:{word_alternation([m.capitalize() for m in vocabulary('periods')['months']])})(?![\w-]|\s+\d))"),
        "sequential_opening": re.compile(rf"\s*(?:{word_alternation(vocab['sequential_after'])})\s*,", re.I),
        "passive_auxiliaries": frozenset(vocab["passive_auxiliaries"]),
        "aside_relatives": frozenset(vocab["aside_relatives"]),
        "relative_clause": re.compile(rf",\s+(?:{word_alternation(vocab['aside_relatives'])})\s[^,;:()]*$", re.I),
        # bounded: an aside is short, and a comma inside a number ("30,000") does not close it
        "aside": re.compile(rf",\s+(?:{word_alternation(vocab['aside_openers'])})\s(?:[^,;()]|,(?=\d)){{1,160}}?,"),
        "connective": re.compile(rf",\s+(?:{word_alternation(vocab['aside_connectives'])}),", re.I),
        "common_nouns": frozenset(vocab["common_nouns"]),
        "common_noun_endings": tuple(vocab["common_noun_endings"]),
        "passive_verb": re.compile(rf"\s+(?:{'|'.join(vocab['passive_auxiliaries'])})\s+[A-Za-z]+\s*$", re.I),
        "growth_nouns": frozenset(vocab["growth_nouns"]),
        "annual_growth_modifiers": frozenset(vocab["annual_growth_modifiers"]),
        "place_governments": frozenset(vocab["place_governments"]),
        "outlook_noun_words": frozenset(vocab["outlook_nouns"]),
        "taking_its_level": re.compile(rf"(?:\s+(?:in|during|for|over|on)\s+[^,;]{{1,40}}?)?\s*,?\s*(?:{word_alternation(vocab['taking_verbs'])})\s+(?:its|their|the)\s+(?:[\w'’-]+\s+){{1,3}}?"
                                       rf"(?:to|past|above|over|beyond|below|under)\s+(?:(?:about|around|almost|nearly|some|more\s+than|just)\s+)?", re.I),
        # "faster than Portugal's 1.9%", "ahead of the euro zone's 0.9%": a figure of a named other, set against the one before
        "compared_named": re.compile(rf"(?i:\b(?:{word_alternation(vocab['comparison_openers'])})|\b(?!more\b|fewer\b|less\b|rather\b)\w+er\s+than)"
                                     rf"\s+(?i:the\s+)?(?:[A-Z][\w.&-]*\s+){{0,3}}[A-Z][\w.&-]*['’]s?\s+(?i:(?:{word_alternation(vocab['comparison_fillers'])})\s+){{0,4}}$"),
        "compared_figure": re.compile(rf"\b(?:(?:{word_alternation(vocab['comparison_openers'])})\s+|(?:{word_alternation(vocab['comparatives'])})\s+"
                                      rf"(?:{word_alternation(vocab['comparison_determiners'])})\s+)(?:(?:{word_alternation(vocab['comparison_fillers'])})\s+){{0,4}}$", re.I),
        "change_of": re.compile(rf"\s*(?:(?:{word_alternation(vocab['change_noun_modifiers'])})\s+)?"
                                rf"(?:{word_alternation(vocab['change_nouns'])})\s+(?:in|of)\s+", re.I),
        "economy_metric": vocab["economy_metric"],
        "output_nouns": frozenset(vocab["output_nouns"]),
        "growth_noun": re.compile(rf"\s*(?:{word_alternation(vocab['growth_nouns'])})", re.I),
        "ends_with_growth": re.compile(rf"(?:{word_alternation(vocab['growth_nouns'])})$", re.I),
        "outlook_noun": re.compile(rf"(?<![\w-])(?:{word_alternation(vocab['outlook_nouns'])})\s+(?:of\s+|for\s+)?"
                                   rf"(?:(?:{word_alternation(vocab['figure_qualifiers'])})\s+)?$", re.I),
        "catenative_end": re.compile(rf"\s+(?:(?:{word_alternation(vocab['catenative_verbs'])})\s+to|{word_alternation(vocab['modal_verbs'])})\s*$", re.I),
        "rate_manner": re.compile(rf"\b(?:a|an)\s+(?:(?:{word_alternation(vocab['rate_manner_words'])})\s+){{1,3}}"
                                  rf"(?P<pace>(?:{word_alternation(vocab['pace_nouns'])})\s+of\s+)?$", re.I),
        "pollster": re.compile(rf"\b(?:{word_alternation(vocab['pollster_cues'])})\s+(?:the\s+)?[A-Z][\w&.'’-]*"
                               rf"(?:\s+(?:(?:of|and|&)\s+)?[A-Z][\w&.'’-]*){{0,4}}"),
        "measures_of_any_source": frozenset(vocab["measures_of_any_source"]),
        "past_change_to": re.compile(rf"\b(?:{word_alternation(vocab['past_change_verbs'])})\s+(?:[\w.,%-]+\s+){{0,4}}?to\s+"
                                     rf"(?:(?:about|around|nearly|almost|some|roughly)\s+)?$", re.I),
        "finite_verb": re.compile(rf"\b(?:{'|'.join(map(re.escape, vocab['finite_verbs']))})\b", re.I),
    }


def measure_verb_after(text: str, end: int) -> str | None:
    """The key a measure verb gives the figure ending at `end` as the object of a relative clause right after
    it: "the £40 million it borrowed" -> 'borrowing'; None when there is none."""
    found = words()["measure_verb_after"].match(text, end)
    return words()["measure_verbs"][re.sub(r"\s+", " ", found["verb"].lower())] if found else None


def measure_verb(clause: str, table: str = "measure") -> tuple[str, str] | None:
    """The key a measure verb gives a figure at the end of `clause` (the clause up to the figure),
    with the words before the verb (its subject): 'The new bridge cost' -> ('{subject} cost', 'The
    new bridge'). None unless the verb is the clause's last and at most a few words stand between it
    and the figure ('fined the bank', 'will cost an estimated'). `table` "rate" reads the verbs that
    name a percentage ('The fund returned' -> '{subject} return')."""
    found = None
    for found in words()[f"{table}_verb"].finditer(clause):
        pass
    if found is None or len(WORD.findall(clause[found.end() :])) > MAX_WORDS_AFTER_VERB:
        return None
    if found.group(0).lower().endswith("ed") and is_passive_auxiliary((WORD.findall(clause[: found.start()]) or [""])[-1]):
        return None  # 'Marketing spending was raised to': said of its subject
    key = words()[f"{table}_verbs"][re.sub(r"\s+", " ", found.group(0).lower())]
    return key, words()["catenative_end"].sub("", clause[: found.start()])  # "The government plans to": the government


def after_an_epithet_superlative(text: str, start: int) -> bool:
    """Whether `start` follows a possessive and a superlative ("the world's second-largest |economy")."""
    return epithet_patterns()["superlative_before"].search(text, max(0, start - 40), start) is not None


def in_an_epithet(text: str, start: int) -> bool:
    """Whether the word at `start` is the head of an epithet after a preposition ('economy' in "inflation in Latin
    America's largest economy"): it names where, no metric ("The world's largest economy grew 5%" is its GDP's)."""
    return epithet_patterns()["after_preposition"].search(text, max(0, start - 80), start) is not None


@functools.cache
def epithet_patterns() -> dict[str, re.Pattern]:
    """A place's superlative said of the story's subject ("Latin America's largest economy"): the words before
    its head, the same after a preposition, and the whole from the possessive on (`epithet_heads` and organisation
    anaphors' heads)."""
    vocab = vocabulary("claims")
    ranks = word_alternation(vocab["epithet_ranks"])
    superlatives = word_alternation([*vocab["superlatives"], *vocab["epithet_superlatives"]])
    prepositions = word_alternation(vocab["epithet_prepositions"])
    described = rf"['’]s\s+(?:(?:{ranks})[\s-])?(?:{superlatives})\s+"
    heads = word_alternation(sorted(set(vocab["epithet_heads"]) | {w.split()[-1].lower() for w in vocab["anaphora"]["organisation"]}))
    return {
        "superlative_before": re.compile(rf"{described}$", re.I),
        "after_preposition": re.compile(rf"(?<![\w-])(?:{prepositions})\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,3}}{described}$", re.I),
        "after_place": re.compile(rf"{described}(?:[a-z][\w-]*\s+)?(?P<head>{heads})(?![\w-])", re.I),
    }


def is_period_phrase(phrase: str) -> bool:
    """'the third quarter', 'the month of June', 'fiscal 2024': a phrase whose head is a period."""
    found = [w.lower() for w in WORD.findall(phrase)]
    tokens = phrase.split()
    attributive = len(tokens) > 1 and "-" in tokens[0]  # "10-year Treasury yield", "five-year plan": its head is last
    opening = bool(found) and not attributive and found[0] in words()["period_nouns"] and not qualifies_a_noun(phrase)
    return bool(found) and (found[-1] in words()["period_nouns"] or opening)


def qualifies_a_noun(phrase: str) -> bool:
    """'day pass', 'season ticket': a common period noun before another noun qualifies it, no period ('the month
    of June', 'fiscal 2024', 'May sales' stay periods)."""
    tokens = phrase.split()
    return len(tokens) > 1 and tokens[0].isalpha() and tokens[0].islower() and tokens[1].isalpha() \
        and tokens[1].lower() not in words()["period_noun_links"] and tokens[0] in words()["qualifying_period_nouns"]


def names_a_share(clause: str) -> bool:
    """'accounted for', 'made up', 'the share of': the percentage is a share, not the level of a rate."""
    return words()["share_cue"].search(clause) is not None


def is_sequential(text: str, start: int, end: int) -> bool:
    """'rose 0.4% month on month', 'down 4.2% from October', 'On a quarterly basis, GDP expanded 1.43%': a change
    against the period just before, said after the figure or opening its sentence."""
    if words()["sequential"].match(text, end) is not None:
        return True
    opening = words()["sequential_opening"].match(text)
    return opening is not None and opening.end() <= start and CLAUSE_COMMA.search(text, opening.end(), start) is None


CLAUSE_COMMA = re.compile(r",(?!\d)")  # not the comma of "30,000"


def relative_clause_start(text: str) -> int | None:
    """Where the relative clause the text ends in opens (', which makes up nearly'), or None."""
    found = words()["relative_clause"].search(text[-200:])
    return len(text) - len(text[-200:]) + found.start() if found else None


RANK_REACH = 80  # characters before a name that may rank something in it ("still the widest deficit in the ")


@functools.cache
def ranked_in() -> re.Pattern:
    superlatives = word_alternation(vocabulary("claims")["superlatives"])
    return re.compile(rf"\bthe\s+(?:[a-z]+[\s-])?(?:{superlatives})(?:\s+[\w-]+){{0,3}}?\s+(?:in|of|among|across)\s+(?:the\s+)?$", re.I)


def ranked_within(text: str, start: int) -> bool:
    """Whether a name at start is the set a superlative ranks something in: 'still the widest in the
    European Union', 'the highest in the UK' compare with the Union and the UK, they are not what is measured."""
    return ranked_in().search(text, max(0, start - RANK_REACH), start) is not None


def in_fronted_set(text: str, start: int) -> bool:
    """Whether a name at `start` stands in a phrase opening the sentence that sets what follows among others
    ('Among the region's cities, Nanjing ranks second', 'Unlike Hefei, ...'): no subject an 'its' after it means."""
    opening = words()["fronted_set"].match(text)
    comma = text.find(",", opening.end()) if opening else -1
    return start < comma


def asides(text: str) -> list[tuple[int, int]]:
    """Where asides between commas stand: ', the bank's main source of revenue,', ', which makes up a
    quarter of the economy,', ', however,'. Words with a verb of their own, not opened by a relative pronoun, are a
    clause, not an aside (', the city has increased support for R&D,')."""
    if ", " not in text:
        return []
    found = [match.span() for match in words()["aside"].finditer(text)
             if match.group(0)[1:].split()[0].lower() in words()["aside_relatives"] or not words()["clause_verb"].search(match.group(0))]
    return found + [match.span() for match in words()["connective"].finditer(text)] + [match.span() for match in AGENT_ASIDE.finditer(text)]


# ", closely watched by the Bank of England,", ", owned by the state,": a passive participle and its agent
AGENT_ASIDE = re.compile(r",\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|ld|un)\s+by\s(?:[^,;()]|,(?=\d)){1,80}?,")


def without_asides(text: str) -> str:
    """The text with its closed asides blanked out (with spaces: offsets stay)."""
    for start, end in asides(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def is_common_noun(word: str) -> bool:
    """'Manufacturing', 'Construction': a capitalised word that is an ordinary noun, not a name; and
    'Costs', 'Orders', 'Equities': the plural of a word our vocabulary writes (no company's one-word name
    ending in -s, such as 'Siemens' or 'Barclays', is a plural of one)."""
    lower = word.lower()
    endings = words()["common_noun_endings"]
    if lower in words()["common_nouns"] or lower.endswith(endings) or lower.endswith("s") and lower[:-1].endswith(endings):
        return True  # 'Completions', 'Shipments': the plural of a word with such an ending too
    return is_plural_thing(lower, ordinary_words())


def is_plural_thing(lower: str, known: frozenset[str]) -> bool:
    """'costs' of cost, 'equities' of equity: the plural of a word in `known` that names no actors ('insurers')."""
    return is_plural_of(lower, known) and not names_actors(lower)


def names_actors(lower: str) -> bool:
    """'Insurers', 'Lenders', 'Economists': people or firms who act, a group a figure may be about; not
    'Orders', a thing listed among the common nouns."""
    return any(singular.endswith(("er", "or", "ist")) and singular not in words()["common_nouns"] for singular in singulars(lower))


def singulars(lower: str) -> set[str]:
    """What a lower-case word may be the plural of: 'costs' -> cost, 'equities' -> equity, 'taxes' -> tax."""
    if len(lower) < 4 or not lower.endswith("s") or lower.endswith(("ss", "us", "is")):
        return set()
    found = {lower[:-1]}
    if lower.endswith("ies"):
        found.add(lower[:-3] + "y")
    if lower.endswith("es"):
        found.add(lower[:-2])
    return found


def is_plural_of(lower: str, known: frozenset[str]) -> bool:
    return any(singular in known for singular in singulars(lower))


@functools.cache
def ordinary_words() -> frozenset[str]:
    """Every lower-case word the English vocabulary files write: words of the language, not names."""
    found = set(words()["common_nouns"])
    for name in ("claims", "figures", "periods"):
        found.update(word for text in strings_of(vocabulary(name)) for word in LOWER_WORD.findall(text))
    return frozenset(found)


LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")


def strings_of(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in strings_of(key) + strings_of(value)]
    if isinstance(data, (list, tuple)):
        return [s for value in data for s in strings_of(value)]
    return []


def is_function_word(word: str) -> bool:
    lower = word.lower()
    return lower in words()["stop_words"] or lower in words()["clause_verbs"] or lower in words()["pronouns"]


def is_passive_auxiliary(word: str) -> bool:
    return word.lower() in words()["passive_auxiliaries"]


def without_passive_verb(clause: str) -> str:
    """'Marketing spending was cut' -> 'Marketing spending': a passive verb ending the clause before a figure."""
    return words()["passive_verb"].sub("", clause)


def is_growth_noun(phrase: str) -> bool:
    return phrase.lower() in words()["growth_nouns"]


def is_a_places_growth(metric: str, place: str) -> bool:
    """'east java growth' ("while East Java grew 5.22%"), 'government growth' ("the government targets growth of
    5.2%"), 'expected annual growth': a growth that names nothing but the place, its government or how it is
    measured over a year is the place's economic growth. ('quarterly growth' is not a year's.)"""
    rest = metric.lower().removeprefix(place.lower()).split()
    if not rest or rest[-1] not in words()["growth_nouns"]:
        return False
    ignored = words()["annual_growth_modifiers"] | words()["place_governments"] | words()["outlook_noun_words"]
    return all(word in ignored for word in rest[:-1])


def names_a_growth_of(text: str) -> bool:
    """'... and expects sales growth of 4%': text that ends by naming the thing whose growth follows."""
    found = OWN_GROWTH.search(text)
    return found is not None and not is_function_word(found["thing"]) and found["thing"].lower() not in words()["growth_modifiers"]


OWN_GROWTH = re.compile(r"\b(?P<thing>[A-Za-z][\w&-]*)\s+(?:growth|expansion)(?:\s+rate)?\s+of\s+(?:(?:about|around|roughly|some|between)\s+)?$")


def ends_in_growth_noun(phrase: str) -> bool:
    """'sales growth', 'growth rate': a phrase that already names a growth."""
    return words()["ends_with_growth"].search(phrase) is not None


def is_a_verb(word: str) -> bool:
    """A verb that says what a subject did or does ('employs', 'rose', 'reported')."""
    lower = word.lower()
    return lower in words()["clause_verbs"] or lower in words()["subject_verbs"]


def is_clause_verb(word: str) -> bool:
    return word.lower() in words()["clause_verbs"]


def is_pronoun(word: str) -> bool:
    return word.lower() in words()["pronouns"]


def without_place_nouns(phrase: str) -> str:
    """'unemployment in the region' -> 'unemployment': a kind of place after its noun says where, not what."""
    places = "|".join(sorted(words()["place_nouns"], key=len, reverse=True))
    return re.sub(rf"\s+(?:in|of|across|for)\s+(?:the\s+|this\s+|that\s+)?(?:{places})$", "", phrase, flags=re.I)


def without_owners(text: str) -> str:
    """'the added value of the city's core industries' -> 'the added value of            core industries':
    an owner inside a metric's name is blanked out (with spaces: offsets stay) so that the name is found."""
    def blank(match: re.Match) -> str:
        return match.group(0)[: match.start(1) - match.start()] + " " * len(match.group(1))

    return OWNER_AFTER_OF.sub(blank, text)


COORDINATORS = frozenset({"and", "but", "yet"})
INDEFINITE_ARTICLES = frozenset({"a", "an"})  # ", a rise of 3.2%": an appositive about the figure before, no subject


@functools.cache
def change_noun_set() -> frozenset[str]:
    vocab = vocabulary("claims")
    return frozenset(word.lower() for word in [*vocab["change_nouns"], *vocab["growth_nouns"]])


SUBORDINATORS = frozenset({"after", "as", "because", "since", "although", "though", "when", "once"})  # ", after sales fell 5%"


def opening_noun_phrase(clause: str) -> list[str]:
    """'Inbound visitors to Xi'an numbered' -> ['Inbound', 'visitors']: the words a clause opens with,
    up to its first function word or verb."""
    found = WORD.findall(clause)
    if len(found) > 1 and found[0].lower() in SUBORDINATORS and found[1][:1].islower() and not found[1].lower().endswith("ing") \
            and found[1].lower() not in words()["stop_words"]:
        found = found[1:]  # "..., after sales fell 5%": a clause of its own, with its own subject ("after rising 5%" has none)
    if len(found) > 2 and found[0].lower() in words()["absolute_openers"] and found[-1].lower() in words()["absolute_change_words"]:
        found = found[1:]  # "..., with food prices up 3%": the change of the noun after "with"
    if found and found[0].lower() in COORDINATORS:
        found = found[1:]  # "..., and online orders climbed 9%": the clause after 'and' has a subject of its own
        if found and (found[0].lower() in words()["clause_verbs"] or found[0].lower() in words()["subject_verbs"] or found[0].lower().endswith("ed")):
            return []  # "... and jumped 5%": the same subject's second verb
    if len(found) > 2 and found[0].lower() in words()["determiners"] and found[0].lower() not in INDEFINITE_ARTICLES \
            and found[1][:1].islower() and found[1].lower() not in words()["stop_words"] and not found[1].lower().endswith("ing") \
            and found[1].lower() not in change_noun_set():
        found = found[1:]  # "..., while the average basket slipped 2%": the clause's own subject ("..., a rise of 3.2%" is none)
    if found and found[0].lower().endswith("ing") and (len(found) == 1 or found[1].lower() in words()["stop_words"]) \
            and not has_finite_verb(found[1:]):
        return []  # "growing 5.8%", "reflecting a growth of": a participle going on about the clause before
    kept = []
    for word in found:
        lower = word.lower()
        if lower in words()["stop_words"] or lower in words()["clause_verbs"] or (kept and lower.endswith("ed")):
            break
        kept.append(word)
    return kept


def has_finite_verb(found: list[str]) -> bool:
    """Whether a finite verb follows in the clause: 'spending on agency workers fell' opens with a gerund that is the
    clause's subject, where 'reflecting a growth of' is a participle going on about the clause before."""
    return any(word.lower() in finite_verb_words() for word in found)


@functools.cache
def finite_verb_words() -> frozenset[str]:
    vocab = vocabulary("claims")
    return frozenset(word.lower() for word in vocab["finite_verbs"] + vocab["past_change_verbs"])


def ends_with_an_outlook_noun(text: str) -> bool:
    """'..., beating analysts' forecasts of' / 'the government's target of around': the figure after
    states a forecast or target of something named before."""
    return words()["outlook_noun"].search(text[-60:]) is not None


def names_a_growth(text: str, start: int, end: int) -> bool:
    """'economic growth', 'retail sales growth': the name at text[start:end] is of a growth rate."""
    return words()["ends_with_growth"].search(text, start, end) is not None or words()["growth_noun"].match(text, end) is not None


RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
FIGURES_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")  # between the figures of a run: ", ", " and ", ", and "
LIST_JOINER = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
RESPECTIVELY_REACH = 30  # characters between the run's last figure and "respectively"


def respectively(text: str, spans: list[tuple[int, int]]) -> list[tuple[list[int], int, list[str]]]:
    """'Revenue and net profit were $5.1 billion and $1.2 billion, respectively': each figure of the run before
    "respectively" is said of its own item of the list before the clause's verb. For each such run: the indices of
    its figures (into `spans`), where its clause opens, and for each figure its clause as it reads with its item
    alone ('Revenue were '), to which the figure is added. Nothing when the counts differ."""
    groups = []
    for found in RESPECTIVELY.finditer(text):
        run = run_before(text, found.start(), spans)
        opening = max(text.rfind(mark, 0, spans[run[0]][0]) for mark in ";:") + 1 if run else 0
        clauses = listed_clauses(text[opening : spans[run[0]][0]], len(run)) if len(run) > 1 else []
        if clauses:
            groups.append((run, opening, clauses))
    return groups


def run_before(text: str, end: int, spans: list[tuple[int, int]]) -> list[int]:
    """The figures (indices into `spans`) of the run that ends right before `end`, joined by commas and 'and'."""
    last = bisect.bisect_left(spans, (end, -1)) - 1
    if last < 0 or not re.fullmatch(r"[\s,]*", text[spans[last][1] : end]) or end - spans[last][1] > RESPECTIVELY_REACH:
        return []
    run = [last]
    while run[0] > 0 and FIGURES_JOINED.fullmatch(text, spans[run[0] - 1][1], spans[run[0]][0]):
        run.insert(0, run[0] - 1)
    return run


def listed_clauses(prefix: str, count: int) -> list[str]:
    """'Revenue and net profit were ' with 2 -> ['Revenue were ', 'net profit were ']: the list before the verb, each
    item with the words from the verb on; [] unless the list has `count` items."""
    found = list(WORD.finditer(prefix))
    verb = next((w for w in found if w.start() > 0 and is_clause_verb(w.group(0))), None)
    if verb is None:
        return []
    items = [item for item in LIST_JOINER.split(prefix[: verb.start()].strip()) if item]
    if any(not WORD.search(item) or re.search(r"\d", item) or is_period_phrase(item) for item in items):
        return []  # "Revenue in 2023 and 2024 was": a list of times, not of measures
    if len(items) == count:
        said = prefix[verb.start() :]
        return [f"{item} {said}" for item in items]
    # "posted revenue and net profit of": the list after the verb, before the word that links it to the figures
    tail = LIST_LINK_END.search(prefix, verb.end())
    items = [item for item in LIST_JOINER.split(prefix[verb.end() : tail.start()].strip()) if item] if tail else []
    if len(items) != count:
        return []
    return [f"{prefix[: verb.end()]} {item}{tail.group(0)}" for item in items]


LIST_LINK_END = re.compile(r"\s+(?:of|at|to|worth|totalling|totaling)\s+$", re.I)
