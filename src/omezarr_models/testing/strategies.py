"""Hypothesis strategies that write OME-Zarr metadata documents, valid or broken on purpose.

The main entry point is :func:`documents`: for a version (``"0.1"`` to ``"0.5"``) and a kind of
group it defines (:func:`kinds`: ``"image"``, ``"plate"``, ...) it draws whole attributes
documents, as stored in ``.zattrs`` (up to 0.4) or in the ``attributes`` of ``zarr.json`` (0.5,
the metadata under ``ome``).

* ``valid=True`` draws documents that the validator accepts (``strict=True``: that also satisfy
  every SHOULD rule). They cover the space each text allows, and unknown keys, which readers
  must keep. 0.4 and 0.5: 2 to 5 axes in every allowed order and type mix, units, 1 to 5
  resolution levels, transformations given as vectors or by path, omero rendering settings,
  label colours and properties, sparse plates with several acquisitions, wells with fields,
  bioformats2raw collections. 0.1 and 0.2: multiscales without axes (datasets as paths only);
  0.3: axes as names, in every order the text allows for 2 to 5 dimensions
  (:data:`AXIS_ORDERS_03`), sometimes repeated in ``_ARRAY_DIMENSIONS``. Before 0.4 also
  omero blocks whose keys are all optional, plates with any names, empty row or column objects
  and wells given by path only, epoch strings, wells with repeated paths, and documents that
  declare no version at all (the texts make every version key optional: judge those with
  ``validate_attributes(doc, version=...)``).
* ``valid=False`` draws ``(document, code)`` pairs: a valid document with one mutation that
  breaks one rule, and the issue code the validator must report as an error for it;
  :func:`mutations` draws the same with the label of the mutation and the JSON pointer of the
  issue. :func:`mutation_codes` lists the codes per version and kind (for 0.1 to 0.3, the table
  in ``omezarr_models.testing._mutations_v01_v03`` gives them per version).

The building blocks (:func:`axes`, :func:`multiscale`, :func:`omero`, :func:`image_label`,
:func:`plate_metadata`, :func:`well_metadata`, :func:`labels`, :func:`series`,
:func:`bioformats2raw`) and :func:`json_values` are public too.

Examples
--------
>>> from hypothesis import given
>>> from omezarr_models import validate_attributes
>>> from omezarr_models.testing.strategies import documents
>>> @given(documents("0.5", "plate"))
... def test_plates_are_valid(doc):
...     assert validate_attributes(doc).valid
>>> test_plates_are_valid()
>>> @given(documents("0.3", "image", strict=True))
... def test_03_images_are_valid(doc):
...     assert validate_attributes(doc, version="0.3", strict=True).valid
>>> test_03_images_are_valid()

This module needs ``hypothesis`` (a test dependency); ``import omezarr_models`` never imports it.
"""

from __future__ import annotations

import copy
import itertools
import math
from collections.abc import Collection
from functools import cache
from typing import Any, Literal, overload

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from omezarr_models.testing import _common as c
from omezarr_models.testing._catalogue import Mutated, mutated, mutation_codes
from omezarr_models.testing._common import (
    EARLY,
    KINDS,
    SPACE_UNITS,
    TIME_UNITS,
    UNNAMESPACED,
    VERSIONS,
    kinds,
)
from omezarr_models.testing._v06 import KINDS_V06, documents_v06

__all__ = [
    "AXIS_ORDERS_03",
    "KINDS",
    "KINDS_V06",
    "SPACE_UNITS",
    "TIME_UNITS",
    "VERSIONS",
    "Mutated",
    "axes",
    "bioformats2raw",
    "documents",
    "image_label",
    "json_values",
    "kinds",
    "labels",
    "multiscale",
    "mutation_codes",
    "mutations",
    "omero",
    "plate_metadata",
    "series",
    "well_metadata",
]

Document = dict[str, Any]

# Conventional downscaling methods, as named by common writers.
_METHODS = ("gaussian", "local_mean", "nearest", "mode", "zoom", "reduce")


def json_values(*, max_leaves: int = 10) -> SearchStrategy[Any]:
    """Arbitrary JSON values, for fuzzing.

    Parameters
    ----------
    max_leaves
        An upper bound on the scalars in one value (passed to ``st.recursive``).

    Returns
    -------
    SearchStrategy[Any]
        ``None``, booleans, integers, finite floats, strings, and lists and objects of these,
        nested.
    """
    return c.json_values(max_leaves=max_leaves)


