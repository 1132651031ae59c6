"""Every mutation of every version, and the strategy that applies one of them to a document."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any, NamedTuple

from hypothesis import assume, event, note
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from omezarr_models.testing._mutations import MUTATIONS, Mutation
from omezarr_models.testing._mutations_v01_v03 import MUTATIONS_V01_V03

Document = dict[str, Any]

#: Every mutation: those of 0.4 and 0.5, then those of 0.1 to 0.3.
CATALOGUE: tuple[Mutation, ...] = MUTATIONS + MUTATIONS_V01_V03


class Mutated(NamedTuple):
    """A valid document broken on purpose (see :func:`omezarr_models.testing.mutations`).

    Attributes
    ----------
    document
        The broken document.
    code
        The issue code the validator must report as an error for it (with ``strict=True`` when
        the broken rule is a SHOULD).
    label
        What the mutation did, in a few words.
    pointer
        The JSON pointer at which the validator reports ``code`` (None: the mutation does not
        record it).
    """

    document: Document
    code: str
    label: str
    pointer: str | None


def candidates(
    version: str, kind: str, strict: bool, codes: frozenset[str] | None = None
) -> list[Mutation]:
    """The mutations of ``version`` and ``kind`` (SHOULD ones only when ``strict``; only those of
    ``codes`` unless None)."""
    return [
        m
        for m in CATALOGUE
        if kind in m.kinds
        and version in m.versions
        and (strict or not m.should)
        and (codes is None or m.code in codes)
    ]


@cache
def mutation_codes(version: str, kind: str, *, strict: bool = False) -> frozenset[str]:
    """The issue codes that ``documents(version, kind, valid=False, strict=strict)`` may pair
    with its documents.

    Parameters
    ----------
    version
        ``"0.1"`` to ``"0.5"``.
    kind
        One of the kinds of the version (``kinds(version)``).
    strict
        Include the codes of SHOULD rules (errors only when validating with ``strict=True``).

    Returns
    -------
    frozenset[str]
        Codes of ``omezarr_models.codes.CODES``. Some apply only to some documents of the kind
        (the plate rules to a bioformats2raw collection that holds a plate).
    """
    return frozenset(m.code for m in candidates(version, kind, strict))


def mutated(
    base: SearchStrategy[Document],
    version: str,
    kind: str,
    strict: bool,
    codes: frozenset[str] | None,
) -> SearchStrategy[Mutated]:
    """A document of ``base`` with one mutation of those that apply."""
    usable_ones = candidates(version, kind, strict, codes)

    @st.composite
    def build(draw: st.DrawFn) -> Mutated:
        doc = copy.deepcopy(draw(base))
        usable = [m for m in usable_ones if m.applies is None or m.applies(doc, version)]
        assume(usable)
        mutation = draw(st.sampled_from(usable))
        pointer = mutation.apply(draw, doc, version)
        event(f"mutation {mutation.code}")  # shown by --hypothesis-show-statistics
        note(f"mutation: {mutation.label} -> {mutation.code} at {pointer}")
        return Mutated(doc, mutation.code, mutation.label, pointer)

    return build()


__all__ = ["CATALOGUE", "Mutated", "candidates", "mutated", "mutation_codes"]
