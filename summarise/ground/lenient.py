"""Validation that drops what does not validate instead of refusing the whole answer.

One bad field must never cost a document: a date written `2 月28 日`, an unknown unit or role, a
title over its length limit. `clean(model, data)` removes the smallest part that holds each
validation error — a list item (a person, a role), or an optional field (set back to its default) —
and reports it as a `Rejection` naming the field; what cannot be removed (an invalid `kind`) still
raises. It runs only after strict validation has failed, so a valid answer costs nothing extra.
"""
from __future__ import annotations

import copy
import json
import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from summarise.errors import field_path, problem_text
from summarise.schemas import Rejection

Loc = tuple[Any, ...]
MAX_ROUNDS = 8  # removals that expose further errors (rare) are retried this many times


def _unwrap(annotation: Any) -> Any:
    """`X | None` → X; other types as they are."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def removable(model: type[BaseModel], loc: Loc) -> Loc | None:
    """The deepest prefix of `loc` that can be removed: a list item or a field with a default."""
    best: Loc | None = None
    typ: Any = model
    for depth, key in enumerate(loc):
        if isinstance(key, int):
            if get_origin(typ) is not list:
                break
            best = loc[:depth + 1]
            typ = _unwrap(get_args(typ)[0])
        elif isinstance(typ, type) and issubclass(typ, BaseModel):
            field = typ.model_fields.get(key)
            if field is None:
                break
            if not field.is_required():
                best = loc[:depth + 1]
            typ = _unwrap(field.annotation)
        else:
            break
    return best


def _get(data: Any, loc: Loc) -> Any:
    for key in loc:
        data = data[key]
    return data


def _message(error: dict[str, Any]) -> str:
    return f"invalid ({problem_text(error)})"


def clean(model: type[BaseModel], data: dict[str, Any]) -> tuple[dict[str, Any], list[Rejection]]:
    """`data` without the parts that fail validation against `model`, and what was removed.

    Raises the ValidationError when an error sits in a part that cannot be removed."""
    data = copy.deepcopy(data)
    rejected: list[Rejection] = []
    for _ in range(MAX_ROUNDS):
        try:
            model.model_validate(data)
            return data, rejected
        except ValidationError as exc:
            errors = exc.errors()
            targets: dict[Loc, Any] = {}  # pydantic's ErrorDetails
            truncate: dict[Loc, int] = {}
            for error in errors:
                loc = tuple(error.get("loc", ()))
                if error.get("type") == "too_long" and isinstance(_get_or_none(data, loc), list):
                    truncate[loc] = int((error.get("ctx") or {}).get("max_length", 0))
                    continue
                target = removable(model, loc)
                if target is None:
                    raise
                targets.setdefault(target, error)
            for loc, limit in truncate.items():
                items = _get(data, loc)
                rejected += [Rejection(field=field_path((*loc, i)), value=_text(item),
                                       reason=f"more than the {limit} items allowed")
                             for i, item in enumerate(items[limit:], limit)]
                del items[limit:]
            # outermost first is not needed: a target under another target goes with it
            chosen = [t for t in targets if not any(t != o and t[:len(o)] == o for o in targets)]
            for loc in sorted(chosen, key=lambda t: [(k if isinstance(k, int) else -1) for k in t], reverse=True):
                try:
                    parent, key = _get(data, loc[:-1]), loc[-1]
                    value = parent[key]
                except (KeyError, IndexError, TypeError):
                    continue
                rejected.append(Rejection(field=field_path(loc), value=_text(value), reason=_message(targets[loc])))
                del parent[key]
    model.model_validate(data)  # raises what is left
    return data, rejected


def _get_or_none(data: Any, loc: Loc) -> Any:
    try:
        return _get(data, loc)
    except (KeyError, IndexError, TypeError):
        return None


def _text(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text[:500]


def validate(model: type[BaseModel], data: Any) -> tuple[Any, list[Rejection]]:
    """`model` from `data`, leniently: (the instance, what was removed to make it valid)."""
    try:
        return model.model_validate(data), []
    except ValidationError:
        if not isinstance(data, dict):
            raise
        cleaned, rejected = clean(model, data)
        return model.model_validate(cleaned), rejected
