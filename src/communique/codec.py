"""Records to JSON-ready dicts and back.

The conversion is driven by the dataclass type hints, so a field added to a
record is serialised without touching this module. ``None`` values are kept
(the schema lists every field), tuples become lists, enums their values.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

from communique import records
from communique.errors import ReadoutFormatError

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Turn a record (or a tuple of them) into plain JSON values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (tuple, list)):
        return [to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {key: to_dict(value) for key, value in obj.items()}
    return obj


def from_dict(cls: type[T], data: Any) -> T:
    """Build a record of type ``cls`` from :func:`to_dict` output."""
    try:
        return typing.cast(T, _convert(cls, data))
    except (TypeError, ValueError, KeyError) as e:
        raise ReadoutFormatError(f"cannot read {cls.__name__}: {e}") from e


def readout_to_json(readout: records.Readout, *, indent: int | None = None) -> str:
    return json.dumps(to_dict(readout), ensure_ascii=False, indent=indent)


def readout_from_json(text: str) -> records.Readout:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ReadoutFormatError(f"readout is not JSON: {e}") from e
    if not isinstance(data, dict) or data.get("schema") != records.SCHEMA:
        raise ReadoutFormatError(f"not a {records.SCHEMA} readout")
    return from_dict(records.Readout, data)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def _convert(tp: Any, value: Any) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [arg for arg in get_args(tp) if arg is not type(None)]
        return _convert(inner, value)
    if origin is tuple:
        item_type = get_args(tp)[0]
        return tuple(_convert(item_type, item) for item in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise TypeError(f"{tp.__name__} expects an object, got {type(value).__name__}")
        hints = _hints(tp)
        known = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _convert(hints[k], v) for k, v in value.items() if k in known})
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    if tp is float and isinstance(value, int):
        return float(value)
    return value