# Every strategy drawn from inside the composites below is built once (here or by a cached
# factory): building strategies on every draw costs more than the draws themselves.
_TEXT4 = st.text(max_size=4)
_TEXT6 = st.text(max_size=6)
_TEXT8 = st.text(max_size=8)
_TEXT12 = st.text(max_size=12)
_TEXT20 = st.text(max_size=20)
_OWN_UNITS = st.sampled_from(("pixel", "micron", "µm", "s", "")) | _TEXT8
_CUSTOM_TYPES = (
    st.sampled_from(("angle", "frequency", "lifetime", "phase", "Space")) | _TEXT8
).filter(lambda t: t not in ("space", "time"))
_XYZ_ORDERS = st.permutations(["x", "y", "z"])
_OTHER_UNITS = st.sampled_from(("degree", "hertz", "")) | _TEXT6
_MULTISCALE_NAMES = st.sampled_from(("image", "0", "")) | st.text(max_size=10)
_METHOD_NAMES = st.sampled_from(_METHODS) | _TEXT8
_SMALL_JSON = json_values(max_leaves=2)
_METADATA = st.dictionaries(_TEXT6, json_values(), max_size=3)
_ARGS = st.lists(_SMALL_JSON, max_size=2)
_KWARGS = st.dictionaries(st.text(max_size=5), _SMALL_JSON, max_size=2)
_HEX_COLORS = st.text(alphabet="0123456789abcdefABCDEF", min_size=6, max_size=6)
_ANY_COLORS = _HEX_COLORS | st.sampled_from(("red", "#FF0000", "")) | _TEXT8
_WINDOW_INTS = st.lists(st.integers(-(2**31), 2**32), min_size=4, max_size=4)
_WINDOW_FLOATS = st.lists(
    st.floats(allow_nan=False, allow_infinity=False, width=32), min_size=4, max_size=4
)
_WINDOW_NUMBERS = st.lists(c.finite_numbers(), min_size=4, max_size=4)
_FAMILIES = st.sampled_from(("linear", "logarithmic", "exponential", "polynomial"))
_CHANNEL_LABELS = st.sampled_from(("DAPI", "GFP", "")) | st.text(max_size=10)
_LABEL_VALUES = st.one_of(st.integers(0, 255), st.integers(-(2**63), 2**64 - 1))
_RGBA = st.lists(st.integers(0, 255), min_size=4, max_size=4)
_PROPERTIES = st.dictionaries(
    st.sampled_from(("class", "area", "cell type", "label_value")) | _TEXT8,
    json_values(max_leaves=3),
    max_size=3,
)
_SOURCE_IMAGES = st.sampled_from(("../../", "../../0", "../")) | c.inner_paths()
_ACQUISITION_NAMES = st.sampled_from(("first pass", "")) | st.text(max_size=10)
_PLATE_NAMES = st.sampled_from(("plate 1", "")) | st.text(max_size=10)
_ACQUISITION_IDS = st.lists(
    st.integers(0, 10) | st.integers(0, 2**53), min_size=1, max_size=3, unique=True
)
_FIELD_ACQUISITIONS = st.lists(st.integers(0, 2**31), min_size=1, max_size=3, unique=True)
_TIMES = st.integers(-(2**40), 2**40)
# Before 0.4: any integer counts and ids, times as epoch strings (the text) or integers (its
# example), names and paths of any characters.
_ANY_INTEGERS = st.integers(-(2**40), 2**40)
_EPOCHS = _TIMES | _TIMES.map(str) | st.sampled_from(("1343731272000", "2012-07-31T10:41:12"))
_EARLY_ACQUISITION_IDS = st.lists(_ANY_INTEGERS, min_size=1, max_size=3, unique=True)
_WELL_PREFIXES = st.sampled_from(("2020-10-10/", "run 1/", "plate/"))
_WELL_PATHS = st.lists(c.inner_paths(max_depth=3), max_size=4)


@cache
def _vectors(n: int, positive: bool) -> SearchStrategy[list[int | float]]:
    numbers = c.positive_numbers() if positive else c.finite_numbers()
    return st.lists(numbers, min_size=n, max_size=n)


@cache
def _unique_lists(elements: SearchStrategy[str], n: int) -> SearchStrategy[list[str]]:
    return st.lists(elements, min_size=n, max_size=n, unique=True)


@cache
def _mixed_name(name: str) -> SearchStrategy[str]:
    return st.just(name) | _TEXT4


def _maybe(draw: st.DrawFn, *, one_in: int = 2) -> bool:
    """True one time in ``one_in`` (as far as Hypothesis's choices are uniform)."""
    return draw(st.integers(0, one_in - 1)) == 0


def _add_extras(draw: st.DrawFn, obj: dict[str, Any], extras: bool) -> dict[str, Any]:
    """When ``extras``, sometimes add unknown keys to ``obj``; return it.

    Whether a document has unknown keys at all is drawn once per document: drawing the chance
    of them for every object of every document would cost more than the rest of the document.
    """
    if extras:
        obj.update(draw(c.extras()))
    return obj


# Keys a later version defines (in multiscales, datasets, image-label, plate wells, at the top)
# and their values: as that version writes them (some broken by its rules), or any JSON.
_LATER_VALUES: dict[str, list[Any]] = {
    "axes": [["y", "x"], [{"name": "x", "type": "space"}], [{"name": "x"}, {"name": "x"}]],
    "coordinateTransformations": [[{"type": "scale", "scale": [1.0]}], [{"type": "identity"}]],
    "properties": [[{"label-value": 1.0}], [{"label-value": 2, "class": "cell"}], [{}]],
    "rowIndex": [0, 1.0, -1],
    "columnIndex": [0, 2.0, -1],
    "bioformats2raw.layout": [3, 3.0, 2],
    "series": [["0", "1"], ["../0", ""], "0"],
}
_TRANSFORMATIONS = ("coordinateTransformations",)
_INDICES = ("rowIndex", "columnIndex")


@cache
def _later_value(key: str) -> SearchStrategy[Any]:
    return st.sampled_from(_LATER_VALUES[key]).map(copy.deepcopy) | json_values(max_leaves=3)


def _later_keys(
    draw: st.DrawFn, obj: dict[str, Any], keys: tuple[str, ...], extras: bool
) -> dict[str, Any]:
    """When ``extras``, sometimes give ``obj`` some of ``keys``, which a later version defines
    and the document's version does not: unknown keys, which readers of the document's version
    must keep and not judge; return ``obj``."""
    if extras and _maybe(draw, one_in=2):
        for key in keys:
            if draw(st.booleans()):
                obj[key] = draw(_later_value(key))
    return obj


# ------------------------------------------------------------------------------------------
# Axes


def _unique(names: list[str]) -> list[str]:
    """``names`` with repeats renamed (``x`` -> ``x_1``, ...) so that all are distinct."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, k = name, 0
        while candidate in seen:
            k += 1
            candidate = f"{name}_{k}"
        seen.add(candidate)
        out.append(candidate)
    return out


def _unit(draw: st.DrawFn, units: tuple[str, ...], strict: bool) -> str | None:
    """A unit of ``units``; when not strict, sometimes none or a string of one's own."""
    if strict:
        return draw(st.sampled_from(units))
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return None
    if choice == 1:
        return draw(_OWN_UNITS)
    return draw(st.sampled_from(units))


