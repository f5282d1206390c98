"""A vcrpy serializer that keeps cassettes readable: Chinese as characters, JSON bodies pretty-printed.

Bodies are re-dumped with `ensure_ascii=False`; vcrpy's body matcher compares JSON bodies as parsed
objects, so the re-formatting does not affect matching.
"""
from __future__ import annotations

import json
import re
from typing import Any

import yaml
from vcr.serializers import yamlserializer


def _pretty(body: Any) -> Any:
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            return body
    if isinstance(body, str):
        try:
            return json.dumps(json.loads(body), ensure_ascii=False, indent=1)
        except ValueError:
            return body
    return body


class _Dumper(yamlserializer._CassetteDumper):
    """Multi-line strings as literal blocks, so a cassette reads like the exchange it records."""


def _str(dumper: yaml.Dumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def serialize(cassette: dict[str, Any]) -> str:
    for interaction in cassette.get("interactions", []):
        request, response = interaction["request"], interaction["response"]
        request["body"] = _pretty(request.get("body"))
        if isinstance(response.get("body"), dict):
            response["body"]["string"] = _pretty(response["body"].get("string"))
    return yaml.dump(cassette, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)


def deserialize(text: str) -> dict[str, Any]:
    return yamlserializer.deserialize(text)


_DOCS_URL = re.compile(r"errors\.pydantic\.dev/[0-9.]+/")


def same_body(r1: Any, r2: Any) -> None:
    """vcrpy's body matcher, except that the pydantic version in its error-docs URLs (which a re-ask
    repeats to the model) may differ: the suite runs at the lowest and the newest pydantic allowed."""
    from vcr.matchers import body

    def unversioned(request: Any) -> Any:
        raw = request.body
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8", "replace")
        if isinstance(raw, str) and _DOCS_URL.search(raw):
            clone = request.__class__(request.method, request.uri, _DOCS_URL.sub("errors.pydantic.dev/*/", raw),
                                      request.headers)
            return clone
        return request

    body(unversioned(r1), unversioned(r2))


def body_digest(request: Any) -> Any:
    """A request whose JSON body is replaced by its model and a digest of the whole body.

    For suites that replay many large requests (an article and the schema each): the cassette keeps
    what identifies the request, and matching on the digest is matching on the body (keys sorted,
    as vcrpy's JSON body matcher compares them)."""
    import copy
    import hashlib

    body = request.body
    try:
        data = json.loads(body.decode("utf-8") if isinstance(body, bytes) else body)
    except (TypeError, ValueError, AttributeError):
        return request
    if not isinstance(data, dict) or "messages" not in data:
        return request
    canonical = _DOCS_URL.sub("errors.pydantic.dev/*/", json.dumps(data, ensure_ascii=False, sort_keys=True))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    out = copy.copy(request)
    out.body = json.dumps({"model": data.get("model"), "body_sha256": digest}).encode("utf-8")
    # the body matcher reads JSON by this header; the SDK's version headers would only lengthen the cassette
    out.headers = {"content-type": "application/json"}
    return out
