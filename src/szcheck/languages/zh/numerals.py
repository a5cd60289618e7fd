"""Chinese numerals: Han, Arabic and mixed figures (三百零二, 6万3千, 2.4万亿), percentages and yuan amounts.

Values are exact decimals. A numeral states an interval [low, high): exact wording gives low == high == value;
approximate wording gives its range, with value == low (for a negative figure, value == high, the end nearest 0):

    3000多, 三千多   [3000, 4000)        十几     [11, 20)     (the integers 11..19, half-open)
    几十, 数十       [10, 100)           数十亿   [1e9, 1e10)
    两三(个)         [2, 4)              (the integers 2 and 3, half-open like 十几)
    三五(个)         [3, 6)              (three to five: loose_pairs in numerals.yaml)

Some wordings are read one way on purpose:
    一万二 = 12000, 三千五 = 3500   a last digit right after 百/千/万/亿 counts in tenths of it (一万零二 = 10002)
    千万                           ten million, except before 不/别/要/务必 ... (千万不要: "by all means do not")
    百/千 alone                    begin a numeral only in 百万, 千亿 ...; 十 alone is 10
    几 / 数 alone                  not read (几个人); 几十, 十几, 数万 are
    兆                             10^12, but 10^6 before a unit of measure (三兆瓦)
    2024, 二〇二四, 第十, 1月27日  read as numerals: is_year, is_date and is_ordinal tell the caller what they are
Words such as 一些, 十分, 四川 (NOT_NUMERALS in numerals.yaml) are not read at any of their characters.

Reading goes left to right over a bounded run of tokens (at most MAX_DIGITS digits) and never raises.
The vocabulary lives in numerals.yaml and is loaded on first use.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Context, Decimal, DecimalException, Inexact, InvalidOperation, Overflow, localcontext

MAX_DIGITS = 40
MAX_TOKENS = 120
# Any rounding would make a value inexact: trap it and read nothing instead.
EXACT = Context(prec=200, traps=[Inexact, InvalidOperation, Overflow])
ZERO, ONE, TEN = Decimal(0), Decimal(1), Decimal(10)
PAIR_WIDTH = Decimal(2)  # 两三 -> [2, 4)
FEW = (ONE, Decimal(9))  # 几 -> [1, 10)


@dataclass(frozen=True)
class Numeral:
    value: Decimal
    end: int
    low: Decimal
    high: Decimal
    text: str
    unit_of_last_digit: Decimal  # place of the last stated digit: 3.8万 -> 1000, 三百四十万 -> 100000, 2024 -> 1

    @property
    def approximate(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class Vocabulary:
    digits: dict
    zeros: frozenset
    counting_only: frozenset
    small: dict
    tens: dict
    big: dict
    mega: str
    mega_before: tuple
    mega_value: Decimal
    points: frozenset
    arabic_points: frozenset
    signs: frozenset
    separator: str
    few: frozenset
    more: frozenset
    leading: frozenset
    qianwan: tuple
    qianwan_adverb_before: tuple
    not_numerals: tuple
    word_index: dict  # character -> ((offset in word, word), ...)
    followers: dict  # word -> what makes it a numeral after all
    raw: dict  # the rest of the YAML, for the percent, money and date readers


@functools.cache
def vocabulary() -> Vocabulary:
    from importlib import resources

    import yaml

    text = resources.files(__package__).joinpath("numerals.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader (libyaml's when built)
    words = tuple(data["not_numerals"])
    index: dict = {}
    for word in words:
        for offset, char in enumerate(word):
            index.setdefault(char, []).append((offset, word))
    return Vocabulary(
        digits={c: Decimal(d) for c, d in data["digits"].items()},
        zeros=frozenset(data["zeros"]),
        counting_only=frozenset(data["counting_only"]),
        small={c: Decimal(u) for c, u in data["small_units"].items()},
        tens={c: Decimal(u) for c, u in data["tens"].items()},
        big={c: Decimal(u) for c, u in data["big_units"].items()},
        mega=data["mega"],
        mega_before=tuple(data["mega_before"]),
        mega_value=Decimal(data["mega_value"]),
        points=frozenset(data["points"]),
        arabic_points=frozenset(data["arabic_points"]),
        signs=frozenset(data["signs"]),
        separator=data["thousands_separator"],
        few=frozenset(data["few"]),
        more=frozenset(data["more"]),
        leading=frozenset(data["leading_units"]),
        qianwan=tuple(data["qianwan"]),
        qianwan_adverb_before=tuple(data["qianwan_adverb_before"]),
        not_numerals=words,
        word_index={c: tuple(entries) for c, entries in index.items()},
        followers={w: tuple(f) for w, f in data["numeral_when_followed_by"].items()},
        raw=data,
    )


def __getattr__(name: str):
    # NOT_NUMERALS comes from the YAML, read only when asked for.
    if name == "NOT_NUMERALS":
        return list(vocabulary().not_numerals)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def arabic_digit(c: str) -> int | None:
    """0-9 for an ASCII or full-width digit."""
    if "0" <= c <= "9":
        return ord(c) - 48
    if "０" <= c <= "９":
        return ord(c) - 0xFF10
    return None


# --- tokens: (kind, value, place, extra, start, end) ---


class TooLong(Exception):
    """A run of more than MAX_DIGITS digits: refused whole."""


def arabic_token(text: str, pos: int, v: Vocabulary) -> tuple:
    """Digits with optional thousands separators and decimal point: 3,000 / ２．０４５６."""
    digits, i, n, group = [], pos, len(text), 0
    while i < n:
        d = arabic_digit(text[i])
        if d is not None:
            digits.append(str(d))
            group += 1
            i += 1
        elif text[i] == v.separator and separated_group(text, i, group, len(digits)):
            group = 0
            i += 1
        else:
            break
        if len(digits) > MAX_DIGITS:
            raise TooLong
    whole, fraction = "".join(digits), ""
    if i + 1 < n and text[i] in v.arabic_points and arabic_digit(text[i + 1]) is not None:
        i, fraction = digit_run(text, i + 1, arabic_digit, MAX_DIGITS - len(digits))
        fraction = "".join(map(str, fraction))
        value = Decimal(f"{whole}.{fraction}")
        return ("arabic", value, ONE.scaleb(-len(fraction)), None, pos, i)
    zeros = len(whole) - len(whole.rstrip("0")) if whole.strip("0") else 0
    return ("arabic", Decimal(whole), ONE, ONE.scaleb(zeros), pos, i)


def separated_group(text: str, i: int, group: int, count: int) -> bool:
    """Is the separator at i inside 1,234,567 (1-3 digits first, then groups of exactly 3)?"""
    if group == 0 or group > 3 or (count > group and group != 3):
        return False
    following = text[i + 1 : i + 5]
    three = len(following) >= 3 and all(arabic_digit(c) is not None for c in following[:3])
    return three and (len(following) == 3 or arabic_digit(following[3]) is None)


def digit_run(text: str, i: int, digit_of, limit: int) -> tuple[int, list]:
    """Consecutive digits from i as read by digit_of, refusing more than `limit`."""
    found = []
    while i < len(text) and (d := digit_of(text[i])) is not None:
        found.append(d)
        i += 1
        if len(found) > limit:
            raise TooLong
    return i, found


def han_digit_of(v: Vocabulary):
    def digit(c: str) -> int | None:
        if c in v.zeros:
            return 0
        d = v.digits.get(c)
        return None if d is None else int(d)

    return digit


def han_token(text: str, pos: int, v: Vocabulary) -> tuple | None:
    c, end = text[pos], pos + 1
    if c in v.digits:
        return ("digit", v.digits[c], ONE, None, pos, end)
    if c in v.zeros:
        return ("zero", ZERO, ONE, None, pos, end)
    if c in v.small:
        return ("small", v.small[c], None, None, pos, end)
    if c in v.tens:
        return ("tens", v.tens[c], None, None, pos, end)
    if c in v.big:
        mega = c == v.mega and any(text.startswith(u, end) for u in v.mega_before)
        return ("big", v.mega_value if mega else v.big[c], None, None, pos, end)
    if c in v.points:
        i, fraction = digit_run(text, end, han_digit_of(v), MAX_DIGITS)
        if not fraction:
            return None
        value = Decimal("0." + "".join(map(str, fraction)))
        return ("point", value, ONE.scaleb(-len(fraction)), None, pos, i)
    if c in v.few:
        return ("few", None, None, None, pos, end)
    if c in v.more:
        return ("more", None, None, None, pos, end)
    return None


def tokens(text: str, pos: int, v: Vocabulary) -> list:
    found, digits = [], 0
    while pos < len(text) and len(found) < MAX_TOKENS:
        token = arabic_token(text, pos, v) if arabic_digit(text[pos]) is not None else han_token(text, pos, v)
        if token is None:
            break
        digits += token[0] in ("digit", "zero")
        if digits > MAX_DIGITS:
            raise TooLong
        found.append(token)
        pos = token[5]
    return merge_runs(text, found, v)


def merge_runs(text: str, found: list, v: Vocabulary) -> list:
    """Han digits side by side: 两三 / 七八 are a pair (two or three); at the start and
    followed by no unit, 二〇二四 is a digit string."""
    merged, i = [], 0
    while i < len(found):
        j = i
        while j < len(found) and found[j][0] in ("digit", "zero"):
            j += 1
        run = found[i:j]
        if len(run) >= 2:
            merged.extend(merged_run(text, run, i == 0, found[j][0] if j < len(found) else None, v))
            i = j
        else:
            merged.append(found[i])
            i += 1
    return merged


def merged_run(text: str, run: list, at_start: bool, following: str | None, v: Vocabulary) -> list:
    first, second = run[0], run[1]
    if len(run) == 2 and first[0] == second[0] == "digit" and (
            second[1] == first[1] + 1 or text[first[4]] + text[second[4]] in v.raw["loose_pairs"]):
        return [("pair", first[1], ONE, second[1] - first[1] + 1, first[4], second[5])]
    counting = any(text[t[4]] in v.counting_only for t in run)
    if at_start and not counting and following not in ("small", "big", "point", "more", "few"):
        value = Decimal("".join(str(int(t[1])) for t in run))
        return [("string", value, ONE, None, first[4], run[-1][5])]
    return run  # the reading stops at the second digit


# --- the reading: a running state fed one token at a time ---


class Reading:
    """Sections closed by 万/亿 (parts), the open section, and a digit waiting for its unit.
    Each amount is a (low, width) pair so that 几/多/两三 carry their range through the units."""

    def __init__(self, leading_unit: bool):
        self.parts: list = []  # [low, width, magnitude], magnitudes falling left to right
        self.low = self.width = ZERO  # the open section
        self.has_section = False
        self.pending = None  # (low, width, place, kind, trailing zeros place)
        self.last_small = None
        self.last_unit = None
        self.after_zero = self.vague = self.decimal = self.started = self.closed = False
        self.place = ONE
        self.leading_unit = leading_unit

    def feed(self, token: tuple) -> bool:
        kind, value, place, extra = token[:4]
        if self.closed:
            return False
        accepted = getattr(self, "on_" + kind)(value, place, extra)
        self.started = self.started or accepted
        return accepted

    def on_digit(self, value, place, extra) -> bool:
        if self.pending is not None or self.decimal:
            return False
        self.pending = (value, ZERO, ONE, "digit", None)
        return True

    def on_zero(self, value, place, extra) -> bool:
        if self.decimal or self.pending is not None:
            return False
        if not self.started:
            self.pending = (ZERO, ZERO, ONE, "zero", None)
        else:
            self.after_zero = True
        return True

    def on_arabic(self, value, place, extra) -> bool:
        if self.pending is not None or self.decimal or (self.started and extra is None):
            return False
        self.pending = (value, ZERO, place, "arabic" if extra is not None else "decimal", extra)
        return True

    def on_string(self, value, place, extra) -> bool:
        self.pending = (value, ZERO, ONE, "string", None)
        self.closed = True
        return True

    def on_pair(self, value, place, extra) -> bool:
        return self.start_vague((value, extra or PAIR_WIDTH))

    def on_few(self, value, place, extra) -> bool:
        return self.start_vague(FEW)

    def start_vague(self, interval) -> bool:
        if self.pending is not None or self.vague or self.decimal:
            return False
        self.pending = (*interval, ONE, "vague", None)
        self.vague = True
        return True

    def on_small(self, unit, place, extra) -> bool:
        if self.last_small is not None and unit >= self.last_small:
            return False
        pending = self.pending
        if pending is None:
            # 十 needs no digit (十七, 二十万 has one); 百/千 only begin 百万, 千亿.
            implicit = unit == TEN and not self.after_zero or self.leading_unit and not self.started
            if not implicit or self.decimal:
                return False
            pending = (ONE, ZERO, ONE, "digit", None)
        elif pending[3] in ("zero", "string", "more") or self.decimal:
            return False
        low, width, place, kind, _ = pending
        self.low += low * unit
        self.width += width * unit
        self.place = place * unit
        self.has_section = True
        self.decimal = kind == "decimal"
        self.pending, self.last_small, self.last_unit, self.after_zero = None, unit, unit, False
        return True

    def on_tens(self, value, place, extra) -> bool:
        """廿 / 卅: a digit and 十 in one character (廿三 = 二十三)."""
        if self.pending is not None or self.decimal or self.after_zero:
            return False
        self.pending = (value / TEN, ZERO, ONE, "digit", None)
        if self.on_small(TEN, None, None):
            return True
        self.pending = None
        return False

    def on_big(self, unit, place, extra) -> bool:
        if self.pending is not None and self.pending[3] in ("zero", "string"):
            return False
        self.flush_pending()
        if self.parts and unit > self.parts[0][2]:  # 一万亿, 两千万亿: everything so far times 亿
            low = sum(p[0] for p in self.parts) + self.low
            width = sum(p[1] for p in self.parts) + self.width
            self.parts = [[low * unit, width * unit, unit * self.parts[0][2]]]  # 万亿 is a magnitude of 10^12: 1万亿零520亿
        elif self.has_section and (not self.parts or unit < self.parts[-1][2]):
            self.parts.append([self.low * unit, self.width * unit, unit])
        else:
            return False
        self.place *= unit
        self.low = self.width = ZERO
        self.has_section, self.last_small, self.last_unit, self.after_zero = False, None, unit, False
        return True

    def on_point(self, fraction, place, extra) -> bool:
        pending = self.pending
        if self.decimal or self.vague or (pending is None and not (self.has_section or self.parts)):
            return False
        if pending is not None and pending[3] not in ("digit", "zero"):
            return False
        self.flush_pending(abbreviate=False)
        self.low += fraction
        self.place = place
        self.has_section = self.decimal = True
        self.after_zero = False
        return True

    def on_more(self, value, place, extra) -> bool:
        """多/余: up to one more of the last stated digit's place (三千多, 3000多, 十多万)."""
        if self.vague:
            return False
        pending = self.pending
        if pending is not None:
            low, _, _, kind, zeros_place = pending
            if kind != "arabic" or zeros_place == ONE or self.last_unit is not None:
                return False
            self.pending = (low, zeros_place, zeros_place, "more", None)
        elif self.last_unit is None or self.after_zero:
            return False
        elif self.has_section:
            self.width += self.place
        else:
            self.parts[-1][1] += self.place
        self.vague = True
        return True

    def flush_pending(self, abbreviate: bool = True) -> None:
        if self.pending is None:
            return
        low, width, place = self.pending_amount(abbreviate)
        self.decimal = self.decimal or self.pending[3] == "decimal"
        self.low += low
        self.width += width
        self.place = place
        self.has_section = True
        self.pending = None

    def pending_amount(self, abbreviate: bool) -> tuple:
        low, width, place, kind, _ = self.pending
        unit = self.last_unit
        # 一万二 is 12000, 三千五 is 3500: a last digit right after a unit counts in tenths of it.
        if abbreviate and kind == "digit" and unit is not None and unit >= 100 and not self.after_zero:
            return low * unit / TEN, ZERO, unit / TEN
        return low, width, place

    def complete(self) -> tuple | None:
        """(low, width, place of the last digit) if the tokens so far make a whole numeral."""
        if not self.started or self.after_zero and self.pending is None:
            return None  # 一百零: the zero waits for its digit
        low = sum(p[0] for p in self.parts) + self.low
        width = sum(p[1] for p in self.parts) + self.width
        place = self.place
        if self.pending is not None:
            if not self.pending_complete():
                return None
            p_low, p_width, place = self.pending_amount(abbreviate=True)
            low, width = low + p_low, width + p_width
        return low, width, place

    def pending_complete(self) -> bool:
        kind, unit = self.pending[3], self.last_unit
        if kind in ("digit", "zero", "string", "more"):
            return True
        if kind == "arabic":
            return unit is None or self.after_zero
        if kind == "decimal":
            return unit is None
        return unit is None and self.pending[1] != FEW[1] or unit == TEN  # vague: 两三, 三五, 十七八, 十几 (not 几 alone)


