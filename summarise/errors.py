"""Errors a user can act on."""
from __future__ import annotations


class ExtractionError(Exception):
    """One document could not be summarised; the message says why and what to do."""
