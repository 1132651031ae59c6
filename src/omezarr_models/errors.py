"""Typed errors: bad input never surfaces as a bare traceback."""

from __future__ import annotations


class OmeZarrError(Exception):
    """Base class of every error this library raises on purpose."""


class UnusableInputError(OmeZarrError):
    """An input cannot be judged at all: missing, unreadable, not JSON, not an object, not a group.

    Attributes
    ----------
    source
        The path (or ``-`` for standard input) that could not be used.
    reason
        Why, in a few words.
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")
