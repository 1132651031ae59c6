"""Exact arithmetic on metadata numbers: ``0.1 * 3`` is written ``0.3``, not ``0.30000000000000004``.

JSON numbers given by people are decimals. Products and quotients of them are computed on their
decimal form (:class:`fractions.Fraction` of the shortest ``repr``) and rounded once, to the
nearest float, whose ``repr`` is the shortest that reads back the same.
"""

from __future__ import annotations

from fractions import Fraction

__all__ = ["dtype_name", "dtype_window", "exact", "number"]


def exact(value: int | float | Fraction | str) -> Fraction:
    """The decimal a number was written as: ``exact(0.1) == Fraction(1, 10)``."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(repr(value) if isinstance(value, float) else value)


def number(value: Fraction, *, integral_as_float: bool = True) -> int | float:
    """The JSON number closest to ``value``: a float (``2.0``), or an int when asked for one."""
    if value.denominator == 1 and not integral_as_float:
        return int(value)
    return float(value)


_INTEGER_BITS = {"8": 8, "16": 16, "32": 32, "64": 64}
_V2_CODES = {"u": "uint", "i": "int", "f": "float", "b": "bool"}


def dtype_name(dtype: object) -> str:
    """A data type as zarr v3 names it: ``"uint16"`` for ``"<u2"``, ``numpy.uint16``, ..."""
    name = getattr(dtype, "name", None)
    if isinstance(name, str):
        return name
    text = str(getattr(dtype, "__name__", dtype)).lower()
    if len(text) >= 2 and text[0] in "<>|=" and text[1] in _V2_CODES:
        kind = _V2_CODES[text[1]]
        size = text[2:]
        return "bool" if kind == "bool" else f"{kind}{int(size) * 8}"
    return text


def dtype_window(dtype: object) -> tuple[int | float, int | float]:
    """The range a rendering window spans for a data type: its integer range, [0, 1] for floats.

    Raises
    ------
    ValueError
        For a data type that is neither an integer, a float nor a boolean.
    """
    name = dtype_name(dtype)
    if name == "bool":
        return 0, 1
    if name.startswith("float"):
        return 0.0, 1.0
    for kind in ("uint", "int"):
        if name.startswith(kind) and name[len(kind) :] in _INTEGER_BITS:
            bits = _INTEGER_BITS[name[len(kind) :]]
            if kind == "uint":
                return 0, 2**bits - 1
            return -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    raise ValueError(f"{dtype!r} is not an integer, float or boolean data type")
