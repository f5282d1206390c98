"""The one exception type raised for bad input."""
from __future__ import annotations


class NormaliseError(ValueError):
    """Input that cannot be turned into article text (empty, binary, undecodable, no article)."""
