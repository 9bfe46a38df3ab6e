"""Plain-JSON forms of the value types, and back, without loss.

Any attrs class whose fields are JSON scalars, spans, other such classes, optional
values, tuples or string-keyed mappings converts both ways; plugin data types only
have to be attrs classes built from those.
"""

import functools
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

from claimkit.types import Claim, Demand

T = TypeVar("T")

#: The data type of each built-in claim kind that carries one.
BUILTIN_DATA_TYPES: Mapping[str, type] = {"demand": Demand}


def to_json(value: Any) -> Any:
    """The plain JSON form (dicts, lists, strings, numbers, booleans, None) of ``value``."""
    if value is None or isinstance(value, str | int | float):
        return value  # most values are scalars: answer them first
    kind: type = type(value)
    names = _field_names(kind)
    if names is not None:
        return {name: to_json(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of an attrs class, or None for any other class."""
    return tuple(f.name for f in attrs.fields(cls)) if attrs.has(cls) else None


def from_json(cls: type[T], data: Any) -> T:
    """Rebuild an instance of the attrs class ``cls`` from :func:`to_json`'s output."""
    return typing.cast(T, _structure(cls, data))


def claim_from_json(data: Mapping[str, Any], data_types: Mapping[str, type] | None = None) -> Claim:
    """Rebuild a :class:`Claim`; ``data_types`` maps plugin kinds to their data classes.

    A kind with no registered data class keeps its ``data`` as plain JSON.
    """
    known = {**BUILTIN_DATA_TYPES, **(data_types or {})}
    fields = dict(data)
    payload = fields.pop("data", None)
    claim = from_json(Claim, fields)
    data_type = known.get(claim.kind)
    if payload is not None and data_type is not None:
        payload = _structure(data_type, payload)
    return attrs.evolve(claim, data=payload)


def _structure(tp: Any, data: Any) -> Any:
    if attrs.has(tp):
        hints = typing.get_type_hints(tp)
        kwargs = {
            f.name: _structure(hints[f.name], data[f.name])
            for f in attrs.fields(tp)
            if f.name in data
        }
        return tp(**kwargs)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        # A union of several types (``int | str``) can only be of JSON scalars.
        return _structure(options[0], data) if len(options) == 1 else data
    if tp is tuple:
        return tuple(data)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_structure(args[0], v) for v in data)
        return tuple(_structure(a, v) for a, v in zip(args, data, strict=True))
    if origin is not None and issubclass(origin, Mapping):
        args = typing.get_args(tp)
        value_type = args[1] if len(args) == 2 else Any
        return {k: _structure(value_type, v) for k, v in data.items()}
    return data