def evaluate(found: list) -> tuple | None:
    # 百万, 千亿, and 百余, 千多 (a hundred odd): a leading 百/千 stands for one of it
    leading = len(found) > 1 and found[0][0] == "small" and found[1][0] in ("big", "more")
    if len(found) > 1 and found[0][0] == "big" and found[1][0] == "more":
        found = [("digit", ONE, ONE, None, found[0][4], found[0][4]), *found]  # 万余人: ten thousand odd
    if found[0][0] == "small" and found[0][1] != TEN and not leading:
        return None
    reading, best = Reading(leading), None
    for token in found:
        if not reading.feed(token):
            break
        done = reading.complete()
        if done is not None:
            best = (done, token[5])
    return best


# --- the public readers ---


def is_numeral_char(c: str, v: Vocabulary) -> bool:
    return arabic_digit(c) is not None or c in v.digits or c in v.zeros or c in v.small or c in v.tens or c in v.big


def inside_numeral(text: str, start: int, v: Vocabulary) -> bool:
    """Does `start` fall inside a numeral that began earlier (the 4 of 2024, the 5 of 三点五)?"""
    if start == 0:
        return False
    before = text[start - 1]
    if is_numeral_char(before, v):
        return not in_ordinary_word(text, start - 1, v)  # the 零 of 找零 ends a word: 找零贰拾元 is 20 yuan
    return (before in v.points or before in v.arabic_points) and start > 1 and is_numeral_char(text[start - 2], v)


