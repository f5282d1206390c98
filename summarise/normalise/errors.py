"""The one exception type raised for bad input."""
from __future__ import annotations

from summarise.errors import InputError


class NormaliseError(InputError):
    """Input that cannot be turned into article text (empty, binary, undecodable, no article).

    An `InputError` (so a `SummariseError` and a `ValueError`): one `except SummariseError` catches it."""
