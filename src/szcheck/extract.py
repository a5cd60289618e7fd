"""Extraction: the sentences of a source become claims (entity, metric, value, period, quote)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from .claims import claim_checksum
from .metrics import after_noun, irregular_participles, sector_name, patterns as metric_patterns, clause_before, names_a_bond_yield, quotes_a_market, sector_of_subject, without_record, chinese_compound, compound_words, counted_metric, in_unit_of_figure_before, is_change, is_comparison_window, names_a_change, names_a_measured_change, names_a_level, names_previous_period, is_frequency, says_now, not_a_rate, forecast_said_after, outlook, previous_step, qualifier, revises_an_outlook, spent_on
from .entities import ends_a_route, route_ends, overlaps, spans_of, DATELINE, entity_key, LOCATED, acts, describes_an_entity, opens_a_name, closes_a_name, data_source_spans, entity_candidates, inside, is_partner, names_a_currency, is_compared_with_another, chinese_places, name_spans, saying_verbs, subject_verbs, VERB_AFTER_NAME, clause_start, without_names, without_sub_entity, Named, Scope, figure_entity, kind_of, organisation_mentions, organisation_name, named_things, names_a_things_part, remember, sentence_names, usable, with_referents
from .entities import NOT_A_NAME_OPENING
from .languages import reading_form, vocabulary
from .languages.en import phrases as english_phrases
from .languages.zh import figures as chinese_figures, periods as chinese_periods, phrases as chinese_phrases
from .languages.en.descriptions import description_claims
from .model import UNSPECIFIED, Claim, PeriodMention, Quantity, Source
from .money import currency_table, one_word_names, source_currency
from .reader import read_quantities
from .reader.figures import in_metal_units, names_metal, negated as reader_negated
from .reader.patterns import word_alternation
from .reader.periods import anchored, assign_periods, clause_end, unbound, period_words, without_noun, is_financial_year, is_part_of_year, flow_through, fronted_period, is_now, is_span, last_month, outside, read_periods, step_before, year_before
from .reader.revisions import revision_stage
from .registry import Mention, Registry, find_mentions, load_registry, nationality_adjectives as nationality_words, place_currency
from .sources import SENTENCE_END, Sentence, is_heading, sentences

FRONTED_SPAN = 60  # characters at the start of a sentence that can hold the period it opens with
WINDOW = 300  # characters around a figure that can bear on how it is read; bounds the work on huge sentences


def window(text: str, position: int) -> str:
    """The text just before `position`: at most WINDOW characters."""
    return text[max(0, position - WINDOW) : position]


def local_entity(mention: Mention, subject: str, registry: Registry) -> str:
    """A registry entity named by a common noun ('seed fund', 'government guidance fund') is that
    entity only in an article about its place; elsewhere it is the article's own: 'Hangzhou seed fund'."""
    entity = registry.entities.get(mention.name)
    generic = mention.surface == mention.surface.lower()
    if entity is None or not entity.place or not generic or entity.place == subject:
        return mention.name
    return f"{subject} {' '.join(singular(word) for word in mention.surface.lower().split())}"


def singular(word: str) -> str:
    if word in singular_words():
        return word  # "Texas", "news", "series": an s that makes no plural
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses", "buses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


@functools.cache
def singular_words() -> frozenset[str]:
    from .languages import vocabulary

    return frozenset(word.lower() for word in vocabulary("claims").get("singular_words", []))


def phrase_key(phrase: str, subject: str = "") -> str:
    """A noun phrase as a metric key: lower case, no determiners or possessives, singular words. Given
    the figure's entity, the names of places and organisations go too (the entity is kept apart);
    without it they stay ("share of Guangdong Province's total")."""
    if describes_a_name(phrase):
        return ""
    if subject:
        phrase = without_entity_names(phrase, subject)
    phrase = english_phrases.words()["leading_noise"].sub("", phrase.lower().strip(" ,.-“”\"‘’'"))
    phrase = re.sub(r"[“”\"‘’']", "", phrase).strip(" ,.-")
    return " ".join(singular(word) for word in without_function_words(phrase).split())


LOWER_BEFORE_CAPITAL = re.compile(r"\b[a-z][a-z-]*\s+[A-Z]")


def describes_a_name(phrase: str) -> bool:
    """'the nationalist Homeland Front', 'the centrist Civic Union': words before a name that ends the phrase describe
    the name and name nothing measured ('revenue at Harlow Foods' names revenue: a function word parts them)."""
    phrase = phrase.strip()
    if not LOWER_BEFORE_CAPITAL.search(phrase):
        return False  # no lower-case word before a capitalised one: no name described (and no names sought)
    spans = [span for span in name_spans(phrase) if span[1] == len(phrase)]
    words = phrase[: min(start for start, _ in spans)].split() if spans else []
    words = words[1:] if words and words[0].lower() in ("the", "a", "an") else words
    return 0 < len(words) <= 2 and all(w.islower() and w.isalpha() and not english_phrases.is_function_word(w) and not english_phrases.is_a_verb(w) for w in words)


def without_entity_names(phrase: str, subject: str = "") -> str:
    """The phrase without the places and organisations it names, and without `subject` (or its first
    word, which news uses as its short form: "Nordhavn" for Nordhavn Steel)."""
    kept, end = [], 0
    spans = sorted(name_spans(phrase))
    ends = route_ends(phrase, spans)
    for start, stop in spans:
        if is_partner(phrase, start) and start not in ends:
            continue  # "shipments to the United States": the partner narrows the metric
        if start >= end:
            kept.append(phrase[end:start])
        end = max(end, stop + (2 if phrase[stop : stop + 2] in ("'s", "’s") else 0))
    phrase = "".join(kept) + phrase[end:]
    if not subject:
        return phrase
    first = subject.split()[0]
    known_place = subject in load_registry().entities  # "Hong Kong", "New York": no short form
    short = first if " " in subject and first[:1].isupper() and not known_place else subject  # "Nordhavn" for Nordhavn Steel
    return re.sub(rf"\b(?:{re.escape(subject)}|{re.escape(short)})(?:['’]s)?\b", "", phrase)


def without_function_words(phrase: str) -> str:
    """A Chinese phrase without the function and measure words that end or open it ('全省水平为' -> '全省水平'):
    they are glued to the noun, there being no spaces to tell them apart."""
    from .languages import vocabulary

    vocab = vocabulary("claims")
    ends, starts = tuple(vocab["function_word_ends_zh"]), tuple(vocab["function_word_starts_zh"])
    while phrase.endswith(ends) and len(phrase) > 2:
        phrase = phrase[: -len(next(w for w in ends if phrase.endswith(w)))]
    while phrase.startswith(starts) and len(phrase) > 2:
        phrase = phrase[len(next(w for w in starts if phrase.startswith(w))) :]
    return phrase


CLAUSE_BREAK = re.compile(r"[;:()\[\]—–]|,(?!\d)|\s-\s|\b(?:while|which|whereas|where)\b")
LOCATIVE = re.compile(r"(?:\s+(?:in|of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)+\s*$")

@functools.cache
def reported_clause() -> re.Pattern:
    """'The ministry said it would be ...': what was said is a clause of its own."""
    from .entities import words

    return re.compile(rf"(?:{word_alternation(words()['reporting_verbs'])})(?:\s+that)?\s", re.I)


PHRASE_WORD = re.compile(r"(?:[A-Z]\.){2,}|[\w&'’-]+")  # "U.S." is one word: a name, taken out of the key with the others


GLUED_UNIT = re.compile(r"[\d.,]+-(?P<unit>[a-z]+)")


def glued_to_unit(word: str) -> bool:
    """'1,425-megawatt': a figure glued to a unit word, no part of a noun phrase ('10-year' is a tenor, kept)."""
    glued = GLUED_UNIT.fullmatch(word)
    return glued is not None and glued["unit"] in vocabulary("units")["words"]


@functools.cache
def spelled_numbers() -> frozenset[str]:
    return frozenset(word.lower() for word in vocabulary("figures")["number_words"])


def tail_phrase(text: str, verb_follows: bool = False) -> str:
    """The noun phrase ending just before a figure: 'R&D tax deductions exceeding' -> 'R&D tax deductions'.
    With `verb_follows`, `text` ends before a verb, so its last word is a noun ('The painting' sold for)."""
    last = CLAUSE_BREAK.split(text)[-1]
    whole = reported_clause().split(last)[-1]
    relative = RELATIVE_BEFORE.search(text, 0, len(text) - len(last)) if whole is last else None
    clause = english_phrases.words()["trailing_words"].sub("", whole)
    active = english_phrases.without_passive_verb(clause)  # "Spending by tourists in the city was estimated"
    # after a finite verb the word before it is a noun ("research spending was"), after a participle
    # it may be a verb too ("transfers and licensing exceeding")
    verb_before_figure = verb_follows or active != clause or english_phrases.words()["finite_verb"].search(whole[len(clause.rstrip()) :]) is not None \
        or MODAL_VERB_AT_END.search(clause) is not None  # "Health spending will reach": a verb, so "spending" is a noun
    clause = active
    clause = english_phrases.without_place_nouns(LOCATIVE.sub("", clause))  # "... provided by technology insurance in Shenzhen"
    words = PHRASE_WORD.findall(clause)
    phrase: list[str] = []
    for position, word in reversed(list(enumerate(words))):
        function_word = word.lower() in english_phrases.words()["stop_words"] or english_phrases.is_clause_verb(word) or english_phrases.is_pronoun(word)
        participle = position and not verb_before_figure and word.lower().endswith(("ing", "ed"))
        verb_before_figure = verb_before_figure or not phrase and english_phrases.is_clause_verb(word)  # "spending is expected to": a noun
        before_word = words[position - 1].lower() if position else ""
        # "will absorb": any word after a modal is a verb; after "to" only a verb we know ("Sales to Europe")
        infinitive = before_word in MODAL_VERBS or before_word in INFINITIVE_BEFORE and word.lower() in english_phrases.words()["infinitive_verbs"]
        function_word = function_word or infinitive  # "is expected to reach": the verb, not the thing
        trailing = word.lower() in english_phrases.words()["trailing_word_set"]  # "are still overvalued by"
        if not phrase and is_noun_of_expecting(words, position):
            function_word = False  # "cut its own forecast to": the noun, not the verb "forecast"
        if not phrase and position == len(words) - 1 and word.lower() in outlook_verb_heads():
            break  # "and aims for 5 million": a verb of outlook before its preposition, no noun
        if not phrase and (function_word or participle or trailing or english_phrases.is_period_phrase(word)
                           or is_verb_after_its_subject(words, position)):
            continue  # the verb and prepositions between the phrase and the figure ("Spending" opening the clause is a noun)
        if phrase and is_verb_after_its_subject(words, position):
            if len(phrase) > 1 and phrase[0].lower() in english_phrases.words()["infinitive_verbs"]:
                del phrase[0]  # "the real helped push coffee futures up": the second verb is no part of the thing either
            break  # "Fishermen landed catches worth", "the euro bought": the subject's verb, no part of what is measured
        if phrase and POSSESSIVE.search(word) or OWNER_ENDING.fullmatch(word):
            break  # "The Copenhagen-listed group's EBITDA": the owner is not the thing measured; "last year's total" with its period taken out
        if word.lower() == "and" and phrase and len(phrase) < 5 and (coordinated_after_preposition(words, position)
                                                                    or coordinated_modifier(words, position)):
            phrase.insert(0, word)  # "Prices of food and non-alcoholic drinks": one thing qualifying "prices"
            continue
        spelled = bool(phrase) and word.lower() in spelled_numbers()  # "its five reservoirs hold": a count, no part of the noun
        if function_word or spelled or re.fullmatch(r"[\d.,]+", word) or glued_to_unit(word) or len(phrase) == (8 if "and" in phrase else 6):
            while phrase and position and re.fullmatch(r"[\d.,]+", words[position]):
                position -= 1  # "Occupancy across its 1,250 hotels": a figure (its digit groups) inside the qualifying phrase
            phrase += head_before_preposition(words, position) if phrase else []
            break
        phrase.insert(0, word)
    if relative and phrase and len(phrase) == len(words) and (len(phrase) == 1 or english_phrases.is_clause_verb(phrase[0])):
        return tail_phrase(text[: relative.start()], verb_follows=True)  # "Coal royalties, which brought in": the royalties
    return " ".join(phrase)


MODAL_VERB_AT_END = re.compile(r"\b(?:will|would|could|can|may|might|should|shall|must|is\s+set\s+to|are\s+set\s+to|is\s+due\s+to|are\s+due\s+to)\s+[a-z]+\s*$", re.I)
RELATIVE_BEFORE = re.compile(r",\s*which\s*$")  # a relative clause opens the figure's clause: its first word is its verb
MODAL_VERBS = frozenset({"will", "would", "could", "can", "may", "might", "should", "shall", "must"})
INFINITIVE_BEFORE = MODAL_VERBS | {"to"}


def is_verb_after_its_subject(words: list[str], position: int) -> bool:
    """'Fishermen landed', 'the euro bought', 'A stronger real helped': a verb in the past (in -ed, or an irregular
    one) right after a noun is that noun's verb, not a participle qualifying the noun after it ('its paid
    subscribers', 'seasonally adjusted output', 'Norway's landed catches' keep theirs)."""
    if position == 0:
        return False
    word, before = words[position].lower(), words[position - 1]
    past = word in irregular_participles() or word.endswith("ed") and word not in vocabulary("claims")["not_past_in_ed"]
    return past and word not in english_phrases.words()["adjusted_words"] \
        and (is_content_noun(before) or before.lower() in vocabulary("claims")["perfect_auxiliaries"])


def is_content_noun(word: str) -> bool:
    """A word that can end a subject: not a function word, verb, pronoun, figure, owner or adverb."""
    lower = word.lower()
    return not (english_phrases.is_function_word(word) or english_phrases.is_clause_verb(word) or english_phrases.is_pronoun(word)
                or lower in english_phrases.words()["determiners"] or re.fullmatch(r"[\d.,]+", word) or POSSESSIVE.search(word)
                or lower.endswith(("ly", "ed", "ing")) or "-" in word or lower in spelled_numbers())


def is_noun_of_expecting(words: list[str], position: int) -> bool:
    """'its forecast', 'its own estimate', 'the target': a noun of expecting after a determiner, though
    the word is also a verb."""
    vocab = english_phrases.words()
    return position > 0 and words[position].lower() in vocab["outlook_key_nouns"] \
        and vocab["leading_noise"].fullmatch(words[position - 1].lower() + " ") is not None


def coordinated_modifier(words: list[str], position: int) -> bool:
    """Whether 'and' at `position` joins two modifiers of one head that open the clause ('Solar and wind
    farms generated', 'Lithium battery and new energy industry output'): one or two content words
    before it, at the clause's start."""
    for back in range(position - 1, max(-1, position - 3), -1):
        if english_phrases.is_function_word(words[back]) or english_phrases.is_clause_verb(words[back]) \
                or words[back].lower().endswith("ed") or re.fullmatch(r"[\d.,]+", words[back]):
            return False
        if back == 0:
            return True
    return False


def coordinated_after_preposition(words: list[str], position: int) -> bool:
    """Whether 'and' at `position` joins two nouns after a head's preposition ('Prices of food and
    drinks'): one to three content words before it, then the preposition."""
    for back in range(position - 1, max(-1, position - 5), -1):
        word = words[back].lower()
        if word in english_phrases.words()["head_prepositions"]:
            return back < position - 1 and bool(head_before_preposition(words, back))
        if english_phrases.is_function_word(words[back]) or english_phrases.is_clause_verb(words[back]):
            return False
    return False


POSSESSIVE = re.compile(r"\w['’]s?$")
OWNER_ENDING = re.compile(r"['’]s?")  # what is left of an owner once its words are blanked out


def head_before_preposition(words: list[str], position: int) -> list[str]:
    """'Spending by tourists', 'Data traffic on its network', 'Investment in new plants': the phrase
    after a preposition qualifies the noun before it, which is what is measured. The words of that
    noun (up to three; none when a verb or a function word stands there: 'protection provided by')."""
    if words[position].lower() in english_phrases.words()["determiners"] and position:
        position -= 1  # "on its network"
    if words[position].lower() not in english_phrases.words()["head_prepositions"]:
        return []
    head: list[str] = []
    for word in reversed(words[max(0, position - 3) : position]):
        if english_phrases.is_function_word(word) or word.lower().endswith("ed") or re.fullmatch(r"[\d.,]+", word) or POSSESSIVE.search(word):
            break
        head.insert(0, word)
    if words[position].lower() == "of" and head and head[-1].lower() in english_phrases.words()["part_nouns"]:
        return []  # "share of the market", "the number of visitors": read as a share or a count elsewhere
    if words[position].lower() in opening_head_prepositions() and (not opens_the_clause(words, position - len(head))
                                                                   or f"{head[-1]} {words[position]}".lower() in verb_phrases() if head else True):
        return []  # "aims for growth", "accounted for": a verb's complement, not a noun's qualifier
    return head


@functools.cache
def verb_phrases() -> frozenset[str]:
    """'aims for', 'accounts for': a verb and its preposition, from the outlook and share vocabularies."""
    from .entities import words

    return frozenset(phrase.lower() for table in (*words()["outlook"].values(), words()["share_cues"]) for phrase in table)


@functools.cache
def outlook_verb_heads() -> frozenset[str]:
    """'aims', 'hopes': the verb of an outlook phrase of two words whose second is 'for' or 'to' ('aims for')."""
    from .entities import words

    pairs = [phrase.lower().split() for table in words()["outlook"].values() for phrase in table]
    nouns = set(words()["outlook_nouns"]) | set(words()["outlook_nouns_after"]) | {singular(n) for n in words()["outlook_nouns"]}
    return frozenset(pair[0] for pair in pairs if len(pair) == 2 and pair[1] in ("for", "to") and pair[0] not in nouns
                     and singular(pair[0]) not in nouns)


@functools.cache
def opening_head_prepositions() -> frozenset[str]:
    from .entities import words

    return frozenset(words()["opening_head_prepositions"])


def opens_the_clause(words: list[str], start: int) -> bool:
    """Whether only determiners stand before `start` among a clause's words."""
    return all(word.lower() in english_phrases.words()["determiners"] for word in words[:start])


def antecedent(text: str) -> str:
    """'Manufacturing, which makes up nearly': in a relative clause, what it is said of."""
    opened = english_phrases.relative_clause_start(text)
    return thing(tail_phrase(text[:opened], verb_follows=True)) if opened is not None else ""


def subject_phrase(text: str) -> str:
    """The subject of the clause a figure stands in: the words before its first verb."""
    clause = CLAUSE_BREAK.split(text)[-1]
    verb = english_phrases.words()["clause_verb"].search(clause)
    return tail_phrase(clause[: verb.start()] if verb else clause)


def sentence_subject(text: str) -> str:
    """The subject of the sentence a figure stands in, when its own clause has none: 'Vacancies
    dropped for a third month, falling 31,000 to 723,000'."""
    verb = english_phrases.words()["clause_verb"].search(text)
    subject = thing(tail_phrase(text[: verb.start()], verb_follows=True)) if verb else ""
    return "" if subject.lower() in anaphor_nouns() else subject  # "the city has increased ...": the entity, not a thing


@functools.cache
def anaphor_nouns() -> frozenset[str]:
    """'city', 'company', 'bank': the last words of the phrases that stand for an entity."""
    from .entities import words

    return frozenset(phrase.split()[-1].lower() for phrases in words()["anaphora"].values() for phrase in phrases)


def main_subject(source: Source, registry: Registry) -> str:
    """The place or organisation an article is about: the place in the registry, or else the proper
    name, that its title (three times) and body name most. A registry fund or institute that the
    article mentions in passing does not make it an article about that fund."""
    counts: Counter[str] = Counter()
    known: set[str] = set()  # names found as organisations or places, preferred to a bare capitalised name on a tie
    lead_organisation = ""  # the organisation the lead opens with, which the body's "the operator", "the company" stand for
    body = "\n".join(DATELINE.sub("", line) for line in reading_form(source.body).split("\n"))  # "SHANGHAI, April 2 --" is where, not what
    body = without_data_sources(body)  # "according to the Real Estate Institute": who publishes, not what about
    ordinary = metric_words() | set(re.findall(r"\b[a-z][a-z-]+\b", body))  # "Sales rose ...": a word also written in lower case
    lead_end = lead_paragraph_end(body)
    in_lead: set[str] = set()  # the names counted in the title or the body's first paragraph
    for weight, text in ((3, reading_form(source.title)), (1, body)):
        def count(name: str, amount: float, at: int) -> None:
            counts[name] += amount
            if weight > 1 or at < lead_end:
                in_lead.add(name)

        organisations = things_for_their_parts(text, organisation_mentions(text, registry), registry)
        for organisation in organisations:
            count(organisation.name, weight, organisation.start)
            known.add(organisation.name)
        covering = Covering(organisations)
        for place in chinese_places(text):
            if not covering.holds(place.start, place.end):  # 舟山 in 宁波舟山港 names the port, not the city
                count(place.name, weight, place.start)
        found = find_mentions(text, "entities")
        ends = route_ends(text, [(m.start, m.end) for m in found])
        mentions = [m for m in found if not covering.holds(m.start, m.end) and not LOCATED.match(text, m.end) and m.start not in ends
                    and not names_a_currency(text, m.start, m.end) and not opens_a_name(text, m, registry) and not closes_a_name(text, m, registry)]
        lead_name = lead_name_start(text) if weight == 1 else -1
        described = Covering([Mention(start, end, "", "") for start, end in english_phrases.asides(text)]) if weight == 1 else Covering([])
        for mention in mentions:
            category = registry.entities[mention.name].category
            if mention.start == lead_name and (category in PLACE_CATEGORIES or category in ORGANISATION_CATEGORIES):
                count(mention.name, 2, mention.start)  # "Britain's unemployment rate rose ...": the lead's subject is the story's
                lead_organisation = mention.name if category in ORGANISATION_CATEGORIES else ""
            elif english_phrases.ranked_within(text, mention.start):
                continue  # "still the widest in the European Union": the set it is ranked in, not the subject
            elif category in PLACE_CATEGORIES or category in ORGANISATION_CATEGORIES:
                # "China's Suzhou", "the first in China": a country is mostly the setting, not the subject; so is a
                # place in an aside ("Rivergate Transit, which runs Adelaide's buses, said")
                setting = category == "country" or described.holds(mention.start, mention.end)
                count(mention.name, weight / 2 if setting else weight, mention.start)
        starts = [m.start for m in mentions]
        # a capitalized word opening a sentence may be an ordinary word: it counts for less; in a
        # heading of the body ("## Results for 2023") it names no one
        for match in re.finditer(r"\b[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)*", without_headings(text) if weight == 1 else text):
            inside = bisect.bisect_right(starts, match.start())
            words = match.group(0).split()
            if len(words) == 1 and words[0] in organisation_heads():
                continue  # "Airlines", "Bank" alone name no one
            while words and (any(part in registry.not_names for part in words[0].split("-"))
                             or (len(words) == 1 and (words[0].lower() in ordinary or english_phrases.is_common_noun(words[0])
                                                      or english_phrases.is_plural_thing(words[0].lower(), ordinary)))
                             or words[0] in lettered_currency_signs()  # "Rs 6,212 crore" names no one
                             or len(words) > 1 and is_descriptor(words[0])):  # "Chipmaker Korvane Systems said"
                words.pop(0)  # "Why Suzhou matters" names Suzhou
            if not words or (inside and mentions[inside - 1].end > match.start()) or covering.holds(match.start(), match.start() + 1) \
                    or match.start() in ends:
                continue
            if saying_verb_after(text, match.end()) and match.start() != lead_name or LOCATED.match(text, match.end()):
                continue  # "..., chief executive Mark Rees said": a person quoted ("Toyota said ..." opening the lead is its subject); "the Hamburg-based": where it is
            opens_sentence = re.search(r"(?:^|[.!?]\s+)$", text[max(0, match.start() - 3) : match.start()]) is not None
            if len(words) == 1 and words[0].lower() in nationality_words():
                continue  # "as European demand stays weak": an adjective, counted as its place where it names one
            single = len(words) == 1 == len(match.group(0).split())  # "Sales rose": perhaps an ordinary word; "Nordhavn Steel" is a name
            count(" ".join(words), weight / 2 if opens_sentence and single else weight, match.start())
            if match.start() == lead_name and (len(words) > 1 or not opens_sentence or saying_verb_after(text, match.end())):
                counts[" ".join(words)] += 2  # "Arbor Stores, the German grocer, said ...": the lead's subject
                lead_organisation = " ".join(words)
            if len(words) > 1:
                count(words[0], weight / 2, match.start())  # "Suzhou Industrial Park", "Hangzhou Innovation Fund" also name the place
    if lead_organisation:
        counts[lead_organisation] += len(organisation_anaphora().findall(body))  # "The operator plans to add 40 buses"
    national = national_scopes(body)
    if national:
        counts[national[0]] += national[1]  # '10月份，全国居民消费价格…': a national release is about the country
    if not counts:
        written = reading_form(source.title) + " " + body
        # "U.S.-listed bitcoin funds" in a story that names no one else: where the funds trade, not what it is about
        found = find_mentions(written, "entities")
        named = [m for m in found if not LOCATED.match(written, m.end)]
        if found and not named:
            return ""
        return named[0].name if named else chinese_title_name(reading_form(source.title), source.published) or source.id
    written = reading_form(source.title) + "\n" + body
    first_written = {name: written.find(name) % (len(written) + 1) for name in counts}  # not found: after the end
    # on a tie, the name written first: the lead's, not the one a later paragraph compares it with
    subject = max(counts.items(), key=lambda item: (item[1], item[0] in registry.entities or item[0] in known, -first_written[item[0]]))[0]
    if counts[subject] <= 1 and subject not in in_lead:
        return ""  # a market's weekly report that names a port in its fourth paragraph is not about the port
    return fullest_spelling(subject, counts, registry)


def is_descriptor(word: str) -> bool:
    """'Chipmaker', 'Carmaker' before a name: what kind of organisation it is (a noun that stands for one, 'the
    chipmaker'), no part of its name; a head that names one ('Bank' of Bank Negara) stays."""
    return word.lower() in anaphor_heads(("organisation",)) and word not in organisation_heads()


def things_for_their_parts(text: str, organisations: list, registry: Registry) -> list:
    """The organisations named in `text`, but that one whose name opens a named thing's ('the Dogger Bank
    offshore wind farm') stands for the thing."""
    things = named_things(text, registry) if organisations else []
    parts = [o for o in organisations if names_a_things_part(text, o, things)]
    if not parts:
        return organisations
    kept = [o for o in organisations if o not in parts]
    return sorted(kept + [t for t in things if any(t.start < o.end < t.end for o in parts)], key=lambda n: n.start)


def lead_paragraph_end(body: str) -> int:
    """Where the body's first paragraph of text ends (its length when it has one paragraph)."""
    opened = re.search(r"\S", body)
    end = body.find("\n\n", opened.start()) if opened else -1
    return end if end >= 0 else len(body)


@functools.cache
def organisation_anaphora() -> re.Pattern:
    """'the operator', 'the company': the phrases that stand for an organisation named before them."""
    from .entities import words

    return re.compile(rf"\b(?:{word_alternation(words()['anaphora']['organisation'])})\b", re.I)


NATIONAL_SCOPE = re.compile(r"(?:^|(?<=[，。；：\n]))(?:全国|我国)")


def national_scopes(body: str) -> tuple[str, int] | None:
    """(the country, how many clauses open with 全国 / 我国) in a Chinese body: its figures are the
    country's ('春运期间，全国铁路累计发送旅客…'); after 高于, 居 or 比 (高于全国) it is only compared with."""
    count = len(NATIONAL_SCOPE.findall(body)) if "国" in body else 0
    country = find_mentions("中国", "entities") if count else []
    return (country[0].name, count) if country else None


def fullest_spelling(subject: str, counts: Counter[str], registry: Registry) -> str:
    """'Halden Insurance' in a title and 'Halden Insurance Group' in the lead are one company: it is named as
    the article writes it in full, so that a source that only writes the full name keys its figures the same."""
    if subject in registry.entities:
        return subject
    key = entity_key(subject)
    spellings = [name for name in counts if name.startswith(subject) and entity_key(name) == key]
    return max(spellings, key=len, default=subject)


def rates_of_a_base_undone(text: str, read: list[Quantity], quantities: list[Quantity]) -> list[Quantity]:
    """'grew to 312 vessels at the end of June from 298 a year earlier': the 'a year' of the base is a time, not a
    unit ('per year'), and so is the one the figure before it took from it, which writes no unit of its own."""
    undone = {r.per for r, q in zip(read, quantities) if r.kind == "rate" and q.kind != "rate"}
    if not undone:
        return quantities
    return [replace(q, kind="count" if q.unit == "count" else "amount", per=None)
            if q.kind == "rate" and q.per in undone and not PER_WRITTEN.match(text, after_noun(text, q)) else q for q in quantities]


PER_WRITTEN = re.compile(r"\s*(?:a|an|per|each|every)\s+\w|\s*/", re.I)


def local_currency(subject: str, opening: str = "") -> str:
    """The currency of the place a source is about, for the signs several currencies share ('kr' in a story about Oslo
    is NOK, '¥' in one about Osaka JPY, 'pesos' in one about Santiago CLP); '$' and 'dollars' stay the US dollar's:
    English news writes a local dollar with its mark ('C$', 'A$')."""
    from .reader.figures import PlaceCurrency

    found = place_currency(subject) or first_place_currency(opening)
    return PlaceCurrency(found) if found else ""


def first_place_currency(opening: str) -> str:
    """The currency of the first place the opening of a source names that has one: the home of an organisation
    the registry does not place ('Fjordline Bank ... in Oslo': NOK; 'the Japanese carmaker': JPY)."""
    for mention in find_mentions(opening, "entities"):
        code = place_currency(mention.name)
        if code:
            return code
    return ""


CURRENCY_OPENING = 1500  # characters of a source where the place its organisation is at is named


def named_currency(quantities: list[Quantity]) -> str:
    """The first currency a source names unambiguously ('Norwegian crowns', 'A$', 'yuan'): what the
    source's ambiguous signs and words after it ('crowns', '$') mean, when it can be one of theirs."""
    from .money import currency_table

    return next((q.unit for q in quantities if q.kind == "amount" and not q.currency_from and q.unit in currency_table()), "")


def chinese_title_name(title: str, published) -> str:
    """'蔚来三季度交付量增长12%' -> '蔚来': a Chinese title that names no known place or organisation opens
    with its subject, before the first period, metric or number it states (two to six characters)."""
    if not chinese_phrases.is_chinese(title[:2]):
        return ""
    ends = [m.start for m in read_periods(title, published)] + [m.start for m in find_mentions(title, "metrics")]
    ends += [m.start() for m in DIGIT_OR_MARK.finditer(title)]
    ends += [at for at in (title.find(word) for word in chinese_phrases.vocabulary("claims")["title_name_ends_zh"]) if at > 0]
    name = title[: min(ends, default=0)].strip()
    return name if HAN_NAME.fullmatch(name) else ""


DIGIT_OR_MARK = re.compile(r"[\d０-９，。：；、！？,.:;!?\s]")
HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}")


@functools.cache
def lettered_currency_signs() -> frozenset[str]:
    """Currency signs written as a capitalised word before a number: 'Rs', 'Rp', 'Kr'."""
    from .reader.figures import currencies

    return frozenset(sign for sign in currencies().signs if sign.isalpha())


def without_data_sources(text: str) -> str:
    """The text with its data sources ('according to the Real Estate Institute', '国铁集团消息') blanked
    out, but for the places they name: '河南省统计局发布数据' publishes about Henan."""
    from .entities import data_source_spans

    pieces, at = [], 0
    for start, end in sorted(data_source_spans(text)):
        start = max(start, at)
        pieces += [text[at:start], places_only(text[start:end])] if end > start else []
        at = max(at, end)
    return "".join(pieces) + text[at:]


def places_only(text: str) -> str:
    """`text` blanked out but for the places it names (offsets kept)."""
    registry = load_registry()
    kept = [" "] * len(text)
    for mention in find_mentions(text, "entities"):
        if registry.entities[mention.name].category in PLACE_CATEGORIES:
            kept[mention.start : mention.end] = text[mention.start : mention.end]
    return "".join(kept)


def lead_name_start(body: str) -> int:
    """Where the first name of an article's first sentence starts, when it stands in the sentence's
    subject ('Britain's unemployment rate rose', 'The Bank of England cut'); -1 if none does."""
    body = without_headings(body)
    lead = SENTENCE_END.split(body.lstrip(), maxsplit=1)[0]
    start = len(body) - len(body.lstrip())
    appositive = NAME_AFTER_DESCRIPTION.search(lead) if ", " in lead else None
    if appositive and describes_what_follows(lead, appositive.start("name") - 2) and does_or_says(lead, appositive.end("name") + 1):
        return start + appositive.start("name")  # "India's biggest carmaker, Maruti Suzuki, sold ..."
    verb = english_phrases.words()["clause_verb"].search(lead)
    name = LEAD_NAME.search(lead, 0, verb.start() if verb else 0)
    return start + name.start("name") if name else -1


# the subject's first name, also after its head noun ("The annual pace of housing starts in Canada fell")
LEAD_NAME = re.compile(r"^(?:(?:The|A|An|In)\s+)?(?:[a-z][\w-]*\s+){0,8}?(?P<name>[A-Z])")


class Covering:
    """Is a span inside one of some spans (which may overlap)? One bisection, not a loop over them all:
    an article's subject is counted over every name of its body."""

    def __init__(self, spans):
        ordered = sorted(spans, key=lambda span: span.start)
        self.starts = [span.start for span in ordered]
        self.reach = list(itertools.accumulate((span.end for span in ordered), max))  # the furthest end so far

    def holds(self, start: int, end: int) -> bool:
        at = bisect.bisect_right(self.starts, start)
        return at > 0 and self.reach[at - 1] >= end