def in_ordinary_word(text: str, pos: int, v: Vocabulary) -> bool:
    for offset, word in v.word_index.get(text[pos], ()):
        begin = pos - offset
        if begin >= 0 and text.startswith(word, begin):
            after = begin + len(word)
            if not any(text.startswith(f, after) for f in v.followers.get(word, ())):
                return True
    return False


def qianwan_adverb(text: str, pos: int, v: Vocabulary) -> bool:
    """千万不要, 千万别: "by all means", not ten million."""
    return any(
        text.startswith(w, pos) and any(text.startswith(cue, pos + len(w)) for cue in v.qianwan_adverb_before)
        for w in v.qianwan
    )


def tidy(d: Decimal) -> Decimal:
    """24000 rather than 24000.0 or 2.4E+4 (the same value, written as a reader expects)."""
    return d.quantize(ONE) if d == d.to_integral_value() else d


def numeral(value, end, low, high, text, place) -> Numeral:
    with localcontext(EXACT):  # quantize must not round either
        return Numeral(tidy(value), end, tidy(low), tidy(high), text, tidy(place) if place >= 1 else place.normalize())


def read(text: str, start: int, check_words: bool) -> Numeral | None:
    v = vocabulary()
    if not isinstance(text, str) or not 0 <= start < len(text) or inside_numeral(text, start, v):
        return None
    pos, negative = start, text[start] in v.signs
    pos += negative
    if pos >= len(text) or (check_words and in_ordinary_word(text, pos, v)) or qianwan_adverb(text, pos, v):
        return None
    try:
        with localcontext(EXACT):
            found = tokens(text, pos, v)
            best = evaluate(found) if found else None
            if best is None:
                return None
            (low, width, place), end = best
            high = low + width
            if negative:
                low, high = -high, -low
            value = high if negative else low
            return numeral(value, end, low, high, text[start:end], place)
    except (TooLong, DecimalException):
        return None


