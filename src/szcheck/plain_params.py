"""Command-line values that need no checking, taken without pydantic: typer (0.2x) builds a pydantic
validator for every parameter of the command it runs, and importing pydantic was a third of the
start-up of `szcheck parse`."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable


def use_plain_params() -> None:
    """Text, a flag's own True or False, and a choice given exactly as one of its values are taken
    as they are; anything else (paths, numbers, a misspelt choice and typer's message for it) goes
    to typer's own validator, built the first time it is needed. A typer without this machinery
    (before pydantic) is left alone."""
    try:
        from typer import _coercion, core
    except ImportError:
        return
    build = getattr(core, "build_runtime_param", None)
    base = getattr(_coercion, "RuntimeParam", None)
    if build is None or base is None or getattr(build, "plain", False):
        return

    @dataclass(frozen=True)
    class PlainParam(base):
        typers_own: Callable[[], Any]

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            plain = plain_value(self.annotation, value, self.parameter_info, ctx)
            return plain if plain is not None else self.typers_own()._coerce_value(value, param=param, ctx=ctx)

    def build_plain(descriptor):
        if descriptor.file_annotation is None and getattr(descriptor.parameter_info, "parser", None) is None and (
                descriptor.annotation in (str, bool) or is_enum(descriptor.annotation)):
            return PlainParam(descriptor.parameter_info, descriptor.annotation, functools.cache(lambda: build(descriptor)))
        return build(descriptor)

    build_plain.plain = True
    core.build_runtime_param = build_plain


def is_enum(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Enum)


def plain_value(annotation: Any, value: Any, parameter_info: Any, ctx: Any) -> Any:
    """The value typer's validator would give, when it needs no validator; else None."""
    if annotation is str and type(value) is str or annotation is bool and type(value) is bool:
        return value
    if not is_enum(annotation):
        return None
    if isinstance(value, annotation):
        return value  # the default, a member already
    if type(value) is str and getattr(parameter_info, "case_sensitive", False) is True and getattr(ctx, "token_normalize_func", None) is None:
        return next((member for member in annotation if member.value == value), None)
    return None