@st.composite
def _draw_axes(
    draw: st.DrawFn, strict: bool, ndim: int | None, extras: bool
) -> list[dict[str, Any]]:
    n = draw(st.integers(2, 5)) if ndim is None else ndim
    n_space = draw(st.integers(max(2, n - 2), min(3, n)))
    n_other = n - n_space
    has_time = n_other == 2 or (n_other == 1 and draw(st.booleans()))
    has_middle = n_other == 2 or (n_other == 1 and not has_time)
    # names: the conventional t, c, z, y, x, or names of one's own, or a mix
    conventional = (["t"] if has_time else []) + (["c"] if has_middle else [])
    conventional += ["z", "y", "x"][3 - n_space :]
    style = draw(st.sampled_from(("conventional", "own", "mixed")))
    if style == "conventional":
        names = conventional
    elif style == "own":
        names = draw(_unique_lists(_TEXT6, n))
    else:
        names = _unique([draw(_mixed_name(name)) for name in conventional])
    if n_space == 3 and sorted(names[-3:]) == ["x", "y", "z"]:
        if strict:
            names[-3:] = ["z", "y", "x"]  # the SHOULD order
        elif draw(st.booleans()):
            names[-3:] = draw(_XYZ_ORDERS)  # allowed, with a warning
    out: list[dict[str, Any]] = []
    k = 0
    if has_time:
        axis: dict[str, Any] = {"name": names[k], "type": "time"}
        unit = _unit(draw, TIME_UNITS, strict)
        if unit is not None:
            axis["unit"] = unit
        out.append(_add_extras(draw, axis, extras))
        k += 1
    if has_middle:
        flavours = ("channel", "custom") if strict else ("channel", "custom", "untyped")
        flavour = draw(st.sampled_from(flavours))
        axis = {"name": names[k]}
        if flavour == "channel":
            axis["type"] = "channel"
        elif flavour == "custom":
            axis["type"] = draw(_CUSTOM_TYPES)
        if _maybe(draw, one_in=4):
            axis["unit"] = draw(_OTHER_UNITS)
        out.append(_add_extras(draw, axis, extras))
        k += 1
    for name in names[k:]:
        axis = {"name": name, "type": "space"}
        unit = _unit(draw, SPACE_UNITS, strict)
        if unit is not None:
            axis["unit"] = unit
        out.append(_add_extras(draw, axis, extras))
    return out


@cache
def _axes(strict: bool, ndim: int | None, extras: bool) -> SearchStrategy[list[dict[str, Any]]]:
    return _draw_axes(strict, ndim, extras)


#: The axes 0.3 allows: the dimension order (t, c, z, y, x) with some of t, c and z left out.
AXIS_ORDERS_03: tuple[tuple[str, ...], ...] = tuple(
    (*first, "y", "x") for n in range(4) for first in itertools.combinations("tcz", n)
)


@cache
def _axis_names(ndim: int | None) -> SearchStrategy[list[str]]:
    orders = [order for order in AXIS_ORDERS_03 if ndim is None or len(order) == ndim]
    return st.sampled_from(orders).map(list)


def _check_ndim(version: str, ndim: int | None) -> None:
    if ndim is not None and version in ("0.1", "0.2"):
        raise ValueError(f"OME-Zarr {version} multiscales have no axes: ndim must be None")
    if ndim is not None and not 2 <= ndim <= 5:
        raise ValueError(f"ndim must be between 2 and 5, not {ndim}")


def axes(
    version: str, *, strict: bool = False, ndim: int | None = None
) -> SearchStrategy[list[Any]]:
    """The axes of a multiscale image.

    Parameters
    ----------
    version
        ``"0.3"`` (a list of names) or ``"0.4"``, ``"0.5"`` (axis objects; the axes rules are
        the same in both). 0.1 and 0.2 multiscales have no axes.
    strict
        Satisfy every SHOULD rule too: every axis has a type, every space and time axis a unit
        from the spec's UDUNITS-2 lists, and x, y, z (when all three are spatial) read z, y, x.
        (0.3 states no SHOULD rule on axes.)
    ndim
        The number of axes (2 to 5); drawn when None.

    Returns
    -------
    SearchStrategy[list[Any]]
        0.3: the names of :data:`AXIS_ORDERS_03` (``["y", "x"]`` to ``["t", "c", "z", "y",
        "x"]``, every order the text allows). 0.4, 0.5: lists of 2 to 5 axis objects with unique
        names: an optional time axis, an optional channel, custom-typed or (when not strict)
        untyped axis, then 2 or 3 space axes.
    """
    c.check_version(version, ("0.3", "0.4", "0.5"))
    _check_ndim(version, ndim)
    if version == "0.3":
        return _axis_names(ndim)
    return _axes(strict, ndim, True)


# ------------------------------------------------------------------------------------------
# Multiscales


def _vector_or_path(
    draw: st.DrawFn, kind: str, vector: list[int | float], extras: bool
) -> dict[str, Any]:
    """A scale or translation: its vector, or (one time in six) a path to binary data."""
    if _maybe(draw, one_in=6):
        out: dict[str, Any] = {"type": kind, "path": draw(c.inner_paths())}
    else:
        out = {"type": kind, kind: vector}
    return _add_extras(draw, out, extras)


def _transformations(
    draw: st.DrawFn,
    scale: list[int | float],
    offset: list[int | float] | None,
    extras: bool,
) -> list[dict[str, Any]]:
    """``[scale]``, or ``[scale, translation]`` when an ``offset`` is given."""
    out = [_vector_or_path(draw, "scale", scale, extras)]
    if offset is not None:
        out.append(_vector_or_path(draw, "translation", offset, extras))
    return out


_LEVELS = (1, 1, 2, 2, 3, 3, 4, 5)


def _downsampled(
    vector: list[int | float], downsampled: list[bool], factor: int
) -> list[int | float]:
    """``vector`` times ``factor`` along the downsampled axes (unchanged where that would
    overflow a float: JSON has no infinity)."""
    out: list[int | float] = []
    for value, down in zip(vector, downsampled, strict=True):
        scaled = value * factor if down else value
        out.append(scaled if math.isfinite(scaled) else value)
    return out


def _level_paths(draw: st.DrawFn, max_levels: int) -> list[str]:
    """The unique paths of 1 to ``max_levels`` resolution levels: 0, 1, ...; s0, s1, ...; own."""
    levels = min(draw(st.sampled_from(_LEVELS)), max_levels)
    style = draw(st.sampled_from(("numbers", "s-numbers", "own")))
    if style == "numbers":
        return [str(i) for i in range(levels)]
    if style == "s-numbers":
        return [f"s{i}" for i in range(levels)]
    return draw(_unique_lists(c.inner_paths(), levels))


