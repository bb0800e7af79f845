"""Models to store documents and back, checking types on the way in.

A document with a missing required field or a value of the wrong type raises
:class:`CorruptFileError` naming the file: a damaged store is reported, never half-loaded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from fancompanion.core.store.errors import CorruptFileError
from fancompanion.core.store.files import keep_copy

T = TypeVar("T")

_SIMPLE: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "bool": (bool,),
    "str | None": (str, type(None)),
    "int | None": (int, type(None)),
}


_Spec = tuple[tuple[str, tuple[type, ...] | None, bool, bool], ...]
_SPECS: dict[type, _Spec] = {}


def _spec(cls: type) -> _Spec:
    """(name, accepted types or None, is_tuple, required) per field, computed once per class."""
    known = _SPECS.get(cls)
    if known is not None:
        return known
    out = []
    for f in dataclasses.fields(cls):
        kind = str(f.type)
        is_tuple = kind.startswith("tuple[")
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out.append((f.name, (list, tuple) if is_tuple else _SIMPLE.get(kind), is_tuple, required))
    _SPECS[cls] = tuple(out)
    return _SPECS[cls]


def to_doc(obj: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    for name, _types, is_tuple, _required in _spec(type(obj)):
        value = getattr(obj, name)
        doc[name] = list(value) if is_tuple else value
    return doc


def from_doc(cls: type[T], doc: Any, path: Path) -> T:
    """``doc`` as a ``cls``; :class:`CorruptFileError` naming ``path`` when it does not fit.

    A decoder compiled once per class checks the common case (exact JSON types) quickly — a
    10,000-show index or 50,000 news items are decoded at start — and hands anything unusual to
    :func:`_checked_from_doc`, which accepts and rejects exactly the same documents.
    """
    decode = _DECODERS.get(cls)
    if decode is None:
        decode = _DECODERS[cls] = _compile(cls)
    try:
        return decode(doc)  # type: ignore[no-any-return]
    except _Unusual:
        return _checked_from_doc(cls, doc, path)


def from_docs(cls: type[T], docs: Iterable[Any], path: Path) -> list[T]:
    """Every doc as a ``cls``, the same as :func:`from_doc` on each (same errors).

    The compiled decoder runs over the whole list in one comprehension: a long show's 10,000
    episodes skip a call, a lookup and a ``try`` each. Anything unusual sends the whole list
    through :func:`from_doc`, which decides each document as usual.
    """
    decode = _DECODERS.get(cls)
    if decode is None:
        decode = _DECODERS[cls] = _compile(cls)
    docs = docs if isinstance(docs, list) else list(docs)
    try:
        return [decode(doc) for doc in docs]
    except _Unusual:
        return [from_doc(cls, doc, path) for doc in docs]


class _Unusual(Exception):
    """The fast decoder met something it does not decide itself."""


_DECODERS: dict[type, Callable[[Any], Any]] = {}


def _compile(cls: type) -> Callable[[Any], Any]:
    """Source for one class: exact-type checks per field, then one positional call."""
    fields = dataclasses.fields(cls)
    scope: dict[str, Any] = {"Unusual": _Unusual, "MISSING": _MISSING, "cls": cls}
    lines = ["def decode(doc):", "    if type(doc) is not dict: raise Unusual"]
    for i, ((name, types, is_tuple, required), field) in enumerate(
        zip(_spec(cls), fields, strict=True)
    ):
        if not required and field.default is dataclasses.MISSING:
            lines = ["def decode(doc):", "    raise Unusual"]  # a default factory: checked path
            break
        scope[f"D{i}"] = field.default
        lines.append(f"    v{i} = doc.get({name!r}, MISSING)")
        lines.append(f"    if v{i} is MISSING: {'raise Unusual' if required else f'v{i} = D{i}'}")
        if is_tuple:
            lines.append(f"    elif type(v{i}) is list or type(v{i}) is tuple:")
            lines.append(f"        for item in v{i}:")
            lines.append("            if type(item) is not str: raise Unusual")
            lines.append(f"        v{i} = tuple(v{i})")
            lines.append("    else: raise Unusual")
        elif types is not None:
            for k, kind in enumerate(types):
                scope[f"T{i}_{k}"] = kind
            exact = " and ".join(f"type(v{i}) is not T{i}_{k}" for k in range(len(types)))
            lines.append(f"    elif {exact}: raise Unusual")
    else:
        lines.extend(_construct(cls, fields, scope))
    exec("\n".join(lines), scope)  # the source is built above from field specs only
    decode: Callable[[Any], Any] = scope["decode"]
    return decode


def _construct(
    cls: type, fields: tuple[dataclasses.Field[Any], ...], scope: dict[str, Any]
) -> list[str]:
    """The lines that build the instance from ``v0``, ``v1``, ...

    A slotted dataclass without ``__post_init__`` is filled slot by slot: a frozen class's
    ``__init__`` sets each field through ``object.__setattr__`` (a lookup and a call per field),
    a third of decoding 10,000 episodes. The object is the same as ``cls(...)`` would make.
    """
    slots = [cls.__dict__.get(f.name) for f in fields]
    direct = hasattr(cls, "__slots__") and not hasattr(cls, "__post_init__")
    if not direct or not all(type(slot).__name__ == "member_descriptor" for slot in slots):
        return [f"    return cls({', '.join(f'v{i}' for i in range(len(fields)))})"]
    scope["new"] = object.__new__
    lines = ["    obj = new(cls)"]
    for i, slot in enumerate(slots):
        scope[f"S{i}"] = slot.__set__  # type: ignore[union-attr]
        lines.append(f"    S{i}(obj, v{i})")
    lines.append("    return obj")
    return lines


_MISSING = object()


def _checked_from_doc(cls: type[T], doc: Any, path: Path) -> T:
    if not isinstance(doc, dict):
        raise _damaged(path, f"a {cls.__name__} record is not an object")
    kwargs: dict[str, Any] = {}
    for name, types, is_tuple, required in _spec(cls):
        if name not in doc:
            if required:
                raise _damaged(path, f"a {cls.__name__} record has no {name!r}")
            continue
        value = doc[name]
        if types is not None and (
            not isinstance(value, types) or (isinstance(value, bool) and bool not in types)
        ):
            raise _damaged(
                path, f"a {cls.__name__} record has a {type(value).__name__} for {name!r}"
            )
        if is_tuple and not all(isinstance(item, str) for item in value):
            raise _damaged(path, f"a {cls.__name__} record has a non-text item in {name!r}")
        kwargs[name] = tuple(value) if is_tuple else value
    return cls(**kwargs)


def _damaged(path: Path, reason: str) -> CorruptFileError:
    """The error for a badly typed document, with the file kept aside as evidence."""
    return CorruptFileError(path, reason, keep_copy(path))
