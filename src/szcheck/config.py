"""Configuration: [tool.szcheck] in pyproject.toml, or szcheck.yaml / .szcheck.yaml at the project root."""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from .errors import SzcheckError

CONFIG_FILES = ("szcheck.yaml", ".szcheck.yaml", "pyproject.toml")  # at one root, the first found wins


@dataclass
class Config:
    sources: str = "sources"
    claims: str = "claims"
    fail_on: str = "error"
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    baseline: str = ""
    registry: list[str] = field(default_factory=list)  # extra registry files, merged over the shipped one
    rates: str = ""  # a rate table replacing the shipped one
    currency: str = ""  # ISO code: what an ambiguous sign ("$", "kr", "dollars") means in the project's sources
    encodings: dict[str, str] = field(default_factory=dict)  # glob of source paths -> the encoding of legacy files
    path: str = ""  # the file the configuration came from


def read_table(path: Path) -> dict:
    if path.name == "pyproject.toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        try:
            data = tomllib.loads(utf8_text(path))
        except tomllib.TOMLDecodeError as error:
            raise SzcheckError(f"cannot read configuration: {error}", path) from None
        return data.get("tool", {}).get("szcheck", {})
    text = utf8_text(path)
    try:
        from .claims import safe_yaml  # refuses duplicate keys and aliases, as in claims files

        data = safe_yaml(text, lines=False) or {}
    except SzcheckError as error:
        raise SzcheckError(f"cannot read configuration: {error.message}", path, error.line) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SzcheckError(f"cannot read configuration: {getattr(error, 'problem', error)}", path, mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise SzcheckError("configuration must be a mapping of keys to values", path, 1)
    return data


def utf8_text(path: Path, what: str = "configuration") -> str:
    """A configuration or baseline file's text; not UTF-8 is the one-line error, naming the line."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SzcheckError(f"cannot read {what}: {error.strerror}", path) from None
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SzcheckError(f"{what} is not UTF-8 text ({error.reason}); save it as UTF-8", path, line) from None


def load_config(root: Path, warn=lambda message: None) -> Config:
    """The project's configuration; defaults when it has none."""
    for name in CONFIG_FILES:
        path = root / name
        if path.is_file():
            table = read_table(path)
            if table or name != "pyproject.toml":
                return config_from(table, path, warn)
    return Config()


def config_from(table: dict, path: Path, warn) -> Config:
    known = {f.name: f for f in fields(Config) if f.name != "path"}
    values = {}
    for key, value in table.items():
        name = str(key).replace("-", "_")
        if name not in known:
            nearest = difflib.get_close_matches(name, list(known), n=1)
            warn(f"{path}: unknown configuration key {key!r} ignored" + (f" (did you mean {nearest[0]!r}?)" if nearest else ""))
            continue
        if name == "encodings":
            values[name] = checked_encodings(key, value, path)
            continue
        expected_list = name in ("select", "ignore", "registry")
        if expected_list and isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if expected_list and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise SzcheckError(f"configuration key {key!r} must be a list of text", path)
        if not expected_list and not isinstance(value, str):
            raise SzcheckError(f"configuration key {key!r} must be text, not {type(value).__name__}", path)
        values[name] = value
    config = Config(**values, path=str(path))
    if config.fail_on not in ("error", "warning", "never"):
        raise SzcheckError(f"fail_on {config.fail_on!r} is not one of: error, warning, never", path)
    config.currency = checked_currency(config.currency, path)
    return config


def checked_currency(code: str, path: Path | None) -> str:
    """An ISO 4217 code of the currency table, in capitals ('' for none)."""
    from .money import currency_table

    if code and code.upper() not in currency_table():
        nearest = difflib.get_close_matches(code.upper(), list(currency_table()), n=1)
        raise SzcheckError(f"currency {code!r} is not an ISO 4217 code szcheck knows" + (f" (did you mean {nearest[0]!r}?)" if nearest else ""), path)
    return code.upper()


def checked_encodings(key: object, value: object, path: Path) -> dict[str, str]:
    """`encodings: {"sources/legacy/*.txt": cp1252}`: each value must be an encoding Python knows."""
    import codecs

    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise SzcheckError(f"configuration key {key!r} must map path patterns to encoding names", path)
    for pattern, encoding in value.items():
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise SzcheckError(f"encodings: {encoding!r} (for {pattern!r}) is not an encoding Python knows", path) from None
    return dict(value)