def read_numeral(text: str, start: int = 0) -> Numeral | None:
    """The Chinese, Arabic or mixed numeral that begins exactly at `start`, or None."""
    return read_numeral_in(text, start) if isinstance(text, str) else None


@functools.lru_cache(maxsize=256)  # a figure's numeral is read when it is found and again when it is built
def read_numeral_in(text: str, start: int) -> Numeral | None:
    return read(text, start, check_words=True)


def with_end(n: Numeral, text: str, start: int, end: int, scale: Decimal = ONE, add: Decimal = ZERO,
             width: Decimal = ZERO, place: Decimal | None = None) -> Numeral:
    """`n` times `scale`, plus `add` (and `width` at the high end), as the text from start to end."""
    with localcontext(EXACT):
        low, high = n.low * scale + add, n.high * scale + add + width
        value = n.value * scale + add
        unit = n.unit_of_last_digit * scale if place is None else place
    return numeral(value, end, low, high, text[start:end], unit)


def percent_of(text: str, start: int = 0) -> Numeral | None:
    """百分之十七, 千分之三点六, 17%, 四成, 五成多, 三分之一 as percent."""
    if not isinstance(text, str) or not 0 <= start < len(text):
        return None
    return percent_of_in(text, start)


@functools.lru_cache(maxsize=256)  # a percent in words is read when it is found and again when it is built
def percent_of_in(text: str, start: int) -> Numeral | None:
    v = vocabulary()
    for prefix, scale in v.raw["percent_prefixes"].items():
        if text.startswith(prefix, start):
            whole = whole_percent(text, start, start + len(prefix), v) if Decimal(str(scale)) == ONE else None
            if whole is not None:
                return whole
            n = read(text, start + len(prefix), check_words=False)
            return None if n is None else with_end(n, text, start, n.end, Decimal(str(scale)))
    n = read_numeral(text, start)
    if n is None or n.end >= len(text):
        return None
    if text[n.end] in v.raw["percent_signs"]:
        return with_end(n, text, start, n.end + 1)
    if text[n.end] in v.raw["tenths"]:
        return tenths(text, start, n, v)
    if text[n.end] in v.raw["discount"] and not text.startswith(tuple(v.raw["discount_not_before"]), n.end):
        return discount(text, start, n)
    if text.startswith(v.raw["fraction_word"], n.end):
        return fraction(text, start, n, v)
    return None


