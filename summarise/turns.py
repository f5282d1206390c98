"""Turns: documents processed in threads take turns for their Python work, and overlap only their waits.

Under the GIL, threads cannot run Python in parallel anyway; left to the interpreter they share it in
5 ms slices, so 16 documents that start together normalise together, send their requests together,
get their answers together and validate together: each waits for all the others' work at every step
(measured: 16 workers at 300 ms latency reached ~60% of the ideal throughput). Taking turns, a document
runs its Python work to the end while the others wait for the endpoint or for their turn: the same
total CPU time, but each document's work finishes as early as it can, and the requests spread out.

`turn()` holds the process-wide turn for a block (re-entrant within a thread); `waiting()` gives it up
while a block waits on the network or sleeps before a retry (summarise/sockets.py does that for the
endpoint's connections, only while a read or write would block).
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_TURN = threading.Lock()
_HELD = threading.local()


def held() -> bool:
    """Whether this thread holds the turn."""
    return getattr(_HELD, "held", False)


@contextmanager
def turn() -> Iterator[None]:
    """Run the block as this thread's turn (nested blocks in the same thread share it)."""
    if held():
        yield
        return
    _TURN.acquire()
    _HELD.held = True
    try:
        yield
    finally:
        if held():  # not when an interrupt stopped `waiting` from taking the turn back
            _HELD.held = False
            _TURN.release()


@contextmanager
def waiting() -> Iterator[None]:
    """Give up the turn for the block (network I/O, sleeps) and take it back after."""
    if not held():
        yield
        return
    _HELD.held = False
    _TURN.release()
    try:
        yield
    finally:
        _TURN.acquire()
        _HELD.held = True
