"""The reader's vocabulary, built and compiled, kept between runs: building it (YAML, word trees,
and compiling two 38 kB patterns) was most of the start-up of `szcheck parse`, the same work on
every start."""

from __future__ import annotations

import functools
import io
import os
import pickle
import re
import sys
import zlib
from array import array
from pathlib import Path
from typing import Callable, TypeVar

import _sre

try:
    from re import _compiler, _parser
except ImportError:  # Python 3.10
    import sre_compile as _compiler
    import sre_parse as _parser

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent
SOURCE_SUFFIXES = (".py", ".yaml", ".txt")
CODE_WORD = next(kind for kind in "IL" if array(kind).itemsize == _sre.CODESIZE)  # an array of the words _sre's programs are made of


def built(name: str, build: Callable[[], T]) -> T:
    """build(), or what it gave in an earlier run of the same szcheck files on the same Python build.
    The entry is keyed by every file of the package (path, size, modification time), so an edited
    vocabulary or grammar builds it again; it is sealed with a hash, so a truncated or damaged entry
    is built again too. Its patterns are stored as the program re's compiler made for them, which
    _sre takes as it is. Without a writable cache folder (or with SZCHECK_NO_CACHE) it is build()."""
    folder = cache_folder()
    if folder is None:
        return build()
    key = cache_key(name)
    path = folder / f"{name}-{format(checksum(key.encode('utf-8', 'surrogateescape')), '016x')}.pickle"
    found = read_entry(path, key)
    if found is not None:
        return found
    value = build()
    write_entry(path, key, value)
    return value


def cache_folder() -> Path | None:
    if os.environ.get("SZCHECK_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "szcheck" / "build"


def cache_key(name: str) -> str:
    return f"{sys.version}\x00{sys.implementation.cache_tag}\x00{_sre.MAGIC}\x00{name}\x00{package_fingerprint(PACKAGE)}"


@functools.cache  # the files do not change while szcheck runs
def package_fingerprint(folder: Path) -> str:
    return "\x00".join(f"{path}:{size}:{modified}" for path, size, modified in sorted(package_files(folder)))


def package_files(folder: Path, prefix: str = ""):
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                yield from package_files(Path(entry.path), f"{prefix}{entry.name}/")
            elif entry.name.endswith(SOURCE_SUFFIXES):
                info = entry.stat()
                yield f"{prefix}{entry.name}", info.st_size, info.st_mtime_ns


class EntryPickler(pickle.Pickler):
    def reducer_override(self, obj):
        if type(obj) is re.Pattern:
            return compiled_pattern, (obj.pattern, *compile_program(obj.pattern, obj.flags))
        return NotImplemented


def compile_program(pattern: str, flags: int) -> tuple:
    """What re.compile hands _sre.compile after its pure-Python parse and compile (the slow part)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for group, index in groupindex.items():
        indexgroup[index] = group
    code = array(CODE_WORD, code).tobytes()  # as bytes: unpickling the lexicon's 290k words one int at a time took twice as long
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def compiled_pattern(pattern: str, flags: int, code: bytes, groups: int, groupindex: dict, indexgroup: tuple) -> re.Pattern:
    return _sre.compile(pattern, flags, array(CODE_WORD, code).tolist(), groups, groupindex, indexgroup)


ALLOWED = {("builtins", "frozenset"), ("builtins", "set"), ("decimal", "Decimal"), (__name__, "compiled_pattern")}


class EntryUnpickler(pickle.Unpickler):
    """Only what an entry holds: szcheck's own records, Decimals, sets and compiled patterns."""

    def find_class(self, module: str, name: str):
        if (module, name) in ALLOWED or module.startswith("szcheck.") and isinstance(getattr(sys.modules.get(module), name, None), type):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a cache entry")


def read_entry(path: Path, key: str):
    try:
        with open(path, "rb") as stream:
            seal, _, body = stream.read().partition(b"\n")
        if seal.decode("ascii") != entry_seal(key, body):
            return None
        return EntryUnpickler(io.BytesIO(body)).load()
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, RuntimeError):
        return None  # not written yet, damaged, or from an _sre that takes another form of program


def write_entry(path: Path, key: str, value: object) -> None:
    stream = io.BytesIO()
    try:
        EntryPickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return  # something that cannot be stored (a function made inside another): built on every start
    body = stream.getvalue()
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError:
        return  # a read-only home: built on every start, as before
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(entry_seal(key, body).encode("ascii") + b"\n" + body)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return
    for older in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*.pickle"):
        if older != path:
            older.unlink(missing_ok=True)  # built from files that have changed since


def entry_seal(key: str, body: bytes) -> str:
    """A checksum of the entry and the key it was built for: an entry of other files, or a damaged
    one, does not match it. (A checksum against accidents, not a signature: the folder is the user's.)"""
    return format(checksum(key.encode("utf-8", "surrogateescape") + b"\x00" + body), "016x")


def checksum(data: bytes) -> int:
    return zlib.crc32(data) << 32 | zlib.adler32(data)  # zlib's, not hashlib's: loading OpenSSL was 4 ms of a short run