def fraction(text: str, start: int, denominator: Numeral, v: Vocabulary) -> Numeral | None:
    """X分之Y, the share Y/X: 三分之一 -> 33.33...%, 四分之三 -> 75%; stated to the percent, as English
    'a third' is. Both parts are whole numbers and the whole has at least two parts."""
    numerator = read(text, denominator.end + len(v.raw["fraction_word"]), check_words=False)
    if numerator is None or any(part.approximate or part.value != part.value.to_integral_value() for part in (denominator, numerator)):
        return None
    if denominator.value < 2 or not 0 < numerator.value <= denominator.value:
        return None
    share = numerator.value * 100 / denominator.value  # 100/3: to the 28 digits English fractions have
    return numeral(share, numerator.end, share, share, text[start : numerator.end], ONE)


def whole_percent(text: str, start: int, pos: int, v: Vocabulary) -> Numeral | None:
    """百分之百: a hundred percent (百 alone, which begins no other numeral); 百分之百地 is the
    adverb "wholeheartedly"."""
    raw = v.raw
    if not text.startswith(raw["whole"], pos) or text.startswith(tuple(raw["whole_adverb_after"]), pos + len(raw["whole"])):
        return None
    end = pos + len(raw["whole"])
    if end < len(text) and is_numeral_char(text[end], v):
        return None
    return numeral(Decimal(100), end, Decimal(100), Decimal(100), text[start:end], ONE)