PLACE_CATEGORIES = ("city", "province", "country", "region")
ORGANISATION_CATEGORIES = ("company", "international organization", "central bank")  # registry organisations an article is about (a fund named in passing is not)


def saying_verb_after(text: str, end: int) -> bool:
    following = re.match(r"\s+([a-z]+)", text[end : end + 20])
    return following is not None and following.group(1) in saying_verbs()


def without_headings(body: str) -> str:
    """The body with its heading lines blanked out (offsets kept)."""
    return "\n".join(" " * len(line) if line.lstrip().startswith("#") else line for line in body.split("\n"))


@functools.cache
def metric_words() -> frozenset[str]:
    """The words of the registry's metric names, of the things they count and of the qualifiers that
    narrow them ('sales', 'revenue', 'visitors', 'vehicles', 'inbound'): never a proper name alone."""
    from .entities import words

    written = [alias for metric in load_registry().metrics.values() for alias in metric.aliases + metric.nouns]
    return frozenset(word for phrase in written + words()["qualifiers_before"] for word in re.findall(r"[a-z][a-z-]+", phrase.lower()))


@functools.cache
def organisation_heads() -> frozenset[str]:
    from .entities import words

    return frozenset(words()["organisation_heads"])


@functools.lru_cache(maxsize=1024)
def section_entity(heading: str) -> str:
    for mention in find_mentions(heading, "entities"):
        if mention.end - mention.start >= len(heading.strip(" “”\"")) - 2:
            return mention.name
    return heading.strip(" “”\"")


OPENING_NAME = re.compile(  # matched where the sentence starts after its dateline
    r"(?P<name>[A-Z][\w&.-]*(?:\s+(?:&\s+)?[A-Z][\w&.-]*){0,4})(?=['’]s\s|(?<=s)['’]\s|,\s+(?:headquartered|based|founded|established|a|an|the|which|one|its|their)\b"
    r"|,\s+[A-Z][\w-]*['’]s\s"  # "Fairway, Britain's fourth-largest grocer, said": a possessive appositive describes the name
    r"|,\s+(?:however|meanwhile|by\s+contrast|in\s+contrast|by\s+comparison|for\s+its\s+part|too),\s"  # "Braga, by contrast, saw"
    r"|(?:\s+(?:on|last|this|earlier|late)\s+[A-Za-z]+|\s+(?:yesterday|today))?\s+(?P<verb>[a-z]+)\b)"
)  # a time between a name and its verb ("X on Tuesday reported", "X last week said") leaves it the subject
INNER_NAME = re.compile(r"(?<=[a-z,;] )(?P<name>[A-Z][a-z][\w&-]*(?:\s+(?:&\s+)?[A-Z][\w&-]*){0,3})"
                        r"(?=['’]s\s|(?<=s)['’]\s|(?:\s+(?:on|last|this|earlier|late)\s+[A-Za-z]+)?\s+(?P<verb>[a-z]+)\b)")


def opening_name(text: str, registry: Registry) -> Mention | None:
    """A company or body that opens the sentence as its subject and that the registry does not know:
    'Alibaba, headquartered in Hangzhou, reported ...', 'BYD's sales ...', 'Tencent posted ...'."""
    dateline = DATELINE.match(text)  # "LONDON, Jan 9 - Fairway said ...": the sentence opens after it
    match = OPENING_NAME.match(text, dateline.end() if dateline else 0)
    if not match or (match["verb"] and match["verb"] not in subject_verbs()):
        return None
    if " " not in match["name"] and defines_a_measure().match(text, match.end("name")):
        return None  # "Churn, the share of subscribers who cancel, fell to 2.3%": a measure defined, not a name
    if " " not in match["name"] and match["verb"] in saying_verbs() and english_phrases.names_actors(match["name"].lower()):
        return None  # "Organisers said 38% of ...", "Campaigners say": people quoted, a source, not what the figure is about
    return unknown_name(match, registry)


@functools.cache
def defines_a_measure() -> re.Pattern:
    """', the share of', ', a measure of': an appositive that defines what a word opening its sentence measures."""
    from .entities import words

    nouns = word_alternation([*words()["part_nouns"], *words()["measure_nouns"]])
    return re.compile(rf",\s+(?:the|an?)\s+(?:{nouns})\s+(?:of|for)\b", re.I)


def inner_names(text: str, registry: Registry) -> list[Mention]:
    """Companies or bodies the registry does not know named as the subject of a later clause, before
    a verb of doing (not of saying: 'Smith said' names a source) or with a possessive: 'Shares of
    Nvidia rose', 'after Netflix added 13.1 million subscribers', 'while Ford's sales ...'; and a name
    set off by commas after the phrase that opens its sentence and describes it: 'India's biggest
    carmaker, Maruti Suzuki, sold ...'."""
    found = []
    for match in INNER_NAME.finditer(text):
        if match["verb"] and not acts(text, match.end("name")) or inside_a_name(text, match.start("name")):
            continue
        if (mention := unknown_name(match, registry)) is not None:
            found.append(replace(mention, start=match.start("name"), end=match.end("name")))
    appositive = NAME_AFTER_DESCRIPTION.search(text) if ", " in text else None
    if appositive and does_or_says(text, appositive.end("name") + 1) and describes_what_follows(text, appositive.start("name") - 2):
        if (mention := unknown_name(appositive, registry)) is not None:
            found.append(replace(mention, start=appositive.start("name"), end=appositive.end("name")))
    return found


def inside_a_name(text: str, start: int) -> bool:
    """'Halvard Cruises lifted': a capitalised word right after another (no comma between) goes on that
    name, it opens none of its own ('The Wilsons River peaked': an opening article is no name)."""
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before[1][:1].isupper() and before[1] not in NOT_A_NAME_OPENING


WORD_BEFORE = re.compile(r"([\w&'’.-]+) $")
NAME_AFTER_DESCRIPTION = re.compile(r"(?<=, )(?P<name>[A-Z][\w&-]*(?:\s+(?:&\s+)?[A-Z][\w&-]*){0,3}),(?=\s+[a-z]+\b)")


def does_or_says(text: str, end: int) -> bool:
    """Whether the word after `end` is a verb a subject has ('sold', 'reported', 'said')."""
    verb = VERB_AFTER_NAME.match(text, end)
    return verb is not None and (verb.group(1) in subject_verbs() or verb.group(1).endswith("ed"))


def describes_what_follows(text: str, comma: int) -> bool:
    """Whether the words before `comma` open the sentence (after its dateline) as a phrase with no verb, so that
    they describe the name after the comma: 'India's biggest carmaker', 'The country's largest lender'."""
    dateline = DATELINE.match(text)
    opening = text[dateline.end() if dateline else 0 : comma]
    return 0 < len(opening) < 80 and "," not in opening and english_phrases.words()["clause_verb"].search(opening) is None


def unknown_name(match: re.Match, registry: Registry) -> Mention | None:
    name = match.group("name")
    first = name.split()[0]
    if first in registry.not_names or placed_name(name, registry) or first.lower() in nationality_words() \
            or find_mentions(name, "metrics") or name.lower() in metric_words() or english_phrases.is_plural_thing(name.lower(), metric_words()):
        return None  # "Exports rose ...", "GDP grew ...": a metric opening the sentence
    if names_an_index(name):
        return None  # "the Nasdaq Composite added 0.9%": the index is the figure's metric, not its entity
    if " " not in name and (name.endswith("ly") or english_phrases.is_common_noun(name)):
        return None  # "Financially, the city ...", "Manufacturing grew ...": an adverb or a common noun, not a name
    return Mention(match.start("name"), match.end("name"), organisation_name(name), name)


def names_an_index(name: str) -> bool:
    from .entities import words

    return name.split()[-1] in words()["index_heads"] or name in words()["index_names"]


def placed_name(name: str, registry: Registry) -> bool:
    """Whether a capitalised run names a registry entity or place, unless the place opens a company's name or
    closes one of two words or more ('Vesta Foods Ireland', 'Orion Bank Asia': a company's arm in that place)."""
    return any(not opens_a_name(name, mention, registry) and not closes_a_name(name, mention, registry) for mention in find_mentions(name, "entities"))


def named_in(text: str, subject: str, registry: Registry) -> list[Named]:
    """The entities a sentence names (see szcheck.entities), with the companies it names as a clause's
    subject that neither the registry nor the name patterns know."""
    sources = data_source_spans(text)
    names = sentence_names(text, registry, lambda mention: local_entity(mention, subject, registry), sources)
    opening = opening_name(text, registry)
    for found in ([opening] if opening else []) + inner_names(text, registry):
        if not any(n.start < found.end and found.start < n.end for n in names) and not inside(sources, found.start, found.end):
            names.append(Named(found.start, found.end, short_for(found.name, subject), "organisation"))
    names += chinese_short_names(text, subject, names, registry)
    return sorted(names, key=lambda n: n.start)