def _early_levels(
    draw: st.DrawFn, version: str, max_levels: int, ndim: int | None, extras: bool
) -> dict[str, Any]:
    """The datasets (paths only) and, in 0.3, the axis names of a multiscale before 0.4."""
    datasets = [
        _later_keys(draw, _add_extras(draw, {"path": p}, extras), _TRANSFORMATIONS, extras)
        for p in _level_paths(draw, max_levels)
    ]
    out: dict[str, Any] = {"datasets": datasets}
    if version == "0.3":
        out["axes"] = draw(_axis_names(ndim))
        return _later_keys(draw, out, _TRANSFORMATIONS, extras)
    return _later_keys(draw, out, ("axes", *_TRANSFORMATIONS), extras)


def _levels(
    draw: st.DrawFn, strict: bool, max_levels: int, ndim: int | None, extras: bool
) -> dict[str, Any]:
    """The axes, datasets and transformations of a 0.4 or 0.5 multiscale."""
    ax = draw(_axes(strict, ndim, extras))
    n = len(ax)
    paths = _level_paths(draw, max_levels)
    # one pixel size and one offset per multiscale, scaled by 2 per level along space axes:
    # a drawn vector per level would cost more and tell the validator nothing more
    base = draw(_vectors(n, True))
    base_offset = draw(_vectors(n, False))
    downsampled = [a.get("type") == "space" for a in ax]
    datasets = []
    for level, path in enumerate(paths):
        factor = 2**level
        scale = _downsampled(base, downsampled, factor)
        offset = _downsampled(base_offset, downsampled, factor) if draw(st.booleans()) else None
        ds: dict[str, Any] = {
            "path": path,
            "coordinateTransformations": _transformations(draw, scale, offset, extras),
        }
        datasets.append(_add_extras(draw, ds, extras))
    out: dict[str, Any] = {"axes": ax, "datasets": datasets}
    if _maybe(draw, one_in=4):
        offset = base_offset if draw(st.booleans()) else None
        out["coordinateTransformations"] = _transformations(
            draw, draw(_vectors(n, True)), offset, extras
        )
    return out


@st.composite
def _draw_multiscale(
    draw: st.DrawFn, version: str, strict: bool, max_levels: int, ndim: int | None, extras: bool
) -> dict[str, Any]:
    if version in EARLY:
        out = _early_levels(draw, version, max_levels, ndim, extras)
    else:
        out = _levels(draw, strict, max_levels, ndim, extras)
    # the SHOULD keys (from 0.2; the 0.1 text states no rule on multiscales, which it leaves to
    # zarr-specs#50): always when strict, most of the time otherwise. 0.1 knows no type or
    # metadata, which are then keys of one's own.
    should = strict and version != "0.1"
    if should or not _maybe(draw, one_in=4):
        out["name"] = draw(_MULTISCALE_NAMES)
    if version in UNNAMESPACED and (should or not _maybe(draw, one_in=4)):
        out["version"] = version
    if should or not _maybe(draw, one_in=4):
        out["type"] = draw(_METHOD_NAMES)
    if should or not _maybe(draw, one_in=4):
        metadata: dict[str, Any]
        if draw(st.booleans()):
            metadata = {
                "description": draw(_TEXT20),
                "method": "skimage.transform.pyramid_gaussian",
                "version": draw(st.sampled_from(("0.16.1", "1.0"))),
                "args": draw(_ARGS),
                "kwargs": draw(_KWARGS),
            }
        else:
            metadata = draw(_METADATA)
        out["metadata"] = metadata
    return _add_extras(draw, out, extras)


@cache
def _multiscale(
    version: str, strict: bool, max_levels: int, ndim: int | None, extras: bool
) -> SearchStrategy[dict[str, Any]]:
    return _draw_multiscale(version, strict, max_levels, ndim, extras)


def multiscale(
    version: str, *, strict: bool = False, max_levels: int = 5, ndim: int | None = None
) -> SearchStrategy[dict[str, Any]]:
    """One entry of ``multiscales``: axes, resolution levels and their transformations.

    Parameters
    ----------
    version
        ``"0.1"`` to ``"0.4"`` (the multiscale may carry its ``version``) or ``"0.5"`` (the
        version belongs to the ``ome`` object and the multiscale has none).
    strict
        Satisfy every SHOULD rule: from 0.2, ``name``, ``type`` and ``metadata`` (and up to 0.4
        ``version``) are always present; axes as in :func:`axes` with ``strict=True``. (0.1
        has no SHOULD rule on multiscales.)
    max_levels
        The largest number of resolution levels (at least 1).
    ndim
        The number of axes (2 to 5; 0.3 to 0.5); drawn when None.

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        Multiscales whose levels have unique relative paths. 0.1, 0.2: datasets with a path and
        nothing else; 0.3: the same and axis names (see :func:`axes`). 0.4, 0.5: axis objects,
        and transformations ``[scale]`` or ``[scale, translation]`` per level (vectors as long
        as the axes, or paths to binary data), with or without transformations for the whole
        multiscale.
    """
    c.check_version(version)
    if max_levels < 1:
        raise ValueError(f"max_levels must be at least 1, not {max_levels}")
    _check_ndim(version, ndim)
    return _multiscale(version, strict, max_levels, ndim, True)


# ------------------------------------------------------------------------------------------
# Omero


def _window(draw: st.DrawFn, sparse: bool, extras: bool) -> dict[str, Any]:
    """min <= start <= end <= max: all integers, all floats or a mix (when ``sparse``, each one
    sometimes left out)."""
    style = draw(st.sampled_from(("int", "float", "mixed")))
    values: list[int | float]
    if style == "int":
        values = list(draw(_WINDOW_INTS))
    elif style == "float":
        values = list(draw(_WINDOW_FLOATS))
    else:
        values = draw(_WINDOW_NUMBERS)
    lo, start, end, hi = sorted(values)
    window = {"min": lo, "max": hi, "start": start, "end": end}
    if sparse:
        window = {key: value for key, value in window.items() if not _maybe(draw, one_in=5)}
    return _add_extras(draw, window, extras)


def _channel(draw: st.DrawFn, sparse: bool, extras: bool) -> dict[str, Any]:
    """A channel: before 0.4 (``sparse``) every key is optional and a colour any string."""
    out: dict[str, Any] = {}
    if not sparse or not _maybe(draw, one_in=5):
        out["color"] = draw(_ANY_COLORS if sparse else _HEX_COLORS)
    if not sparse or not _maybe(draw, one_in=5):
        out["window"] = _window(draw, sparse, extras)
    if draw(st.booleans()):
        out["active"] = draw(st.booleans())
        out["coefficient"] = draw(c.finite_numbers())
        out["family"] = draw(_FAMILIES)
        out["inverted"] = draw(st.booleans())
        out["label"] = draw(_CHANNEL_LABELS)
    return _add_extras(draw, out, extras)