def tenths(text: str, start: int, n: Numeral, v: Vocabulary) -> Numeral | None:
    """四成 = 40 percent, 三成五 = 35, 七成半 = 75, 五成多 = [50, 60), 七八成 = [70, 90)."""
    if not (1 <= n.low and n.high <= 10 and n.low == n.low.to_integral_value()):
        return None
    end = n.end + 1
    nxt = text[end] if end < len(text) else ""
    if n.approximate or not nxt:
        return with_end(n, text, start, end, TEN)
    if nxt in v.digits and not (end + 1 < len(text) and is_numeral_char(text[end + 1], v)):
        return with_end(n, text, start, end + 1, TEN, v.digits[nxt], place=ONE)
    if nxt == v.raw["half"]:
        return with_end(n, text, start, end + 1, TEN, Decimal(5), place=Decimal(5))
    if nxt in v.more:
        return with_end(n, text, start, end + 1, TEN, width=TEN)
    return with_end(n, text, start, end, TEN)


def discount(text: str, start: int, n: Numeral) -> Numeral | None:
    """The share of the full price a discount leaves: one digit or a decimal counts tenths (八折 = 80%,
    8.5折 = 85%), two digits hundredths (七五折, 95折 = 75%, 95%). 十折 or 0折 is no discount."""
    end = n.end + 1
    if n.approximate or not ONE <= n.value < 100:
        return None
    if n.value < 10:
        return with_end(n, text, start, end, TEN)
    if n.value != n.value.to_integral_value() or n.value % 10 == 0:
        return None
    return with_end(n, text, start, end, ONE)


