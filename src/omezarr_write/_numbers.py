"""Exact decimal arithmetic for metadata numbers.

Level scales are ``base × cumulative factor`` and translations move by half a window; done in
binary floating point they come out as ``0.15000000000000002``. Working on the decimal text
of each number (what the user typed) gives the value a person would write.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def exact(value: float | int) -> Decimal:
    """The decimal a float was written as (its shortest repr), or an int exactly."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number here")
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def to_json(value: Decimal | Fraction) -> float:
    """The float nearest to ``value``; its repr is the short decimal when one exists."""
    if isinstance(value, Fraction):
        return float(Decimal(value.numerator) / Decimal(value.denominator))
    return float(value)