@st.composite
def _draw_omero(
    draw: st.DrawFn, channels: int | None, version: str | None, extras: bool
) -> dict[str, Any]:
    sparse = version in EARLY
    n = draw(st.integers(1, 4)) if channels is None else channels
    out: dict[str, Any] = {}
    if channels is not None or not sparse or not _maybe(draw, one_in=5):
        out["channels"] = [_channel(draw, sparse, extras) for _ in range(n)]
    if draw(st.booleans()):
        out["id"] = draw(st.integers(0, 2**53))
        out["name"] = draw(_TEXT12)
    if draw(st.booleans()):
        out["version"] = version if version is not None else draw(st.sampled_from(VERSIONS))
    if draw(st.booleans()):
        rdefs: dict[str, Any] = {}
        if draw(st.booleans()):
            rdefs["defaultT"] = draw(st.integers(0, 1000))
        if draw(st.booleans()):
            rdefs["defaultZ"] = draw(st.integers(0, 1000))
        if draw(st.booleans()):
            rdefs["model"] = draw(st.sampled_from(("color", "greyscale")))
        out["rdefs"] = _add_extras(draw, rdefs, extras)
    return _add_extras(draw, out, extras)


@cache
def _omero(
    channels: int | None, version: str | None, extras: bool
) -> SearchStrategy[dict[str, Any]]:
    return _draw_omero(channels, version, extras)


def omero(
    *, channels: int | None = None, version: str | None = None
) -> SearchStrategy[dict[str, Any]]:
    """Transitional ``omero`` rendering metadata.

    Parameters
    ----------
    channels
        The number of channels (1 to 4 when None).
    version
        The ``version`` written in the block when it has one (drawn when None). Before 0.4 the
        texts give an example only, so every key is optional.

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        Omero blocks whose channels have a colour of 6 hex digits (either case) and a window
        (``min <= start <= end <= max``, integers, floats or both), sometimes the optional
        channel keys, ``id``, ``name`` and ``rdefs``. For 0.1 to 0.3 (``version`` given), any
        of ``channels``, a channel's ``color`` and ``window`` and a window's values is sometimes
        left out, and a colour is sometimes a string of one's own.
    """
    if version is not None:
        c.check_version(version)
    if channels is not None and channels < 0:
        raise ValueError(f"channels must not be negative, not {channels}")
    return _omero(channels, version, True)


# ------------------------------------------------------------------------------------------
# image-label


@cache
def _label_value_lists(max_labels: int) -> SearchStrategy[list[int]]:
    return st.lists(_LABEL_VALUES, max_size=max_labels, unique=True)


@st.composite
def _draw_image_label(
    draw: st.DrawFn, version: str, strict: bool, max_labels: int, extras: bool
) -> dict[str, Any]:
    values = draw(_label_value_lists(max_labels))
    out: dict[str, Any] = {}
    should = strict and version not in EARLY  # colors and version: SHOULD rules from 0.4
    if should or not _maybe(draw, one_in=4):
        colors = []
        for value in values:
            color: dict[str, Any] = {"label-value": value}
            if not _maybe(draw, one_in=4):
                color["rgba"] = draw(_RGBA)
            colors.append(_add_extras(draw, color, extras))
        out["colors"] = colors
    if version == "0.1":  # properties: from 0.2
        _later_keys(draw, out, ("properties",), extras)
    elif draw(st.booleans()):
        properties = []
        for value in values:
            if draw(st.booleans()):
                prop = draw(_PROPERTIES)
                prop.pop("label-value", None)
                properties.append({"label-value": value, **prop})
        out["properties"] = properties
    if draw(st.booleans()):
        source: dict[str, Any] = {}
        if draw(st.booleans()):
            source["image"] = draw(_SOURCE_IMAGES)
        out["source"] = _add_extras(draw, source, extras)
    # a SHOULD of 0.4 and 0.5 (0.5 supersedes it with the version of the "ome" object)
    if should or draw(st.booleans()):
        out["version"] = version
    return _add_extras(draw, out, extras)


@cache
def _image_label(
    version: str, strict: bool, max_labels: int, extras: bool
) -> SearchStrategy[dict[str, Any]]:
    return _draw_image_label(version, strict, max_labels, extras)


def image_label(
    version: str, *, strict: bool = False, max_labels: int = 6
) -> SearchStrategy[dict[str, Any]]:
    """The ``image-label`` object of a label image.

    Parameters
    ----------
    version
        ``"0.1"`` to ``"0.5"``: the ``version`` the object declares when it declares one.
    strict
        Satisfy every SHOULD rule: from 0.4, ``colors`` and ``version`` always (before 0.4
        both are optional).
    max_labels
        The largest number of label values.

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        Objects with unique integer label values (small or up to 64 bits), colours with or
        without ``rgba``, sometimes ``properties`` (arbitrary key-value pairs per label value;
        from 0.2) and a ``source``.
    """
    c.check_version(version)
    return _image_label(version, strict, max_labels, True)


# ------------------------------------------------------------------------------------------
# Plates and wells


@cache
def _own_names(n: int, strict: bool) -> SearchStrategy[list[str]]:
    """``n`` unique alphanumeric names; when strict, not even two differing only in case."""
    if strict:
        return st.lists(c.alnum_names(), min_size=n, max_size=n, unique_by=str.casefold)
    return st.lists(c.alnum_names(), min_size=n, max_size=n, unique=True)


def _row_names(draw: st.DrawFn, n: int, strict: bool) -> list[str]:
    if draw(st.integers(0, 2)) < 2:  # letters: from A, H, Y (then Z, AA), AA or ZY
        first = draw(st.sampled_from((0, 0, 7, 24, 26, 700)))
        return [c.letters_name(first + i) for i in range(n)]
    return draw(_own_names(n, strict))