def sub_digit(text: str, pos: int, v: Vocabulary) -> tuple[int, int] | None:
    """A single digit at pos (Han or Arabic) that no other numeral character follows: (digit, end)."""
    if pos >= len(text):
        return None
    c = text[pos]
    d = arabic_digit(c)
    if d is None:
        d = han_digit_of(v)(c)
    if d is None or (pos + 1 < len(text) and is_numeral_char(text[pos + 1], v)):
        return None
    return d, pos + 1


def subunits(text: str, pos: int, v: Vocabulary) -> tuple[Decimal, Decimal, int] | None:
    """角/毛 and 分 after a yuan amount: 八 (bare: 角), 2角五分, 八毛五, 零五分. (amount, place, end)."""
    raw = v.raw
    if pos < len(text) and text[pos] in v.zeros and sub_digit(text, pos + 1, v):
        d, end = sub_digit(text, pos + 1, v)  # 零五分, and 零伍角 as cheques write it (贰拾元零伍角 = 20.5)
        if text.startswith(tuple(raw["jiao"]), end):
            return subunits(text, pos + 1, v)
        return (Decimal(d) / 100, Decimal("0.01"), end + 1) if text.startswith(tuple(raw["fen"]), end) else None
    first = sub_digit(text, pos, v)
    if first is None:
        return None
    d, end = first
    if text.startswith(tuple(raw["fen"]), end):
        return Decimal(d) / 100, Decimal("0.01"), end + 1
    jiao = Decimal(d) / 10
    if not text.startswith(tuple(raw["jiao"]), end):
        return jiao, Decimal("0.1"), end  # 七块八
    end += 1
    second = sub_digit(text, end, v)
    if second is None:
        return jiao, Decimal("0.1"), end
    fen, end = second
    end += text.startswith(tuple(raw["fen"]), end)
    return jiao + Decimal(fen) / 100, Decimal("0.01"), end


def money_units(text: str, start: int = 0) -> Numeral | None:
    """A yuan amount with its subunits, in yuan: 七块八 = 7.8, 30元2角五分 = 30.25, 柒万捌仟元整 = 78000."""
    if not isinstance(text, str) or not 0 <= start < len(text):
        return None
    v = vocabulary()
    n = read_numeral(text, start)
    if n is None or n.end >= len(text):
        return None
    raw, c = v.raw, text[n.end]
    if c in raw["yuan"] or c in raw["kuai"]:
        return yuan_amount(text, start, n, v)
    if c in raw["jiao"] or c in raw["fen"]:
        return small_change(text, start, n, v)
    return None


def yuan_amount(text: str, start: int, n: Numeral, v: Vocabulary) -> Numeral | None:
    raw, end = v.raw, n.end + 1
    sub = None if n.approximate else subunits(text, end, v)
    if sub is not None:
        add, place, end = sub
        return money_end(text, start, n, v, end, add, place)
    if text[n.end] in raw["kuai"] and not (text.startswith(tuple(raw["money_word"]), end) or end == len(text)
                                           or text[end] in raw["clause_ends"]):
        return None  # 三块石头 is three stones; 花了一百块。 and 一百块钱 are money
    return money_end(text, start, n, v, end, ZERO, None)


def small_change(text: str, start: int, n: Numeral, v: Vocabulary) -> Numeral | None:
    """五毛钱, 八毛五, 五分钱: jiao or fen alone, which needs 钱 or a fen digit to be money."""
    raw = v.raw
    if n.approximate or n.value not in range(10) or n.text[:1] in v.signs:
        return None
    if text[n.end] in raw["fen"]:
        end = n.end + 1
        if not text.startswith(tuple(raw["money_word"]), end):
            return None
        return money_end(text, start, n, v, end, ZERO, Decimal("0.01"), scale=Decimal("0.01"))
    sub = subunits(text, start, v)
    if sub is None:
        return None
    add, place, end = sub
    if place != Decimal("0.01") and not text.startswith(tuple(raw["money_word"]), end):
        return None
    return money_end(text, start, n, v, end, add, place, scale=ZERO)


