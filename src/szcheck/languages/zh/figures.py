"""Chinese figure forms: a scale with no number before it (千亿元, 百亿级) and the 级 ("level") suffix."""

from __future__ import annotations

from ...reader.patterns import word_alternation


def bare_scales(vocab: dict) -> list[str]:
    """Scales that state a figure alone: every Chinese scale (千亿元 is "a hundred billion yuan")."""
    return [word for word in vocab["scales"] if not word.isascii()]


def number_words_pattern(vocab: dict) -> str:
    return ""  # Chinese numerals (三百四十万) are not read yet


def level_suffix(vocab: dict) -> str:
    return f"(?P<level_ji>{word_alternation(w for w in vocab['level_words'] if not w.isascii())})"


def figure_alternatives(vocab: dict, unit_words: list[str]) -> list[str]:
    """千亿元, 百亿级, 千亿元级: an order of magnitude with no number."""
    level = word_alternation(w for w in vocab["level_words"] if not w.isascii())
    units = word_alternation(w for w in unit_words if not w.isascii())
    return [rf"(?<![\d.])(?P<scale_cjk>{word_alternation(bare_scales(vocab))})(?:(?P<unit_cjk>{units})(?P<level_cjk>{level})?|(?P<level_cjk_only>{level}))"]


def figure_words(vocab: dict) -> list[str]:
    return []


def ratio_alternatives(vocab: dict) -> list[str]:
    return []


def ratio_value(match):
    return None


def sign_pattern(vocab: dict) -> str:
    return ""