def _column_names(draw: st.DrawFn, n: int, strict: bool) -> list[str]:
    style = draw(st.sampled_from(("numbers", "numbers", "padded", "own")))
    first = draw(st.sampled_from((1, 1, 9, 23)))
    if style == "numbers":
        return [str(first + i) for i in range(n)]
    if style == "padded":
        return [f"{first + i:02d}" for i in range(n)]
    return draw(_own_names(n, strict))


def _acquisition(
    draw: st.DrawFn, acq_id: int, strict: bool, early: bool, extras: bool
) -> dict[str, Any]:
    """An acquisition; before 0.4 (``early``) any integer counts and times are epoch strings or
    integers."""
    out: dict[str, Any] = {"id": acq_id}
    if strict or draw(st.booleans()):
        out["name"] = draw(_ACQUISITION_NAMES)
    if strict or draw(st.booleans()):
        out["maximumfieldcount"] = draw(_ANY_INTEGERS if early else st.integers(1, 2**40))
    if draw(st.booleans()):
        out["description"] = draw(_TEXT12)
    times = _EPOCHS if early else _TIMES
    if draw(st.booleans()):
        out["starttime"] = draw(times)
    if draw(st.booleans()):
        out["endtime"] = draw(times)
    return _add_extras(draw, out, extras)


@cache
def _free_names(n: int) -> SearchStrategy[list[str]]:
    """``n`` names of any characters, repeats included (no text before 0.4 constrains them)."""
    return st.lists(_TEXT4, min_size=n, max_size=n)


@cache
def _cells(n_rows: int, n_cols: int) -> SearchStrategy[list[tuple[int, int]]]:
    """A sparse set of (row, column) indices, in any order."""
    return st.lists(
        st.tuples(st.integers(0, n_rows - 1), st.integers(0, n_cols - 1)),
        unique=True,
        max_size=n_rows * n_cols,
    )


def _plate_grid(
    draw: st.DrawFn, strict: bool, max_rows: int, max_columns: int, extras: bool
) -> dict[str, Any]:
    """The rows, columns and wells of a 0.4 or 0.5 plate."""
    n_rows = draw(st.integers(1, max_rows))
    n_cols = draw(st.integers(1, max_columns))
    rows = _row_names(draw, n_rows, strict)
    columns = _column_names(draw, n_cols, strict)
    wells = [
        _add_extras(
            draw, {"path": f"{rows[r]}/{columns[k]}", "rowIndex": r, "columnIndex": k}, extras
        )
        for r, k in draw(_cells(n_rows, n_cols))
    ]
    return {
        "rows": [_add_extras(draw, {"name": name}, extras) for name in rows],
        "columns": [_add_extras(draw, {"name": name}, extras) for name in columns],
        "wells": wells,
    }


def _early_items(draw: st.DrawFn, names: list[str], extras: bool) -> list[dict[str, Any]]:
    """Rows or columns before 0.4: ``{"name": ...}``, sometimes an empty object (the texts
    require a name of a row or column object only if it is not empty)."""
    return [
        {} if _maybe(draw, one_in=8) else _add_extras(draw, {"name": name}, extras)
        for name in names
    ]


def _early_plate_grid(
    draw: st.DrawFn, max_rows: int, max_columns: int, extras: bool
) -> dict[str, Any]:
    """The rows, columns and wells of a plate before 0.4: the texts constrain no names, and a
    well is only a path to its group (``A/1``, or deeper as in 0.3's ``2020-10-10/A/1``)."""
    n_rows = draw(st.integers(0, max_rows))
    n_cols = draw(st.integers(0, max_columns))
    free = _maybe(draw, one_in=3)
    rows = draw(_free_names(n_rows)) if free else _row_names(draw, n_rows, False)
    columns = draw(_free_names(n_cols)) if free else _column_names(draw, n_cols, False)
    style = draw(st.sampled_from(("grid", "grid", "nested", "own")))
    if style == "own" or not (n_rows and n_cols):
        paths = draw(_WELL_PATHS)
    else:
        prefix = draw(_WELL_PREFIXES) if style == "nested" else ""
        paths = [f"{prefix}{rows[r]}/{columns[k]}" for r, k in draw(_cells(n_rows, n_cols))]
    return {
        "rows": _early_items(draw, rows, extras),
        "columns": _early_items(draw, columns, extras),
        "wells": [
            _later_keys(draw, _add_extras(draw, {"path": path}, extras), _INDICES, extras)
            for path in paths
        ],
    }


@st.composite
def _draw_plate_metadata(
    draw: st.DrawFn, version: str, strict: bool, max_rows: int, max_columns: int, extras: bool
) -> dict[str, Any]:
    early = version in EARLY
    if early:
        out = _early_plate_grid(draw, max_rows, max_columns, extras)
    else:
        out = _plate_grid(draw, strict, max_rows, max_columns, extras)
    if draw(st.booleans()):
        ids = draw(_EARLY_ACQUISITION_IDS if early else _ACQUISITION_IDS)
        out["acquisitions"] = [_acquisition(draw, i, strict, early, extras) for i in ids]
    should = strict and not early  # name, field_count, version: SHOULD rules from 0.4
    if should or draw(st.booleans()):
        out["field_count"] = draw(_ANY_INTEGERS if early else st.integers(1, 100))
    if should or draw(st.booleans()):
        out["name"] = draw(_PLATE_NAMES)
    # a SHOULD in 0.4; the 0.5 text keeps it as a MUST (next to the version of "ome")
    if version == "0.5" or should or not _maybe(draw, one_in=3):
        out["version"] = version
    return _add_extras(draw, out, extras)


@cache
def _plate_metadata(
    version: str, strict: bool, max_rows: int, max_columns: int, extras: bool
) -> SearchStrategy[dict[str, Any]]:
    return _draw_plate_metadata(version, strict, max_rows, max_columns, extras)