def money_end(text: str, start: int, n: Numeral, v: Vocabulary, end: int, add: Decimal,
              place: Decimal | None, scale: Decimal = ONE) -> Numeral:
    """The amount ended by 整 or 钱 when one follows."""
    raw = v.raw
    if text.startswith(tuple(raw["money_end"]), end):
        end += 1
        place = ONE if place is None else min(place, ONE)  # 叁仟元整: exactly 3000 yuan, to the yuan
    elif text.startswith(tuple(raw["money_word"]), end):
        end += 1
    return with_end(n, text, start, end, scale, add, place=place)


def is_ordinal(text: str, start: int) -> bool:
    """Does the numeral at `start` follow 第 (第十届)?"""
    marker = vocabulary().raw["ordinal_marker"]
    return 0 < start <= len(text) and text.startswith(marker, start - len(marker))


def is_year(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a year: four digits written one by one (2024, 二〇二四) before 年,
    or any such digits after 公元 / 公元前? 两千年 (two thousand years) is not."""
    v = vocabulary()
    if not 0 <= start < end <= len(text):
        return False
    body = text[start:end]
    one_by_one = all(arabic_digit(c) is not None or (c in v.digits or c in v.zeros) and c not in v.counting_only
                     for c in body)
    if not one_by_one or not text.startswith(tuple(v.raw["year_suffixes"]), end):
        return False
    return len(body) == 4 or any(text.endswith(p, 0, start) for p in v.raw["year_prefixes"])


def is_date(text: str, start: int, end: int) -> bool:
    """Is the numeral at text[start:end] a month (1月) or a day (27日, 1月27号)?"""
    v, n = vocabulary(), read_numeral(text, start)
    if n is None or n.end != end or n.approximate or n.value != n.value.to_integral_value():
        return False
    raw, value = v.raw, n.value
    if text.startswith(raw["month_suffix"], end):
        return 1 <= value <= 12
    if not 1 <= value <= 31 or not text.startswith(tuple(raw["day_suffixes"]), end):
        return False
    if text.startswith(tuple(raw["not_day_after"]), end + 1):
        return False
    return text[end] == raw["day_suffixes"][0] or text.endswith(raw["month_suffix"], 0, start)


@functools.cache
def han_year() -> "re.Pattern":
    """Four Han digits written one by one before 年, or before a span's joiner (二〇二四年, 一九九八至二〇〇八年)."""
    import re

    v = vocabulary()
    digits = "".join(c for c in list(v.digits) + list(v.zeros) if c not in v.counting_only)
    numeral = "".join(c for c in digits + "".join(v.small) + "".join(v.tens) + "".join(v.big) + "".join(v.points))
    joiners = re.escape("".join(v.raw["year_span_joiners"]))
    suffixes = "|".join(re.escape(s) for s in v.raw["year_suffixes"])
    return re.compile(rf"(?<![{numeral}])[{digits}]{{4}}(?![{numeral}])(?=(?:{suffixes})|[{joiners}][{digits}]{{4}}(?:{suffixes}))")


ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
FULL_WIDTH_DIGIT = re.compile("[０-９]")


def with_ascii_digits(text: str) -> str:
    """`text` with full-width digits (２０２４年１－１０月) as ASCII ones, one character for one: the year,
    date and period rules are written for ASCII digits; `text` itself when it holds none."""
    if not FULL_WIDTH_DIGIT.search(text):
        return text  # a search costs far less than a translation through a table, which looks up every character
    # １，２８６億元: a full-width comma between full-width digits, before a group of three, groups thousands
    return FULL_WIDTH_GROUPING.sub(",", text).translate(ASCII_DIGITS)


FULL_WIDTH_GROUPING = re.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")


def with_arabic_years(text: str) -> str:
    """`text` with each year written in Han digits (二〇二四年, 二零二四年) in Arabic digits (2024年), at the
    same positions, so that it is read as a year is; `text` itself when it holds none."""
    if not any(suffix in text for suffix in vocabulary().raw["year_suffixes"]):
        return text
    digit = han_digit_of(vocabulary())
    def arabic(match) -> str:
        written = "".join(str(digit(c)) for c in match.group(0))
        return written if "1800" <= written <= "2099" else match.group(0)
    converted = han_year().sub(arabic, text)
    return text if converted == text else converted

