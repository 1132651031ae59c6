"""Reading written images back and checking every level against the naive reference."""

from __future__ import annotations

import itertools
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import zarr

from tests.write.reference import assert_reduced

Array = np.ndarray[Any, Any]


def ome(attrs: dict[str, Any]) -> dict[str, Any]:
    """The OME object of a group's attributes (0.4: the attributes themselves)."""
    return attrs.get("ome", attrs)


def read_levels(root: Any, path: str = "") -> tuple[dict[str, Any], list[Array]]:
    """The multiscale object and every level as numpy, read with zarr-python."""
    group = zarr.open_group(root, mode="r", path=path) if path else zarr.open_group(root, mode="r")
    ms = ome(dict(group.attrs))["multiscales"][0]
    levels = [np.asarray(group[d["path"]][...]) for d in ms["datasets"]]
    return ms, levels


def level_factors(ms: dict[str, Any]) -> list[tuple[int, ...]]:
    """Each level's factors relative to the one before, from the scales written."""
    scales = [
        next(t["scale"] for t in d["coordinateTransformations"] if t["type"] == "scale")
        for d in ms["datasets"]
    ]
    out = []
    for before, after in itertools.pairwise(scales):
        ratios = [Fraction(str(b)) / Fraction(str(a)) for a, b in zip(before, after, strict=True)]
        assert all(r.denominator == 1 for r in ratios), ratios
        out.append(tuple(int(r) for r in ratios))
    return out


def assert_pyramid(
    root: Any, source: Array, method: str, path: str = ""
) -> tuple[dict[str, Any], list[Array]]:
    """Level 0 is the source; every level is the naive reduction of the one before."""
    ms, levels = read_levels(root, path)
    assert levels[0].dtype == source.dtype
    np.testing.assert_array_equal(levels[0], source)
    for previous, level, factors in zip(levels[:-1], levels[1:], level_factors(ms), strict=True):
        assert_reduced(level, previous, factors, method)
    return ms, levels


def load(path: Path) -> dict[str, Any]:
    """A JSON document on disk."""
    doc: dict[str, Any] = json.loads(path.read_text())
    return doc