def plate_metadata(
    version: str, *, strict: bool = False, max_rows: int = 4, max_columns: int = 6
) -> SearchStrategy[dict[str, Any]]:
    """The ``plate`` object of a high-content screening plate.

    Parameters
    ----------
    version
        ``"0.1"`` to ``"0.5"``: the ``version`` the plate declares when it declares one.
    strict
        Satisfy every SHOULD rule: every acquisition with ``name`` and ``maximumfieldcount``;
        from 0.4 also ``name``, ``field_count`` and ``version``, and no two row (or column)
        names that differ only in case. (In 0.5 the plate always has its ``version``: the 0.5
        text still says MUST.)
    max_rows, max_columns
        The largest plate drawn (at least 1 each).

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        0.4, 0.5: plates with unique alphanumeric row and column names (A, B, ... Z, AA, ...;
        1, 2, ...; zero-padded; or names of one's own), a sparse set of wells whose paths and
        indices agree, and sometimes one or more acquisitions with unique ids. 0.1 to 0.3: what
        those texts allow: 0 or more rows and columns named as above or with any strings
        (repeats included), sometimes an empty row or column object, wells given by a path
        only (``row/column``, nested deeper, or any relative path), any integer counts and
        acquisition times as epoch strings or integers.
    """
    c.check_version(version)
    if max_rows < 1 or max_columns < 1:
        raise ValueError("max_rows and max_columns must be at least 1")
    return _plate_metadata(version, strict, max_rows, max_columns, True)


@st.composite
def _draw_well_metadata(
    draw: st.DrawFn, version: str, strict: bool, max_fields: int, extras: bool
) -> dict[str, Any]:
    early = version in EARLY
    n = draw(st.integers(0, max_fields))
    if early and _maybe(draw, one_in=3):  # before 0.4: any paths, repeats included
        paths = draw(_free_names(n))
    elif draw(st.booleans()):
        paths = [str(i) for i in range(n)]
    else:
        paths = draw(_unique_lists(c.alnum_names(max_size=4), n))
    # "partial": the first field names no acquisition though the others may name several (a
    # SHOULD before 0.4, a MUST from 0.4)
    styles = ("none", "one", "several", "partial") if early and not strict else _WELL_STYLES
    style = draw(st.sampled_from(styles))
    ids = draw(_FIELD_ACQUISITIONS)
    images = []
    for k, path in enumerate(paths):
        image: dict[str, Any] = {"path": path}
        if style == "one":
            image["acquisition"] = ids[0]
        elif style == "several" or (style == "partial" and k > 0):
            image["acquisition"] = ids[draw(st.integers(0, len(ids) - 1))]
        images.append(_add_extras(draw, image, extras))
    out: dict[str, Any] = {"images": images}
    if (strict and not early) or not _maybe(draw, one_in=3):  # a SHOULD from 0.4
        out["version"] = version
    return _add_extras(draw, out, extras)


_WELL_STYLES = ("none", "one", "several")


@cache
def _well_metadata(
    version: str, strict: bool, max_fields: int, extras: bool
) -> SearchStrategy[dict[str, Any]]:
    return _draw_well_metadata(version, strict, max_fields, extras)


def well_metadata(
    version: str, *, strict: bool = False, max_fields: int = 4
) -> SearchStrategy[dict[str, Any]]:
    """The ``well`` object of a well group.

    Parameters
    ----------
    version
        ``"0.1"`` to ``"0.5"``: the ``version`` the well declares when it declares one.
    strict
        Satisfy every SHOULD rule: from 0.4 the well has its ``version``; every field names
        its acquisition when the fields name several.
    max_fields
        The largest number of fields of view.

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        Wells whose fields of view have unique alphanumeric paths and either no acquisition,
        all the same one, or each one of several. Before 0.4 the paths are sometimes any
        strings (repeats included) and, when not strict, some fields may name no acquisition
        while others name several.
    """
    c.check_version(version)
    if max_fields < 0:
        raise ValueError(f"max_fields must not be negative, not {max_fields}")
    return _well_metadata(version, strict, max_fields, True)


# ------------------------------------------------------------------------------------------
# Labels groups, bioformats2raw and series


@cache
def _labels(max_size: int) -> SearchStrategy[list[str]]:
    return st.lists(c.inner_paths(), max_size=max_size, unique=True)


def labels(*, max_size: int = 3) -> SearchStrategy[list[str]]:
    """The ``labels`` list of a labels group: unique relative paths of label images.

    Parameters
    ----------
    max_size
        The largest number of paths.

    Returns
    -------
    SearchStrategy[list[str]]
        Lists of paths such as ``"nuclei"`` or ``"cells/membranes"`` (intermediate groups are
        allowed), possibly empty.
    """
    return _labels(max_size)


@cache
def _series(max_size: int) -> SearchStrategy[list[str]]:
    numbered = st.integers(0, max_size).map(lambda n: [str(i) for i in range(n)])
    return numbered | st.lists(c.inner_paths(), max_size=max_size, unique=True)


def series(*, max_size: int = 4) -> SearchStrategy[list[str]]:
    """The ``series`` list of the OME group of a bioformats2raw collection.

    Parameters
    ----------
    max_size
        The largest number of paths.

    Returns
    -------
    SearchStrategy[list[str]]
        Lists of unique relative paths to image groups: ``"0"``, ``"1"``, ... or paths of
        one's own.
    """
    return _series(max_size)