def chinese_short_names(text: str, subject: str, names: list[Named], registry: Registry) -> list[Named]:
    """'江南精密股价' in an article about 江南精密机械, '晶邦營收' in one about 晶邦科技: the first half or more
    of a Chinese company's name, written alone, is the company (a registry name, such as 中国 of
    中国银行, keeps its own)."""
    if not HAN_COMPANY.fullmatch(subject) or subject in registry.entities or not chinese_phrases.is_chinese(text):
        return []
    found: list[Named] = []
    for length in range(len(subject) - 1, max(2, (len(subject) + 1) // 2) - 1, -1):
        short = subject[:length]
        if find_mentions(short, "entities"):
            break
        taken = spans_of(names + found)  # once for each length: a bisection for each match
        found += [Named(m.start(), m.end(), subject, "organisation") for m in re.finditer(re.escape(short), text)
                  if not overlaps(taken, m.start(), m.end())]
    return found


HAN_COMPANY = re.compile(r"[\u4e00-\u9fff]{4,10}")


def short_for(name: str, subject: str) -> str:
    """'Hanbit' in an article about Hanbit Electronics: the first words of the subject's name, or its head, are the subject."""
    written, full = name.split(), subject.split()
    if len(written) < len(full) and full[: len(written)] == written:
        return subject
    # "the Alliance" in an article about the Centre Alliance, "the Bank" about Meridian Bank: the head alone
    return subject if len(written) == 1 < len(full) and full[-1] == written[0] and written[0] in organisation_heads() else name


APPOSITIVE_NAME = re.compile(r"([A-Z][\w'’&-]*(?:\s+(?:of\s+)?[A-Z][\w'’&()-]*)+),\s+an?\s+$")


def size_of(text: str, quantity: Quantity, registry: Registry, subject: str) -> tuple[str, str] | None:
    """(metric, entity) when a money figure is the size of a thing: 'a 2 billion yuan seed fund',
    'angel mother funds at the 10-billion-yuan level', 'the Hangzhou Innovation Fund, a 10-billion-yuan fund';
    in Chinese an order of magnitude before a noun (千亿级产业基金, 百亿级企业, 万亿级产业集群) is the size of
    each such thing, never a total of the subject's (entity '' keeps the figure's own)."""
    sized = chinese_phrases.sized_noun(text, quantity.end) if quantity.qualifier == "level" else ""
    if sized:
        head = next((noun for noun in registry.size_nouns if sized.endswith(noun) and not noun.isascii()), None)
        return (registry.size_nouns[head], sized) if head else (f"{sized} size", "")
    if quantity.kind != "amount":
        return None
    if quantity.measure and quantity.noun and re.search(r"[\w]-[a-z]", quantity.surface):
        sized = itertools.takewhile(lambda word: word.lower() not in english_phrases.words()["measure_verbs"] and not english_phrases.is_a_verb(word),
                                    quantity.noun.split())  # "the 1,425-megawatt project sent power ashore": the project
        name = vocabulary("claims").get("glued_measure_names", {}).get(quantity.unit, "size")  # 'a 1,425-megawatt wind farm': its capacity
        return f"{phrase_key(' '.join(sized))} {name}", ""  # 'per forty-foot container', 'a 10-tonne truck': the size of each such thing
    phrase = quantity.noun or ""
    if not (phrase and phrase.split()[-1].lower() in registry.size_nouns):
        match = re.search(r"([\w\s-]{0,60}?)\s+at\s+the\s+$", text[max(0, quantity.start - 80) : quantity.start])
        phrase = match.group(1) if match else ""
        if not phrase or phrase.split()[-1].lower() not in registry.size_nouns:
            return None
    metric = registry.size_nouns[phrase.split()[-1].lower()]
    named = APPOSITIVE_NAME.search(text[max(0, quantity.start - 120) : quantity.start])
    if named:
        return metric, re.sub(r"^(?:The|A|An)\s+", "", named.group(1))
    entities = find_mentions(phrase, "entities")
    if entities and entities[-1].end >= len(phrase.rstrip()) - 1:
        return metric, local_entity(entities[-1], subject, registry)
    if all(word[:1].isupper() for word in phrase.split()):
        return metric, phrase  # a name of its own: "the Hefei Future Industry Fund", not Hefei
    if entities:
        return metric, local_entity(entities[-1], subject, registry)
    return metric, " ".join(singular(w) for w in phrase.split()[-4:])


def is_compatible(metric_unit: str, quantity: Quantity) -> bool:
    if quantity.measure:  # a physical quantity: the metric names its reference unit ("kilogram")
        return metric_unit == quantity.unit
    if quantity.kind == "amount":
        return metric_unit == "money"
    if quantity.kind == "share":
        return metric_unit == "percent"
    return metric_unit == quantity.kind


@dataclass
class Binding:
    metric: str
    match: str  # registry | phrase
    at: Mention | None = None  # where the sentence names it


def change_of(text: str, quantity: Quantity) -> re.Match | None:
    """'a 2% fall in', 'a 30% year-on-year growth in': a change noun after the rate, before what changed."""
    return english_phrases.words()["change_of"].match(text, quantity.end)


MODIFIERS_BEFORE_NAME = re.compile(r"(?:(?!of\b)[\w'’-]+\s+){0,2}")


def bind_growth(text: str, quantity: Quantity, mentions: list[Mention], preceding: range) -> Binding | None:
    """'a 30% growth in IP pledge financing', 'a 2% fall in quarterly revenue', or else the metric named
    last before the rate, unless the rate's clause has a subject of its own ('Revenue rose 8%, while
    fuel costs fell 3%')."""
    after = change_of(text, quantity)
    following = [m for m in mentions if after and m.start >= after.end() and MODIFIERS_BEFORE_NAME.fullmatch(text, after.end(), m.start)]
    chosen = following[0] if following else (mentions[preceding[-1]] if preceding else None)
    if chosen and not following and chosen.surface.isascii() and has_own_subject(text, chosen.start, quantity):
        return None
    if after and not following and names_its_change_after(text, quantity):
        return None  # "beating a 0.4% gain in the benchmark KOSPI index": the index's, said after the rate
    return Binding(f"{chosen.name}.growth", "registry", chosen) if chosen else None


def has_own_subject(text: str, after: int, quantity: Quantity) -> bool:
    """Whether the English clause of `quantity` starts after position `after` and opens with a noun
    phrase of its own ('..., while fuel costs fell 3%')."""
    start = clause_start(text, quantity.start)
    return start > after and bool(english_phrases.opening_noun_phrase(text[start : quantity.start]))


def grows_the_figure_before(text: str, quantities: list[Quantity], index: int, mentions: list[Mention], preceding: range) -> bool:
    """'实现利润总额560.3亿元，增长11.2%': a rate right after a level that no registry name after the
    last one states is that level's growth, not the growth of the metric named before it."""
    previous, quantity = quantities[index - 1], quantities[index]
    if names_its_own(text, previous, quantity):
        return False  # "... to £1.9 billion, while fuel costs fell 3%": another subject's rate
    return previous.kind in ("amount", "count") and (not preceding or mentions[preceding[-1]].end <= previous.start) \
        and not named_between(mentions, previous.end, quantity.start)


def of_a_part(text: str, quantity: Quantity, binding: Binding) -> Binding:
    """'Data-center revenue jumped 61% to $8.1 billion, while its PC business grew 4%': a part of the organisation
    named between a narrowed metric and the figure is the figure's subject, with its own whole metric (the part is
    the figure's entity), not the narrowed one."""
    if binding.at is None or ":" not in binding.metric or not names_a_part_between(text, binding.at.end, quantity.start):
        return binding
    return Binding(re.sub(r":[^.]*", "", binding.metric), binding.match, binding.at)


def names_a_part_between(text: str, start: int, end: int) -> bool:
    """Whether the clause the figure at `end` sits in opens after `start` (not the metric's own clause: 'revenue at its
    cloud unit') and has a part of the organisation in it."""
    opened = clause_start(text, end)
    return opened > start and any(singular(word.lower()) in organisation_part_nouns() for word in re.findall(r"[A-Za-z]+", text[opened:end]))


def named_between(mentions: list[Mention], start: int, end: int) -> bool:
    """Whether a mention (sorted by start) starts in [start, end)."""
    first = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    return first < len(mentions) and mentions[first].start < end


def growth_of(binding: "Binding") -> Binding:
    if binding.match == "registry":
        base = binding.metric.split(".")[0]
        return Binding(f"{base}.growth", "registry", binding.at)
    if english_phrases.ends_in_growth_noun(binding.metric):
        return binding  # 'aims for growth of 8%', 'expects sales growth of 4%': growth already
    level = binding.metric.removesuffix(" change")  # '比上年增加221.8亿斤，增长1.6%': the level's growth, not the change's
    return Binding(f"{level} growth" if level else "", "phrase")


CAPITALIZED = re.compile(r"[A-Z][\w&'’.-]*")


def names_another_subject(text: str, quantity: Quantity, entity: str) -> bool:
    """'On Wall Street, the S&P 500 gained 0.6%': a name other than the place's, after its clause's first
    word, says what grew (an index, a company), not the place's economy."""
    clause = clause_before(text, quantity.start).replace(entity, " ")
    return any(found.start() > 0 and found.group(0) not in ("I",) for found in CAPITALIZED.finditer(clause.lstrip()))


def of_the_economy(binding: Binding, text: str, entity: str, quantity: Quantity, registry: Registry, claims: list[Claim] = ()) -> Binding:
    """'growth accelerated to 7.55%', 'contributed 1.35 trillion yuan of the province's output', 'produced
    36% of the province's output': a place's growth or output, with nothing else named, is its economy's; but
    not after the sentence named what grew for another ('Sydney values rose 0.2%, while Brisbane gained 1.1%')."""
    if kind_of(entity, registry) == "organisation":
        return binding
    economy, outputs = english_phrases.words()["economy_metric"], english_phrases.words()["output_nouns"]
    whole, _, base = binding.metric.partition(".share of ")
    if (whole == economy and base in outputs) or (quantity.kind == "share" and binding.metric.removeprefix("share of ") in outputs):
        return Binding(f"{economy}.share", "registry", binding.at)  # "The city accounted for 36.7% of the province's output"
    if binding.match != "phrase":
        return binding
    if quantity.kind == "growth" and not binding.metric and not names_another_subject(text, quantity, entity):
        other = next((c for c in reversed(claims) if c.kind == "growth" and c.entity != entity), None)
        if other is not None and other.metric and not other.metric.startswith(economy):
            return Binding(other.metric, other.metric_match, binding.at)  # the same measure, of another place
        return Binding(f"{economy}.growth", "registry", binding.at)  # "Sichuan province as a whole grew 5.7%"
    if quantity.kind == "growth" and binding.metric.removesuffix(" growth") in chinese_phrases.words()["economy_nouns"]:
        return Binding(f"{economy}.growth", "registry", binding.at)
    if english_phrases.is_growth_noun(binding.metric) or english_phrases.is_a_places_growth(binding.metric, entity):
        return Binding(f"{economy}.growth", "registry", binding.at)
    if binding.metric in outputs and quantity.kind == "amount" and not quantity.measure:  # "Iraqi output slipped to 4.1 million bpd" is oil
        return Binding(economy, "registry", binding.at)
    return binding


def bind_share(text: str, quantity: Quantity, mentions: list[Mention], preceding: range, registry: Registry) -> Binding | None:
    """'R&D intensity reached 6.46%' names a percent metric; 'R&D spending ... 6.46 percent of GDP'
    is the registry's share of an amount metric in its base, when it has one."""
    percents = [i for i in preceding if registry.metrics[mentions[i].name].unit == "percent"]
    if percents and names_its_own_noun(text, quantity, mentions[percents[-1]]):
        percents = []  # '不良贷款率为0.86%；拨备覆盖率为398.5%': the second rate is the coverage ratio's
    amounts = [i for i in preceding if registry.metrics[mentions[i].name].unit in ("money", "count") and not is_share_base(text, mentions[i])]
    if percents and (not amounts or percents[-1] > amounts[-1] or not quantity.base):
        return Binding(mentions[percents[-1]].name, "registry", mentions[percents[-1]])
    if amounts and not quantity.base and english_phrases.names_a_growth(text, mentions[amounts[-1]].start, mentions[amounts[-1]].end):
        return Binding(f"{mentions[amounts[-1]].name}.growth", "registry", mentions[amounts[-1]])  # "economic growth slowed to 4.6%"
    if amounts and quantity.base:
        metric = share_metric(mentions[amounts[-1]].name, quantity.base, registry)
        # a share of a narrowed metric is narrowed too ("exports of machinery ... 41% of the total")
        return Binding(metric, "registry", mentions[amounts[-1]] if ".share" in metric else None)
    return None


def names_its_own_noun(text: str, quantity: Quantity, mention: Mention) -> bool:
    """A Chinese figure whose own clause, after the clause of the registry name before it, names a noun
    phrase of its own ('；拨备覆盖率为398.5%'): the figure is that noun's, not the earlier name's."""
    start = clause_start(text, quantity.start)
    if mention.end > start or not chinese_phrases.is_chinese(text[start : quantity.start]):
        return False
    if is_own_noun(chinese_phrases.noun_before(text[start : quantity.start])):
        return True
    # '工业增加值增长8.3%，工程机械产业营业收入连续6年位居全国首位，上半年达到685.2亿元': a clause between them names
    # a subject of its own, which the figure's clause goes on about
    between = CLAUSE_OF.split(text[mention.end : start])[1:]
    return any(is_own_noun(chinese_phrases.noun_before(DIGIT_ON.split(clause, 1)[0])) for clause in between if clause)


DIGIT_ON = re.compile(r"[0-9０-９]")


def is_own_noun(noun: str) -> bool:
    return bool(noun) and not chinese_phrases.is_neutral_head(noun)  # '，总量3842.6亿元': the earlier name's level


def bind_amount(text: str, quantities: list[Quantity], index: int, mentions: list[Mention], preceding: range,
                bound: dict[int, int], registry: Registry) -> Binding | None:
    """A count names its own metric ('25,000 national high-tech enterprises'); an amount takes the
    metric named last before it, unless that metric already has its figure."""
    quantity = quantities[index]
    following = object_named(text, quantity, mentions, registry)
    if following is not None:
        bound[following] = index
        return Binding(mentions[following].name, "registry", mentions[following])
    # the noun names a metric only as a whole: '973 seed-stage and early-stage high-tech enterprises' are not all of them
    named = [m for m in find_mentions(quantity.noun or "", "metrics") if not compound_words((quantity.noun or "")[: m.start])]
    if named and is_compatible(registry.metrics[named[0].name].unit, quantity):
        noun_start = text.find(quantity.noun or "", quantity.end)
        noun_end = noun_start + len(quantity.noun or "") if noun_start >= 0 else len(text)
        # the noun's own mention is spent; a later one ('taking its headcount to 317,200') names the next figure
        bound.update({i: index for i, m in enumerate(mentions) if quantity.end <= m.start < noun_end and m.name == named[0].name})
        at = replace(named[0], start=noun_start + named[0].start, end=noun_start + named[0].end) if noun_start >= 0 else None
        return Binding(named[0].name, "registry", at)  # "205家境内上市公司": the qualifier stands before the noun
    counted = counted_metric(text, quantity, registry) if quantity.kind in ("count", "rate") else None
    if quantity.noun and quantity.kind in ("count", "rate", "duration"):
        # a count of a named thing counts that thing, unless its clause names the metric ("cargo throughput
        # reached 1.37 billion tonnes") or the thing is one a registry metric counts ("delivered 96,000 vehicles")
        start = clause_start(text, quantity.start)
        preceding = [i for i in preceding if mentions[i].start >= start and is_compatible(registry.metrics[mentions[i].name].unit, quantity)]
        if not preceding:
            return Binding(with_noun_qualifier(counted[0], quantity.noun), "registry", counted[1]) if counted else None
    for i in reversed(preceding):
        metric = registry.metrics[mentions[i].name]
        if not is_compatible(metric.unit, quantity):
            continue
        if contrasted_subject(text, mentions[i].end, quantity.start):
            return None  # "exports rose 1.4%, while shipments to the United States climbed 2.3% to 12.9 billion euros"
        if names_its_own_noun(text, quantity, mentions[i]):
            return None  # '营收将增长约一成，资本支出约180亿元': the clause's own noun, not the earlier name
        if spent_after(text, mentions[i].end, quantity.start):
            return None  # "expects fourth-quarter revenue to be flat and plans to spend 5 trillion won": spending, not revenue
        if index and based_on_the_figure_before(text, quantities[index - 1], quantity, mentions[i]):
            return None  # "revenue … spend 5 trillion won on new capacity, down from 7.5 trillion won": the spending's base
        previous = bound.get(i)
        if previous is None or continues_series(text, quantities[previous], quantity):
            bound[i] = index
            return Binding(metric.name, "registry", mentions[i])
        return None
    return None


def with_noun_qualifier(metric: str, noun: str) -> str:
    """'lost 15,000 part-time jobs': a qualifier written in the counted noun narrows the metric that counts its head
    (`employment:part-time`), as 'part-time employment' would."""
    from .metrics import qualifier_ending

    head = noun.rsplit(None, 1)
    written = qualifier_ending(head[0]) if len(head) == 2 and ":" not in metric else ""
    return f"{metric}:{written}" if written else metric


def contrasted_subject(text: str, start: int, end: int) -> bool:
    """Whether a clause of contrast ('while', 'whereas') opens between a metric's name and a figure with
    a subject of its own, which the figure is said of."""
    opened = CONTRAST.search(text, start, end)
    if opened is None or CONTRAST.search(text, opened.end(), end):
        return False
    subject = thing(subject_phrase(text[opened.start() : end]))
    return bool(subject) and subject.lower() not in anaphor_nouns()


CONTRAST = re.compile(r"\b(?:while|whereas)\s", re.I)


OBJECT_LEAD = re.compile(r"\s+(?:of|in)\s+(?:(?:[a-z][\w-]*)\s+){0,2}$")


def object_named(text: str, quantity: Quantity, mentions: list[Mention], registry: Registry) -> int | None:
    """'posted $2.1 billion in revenue', '592 billion yuan of new loans': an amount of a registry metric
    named right after it states that metric (the index of its mention)."""
    if quantity.kind != "amount":
        return None
    following = bisect.bisect_left(mentions, quantity.end, key=lambda m: m.start)
    if following == len(mentions) or mentions[following].start - quantity.end > 40:
        return None
    mention = mentions[following]
    between = text[quantity.end : mention.start]
    metric = registry.metrics[mention.name]
    if not OBJECT_LEAD.fullmatch(between) or not is_compatible(metric.unit, quantity) or metric.per_unit:
        return None
    return following


COUNTING_VERB = re.compile(r"\b([A-Za-z]+)\s+(?:(?:about|around|some|nearly|almost|roughly|over|more\s+than)\s+)?$")


def subject_counted(text: str, quantity: Quantity, registry: Registry) -> Binding | None:
    """'Inbound visitors numbered 1.38 million', 'now employs 14,300': a count with no noun of its own
    counts what the one registry metric its verb names counts, or its clause's subject, when that is
    a thing only one registry metric counts."""
    if quantity.kind != "count" or quantity.noun:
        return None
    start = clause_start(text, quantity.start)
    verb = COUNTING_VERB.search(text, max(start, quantity.start - 40), quantity.start)
    by_verb = [m for m in registry.metrics.values() if verb and m.unit == "count" and verb.group(1).lower() in m.verbs]
    if len(by_verb) == 1:
        return Binding(by_verb[0].name, "registry")  # "now employs 14,300": the one count the verb says
    subject = english_phrases.opening_noun_phrase(text[start : quantity.start])
    head = subject[-1].lower() if subject else ""
    if any(negated()[1].match(word) for word in subject or ()):
        return None  # "The number of non-permanent residents fell by 176,600": not the residents, population counts
    counting = [m for m in registry.metrics.values() if head in (noun.lower() for noun in m.nouns)]
    if len(counting) != 1:
        return None
    at = text.find(subject[-1], start, quantity.start)
    return Binding(counting[0].name, "registry", Mention(at, at + len(head), counting[0].name, subject[-1]))


# "average hourly wages for permanent employees", "unemployment among young people": a metric's noun
# after "for" or "among" says whose the metric before it is, not what is measured
QUALIFIES_THE_MENTION_BEFORE = re.compile(r"\s+(?:for|among)\s+(?:[a-z][\w-]*\s+){0,2}", re.I)


def describes_a_head(text: str, mention: Mention) -> bool:
    """'the core digital economy industries': a registry name before a noun such as 'industries' describes
    it, and one before 'per' ('revenue per user') names a measure of its own."""
    from .entities import words

    following = re.match(r"\s+([a-z]+)", text[mention.end : mention.end + 30])
    return following is not None and following.group(1) in words()["modified_heads"] or per_unit(text, mention.end)


PER_UNIT = re.compile(r"\s+per\s+(?!cent\b|share\b|diluted\b|ordinary\b)[a-z]", re.I)


def per_unit(text: str, end: int) -> bool:
    """'average revenue per user', 'sales per store': a measure per unit of something, not the total."""
    return PER_UNIT.match(text, end) is not None


def bind_metrics(text: str, quantities: list[Quantity], registry: Registry, subject: str = "", earlier: str = "",
                 undated: str = "") -> list[Binding]:
    """Which metric each figure states. A metric named in the sentence binds the first compatible
    figure after it (and a 'from X ... to Y' pair); shares and growth rates refer back to it; a
    figure the registry cannot place is keyed by the noun phrase it is said of, in `undated` (the
    text with its periods blanked out: 'Sales in the three months to June'). `earlier` is the
    registry metric the paragraph stated last, which 'of that' refers to."""
    text = without_pollsters(without_rate_manner(text, quantities))
    undated = without_pollsters(without_rate_manner(undated or text, quantities))
    mentions = [m for m in find_mentions(english_phrases.without_owners(text), "metrics") if not chinese_compound(text, m) and not describes_a_head(text, m)
                and not english_phrases.in_an_epithet(text, m.start)  # "Latin America's largest economy" names no GDP
                and not negated()[0].search(text, max(0, m.start - 6), m.start)]  # "non-permanent residents" are no permanent residents
    mentions = [m for i, m in enumerate(mentions) if not (i and QUALIFIES_THE_MENTION_BEFORE.fullmatch(text, mentions[i - 1].end, m.start))]
    mention_ends = [m.end for m in mentions]
    bound: dict[int, int] = {}  # mention index -> index of the figure it was given to
    bindings: list[Binding] = []
    aside = english_phrases.asides(text)
    for index, quantity in enumerate(quantities):
        preceding = range(bisect.bisect_right(mention_ends, quantity.start))
        if aside:  # 'Net interest income, the bank's main source of revenue, climbed to': not revenue
            preceding = [i for i in preceding if not any(start <= mentions[i].start and mentions[i].end <= end <= quantity.start for start, end in aside)]
        spent = spent_on(text, quantity, registry)
        traded = currency_traded(text, quantity, bindings[-1] if index else None, subject)
        if traded:
            binding = traded
        elif more_of_the_same(text, quantities, index, bindings):
            binding = bindings[-1]  # "opened 42 stores in the half and plans another 60": more stores
        elif spent:
            binding = Binding(spent[1], "registry") if spent[1] else Binding(phrase_key(spent[0], subject), "phrase")
        elif quantity.kind == "growth" and index and not change_of(text, quantity) \
                and grows_the_figure_before(text, quantities, index, mentions, preceding):
            binding = growth_of(bindings[-1])
        elif quantity.kind == "growth":
            binding = bind_growth(text, quantity, mentions, preceding)
            if binding and index and binding.at.end <= quantities[index - 1].start and names_its_own(text, quantities[index - 1], quantity):
                binding = None  # '上涨0.2%，其中食品价格下降1.1%': the food prices' own rate
        elif quantity.kind == "share" and (named_other := compared_with_a_named(text, quantities, index, bindings)):
            binding = named_other
        elif quantity.kind == "share":
            binding = bind_share(text, quantity, mentions, preceding, registry)
        else:
            binding = bind_amount(text, quantities, index, mentions, preceding, bound, registry)
        binding = gapped_measure(text, quantities, index, bindings) or binding
        binding = total_of_part(text, quantities, index, bindings) or binding
        if index and chinese_phrases.names_only_a_target(text[: quantity.start]):
            binding = measure_before(text, quantities, index, bindings) or binding  # '，全年目标为60万辆': not all vehicles
        if binding is None and index:
            binding = follows(text, quantities[index - 1], quantity, bindings[-1]) or compared_rate(text, quantities, index, bindings) \
                or compared_figure(text, quantities, index, bindings)
        if binding is None and quantity.kind == "share" and earlier and refers_back(text, quantity):
            binding = Binding(f"{earlier}.share", "registry")
        if binding is None and index and bindings[-1].match == "registry" and quantity.kind == "growth" and "." not in bindings[-1].metric \
                and not names_its_own(text, quantities[index - 1], quantity):
            binding = Binding(f"{bindings[-1].metric}.growth", "registry", bindings[-1].at)  # 41.2万辆，同比增长12%
        if binding is None and index and quantity.kind == quantities[index - 1].kind == "growth" and bindings[-1].metric.endswith(".growth") \
                and not names_its_own(text, quantities[index - 1], quantity) and not names_its_change_after(text, quantity):
            binding = bindings[-1]  # 'down 4.2% from October but up 21% from a year earlier': the same change, on another base
        level = level_before_its_growth(quantities, index, bindings)
        if binding is None and level is not None and bindings[level].match == "registry" and quantity.kind == "share" \
                and "." not in bindings[level].metric and share_of_a_total(quantity) \
                and not names_its_own_rate(text, quantities[index - 1], quantity) \
                and not names_another_owner(text, quantities[level], quantity, bindings[level].metric):
            # 860亿元，占全省的三成; 336.2亿斤，增长1.9%，占夏粮总产量的97.8%: past the level's growth
            binding = Binding(share_of_named_base(text, quantity, bindings[level].metric), "registry", bindings[level].at)
        if binding is None and index and is_change(text, quantity) and bindings[-1].match == "registry":
            # "21.47 million, an increase of 82,000"; after a rate ('同比增长9.1%，比年初增加2.1万亿元') the change of its level
            binding = Binding(bindings[-1].metric.removesuffix(".growth"), "registry", bindings[-1].at)
        if binding is None and index and quantity.kind == "growth" and PRONOUN_CHANGED.search(text, max(0, quantity.start - 40), quantity.start) \
                and bindings[-1].metric:
            binding = bindings[-1] if quantities[index - 1].kind == "growth" else growth_of(bindings[-1])  # "Volumes in Asia grew 8%, while in Europe they slipped 1.5%"
        if binding is None and index and (quantity.noun or "").lower() in elliptic_nouns() and bindings[-1].metric \
                and quantities[index - 1].unit == quantity.unit:
            binding = bindings[-1]  # "opened 41 hotels and has about 480 more in its pipeline": more of the same thing
        if binding is None and index and elided(text, quantities[index - 1], quantity) and bindings[-1].metric:
            binding = bindings[-1]  # "delivered 735 aircraft last year and aims to deliver about 800 in 2025"
        whole = bindings[-1] if index and bindings[-1].match == "registry" else Binding(earlier, "registry") if not index and earlier else None
        if binding is None and whole is not None:
            binding = named_part_of_them(text, quantity, whole)  # "Its Model Arc accounted for about 200,000 of them"
        if binding is None:
            binding = subject_counted(text, quantity, registry)
        if binding is None:
            binding = price_received(text, quantity, registry)
        if binding is None:
            measured = measured_by_verb(text, quantity, registry)
            if measured:
                bindings.append(per_share(text, quantity, measured))  # its own measure: "lost" names a loss, not a change; "earned $1.12 a share": eps
                continue
            previous = bindings[-1].metric if bindings and bindings[-1].match == "phrase" else ""
            binding = by_unit(rate_named(phrase_metric(undated, quantity, subject_of(previous), subject), quantity, registry), quantity, registry)
            if not binding.metric and index:
                binding = measure_before(text, quantities, index, bindings) or binding
        if index and (binding.match == "phrase" or binding.metric in registry.metrics and registry.metrics[binding.metric].opposite):
            binding = opposite_base(text, quantities[index - 1], quantity, bindings[-1], registry) or binding  # "a loss of" after operating profit
        bindings.append(of_a_part(text, quantity, defined_around(text, quantity, as_change(qualified(text, quantity, per_share(
            text, quantity, binding, quantities[index - 1] if index else None)), quantity, registry))))
        if conversion_of(text, quantities, index) is not None and not bindings[-1].metric:
            bindings[-1] = bindings[-2]  # '643.2 billion yuan (about 90.3 billion U.S. dollars), up 9.5%': the same measure
    return held_to_standards(text, quantities, growth_taking_its_level(text, quantities, bindings))


def level_before_its_growth(quantities: list[Quantity], index: int, bindings: list[Binding]) -> int | None:
    """The index of the level a figure goes on from: the figure just before it, or the level before that one's growth
    ('336.2亿斤，增长1.9%，'); None for the first figure."""
    if not index:
        return None
    if index >= 2 and quantities[index - 1].kind == "growth" and bindings[-1].metric == f"{bindings[-2].metric}.growth":
        return index - 2
    return index - 1


def growth_taking_its_level(text: str, quantities: list[Quantity], bindings: list[Binding]) -> list[Binding]:
    """'Perth led with growth of 2.8%, taking its population past 2.4 million': a growth rate that takes
    a level somewhere is that level's growth."""
    pattern = english_phrases.words()["taking_its_level"]
    for index in range(len(quantities) - 1):
        rate, level, named = quantities[index], quantities[index + 1], bindings[index + 1]
        if rate.kind == "growth" and level.kind in ("amount", "count") and named.match == "registry" and "." not in named.metric \
                and (pattern.fullmatch(text, rate.end, level.start) or names_the_level(bindings[index], named) and GROWTH_TO.match(text[rate.end : level.start])):
            # ('Overseas sales climbed 7% to 268,000 units': the change of the level it reached, which the registry knows)
            bindings[index] = Binding(f"{named.metric}.growth", "registry", named.at)
    return bindings


@functools.cache
def definition_patterns() -> tuple[re.Pattern, re.Pattern]:
    """'3.2 billion pounds including fuel' (right after the figure) and 'Excluding fuel, sales grew 4.1%' (opening
    the sentence): a definition said around the figure rather than after its metric's noun."""
    from .entities import words

    kept = word_alternation(words()["qualifiers_after_kept"])
    thing = r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?"
    return (re.compile(rf"\s+(?P<how>{kept})\s+(?P<thing>{thing})(?=\s*[,.;:)]|\s*$|\s+(?:in|for|during|over|at|and|from|to)\b)", re.I),
            re.compile(rf"^\s*(?P<how>{kept})\s+(?P<thing>{thing}),", re.I))


def defined_around(text: str, quantity: Quantity, binding: Binding) -> Binding:
    """A metric with the definition its figure is stated under ('sale including fuel', 'sale excluding fuel growth',
    'revenue:excluding fuel.growth'), so figures of two definitions are never compared as one."""
    if not binding.metric or ":" in binding.metric or " including " in binding.metric or " excluding " in binding.metric \
            or quantity.kind == "count":  # "12 platforms, including one national laboratory": its parts, not a definition
        return binding
    after, fronted = definition_patterns()
    found = after.match(text, quantity.end) or after.match(text, after_noun(text, quantity)) \
        or (fronted.match(text) if clause_start(text, quantity.start) else None)  # the clause after "Excluding fuel,"
    if found is None:
        return binding
    definition = f"{found['how'].lower()} {' '.join(found['thing'].lower().split())}"
    if binding.match == "registry":
        base, dot, suffix = binding.metric.partition(".")
        return Binding(f"{base}:{definition}{dot}{suffix}", binding.match, binding.at)
    head, change = re.match(r"(.*?)((?: sequential)? (?:growth|change))?$", binding.metric).groups()
    return Binding(f"{head} {definition}{change or ''}", binding.match, binding.at)


def names_the_level(growth: Binding, level: Binding) -> bool:
    """Whether a phrase growth ('oversea sale growth', 'volume growth') names no more than the registry metric of the
    level it reached ('vehicle_sales:overseas' from '268,000 units', '3.1 million TEU'): its words are that metric's, its
    qualifiers' and the nouns that name a level of anything ('volumes')."""
    from .entities import words

    if growth.match != "phrase" or not growth.metric.endswith(" growth"):
        return False
    metric = load_registry().metrics.get(level.metric.split(":")[0])
    known = {singular(w) for phrase in [*(metric.aliases if metric else ()), *words()["qualifiers_before"], *words()["level_heads"]]
             for w in phrase.lower().split()}
    return all(singular(word) in known for word in growth.metric.split()[:-1])


SWING_BASE = re.compile(r"^\)?\s*,?\s*(?:(?:in|for)\s+[^,;]{1,30}?,?\s+)?(?:from|compared\s+with|against|after)\s+(?:a|an)\s+(?P<noun>[a-z]+)\s+of\s+(?:about\s+|around\s+)?$", re.I)


def opposite_base_of(text: str, claims: list[Claim], registry: Registry) -> bool:
    """Whether the last claim is the opposite-sign base of the one before it ('operating profit … compared with a loss
    of 85 billion won'): what the story measures is still the profit, which a later 'analysts had expected' forecasts."""
    if len(claims) < 2 or claims[-1].quantity is None or claims[-2].quantity is None:
        return False
    known = registry.metrics.get(claims[-2].metric)
    return known is not None and known.opposite == claims[-1].metric \
        and SWING_BASE.match(text[claims[-2].quantity.end : claims[-1].quantity.start]) is not None


def opposite_base(text: str, previous: Quantity, quantity: Quantity, before: Binding, registry: Registry) -> Binding | None:
    """'swung to a net loss of 85 million euros from a profit of 240 million euros': the figure a change
    of sign started from is the opposite metric, named by the last word of its name."""
    known = registry.metrics.get(before.metric) if before.match == "registry" else None
    swing = SWING_BASE.match(text[previous.end : quantity.start])
    if not known or not known.opposite or not swing or known.opposite not in registry.metrics:
        return None
    return Binding(known.opposite, "registry") if registry.metrics[known.opposite].label.split()[-1] == swing["noun"].lower() else None


def names_its_own(text: str, previous: Quantity, quantity: Quantity) -> bool:
    """'上涨0.2%，其中食品价格下降1.1%', '... to £1.9 billion, while fuel costs fell 3%': a rate whose
    clause names a thing of its own is not the growth of the figure before it."""
    between = text[max(previous.end, quantity.start - 40) : quantity.start]
    if not chinese_phrases.is_chinese(between):
        return has_own_subject(text, previous.end, quantity) or english_phrases.names_a_growth_of(between) or bool(index_of_clause(text, quantity))
    for mention in read_periods(between):  # '比上年末提高' names a time, not a thing
        between = between[: mention.start] + "，" * (mention.end - mention.start) + between[mention.end :]
    return bool(chinese_phrases.noun_before(between))


def names_its_own_rate(text: str, previous: Quantity, quantity: Quantity) -> bool:
    """'总资产7833亿元，资产负债率为74.6%': a Chinese rate named in the clause (not a share after 占) is a
    measure of its own, not a share of the figure before it."""
    between = text[max(previous.end, quantity.start - 40) : quantity.start]
    if not chinese_phrases.is_chinese(between):
        return names_its_own_measure(text[max(previous.end, quantity.start - WINDOW) : quantity.start])
    clause = chinese_phrases.CLAUSE_END.split(between)[-1]
    if any(word in clause for word in vocabulary_of_shares()):
        return False
    return chinese_phrases.is_rate(chinese_phrases.noun_before(between))


def names_another_owner(text: str, previous: Quantity, quantity: Quantity, metric: str) -> bool:
    """'425.02亿元，其中国产影片票房占比78.7%': a Chinese share whose clause names an owner of its own (not a neutral
    head, not the metric before) is that owner's share, not the figure before's."""
    between = text[max(previous.end, quantity.start - 40) : quantity.start]
    if not chinese_phrases.is_chinese(between):
        return False
    owner, _ = chinese_phrases.share_parts(between)
    return bool(owner) and not chinese_phrases.is_neutral_head(owner) and registry_name(owner, between) != metric.split(":")[0]


def names_its_own_measure(between: str) -> bool:
    """'grew 13% to $3.3 billion, and operating margin widened to 21%': an English clause after the figure before
    that opens with a noun phrase of its own states that noun's rate, not a share of the figure before it."""
    parts = CLAUSE_BREAK.split(between)
    if len(parts) < 2 or english_phrases.names_a_share(parts[-1]):
        return False
    phrase = tail_phrase(parts[-1])
    return bool(phrase) and phrase.lower() not in share_references() and not english_phrases.is_pronoun(phrase)


@functools.cache
def vocabulary_of_shares() -> tuple[str, ...]:
    from .languages import vocabulary

    return tuple(word for word in vocabulary("figures")["share_phrases"] if chinese_phrases.is_chinese(word))


def as_change(binding: Binding, quantity: Quantity, registry: Registry) -> Binding:
    """'Inflation eased to 3.4%': a percentage of a metric stated as changes is its growth."""
    base = binding.metric.partition(":")[0]  # 'core inflation' (cpi:core) changes as the CPI does
    metric = registry.metrics.get(base) if binding.match == "registry" and "." not in binding.metric else None
    if metric and metric.changes and quantity.unit == "percent" and quantity.kind != "growth":
        return Binding(f"{binding.metric}.growth", binding.match, binding.at)
    return binding


@functools.cache
def elliptic_nouns() -> frozenset[str]:
    from .entities import words

    return frozenset(words()["elliptic_nouns"])


PRONOUN_CHANGED = re.compile(r"\b(?:they|it)\s+[a-z]+(?:\s+(?:by|about|around|nearly|almost|some))?\s+$", re.I)  # "they slipped 1.5%": the thing before


PART_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.I)
NAMED_SUBJECT = re.compile(r"^\s*(?:(?:[Ii]ts|[Tt]heir|[Tt]he)\s+)?(?:[a-z][\w-]*\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3})\s+[a-z]")


def named_part_of_them(text: str, quantity: Quantity, before: Binding) -> Binding | None:
    """'Its Model Arc accounted for about 200,000 of them': a named part of the figure before, narrowed by the name."""
    if quantity.kind != "count" or not PART_OF_THEM.match(text, quantity.end):
        return None
    found = NAMED_SUBJECT.match(text, clause_start(text, quantity.start), quantity.start)
    if found is None:
        return None
    base, dot, suffix = before.metric.partition(".")
    return Binding(f"{base.partition(':')[0]}:{found['name']}", "registry", before.at) if not dot else None


def by_unit(binding: Binding, quantity: Quantity, registry: Registry) -> Binding:
    """'徐州港完成吞吐量1.2亿吨': a bare head several registry metrics share (vocabulary `heads_by_unit`) is the one
    whose unit its figure is in (tonnes: cargo throughput; TEU are container throughput)."""
    choices = vocabulary("claims").get("heads_by_unit", {}).get(binding.metric, ())
    fitting = [name for name in choices if is_compatible(registry.metrics[name].unit, quantity)]
    return Binding(fitting[0], "registry") if len(fitting) == 1 else binding


def measure_before(text: str, quantities: list[Quantity], index: int, bindings: list[Binding]) -> Binding | None:
    """A Chinese figure whose clause names no measure of its own, of what the sentence measured before it: a
    target ('营业收入520亿元，全年目标为1000亿元') of the last measure in its unit, a run of time ('不良贷款率下降
    0.03个百分点，已连续8个季度下降') of the measure before it, keyed in its unit of time."""
    quantity = quantities[index]
    clause = text[clause_start(text, quantity.start) : quantity.start]
    if not chinese_phrases.is_chinese(clause):
        return None
    if quantity.kind == "duration" and quantity.noun and bindings[-1].metric:
        measure = re.sub(r"(?:\.| )(?:growth|change)$", "", bindings[-1].metric)
        return Binding(f"{measure} ({chinese_phrases.time_unit(quantity.noun)})", "phrase")
    if not (chinese_phrases.names_only_a_target(text[: quantity.start]) or chinese_phrases.names_nothing(text[: quantity.start])):
        return None  # ('突破千亿元，达到1120.5亿元': the level reached, of the measure the bound before it was)
    earlier = next((i for i in range(index - 1, -1, -1) if quantities[i].unit == quantity.unit and quantities[i].kind == quantity.kind), None)
    return bindings[earlier] if earlier is not None and bindings[earlier].metric else None


def elided(text: str, previous: Quantity, quantity: Quantity) -> bool:
    """A count with no noun, after the same verb as a count of a named thing before it, counts the
    same thing ('delivered 735 aircraft last year and aims to deliver about 800')."""
    if not (quantity.kind == previous.kind == "count" and previous.noun and not quantity.noun):
        return False
    first, second = verb_before(text[max(0, previous.start - 40) : previous.start]), verb_before(text[previous.end : quantity.start])
    return len(first) > 3 and second[:4] == first[:4]


def verb_before(text: str) -> str:
    """The word just before a figure, past the words that qualify it ('deliver about' -> 'deliver')."""
    from .entities import words

    written = [w.lower() for w in re.findall(r"[A-Za-z]+", text[-60:])]
    while written and written[-1] in words()["figure_qualifiers"]:
        written.pop()
    return written[-1] if written else ""


def without_rate_manner(text: str, quantities: list[Quantity]) -> str:
    """'fell 4.6% to a seasonally adjusted annual rate of 1.29 million': how a sum or a count is stated
    (vocabulary `rate_manner_words`), blanked out character for character, so the figure is the level
    the change reached, never an 'annual rate'. Not before a percentage ('grew at an annual rate of
    2.8%'), and the words alone only before a count ('an annual $5 million fee' keeps its noun)."""
    pattern = english_phrases.words()["rate_manner"]
    for quantity in quantities:
        if quantity.unit == "percent" or quantity.kind not in ("amount", "count"):
            continue
        found = pattern.search(text, max(0, quantity.start - 80), quantity.start)
        if found and (found["pace"] or quantity.kind == "count"):
            text = text[: found.start()] + " " * (found.end() - found.start()) + text[found.end() :]
    return text


def without_pollsters(text: str) -> str:
    """'Economists polled by Reuters had forecast 1.33 million': who polled the forecasters (vocabulary
    `pollster_cues` and the name after one) blanked out character for character: a source, never what
    is forecast."""
    return english_phrases.words()["pollster"].sub(lambda found: " " * len(found[0]), text)


def without_periods(text: str, periods: list) -> str:
    """`text` with its time expressions blanked out, character for character: positions stay."""
    parts, end = [], 0
    for mention in sorted(periods, key=lambda m: m.start):
        if mention.start >= end:
            parts += [text[end : mention.start], " " * (mention.end - mention.start)]
            end = mention.end
    return "".join(parts) + text[end:] if parts else text


@functools.cache
def price_received_patterns() -> dict[str, re.Pattern]:
    vocab = vocabulary("claims")
    stops = word_alternation(vocab["price_good_stops"])
    return {
        "verb": re.compile(rf"(?<![\w-])(?P<verb>{word_alternation(vocab['price_receiving_verbs'])})[\s,]+"
                           rf"(?:(?:{word_alternation(vocab['price_received_fillers'])})\s+)?$", re.I),
        "unit": re.compile(rf"\s*(?:a|an|per)\s+(?:[a-z]+\s+)?(?:{word_alternation(vocab['price_units'])})(?![\w-])"
                           rf"(?:\s+(?:for|of)\s+(?:(?:its|the|their|his|her)\s+)?(?P<good>(?!(?:{stops})\b)[a-z]+"
                           rf"(?:\s+(?!(?:{stops})\b)[a-z]+)?)(?![\w-]))?", re.I),
        "own_noun": re.compile(r"(?P<noun>(?:[a-z]+\s+)?prices?)\s+(?:it|they|he|she|we|the\s+[a-z]+)\s+$", re.I),
    }


def price_received(text: str, quantity: Quantity, registry: Registry) -> Binding | None:
    """'received an average of $3,420 an ounce for its gold' (`gold price`), 'was paid an average of $86 a dry tonne'
    (`price`), 'The average price it obtained, £8.25 a kilo' (`average price`): what a seller got for each unit of its
    goods is their price, not a payment."""
    if quantity.kind != "amount" or not is_compatible("money", quantity):
        return None
    unit = price_received_patterns()["unit"].match(text, quantity.end)
    verb = price_received_patterns()["verb"].search(text, max(0, quantity.start - 60), quantity.start) if unit else None
    if verb is None or verb.start() < clause_start(text, quantity.start) and "," not in text[verb.end("verb") : verb.end()]:
        return None  # "The average price it obtained, £8.25 a kilo": past a clause's end only by the comma right after it
    own = price_received_patterns()["own_noun"].search(text, max(0, verb.start() - 40), verb.start())
    if own:
        return phrase_binding(phrase_key(own["noun"]), registry)
    good = unit["good"]
    return phrase_binding(phrase_key(f"{' '.join(singular(word) for word in good.lower().split())} price" if good else "price"), registry)


def measured_by_verb(text: str, quantity: Quantity, registry: Registry) -> Binding | None:
    """An amount of money whose sentence names no metric is what its verb says of it: 'Harrods lost
    £40m' (a net loss), 'The new bridge cost 2.6 billion yuan' (the new bridge's cost), and so is a
    percentage a rate verb names ('the bond portfolio returned 3.9%'). A profit or a loss is an
    organisation's, never a place's."""
    rate = quantity.kind == "share" and quantity.unit == "percent"
    if not rate and (quantity.kind != "amount" or not is_compatible("money", quantity)) or chinese_phrases.is_chinese(window(text, quantity.start)[-12:]):
        return None
    begin = clause_start(text, quantity.start)
    clause = text[begin : quantity.start]
    found = english_phrases.measure_verb(clause, "rate" if rate else "measure")
    after = english_phrases.measure_verb_after(text, quantity.end) if found is None and not rate else None
    if after is not None:  # "the £40 million it borrowed": what the clause after it did with the money
        return phrase_binding(phrase_key(after.replace("{subject}", "")), registry)
    if found is not None and not rate and metric_patterns()["change_of_object"].search(clause) is not None:
        return None  # "cut costs by 2 billion crowns": a change of costs, whose noun is no verb of cost
    if found is None or not rate and attributive_noun(text, quantity, clause, text[quantity.end : quantity.end + WINDOW]):
        return None  # "made a £40 million payment": the payment, not a profit made
    key, before = found
    if key in english_phrases.words()["measures_of_any_source"] and revenue_source(text, quantity):
        return None  # "has taken in $40 million from parking fines": what the money came from keys it
    if any(word.strip(",.") in english_phrases.words()["outlook_key_nouns"] for word in clause[len(before) :].lower().split()):
        return None  # "raised its profit forecast to": a forecast revised, not money raised
    if key in english_phrases.words()["organisation_measures"]:
        places = [m for m in find_mentions(before, "entities") if kind_of(m.name, registry) != "organisation"
                  and not describes_an_entity(before, m)]  # "the Danish carrier earned": a company, not Denmark
        return None if places and not organisation_mentions(before, registry) else Binding(key, "registry")
    if key in registry.metrics:
        return Binding(key, "registry")
    said_before = subject_before(text, begin, before)
    goods = goods_worth(said_before) if key == "{subject} value" else ""
    worth = phrase_binding(goods, registry) if goods else None
    if worth is not None and worth.match == "registry":
        return worth  # "Vietnam exported goods worth $406 billion": its exports
    subject_words = subject_phrase(said_before) if AND_AT_END.search(said_before) else tail_phrase(said_before, verb_follows=True)
    named = phrase_key(without_entity_names(thing(subject_words))) if "{subject}" in key else ""  # "… to be flat and plans to spend": the clause's subject
    gapped = GAPPED_SUBJECT.search(clause)  # "Equities returned 16.2% and bonds 3.9%": the bonds' return
    if gapped and "{subject}" in key and DIGIT.search(clause, len(before)):
        named = phrase_key(without_entity_names(thing(gapped["noun"])))
    if key in english_phrases.words()["government_measures"] and names_only_a_place(named, before, registry):
        named = english_phrases.words()["government_word"]  # "Kenya will spend", "The city of Graz will spend": its government's
    return phrase_binding(phrase_key(key.replace("{subject}", named)), registry)


def phrase_binding(phrase: str, registry: Registry) -> Binding:
    """A phrase's binding: the registry metric it names ("government spending", "exports"), else its key."""
    known = next((name for name in (registry_name(phrase), registry_name(phrase_key(phrase))) if name in registry.metrics), "")
    return Binding(known, "registry") if known else Binding(phrase_key(phrase), "phrase")


def names_only_a_place(named: str, before: str, registry: Registry) -> bool:
    """Whether a verb's subject is a place and nothing else: 'Kenya', 'The city of Graz' (its words other than the
    place's are a word standing for a place), not 'Households in Kenya'."""
    places = [m.name for m in find_mentions(before, "entities") if kind_of(m.name, registry) != "organisation"]
    if not places:
        return False
    place_words = {word.lower() for place in places for word in place.split()}
    rest = [word for word in named.split() if word not in place_words]
    return not rest or rest == [rest[-1]] and rest[-1] in anaphor_heads(("city", "province", "country"))


AND_AT_END = re.compile(r"\band\s*$", re.I)  # "expects revenue to be flat and plans to spend": a verb sharing the subject before
GAPPED_SUBJECT = re.compile(r"\d%?\s*,?\s+and\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s*$", re.I)


def subject_before(text: str, begin: int, before: str) -> str:
    """The words before a verb, or, when an aside stands between its subject and it ('Equities, which make up about
    71% of the portfolio, returned 16.2%'), the words before the aside (`begin`: where the verb's clause begins)."""
    if before.strip():
        return before
    start = len(text[:begin].rstrip())
    for aside_start, aside_end in english_phrases.asides(text):
        if aside_end >= start and aside_start < start:
            return text[clause_start(text, aside_start) : aside_start]
    if text[:start].endswith(","):  # "The stadium, worth an estimated €300 million,": the noun the aside follows
        return text[clause_start(text, start - 1) : start - 1]
    return before


QUALIFIED_RATE = re.compile(r"[a-z][a-z-]* [a-z]+")  # one plain word before the noun of a rate: "youth unemployment"


def rate_named(key: str, quantity: Quantity, registry: Registry) -> Binding:
    """'Unemployment stood at 4.1%': a percentage said of a noun whose rate the registry knows is that
    rate; 'share of gdp', said of no other thing, is the entity's share of GDP."""
    if quantity.kind == "share" and key and " " not in key.strip():
        for mention in find_mentions(f"{key} rate", "metrics"):
            if mention.start == 0 and registry.metrics[mention.name].unit == "percent":
                return Binding(mention.name, "registry")
    if quantity.kind == "share" and QUALIFIED_RATE.fullmatch(key):
        qualifier, head = key.rsplit(" ", 1)
        for mention in find_mentions(f"{head} rate", "metrics"):  # "Youth unemployment stood at 62.2%": of the young
            if mention.start == 0 and registry.metrics[mention.name].unit == "percent" and ":" not in mention.name:
                return Binding(f"{mention.name}:{qualifier}", "registry")
    subject, shared, base = key.partition("share of ")
    base_metric = registry_name(base) if quantity.kind == "share" and shared else ""
    if shared and (base in share_references() or base == "total"):
        base_metric, base = registry_name(subject.strip()), subject.strip()  # "gdp share of total"
    if base_metric in registry.metrics and subject.strip() in ("", base_metric, base):
        # "Chengdu produced 36% of the province's GDP", "Hefei's share of the province's GDP": of a
        # place's own metric, with nothing else named, the share is the place's part of it
        return Binding(f"{base_metric}.share", "registry")
    return registry_phrase(key, quantity, registry) or Binding(key, "phrase")


def registry_phrase(key: str, quantity: Quantity, registry: Registry) -> Binding | None:
    """A key built from the sentence's words that is a registry name as a whole ('grain harvest' from
    'harvested 67.2 million tonnes of grain'), with its growth."""
    base, growth = (key[: -len(" growth")], ".growth") if key.endswith(" growth") and quantity.kind == "growth" else (key, "")
    named = registry_name(base) if base else ""
    if named in registry.metrics and (growth or is_compatible(registry.metrics[named].unit, quantity)):
        return Binding(named + growth, "registry")
    counted = counted_by_head(base, quantity, registry)
    return Binding(counted + growth, "registry") if counted else None


def counted_by_head(key: str, quantity: Quantity, registry: Registry) -> str:
    """'Visitors from the United States rose 15% to 720,000': a subject whose head is the thing one registry metric
    alone counts (tourist_visits counts visitors) is that metric, as 'welcomed 4.9 million visitors' is; a qualifier
    after a colon stays. A head several metrics count (vehicles: sold, built or delivered) names none of them, and
    a noun after the figure ('4.06 million skilled workers') is counted_metric's, which wants the metric's verb."""
    phrase, colon, narrowed = key.partition(":")
    words_ = phrase.split()
    if not words_ or quantity.kind not in ("count", "growth") or quantity.measure or any(negated()[1].match(word) for word in words_):
        return ""  # "non-permanent residents" are counted by no metric of residents
    head = words_[-1].lower()
    if quantity.noun and singular(quantity.noun.split()[-1].lower()) == head:
        return ""
    counting = [m for m in registry.metrics.values() if m.unit == "count" and any(singular(n.lower()) == head for n in m.nouns)]
    if len(counting) != 1:
        return ""
    return f"{counting[0].name}:{narrowed.strip().lower()}" if colon and narrowed.strip() else counting[0].name


def qualified(text: str, quantity: Quantity, binding: Binding) -> Binding:
    """A registry metric with the qualifier that narrows it ('vehicle_sales:overseas') and, for an
    absolute change, '.change'."""
    if binding.match != "registry":
        if binding.metric and (is_change(text, quantity) or names_a_measured_change(text, quantity, binding.metric)) and not binding.metric.endswith(" change"):
            return Binding(f"{binding.metric} change", binding.match, binding.at)  # "fell by 16,000": not the level
        return binding
    base, dot, suffix = binding.metric.partition(".")
    sector = sector_of_subject(text, quantity, binding.at)  # its own clause's: not the one of the figure it took its metric from
    base, narrowed = (base.partition(":")[0], sector) if sector else (base, qualifier(text, binding.at))
    metric = f"{base}:{narrowed}{dot}{suffix}" if narrowed and ":" not in base else binding.metric
    if (is_change(text, quantity) or names_a_change(text, binding.at, load_registry())) and not dot:
        metric += ".change"
    return Binding(metric, binding.match, binding.at)


# "up from", "compared with", "slower than", "after" ("grew 2.25% this year, after 2% last year"): the same measure at
# another time; "more than" is a qualifier
COMPARED = re.compile(
    r"(?:\bfrom|\bafter|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|\b(?!more\b|fewer\b|less\b|rather\b)\w+er\s+than|\b(?:well\s+|far\s+|just\s+)?(?:above|below)"
    r"|\b(?:double|triple|quadruple|twice|three\s+times|four\s+times|half))"  # "nearly triple the $940 million a year earlier"
    r"\s+(?:the\s+|a\s+)?(?:(?:about|around|roughly|some|nearly|almost|over|approximately|as\s+(?:many|much)\s+as|up\s+to|at\s+(?:least|most)"
    r"|(?:more|less|fewer)\s+than|just\s+(?:over|under)|well\s+over|under)\s+)?(?:(?:upwardly\s+|downwardly\s+)?revised\s+)?$",
    re.I,
)
SERIES_AND = re.compile(r"\band\s+$", re.I)
GOODS_OF_ITS_OWN = re.compile(r"\s+of\s+[a-z]")


@functools.cache
def negated() -> tuple[re.Pattern, re.Pattern]:
    """A negating prefix ('non-', 'un-', vocabulary `negating_prefixes`): ending the text before a name, opening a word."""
    prefixes = word_alternation(vocabulary("claims")["negating_prefixes"])
    return re.compile(rf"(?<![A-Za-z])(?:{prefixes})-$", re.I), re.compile(rf"(?:{prefixes})-[a-z]", re.I)


def held_to_standards(text: str, quantities: list[Quantity], bindings: list[Binding]) -> list[Binding]:
    """A figure keyed like the one before it and named as a yardstick ('ended the year at 18.2%, well above the
    regulatory requirement of 13.9%') is the yardstick's: its own key, not a second value of the same measure."""
    result = list(bindings)
    for index in range(1, len(quantities)):
        if result[index].metric and result[index].metric == bindings[index - 1].metric:
            standard = standard_named(text, text[quantities[index - 1].end : quantities[index].start], quantities[index])
            result[index] = standard_of(result[index], standard) if standard else result[index]
    return result


def standard_named(text: str, between: str, quantity: Quantity) -> str:
    """'well above the regulatory requirement of 13.9%', 'above the EU's 3% limit': the yardstick a figure is held
    to, named before or right after it (vocabulary `standard_nouns`), '' when none is."""
    found = standard_before().search(between[-50:]) or standard_after().match(text, quantity.end)
    return singular(found["noun"].lower()) if found else ""


def standard_of(binding: Binding, standard: str) -> Binding:
    """The yardstick's own key: 'cet1_ratio:requirement', 'deficit limit' (never the measure it is set for)."""
    joiner = ":" if binding.match == "registry" and ":" not in binding.metric else " "
    return Binding(f"{binding.metric}{joiner}{standard}", binding.match, binding.at)


@functools.cache
def standard_before() -> re.Pattern:
    return re.compile(rf"\b(?P<noun>{word_alternation(vocabulary('claims')['standard_nouns'])})\s+(?:of\s+)?$", re.I)


@functools.cache
def standard_after() -> re.Pattern:
    return re.compile(rf"\s+(?:[a-z]+\s+)?(?P<noun>{word_alternation(vocabulary('claims')['standard_nouns'])})(?![\w-])", re.I)
# "rose 12% to", "rose 5.2 million barrels last week to", "rose by 410,000 bpd (bpd) in October to": a change, then the level it reached
GROWTH_TO = re.compile(r"^\s*(?:(?:per|a|an)\s+[a-z]+\s*)?(?:\([^()]{1,20}\)\s*)?(?:(?:in|during|for|over|last|this)\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,3}?\s+)?"
                       r"(?:year[- ]on[- ]year\s+)?to\s+$", re.I)


def follows(text: str, previous: Quantity, quantity: Quantity, binding: Binding) -> Binding | None:
    """Figures that state the same metric as the one before them: 'up from 4.1% in 2023', 'slower
    than the 6.2% pace', 'beating forecasts of 5.0%'; and the level a change ended at or started from: 'fell 12% year on year to
    $6.2 billion', 'down 1% from 1.81 million'."""
    between = without_noun(text[previous.end : quantity.start], previous.noun)
    same_kind = previous.kind == quantity.kind or {previous.kind, quantity.kind} == {"growth", "share"}  # "grew 2.5%, compared with 3.2%"
    if previous.unit == quantity.unit and same_kind and (COMPARED.search(between[-40:]) or english_phrases.ends_with_an_outlook_noun(between)) \
            and per_share_alike(text, previous, quantity):
        return binding
    if previous.unit == quantity.unit and same_kind and not quantity.noun and SERIES_AND.search(between[-8:]) \
            and not GOODS_OF_ITS_OWN.match(text, quantity.end):  # "96 GWh of power batteries and 31 GWh of storage batteries"
        return binding  # "5 billion euros in 2024 and 4.2 billion in 2023": the next figure of a series
    # the level a change ended at, or started from: 'down 1% from 1.81 million in 2023'
    if previous.kind == "growth" and quantity.kind in ("amount", "count") and (GROWTH_TO.match(between) or COMPARED.search(between[-40:])):
        metric = re.sub(r"(?:\.| )growth$", "", binding.metric)
        return Binding(metric, binding.match) if metric != binding.metric else None
    # the rate a change in points ended at: 'cut its growth forecast by 0.3 percentage points to 4.5%'
    if previous.unit == "percentage_point" and quantity.unit == "percent" and GROWTH_TO.match(between):
        return Binding(re.sub(r"(?<=.)(?:\.| )(?:growth|change)$", "", binding.metric), binding.match)
    # the level reached from a start: 'rose from 1.2 million to 1.5 million'
    if previous.kind == quantity.kind and previous.unit == quantity.unit and GROWTH_TO.match(between) \
            and period_words()["span_start"].search(text, max(0, previous.start - 20), previous.start):
        return binding
    # the level an absolute change ended at: 'fell by 16,000 to 33.9 million'
    if previous.kind == quantity.kind and previous.unit == quantity.unit and GROWTH_TO.match(between):
        metric = re.sub(r"(?:\.| )change$", "", binding.metric)
        return Binding(metric, binding.match) if metric != binding.metric else None
    return None


def spent_after(text: str, start: int, end: int) -> bool:
    """A verb of spending between a metric's name and the figure ('revenue … plans to spend 5 trillion won'): the
    figure is what is spent."""
    found = metric_patterns()["spending_verb"].search(text, start, end)
    return found is not None and not text[found.end() : end].strip(" ,").split()[2:]  # at most two words after the verb


def based_on_the_figure_before(text: str, previous: Quantity, quantity: Quantity, mention: Mention) -> bool:
    """Whether `quantity` is the base the figure before it is compared with ('…, down from 7.5 trillion won'), that
    figure standing between the metric's name and it: it states what that figure states."""
    between = text[previous.end : quantity.start]
    return mention.end <= previous.start and previous.unit == quantity.unit and previous.kind == quantity.kind \
        and len(between) <= 60 and COMPARED.search(between[-40:]) is not None and ";" not in between


def compared_rate(text: str, quantities: list[Quantity], index: int, bindings: list[Binding]) -> Binding | None:
    """'grew 5.7% to 2.35 trillion yuan, faster than Chongqing's 5.2%': a percentage compared with
    the sentence's last percentage, across a figure of another unit, states the same measure."""
    quantity = quantities[index]
    if quantity.unit != "percent" or not COMPARED_BEFORE.search(text, max(0, quantity.start - 50), quantity.start):
        return None
    earlier = next((i for i in range(index - 1, -1, -1) if quantities[i].unit == "percent"), None)
    return bindings[earlier] if earlier is not None and earlier < index - 1 else None


def more_of_the_same(text: str, quantities: list[Quantity], index: int, bindings: list[Binding]) -> bool:
    """Whether a figure with no noun of its own after 'another', 'a further' is more of what the figure before it
    in its unit counts ("sold 40,000 cars in June and expects to sell another 45,000 in July")."""
    quantity = quantities[index]
    if not index or quantity.noun or quantity.unit != quantities[index - 1].unit or not bindings[-1].metric:
        return False
    return english_phrases.words()["more_of_the_same"].search(text, max(0, quantity.start - 20), quantity.start) is not None


GAP_NOUN = r"(?:(?:its|their|the)\s+)?(?P<noun>[A-Za-z][\w&'’-]*(?:\s+[A-Za-z][\w&'’-]*){0,3}?)\s+(?:(?:at|with)\s+)?$"  # "Italy", "the Americas at"
GAP_OPENING = re.compile(r"\s*(?:and\s+|followed\s+by\s+)?" + GAP_NOUN)
GAP_AFTER_FIGURE = re.compile(r"\s*,?\s+and\s+" + GAP_NOUN)


def gapped_measure(text: str, quantities: list[Quantity], index: int, bindings: list[Binding]) -> Binding | None:
    """'Germany took 30% of exports, France 20% and Italy 10%', 'Retail banking contributed $2.3 billion of revenue,
    investment banking $1.4 billion': a clause of a noun and a figure alone leaves out the verb and the measure of
    the clause before; its noun is the other entity (a place, a company) or, a sector, the other part of the measure."""
    if not index or quantities[index - 1].unit != quantities[index].unit or chinese_phrases.is_chinese(text):
        return None
    # the measure of the nearest figure before in its unit that has one ("followed by Jiangsu at $480 billion and
    # Zhejiang at $430 billion": the $480 billion is keyed later, by what it follows)
    keyed = next((b for b, q in zip(reversed(bindings), reversed(quantities[:index])) if b.metric and q.unit == quantities[index].unit), None)
    found = gap_before(text, quantities[index - 1], quantities[index]) if keyed else None
    if not found:
        return None
    if find_mentions(found["noun"], "metrics"):
        return None  # "..., net profit $500 million" names its own measure
    sector = sector_named(found["noun"])
    if not sector and not find_mentions(found["noun"], "entities") and not found["noun"][:1].isupper():
        return None  # "and its investment bank $600 million": a part of the company, which the words do not name
    base = keyed.metric.split(":")[0] if ":" in keyed.metric and "." not in keyed.metric.split(":")[0] else keyed.metric
    return Binding(f"{base}:{sector}" if sector and "." not in base else keyed.metric, keyed.match, keyed.at)


SERIES_PLACE_JOIN = re.compile(r"\s+(?:in|for|at|among|across)\s+[^,;%\d]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)")


def series_of_changes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'Revenue rose 5% in Europe, 8% in Asia and 2% in the Americas', 'Revenue fell 5% to $2 billion, net profit 3%':
    a bare percentage in a series after a change, or in a clause that leaves out the change's verb, is a change
    too, in the same direction."""
    if chinese_phrases.is_chinese(text):
        return quantities
    read = list(quantities)
    for index in range(1, len(read)):
        previous, quantity = read[index - 1], read[index]
        change = next((q for q in reversed(read[:index]) if q.unit == "percent"), None)
        if quantity.unit != "percent" or quantity.kind != "share" or change is None or change.kind != "growth":
            continue
        joined = previous is change and SERIES_PLACE_JOIN.fullmatch(text, previous.end, quantity.start)
        if joined or gap_before(text, previous, quantity):
            grown = replace(quantity, kind="growth")
            read[index] = reader_negated(grown) if change.value < 0 < grown.value else grown
    return read


def gap_before(text: str, previous: Quantity, quantity: Quantity) -> re.Match | None:
    """The noun of a clause that is only a noun and the figure: after a comma (', investment banking $1.4 billion') or
    after 'and' right after the figure before (' and wealth management $0.9 billion')."""
    start = clause_start(text, quantity.start)
    if start > previous.end:
        found = GAP_OPENING.match(text, start, quantity.start)
        found = found if found and (text[start - 1 : start] == "," or found.group(0).lstrip().startswith(("and ", "followed "))) else None
    else:
        found = GAP_AFTER_FIGURE.match(text, previous.end, quantity.start)
    if found and any(english_phrases.is_clause_verb(word) or word.lower() in english_phrases.words()["stop_words"] or word.lower().endswith("ed")
                     for word in found["noun"].split()):
        return None  # "..., and its market share was 28.4%", "..., rising 5%": a clause with a verb of its own
    return found


def sector_named(noun: str) -> str:
    """The sector a gapped clause's noun is ('investment banking'), with its usual name, else ''."""
    written = re.sub(r"^(?:the|its|their)\s+", "", " ".join(noun.lower().split()))
    return sector_name(written) if written in sector_set() else ""


@functools.cache
def sector_set() -> frozenset[str]:
    return frozenset(vocabulary("claims")["sectors"])


def compared_with_a_named(text: str, quantities: list[Quantity], index: int, bindings: list[Binding]) -> Binding | None:
    """'grew 2.4%, faster than Portugal's 1.9%': a bare percentage of a name set against the sentence's last
    percentage states what that one states (the name is its entity)."""
    quantity = quantities[index]
    if quantity.unit != "percent" or not english_phrases.words()["compared_named"].search(text, max(0, quantity.start - 70), quantity.start):
        return None
    earlier = next((i for i in range(index - 1, -1, -1) if quantities[i].unit == "percent"), None)
    return bindings[earlier] if earlier is not None and bindings[earlier].metric else None


def compared_figure(text: str, quantities: list[Quantity], index: int, bindings: list[Binding]) -> Binding | None:
    """'grew 3.1%, ahead of the 2.5% analysts had expected': a figure a comparison word sets against the
    sentence's last figure of its unit states the same measure."""
    quantity = quantities[index]
    if not english_phrases.words()["compared_figure"].search(text, max(0, quantity.start - 60), quantity.start):
        return None
    earlier = next((i for i in range(index - 1, -1, -1) if quantities[i].unit == quantity.unit and per_share_alike(text, quantities[i], quantity)), None)
    return bindings[earlier] if earlier is not None and bindings[earlier].metric else None


def per_share_alike(text: str, earlier: Quantity, quantity: Quantity) -> bool:
    """Not a sum a share set against a total a thousand times its size, or the other way round: "$312 million, or
    $1.31 a share, against $287 million" compares the profit ("beating estimates of 98 cents" still the $1.12 a share)."""
    per_share = english_phrases.words()["per_share"]
    earlier_each, each = per_share.match(text, earlier.end) is not None, per_share.match(text, quantity.end) is not None
    if earlier_each == each:
        return True
    part, whole = (earlier, quantity) if earlier_each else (quantity, earlier)
    return abs(whole.value) < 1000 * abs(part.value)


COMPARED_BEFORE = re.compile(r"\b(?!more\b|fewer\b|less\b|rather\b)\w+er\s+than\s+[^,;]{0,40}$", re.I)


def subject_of(metric: str) -> str:
    """The noun phrase inside a phrase metric ('emerging industry growth' -> 'emerging industry')."""
    return re.sub(r"\s+(?:growth|change|share of .*|per \w+|\(.*\))$", "", metric)


def is_share_base(text: str, mention: Mention) -> bool:
    """'a percentage of GDP', 'the ratio of R&D spending to GDP': GDP is what the share is of."""
    return re.search(r"(?:\bof|\bto|占)\s*(?:the\s+)?(?:[\w-]+['’]s\s+)?$", window(text, mention.start)) is not None


def continues_series(text: str, first: Quantity, second: Quantity) -> bool:
    """'from 151.08 billion yuan in 2020 to 245.31 billion yuan in 2024': both figures state one metric."""
    return bool(re.match(r"^[^,;]*\bto\s+$", text[first.end : second.start])) and re.search(r"\bfrom\s+$", window(text, first.start)) is not None


def share_metric(metric: str, base: str, registry: Registry) -> str:
    if base.lower() in share_references():
        return f"{metric}.share"  # "accounted for 42.5% of it"
    for candidate in registry.metrics.values():
        if candidate.share_of and candidate.share_of[0] == metric and candidate.share_of[1].lower() == base.lower():
            return candidate.name
    return f"{metric}.share of {phrase_key(base)}"


@functools.cache
def share_references() -> frozenset[str]:
    from .entities import words

    return frozenset(word.lower() for word in words()["share_references"])


def share_of_a_total(quantity: Quantity) -> bool:
    """A share of the whole the figure before it belongs to ('of the province's total', '占全省'), not of another thing."""
    if quantity.base is None or quantity.base.lower() in share_references():
        return True
    return quantity.base.lower().split()[-1] in vocabulary("claims")["share_total_words"]  # "28% of the total", "of the national total"


def refers_back(text: str, quantity: Quantity) -> bool:
    """'Of that, enterprises accounted for 78 percent', '93.3 percent of this investment': a share of
    the amount the paragraph named before."""
    references = "|".join(re.escape(word) for word in sorted(share_references(), key=len, reverse=True))
    return bool(re.search(rf"\bof\s+(?:{references})\b", text[max(0, quantity.start - 60) : quantity.start], re.I)
                or re.compile(rf"\s+of\s+(?:{references})\b", re.I).match(text, quantity.end))


OF_PHRASE = re.compile(r"([\w&'’-]+(?:\s+[\w&'’-]+){0,4})\s+of\s+(?:\w+\s+)?$")  # "the value of", before a figure
ENDS_WITH_OF = re.compile(r"\sof\s+(?:\w+\s+)?$")  # what OF_PHRASE needs at its end: a cheap test first (OF_PHRASE tries 5 words at every place)


# "74 of the 150 seats", "193,000 of the treatments on the list": as many of those things
PART_OF_COUNTED = re.compile(r"\s+of\s+(?:the|its|their|all)\s+(?P<whole>\d[\d,]*\s+)?(?P<noun>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2})\b(?!['’])")


def phrase_metric(text: str, quantity: Quantity, previous_subject: str = "", entity: str = "") -> str:
    """A key for a figure whose metric the registry does not know: the noun phrase it is said of."""
    if chinese_phrases.is_chinese(text[max(0, quantity.start - 12) : quantity.start]):
        return chinese_phrases.written_out(chinese_metric(text, quantity, previous_subject, entity))  # 限上 is 限额以上
    before, after = without_record(without_sub_entity(english_phrases.without_asides(window(text, quantity.start)))), text[quantity.end : quantity.end + WINDOW]
    index = index_of_clause(text, quantity)
    if index:
        return f"{index} growth" if quantity.kind == "growth" else index
    counted = PART_OF_COUNTED.match(after) if quantity.kind == "count" and not quantity.noun else None
    if counted:
        phrase = up_to_function_word(counted["noun"])
        counted_noun = phrase_key(phrase, entity)
        plural = bool(phrase) and singular(phrase.split()[-1].lower()) != phrase.split()[-1].lower()
        if counted_noun and (counted["whole"] or plural) and counted_noun not in vocabulary("claims")["superlatives"]:
            # "12 of the largest" names no thing; "190,333 of the increase" is a part of a change, not of things counted
            return counted_noun  # "won 74 of the 150 seats": seats, as many as the whole counts
    source_of_money = revenue_source(text, quantity) if quantity.kind == "amount" else ""
    if source_of_money:
        return phrase_key(f"{source_of_money} revenue", entity)  # "collected €42 million from its tourist tax"
    changed = changed_thing(text, quantity, entity) if quantity.kind == "amount" else ""
    if changed:
        return f"{changed} change"  # "posted a $3 billion rise in sales": the change of sales
    changed = changed_object(text, quantity, entity) if quantity.kind in ("amount", "count") else ""
    if changed:
        return changed  # "The group cut costs by 2 billion crowns": of costs (made a change by `qualified`), not 'group cut cost'
    attributive = attributive_noun(text, quantity, before, after) if quantity.kind == "amount" and not quantity.measure else ""
    if attributive:
        return phrase_key(attributive, entity)  # "approved a $4.2 trillion budget", "agreed a €300m loan": the budget, the loan
    packed = quantity.kind in ("count", "rate") and counted_in_packs(quantity)
    if packed:
        measured = packed_goods(before, after, quantity, entity)
        if measured:
            return f"{measured} per {quantity.per}" if quantity.per else measured  # "a coffee crop of 51.8 million bags"
    stock = stock_noun_before().search(before[-60:]) if quantity.kind in ("count", "rate") else None
    if stock:
        return phrase_key(stock["noun"], entity)  # "leaving inventory of about 27,000 cars", "a capacity of 500,000 cars a year"
    if quantity.kind in ("count", "rate") and quantity.noun:
        noun = phrase_key(quantity.noun, entity)
        return f"{noun} per {quantity.per}" if quantity.per else noun
    if quantity.kind == "duration":
        named = phrase_key(thing(subject_phrase(before)), entity)
        return f"{named} ({phrase_key(quantity.noun or 'years')})" if named else ""
    subject = said_of(before, after, quantity, previous_subject, entity)
    subject = "" if names_the_entity(subject, entity) else subject  # "The miner received an average of $3,420": who, not what
    if quantity.kind == "share":
        base = quantity.base or owned_noun(after)
        subject = "" if subject in anaphor_nouns() else subject  # "The city accounted for 36.7% of the province's output"
        subject = "" if subject in english_phrases.words()["output_verbs"] else subject  # "Brazil produces 37% of the world's coffee"
        base = base and without_owner(base, entity)  # "27% of Halden Foods' revenue" of Halden Foods: of revenue
        return share_key(subject, registry_name(phrase_key(base)) if base else "") if base or english_phrases.names_a_share(before[-120:] + after[:40]) else subject
    if quantity.kind == "growth":
        changed = changed_thing(text, quantity, entity) or part_changed(after, entity)
        subject = changed or subject
        return subject if english_phrases.ends_in_growth_noun(subject) else f"{subject} growth" if subject else ""
    return subject or phrase_key(quantity.noun or "")


def currency_traded(text: str, quantity: Quantity, before: Binding | None, subject: str = "") -> Binding | None:
    """'The real has weakened about 12% against the dollar': a currency that is its clause's subject changes its
    exchange rate (keyed by its code: 'exchange rate:BRL growth'), and so does the level it then trades at
    ('trading at 5.45 per dollar'); not 'the dollar value of exports rose 5%' (a currency word before a noun)."""
    if quantity.kind not in ("growth", "count", "amount") or chinese_phrases.is_chinese(text[max(0, quantity.start - 12) : quantity.start]):
        return None
    if quantity.kind != "growth" and before is not None and before.metric.startswith(EXCHANGE_RATE) and per_currency_after(text, quantity):
        return Binding(before.metric.removesuffix(" growth"), "phrase")  # "..., trading at 5.45 per dollar"
    found = currency_subject().search(text, clause_start(text, quantity.start), quantity.start)
    level = quantity.kind != "growth" and per_currency_after(text, quantity)  # "The real traded at 5.49 per dollar"
    if found is None or quantity.kind != "growth" and not level:
        return None
    code = traded_code(found["adjective"] or "", found["currency"] or "", subject) \
        or vocabulary("claims")["currencies_without_article"].get((found["bare"] or "").lower())
    return Binding(f"{EXCHANGE_RATE}:{code}" + ("" if level else " growth"), "phrase") if code else None


def traded_code(adjective: str, word: str, subject: str) -> str:
    """The code of a currency a clause makes its subject: by its full name ('the Chilean peso': CLP), else, for a
    word several currencies share, the currency of the place the story is about ('the peso' in a story about
    Chile), else the word's own ('the real': BRL)."""
    from .reader.figures import currencies

    lower = word.lower()
    named = currencies().code_of.get(f"{adjective.strip()} {lower}".lower()) if adjective else None
    if named:
        return named
    local = place_currency(subject) if subject else ""
    if local and lower in (name.lower() for name in currency_table().get(local, {}).get("words", [])):
        return local
    return one_word_names().get(lower, "")


EXCHANGE_RATE = "exchange rate"


def per_currency_after(text: str, quantity: Quantity) -> bool:
    """'5.45 per dollar', '151 to the dollar', '1.09 against the euro': a level in units of another currency."""
    per = PER_CURRENCY.match(text, quantity.end)
    return per is not None and per["currency"].lower() in one_word_names()


PER_CURRENCY = re.compile(r"\s+(?:per|to\s+the|against\s+the|versus\s+the)\s+(?P<currency>[a-z]+)\b", re.I)


@functools.cache
def currency_subject() -> re.Pattern:
    """A currency opening a clause as its subject, then a verb of its moves: 'the real has weakened', 'Sterling slipped'."""
    vocab = vocabulary("claims")
    verbs = word_alternation(vocab["currency_move_verbs"])
    bare = word_alternation(vocab["currencies_without_article"])
    return re.compile(rf"^[\s,;]*(?:(?:while|and|but|as|whereas)\s+)?(?:(?:[Tt]he\s+|[A-Z][\w.]*['’]s\s+)(?P<adjective>[A-Z][a-z]+\s+)?"
                      rf"(?P<currency>{word_alternation(sorted(one_word_names()))})|(?P<bare>(?i:{bare})))\s+(?:(?:has|have|had)\s+)?(?i:{verbs})\b")


@functools.cache
def stock_noun_before() -> re.Pattern:
    """A noun of a stock or a store of things, then 'of', right before a count: 'inventory of', 'a backlog of about'."""
    qualifiers = word_alternation(vocabulary("claims")["figure_qualifiers"] + ["more than", "just over", "as many as"])
    return re.compile(rf"\b(?P<noun>{word_alternation(vocabulary('claims')['stock_nouns'])})\s+of\s+(?:(?:{qualifiers})\s+)?$", re.I)


def changed_object(text: str, quantity: Quantity, entity: str) -> str:
    """'cut costs by 2 billion crowns', 'lifted its payroll by 300': the object a verb of change changed by the figure."""
    found = metric_patterns()["change_of_object"].search(text, max(0, quantity.start - 60), quantity.start)
    phrase = found and up_to_function_word(found["object"].strip())
    return phrase_key(phrase, entity) if phrase and not english_phrases.is_period_phrase(phrase) else ""


def revenue_source(text: str, quantity: Quantity) -> str:
    """'collected €42 million from its tourist tax', 'earned $2 billion from exports': what money coming in came from
    ('' for people or a name: 'raised $40 million from investors', 'from Brussels')."""
    verbs = english_phrases.words()["revenue_verb_end"]
    if not verbs.search(text, max(0, quantity.start - 40), quantity.start):
        return ""
    found = REVENUE_FROM.match(text, quantity.end)
    source = up_to_function_word(found["noun"]) if found else ""
    words = source.split()
    if not words or words[-1][:1].isupper() or english_phrases.names_actors(words[-1].lower()) or english_phrases.is_period_phrase(source):
        return ""
    return source


REVENUE_FROM = re.compile(r"\s+from\s+(?:(?:its|their|the|a|an)\s+)?(?P<noun>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2})")


ATTRIBUTIVE_NOUN = re.compile(r"[ -](?P<noun>[a-z][a-z-]*(?: [a-z][a-z-]*){0,2})(?=[\s,.;:)]|$)")
DETERMINER_END = re.compile(r"(?:\b(?:a|an|the|its|their|his|her|our|this|that)|['’]s?)\s*$", re.I)


def attributive_noun(text: str, quantity: Quantity, before: str, after: str) -> str:
    """The noun a sum of money qualifies, after an article or a possessive: 'a $300 million loan', 'the
    city's €2 billion budget', 'a 4.2 trillion shilling budget' ('' for 'spent $3 billion on', 'a $3
    billion rise in sales', a period or a verb)."""
    if not DETERMINER_END.search(before[-12:]) and not modified_after_determiner(before[-40:]):
        return ""
    found = ATTRIBUTIVE_NOUN.match(after)
    noun = up_to_function_word(found["noun"]) if found else ""
    words = noun.split()
    while words and (english_phrases.is_clause_verb(words[-1]) or words[-1].endswith(("ed", "ly"))):
        words.pop()  # "a $5 billion fund raised": the fund
    noun = " ".join(words)
    if not noun or english_phrases.is_period_phrase(noun) or words[0] in vocabulary("claims")["change_nouns"] or noun in anaphor_nouns():
        return ""  # "a $3 billion rise", "the $2 million a year"
    return noun


MODIFIERS_END = re.compile(r"(?:\b(?:a|an|the|its|their|his|her|our|this|that)|['’]s?)\s+(?P<words>[a-z]+(?:-[a-z]+)*(?:\s+[a-z]+(?:-[a-z]+)*)?)\s*$", re.I)


def modified_after_determiner(before: str) -> bool:
    """'a club-record £85m fee', 'a fresh $2 billion loan': one or two modifiers (a compound written with a hyphen or one
    of vocabulary `sum_modifiers`) between the article and the sum leave the noun after it what the sum is."""
    found = MODIFIERS_END.search(before)
    if not found:
        return False
    modifiers = sum_modifiers()
    return all("-" in word or word in modifiers for word in found["words"].lower().split())


@functools.cache
def sum_modifiers() -> frozenset[str]:
    return frozenset(vocabulary("claims")["sum_modifiers"])


def without_owner(base: str, entity: str) -> str:
    """A share's whole without the figure's own entity as its owner ('Halden Foods' revenue', 'the revenue of
    Halden Foods' -> 'revenue'); another owner stays ('Guangdong Province's total')."""
    if not entity:
        return base
    owned = re.match(rf"(?:the\s+)?{re.escape(entity)}['’]s?\s+(?P<rest>.+)$", base, re.I)
    if owned:
        return owned["rest"]
    of_owner = re.match(rf"(?P<rest>.+?)\s+of\s+(?:the\s+)?{re.escape(entity)}$", base, re.I)
    return of_owner["rest"] if of_owner else base


def names_the_entity(phrase: str, entity: str) -> bool:
    """A phrase that is only a word standing for an entity ('miner', 'company') or the head of the figure's entity's
    name ('marathon' of the Manchester Marathon) says who the figure is about, not what it measures."""
    if not phrase or " " in phrase:
        return False
    return phrase in anaphor_heads(("organisation", "city", "province", "country")) \
        or bool(entity) and phrase == entity.split()[-1].lower() and len(entity.split()) > 1


@functools.cache
def anaphor_heads(kinds: tuple[str, ...]) -> frozenset[str]:
    """'company', 'miner', 'city': the last words of the phrases that stand for an entity of those kinds (not
    'the national total', whose 'total' is a measure)."""
    from .entities import words

    return frozenset(phrase.split()[-1].lower() for kind in kinds for phrase in words()["anaphora"].get(kind, []))


PACKED_GOODS = re.compile(r"\s+(?:[\w-]+\s+){0,2}?of\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)")


def packed_goods(before: str, after: str, quantity: Quantity, entity: str) -> str:
    """What a count of packs measures: the noun phrase right before it ('a coffee crop of', 'arabica output forecast
    at'), else the goods packed, by the verb that moves them ('harvest 51.8 million bags of coffee': coffee harvest)."""
    last = re.findall(r"[A-Za-z]+", before[-30:])
    linked = bool(last) and last[-1].lower() in english_phrases.words()["stop_words"] and not english_phrases.is_a_verb(last[-1])
    # "a coffee crop of 51.8 million bags", "forecast at": a phrase linked to the count; "sold 3 million boxes",
    # "fills 400 bottles": the verb's subject is no measure
    named = phrase_key(thing(tail_phrase(before)), entity) if linked else ""
    if named and named not in english_phrases.words()["output_verbs"]:
        return named
    goods = PACKED_GOODS.match(after, len(quantity.noun or "") + 1) if after.lower().lstrip().startswith((quantity.noun or "").lower()) else None
    if goods is None:
        return ""
    return phrase_key(goods_measured(before, up_to_function_word(goods.group(1))), entity)


def counted_in_packs(quantity: Quantity) -> bool:
    """'51.8 million bags', '1.2 million 60-kg bags': a count of the packs a good is sold in."""
    words = (quantity.noun or "").lower().split()
    return bool(words) and words[-1] in vocabulary("claims")["pack_nouns"]


@functools.cache
def index_name() -> re.Pattern:
    """A market index by its name: capitalised words ending in an index head ("Nasdaq Composite", "Dow Jones
    Industrial Average") or in a number of two or three digits ("S&P 500", "FTSE 100"), before its verb."""
    from .entities import alternation

    word = r"[A-Z][\w&.-]*"
    return re.compile(rf"\b{word}(?:\s+{word}){{0,3}}(?:\s+\d{{2,3}})?\s+(?:{alternation('index_heads')})(?=\s+[a-z])"
                      rf"|\b(?:{word}\s+){{0,2}}{word}\s+\d{{2,3}}(?=\s+[a-z])|\b(?:{alternation('index_names')})(?=\s+[a-z])")


def index_of_clause(text: str, quantity: Quantity) -> str:
    """The market index whose move or level a figure is, named last in the figure's clause before it ("the S&P 500
    gained 0.6% to 5,473.2 points and the Nasdaq Composite added 0.9%"): the index is the metric, by its name."""
    from .entities import words

    if quantity.kind not in ("growth", "count") or quantity.kind == "count" and quantity.noun and quantity.noun not in words()["index_units"]:
        return ""
    start = clause_start(text, quantity.start)
    found = [m for m in index_name().finditer(text, max(start, quantity.start - WINDOW), quantity.start)]
    found = [m for m in found if not re.search(r"[,;:]|\b(?:while|whereas|but)\b", text[m.end() : quantity.start])]
    name = re.sub(r"^(?:The|A|An)\s+", "", found[-1].group(0)) if found else ""
    return " ".join(name.lower().split()) if name[:1].isupper() else index_changed_after(text, quantity)


def index_changed_after(text: str, quantity: Quantity) -> str:
    """'outperforming a 0.4% gain in the benchmark KOSPI index': the index a change noun after the rate names."""
    changed = changed_thing(text, quantity, "") if quantity.kind == "growth" else ""
    heads, names = index_words()
    return changed if changed and (changed.split()[-1] in heads or names & set(changed.split())) else ""


@functools.cache
def index_words() -> tuple[frozenset[str], frozenset[str]]:
    """The heads ('index', 'composite') and names ('kospi') of market indexes, lower case."""
    from .entities import words

    return frozenset(word.lower() for word in words()["index_heads"]), frozenset(name.lower() for name in words()["index_names"])


# "came first with 41.2% of the vote": a figure right after "with" is had by its clause's subject, not by the words before
WITH_BEFORE = re.compile(r"\swith\s+$")


def said_of(before: str, after: str, quantity: Quantity, previous_subject: str, entity: str) -> str:
    """The key of the noun phrase a figure is said of: 'the value of', 'exports of steel', the phrase before it,
    the antecedent of a relative clause, the clause's or the sentence's subject."""
    of_phrase = OF_PHRASE.search(before[-100:]) if ENDS_WITH_OF.search(before[-100:]) else None
    measured = quantity.kind == "amount" or quantity.kind == "rate" and quantity.measure  # "1.92 million barrels of oil a day"
    in_phrase = re.match(r"\s+(?:in|of)\s+((?:[\w&'’-]+\s*){1,4})", after) if measured else None
    in_phrase = in_phrase and RATE_TAIL.sub("", up_to_function_word(in_phrase.group(1)))  # "of oil equivalent per day"
    in_phrase = in_phrase and goods_measured(before, in_phrase)
    return phrase_key(thing(
        in_phrase if in_phrase and not re.match(r"\s*(?:19|20)\d\d", in_phrase) and not english_phrases.is_period_phrase(in_phrase)
        else tail_phrase(of_phrase.group(1), verb_follows=True) if of_phrase and not re.search(r"\b(?:average|total|increase|growth)$", of_phrase.group(1))
        else not WITH_BEFORE.search(before[-12:]) and thing(tail_phrase(before)) or antecedent(before) or previous_subject or subject_phrase(before)
        or sentence_subject(before)),
        entity,
    )


RATE_TAIL = re.compile(r"\s+per\s+\w+$", re.I)


def changed_thing(text: str, quantity: Quantity, entity: str) -> str:
    """'a 12% jump in car sales' -> 'car sale': what a change noun after the rate is of ('' when it
    names a period: 'a 3% rise in the third quarter')."""
    after = change_of(text, quantity)
    phrase = up_to_function_word(text[after.end() : after.end() + WINDOW]) if after else ""
    phrase = re.split(r"[,;:.()]", phrase)[0]
    return "" if not phrase or english_phrases.is_period_phrase(phrase) else phrase_key(phrase, entity)


def names_its_change_after(text: str, quantity: Quantity) -> bool:
    """'a 0.4% gain in the KOSPI index': the change noun after the rate names what changed (not 'a 3% rise in the
    quarter', a time, nor 'a 4% gain in dollar terms', a manner)."""
    changed = changed_thing(text, quantity, "")
    return bool(changed) and changed.split()[-1] not in english_phrases.words()["manner_nouns"]


def goods_measured(before: str, goods: str) -> str:
    """'shipped 4.1 million tonnes of steel' -> 'steel shipments': an amount of goods is measured by its verb
    ('exported $406 billion of goods' -> 'exports': goods of no kind add nothing)."""
    verb = english_phrases.words()["output_verb"].search(before[-60:])
    return verb_and_goods(verb["verb"], goods) if verb else goods


def verb_and_goods(verb: str, goods: str) -> str:
    measure = english_phrases.words()["output_verbs"][verb.lower()]
    return measure if goods.lower() in english_phrases.words()["generic_goods"] else f"{goods} {measure}"


def goods_worth(subject_words: str) -> str:
    """'Vietnam exported goods worth' -> 'exports', 'Fishermen landed catches worth' -> 'catches landings': what the
    verb before "worth" moved measured by that verb; '' when no such verb ends the words."""
    found = english_phrases.words()["output_verb_object"].search(subject_words[-80:])
    return verb_and_goods(found["verb"], found["goods"]) if found else ""


def thing(phrase: str) -> str:
    """A phrase that can name what a figure measures: not a period ('the third quarter'), else ''."""
    return "" if english_phrases.is_period_phrase(phrase) else phrase


def share_key(subject: str, base: str) -> str:
    """'exports share of total', 'share of new job'; '' when neither part is named. (A percentage said
    of a noun, with nothing it is a share of and no word of sharing, is the level of the rate the noun
    names: 'Turnout was 61%' is keyed 'turnout'.)"""
    if not subject and not base:
        return ""
    if subject == "share" or subject.endswith(" share"):
        subject = subject.removesuffix("share").strip()  # "the grocer's share had reached 11.8%": not "share share"
    return f"{subject} share of {base or 'total'}".strip()


CLAUSE_OF = re.compile(r"[，,；;。！？]")


def chinese_metric(text: str, quantity: Quantity, previous_subject: str = "", subject: str = "") -> str:
    """phrase_metric for a figure in a Chinese clause: the noun phrase cut out by word segmentation,
    with the places and organisations the clause names left out (they are its entity), and the
    subject's short name (晶邦 of 晶邦科技 in 晶邦營收)."""
    before = without_short_name(without_names(window(text, quantity.start)), subject)
    counting = quantity.kind in ("count", "rate")
    counted = chinese_phrases.counted_noun(quantity.noun) if counting and quantity.noun else ""  # "220家上市公司", "40万人以上"
    named_after = counting or text[max(0, quantity.start - 1) : quantity.start] == "以"  # "以48.4亿元票房位居榜首"
    noun = (counted or (chinese_phrases.noun_after(text[quantity.end : quantity.end + 60]) if named_after and not counting else "")
            or chinese_phrases.noun_before(before)
            or (chinese_phrases.noun_after(text[quantity.end : quantity.end + 60]) if counting else "")
            or chinese_phrases.total_of(previous_subject, CLAUSE_OF.split(before)[-1])
            or chinese_phrases.topic_before(before))
    contribution = chinese_phrases.contribution_metric(CLAUSE_OF.split(before)[-1], previous_subject)
    if contribution:
        return contribution  # 最终消费支出对经济增长的贡献率为63.8%，拉动地区生产总值增长3.2个百分点
    if quantity.kind == "share" and quantity.unit == "count":
        return chinese_figures.ratio_name(before) or noun  # 城乡居民收入比为2.31: a ratio of two measures
    if quantity.kind == "share":
        owner, base = chinese_phrases.share_parts(before)
        if owner is None:  # '出口占全国的两成': the whole after 占 is a name, blanked as one, which broke the clause
            owner, base = chinese_phrases.share_parts(names_blanked_before_share(window(text, quantity.start), subject))
        if owner is None:
            return noun if chinese_phrases.is_rate(noun) else share_key(noun or previous_subject, quantity.base or "")
        owner, base = registry_name(owner, before[: before.rfind(owner) + len(owner)] if owner else ""), registry_name(base)
        if owner in load_registry().metrics:
            return intensity(owner, base) or f"{owner}.share"  # '税收收入占一般公共预算收入的比重为72%', as after its level
        return intensity(owner, base) or share_key(owner or previous_subject, base or quantity.base or "")
    if not noun:
        return ""
    if quantity.kind == "growth":
        return chinese_phrases.growth_key(noun)
    if quantity.kind == "duration":
        return f"{noun} ({chinese_phrases.time_unit(quantity.noun) if quantity.noun else 'years'})"
    if quantity.kind == "rate" and quantity.per:
        return f"{noun} per {quantity.per}"
    if is_change(text, quantity):
        return f"{noun} change"  # 门票收入下降2.6亿元: the change of the level, never the level
    return noun


def names_blanked_before_share(text: str, subject: str) -> str:
    """`text` with the names before its last word of sharing (占) blanked, and the whole after it as written."""
    at = max(text.rfind(word) for word in vocabulary("figures")["share_phrases"])
    if at < 0:
        return without_short_name(without_names(text), subject)
    return without_short_name(without_names(text[:at]), subject) + text[at:]


def without_short_name(text: str, subject: str) -> str:
    """`text` with a Chinese company subject's name, and the first half or more of it written alone,
    blanked out as a clause break (see chinese_short_names)."""
    if not HAN_COMPANY.fullmatch(subject or ""):
        return text
    text = text.replace(subject, "，" * len(subject))  # the full name, which no name pattern may have found
    for length in range(len(subject) - 1, max(2, (len(subject) + 1) // 2) - 1, -1):
        short = re.compile(rf"{re.escape(subject[:length])}(?!{re.escape(subject[length:])})")  # not the full name
        if short.search(text):
            return short.sub("，" * length, text)
    return text


def share_of_named_base(text: str, quantity: Quantity, metric: str) -> str:
    """A share after a registry figure: of the whole it belongs to ('860亿元，占全省的三成' is gdp.share),
    or the registry's intensity when the Chinese clause names its base ('研发经费投入2236.6亿元，占地区
    生产总值比重达6.46%' is rd_intensity)."""
    if chinese_phrases.is_chinese(text[: quantity.start]):
        _, base = chinese_phrases.share_parts(without_names(window(text, quantity.start)))
        named = intensity(metric, registry_name(base)) if base else ""
        if named:
            return named
    return f"{metric}.share"


def registry_name(phrase: str, written: str = "") -> str:
    """The registry metric a whole phrase names ('地区生产总值' -> 'gdp'), or one that ends where the
    phrase ends in the text it was `written` in ('研究与试验发展经费投入'), else the phrase."""
    named = [m for m in find_mentions(phrase, "metrics") if m.start == 0 and m.end == len(phrase)]
    tail = written[-40:]
    named = named or [m for m in find_mentions(tail, "metrics") if m.end == len(tail) and not chinese_phrases.ends_with_age_bracket(tail[: m.start])
                      and not chinese_compound(tail, m)]  # '动画电影票房': a kind of film's takings, not all of them
    return named[0].name if named else phrase


def intensity(metric: str, base: str) -> str:
    """The registry metric that is one metric's share of another: R&D spending of GDP is R&D intensity."""
    for candidate in load_registry().metrics.values():
        if candidate.share_of and candidate.share_of[0] == metric and registry_name(candidate.share_of[1]) == base:
            return candidate.name
    return ""


def up_to_function_word(words: str) -> str:
    """'the province's output in' -> 'the province's output': a noun phrase ends at a preposition or a figure."""
    kept: list[str] = []
    vocab = english_phrases.words()
    for word in words.split():
        lower = word.lower()
        opening = not kept and vocab["leading_noise"].match(lower + " ")  # "the province's output", not "from 2.5"
        if (lower in vocab["stop_words"] and not opening) or (kept and re.search(r"\d", word)) or (kept and english_phrases.is_clause_verb(word)):
            break  # "96 mm of rain fell across the region": the noun phrase ends at its verb
        kept.append(word)
    return " ".join(kept)


PART_CHANGED = re.compile(r"\s+of\s+(?:its|their|his|her|our|the)\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)")


def part_changed(after: str, entity: str) -> str:
    """'cut 10% of its workforce', 'lost 20.4% of their body weight': the whole a change takes its part of."""
    found = PART_CHANGED.match(after)
    phrase = up_to_function_word(found["noun"]) if found else ""
    return phrase_key(phrase, entity) if phrase and not english_phrases.is_period_phrase(phrase) else ""


def owned_noun(after: str) -> str:
    """'half of its GDP' -> 'GDP', 'a quarter of the economy' -> 'economy': what a share is of."""
    from .entities import words

    owners = "|".join(re.escape(word) for word in words()["anaphora"]["any"])
    match = re.match(rf"\s+(?:of\s+)?(?:{owners}|the\s+[\w-]+['’]s|[A-Z][\w-]*['’]s|the)\s+([\w&-]+)", after) if owners else None
    return match.group(1) if match else ""


def conversion_of(text: str, quantities: list[Quantity], index: int) -> int | None:
    """'223.66 billion yuan (about 31.46 billion U.S. dollars)': the second restates the first."""
    quantity = quantities[index]
    if index == 0 or quantity.kind != "amount":
        return None
    previous = quantities[index - 1]
    between = text[previous.end : quantity.start]
    if previous.kind == "amount" and previous.unit != quantity.unit and CONVERSION_BETWEEN.fullmatch(between):
        return index - 1
    return None


# '(about 31.46 billion U.S. dollars)', '$4.9 billion, or about 4.2 billion euros': the second sum in another currency restates the first
CONVERSION_BETWEEN = re.compile(r"\s*(?:\(|,?\s+or\b)\s*(?:(?:about|around|approximately|roughly|some|nearly|almost|or|equivalent to|approx\.)\s*)?", re.I)


@functools.cache
def record_gap() -> re.Pattern:
    vocab = vocabulary("claims")
    return re.compile(rf"\s+(?:{word_alternation(vocab['record_gap_words'])})\s+(?:its|their|the|a)\s+"
                      rf"(?:[\w-]+\s+)?(?:{word_alternation(vocab['record_nouns'])})(?![\w-])", re.I)


def against_a_record_now(text: str, quantity: Quantity, period: str, published: date) -> bool:
    """A change against a record in a sentence whose span runs up to publication ('up 16% since the start of the
    year, but some 14% below its record') is how far the level stands from the record now, not a change over the span."""
    return quantity.kind == "growth" and "/" in period and period.endswith(f"{published.year}-{published.month:02d}") \
        and record_gap().match(text, quantity.end) is not None


def inferred_period(text: str, quantity: Quantity, metric: str, registry: Registry, source: Source,
                    story: PeriodMention | None = None, expected: str = "") -> str:
    """An unstated period, read as a careful reader would: the recent period the article is about (the
    one it last stated) for a flow, or for a sum of money or a growth of unknown kind that its words do
    not make a level (most often flows), and that period's last month for a balance, when it is over;
    else the last full year for an annual flow (the year under way for a forecast, a target or a plan:
    `expected`; a plan is never of a story period already over), the publication month for a level or
    a count."""
    base = flow_or_own(metric, registry)
    if base and base.kind == "attribute":
        return UNSPECIFIED
    flow = is_flow(text, quantity, metric, registry)
    published = f"{source.published.year}-{source.published.month:02d}" if source.published else ""
    if base and base.market and published:
        return published  # 'Its shares rose 2.4% to 31.80 euros'
    if published and changed_on_a_weekday(text, quantity):
        return published  # 'The peso weakened 0.6% to 20.65 per dollar on Wednesday', 'outflows of $430 million on Tuesday'
    planned_past = expected == "plan" and story is not None and is_over(story.period, source.published)
    if story is not None and is_span(story.period) and is_recent(story.period, source.published) and not planned_past:
        if flow:
            return flow_through(story.period) if story.point else story.period
        level = base.kind == "balance" if base else STOOD_AT.search(text, max(0, quantity.start - 12), quantity.start) is not None
        # a count of unknown kind in a story about one past month ("on census night in April 2022"): as of then (a date
        # balances are taken at, "as of the end of June", dates only those)
        level = level or not base and quantity.kind == "count" and not story.point and MONTH_OR_DAY_PERIOD.fullmatch(story.period) is not None
        if not base and quantity.kind == "count" and not story.point and reached_in_the_past(text, quantity):
            return story.period  # "Monthly active customers grew to 41.5 million" in a story about the second quarter
        end = last_month(story.period) if level and not says_now(text, quantity) else None
        if end and published and end < published:
            return end  # a bank's deposits in a story about its 2024 results: at the end of 2024
    if not published:
        return UNSPECIFIED
    if not base and (quotes_a_market(text, quantity) or names_a_bond_yield(metric) or index_of_clause(text, quantity)
                     or metric.startswith(f"{EXCHANGE_RATE}:")):  # "Sterling rose 0.4% to $1.27": a quote of now
        return published  # 'Gold slipped 0.4% to $2,318.50 an ounce' (in a story of a quarter, 'unit costs fell to $1.62 a pound' are its)
    if base and base.kind == "balance" and quantity.unit == "percentage_point":
        return published  # 'raised its key rate by half a point': a rate at a moment, moved now
    if quantity.kind == "growth" and record_gap().match(text, quantity.end):
        return published  # 'Gold traded 6% below its record': how far it stands from it now
    if (base and base.kind == "flow") or metric.endswith("growth"):
        return str(source.published.year - (0 if expected else 1))
    return published


PART_OF_A_YEAR = re.compile(r"\d{4}-(?:H[12]|Q[1-4]|\d{2}/\d{4}-\d{2})")
WHOLE_YEAR_REACH = 30  # a clause's length before its figure: never the whole text


def names_whole_year(text: str, quantity: Quantity) -> bool:
    """'力争全年营业收入增长8%': a target its clause says is of the whole year is of the year under way (the
    inferred period), not a standing target as of publication."""
    start = max(clause_start(text, quantity.start), quantity.start - WHOLE_YEAR_REACH)
    return any(word in text[start : quantity.start] for word in vocabulary("periods").get("whole_year_zh", ()))


def changed_on_a_weekday(text: str, quantity: Quantity) -> bool:
    """Whether the figure's clause says after it that the change happened on a day of the week, not
    that someone said so then ('..., the bank said on Tuesday')."""
    found = weekday_after().match(text, quantity.end)
    return found is not None and not any(word in saying_verbs() for word in re.findall(r"[a-z]+", found.group(0)))


@functools.cache
def weekday_after() -> re.Pattern:
    days = word_alternation(vocabulary("periods")["weekdays"])
    return re.compile(rf"(?:[^.;:,]|[.,](?=\d)){{0,60}}?\bon\s+(?:{days})\b", re.I)  # not the point of '20.65'


def distributes_profit(metric: str) -> bool:
    """A dividend planned after its year is over is still that year's (拟每10股派发现金红利3.2元 after a
    paragraph on 2024): a plan to pay out a past year's profit; a registry metric is one when a name of it says so
    (dividend_per_share: 每股股息)."""
    known = load_registry().metrics.get(metric.split(".")[0].split(":")[0])
    names = [metric, *(known.aliases if known else ())]
    return any(word in name for name in names for word in vocabulary("claims").get("profit_distribution_words", ()))


def continued_outlook(text: str, quantity: Quantity, claims: list[Claim]) -> str:
    """The outlook of the figure before, in the same sentence, for a clause that goes on with its total
    (拟每10股派发现金红利3.2元，合计派发现金红利4.35亿元: the total is planned too)."""
    # "added 3.6 million, more than the 1.5 million analysts had forecast, bringing its total to": the change goes on
    last = next((c for c in reversed(claims) if c.quantity is not None and c.quantity.end <= quantity.start
                 and not forecast_said_after(text, c.quantity)), None)  # the nearest only: all of them, for each figure, is quadratic
    if last is None or not last.outlook:
        return ""
    if joined_to_figure_before(text[last.quantity.end : quantity.start]):
        return last.outlook  # "kept its guidance of 700,000 to 760,000 ounces at costs of $1,350 to $1,450 an ounce"
    start = clause_start(text, quantity.start)
    if start <= last.quantity.start:
        return ""
    opening = text[start : quantity.start].lstrip()
    if distributes_profit(last.metric) and distributes_profit(opening[:DISTRIBUTION_REACH]):
        return last.outlook  # 拟每10股派发现金股利2.85元，现金分红总额约占归母净利润的30%: the payout is planned too
    if last.outlook == "forecast" and lists_another_forecast(text, opening, last.quantity.start):
        return last.outlook  # 預估今年營收將成長約一成，資本支出約新臺幣180億元: what else it expects, listed
    return last.outlook if opening.startswith(tuple(vocabulary("claims").get("outlook_continued_by", ()))) else ""


def another_object(text: str, quantity: Quantity, claims: list[Claim]) -> Claim | None:
    """'expects growth of 1.9% next year, up from 1.3% this year, and unemployment of 2.2%': a clause of 'and', a noun
    and 'of' with no verb goes on with the sentence's last expected figure (its outlook and, with none of its own, its
    period), past the bases between."""
    start = clause_start(text, quantity.start)
    if not ANOTHER_OBJECT.fullmatch(text, start, quantity.start):
        return None
    return next((c for c in reversed(claims) if c.outlook and c.quantity is not None and c.quantity.end <= start), None)


ANOTHER_OBJECT = re.compile(r"\s*and\s+(?:an?\s+)?(?:[a-z][\w-]*\s+){1,3}(?:of|at)\s+(?:(?:about|around|roughly|some|nearly)\s+)?")


def lists_another_forecast(text: str, opening: str, previous: int) -> bool:
    """A Chinese clause that is only a noun and a bound (资本支出约), with no time of its own, after a figure its
    sentence's forecast verb (预估, 预计) governs: one more thing the subject expects."""
    if not chinese_phrases.is_chinese(opening) or read_periods(opening):
        return False
    written = reading_form(opening).strip()
    noun = chinese_phrases.noun_before(written)
    verbs = [word for word in vocabulary("claims")["outlook"]["forecast"] if chinese_phrases.is_chinese(word)]
    return bool(noun) and written.startswith(noun) and len(written) - len(noun) <= BARE_LINK \
        and any(verb in reading_form(text[:previous]) for verb in verbs)


BARE_LINK = 2  # characters between a listed noun and its figure: 约, 为, 约为


# "... ounces at costs of", "... euros with a margin of": a noun phrase joined to the figure before it, naming another
# figure of the same outlook
JOINED_FIGURE = re.compile(r"\s+(?:at|with)\s+(?:(?:a|an|the)\s+)?(?:[a-z][\w-]*\s+){1,3}?(?:of|at)\s+(?:(?:about|around|some)\s+)?", re.I)


def joined_to_figure_before(between: str) -> bool:
    return len(between) < 60 and JOINED_FIGURE.fullmatch(between) is not None \
        and not any(english_phrases.is_a_verb(word) for word in between.split())


DISTRIBUTION_REACH = 6  # characters of a clause's opening that name a profit distribution (现金分红总额)


def is_over(period: str, published: date | None) -> bool:
    """Whether a period ended before the publication month."""
    end = last_month(period)
    return bool(end and published and end < f"{published.year}-{published.month:02d}")


OR_BETWEEN = re.compile(r"\s*,?\s+or\s+(?:(?:about|around|roughly|nearly|almost|some)\s+)?", re.I)


def dated_in_own_clause(text: str, quantity: Quantity, periods: list) -> bool:
    """Whether a period is written in the figure's own clause (after the last clause break before it, up to the next)."""
    breaks = period_words()["clause_break"]
    begin = max((m.end() for m in breaks.finditer(text, max(0, quantity.start - 200), quantity.start)), default=0)
    after = breaks.search(text, quantity.end)
    end = after.start() if after else len(text)
    return any(begin <= m.start < end and not m.event for m in periods)


MONTH_OR_DAY_PERIOD = re.compile(r"\d{4}-\d\d(?:-\d\d)?")
STOOD_AT = re.compile(r"\bstood\s+at\s+$", re.I)  # "Federal debt stood at C$1.24 trillion": a level the story's period ended with


def at_report_end(claim: Claim, section: PeriodMention, registry: Registry) -> Claim:
    """A registry balance said with no date of its own under a title that names a part of a year ('临江银行前三季度
    净利润增长5.6%' over '该行资本充足率为13.42%'): held at the end of the report's period, not over it."""
    if claim.period_basis != "context" or claim.period != section.period or not is_span(section.period) \
            or re.fullmatch(r"\d{4}", section.period) or not is_balance(claim.metric, registry):
        return claim
    return replace(claim, period=last_month(section.period), checksum="")


def is_balance(metric: str, registry: Registry) -> bool:
    """A registry balance itself (loans, a capital ratio), not its change or growth: held at a moment."""
    base = registry.metrics.get(metric)
    return base is not None and base.kind == "balance"


def is_standing_rate(metric: str, registry: Registry) -> bool:
    """A rate that stands at a moment until it is moved (a policy rate), not its change: said of the year under
    way, it is the one at publication. (A count or a sum at a moment, such as a population, is a year's.)"""
    base = registry.metrics.get(metric.split(":")[0])
    return base is not None and base.kind == "balance" and base.unit == "percent" and "." not in metric


def flow_or_own(metric: str, registry: Registry):
    """The registry metric a key names; a qualified key ('vehicle_sales:overseas', 'dividend_per_share:final')
    as its base when that is a flow: a part of a flow runs over the same period; a balance narrowed by a qualifier
    of the vocabulary ('installed_capacity:solar') is a balance too. (A balance narrowed by other words, a compound
    noun, is still read as a metric of unknown kind, as it always was.)"""
    own = registry.metrics.get(metric.split(".")[0])
    if own is not None or ":" not in metric:
        return own
    name, _, narrowed = metric.split(".")[0].partition(":")
    base = registry.metrics.get(name)
    return base if base is not None and (base.kind == "flow" or is_known_qualifier(narrowed)) else None


def is_known_qualifier(narrowed: str) -> bool:
    """'solar', 'wind and solar': qualifiers the vocabulary lists (qualifiers_before, by the name a key gives them)."""
    from .entities import words

    known = {name.lower() for name in words()["qualifier_names"].values()} | {word.lower() for word in words()["qualifiers_before"]}
    return all(part in known for part in narrowed.split(" and "))


def reached_in_the_past(text: str, quantity: Quantity) -> bool:
    """'grew to 41.5 million', 'fell 3% to 912,000': a count a past change reached, in the clause of its figure."""
    return english_phrases.words()["past_change_to"].search(text, clause_start(text, quantity.start), quantity.start) is not None


def is_flow(text: str, quantity: Quantity, metric: str, registry: Registry) -> bool:
    """What happens over a stretch of time (output, spending, a change, a share of a total), as its
    metric or its words tell; not a level at a moment (deposits, population, a count held)."""
    base = flow_or_own(metric, registry)
    if metric.endswith((".change", " change")):  # a change happens over a period, even a balance's
        return True
    if quantity.kind == "share" and not base and (share_of_a_total(quantity) or quantity.base.lower() == "total") \
            and not says_now(text, quantity):  # "supplied 57% of the total", "a margin of 9.8%"; not "makes up half of its GDP"
        return True
    if quantity.kind == "share" and not base and quantity.base and shares_a_flow(quantity.base, registry) and not says_now(text, quantity):
        return True  # "made up 31% of deliveries", "12% of revenue": a part of what happened over the story's period
    if not base and quantity.kind == "count" and verb_before(text[max(0, quantity.start - 60) : quantity.start]) in event_verbs():
        return True  # "Melbourne's network carried 520 million journeys": what happened over the story's period
    if not base and quantity.kind == "count" and past_part_verb().search(text, max(0, quantity.start - 60), quantity.start):
        return True  # "Japanese guests accounted for 5.3 million nights": a part of what happened over the story's period
    if base:
        return base.kind == "flow"
    return quantity.kind == "growth" or quantity.kind == "amount" and not names_a_level(text, quantity)  # a level's change still runs over a period


@functools.cache
def past_part_verb() -> re.Pattern:
    from .entities import words

    qualifiers = word_alternation(words()["figure_qualifiers"])
    return re.compile(rf"\b(?:{word_alternation(words()['past_part_verbs'])})\s+(?:(?:{qualifiers})\s+)*$", re.I)


def shares_a_flow(whole: str, registry: Registry) -> bool:
    """Whether a share's whole is a registry metric that flows ('deliveries', 'revenue')."""
    named = registry.metrics.get(registry_name(whole, whole))  # "its deliveries": the metric the whole ends with
    if named is not None:
        return named.kind == "flow"
    head = whole.split()[-1].lower() if whole.split() else ""
    return singular(head) in vocabulary("claims")["flow_heads"]  # "31% of operating costs": a part of what was spent


@functools.cache
def event_verbs() -> frozenset[str]:
    """'carried', 'handled', 'sold': past verbs whose object counts what happened over a period, not a level held."""
    from .entities import words

    return frozenset(words()["event_verbs"])


def is_market(metric: str, registry: Registry) -> bool:
    base = registry.metrics.get(metric.split(".")[0].split(":")[0])
    return base is not None and base.market


def is_recent(period: str, published: date | None) -> bool:
    """A period that ends in the year of publication or the year before: what a news story is about,
    not the founding year of a profile ('established in 1996')."""
    years = re.findall(r"\d{4}", period)
    return published is not None and bool(years) and int(years[-1]) >= published.year - 1


MAX_QUOTE = 600  # a quote longer than this is cut to the words around the figure (still a substring of the source)


QUOTE_SLACK = 40  # characters a quote may reach past its window to end at a word


def quote_around(text: str, start: int, end: int) -> str:
    if len(text) <= MAX_QUOTE:
        return text
    left = max(0, start - MAX_QUOTE // 2)
    right = min(len(text), end + MAX_QUOTE // 2)
    # cut at a space near each end; Chinese has none, so it is cut where the window ends
    space = text.rfind(" ", max(0, left - QUOTE_SLACK), left) if left else -1
    left = space + 1 if space != -1 else left
    space = text.find(" ", right, right + QUOTE_SLACK)
    right = space if space != -1 else right
    return text[left:right].strip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "claim"


LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")


def extract_claims(source: Source) -> list[Claim]:
    """Every figure in every sentence of a source, as claims."""
    registry = load_registry()
    subject = main_subject(source, registry)
    currency = source_currency(source.meta)
    local = "" if currency else local_currency(subject, f"{source.meta.get('title') or ''}\n{source.body[:CURRENCY_OPENING]}")
    place = registry.entities.get(subject)
    local_yuan = chinese_figures.local_yuan_currency(str(source.meta.get("currency") or "").upper(), subject, place.within if place else "")
    scope = Scope(subject, kind_of(subject, registry), within=place.within if place else "", country=place.country if place else "",
                  title=str(source.meta.get("title") or ""))
    claims: list[Claim] = []
    section = title_period(source)  # '2024年济南市国民经济和社会发展统计公报': the period of all it reports
    context, paragraph, listed = None, -1, None
    expected = False  # the paragraph's period was stated only for what is expected ("expects net profit of ... this year")
    story = section  # the period the article last stated: what "the full year" and "the quarter" refer to
    reported = story  # ... by a sentence that states more than what is expected: the period of actual figures stated without one
    fiscal = ""  # the financial year the article last stated
    planned = None  # the period to come a sentence stated for all it expects, when no story of facts was told after it
    named_last: dict[str, int] = {}  # a metric's root -> the place of the article's last claim of it
    metal = names_metal(source.title or "")  # the article named gold or silver: its ounces are troy ounces
    for written in sentences(source):
        sentence = as_read(written)
        item = LIST_ITEM.match(sentence.text) is not None
        if sentence.paragraph != paragraph:
            # the items of a list take the period of the line that introduces it ("As of June 2025:"),
            # a paragraph the period of the heading it stands under, or of the paragraph before when
            # it opens by going on about it ("其中，", "In the same period, ")
            carried = context if goes_on(sentence.text) else None
            expected = expected and carried is not None
            context, paragraph = carried or (listed if item else section), sentence.paragraph
            listed = listed if item else None
            scope.new_paragraph()
        read = read_quantities(sentence.text, currency or local)
        if not currency and (named := named_currency(read)):
            currency = named  # "6.2 billion Norwegian crowns, beating the 5.9 billion crowns expected": the story's crowns
            read = read_quantities(sentence.text, currency)
        read = in_metal_units(sentence.text, read, metal)
        metal = metal or names_metal(sentence.text)
        kept = [q for q in read if not is_comparison_window(sentence.text, q) and not is_frequency(sentence.text, q)]
        quantities = rates_of_a_base_undone(sentence.text, kept, [not_a_rate(sentence.text, q) for q in kept])
        quantities = [chinese_figures.as_local_yuan(sentence.text, q, local_yuan) for q in quantities] if local_yuan else quantities
        # a sentence with no figure matters only for the period it opens with, which its paragraph inherits
        mentions = [as_superlative_window(sentence.text, m) for m in read_periods(sentence.text if quantities else sentence.text[:FRONTED_SPAN], source.published)]
        said = chinese_periods.year_ends_in_context(sentence.text, mentions, context or section or story, source.published)
        mentions = anchored(said, story, source.published, fiscal)
        # "for the six months" with no period stated before dates nothing, but its "six" is no figure either
        quantities = in_unit_of_figure_before(sentence.text, outside(quantities, said))
        quantities = series_of_changes(sentence.text, rates_to_levels(sentence.text, assign_periods(sentence.text, quantities, mentions, context)))
        quantities = [as_held_now(sentence.text, q, mentions) for q in quantities]
        carried = context  # the period the figures with none of their own took
        stated = fronted_period(mentions) or stated_period(without_bases(sentence.text, unbound(sentence.text, quantities)), mentions)
        # "kept its full-year guidance": a year said as an adjective dates its noun, not the sentences after it
        # "stocks stood at 81% at the same point a year ago": a comparison's year back dates its own sentence only
        context = stated if stated is not None and (stated.anchor not in ("Y", "P", "A") or stated.fronted) else context
        # "the quarter", "next year", "this fiscal year"; "last year" and "the third quarter" may set it
        # the lead's; also over a quarter named without its year before it ('Q2 profit rises 9%' over 'the July-September quarter')
        leading = story is None or (story.relative and is_part_of_year(story.anchor))
        about = stated or (stated_period(facts(sentence.text, unbound(sentence.text, quantities)), mentions, bases_allowed=True) if leading else None)
        # "posted a 14% rise in full-year operating profit" with no period stated before: the full year is the story's
        relative_to_story = about is not None and about.anchor not in ("", "L") and not is_part_of_year(about.anchor) \
            and not (story is None and about.anchor == "Y")
        story_before = story
        told = about if about is not None and not relative_to_story and not is_now(about) and not within_story(about, story) else None
        story = told or story
        fiscal = next((m.period for m in mentions if is_financial_year(m.period) and not m.event), fiscal)  # what 'full-year' is in a half's story
        if is_heading(sentence.text) and not quantities:
            section = next((m for m in mentions if not m.event and not is_now(m) and not is_a_day(sentence.text, m)), section)
        if sentence.text.rstrip().endswith((":", "：")):
            listed = next((m for m in mentions if not m.event), context)
        names = with_referents(usable(sentence.text, named_in(sentence.text, subject, registry), registry), scope) if not sentence.section else []
        planned = None if told is not None else planned
        found = sentence_claims(source, sentence, quantities, registry, names, scope, mentions, story, carried, expected, reported, planned)
        if carried is not None and carried is section:
            found = [at_report_end(claim, section, registry) for claim in found]
        planned = period_expected(found, mentions, source.published) or planned
        if told is not None and (not found or not all(claim.outlook for claim in found) or is_over(told.period, source.published)):
            # "kept its guidance of 195 million tonnes for the year to June 2026": a period to come, of which only
            # what is expected is said, is not the one actual figures report ("expects a deficit of C$61.9 billion for
            # the fiscal year that ended in March" is)
            reported = told
        found = [in_metric_named_before(claim, sentence.text, named_last, registry) for claim in found]
        named_last.update((metric_root(claim.metric)[0], len(claims) + i) for i, claim in enumerate(found))
        found += description_claims(source, sentence, section_entity)
        if context is not carried:
            # after a story of facts, a period stated only for what is expected and not yet over
            expected = story_before is not None and not is_over(context.period, source.published) \
                and any(c.period == context.period for c in found) and all(c.outlook for c in found if c.period == context.period)
            story = story_before if expected else story  # nor is the story about the year a forecast is for
        claims.extend(found if sentence is written else [quoted_as_written(claim, written) for claim in found])
        scope.things += [n.name for n in named_things(sentence.text, registry, owned=True) if n.name not in scope.things]
        remember([n for n in names if not is_a_market(sentence.text, n, scope.subject, registry) and not in_a_clause_of_cause(sentence.text, n)
                  and not english_phrases.ranked_within(sentence.text, n.start)  # "the highest in the UK" goes on about no UK
                  and not english_phrases.in_fronted_set(sentence.text, n.start)  # "Among the region's cities, Nanjing ..."
                  and not sets_a_standard(sentence.text, n.start)
                  and (n.anaphor or not is_partner(sentence.text, n.start))], scope)  # "Shipments to China rose": no referent of what follows
    claims = with_full_names(claims, registry)
    for claim in claims:
        claim.checksum = claim.checksum or claim_checksum(claim)
    return number_claims(sorted(claims, key=lambda c: (c.line, c.column)))


def as_superlative_window(text: str, mention: PeriodMention) -> PeriodMention:
    """The span a superlative is measured over ('its weakest since May', 'the lowest share since records began in
    1995'): no time of a figure, an event that dates none."""
    if mention.event:
        return mention
    before = text[max(0, mention.start - WINDOW_REACH) : mention.start]
    opened = mention.text.lower().startswith(tuple(vocabulary("periods").get("superlative_window_openers") or ()))
    found = superlative_window()[0 if opened else 1].search(before)
    return replace(mention, event=True) if found else mention


WINDOW_REACH = 60  # characters before a period searched for a superlative and its "since"


@functools.cache
def superlative_window() -> tuple[re.Pattern, re.Pattern]:
    """(a superlative right before a period that opens with "since", ... before "since" and a few words)."""
    superlatives = word_alternation(vocabulary("claims").get("superlatives") or ["(?!x)x"])
    openers = word_alternation(vocabulary("periods").get("superlative_window_openers") or ["(?!x)x"])
    words = r"(?:\s+[\w'’-]+){0,3}?"
    return (re.compile(rf"(?<![\w-])(?:{superlatives}){words}\s+$", re.I),
            re.compile(rf"(?<![\w-])(?:{superlatives}){words}\s+(?:{openers}){words}\s+$", re.I))


def as_held_now(text: str, quantity: Quantity, mentions: list[PeriodMention]) -> Quantity:
    """'The company employs 6,800 people', 'where it employs about 4,200 people': a count right after a verb in the
    present of having or running a stock, with no time of its own after it in its clause, is of now; its period is
    left to be inferred (the publication's), not taken from the paragraph's flow."""
    if quantity.kind != "count" or quantity.period_basis not in ("stated", "context") \
            or not present_stock_verb().search(text, max(0, quantity.start - STOCK_VERB_REACH), quantity.start):
        return quantity
    end = clause_end(text, quantity.end)
    if any(quantity.end <= m.start < end for m in mentions if not m.event):
        return quantity
    return quantity.with_period(UNSPECIFIED, "none")


STOCK_VERB_REACH = 40  # characters before a count searched for its verb and a qualifier


@functools.cache
def present_stock_verb() -> re.Pattern:
    qualifiers = word_alternation(vocabulary("claims")["figure_qualifiers"] + ["more than", "just over"])
    return re.compile(rf"\b(?:{word_alternation(vocabulary('claims')['present_stock_verbs'])})\s+(?:(?:{qualifiers})\s+)?$", re.I)


def within_story(stated: PeriodMention, story: PeriodMention | None) -> bool:
    """'by the end of December' in a story about 2024, 大年初一当天 in one about the Spring Festival days
    (2025-01/2025-02): a part of the period the story is about, which stays its period."""
    if story is None:
        return False
    if re.fullmatch(r"\d{4}", story.period):
        return stated.period.startswith(story.period + "-")
    span = MONTH_SPAN.fullmatch(story.period)
    return span is not None and MONTH.fullmatch(stated.period) is not None and span["first"] <= stated.period <= span["last"]


MONTH = re.compile(r"\d{4}-\d{2}")
MONTH_SPAN = re.compile(r"(?P<first>\d{4}-\d{2})/(?P<last>\d{4}-\d{2})")


def with_full_names(claims: list[Claim], registry: Registry) -> list[Claim]:
    """'Orion' for 'Orion Bank' in an article that names Orion Bank: an organisation's short name,
    used after its full one, is the full one (unless the short one is a known place or entity)."""
    from .entities import words

    parts, divisions = frozenset(words()["sub_entities"] + words()["facilities"]), frozenset(words()["organisation_parts"])
    full = {}
    for name in {c.entity for c in claims if " " in c.entity and c.entity not in registry.entities}:
        words = name.split()
        for cut in range(1, len(words)):  # "Loch Ardan" and "Loch" for "Loch Ardan Seafoods"
            short, rest = " ".join(words[:cut]), " ".join(words[cut:])
            # "Porto companies" is a part of Porto, not its full name; so is "Fairway convenience arm" of Fairway
            if rest.lower() not in parts and rest.split()[-1].lower() not in divisions:
                full.setdefault(short, set()).add(name)
    renamed = {short: names.pop() for short, names in full.items() if len(names) == 1 and short not in registry.entities}
    if not renamed:
        return claims
    return [replace(c, entity=renamed[c.entity], checksum="") if c.entity in renamed else c for c in claims]


@functools.cache
def continuations() -> re.Pattern:
    from .entities import words

    return re.compile(word_alternation(words()["paragraph_continuations"]), re.I)


def goes_on(text: str) -> bool:
    """A paragraph that opens by going on about the one before: 'Of that, ...', '其中，', '同期，'."""
    return continuations().match(text) is not None


@functools.cache
def day_ends() -> str:
    from .languages import vocabulary

    return "".join(vocabulary("figures")["date_after"])


def is_a_day(text: str, mention) -> bool:
    """'2025年3月20日', 'March 20': the date a line (a byline) was written, not a period of figures."""
    return re.compile(rf"\s*\d{{1,2}}(?:[{re.escape(day_ends())}]|,|\s|$)").match(text, mention.end) is not None


def title_period(source: Source):
    """The one year (or part of a year) an article's title names, which its figures without a period of
    their own have: '2024年济南市国民经济和社会发展统计公报'. A title naming several years ('during the
    14th Five-Year Plan'), or a period not over at publication, dates no single figure."""
    title = reading_form(source.title or "")
    # a part of a year named without its year ('Q2 profit rises') may be a financial year's: the lead says which
    mentions = [m for m in read_periods(title, source.published)
                if not m.event and not is_now(m) and is_span(m.period) and ".." not in m.period and not (m.relative and is_part_of_year(m.anchor))]
    if len(mentions) != 1 or (source.published and not is_over(mentions[0].period, source.published)):
        return None  # '..., signals cuts later this year': a period still to come is what is expected, not reported
    return mentions[0]


def as_read(sentence: Sentence) -> Sentence:
    """The sentence as the vocabulary is written (traditional Chinese as simplified, same positions)."""
    reading = reading_form(sentence.text)
    return sentence if reading is sentence.text else replace(sentence, text=reading)


def quoted_as_written(claim: Claim, written: Sentence) -> Claim:
    """A claim read from a converted sentence, with its value and quote as the source writes them."""
    if claim.quantity is not None:
        start = claim.quantity.start
        claim.value = written.text[start : claim.quantity.end]
        claim.quote = quote_around(written.text, start, claim.quantity.end)
    else:
        claim.quote = written.text
    claim.checksum = claim_checksum(claim)
    return claim


def rates_to_levels(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'rose 18.2% to 65.7 billion yuan in 2024': a growth rate without a period of its own has the
    period of the level it rose to."""
    text = without_rate_manner(text, quantities)  # 'rose 1.2% to an annual pace of 4.1 million in October'
    result = list(quantities)
    for index in range(len(result) - 1):
        rate, level = result[index], result[index + 1]
        if rate.kind == "growth" and rate.period_basis != "stated" and level.period_basis == "stated" and GROWTH_TO.match(text[rate.end : level.start]):
            result[index] = rate.with_period(level.period, level.period_basis)
    return result


def referred(binding: Binding, earlier: str, rate: bool = False) -> Binding:
    """'The figure was 3.46 trillion yuan in 2023': a figure keyed by a word that refers back states
    the metric the paragraph stated last; 'a reading of 3.5%' (`rate`) the rate the article stated last."""
    from .entities import words

    nouns = words()["reference_nouns"] + (words()["rate_reference_nouns"] + bare_changes() if rate else [])
    if binding.match == "phrase" and binding.metric in nouns:
        return Binding(earlier, "registry") if earlier else Binding("", "phrase")  # 'the number' alone names nothing
    if not rate and earlier and "." not in earlier and binding.match == "phrase" and binding.metric in bare_amount_changes():
        return Binding(f"{earlier}.change", "registry")  # "The gain compares with an increase of 47,098": of what was counted last
    return binding


@functools.cache
def bare_amount_changes() -> frozenset[str]:
    """'increase change', 'rise change': a change noun alone keyed as the change of an amount or a count."""
    from .entities import words

    return frozenset(f"{singular(noun)} change" for noun in words()["change_nouns"])


def names_a_rate(binding: Binding) -> bool:
    """A rate's key that a bare change noun after it can take: a registry one, or a phrase of more than a head noun
    ('like-for-like sale growth'; 'production growth' is read as the registry metric named before it later)."""
    words = [w for w in binding.metric.split() if w not in ("growth", "sequential", "change")]
    return binding.match == "registry" and bool(binding.metric) or len(words) > 1


def pronouns_referred(bindings: list[Binding], quantities: list[Quantity], scope: Scope) -> list[Binding]:
    """'invested 4.7 billion euros in its networks and plans to spend 5.5 billion euros on them', 'contributed 310
    million euros of that': a pronoun names no thing; the figure measures what the figure before it in the same unit
    did (in its sentence, else the one the paragraph stated last), or has no key."""
    from .entities import words

    pronouns = set(words()["share_references"])
    read = list(bindings)
    for index, (binding, quantity) in enumerate(zip(bindings, quantities)):
        if binding.match != "phrase" or binding.metric not in pronouns or quantity.kind not in ("amount", "count"):
            continue
        before = next((read[i] for i in range(index - 1, -1, -1) if quantities[i].unit == quantity.unit and read[i].metric not in pronouns), None)
        earlier = before.metric if before else stated_before(scope, quantity)
        read[index] = Binding(earlier, before.match if before else "registry") if earlier else Binding("", "phrase")
    return read


def in_metric_named_before(claim: Claim, text: str, named_last: dict[str, int], registry: Registry) -> Claim:
    """'a trade surplus of $4.1 billion. ... a cumulative surplus of $30 billion': a noun that alone names either
    metric of a pair (vocabulary `elliptical_metrics`) is the one the story named last, when its sentence
    names neither in full."""
    root, rest = metric_root(claim.metric)
    pairs = vocabulary("claims")["elliptical_metrics"]
    word = next((w for w, pair in pairs.items() if root == w or root in pair), None)
    lowered = text.lower()
    if word is None or word not in lowered:
        return claim
    pair = pairs[word]
    if any(alias.lower() in lowered for metric in pair if metric in registry.metrics for alias in registry.metrics[metric].aliases
           if alias.lower() != word):
        return claim  # "the budget deficit": named in full
    last = max((m for m in pair if m in named_last), key=named_last.get, default=None)
    if not last or last == root:
        return claim
    rest = "." + rest[1:] if rest.startswith(" ") else rest  # a phrase's 'surplus growth' is a registry metric's '.growth'
    return replace(claim, metric=last + rest, metric_match="registry")


def metric_root(metric: str) -> tuple[str, str]:
    """'budget_deficit.share of gdp' -> ('budget_deficit', '.share of gdp'); 'surplus share of gdp' -> ('surplus', ' share of gdp')."""
    at = min((i for i in (metric.find("."), metric.find(":"), metric.find(" ")) if i > 0), default=len(metric))
    return metric[:at], metric[at:]


@functools.cache
def bare_changes() -> list[str]:
    """'had expected a rise of 3.0%', 'an initial estimate of a 4.3% drop': a change noun alone, which names no
    thing, as its metric reads it ('rise growth'): the change is of the rate the article stated last."""
    from .entities import words

    growth = set(words()["growth_nouns"])  # bare 'growth' is the economy's, for a place
    nouns = [noun for noun in words()["change_nouns"] if noun not in growth] + words()["first_reading_words"]  # 'an initial estimate of'
    return [key for noun in nouns for key in (noun, f"{singular(noun)} growth")]


GAPPED = re.compile(r"\s*(?:[a-z][\w-]*\s+){0,3}and\s+$")  # "21,000 jobs and " before "Quebec 11,000"


def growth_of_the_claim_before(quantity: Quantity, binding: Binding, before: Claim, names: list[Named]) -> bool:
    """The growth of the figure just before it in its sentence, with no name between them."""
    if quantity.kind != "growth" or before.quantity is None or binding.metric not in (f"{before.metric}.growth", f"{before.metric} growth"):
        return False
    return not any(before.quantity.end <= n.start < quantity.start for n in names)


def gapped_entity(text: str, quantity: Quantity, binding: Binding, claims: list[Claim], names: list[Named]) -> str:
    """'Ontario gained 21,000 jobs and Quebec 11,000': a figure right after 'and' and a name, with no noun or
    verb of its own, leaves out the verb and the noun of the figure before it: that figure's metric, for
    the place or organisation named."""
    if not claims or claims[-1].quantity is None or binding.metric not in FILLERS or quantity.noun:
        return ""
    before = claims[-1].quantity
    if before.kind != quantity.kind or before.unit != quantity.unit or not claims[-1].metric:
        return ""
    named = next((n for n in names if before.end < n.start and text[n.end : quantity.start].strip() == "" and not n.anaphor), None)
    if named is None or not GAPPED.fullmatch(text, before.end, named.start) or named.name == claims[-1].entity:
        return ""
    return named.name


@functools.cache
def parts_patterns() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """The opener of a part right before its figure (a qualifier or two between: 'including about 600'), the words
    of its clause after it, and the words of that clause that name nothing of the part."""
    vocab = vocabulary("claims")
    opener = re.compile(rf",\s*(?:{word_alternation(vocab['parts_openers'])})\s+(?:[a-z]+\s+){{0,2}}$", re.I)
    return opener, re.compile(r"(?:\s+[A-Za-z][\w'’-]*){1,6}"), frozenset(vocab["part_link_words"])


@functools.cache
def place_adverbs() -> frozenset[str]:
    return frozenset(vocabulary("periods")["place_adverbs"])  # "including 45 abroad": where, not a thing counted


PART_REACH = 40  # characters before a part's figure that may hold its opener and qualifiers


def part_of_the_whole(text: str, quantity: Quantity, binding: Binding, whole: Claim) -> bool:
    """'4,800 personnel were on the fire lines, including 600 from Australia': a figure opened as a part of the
    whole before it (the same unit and kind), naming no thing of its own, or only the whole's."""
    if whole.quantity is None or quantity.noun and quantity.noun.lower() not in place_adverbs() or not whole.metric or whole.quantity.unit != quantity.unit or whole.kind != quantity.kind:
        return False
    said_after = binding.match == "phrase" and text[quantity.end : quantity.end + 40].lower().lstrip().startswith(binding.metric)
    if binding.metric not in FILLERS and binding.metric != whole.metric and binding.metric not in vocabulary("claims")["parts_openers"] \
            and not said_after:  # "340 branches, including 45 abroad": the part's words, not a thing of its own
        return False
    return parts_patterns()[0].search(text, max(whole.quantity.end, quantity.start - PART_REACH), quantity.start) is not None


def part_binding(text: str, quantity: Quantity, whole: Claim, entity: str) -> Binding:
    """The whole's metric, for what the part's words name ('personnel from australia and mexico'; 'revenue:from
    services'); a part that is a place of its own ('12,000 people, including 3,000 in France') is keyed by the place."""
    if entity != whole.entity:
        return Binding(whole.metric, whole.metric_match)
    found = parts_patterns()[1].match(text, quantity.end)
    words = found.group(0).split() if found else []
    links = parts_patterns()[2]
    while words and words[0].lower() in links and words[0].lower() not in PART_PREPOSITIONS:
        words.pop(0)  # "came from services": the verb of the part's clause
    while words and words[-1].lower() in links:
        words.pop()
    if not words or words[0].lower() in CLAUSE_OPENERS:
        return Binding(whole.metric, whole.metric_match)
    part = " ".join(words).lower()
    return Binding(f"{whole.metric}:{part}" if whole.metric_match == "registry" else f"{whole.metric} {part}", whole.metric_match)


PART_PREPOSITIONS = frozenset({"from", "in", "at", "on", "for", "by", "of", "to"})
CLAUSE_OPENERS = frozenset({"and", "but", "while", "which", "who", "as", "so"})


def added_count(text: str, quantity: Quantity, binding: Binding) -> Binding:
    """'hire 300 more nurses', '3,000 more staff than a year ago': a count whose noun opens with a word of adding is
    the change of what the noun counts ('nurse change', 'employees.change'), never the level of it."""
    words = (quantity.noun or "").lower().split()
    adding = vocabulary("claims")["added_count_words"]
    added = len(words) > 1 and words[0] in adding or words == ["more"] and adding_before().search(text, max(0, quantity.start - 20), quantity.start)
    if quantity.kind not in ("count", "rate") or not binding.metric or not (added or more_than_before(text, quantity)):
        return binding
    if binding.match == "registry":
        return binding if "." in binding.metric else Binding(f"{binding.metric}.change", binding.match, binding.at)
    head = binding.metric.split(" ", 1)[1] if added and binding.metric.split(" ", 1)[0] == words[0] and " " in binding.metric else binding.metric
    return Binding(head if head.endswith(("change", "growth")) else f"{head} change", binding.match, binding.at)


@functools.cache
def adding_before() -> re.Pattern:
    """A verb of adding right before a count ('plans to add 14 more')."""
    return re.compile(rf"\b(?:{word_alternation(vocabulary('claims')['adding_verbs'])})\s+(?:another\s+)?$", re.I)


@functools.cache
def more_than_before_pattern() -> re.Pattern:
    periods = vocabulary("periods")
    before = word_alternation(periods["a_year_back_after"] + periods["last_year"] + periods["year_before_said"])
    return re.compile(rf"\s+(?:more|fewer)\s+than\s+(?:{before})(?![\w-])", re.I)


def more_than_before(text: str, quantity: Quantity) -> bool:
    """'108,000 staff, 3,000 more than a year ago': a bare count more than at a time before is the change since then."""
    if quantity.noun and quantity.noun.lower() not in ("more", "fewer"):
        return False  # the reader takes the comparative of "3,000 more than" for a noun
    return more_than_before_pattern().match(text, quantity.end) is not None


FILLERS = frozenset({"", "amount", "value"})  # a key that names no thing: "" (phrase_metric found none) or a bare word for one


def facts(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The figures a sentence states as facts, not as forecasts, targets or plans ('sold 412,000 vehicles in the nine
    months to December, and raised its forecast for the year to March to 185 billion yen'); all when none is."""
    kept, expected = [], None
    for quantity in quantities:
        if outlook(text, quantity) or expected is not None and FROM_BETWEEN.fullmatch(text, expected.end, quantity.start):
            expected = quantity  # and the forecast it replaced: 'to 185 billion yen from 170 billion yen'
            continue
        kept.append(quantity)
    return kept or quantities


FROM_BETWEEN = re.compile(r"\s+from\s+(?:(?:an?|the|its)\s+)?(?:[a-z]+\s+){0,3}?", re.I)


def without_bases(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'grew 4.0% in September, up from a revised 4.1% in August': the rates a change is set against are left out of
    the period the sentence states for the sentences after it, when what is left are changes (a level or a forecast
    set against a base, 'fell to $2.3 billion at the end of September from $2.8 billion', keeps its sentence's
    periods as they were: a stock's date or a plan's year is not what the next sentences go on about)."""
    kept = [q for q in quantities if not comparison_base_before().search(text, max(0, q.start - BASE_LOOKBACK), q.start)]
    return kept if kept and all(q.kind == "growth" for q in kept) else quantities


BASE_LOOKBACK = 48  # characters before a figure searched for a comparison's opener: a few short words


@functools.cache
def comparison_base_before() -> re.Pattern:
    vocab = vocabulary("claims")
    return re.compile(rf"\b(?:{word_alternation(vocab['comparison_base_openers'])})\s+"
                      rf"(?:(?:{word_alternation(vocab['comparison_base_words'])})\s+){{0,3}}$", re.I)


def stated_period(quantities: list[Quantity], mentions: list, bases_allowed: bool = False) -> object | None:
    """The one period a sentence states for all its figures, which holds for the rest of its paragraph
    ('The province's R&D spending was 130.4 billion yuan in 2024. Of that, enterprises ...'); a period
    that only some of them state is the period of those, such as the base of a comparison. With
    `bases_allowed`, the period of the sentence's first figure when the others are of earlier periods
    (its bases: 'profit of Rs 4,250 crore for the quarter, up from Rs 3,899 crore a year earlier'): the
    period the story is about, though not one the next sentence's figures take as stated."""
    levels = [q for q in quantities if q.kind != "growth"] or quantities
    levels = [q for q in levels if ".." not in q.period] or levels  # "the first time it topped five million since 1851": how long, not when
    periods = {q.period if q.period_basis == "stated" else None for q in levels}
    if not levels or None in periods:  # 'stood at 14.1%, up from 13.6% at the end of 2023': a base only
        return None
    period, end = levels[0].period, last_month(levels[0].period)
    if len(periods) > 1 and not (bases_allowed and end and all((last_month(other) or end) < end for other in periods - {period})):
        return None
    return next((m for m in mentions if m.period == period and not m.event and not is_now(m) and not m.running and is_span(m.period)), None)


def period_expected(found: list[Claim], mentions: list[PeriodMention], published: date | None) -> PeriodMention | None:
    """The one period to come that a sentence states for every figure it expects ('Kenya plans to spend 4.29
    trillion shillings in the fiscal year starting July 1, up from 3.99 trillion this year'): what a later
    plan or forecast with no period of its own is for ('Debt service will absorb 1.86 trillion shillings')."""
    periods = {c.period for c in found if c.outlook and c.period_basis == "stated"}
    if len(periods) != 1 or any(c.outlook and c.period_basis != "stated" for c in found):
        return None
    period = periods.pop()
    if not is_span(period) or is_over(period, published) or not re.fullmatch(r"\d{4}-\d\d/\d{4}-\d\d|\d{4}", period):
        return None
    return next((m for m in mentions if m.period == period and not m.event and not m.anchor), None)


def sentence_claims(source: Source, sentence: Sentence, quantities: list[Quantity], registry: Registry, names: list, scope: Scope,
                    periods: list = (), story: PeriodMention | None = None, context: PeriodMention | None = None,
                    expected: bool = False, reported: PeriodMention | None = None,
                    planned: PeriodMention | None = None) -> list[Claim]:
    if not quantities:
        return []
    text, subject = sentence.text, scope.subject
    bindings: list[Binding] = []
    rate_before = ""  # 'grew 3.4%, after a rise of 1.9% a year earlier': a bare change noun is the rate before it in its sentence
    for index, (b, q) in enumerate(zip(bind_metrics(text, quantities, registry, subject, scope.metric, without_periods(text, periods)), quantities)):
        if q.unit == "percent" and not b.metric:
            bare_rate = BARE_RATE.search(text, max(0, q.start - 60), q.start) is not None  # "The rate has stood at 4.5%"
            if bare_rate or PRONOUN_LEVEL.search(text, max(0, q.start - 40), q.start):  # "when it stood at 5.5%"
                b = Binding(scope.measured.get(RATE_NAMED if bare_rate else RATE, ""), "registry")
                b = b if b.metric else Binding("", "phrase")
            elif index and quantities[index - 1].unit == "percent" and bindings[-1].metric and SERIES_AND.search(text, max(0, q.start - 8), q.start):
                b = bindings[-1]  # "sees the rate at around 4.0% by the end of 2025 and 3.25% by the end of 2026"
        bindings.append(referred(b, rate_before or scope.measured.get(RATE, ""), rate=True) if q.unit == "percent" else referred(b, stated_before(scope, q)))
        rate_before = bindings[-1].metric if q.unit == "percent" and names_a_rate(bindings[-1]) else rate_before
    bindings = pronouns_referred(bindings, quantities, scope)
    bindings = [measured_in_unit_before(text, b, q, scope, registry) for b, q in zip(bindings, quantities)]
    bindings = named_by_unit(text, bindings, quantities, registry)
    stated = [b.metric for b, q in zip(bindings, quantities) if b.match == "registry" and "." not in b.metric and q.kind in ("amount", "count")]
    scope.metric = stated[-1] if stated else scope.metric  # what a later 'of that' is a share of
    names = entity_candidates(text, names)  # `names`: those that can be a figure's entity (entities.usable)
    names = [n for n in names if not in_a_clause_of_cause(text, n)]  # "fell 11% after a drought in Minas Gerais": where the cause was
    quantities = respectively_dated(text, quantities, periods)
    respective = respectively_read(source, text, quantities, registry, scope, bindings)
    claims: list[Claim] = []
    for index, quantity in enumerate(quantities):
        binding, role = bindings[index], ""
        entity = section_entity(sentence.section) if sentence.section else figure_entity(text, quantity.start, names, scope, quantity.kind == "share")
        if index in respective:
            binding, own_entity, quantity = respective[index]
            entity = own_entity or entity
        entity, binding = thing_named_alone(text, quantity, binding, entity, scope, registry)
        entity = held_as_the_place(entity, binding.metric, registry)
        binding = without_own_name(text, quantities, index, binding, entity, scope)
        binding = of_the_economy(for_a_place(binding, entity, registry), text, entity, quantity, registry, claims)
        if quantity.kind == "share" and quantity.unit == "percent" and (binding.metric.endswith(".growth")
                                                                        or binding.match == "phrase" and english_phrases.ends_in_growth_noun(binding.metric)):
            quantity = replace(quantity, kind="growth")  # 'economic growth slowed to 4.6%'
        binding = compared_variant(text, quantity, sequential(text, quantity, with_partner(text, quantity, short_name(binding, scope, registry), entity)), claims)
        binding = chinese_segment(text, quantity, binding, entity, registry)
        binding = of_visitors_from(text, quantity, binding, entity)
        binding = head_of_counted(text, binding, quantity, scope, registry)
        entity, binding = in_a_market(text, quantity, binding, entity, subject, registry)
        entity = quoted_good(text, quantity, binding, entity, names, registry)
        binding = in_real_terms(text, quantity, binding, registry)
        binding = partner_of_the_level(text, binding, claims, quantity)
        binding = share_of_the_level(text, binding, claims, quantity)
        binding = recovered_share_of_the_level(text, binding, claims, quantity)
        binding = part_of_the_same_measure(text, binding, claims, quantity, entity)
        binding = per_unit_of_the_level(text, binding, claims, quantity)
        if quantity.kind == "growth" and (is_compared_with_another(text, quantity.start, names)
                                          or chinese_figures.compared_with_a_measure(text, quantity.start, quantity.end)):
            binding = growth_gap(binding, claims)
        elif claims and is_rate_difference(quantity, binding, claims[-1]):
            binding = Binding(binding.metric[: -len(".growth")] + ".growth_change", binding.match, binding.at)
        elif quantity.kind == "growth" and chinese_figures.states_rate_change(text, quantity.start, quantity.end):
            binding = rate_change(sequential_rate_before(binding, claims))  # 降幅收窄1.2个百分点: the change of the growth rate
        elif claims and is_share_change(text, quantity, claims[-1]):
            binding = share_change(claims[-1], binding)  # 占总收入的59.5%，同比提高4.2个百分点
        if claims and is_ratio_change(text, quantity, claims[-1]):
            binding = Binding(f"{claims[-1].metric} change", claims[-1].metric_match, binding.at)
        if quantity.kind == "share" and (quantity.unit == "count" and chinese_figures.is_multiple_of_another(text, quantity.start, quantity.end)
                                         or quantity.unit == "percent" and chinese_figures.is_relative_level(text, quantity.start)):
            binding = as_multiple(text, quantity, binding, registry, claims)
        if quantity.kind == "amount" and chinese_figures.is_change_difference(text, quantity.start):
            binding = change_difference(text, quantity, binding, claims)
        if revises_an_outlook(text, quantity) and binding.metric:  # 'cut its profit forecast by 18%'
            binding = Binding(outlook_measure(binding.metric) + ".revision", binding.match, binding.at)
        binding = measure_expected(text, binding, quantity, scope, registry)
        if quantity.kind == "share" and quantity.unit == "percent" and binding.metric.endswith(".growth"):
            quantity = replace(quantity, kind="growth")  # "Economists had expected 3.5%" after an inflation rate: its forecast
        binding = added_count(text, quantity, binding)
        size = size_of(text, quantity, registry, subject)
        original = conversion_of(text, quantities, index)
        if size:
            binding = Binding(size[0], "registry" if size[0] in registry.metrics else "phrase")
            entity = size[1] or entity
        elif original is not None and claims:
            binding, entity, role = Binding(claims[-1].metric, claims[-1].metric_match), claims[-1].entity, "conversion"
        binding = of_an_index(text, quantity, binding)
        binding = share_of_a_named_rival(binding, quantity, entity, names, scope)
        gapped = gapped_entity(text, quantity, binding, claims, names)
        if not gapped and claims and growth_of_the_claim_before(quantity, binding, claims[-1], names):
            entity = claims[-1].entity  # "The airport handled 33.6 million passengers, up 7%": the airport's growth
        if gapped:
            binding, entity = Binding(claims[-1].metric, claims[-1].metric_match), gapped
        elif claims and part_of_the_whole(text, quantity, binding, claims[-1]):
            binding = part_binding(text, quantity, claims[-1], entity)
        elif binding.metric in FILLERS and claims and claims[-1].metric_match == "registry" and claims[-1].entity != entity \
                and claims[-1].kind == quantity.kind and claims[-1].quantity.unit == quantity.unit:
            binding = Binding(claims[-1].metric, "registry")  # "GDP ... 14.16 trillion yuan, with Shenzhen contributing 3.68 trillion yuan"
        period, basis = quantity.period, quantity.period_basis
        if source.published and against_a_record_now(text, quantity, period, source.published):
            period = f"{source.published.year}-{source.published.month:02d}"  # 'up 16% since January, but 14% below its record': now
        if basis == "context" and is_market(binding.metric, registry):
            period = UNSPECIFIED  # 'Brightfield's 2024 profit was ... Its shares rose 2.4% to 31.80 euros': today's price
        elif basis == "context" and source.published and changed_on_a_weekday(text, quantity):
            period, basis = f"{source.published.year}-{source.published.month:02d}", "inferred"  # 'saw outflows of $430 million on Tuesday' 
        elif basis == "context" and context is not None and context.point and is_flow(text, quantity, binding.metric, registry):
            period = flow_through(period)  # '2024年末，常住人口1779万人。地区生产总值3.68万亿元': the GDP of 2024
        own_outlook = outlook(text, quantity) or continued_outlook(text, quantity, claims)
        expected_with = another_object(text, quantity, claims)
        if expected_with is not None:
            own_outlook = own_outlook or expected_with.outlook
            if not dated_in_own_clause(text, quantity, periods):
                period, basis = expected_with.period, "stated"  # no time of its own: the expected figure's
        if own_outlook and basis == "stated" and PART_OF_A_YEAR.fullmatch(period) and names_whole_year(text, quantity):
            period = period[:4]  # '上半年，…营业收入520亿元，全年目标为1000亿元': the whole of the half's year
        if not own_outlook and basis == "context" and expected and not is_over(period, source.published):
            period = UNSPECIFIED  # "expects net profit of ... this year. It proposed a dividend of": a fact is not of the year expected
        if own_outlook == "plan" and basis == "stated" and is_over(period, source.published) and not dated_in_own_clause(text, quantity, periods):
            period = UNSPECIFIED  # "posted a loss for 2024 and said it would cut 900 jobs": the plan is not of 2024
        if own_outlook == "plan" and basis == "context" and is_over(period, source.published) and not distributes_profit(binding.metric):
            period = UNSPECIFIED  # "Nordhavn will cut 900 jobs" after a paragraph about 2024: not a plan for 2024
        if basis == "open":
            basis = "none"  # 'rose from 300 to 340 in the third quarter': the start's period is left open
        elif period == UNSPECIFIED:
            period = inferred_period(text, quantity, binding.metric, registry, source, (planned or story) if own_outlook else reported, own_outlook)
            basis = "inferred" if period != UNSPECIFIED else "none"
            if claims and reached_by(text, claims[-1], quantity, binding.metric):
                period = claims[-1].period  # 'falling 31,000 to 723,000': the level at the end of the change
            elif claims and quantity.kind == "growth" and binding.metric in (f"{claims[-1].metric}.growth", f"{claims[-1].metric} growth"):
                period = claims[-1].period  # 'a budget of $338 billion, about 3% more than the previous one': the same period
            elif claims and quantity.kind == "share" and claims[-1].quantity and OR_BETWEEN.fullmatch(text, claims[-1].quantity.end, quantity.start):
                period = claims[-1].period  # 'stood at C$1.24 trillion, or 42.1% of GDP': that level's share, at its date
        binding = against_the_step_before(text, quantity, binding, period, periods)
        binding = as_the_step_after(text, quantity, binding, claims)
        replaced_outlook = earlier_outlook(text, claims, quantity) if not own_outlook or forecast_said_after(text, quantity) else ""
        if own_outlook == "target" and basis == "inferred" and source.published and not names_whole_year(text, quantity):
            period = f"{source.published.year}-{source.published.month:02d}"  # "above its 4% target": a standing target
        reached = claims[-1].period if claims else ""  # the level a change reached, when the figure is what it started from
        if replaced_outlook and claims[-1].period != UNSPECIFIED:
            period = claims[-1].period  # "cut its harvest target to 58,000 tonnes from 63,000 tonnes": the old target was of the same period
        period = period if replaced_outlook else dated(text, quantity, binding.metric, period, source.published, reached)  # a replaced forecast is of the same period
        if own_outlook == "forecast" and is_past_base(text, quantity, period, claims, source.published):
            own_outlook = ""  # "is projected to grow 1.5% in 2025 after 0.6% in 2024": what it grows from happened
        if not own_outlook and source.published and period == str(source.published.year) and is_standing_rate(binding.metric, registry):
            period = f"{source.published.year}-{source.published.month:02d}"  # "has cut its key rate four times this year, to 3.75%": now
        entity = of_the_place(entity, binding, own_outlook, subject, registry)
        entity = place_a_speaker_names(text, quantity, binding, entity, names, registry)
        entity = capital_for_its_country(text, quantity, binding, entity)
        binding = economy_growth(binding, entity, registry)
        if (own_outlook or replaced_outlook) and binding.match == "phrase":
            binding = Binding(without_outlook_noun(binding.metric), binding.match, binding.at)  # "its growth target": growth
        claim = Claim(
            id="",
            source=source.path.as_posix(),
            entity=entity,
            metric=binding.metric,
            value=quantity.surface,
            period=period,
            period_basis=basis,
            qualifier=quantity.qualifier,
            kind=quantity.kind,
            quote=quote_around(text, quantity.start, quantity.end),
            line=sentence.line,
            column=sentence.column + quantity.start,
            metric_match=binding.match,
            role=role,
            direction="down" if quantity.kind == "growth" and quantity.value < 0 else "",
            revision=revision_stage(text, quantity.start),
            noun=quantity.noun,
            base=quantity.base,
            quantity=quantity,
            currency=quantity.unit if quantity.currency_from in ("source", "context") else "",
            outlook=own_outlook or replaced_outlook,
        )
        if replaced_outlook:  # the forecast a later one replaced: stages of a revision
            claim.revision, claims[-1].revision = claim.revision or "preliminary", claims[-1].revision or "revised"
            claims[-1].checksum = claim_checksum(claims[-1])
        elif is_earlier_reading(text, quantity, claim, claims):  # "now estimated at 315,000, up from 303,000"
            claim.revision, claims[-1].revision = "preliminary", "revised"
            claims[-1].checksum = claim_checksum(claims[-1])
        claim.checksum = claim_checksum(claim)
        claims.append(claim)
        if binding.metric and quantity.kind in ("amount", "count", "rate"):
            scope.measured[LAST + quantity.unit] = re.sub(r"(?:\.| )(?:growth|change)$", "", binding.metric)
        if binding.metric and not claim.outlook and quantity.kind in ("amount", "count") and not opposite_base_of(text, claims, registry):
            measured = re.sub(r"(?:\.| )(?:growth|change)$", "", binding.metric)
            scope.measured[quantity.unit] = scope.measured[ANY + quantity.kind] = scope.measured[ANY + quantity.kind + claim.period] = measured
        if binding.match == "registry" and quantity.kind == "count" and binding.metric in registry.metrics:
            scope.measured[COUNTED] = binding.metric
        if binding.metric and not claim.outlook and quantity.unit == "percent":
            scope.measured[RATE] = binding.metric  # what 'a reading of 3.5%' in a later sentence refers to
        if quantity.unit == "percent" and RATE_KEY.search(binding.metric):
            scope.measured.setdefault(RATE_NAMED, binding.metric)  # the story's rate: what 'the rate' in a later sentence is
    return claims


ATTACHING_WORD = re.compile(r"\s*(?:[a-z]+\s+){0,1}")  # 'in ', 'for ': a word between a figure and its period

def share_of_a_named_rival(binding: Binding, quantity: Quantity, entity: str, names: list[Named], scope: Scope) -> Binding:
    """'The Green Party took 9.6% of the vote. The Liberal Union dropped to 27.4%': a bare percentage said of an
    organisation its sentence names states the share the article stated last, for that organisation."""
    earlier = scope.measured.get(RATE, "")
    if binding.metric or quantity.kind != "share" or quantity.base or SHARE_KEY not in earlier or not entity:
        return binding
    from .entities import between

    near = between(names, max(0, quantity.start - WINDOW), quantity.start)  # the names near it, not the whole sentence's
    named = any(n.name == entity and n.kind == "organisation" and not n.anaphor for n in near)
    return Binding(earlier, "phrase") if named else binding


SHARE_KEY = "share of "


def of_an_index(text: str, quantity: Quantity, binding: Binding) -> Binding:
    """'Stocks rallied, and the Nasdaq Composite jumped 1.7%': an index its clause names is the figure's metric, over
    a registry metric another clause names (an index that is a registry metric, 'the Consumer Price Index', stays one)."""
    index = index_of_clause(text, quantity)
    if not index or find_mentions(index, "metrics"):
        return binding
    return Binding(f"{index} growth" if quantity.kind == "growth" else index, "phrase")


def named_by_unit(text: str, bindings: list[Binding], quantities: list[Quantity], registry: Registry) -> list[Binding]:
    """'The utility's output rose to 14.8 TWh': a head noun alone measured in a physical unit is the one registry metric
    of that unit it names the head of ('power output' of power_generation); the change it rose by ('lifted its output
    by 9% to 1.2 TWh') goes with it."""
    result = list(bindings)
    for index, (binding, quantity) in enumerate(zip(bindings, quantities)):
        metric = unit_metric(binding, quantity, registry)
        if not metric:
            continue
        result[index] = Binding(metric, "registry", binding.at)
        before = index - 1
        if before >= 0 and quantities[before].kind == "growth" and result[before].match == "phrase" \
                and result[before].metric == binding.metric + " growth" and GROWTH_TO.match(text[quantities[before].end : quantity.start]):
            result[before] = Binding(metric + ".growth", "registry", result[before].at)
    return result


def unit_metric(binding: Binding, quantity: Quantity, registry: Registry) -> str:
    if binding.match != "phrase" or not quantity.measure or quantity.kind != "amount" or " " in binding.metric or not binding.metric:
        return ""
    ending = " " + binding.metric
    keys = [key for key, metric in registry.metrics.items() if metric.unit == quantity.unit
            and any(alias.lower().endswith(ending) for alias in metric.aliases)]
    return keys[0] if len(keys) == 1 else ""


def measured_in_unit_before(text: str, binding: Binding, quantity: Quantity, scope: Scope, registry: Registry) -> Binding:
    """'Saudi Arabia, the group's top producer, pumped 9.95 million bpd, up 120,000 bpd': a physical quantity said of
    nothing named, or of the head noun alone ('Iraqi output slipped to 4.1 million bpd'), measures what the article
    last measured in its unit (its change, for a change)."""
    earlier = scope.measured.get(LAST + quantity.unit, "") if quantity.measure else ""
    head = binding.metric.removesuffix(" change")
    head = "" if head in anaphor_nouns() or head in organisation_part_nouns() else head  # "the group pumped 27.8 million bpd", "its unit sold"
    if not earlier or (head and not earlier.endswith(" " + head)):  # "Iraqi output" after "oil output" in barrels a day
        return binding
    known = earlier.split(":")[0] in registry.metrics
    if is_change(text, quantity):
        earlier += ".change" if known else " change"
    return Binding(earlier, "registry" if known else "phrase")


@functools.cache
def organisation_part_nouns() -> frozenset[str]:
    """'unit', 'division', 'arm': the head of a part of an organisation, which names no thing measured."""
    from .entities import words

    return frozenset(singular(noun) for noun in words()["organisation_parts"])


def stated_before(scope: Scope, quantity: Quantity) -> str:
    """What 'the total', 'the figure' refers to: the metric last stated for the figure's period ('last year's total' after
    December's average transfer is the year's remittances), else the paragraph's, else the article's last."""
    return scope.measured.get(ANY + quantity.kind + quantity.period, "") or scope.metric or scope.measured.get(ANY + quantity.kind, "")


ANY = "*"  # scope.measured's key, before a kind, for the last metric of an amount (or a count) in any unit: what 'last year's
# total' in a later paragraph is; a count's metric is never what 'its value' in money refers to
LAST = "last "  # scope.measured's key before a unit for the last metric of that unit, forecasts too
COUNTED = "registry count"  # scope.measured's key for the last registry metric of a count
RATE = "%"  # scope.measured's key for the last rate in percent, beside its units
RATE_NAMED = "rate %"  # scope.measured's key for the last metric named a rate ('policy rate', 'unemployment_rate')
RATE_KEY = re.compile(r"(?:^|[\s_:])rate$")
BARE_RATE = re.compile(r"\b(?:the|its|this|that)\s+rate\s+(?!of\b)[^,;.%]{0,40}$", re.I)  # "the rate", not "the rate of growth"
# "it stood at 5.5%", "it has held at 2.1%": a pronoun's level in percent is the rate stated before
PRONOUN_LEVEL = re.compile(r"\bit\s+(?:has\s+|had\s+)?(?:stood|was|held|remained|stayed|sat|hovered)\s+(?:(?:at|below|above|under|over|near)\s+)?(?:(?:about|around|nearly)\s+)?$", re.I)


def against_the_step_before(text: str, quantity: Quantity, binding: Binding, period: str, periods) -> Binding:
    """'6% more than in the June quarter' of a September-quarter figure: a change on the quarter (or
    month) just before is its metric's sequential growth."""
    if quantity.kind != "growth" or not binding.metric.endswith((".growth", " growth")) or binding.metric.endswith("sequential growth"):
        return binding
    first = bisect.bisect_left(periods, quantity.end, key=lambda m: m.start)  # periods are in order of start
    near = [m for m in periods[first : first + 3] if m.start <= quantity.end + 40]
    compared = english_phrases.words()["compared_base"]
    base = next((m for m in near if compared.match(text[quantity.end : m.start])), None)
    if base is None and len(near) > 1 and near[0].period == period and ATTACHING_WORD.fullmatch(text[quantity.end : near[0].start]):
        # 'rose 1.3% in September from August': the figure's own period, then the one it is set against
        base = near[1] if compared.match(text[near[0].end : near[1].start]) else None
    if base is None or base.period not in (step_before(period, "M"), step_before(period, "Q")) or base.period == period:
        return binding
    metric = binding.metric.removesuffix(".growth") + ".sequential_growth" if binding.metric.endswith(".growth") \
        else binding.metric.removesuffix(" growth") + " sequential growth"
    return Binding(metric, binding.match, binding.at)


def as_the_step_after(text: str, quantity: Quantity, binding: Binding, claims: list[Claim]) -> Binding:
    """'increased 3.1% in September compared with August, after a 3.7% fall the month before': a change of the
    month (or quarter) before a sequential change of the same metric is measured the same way."""
    previous = claims[-1].metric if claims and quantity.kind == "growth" else ""
    if not previous.endswith(".sequential_growth") or binding.metric != previous.replace(".sequential_growth", ".growth") \
            or previous_step(text, quantity) not in ("M", "Q"):
        return binding
    return Binding(previous, binding.match, binding.at)


@functools.cache
def outlook_noun_in_key() -> re.Pattern:
    nouns = "|".join(map(re.escape, english_phrases.words()["outlook_key_nouns"]))
    return re.compile(rf"(?<=.) (?:{nouns})(?=$|[. ](?:growth|change|revision)$)")


def without_outlook_noun(metric: str) -> str:
    """'growth target' -> 'growth', 'sale forecast growth' -> 'sale growth': the outlook is in the claim's
    `outlook`, not in its metric."""
    return outlook_participle_opening().sub("", outlook_noun_in_key().sub("", metric))  # "expected growth": growth


@functools.cache
def outlook_participle_opening() -> re.Pattern:
    return re.compile(rf"^(?:{word_alternation(english_phrases.words()['outlook_participles'])})\s+(?=\S)")


def outlook_measure(metric: str) -> str:
    """What a forecast or target forecasts: 'sale target growth' -> 'sale', 'operating_profit.growth' -> 'operating_profit'."""
    return re.sub(r"(?<=.)[. ](?:growth|change)$", "", without_outlook_noun(metric))


def measure_expected(text: str, binding: Binding, quantity: Quantity, scope: Scope, registry: Registry) -> Binding:
    """'kept its full-year guidance of 820,000 tonnes', 'its annual target of 450,000 vehicles': a
    forecast keyed only by its noun of expecting, or by a thing a registry metric counts, states the
    metric the article last stated in the same unit."""
    forecasters = english_phrases.words()["forecaster_nouns"]
    rate_like = quantity.kind == "growth" or quantity.kind == "share" and quantity.unit == "percent"  # "Economists had expected 3.5%"
    if rate_like and binding.match == "phrase" and binding.metric.removesuffix(" growth") in forecasters \
            and scope.measured.get(RATE) and outlook(text, quantity):  # "beating economists' forecasts of a 1.9% rise"
        rate = scope.measured[RATE]
        return Binding(rate, "registry" if rate.split(".")[0].split(":")[0] in registry.metrics else "phrase", binding.at)
    earlier = scope.measured.get(quantity.unit, "")
    if binding.match == "phrase" and binding.metric in english_phrases.words()["outlook_key_nouns"]:
        earlier = scope.measured.get(LAST + quantity.unit, earlier)  # "cut its own forecast to" after another's profit forecast
    if binding.match != "phrase" or not earlier or quantity.kind not in ("amount", "count"):
        return binding
    if binding.metric not in english_phrases.words()["outlook_key_nouns"]:
        counted = earlier in registry.metrics and binding.metric in {singular(n.lower()) for n in registry.metrics[earlier].nouns}
        forecaster = binding.metric in forecasters or not binding.metric  # "Analysts had been looking for $15.1 billion", "Economists expected"
        if not ((counted or forecaster) and outlook(text, quantity)):  # "the city has 3 million vehicles" counts no deliveries
            return binding
    return Binding(earlier, "registry" if earlier in registry.metrics else "phrase", binding.at)


def earlier_outlook(text: str, claims: list[Claim], quantity: Quantity) -> str:
    """'raised its forecast to $9.2 billion, from $9.0 billion previously', 'cut its outlook to 7.2%
    from 7%', 'down from the 9.2 million it had forecast in May': what a forecast is revised from is the
    earlier forecast."""
    previous = claims[-1].quantity if claims else None
    if previous is None or not claims[-1].outlook or previous.end > quantity.start:
        return ""
    if not COMPARED.search(text[previous.end : quantity.start][-40:]):
        return ""
    revised = english_phrases.words()["earlier_estimate"].match(text, quantity.end) or forecast_said_after(text, quantity) \
        or english_phrases.words()["revising_verb"].search(text, clause_start(text, previous.start), previous.start)
    return claims[-1].outlook if revised else ""


def reached_by(text: str, change: Claim, quantity: Quantity, metric: str) -> bool:
    """Whether `quantity` is the level the change just before it ended at ('fell by 16,000 to 33.9 million',
    'rose 12% to 6,841 homes')."""
    previous = change.quantity
    steps = (f"{metric}.change", f"{metric} change", f"{metric}.growth", f"{metric} growth")  # 'rose 12% to 6,841 homes'
    return previous is not None and change.metric in steps \
        and previous.end <= quantity.start and GROWTH_TO.match(without_noun(text[previous.end : quantity.start], previous.noun)) is not None


def for_a_place(binding: Binding, entity: str, registry: Registry) -> Binding:
    """'Britain added 120,000 jobs': what a company's metric counts, a place's measures as its own (`for_places`)."""
    base, dot, rest = binding.metric.partition(".")
    name, colon, narrowed = base.partition(":")  # "Health care added 52,000 jobs": the place's health-care employment
    known = registry.metrics.get(name) if binding.match == "registry" else None
    if not known or not known.for_places or kind_of(entity, registry) == "organisation":
        return binding
    return Binding(known.for_places + colon + narrowed + dot + rest, binding.match, binding.at)


BASE_BEFORE = re.compile(r"\b(?:from|after|against|versus|compared\s+(?:with|to))\s+(?:(?:about|around|roughly|some|nearly|a|an)\s+)?$", re.I)


def is_past_base(text: str, quantity: Quantity, period: str, claims: list[Claim], published: date | None) -> bool:
    """A figure a forecast starts from ('to $5 billion in 2025 from $4.6 billion in 2024'), of a period already over
    and not the forecast's own (a forecast raised 'to 7.2% from 7%' replaces one of the same year)."""
    return bool(claims) and claims[-1].outlook == "forecast" and claims[-1].period != period and is_over(period, published) \
        and BASE_BEFORE.search(text, max(0, quantity.start - 30), quantity.start) is not None


def without_own_name(text: str, quantities: list[Quantity], index: int, binding: Binding, entity: str, scope: Scope) -> Binding:
    """'Fingal grew fastest, rising 12% to 330,506': a key that is only the figure's own entity's name names no thing;
    a level in the unit the article last measured by a registry metric is that metric, and a growth the level's it
    rises to."""
    if binding.match != "phrase" or not entity or not binding.metric or CHANGE_SUFFIX.match(binding.metric)[1] != phrase_key(entity):
        return binding
    quantity = quantities[index]
    if quantity.kind == "growth" and index + 1 < len(quantities) and GROWTH_TO.match(text[quantity.end : quantities[index + 1].start]):
        level = quantities[index + 1]  # "rising 12% to 330,506": the growth of the level reached
    else:
        level = quantity if quantity.kind in ("amount", "count") else None
    earlier = scope.measured.get(LAST + level.unit, "") if level else ""
    if earlier.split(":")[0] not in load_registry().metrics:
        return binding  # only a registry measure is taken up again: a key read from other words may not be this one's
    measured = Binding(earlier, "registry")
    return growth_of(measured) if quantity.kind == "growth" else measured


def of_places(binding: Binding, registry: Registry) -> bool:
    """Whether the binding is of a registry metric only a place has (GDP, consumer prices, unemployment)."""
    known = registry.metrics.get(binding.metric.split(".")[0].split(":")[0]) if binding.match == "registry" else None
    return known is not None and known.of_places


def of_the_place(entity: str, binding: Binding, own_outlook: str, subject: str, registry: Registry) -> str:
    """'Core inflation was 3.4%' after a sentence about Norges Bank, in a story about Norway: a measure only a place
    has (`of_places`), said of an organisation, is the story's place's; a body's forecast or target stays its own."""
    if not of_places(binding, registry) or own_outlook or kind_of(entity, registry) != "organisation":
        return entity
    if entity != subject and kind_of(subject, registry) != "organisation":
        return subject
    return place_in_name(entity, registry) or entity  # "Unemployment held at 5.4%" in a story about the Bank of Lorne


def capital_for_its_country(text: str, quantity: Quantity, binding: Binding, entity: str) -> str:
    """'Ottawa aims to cut the deficit to C$30 billion in 2026': a national capital whose verb of outlook opens the
    figure's clause, with a measure of a national government's finances (`national_metrics`), stands for its
    country's government; 'Ottawa's unemployment rate' and 'Tokyo plans to spend 8 trillion yen' stay the city's."""
    from .entities import words

    country = words()["capitals_for_countries"].get(entity)
    base = binding.metric.split(".")[0].split(":")[0]
    if not country or binding.match != "registry" or base not in words()["national_metrics"]:
        return entity
    start = clause_start(text, quantity.start)
    return country if capital_acts().search(text[start : quantity.start]) and entity in text[start : quantity.start] else entity


@functools.cache
def capital_acts() -> re.Pattern:
    """A capital of `capitals_for_countries` followed by a verb of outlook ('Ottawa aims to', 'Tokyo plans to')."""
    from .entities import words

    capitals = word_alternation(sorted(words()["capitals_for_countries"]))
    verbs = word_alternation(sorted(phrase for table in words()["outlook"].values() for phrase in table))
    return re.compile(rf"\b(?:{capitals})\s+(?:{verbs})\b")


def place_a_speaker_names(text: str, quantity: Quantity, binding: Binding, entity: str, names: list[Named], registry: Registry) -> str:
    """'Lorne Foods said unemployment was 5% in Poland': an organisation that says a measure only a place has (`of_places`),
    or a place's measure as a whole ('copper production in Chile as a whole'), is its speaker; the place its saying names
    in the figure's clause is whose the figure is."""
    if kind_of(entity, registry) != "organisation":
        return entity
    said = [m for m in saying_verb().finditer(text, max(0, quantity.start - WINDOW), quantity.start)]
    if not said:
        return entity
    end = CLAUSE_END.search(text, quantity.end)
    places = [n for n in names if n.kind in ("city", "province", "country") and not n.anaphor
              and said[-1].end() <= n.start < (end.start() if end else len(text))]
    if not of_places(binding, registry):  # "copper production in Chile as a whole": the place's total, not the speaker's
        places = [n for n in places if n.end < quantity.start and whole_after().match(text, n.end)
                  and not OWNED_BETWEEN.search(text, said[-1].end(), n.start)]  # "its sales in Europe as a whole": its own
    return places[0].name if places else entity


@functools.cache
def whole_after() -> re.Pattern:
    from .entities import words

    return re.compile(rf"\s+(?:{word_alternation(words()['whole_place_after'])})\b", re.I)


CLAUSE_END = re.compile(r"[,;]\s|[.!?](?!\d)")
OWNED_BETWEEN = re.compile(r"\b(?:its|their)\b", re.I)


@functools.cache
def saying_verb() -> re.Pattern:
    return re.compile(rf"\b(?:{word_alternation(sorted(saying_verbs()))})\b", re.I)


def economy_growth(binding: Binding, entity: str, registry: Registry) -> Binding:
    """'Growth slowed to 1.4%' of a country or a city: its economy's growth, GDP growth (of a company,
    growth stays unnamed: of sales, profit or staff)."""
    if binding.metric != "growth" or binding.match != "phrase" or kind_of(entity, registry) == "organisation":
        return binding
    return Binding(f"{ECONOMY_METRIC}.growth", "registry", binding.at) if ECONOMY_METRIC in registry.metrics else binding


ECONOMY_METRIC = "gdp"


def place_in_name(name: str, registry: Registry) -> str:
    """The place an organisation is named after: 'Bank of Lorne' -> 'Lorne', 'Reserve Bank of India' -> 'India'."""
    named_of = PLACE_OF_NAME.search(name)
    if not named_of:
        return ""
    places = [m.name for m in find_mentions(named_of.group(1), "entities") if kind_of(m.name, registry) != "organisation"]
    return places[0] if places else named_of.group(1)  # "Bank of England": England as the gazetteer writes it


PLACE_OF_NAME = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})$")


def thing_named_alone(text: str, quantity: Quantity, binding: Binding, entity: str, scope: Scope, registry: Registry) -> tuple[str, Binding]:
    """'... at its Kalbarra mine ... Kalbarra alone supplied 112,000 ounces': a sentence opening with the first words of a
    thing the article named before is about that thing, and what it measures in the figure's unit is what the article
    last measured in it (gold output), not the name."""
    opening = NAME_OPENING.match(text, 0, quantity.start)  # the sentence opens with the name
    if not opening or not (quantity.measure or quantity.kind == "share"):
        return entity, binding
    name = opening["name"]
    thing = next((value for value in reversed(scope.things) if value.startswith(name + " ")), "")
    earlier = scope.measured.get(LAST + quantity.unit if quantity.measure else ANY + "amount", "")
    if not thing or not earlier or binding.metric != name.lower() and not binding.metric.startswith(name.lower() + " share"):
        return entity, binding  # "or about 46% of the total": the share of the same thing's measure
    metric = earlier + binding.metric[len(name) :]
    return thing, Binding(metric, "registry" if metric.split(":")[0] in registry.metrics else "phrase", binding.at)


NAME_OPENING = re.compile(r"\s*(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+(?=[a-z])")


def held_as_the_place(entity: str, metric: str, registry: Registry) -> str:
    """'Hubei banks' -> 'Hubei' for loans: the sub-entities that hold a metric for their place."""
    known = registry.metrics.get(metric.split(".")[0].split(":")[0])
    for holder in known.held_by if known else ():
        if entity.lower().endswith(" " + holder.lower()):
            return entity[: -len(holder) - 1]
    return entity


def respectively_read(source: Source, text: str, quantities: list[Quantity], registry: Registry, scope: Scope,
                      bindings: list[Binding]) -> dict:
    """分别 (respectively): each figure of 'A和B分别为X和Y' read in its clause as written with its own
    item alone ('A为X'), for its metric, entity and kind; its place, period and value stay as read.
    A run with no list before it ('邮政业务总量1086亿元，快递业务量115.6亿件，分别增长8.2%和9.4%') goes
    with the figures before it, one by one."""
    chinese = any(word in text for word in chinese_phrases.RESPECTIVELY)
    if not chinese and not english_phrases.RESPECTIVELY.search(text):
        return {}
    currency = source_currency(source.meta)
    read: dict[int, tuple] = {}
    earlier: list[int] = []
    spans = [(q.start, q.end) for q in quantities]
    for run, opening, clauses in chinese_phrases.respectively(text, spans) if chinese else english_phrases.respectively(text, spans):
        if not clauses:
            read.update(respectively_again(run, earlier, quantities, read, bindings))
            continue
        earlier = run
        for index, clause in zip(run, clauses):
            quantity = quantities[index]
            alone = clause + text[quantity.start : quantity.end]
            own = [q for q in read_quantities(alone, currency) if q.end == len(alone)]
            if not own:
                continue
            binding = bind_metrics(alone, own, registry, scope.subject)[0]
            whole = text[:opening] + alone
            names = entity_candidates(whole, usable(whole, named_in(whole, scope.subject, registry), registry))
            entity = figure_entity(whole, opening + own[0].start, names, scope, own[0].kind == "share")
            kept = replace(own[0], start=quantity.start, end=quantity.end, surface=quantity.surface, number=quantity.number)
            if chinese_phrases.after_own_change_word(text, quantity.start):
                kept = replace(kept, value=quantity.value, low=quantity.low, high=quantity.high)  # '分别增长8.2%和下降1.4%': its own sign
            read[index] = (binding, entity, kept.with_period(quantity.period, quantity.period_basis))
    return read


def is_rate_difference(quantity: Quantity, binding: Binding, previous: Claim) -> bool:
    """'贷款余额同比增长8.2%，比上月末低0.3个百分点': points after a growth rate of the same metric are
    the change of that rate, not a second rate ('loans.growth_change')."""
    return (quantity.unit == "percentage_point" and binding.metric.endswith(".growth") and previous.metric == binding.metric
            and previous.quantity is not None and previous.quantity.unit == "percent" and previous.kind == "growth"
            and chinese_phrases.is_chinese(previous.quote))


def sequential_rate_before(binding: Binding, claims: list[Claim]) -> Binding:
    """'环比下降0.1%，降幅比上月收窄0.5个百分点': the change in points is of the sequential rate just stated,
    not of the year-on-year one."""
    previous = claims[-1].metric if claims and claims[-1].kind == "growth" else ""
    base = lambda metric: CHANGE_SUFFIX.match(metric).group(1).split(".")[0]  # noqa: E731
    if previous.endswith((".sequential_growth", " sequential growth")) and binding.metric and base(previous) == base(binding.metric):
        return Binding(previous, binding.match, binding.at)
    return binding


def rate_change(binding: Binding) -> Binding:
    """The key of a growth rate's change in points: 'gdp.growth_change', '<phrase> growth change'."""
    for suffix, change in ((".sequential_growth", ".sequential_growth_change"), (".growth", ".growth_change"), (" growth", " growth change")):
        if binding.metric.endswith(suffix):
            return Binding(binding.metric[: -len(suffix)] + change, binding.match, binding.at)
    return binding


def is_share_change(text: str, quantity: Quantity, previous: Claim) -> bool:
    """'占总收入的59.5%，同比提高4.2个百分点', '资产负债率为53.2%，较年初下降1.8个百分点': points right after a
    share (a phrase's, or a registry metric's share of its total) with a change word between (a bound such as 逾
    after it) are that
    share's change (see share_change), not the growth of what the share is of; a registry rate's points
    are keyed by the rate itself."""
    if quantity.unit != "percentage_point" or previous.kind != "share" or previous.quantity is None \
            or previous.quantity.unit != "percent" or not previous.metric:
        return False
    if previous.metric_match == "registry" and not previous.metric.endswith(".share"):
        return False  # a registry rate's points are its own change (npl_ratio.growth)
    between = text[previous.quantity.end : quantity.start]
    return len(between) <= 16 and chinese_phrases.is_chinese(between) and chinese_phrases.ends_in_change_word(between)


def share_change(share: Claim, binding: Binding) -> Binding:
    """The key of a share's change in points: '<share> growth' for a phrase's share, '<metric>.share.growth'
    for a registry metric's ('新能源发电量占全省发电量的比重为39.9%，比上年提高4.2个百分点')."""
    if share.metric_match == "registry":
        return Binding(f"{share.metric}.growth", "registry", binding.at)
    return Binding(f"{share.metric} growth", "phrase", binding.at)


def is_ratio_change(text: str, quantity: Quantity, previous: Claim) -> bool:
    """'城乡居民收入比为2.31，比上年缩小0.05': a bare number right after a change word that follows a
    ratio is the change of that ratio, not a count."""
    if quantity.kind != "count" or quantity.noun or previous.kind != "share" or previous.quantity is None \
            or previous.quantity.unit != "count" or not previous.metric:
        return False
    between = text[previous.quantity.end : quantity.start]
    return chinese_phrases.is_chinese(between) and chinese_phrases.ends_in_change_word(between)


def growth_gap(binding: Binding, earlier: list[Claim]) -> Binding:
    """'地区生产总值增长6.1%，增速高于全省平均水平0.6个百分点': a growth rate's difference from another
    entity's rate ('gdp.growth_gap'), of the rate stated before it; keyed apart from the rate and from
    its change over time ('gdp.growth_change')."""
    rate = earlier[-1] if earlier and earlier[-1].kind == "growth" else None
    metric, match = (rate.metric, rate.metric_match) if rate else (binding.metric, binding.match)
    for suffix, gap in ((".growth", ".growth_gap"), (" growth", " growth gap")):
        if metric.endswith(suffix):
            return Binding(metric[: -len(suffix)] + gap, match, binding.at)
    return binding


def as_multiple(text: str, quantity: Quantity, binding: Binding, registry: Registry, earlier: list[Claim]) -> Binding:
    """'出口额2000亿元，是上年的1.5倍', '相当于全国平均水平的九成': a multiple of another figure is the ratio of the two, keyed
    '<metric>.multiple' apart from the metric's level and its share of a whole; the metric is the one
    named before the base (人均GDP是全国平均水平的2倍 is gdp_per_capita's, not 平均水平's), else the one
    stated before it in the sentence."""
    base = chinese_figures.multiple_base_at(text, quantity.start)
    if base > 0:
        before = text[clause_start(text, base) : base]
        mentions = find_mentions(before, "metrics")
        noun = chinese_phrases.noun_before(before)
        if mentions and mentions[-1].end == len(before.rstrip()):
            narrowed = qualifier(before, mentions[-1])  # 城镇居民人均可支配收入: the urban residents'
            binding = Binding(f"{mentions[-1].name}:{narrowed}" if narrowed else mentions[-1].name, "registry", binding.at)
        elif noun:
            named = registry_name(noun)
            binding = Binding(named, "registry", binding.at) if named in registry.metrics else Binding(noun, "phrase", binding.at)
        elif earlier and earlier[-1].metric:  # '零售总额增长5%，为2019年的1.3倍': the measure stated before
            stated = earlier[-1].metric
            for suffix in (".growth", " growth"):
                stated = stated.removesuffix(suffix)
            binding = Binding(stated, earlier[-1].metric_match, binding.at)
    metric = binding.metric
    if not metric or metric.endswith("multiple"):
        return binding
    head = metric[: -len(".share")] if metric.endswith(".share") else metric
    return Binding(f"{head}{'.' if binding.match == 'registry' else ' '}multiple", binding.match, binding.at)


def change_difference(text: str, quantity: Quantity, binding: Binding, earlier: list[Claim]) -> Binding:
    """'新增贷款4500亿元，比上年少增1200亿元', '住户存款比上年多增720亿元': the difference between a
    change and the compared period's change ('loans.change_difference'), keyed apart from the change
    itself, of the registry metric the figure, its clause or the figure before names; unkeyed when
    none is named (the words 少增 are no metric)."""
    named = binding.metric if binding.match == "registry" else ""
    if not named:
        mentions = find_mentions(text[clause_start(text, quantity.start) : quantity.start], "metrics")
        named = mentions[-1].name if mentions else earlier[-1].metric if earlier and earlier[-1].metric_match == "registry" else ""
    return Binding(f"{named.partition('.')[0]}.change_difference", "registry", binding.at) if named else Binding("", "phrase")


def per_share(text: str, quantity: Quantity, binding: Binding, before: Quantity | None = None) -> Binding:
    """'earnings of $1.12 per share', 'analysts' estimates of 98 cents' after it: earnings per share,
    not the company's profit; a sum a share in a sentence about a dividend is the dividend per share; and the
    restatement of a profit a thousand times smaller, in a sentence that restates one per share ('from $366 million,
    or 93 cents, a year earlier'), is earnings per share too."""
    if before is not None and restates_per_share(text, before, quantity) and binding.metric in english_phrases.words()["earnings_keys"]:
        return Binding("eps", "registry", binding.at)
    if quantity.kind == "amount" and in_hundredths(quantity) and DIVIDEND_OF.search(text, max(0, quantity.start - 60), quantity.start):
        return Binding(dividend_key(text, quantity), "registry", binding.at)  # "an interim dividend of 84 cents": per share
    if quantity.kind != "amount" or not english_phrases.words()["per_share"].match(text, quantity.end):
        return binding
    if DIVIDEND.search(text, max(0, quantity.start - 120), quantity.start):
        return Binding(dividend_key(text, quantity), "registry", binding.at)  # "after paying 0.45 euros a share for 2023"
    if binding.metric not in english_phrases.words()["earnings_keys"]:
        return binding
    adjusted = binding.metric.split()[0] in english_phrases.words()["adjusted_words"]  # "Adjusted earnings were $1.12 a share"
    return Binding("eps:adjusted" if adjusted else "eps", "registry", binding.at)


DIVIDEND = re.compile(r"\bdividends?\b", re.I)
DIVIDEND_OF = re.compile(r"\bdividends?\s+(?:of|at|to)\s+(?:(?:about|around|some|nearly)\s+)?$", re.I)


def in_hundredths(quantity: Quantity) -> bool:
    """'84 cents', '30.5 pence', '12p': a sum in a currency's hundredths, as a dividend per share is written."""
    from .reader.figures import currencies

    word = quantity.surface.rsplit(None, 1)[-1].lower() if " " in quantity.surface else ""
    return word in currencies().hundredths or quantity.surface[-1:] in ("p", "¢") and quantity.surface[-2:-1].isdigit()


def restates_per_share(text: str, before: Quantity, quantity: Quantity) -> bool:
    """'$366 million, or 93 cents': a sum right after ', or' and a sum at least a thousand times larger in its unit,
    in a sentence that writes a per-share figure."""
    return quantity.kind == before.kind == "amount" and quantity.unit == before.unit and OR_RESTATES.fullmatch(text, before.end, quantity.start) \
        is not None and 0 < abs(quantity.value) * 1000 <= abs(before.value) and english_phrases.words()["per_share"].search(text) is not None


OR_RESTATES = re.compile(r",\s+or\s+")


def dividend_key(text: str, quantity: Quantity) -> str:
    """'a final dividend of 23.5 pence a share': a part of the year's dividend, keyed apart from the total
    ('dividend_per_share:final'); the part named last before the figure, in its clause."""
    begin = max(clause_start(text, quantity.start), quantity.start - 120)  # the window the dividend was found in: linear
    parts = list(english_phrases.words()["dividend_part"].finditer(text, begin, quantity.start))
    return f"dividend_per_share:{' '.join(parts[-1]['part'].lower().split())}" if parts else "dividend_per_share"


def total_of_part(text: str, quantities: list[Quantity], index: int, bindings: list[Binding]) -> Binding | None:
    """'a final dividend of 23.5 pence a share, bringing the total for the year to 34 pence': the figure after
    a part that states its total is the part's metric without the qualifier that made it a part."""
    if not index or not english_phrases.words()["total_of_part"].fullmatch(text, quantities[index - 1].end, quantities[index].start):
        return None
    before = next((b for b, q in zip(reversed(bindings), reversed(quantities[:index])) if q.unit == quantities[index].unit), bindings[-1])
    level = CHANGE_KEY.sub("", before.metric)  # "added 3.6 million subscribers, bringing its total to 96.2 million": the level
    if level != before.metric and level:
        return Binding(level, before.match)
    if bindings[-1].match != "registry" or "." in bindings[-1].metric:
        return None
    return Binding(bindings[-1].metric.partition(":")[0], "registry")  # no mention: the part's qualifier is not read again


CHANGE_KEY = re.compile(r"(?:\.| )change$")


def short_name(binding: Binding, scope: Scope, registry: Registry) -> Binding:
    """'Production fell 3.7%' after 'industrial production rose 1.3%': a metric's head noun alone, said
    after the article named the metric in full, is that metric."""
    stated = scope.measured.get(RATE, "")
    if binding.match != "phrase" or not binding.metric.endswith(" growth") or not stated.endswith("growth"):
        return binding  # a change after a change: 'Spending by companies' after R&D spending is not said short
    base, suffix = CHANGE_SUFFIX.match(binding.metric).groups()
    name = stated.split(".")[0].split(":")[0]
    metric = registry.metrics.get(name)
    if " " in base or not metric or not any(" " in alias and singular(alias.split()[-1].lower()) == base for alias in metric.aliases):
        return binding
    return Binding(name + suffix.replace(" ", ".", 1).replace("sequential growth", "sequential_growth"), "registry", binding.at)


def with_partner(text: str, quantity: Quantity, binding: Binding, entity: str) -> Binding:
    """'shipments to the United States climbed 2.3%': a place after the noun of a metric read from the
    text and 'to' or 'from' is the partner of the flow, which narrows it, as it does a registry metric's;
    not the figure's own entity ('Remittances to Mexico' in a story about Mexico are all of them)."""
    if not binding.metric or ":" in binding.metric:
        return binding
    if chinese_phrases.is_chinese(text[max(0, quantity.start - 12) : quantity.start]):
        return chinese_partner(text, quantity, binding, entity)
    if binding.match == "phrase":
        base, suffix = CHANGE_SUFFIX.match(binding.metric).groups()
        nouns = [base.split()[-1]]
    else:  # 'Visitors from the United States rose 15%': the thing a registry metric counts, with its partner
        base, dot, rest = binding.metric.partition(".")
        suffix = dot + rest
        counted = load_registry().metrics.get(base)
        nouns = [singular(noun.lower()) for noun in (counted.nouns if counted else ()) if noun.isascii() and " " not in noun]
    # "Travel to Japan, its fastest-growing market, jumped 18%"; a window before the figure, not the sentence: linear
    plain = english_phrases.without_asides(text[max(0, quantity.start - WINDOW) : quantity.start])
    clause = plain[clause_start(plain, len(plain)) :]
    for noun in nouns:
        end = partner_end(noun, clause)
        places = find_mentions(clause[end : end + 40], "entities") if end is not None else []
        if places and places[0].start == 0 and places[0].name != entity and not ends_a_route(clause, end):
            return Binding(f"{base}:{places[0].name}{suffix}", binding.match, binding.at)
    return binding


def of_visitors_from(text: str, quantity: Quantity, binding: Binding, entity: str) -> Binding:
    """'Guests from Taiwan made up the largest group with 820,000 nights', 'Japanese guests accounted for 5.3 million
    nights': where the visitors its clause opens with come from narrows the metric; the figure stays the place's."""
    if not binding.metric or ":" in binding.metric or binding.match != "phrase":
        return binding
    clause = english_phrases.without_asides(text[clause_start(text, quantity.start) : quantity.start])
    found = visitor_origin().search(clause)
    if not found or found["nationality"] and found["nationality"].lower() not in nationality_words():
        return binding
    places = find_mentions(found["place"] or found["nationality"], "entities")
    place = places[0].name if places and places[0].start == 0 else ""
    if not place or place == entity:
        return binding
    base, suffix = CHANGE_SUFFIX.match(binding.metric).groups()
    return Binding(f"{base}:{place}{suffix}", binding.match, binding.at)


@functools.cache
def visitor_origin() -> re.Pattern:
    """'<visitors> from <Place>' or '<Nationality> <visitors>' opening a clause."""
    from .entities import words

    nouns = word_alternation(words()["origin_nouns"])
    return re.compile(rf"^\s*(?:(?:\w+\s+){{0,2}}(?i:{nouns})\s+from\s+(?:the\s+)?(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}})"
                      rf"|(?P<nationality>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:{nouns})\b)")


def quoted_good(text: str, quantity: Quantity, binding: Binding, entity: str, names: list[Named], registry: Registry) -> str:
    """'Brent crude futures settled up 1.8% at $83.40', 'Copper on the London Metal Exchange climbed 1.1%', 'The yen
    firmed to 151.3' in a Tokyo wrap: the quote of a good traded the world over is the good's, not the place the story
    is about nor the one that locates its exchange; a place whose own the clause says it is ("Japan's rice price",
    "rice prices in Japan") keeps it."""
    if not entity or binding.match != "phrase" or quantity.noun or quantity.measure or not is_a_quote(binding.metric):
        return entity  # "robusta should rise to 17.1 million bags": a crop, counted, is no quote
    if kind_of(entity, registry) == "organisation" and not any(word in exchange_heads() for word in entity.split()):
        return entity  # a company's or fund's own figure
    if kind_of(entity, registry) == "country" and (is_own_currency(good_of(binding.metric), entity) or exchange_code(binding.metric) == place_currency(entity)):
        return entity  # "The peso weakened 0.6% to 20.65 per dollar" in a story about Mexico: Mexico's exchange rate
    start = clause_start(text, quantity.start)
    for named in names:
        if start <= named.start < quantity.start and not named.anaphor and named.name == entity \
                and (possessive_at(text, named.end) or named.kind == "country" and IN_BEFORE.search(text, max(0, named.start - 8), named.start)):
            return entity
    return ""


IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$")


def exchange_code(metric: str) -> str:
    """'exchange rate:BRL growth' -> 'BRL'; '' for any other metric."""
    return metric[len(EXCHANGE_RATE) + 1 :].split()[0] if metric.startswith(f"{EXCHANGE_RATE}:") else ""


def possessive_at(text: str, end: int) -> bool:
    return text[end : end + 2] in ("'s", "’s") or text[end : end + 1] in ("'", "’")


def is_a_quote(metric: str) -> bool:
    """A metric that is a quoted good alone or with quote words after it ('brent crude future growth', 'gold')."""
    return good_of(metric) in quoted_goods() or metric.startswith(f"{EXCHANGE_RATE}:")  # a currency's, quoted the world over


def good_of(metric: str) -> str:
    """The metric without the quote words after it: 'brent crude future growth' -> 'brent crude'."""
    words, extras = metric.split(), quote_words()
    while words and words[-1] in extras:
        words.pop()
    return " ".join(words)


@functools.lru_cache(maxsize=256)
def is_own_currency(good: str, country: str) -> bool:
    """Whether the good is the country's currency, read as money in a story about the country ('peso' in Mexico)."""
    code = place_currency(country)
    read = read_quantities(f"1 {good}", local_currency(country)) if code else []
    return len(read) == 1 and read[0].end == len(good) + 2 and read[0].unit == code


@functools.cache
def quoted_goods() -> frozenset[str]:
    return frozenset(vocabulary("claims")["quoted_goods"])


@functools.cache
def quote_words() -> frozenset[str]:
    return frozenset(vocabulary("claims")["quote_words"])


@functools.cache
def exchange_heads() -> frozenset[str]:
    return frozenset(vocabulary("claims")["exchange_heads"])


PART_OF_AFTER = re.compile(r"\s+of\s+(?:its|their|the|all)\b", re.I)


def head_of_counted(text: str, binding: Binding, quantity: Quantity, scope: Scope, registry: Registry) -> Binding:
    """'Veltra Motors delivered 384,000 vehicles ... while sales in China slipped 4% to 112,000': a count keyed by a head
    noun alone ('sales') is the registry metric of that head and the modifier of the registry count the article
    stated last ('vehicle' of vehicle_deliveries: vehicle_sales). Only a flow's: '32,900 enterprises' after high-tech
    enterprises are not all high-tech."""
    if not binding.metric or binding.match != "phrase" or quantity.kind not in ("count", "growth") or quantity.unit not in ("count", "percent"):
        return binding
    base, suffix = CHANGE_SUFFIX.match(binding.metric).groups()
    counted = registry.metrics.get(scope.measured.get(COUNTED, ""))
    if not counted or " " in base or ":" in base or PART_OF_AFTER.match(text, quantity.end):
        return binding  # "made up 413,000 of its sales": a part of them, not the whole
    modifier = counted.label.split()[:-1]
    key = next((k for k, m in registry.metrics.items() if m.unit == "count" and m.kind == "flow" and m.label.split()[:-1] == modifier
                and singular(m.label.split()[-1]) == base and m.label.split()[-1] != base), "")
    if not modifier or not key:
        return binding
    return Binding(key + (".growth" if suffix.strip() == "growth" else suffix.replace(" ", ".")), "registry", binding.at)


def in_a_market(text: str, quantity: Quantity, binding: Binding, entity: str, subject: str, registry: Registry) -> tuple[str, Binding]:
    """'while sales in Japan slipped 2%' in a story about a carmaker: the place is a market of the organisation
    the story is about, which narrows its metric; the figure stays the organisation's."""
    if not binding.metric or ":" in binding.metric or kind_of(subject, registry) != "organisation" \
            or entity != subject and kind_of(entity, registry) == "organisation" or is_market(binding.metric, registry):
        return entity, binding  # "In Frankfurt, its shares rose 2.1%": where it trades, not a market it sells in
    plain = english_phrases.without_asides(text[max(0, quantity.start - WINDOW) : quantity.start])
    clause = plain[clause_start(plain, len(plain)) :]
    base, suffix = CHANGE_SUFFIX.match(binding.metric).groups() if binding.match == "phrase" else binding.metric.partition(".")[::2]
    suffix = suffix if binding.match == "phrase" else ("." + suffix if suffix else "")
    found = market_noun_before_place().search(clause)
    known = registry.metrics.get(base) if binding.match == "registry" else None
    head = (known.label if known else base).split()[-1]  # vehicle_sales: "vehicle sales", whose head is sales
    if not found and head in market_nouns():  # "while in western Europe they slipped 1.5%": volumes there
        found = FRONTED_IN.match(clause)
    if not found and not of_places(binding, registry) and FRONTED_IN.match(text):  # "In Europe, where it operates 210 hotels,"
        clause = text
        found = FRONTED_IN.match(text)
    places = find_mentions(clause[found.end() : found.end() + 40], "entities") if found else []
    place = places[0].name if places and places[0].start == 0 else ""
    if not place or place == subject or entity not in (subject, place) or kind_of(place, registry) == "organisation":
        return entity, binding  # "sales in Ireland" said of the company itself narrows them too
    return subject, Binding(f"{base}:{place}{suffix}", binding.match, binding.at)


def in_a_clause_of_cause(text: str, named: Named) -> bool:
    """'Urban starts dropped 12%, as projects in Toronto and Vancouver were delayed': a place named in a clause giving
    the cause, after the sentence's figure, is not what the next sentence is about."""
    opener = cause_clause().search(text, max(0, named.start - WINDOW), named.start)
    return opener is not None and DIGIT.search(text, max(0, opener.start() - WINDOW), opener.start()) is not None


DIGIT = re.compile(r"\d")


@functools.cache
def cause_clause() -> re.Pattern:
    from .entities import words

    return re.compile(rf"(?:,\s+(?:{word_alternation(words()['cause_clause_openers'])})|\s(?:{word_alternation(words()['cause_words_after'])}))\s+[^,;]*$", re.I)


def sets_a_standard(text: str, start: int) -> bool:
    """'below 3% by 2030, the limit set by EU rules': a name after a participle of setting and 'by' is who sets the
    yardstick a figure is held to, not what the sentences after it go on about."""
    return standard_setter_before().search(text, max(0, start - 40), start) is not None


@functools.cache
def standard_setter_before() -> re.Pattern:
    return re.compile(rf"\b(?:{word_alternation(vocabulary('claims')['standard_setting_verbs'])})\s+(?:by|under)\s+(?:the\s+)?$", re.I)


def is_a_market(text: str, named: Named, subject: str, registry: Registry) -> bool:
    """'Volumes in Asia grew 8%' in a story about a brewer: Asia is a market, which the next sentence's 'its unit' is not of."""
    if kind_of(subject, registry) != "organisation" or kind_of(named.name, registry) == "organisation":
        return False
    match = market_noun_before_place().search(text, max(0, named.start - 40), named.start + 1)
    return match is not None and match.end() == named.start or FRONTED_IN_BEFORE.search(text, max(0, named.start - 20), named.start) is not None


FRONTED_IN_BEFORE = re.compile(r"(?:^|[,;]\s*|\b(?:while|whereas|but|and)\s+)in\s+(?:the\s+)?$", re.I)  # "while in western Europe they"


FRONTED_IN = re.compile(r"\s*(?:(?:while|whereas|but|and)\s+)?in\s+(?:the\s+)?(?=[A-Z])", re.I)


@functools.cache
def market_nouns() -> frozenset[str]:
    return frozenset(vocabulary("claims")["market_nouns"])


@functools.cache
def market_noun_before_place() -> re.Pattern:
    """A market noun, 'in' and the start of a name: 'sales in the '."""
    return re.compile(rf"\b(?:{word_alternation(market_nouns())})\s+in\s+(?:the\s+)?(?=[A-Z])", re.I)


def partner_of_the_level(text: str, binding: Binding, claims: list[Claim], quantity: Quantity) -> Binding:
    """'对东盟进出口1868亿元，增长14.7%，占全市外贸总值的16.7%': the growth of a level narrowed to a partner,
    and its share of the whole, are that partner's too."""
    previous = next((c for c in reversed(claims) if c.kind != "growth"), None)  # the level, past its own growth
    if previous is None or ":" not in previous.metric or "." in previous.metric or not chinese_phrases.is_chinese(text[: quantity.start]):
        return binding  # 'Overseas sales climbed 7% ..., while sales in Japan slipped 2%': English names each its own
    whole = previous.metric.partition(":")[0]
    if quantity.kind == "share" and (binding.metric.startswith("share of ") or binding.metric == f"{whole}.share"):
        return Binding(f"{previous.metric}.share", "registry", binding.at)  # '，占全市外贸总值的16.7%': the partner's share
    if quantity.kind != "growth":
        return binding
    if binding.match == "phrase" and previous is claims[-1] and previous.quantity is not None \
            and chinese_phrases.only_a_change_between(text, previous.quantity.end, quantity.start):
        return Binding(f"{previous.metric}.growth", "registry", binding.at)  # '出口机电产品5320亿元，增长7.5%'
    if binding.match != "registry":
        return binding
    base, dot, suffix = binding.metric.partition(".")
    if base != previous.metric.partition(":")[0] or ":" in base:
        return binding
    return Binding(f"{previous.metric}{dot}{suffix}", binding.match, binding.at)


def share_of_the_level(text: str, binding: Binding, claims: list[Claim], quantity: Quantity) -> Binding:
    """'研发投入11.4亿元，同比增长25%，占营业收入的比例为8.9%': a clause that opens with 占 has no subject of its
    own: the share is the level stated before it (past that level's growth), of the base it names; the
    registry's intensity where the two make one (R&D spending of GDP)."""
    if quantity.kind != "share" or binding.match != "registry" or not binding.metric.endswith(".share"):
        return binding
    clause = text[clause_start(text, quantity.start) : quantity.start].lstrip()
    if not clause.startswith(tuple(chinese_phrases.vocabulary("claims")["share_openers_zh"])):
        return binding
    level = next((c for c in reversed(claims) if c.kind != "growth"), None)
    if level is None or level.metric_match != "registry" or "." in level.metric or ":" in level.metric:
        return binding  # a partner's level and its share: partner_of_the_level
    base = binding.metric.removesuffix(".share")
    if base == level.metric or level.quantity is None or "。" in text[level.quantity.end : quantity.start]:
        return binding
    return Binding(intensity(level.metric, base) or f"{level.metric}.share", "registry", binding.at)


def recovered_share_of_the_level(text: str, binding: Binding, claims: list[Claim], quantity: Quantity) -> Binding:
    """'接待游客6.3亿人次，同比增长22.8%，恢复至2019年的88.5%': a clause that is only a recovery against a base
    year states the level before it in the sentence (past that level's growth) as a share of that year's."""
    if quantity.kind != "share" or quantity.unit != "percent":
        return binding
    year = chinese_phrases.recovery_base_year(text[clause_start(text, quantity.start) : quantity.start])
    if not year:
        return binding
    level = next((c for c in reversed(claims) if c.kind != "growth"), None)
    if level is None or level.quantity is None or not level.metric or "." in level.metric \
            or "。" in text[level.quantity.end : quantity.start]:
        return binding
    return Binding(f"{level.metric} share of {year}", level.metric_match, binding.at)


def per_unit_of_the_level(text: str, binding: Binding, claims: list[Claim], quantity: Quantity) -> Binding:
    """'Spending reached 96 billion yen, or about 23,400 yen per night': an amount per unit after the sentence's
    amount of the same metric is that metric per unit, never a second value of the whole."""
    if quantity.kind != "amount" or not binding.metric or not claims or claims[-1].metric != binding.metric \
            or claims[-1].quantity is None or claims[-1].quantity.kind != "amount" or binding.metric.endswith((".growth", ".change")):
        return binding
    per = per_unit_after().match(text, quantity.end)
    if not per or per["unit"].lower() in period_nouns() or PER_UNIT_AFTER.match(text, claims[-1].quantity.end):
        return binding
    return Binding(f"{binding.metric} per {singular(per['unit'].lower())}", "phrase", binding.at)


PER_UNIT_AFTER = re.compile(r"\s+(?:per|a|an)\s+[a-z]", re.I)


@functools.cache
def per_unit_after() -> re.Pattern:
    words = vocabulary("periods")["per_unit_words"]
    return re.compile(rf"\s+(?:{word_alternation(words)})\s+(?P<unit>[a-z]+)\b", re.I)


@functools.cache
def period_nouns() -> frozenset[str]:
    from .entities import words

    return frozenset(words()["period_nouns"] + ["share"])


def part_of_the_same_measure(text: str, binding: Binding, claims: list[Claim], quantity: Quantity, entity: str) -> Binding:
    """'新建商品住宅累计销售面积412万平方米…；其中，三季度销售面积近150万平方米': after 其中 a part of the figure before
    is measured as it is, so a name the earlier one ends with (销售面积 of 新建商品住宅销售面积) is that name, its
    modifier left out; a name of its own (其中，住宅销售面积) stays, and so does a part that is another entity's
    (全省平均降雨量…，其中长沙站累计降雨量: one station's rainfall is no average)."""
    if binding.match != "phrase" or not claims or claims[-1].metric_match != "phrase" or claims[-1].quantity is None \
            or claims[-1].entity != entity:
        return binding
    opener = chinese_phrases.vocabulary("claims")["part_openers_zh"]
    between = text[claims[-1].quantity.end : quantity.start]
    clause = text[clause_start(text, quantity.start) : quantity.start]
    if "。" in between or not any(f"{word}，" in between or clause.startswith(word) for word in opener):
        return binding
    base, suffix = CHANGE_SUFFIX.match(binding.metric).groups()
    whole = CHANGE_SUFFIX.match(claims[-1].metric).group(1)
    if len(whole) <= len(base) or not whole.endswith(base) or not cuts_between_words(whole, len(whole) - len(base)):
        return binding
    return Binding(whole + suffix, "phrase", binding.at)


def cuts_between_words(phrase: str, at: int) -> bool:
    """Is `at` a boundary of the segmenter's words in `phrase` (新建商品住宅|销售面积, not 新建商品|住宅销售面积)?"""
    length = 0
    for word, _ in chinese_phrases.tagged(phrase):
        if length >= at:
            break
        length += len(word)
    return length == at


def chinese_segment(text: str, quantity: Quantity, binding: Binding, entity: str, registry: Registry) -> Binding:
    """'其中，纯电车型交付2.1万辆': a noun right before the verb that chose a registry metric (交付 for
    vehicle_deliveries) is the part of the flow the figure measures (vehicle_deliveries:纯电车型), kept apart
    from the whole; not a name, a scope word or the figure's own entity (公司10月交付, 云岭汽车累计交付)."""
    base, dot, rest = binding.metric.partition(".")
    spec = registry.metrics.get(base) if binding.match == "registry" and ":" not in base else None
    if spec is None or not spec.verbs or not chinese_phrases.is_chinese(text[max(0, quantity.start - 2) : quantity.start]):
        return binding
    clause = CLAUSE_OF.split(text[max(0, quantity.start - WINDOW) : quantity.start])[-1]
    verbs = [m for verb in spec.verbs if chinese_phrases.is_chinese(verb) for m in re.finditer(re.escape(verb), clause)]
    if not verbs:
        return binding
    verb = max(verbs, key=lambda m: m.start())
    if any(m.start <= verb.start() < m.end for m in find_mentions(clause, "metrics")):
        return binding  # 汽车产量, 交付量: the verb is part of the metric's own name
    noun = chinese_phrases.noun_before(clause[: verb.start()])
    if not noun or noun.endswith(tuple(chinese_phrases.vocabulary("claims")["time_heads_zh"])) or noun in chinese_phrases.words()["anaphors"] or (entity and (noun in entity or entity in noun)) \
            or find_mentions(noun, "entities") or find_mentions(noun, "metrics") or chinese_places(noun):
        return binding
    return Binding(f"{base}:{noun}{dot}{rest}", "registry", binding.at)


def chinese_partner(text: str, quantity: Quantity, binding: Binding, entity: str) -> Binding:
    """'东莞对东盟进出口1868亿元', '对美国出口增长5%': a place after 对 and right before a trade flow is the
    partner of the flow (foreign_trade:ASEAN), not what the figure is about."""
    clause = CLAUSE_OF.split(text[max(0, quantity.start - WINDOW) : quantity.start])[-1]
    goods = chinese_phrases.traded_goods(clause, binding.metric if binding.match == "phrase" else "")
    if goods is not None:
        flow, kind, suffix = goods
        metrics = find_mentions(flow, "metrics")
        if metrics and (binding.match == "phrase" or binding.metric.split(".")[0] == metrics[0].name):
            suffix = suffix or binding.metric.partition(".")[2] if binding.match == "registry" else suffix
            return Binding(f"{metrics[0].name}:{kind}" + (f".{suffix}" if suffix else ""), "registry", binding.at)
    partner = chinese_phrases.trade_partner(clause)
    if partner is None:
        return binding
    place, flow = partner
    places = find_mentions(place, "entities")
    metrics = find_mentions(flow, "metrics")
    if not places or places[0].start != 0 or places[0].end != len(place) or places[0].name == entity or not metrics:
        return binding
    suffix = CHANGE_SUFFIX.match(binding.metric).group(2).strip().replace(" ", "_") if binding.match == "phrase" else binding.metric.partition(".")[2]
    return Binding(f"{metrics[0].name}:{places[0].name}" + (f".{suffix}" if suffix else ""), "registry", binding.at)


CHANGE_SUFFIX = re.compile(r"(.+?)((?: sequential)? (?:growth|change)|)$")


def partner_end(noun: str, clause: str) -> int | None:
    """Where the first 'shipments to the ' of `clause` ends: the noun (singular or plural), 'to' or 'from',
    and the start of a name. The noun is found alone and the rest tried after it, which is what one
    pattern of both finds; the rest is compiled once, not with each noun (a new noun cost half a millisecond
    of compiling, a tenth of the extraction of a corpus read for the first time)."""
    noun_at, at = re.compile(rf"\b{re.escape(noun)}", re.I), 0
    while at <= len(clause) and (found := noun_at.search(clause, at)) is not None:  # (an empty noun matches at the end)
        rest = partner_after_noun().match(clause, found.end())
        if rest is not None:
            return rest.end()
        at = found.start() + 1
    return None


@functools.cache
def partner_after_noun() -> re.Pattern:
    """After the noun of a flow: its plural ending, 'to' or 'from', and the start of a name."""
    return re.compile(rf"(?:e?s)?\s+(?:{partner_prepositions()})\s+(?:the\s+)?(?=[A-Z])", re.I)


@functools.cache
def partner_prepositions() -> str:
    from .entities import words

    return word_alternation(words()["partner_prepositions"])


def sequential(text: str, quantity: Quantity, binding: Binding) -> Binding:
    """'环比上涨0.1%', 'rose 0.4% month on month': growth against the month or quarter before is keyed apart from the year-on-year
    rate ('cpi.sequential_growth'), so that the two are never compared."""
    if quantity.kind != "growth":
        return binding
    chinese = chinese_phrases.is_chinese(text[: quantity.start])
    if not (chinese_phrases.is_sequential(text, quantity.start) if chinese else english_phrases.is_sequential(text, quantity.start, quantity.end)):
        return binding
    return growth_named(binding, "sequential")


def compared_variant(text: str, quantity: Quantity, binding: Binding, claims: list[Claim]) -> Binding:
    """'grew 0.4% from the previous quarter ..., slowing from 1.3% growth': a growth compared with the sentence's
    sequential (or real) growth before it is of the same kind, though its own words name only the growth."""
    previous = claims[-1] if claims else None
    if previous is None or previous.quantity is None or quantity.kind != "growth" or previous.kind != "growth" \
            or previous.quantity.unit != quantity.unit or previous.metric == binding.metric:
        return binding
    if previous.metric not in (growth_named(binding, "sequential").metric, growth_named(binding, "real").metric):
        return binding
    between = text[previous.quantity.end : quantity.start][-60:]
    compared = COMPARED.search(between[-40:]) is not None or english_phrases.words()["compared_figure"].search(between) is not None
    return Binding(previous.metric, binding.match, binding.at) if compared else binding  # "…, beating the 1.2% expected"


def in_real_terms(text: str, quantity: Quantity, binding: Binding, registry: Registry) -> Binding:
    """'扣除价格因素实际增长4.9%' after '名义增长5.2%': growth at constant prices is keyed apart
    ('disposable_income_per_capita.real_growth'), never compared with the nominal rate; a metric whose
    stated growth is real already (gdp) keeps its key."""
    if quantity.kind != "growth" or not chinese_phrases.is_chinese(text[: quantity.start]) or not chinese_phrases.is_real_terms(text, quantity.start):
        return binding
    known = registry.metrics.get(binding.metric.split(".")[0].split(":")[0])
    if known is not None and known.real:
        return binding
    return growth_named(binding, "real")


def growth_named(binding: Binding, kind: str) -> Binding:
    """'cpi.growth' -> 'cpi.<kind>_growth', 'wage growth' -> 'wage <kind> growth': a growth of another kind."""
    if binding.metric.endswith(".growth"):
        return Binding(binding.metric[: -len(".growth")] + f".{kind}_growth", binding.match, binding.at)
    if binding.metric.endswith(" growth"):
        return Binding(binding.metric[: -len(" growth")] + f" {kind} growth", binding.match, binding.at)
    return binding


def respectively_dated(text: str, quantities: list[Quantity], mentions: list) -> list[Quantity]:
    """'2023年和2024年，研发投入分别为510亿元和554亿元', 'Revenue in 2023 and 2024 was $5 billion and $6 billion,
    respectively': each figure of the run has its own listed period."""
    if english_phrases.RESPECTIVELY.search(text):
        return respectively_dated_en(text, quantities, mentions)
    if not any(word in text for word in chinese_phrases.RESPECTIVELY):
        return quantities
    dated_ = list(quantities)
    spans = [(q.start, q.end) for q in quantities]
    for word in chinese_phrases.RESPECTIVELY:
        for match in re.finditer(word, text):
            run = chinese_phrases.respectively_run(text, match.end(), spans)
            listed = chinese_phrases.listed_periods(text, match.start(), mentions, len(run)) if len(run) > 1 else None
            for index, mention in zip(run, listed or ()):
                dated_[index] = dated_[index].with_period(mention.period, "stated")
    return dated_


def respectively_dated_en(text: str, quantities: list[Quantity], mentions: list) -> list[Quantity]:
    """The English run before "respectively" with as many years listed before it ("in 2023 and 2024", read as one
    span of consecutive years): each figure its own year."""
    dated_ = list(quantities)
    spans = [(q.start, q.end) for q in quantities]
    for match in english_phrases.RESPECTIVELY.finditer(text):
        run = english_phrases.run_before(text, match.start(), spans)
        listed = [m for m in mentions if run and m.end <= spans[run[0]][0] and not m.event]
        years = listed_years(listed[-1]) if listed else []
        if len(run) > 1 and len(years) == len(run):
            for index, year in zip(run, years):
                dated_[index] = dated_[index].with_period(year, "stated")
    return dated_


LISTED_YEARS = re.compile(r"(\d{4})\.\.(\d{4})")


def listed_years(mention) -> list[str]:
    """'2023 and 2024' (read as 2023..2024) -> ['2023', '2024']; [] for a span written as one ('2020-2024')."""
    found = LISTED_YEARS.fullmatch(mention.period)
    if not found or " and " not in mention.text:
        return []
    return [str(year) for year in range(int(found[1]), int(found[2]) + 1)]


def respectively_again(run: list[int], earlier: list[int], quantities: list[Quantity], read: dict, bindings: list[Binding]) -> dict:
    """'A和B分别为X和Y，分别增长P和Q': the second run goes with the first run's items, one by one; with
    no run before it, with as many figures (levels, not rates) just before it."""
    if not earlier:
        earlier = list(range(run[0] - len(run), run[0])) if run[0] >= len(run) else []
        if not earlier or any(quantities[i].kind == "growth" for i in earlier):
            return {}
        read = {i: (bindings[i], None, quantities[i]) for i in earlier}
    if len(run) != len(earlier) or not all(index in read for index in earlier):
        return {}
    again = {}
    for index, before in zip(run, earlier):
        binding, entity, _ = read[before]
        quantity = quantities[index]
        again[index] = (growth_of(binding) if quantity.kind == "growth" else binding, entity, quantity)
    return again


def base_period(text: str, quantity: Quantity, period: str, published: date | None = None, reached: str = "") -> str | None:
    """The period of what a change started from ('fell to €1.9 billion from €2.1 billion', 'slowed to
    4.6% from 5.3%'), or None for a figure that is no change's base. A period written after the base
    is its own ('from $1.75 a pound in the June quarter'); "last year" there is the period the change
    reached (`reached`) a year before ('from $1.9 billion last year' in a story about the first half:
    last year's first half); with no period, or with the level's own period after it (it dates the
    whole change), the period before: a year before, or for a rate of less than a year the stretch
    just before."""
    clause = text[clause_start(text, quantity.start) : quantity.start]
    if not UP_FROM.search(clause) and not CHANGE_BASE.search(clause):
        return None  # no 'from' before the figure: read no periods after it (most figures)
    own = read_periods(text[quantity.end : quantity.end + 40].split(",")[0].split(";")[0], published)
    up_from = UP_FROM.search(clause) and not own and not names_previous_period(text, quantity) and not previous_step(text, quantity)
    if not up_from and not CHANGE_BASE.search(clause):
        return None  # ('a dividend of 0.62 euros per share, up from 0.55 euros' is a base as 'rose to ... from' is)
    if up_from and reads_again(text, quantity):
        return period  # "March payrolls are now estimated at 315,000, up from 303,000": the earlier reading of the same month
    if own and own[0].anchor in ("L", "B"):
        return year_before(reached) if reached and reached != UNSPECIFIED else period
    if own and not (own[0].period == reached and quantity.period == reached):
        return period
    if names_previous_period(text, quantity):
        return year_before(period)  # 'eased to 12.9% from 14.6% a year ago', whatever the rate
    sub_year = quantity.kind in ("share", "growth") and not re.fullmatch(r"\d{4}|(\d{4})-(\d\d)/(\d{4})-\2", period)
    # the months of a year so far ("the first nine months", the first half) are set against the same months a year back
    return step_before(period, "P") if sub_year and not YEAR_SO_FAR.fullmatch(period) else year_before(period)


def reads_again(text: str, quantity: Quantity) -> bool:
    """Whether the figure a statistic is 'up from' follows a word of reading it again ('now estimated at', 'revised')."""
    return english_phrases.words()["estimate_revised"].search(text, max(0, quantity.start - 80), quantity.start) is not None


def is_earlier_reading(text: str, quantity: Quantity, claim: Claim, claims: list[Claim]) -> bool:
    """'now estimated at 315,000, up from 303,000': the base is an earlier reading of the figure before it (same key),
    a stage of a revision, no contradiction."""
    previous = claims[-1] if claims else None
    return previous is not None and previous.metric == claim.metric and previous.period == claim.period \
        and previous.entity == claim.entity and bool(UP_FROM.search(text, max(0, quantity.start - 20), quantity.start)) and reads_again(text, quantity)


YEAR_SO_FAR = re.compile(r"\d{4}-H1|(\d{4})-01/\1-(?:0[4-9]|1[01])")


CHANGE_BASE = re.compile(r"\bto\s+(?:a\s+|an\s+)?\S+(?:\s+\S+){0,6}?\s+from\s+(?:(?:about|around|roughly|nearly|some|a|an)\s+)?$", re.I)
UP_FROM = re.compile(r"\b(?:up|down)\s+from\s+(?:(?:about|around|roughly|nearly|some)\s+)?$", re.I)


def dated(text: str, quantity: Quantity, metric: str, period: str, published: date | None = None, reached: str = "") -> str:
    """A figure's period as its sentence gives it, with the figure's own words: '368,000 vehicles a year
    earlier' is the year before; a change over the year to December ('down 1.39 million from a year
    earlier', at the end of 2024) is that year's; what a change started from ('slipped to €1.9 billion
    from €2.1 billion') is the period before (a year before, or for a rate of less than a year the
    stretch just before)."""
    if period == UNSPECIFIED:
        return period
    base = base_period(text, quantity, period, published, reached)
    if base is not None:
        return base
    if names_previous_period(text, quantity):
        return year_before(period)
    step = previous_step(text, quantity)
    if step:
        return step_before(period, step)  # also a rate: 'down from 3.8% a month earlier' is the month before's
    if quantity.kind == "growth":
        return growth_since_a_base_year(text, quantity, period)
    if metric.endswith((".change", " change")) and chinese_phrases.compared_year(text[: quantity.start]) is not None:
        return growth_since_a_base_year(text, quantity, period)  # '比2019年多120万人次': the change since that year, as its growth is
    if metric.endswith((".change", ".change_difference")) and re.fullmatch(r"\d{4}-12", period):
        return period[:4]
    return span_end_of_a_market(metric, period)


def growth_since_a_base_year(text: str, quantity: Quantity, period: str) -> str:
    """'2024年，全市接待游客比2019年增长三成', '与2019年相比，…增长35%', '比2019年多120万人次': a growth or a change on a
    year two or more before the figure's is a change over the span from that year ('2019..2024', as 'risen 20% since
    2019' is), never the year's own growth or change on the year before."""
    base = chinese_phrases.compared_year(text[: quantity.start])
    if base is None or not re.fullmatch(r"\d{4}", period) or int(period) - base < 2:
        return period
    return f"{base}..{period}"


def span_end_of_a_market(metric: str, period: str) -> str:
    """A market's level dated by a span is the level at its end: 'Its shares have gained 40% since January,
    giving it a market value of 520 trillion won' is the value at publication. (Other balances keep the span:
    a labour survey's 'in work ... over the three months to October' is the average of those months.)"""
    if "." in metric or not is_market(metric, load_registry()):
        return period
    if ".." in period:
        return period.rpartition("..")[2]
    return last_month(period) if "/" in period else period


def number_claims(claims: list[Claim]) -> list[Claim]:
    """Readable ids, unique within a source: rd-investment-2024, rd-investment-2024-2, ..."""
    seen: Counter[str] = Counter()
    for claim in claims:
        base = f"{slug(claim.metric)}-{slug(claim.period)}" if claim.period != UNSPECIFIED else slug(claim.metric)
        seen[base] += 1
        claim.id = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return claims