def _layout(plate: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {"bioformats2raw.layout": 3}
    if plate is not None:
        out["plate"] = plate
    return out


@cache
def _bioformats2raw(version: str, strict: bool, extras: bool) -> SearchStrategy[dict[str, Any]]:
    return st.one_of(st.none(), _plate_metadata(version, strict, 4, 6, extras)).map(_layout)


def bioformats2raw(version: str, *, strict: bool = False) -> SearchStrategy[dict[str, Any]]:
    """The OME metadata of the top group of a bioformats2raw collection.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"`` (the first versions with bioformats2raw collections).
    strict
        Satisfy every SHOULD rule (of the plate, when there is one).

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        ``{"bioformats2raw.layout": 3}``, sometimes with the ``plate`` of a plate collection.
        This is the content of the ``ome`` object in 0.5; see :func:`documents` for whole
        documents.
    """
    c.check_version(version, ("0.4", "0.5"))
    return _bioformats2raw(version, strict, True)


# ------------------------------------------------------------------------------------------
# Documents


def _metadata(
    draw: st.DrawFn, version: str, kind: str, strict: bool, extras: bool
) -> dict[str, Any]:
    """The OME keys of a document of ``kind`` (what the ``ome`` object holds in 0.5)."""
    meta: dict[str, Any]
    if kind in ("image", "label-image"):
        count = 1 if kind == "label-image" or not _maybe(draw, one_in=5) else 2
        meta = {
            "multiscales": [
                draw(_multiscale(version, strict, 5, None, extras)) for _ in range(count)
            ]
        }
        if kind == "label-image":
            meta["image-label"] = draw(_image_label(version, strict, 6, extras))
        if _maybe(draw, one_in=2 if kind == "image" else 6):
            meta["omero"] = draw(_omero(None, version, extras))
        if version == "0.3" and _maybe(draw, one_in=3):
            # the group holding the levels repeats their axes, for xarray (0.3 §image-layout)
            meta["_ARRAY_DIMENSIONS"] = list(meta["multiscales"][0]["axes"])
    elif kind == "labels":
        meta = {"labels": draw(_labels(3))}
    elif kind == "plate":
        meta = {"plate": draw(_plate_metadata(version, strict, 4, 6, extras))}
    elif kind == "well":
        meta = {"well": draw(_well_metadata(version, strict, 4, extras))}
    elif kind == "bioformats2raw":
        meta = draw(_bioformats2raw(version, strict, extras))
    else:
        meta = {"series": draw(_series(4))}
    if version in EARLY:  # bioformats2raw collections: from 0.4
        _later_keys(draw, meta, ("bioformats2raw.layout", "series"), extras)
    return meta


@st.composite
def _draw_document(draw: st.DrawFn, version: str, kind: str, strict: bool) -> Document:
    extras = _maybe(draw, one_in=3)  # unknown keys in a third of the documents
    meta = _metadata(draw, version, kind, strict, extras)
    if version in UNNAMESPACED:
        return _add_extras(draw, meta, extras)
    ome = _add_extras(draw, {"version": version, **meta}, extras)
    return _add_extras(draw, {"ome": ome}, extras)


@cache
def _valid_document(version: str, kind: str, strict: bool) -> SearchStrategy[Document]:
    return _draw_document(version, kind, strict)


@overload
def documents(
    version: str, kind: str, *, valid: Literal[True] = ..., strict: bool = ...
) -> SearchStrategy[Document]: ...
@overload
def documents(
    version: str,
    kind: str,
    *,
    valid: Literal[False],
    strict: bool = ...,
    codes: Collection[str] | None = ...,
) -> SearchStrategy[tuple[Document, str]]: ...
@overload
def documents(
    version: str,
    kind: str,
    *,
    valid: bool,
    strict: bool = ...,
    codes: Collection[str] | None = ...,
) -> SearchStrategy[Document] | SearchStrategy[tuple[Document, str]]: ...
def documents(
    version: str,
    kind: str,
    *,
    valid: bool = True,
    strict: bool = False,
    codes: Collection[str] | None = None,
) -> SearchStrategy[Document] | SearchStrategy[tuple[Document, str]]:
    """Whole attributes documents of one version and kind.

    Parameters
    ----------
    version
        ``"0.1"`` to ``"0.4"``: the attributes as stored in ``.zattrs``; ``"0.5"``: the
        ``attributes`` of ``zarr.json``, ``{"ome": {"version": "0.5", ...}}``. Before 0.4 every
        version key is optional, so a document may declare no version at all: judge those as
        ``version`` (``validate_attributes(doc, version=...)``), as a reader told the version
        would; the others declare ``version`` wherever they declare one.
    kind
        One of :func:`kinds` of the version: ``"image"`` (one or two multiscales, sometimes
        omero), ``"label-image"`` (multiscales and image-label), ``"labels"``, ``"plate"``,
        ``"well"``, and from 0.4 ``"bioformats2raw"`` (sometimes with a plate) and ``"series"``;
        0.6rc0 (``{"ome": {"version": "0.6rc0", ...}}``, see :mod:`omezarr_models.testing._v06`)
        adds ``"scene"`` (:data:`KINDS_V06`), with coordinate systems and every transformation
        type.
    valid
        True: documents the validator accepts. False: ``(document, code)`` pairs, a valid
        document with one mutation that breaks a rule, and the code the validator must report
        as an error (see :func:`mutations` for the label of the mutation and where it breaks
        the rule).
    strict
        With ``valid=True``, documents that satisfy every SHOULD rule too. With ``valid=False``,
        SHOULD rules may be the ones broken (they are errors when validating with
        ``strict=True``).
    codes
        With ``valid=False``, only mutations of these codes (all applicable ones when None; see
        :func:`mutation_codes`).

    Returns
    -------
    SearchStrategy
        Of documents (``valid=True``) or of ``(document, code)`` pairs (``valid=False``).

    Raises
    ------
    ValueError
        For an unknown version or kind (or a kind the version does not define), ``codes`` given
        with ``valid=True``, or ``codes`` that no mutation of this version and kind breaks.
    """
    if version == "0.6rc0":
        return documents_v06(kind, valid=valid, strict=strict, codes=codes)
    c.check_version(version)
    c.check_kind(kind, version)
    if valid:
        if codes is not None:
            raise ValueError("codes only applies to valid=False")
        return _valid_document(version, kind, strict)
    return mutations(version, kind, strict=strict, codes=codes).map(_pair)


def _pair(mutation: Mutated) -> tuple[Document, str]:
    return mutation.document, mutation.code


def mutations(
    version: str, kind: str, *, strict: bool = False, codes: Collection[str] | None = None
) -> SearchStrategy[Mutated]:
    """Valid documents broken on purpose, with what was done and what must be reported.

    Parameters
    ----------
    version, kind, strict, codes
        As for :func:`documents` with ``valid=False``.

    Returns
    -------
    SearchStrategy[Mutated]
        Records of the broken ``document``, the ``code`` the validator must report as an error
        (with ``strict=True`` when the broken rule is a SHOULD), the ``label`` of the mutation
        (what it did, in a few words) and, when the mutation records it, the ``pointer`` (a
        JSON pointer) at which the validator reports that code.

    Raises
    ------
    ValueError
        As for :func:`documents`.
    """
    c.check_version(version)
    c.check_kind(kind, version)
    wanted = None if codes is None else frozenset(codes)
    if wanted is not None:
        unknown = wanted - mutation_codes(version, kind, strict=strict)
        if unknown:
            raise ValueError(
                f"no mutation of a {version} {kind} document breaks {', '.join(sorted(unknown))}"
            )
    return mutated(_valid_document(version, kind, strict), version, kind, strict, wanted)
