"""Hypothesis strategies for OME-Zarr 0.6rc0 attributes documents, valid or broken on purpose.

The entry point is :func:`documents_v06`: for a kind of group of 0.6rc0 (:data:`KINDS_V06`:
``"image"``, ``"label-image"``, ``"labels"``, ``"plate"``, ``"well"``, ``"bioformats2raw"``,
``"series"`` and ``"scene"``) it draws the ``attributes`` of a ``zarr.json``,
``{"ome": {"version": "0.6rc0", ...}}``.

* ``valid=True``: documents the validator accepts (``strict=True``: that satisfy every SHOULD
  too). Images hold one or two multiscales whose coordinate systems have 2 to 5 axes in every
  order and type mix the text allows (time, then one channel, custom or untyped axis, then 2 or
  3 space axes; ``discrete``, ``longName``, units), 1 to 4 levels whose transformation is a
  ``scale``, an ``identity`` or a ``sequence`` of a scale and a translation (``input`` the
  level's ``path``, ``output`` the intrinsic coordinate system), and transformations from or to
  0 to 3 further coordinate systems of every type: ``identity``, ``mapAxis`` (permutations),
  ``projectAxis``, ``translation``, ``scale``, ``affine`` ((N)x(N+1)), ``rotation`` (signed
  permutation matrices of determinant one and plane rotations), ``sequence``, ``byDimension``,
  ``bijection`` (with its inverse), ``coordinates`` and ``displacements``; parameters inline or
  by ``path`` (in ``coordinateTransformations/``) where the type allows it; links into a child
  label image (``labels/...``); omero. Label images add ``image-label``; scenes relate
  coordinate systems of their own and of images (by ``path``) with the same transformations.
  Labels, plates, wells, bioformats2raw collections and series are those of 0.5 (the schemas of
  these kinds are the same in 0.6rc0; a 0.6rc0 field path allows more) declared as 0.6rc0.
  Unknown keys here and there.
* ``valid=False``: ``(document, code)`` pairs, a valid document with one labelled mutation
  (:func:`mutations_v06` gives the label and the JSON pointer too) and the code the validator
  must report as an error (with ``strict=True`` for a SHOULD).

Codes of the mutations (:func:`mutation_codes_v06`), for images, label images and scenes:

* MUST: affine-shape-mismatch, axes-count, axes-order, axis-index-invalid, axis-name-empty,
  axis-names-not-unique, by-dimension-axis-out-of-range, by-dimension-item-field-missing,
  by-dimension-output-axis-missing, by-dimension-output-axis-repeated, channel-axes-count,
  coordinate-system-axes-missing, coordinate-system-name-empty, coordinate-system-name-missing,
  coordinate-system-names-not-unique, coordinate-system-unknown,
  coordinate-systems-not-connected, dataset-path-invalid, dataset-path-missing,
  dataset-paths-not-unique, dataset-sequence-invalid, dataset-transformation-count,
  dataset-transformation-input-mismatch, dataset-transformation-input-path-missing,
  dataset-transformation-outputs-differ, dataset-transformations-missing, datasets-empty,
  labels-transformation-type-not-allowed, map-axis-index-out-of-range,
  map-axis-length-mismatch, map-axis-not-permutation, multiscale-coordinate-systems-empty,
  multiscale-coordinate-systems-missing, multiscale-datasets-missing,
  multiscale-transformation-not-intrinsic, multiscale-transformation-reference-invalid,
  multiscales-empty, project-axis-index-out-of-range,
  project-axis-indices-not-unique, rotation-not-orthonormal, rotation-shape-mismatch,
  scale-length-mismatch, scene-transformations-missing, sequence-empty,
  space-axes-count, time-axes-count, transformation-dimensionality-mismatch,
  transformation-input-missing, transformation-input-name-missing,
  transformation-output-missing, transformation-parameters-ambiguous,
  transformation-parameters-missing, transformation-reference-not-object,
  transformation-type-missing, transformation-type-not-allowed, transformation-type-unknown,
  translation-length-mismatch;
* SHOULD: affine-simpler-type-available, axis-type-missing, axis-unit-missing,
  axis-unit-unknown, bijection-direction-invertible, dataset-transformation-input-name-present,
  dataset-transformation-output-path-present, multiscale-metadata-missing,
  multiscale-name-missing, multiscale-type-missing, scale-value-zero, space-axes-not-zyx,
  transformation-array-location;
* and those of 0.5 that 0.6rc0 keeps for omero, image-label and the ``ome`` object
  (channel-color-invalid, channel-color-missing, channel-window-missing, window-field-missing,
  omero-channels-missing, label-value-missing, label-values-not-unique, label-rgba-invalid,
  label-colors-missing, no-ome-metadata, ome-not-object, ome-version-missing, version-invalid,
  ...); labels, plates, wells, bioformats2raw collections and series: every mutation of 0.5.

This module needs ``hypothesis``. It imports :mod:`omezarr_models.testing.strategies` only when
a strategy is built, so that module may import this one.
"""

from __future__ import annotations

import copy
import itertools
import math
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache
from typing import Any, Final, Literal, overload

from hypothesis import assume, event, note
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from omezarr_models.testing import _common as c
from omezarr_models.testing._catalogue import Mutated, candidates
from omezarr_models.testing._common import SPACE_UNITS, TIME_UNITS

__all__ = [
    "KINDS_V06",
    "TRANSFORMATION_TYPES",
    "V06",
    "Mutated",
    "axes_v06",
    "coordinate_system_v06",
    "documents_v06",
    "multiscale_v06",
    "mutation_codes_v06",
    "mutation_labels_v06",
    "mutations_v06",
    "scene_v06",
    "transformation_v06",
]

Document = dict[str, Any]
Json = dict[str, Any]

#: The version these strategies write.
V06: Final = "0.6rc0"
#: The kinds of 0.6rc0 groups.
KINDS_V06: Final[tuple[str, ...]] = (*c.KINDS, "scene")
#: Every transformation type of 0.6rc0.
TRANSFORMATION_TYPES: Final[tuple[str, ...]] = (
    "identity",
    "mapAxis",
    "projectAxis",
    "translation",
    "scale",
    "affine",
    "rotation",
    "sequence",
    "coordinates",
    "displacements",
    "byDimension",
    "bijection",
)
# Kinds drawn as the 0.5 document of the kind, declared 0.6rc0 (their schemas are the same).
_BORROWED: Final = frozenset({"labels", "plate", "well", "bioformats2raw", "series"})
_IMAGES: Final = frozenset({"image", "label-image"})
_LINKED: Final = _IMAGES | {"scene"}
# Keys that unknown keys never take.
_RESERVED: Final = c.RESERVED_KEYS | {
    "scene",
    "coordinateSystems",
    "input",
    "output",
    "transformations",
    "forward",
    "inverse",
    "inputAxes",
    "outputAxes",
    "transformation",
    "droppedInputs",
    "createdOutputs",
    "mapAxis",
    "affine",
    "rotation",
    "interpolation",
    "longName",
    "discrete",
}
_EXTRAS = c.extras(_RESERVED)

Role = Literal["time", "other", "space"]


def _relabel(value: Any) -> Any:
    """``value`` with every ``"version": "0.5"`` made ``"version": "0.6rc0"``."""
    if isinstance(value, dict):
        return {k: V06 if k == "version" and v == "0.5" else _relabel(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_relabel(v) for v in value]
    return value


def _maybe(draw: st.DrawFn, one_in: int = 2) -> bool:
    return draw(st.integers(0, one_in - 1)) == 0


# ------------------------------------------------------------------------------------------
# axes and coordinate systems

_SCALES = st.sampled_from([0.5, 1, 2, 4.0, 0.25, 3, 1.5]) | st.floats(1e-3, 1e3)
_SHIFTS = st.sampled_from([0, 0.5, -1, 10.0, 2]) | st.floats(-1e6, 1e6) | st.integers(-1000, 1000)
_LONG_NAMES = st.sampled_from(("Depth", "Time after start", "")) | st.text(max_size=8)
_CUSTOM = st.sampled_from(("angle", "frequency", "lifetime", "phase", "Space"))
_OWN_UNITS = st.sampled_from(("pixel", "micron", "µm", "")) | st.text(max_size=6)
_SYSTEM_NAMES = ("physical", "world", "anatomical", "stage", "aligned", "device", "template")


@st.composite
def _roles(draw: st.DrawFn, ndim: int | None = None) -> list[Role]:
    """The types of a multiscale's axes, in order: time?, one other?, 2 or 3 space."""
    layouts = [
        [*(["time"] * t), *(["other"] * o), *(["space"] * s)]
        for t in (0, 1)
        for o in (0, 1)
        for s in (2, 3)
    ]
    layouts = [lay for lay in layouts if ndim is None or len(lay) == ndim]
    return list(draw(st.sampled_from(layouts)))


def _axis(draw: st.DrawFn, role: Role, name: str, strict: bool, extras: bool) -> Json:
    axis: Json = {"name": name}
    if role == "space":
        axis["type"] = "space"
        if strict or _maybe(draw, 4):
            axis["unit"] = draw(st.sampled_from(SPACE_UNITS))
        elif _maybe(draw):
            axis["unit"] = draw(_OWN_UNITS)
        if _maybe(draw, 4):
            axis["discrete"] = False
    elif role == "time":
        axis["type"] = "time"
        if strict or _maybe(draw, 4):
            axis["unit"] = draw(st.sampled_from(TIME_UNITS))
        elif _maybe(draw):
            axis["unit"] = draw(_OWN_UNITS)
    else:
        kind = draw(
            st.sampled_from(("channel", "custom", "none") if not strict else ("channel", "custom"))
        )
        if kind == "channel":
            axis["type"] = "channel"
            if _maybe(draw):
                axis["discrete"] = True
        elif kind == "custom":
            axis["type"] = draw(_CUSTOM)
            if _maybe(draw):
                axis["unit"] = draw(st.sampled_from(("degree", "hertz", "nanosecond")))
            if _maybe(draw, 3):
                axis["discrete"] = draw(st.booleans())
    if _maybe(draw, 3):
        axis["longName"] = draw(_LONG_NAMES)
    if extras:
        axis.update(draw(_EXTRAS))
    return axis


def _axis_names(draw: st.DrawFn, roles: list[Role], strict: bool, suffix: str) -> list[str]:
    n_space = roles.count("space")
    space = ["z", "y", "x"][3 - n_space :]
    if not strict and _maybe(draw, 3):
        space = draw(st.permutations(space))
    if not strict and _maybe(draw, 4):
        space = [f"{n}{k}" for k, n in enumerate(draw(st.permutations(["u", "v", "w"]))[:n_space])]
    names = []
    for role in roles:
        if role == "time":
            names.append("t")
        elif role == "other":
            names.append(draw(st.sampled_from(("c", "channel", "angle", "lambda"))))
        else:
            names.append(space.pop(0))
    return [f"{n}{suffix}" for n in names]


@st.composite
def _draw_axes(
    draw: st.DrawFn, roles: list[Role], strict: bool, extras: bool, suffix: str = ""
) -> list[Json]:
    names = _axis_names(draw, roles, strict, suffix)
    return [
        _axis(draw, role, name, strict, extras) for role, name in zip(roles, names, strict=True)
    ]


def axes_v06(
    *, ndim: int | None = None, strict: bool = False
) -> SearchStrategy[list[dict[str, Any]]]:
    """The axes of a coordinate system of a multiscale.

    Parameters
    ----------
    ndim
        The number of axes, 2 to 5 (drawn when None).
    strict
        Satisfy every SHOULD rule: every axis typed, space and time axes with a UDUNITS-2 unit,
        three space axes named and ordered ``z``, ``y``, ``x``.

    Returns
    -------
    SearchStrategy[list[dict]]
        Axes ordered time, then one channel, custom (``"angle"``, ...) or untyped axis, then 2 or
        3 space axes, each part optional but space; sometimes ``discrete``, ``longName``.
    """
    if ndim is not None and not 2 <= ndim <= 5:
        raise ValueError(f"a multiscale has 2 to 5 axes, not ndim={ndim}")
    return _roles(ndim).flatmap(lambda roles: _draw_axes(roles, strict, False))


def coordinate_system_v06(
    name: str = "physical", *, ndim: int | None = None, strict: bool = False
) -> SearchStrategy[dict[str, Any]]:
    """A coordinate system ``{"name", "axes"}`` of a multiscale (see :func:`axes_v06`).

    Parameters
    ----------
    name
        Its name.
    ndim
        The number of axes (drawn when None).
    strict
        Satisfy every SHOULD rule.

    Returns
    -------
    SearchStrategy[dict]
        Coordinate systems.
    """
    return axes_v06(ndim=ndim, strict=strict).map(lambda axes: {"name": name, "axes": axes})


# ------------------------------------------------------------------------------------------
# transformations


def _vector(draw: st.DrawFn, n: int, kind: str) -> list[Any]:
    return [draw(_SCALES if kind == "scale" else _SHIFTS) for _ in range(n)]


def _rotation_matrix(draw: st.DrawFn, n: int) -> list[list[Any]]:
    """An N x N rotation: a signed permutation of determinant one, or a rotation in the plane
    of two axes by an angle of 0, 30, 45, 60, 90, 180 or 270 degrees."""
    as_int = draw(st.booleans())
    if _maybe(draw):
        perm = draw(st.permutations(range(n)))
        signs = [draw(st.sampled_from((1, -1))) for _ in range(n)]
        inversions = sum(1 for i in range(n) for j in range(i + 1, n) if perm[i] > perm[j])
        parity = -1 if inversions % 2 else 1
        if parity * math.prod(signs) != 1:
            signs[-1] = -signs[-1]
        rows = [[0.0] * n for _ in range(n)]
        for i in range(n):
            rows[i][perm[i]] = float(signs[i])
    else:
        i, j = sorted(draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True)))
        angle = math.radians(draw(st.sampled_from((0, 30, 45, 60, 90, 180, 270))))
        cos, sin = round(math.cos(angle), 15), round(math.sin(angle), 15)
        cos, sin = (cos if abs(cos) > 1e-15 else 0.0), (sin if abs(sin) > 1e-15 else 0.0)
        rows = [[1.0 if a == b else 0.0 for b in range(n)] for a in range(n)]
        rows[i][i], rows[i][j], rows[j][i], rows[j][j] = cos, -sin, sin, cos
    return [[_int_or_float(v, as_int) for v in row] for row in rows]


def _int_or_float(value: float, as_int: bool) -> int | float:
    if value == 0.0:
        return 0 if as_int else 0.0
    return int(value) if as_int and value.is_integer() else value


def _affine_matrix(draw: st.DrawFn, n: int, strict: bool) -> list[list[Any]]:
    """An invertible (N)x(N+1) affine: a shear (never a simpler type), or with ``strict=False``
    also a diagonal or a signed permutation (an affine a simpler type would do)."""
    form = draw(st.sampled_from(("shear",) if strict else ("shear", "diagonal", "rotation")))
    if n == 1:  # every 1-D affine is a scale and a translation
        form = "diagonal"
    if form == "shear":
        i, j = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
        linear: list[list[Any]] = [[1 if a == b else 0 for b in range(n)] for a in range(n)]
        linear[i][j] = draw(st.sampled_from((0.5, -2, 1, 0.25)))
        for a in range(n):
            if a != i and _maybe(draw, 3):
                linear[a][a] = draw(_SCALES)
    elif form == "diagonal":
        linear = [[draw(_SCALES) if a == b else 0 for b in range(n)] for a in range(n)]
    else:
        linear = _rotation_matrix(draw, n)
    return [[*row, draw(_SHIFTS) if _maybe(draw) else 0] for row in linear]


def _shear_pair(draw: st.DrawFn, n: int) -> tuple[Json, Json]:
    i, j = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
    s = draw(st.sampled_from((0.5, -2, 1, 0.25, 3)))
    rows: list[list[float]] = [[1 if a == b else 0 for b in range(n + 1)] for a in range(n)]
    back = copy.deepcopy(rows)
    rows[i][j], back[i][j] = s, -s
    return {"type": "affine", "affine": rows}, {"type": "affine", "affine": back}


_SIMPLE: Final = ("identity", "mapAxis", "translation", "scale", "affine", "rotation")


def _draw_transformation(
    draw: st.DrawFn,
    kind: str,
    n: int,
    roles: list[Role] | None,
    strict: bool,
    by_path: bool,
    depth: int = 0,
) -> Json:
    """A transformation of type ``kind`` from N to N axes (no ``input``/``output``)."""
    t: Json = {"type": kind}
    path = f"coordinateTransformations/{draw(st.sampled_from(('t0', 'params', 'a/b', 'x1')))}"
    if not strict and _maybe(draw, 8):  # a SHOULD: parameters in "coordinateTransformations/"
        path = draw(st.sampled_from(("params/t0", "t0", "../shared/t")))
    if kind == "mapAxis":
        space = [k for k, r in enumerate(roles or ["space"] * n) if r == "space"]
        shuffled = draw(st.permutations(space))
        perm = list(range(n))
        for src, dst in zip(space, shuffled, strict=True):
            perm[src] = dst
        t["mapAxis"] = perm
    elif kind == "projectAxis":
        k = draw(st.integers(0, min(2, n - 1)))
        dropped = draw(st.lists(st.integers(0, n - 1), min_size=k, max_size=k, unique=True))
        created = draw(st.lists(st.integers(0, n - 1), min_size=k, max_size=k, unique=True))
        if k or _maybe(draw):
            t["droppedInputs"] = dropped
            t["createdOutputs"] = created
    elif kind in ("translation", "scale"):
        if by_path and _maybe(draw, 3):
            t["path"] = path
        else:
            t[kind] = _vector(draw, n, kind)
            if kind == "scale" and not strict and _maybe(draw, 8):  # a SHOULD: no zero scale
                t[kind][draw(st.integers(0, n - 1))] = 0
    elif kind == "affine":
        if by_path and _maybe(draw, 4):
            t["path"] = path
        else:
            t["affine"] = _affine_matrix(draw, n, strict)
    elif kind == "rotation":
        if by_path and _maybe(draw, 4):
            t["path"] = path
        else:
            t["rotation"] = _rotation_matrix(draw, n)
    elif kind in ("coordinates", "displacements"):
        t["path"] = path
        if _maybe(draw):
            t["interpolation"] = draw(st.sampled_from(("linear", "nearest", "cubic")))
    elif kind == "sequence":
        parts = draw(st.lists(st.sampled_from(_SIMPLE), min_size=1, max_size=3))
        t["transformations"] = [
            _draw_transformation(draw, p, n, roles, strict, by_path, depth + 1) for p in parts
        ]
    elif kind == "byDimension":
        cuts = sorted(draw(st.sets(st.integers(1, n - 1), max_size=n - 1))) if n > 1 else []
        bounds = [0, *cuts, n]
        groups = [list(range(a, b)) for a, b in itertools.pairwise(bounds)]
        if _maybe(draw):
            groups = draw(st.permutations(groups))
        items = []
        for group in groups:
            sub = draw(st.sampled_from(("identity", "scale", "translation")))
            items.append(
                {
                    "transformation": _draw_transformation(
                        draw, sub, len(group), None, strict, False, depth + 1
                    ),
                    "inputAxes": group,
                    "outputAxes": group,
                }
            )
        t["transformations"] = items
    elif kind == "bijection":
        form = draw(st.sampled_from(("shear",) if strict else ("shear", "scale", "translation")))
        forward: Json
        inverse: Json
        if form == "shear" and n == 1:  # no shear in 1-D: sequences (not invertible types)
            value = draw(st.sampled_from((2, 4, 0.5)))
            forward = {"type": "sequence", "transformations": [{"type": "scale", "scale": [value]}]}
            inverse = {
                "type": "sequence",
                "transformations": [{"type": "scale", "scale": [1 / value]}],
            }
        elif form == "shear":
            forward, inverse = _shear_pair(draw, n)
        elif form == "scale":
            values = [draw(st.sampled_from((2, 4, 0.5, 0.25, 1))) for _ in range(n)]
            forward = {"type": "scale", "scale": values}
            inverse = {"type": "scale", "scale": [1 / v for v in values]}
        else:
            shifts = [draw(st.integers(-100, 100)) for _ in range(n)]
            forward = {"type": "translation", "translation": shifts}
            inverse = {"type": "translation", "translation": [-v for v in shifts]}
        t["forward"], t["inverse"] = forward, inverse
    if depth == 0 and _maybe(draw, 4):
        t["name"] = draw(st.sampled_from(("to world", "registration", "")))
    return t


def transformation_v06(
    kind: str | None = None, *, ndim: int = 3, strict: bool = False, by_path: bool = True
) -> SearchStrategy[dict[str, Any]]:
    """One 0.6rc0 transformation between two coordinate systems of ``ndim`` axes, without its
    ``input`` and ``output``.

    Parameters
    ----------
    kind
        One of :data:`TRANSFORMATION_TYPES` (drawn when None).
    ndim
        The number of axes of the input and of the output (1 to 5).
    strict
        Satisfy every SHOULD rule: no affine a simpler type would do, no bijection of types
        invertible in closed form.
    by_path
        Sometimes give the parameters by ``path`` (in ``coordinateTransformations/``), where the
        type allows it (``coordinates`` and ``displacements`` always do).

    Returns
    -------
    SearchStrategy[dict]
        Transformations: ``mapAxis`` permutations of the axes, ``projectAxis`` dropping and
        creating as many axes, invertible affines, rotations that are rotations, sequences of
        1 to 3 simple parts, ``byDimension`` over a partition of the axes, bijections with their
        exact inverse; sometimes a ``name``.
    """
    if kind is not None and kind not in TRANSFORMATION_TYPES:
        raise ValueError(f"unknown transformation type {kind!r}")
    if not 1 <= ndim <= 5:
        raise ValueError(f"ndim must be 1 to 5, not {ndim}")
    kinds = st.sampled_from(TRANSFORMATION_TYPES) if kind is None else st.just(kind)

    @st.composite
    def build(draw: st.DrawFn) -> Json:
        return _draw_transformation(draw, draw(kinds), ndim, None, strict, by_path)

    return build()


# ------------------------------------------------------------------------------------------
# multiscales

_LEVEL_PATHS = st.sampled_from(("{}", "s{}", "scale{}", "0/{}", "level_{}"))


def _dataset(draw: st.DrawFn, path: str, level: int, n: int, intrinsic: str, strict: bool) -> Json:
    factor = 2**level
    base = draw(st.sampled_from((1, 0.5, 0.25, 2.0)))
    forms = ("scale", "sequence") + (("identity",) if level == 0 else ())
    form = draw(st.sampled_from(forms))
    scale = [base * factor if draw(st.booleans()) else base for _ in range(n)]
    if form == "identity":
        t: Json = {"type": "identity"}
    elif form == "scale":
        t = {"type": "scale", "scale": scale}
    else:
        t = {
            "type": "sequence",
            "transformations": [
                {"type": "scale", "scale": scale},
                {"type": "translation", "translation": [(f - 1) / 2 for f in scale]},
            ],
        }
    source: Json = {"path": path}
    if not strict and _maybe(draw, 6):
        source["name"] = draw(st.sampled_from(("array", "pixels")))
    target: Json = {"name": intrinsic}
    if _maybe(draw, 8):
        target["path"] = None
    t["input"], t["output"] = source, target
    return {"path": path, "coordinateTransformations": [t]}


def _link(draw: st.DrawFn, t: Json, a: Json, b: Json) -> Json:
    """``t`` from ``a`` to ``b`` (keys in a drawn order)."""
    if _maybe(draw):
        return {**t, "input": a, "output": b}
    return {"input": a, "output": b, **t}


@st.composite
def _draw_multiscale(
    draw: st.DrawFn,
    strict: bool,
    extras: bool,
    labels: bool,
    ndim: int | None,
    max_levels: int,
) -> Json:
    roles = draw(_roles(ndim))
    n = len(roles)
    names = draw(st.lists(st.sampled_from(_SYSTEM_NAMES), min_size=1, max_size=4, unique=True))
    intrinsic, others = names[0], names[1:]
    systems = [{"name": intrinsic, "axes": draw(_draw_axes(roles, strict, extras))}]
    for k, name in enumerate(others):
        systems.append({"name": name, "axes": draw(_draw_axes(roles, strict, extras, f"{k + 1}"))})
    for system in systems:
        if extras:
            system.update(draw(_EXTRAS))
    if len(systems) > 1 and _maybe(draw):
        systems = draw(st.permutations(systems))
    pattern = draw(_LEVEL_PATHS)
    levels = draw(st.integers(1, max_levels))
    datasets = [_dataset(draw, pattern.format(k), k, n, intrinsic, strict) for k in range(levels)]
    links: list[Json] = []
    for name in others:
        kind = draw(st.sampled_from(TRANSFORMATION_TYPES))
        t = _draw_transformation(draw, kind, n, roles, strict, True)
        ends = [{"name": intrinsic}, {"name": name}]
        if _maybe(draw):
            ends.reverse()
        links.append(_link(draw, t, ends[0], ends[1]))
    if labels and _maybe(draw, 3):
        kind = draw(st.sampled_from(("identity", "scale", "translation", "sequence2")))
        if kind == "sequence2":
            t = {
                "type": "sequence",
                "transformations": [
                    {"type": "scale", "scale": _vector(draw, n, "scale")},
                    {"type": "translation", "translation": _vector(draw, n, "translation")},
                ],
            }
        else:
            t = _draw_transformation(draw, kind, n, roles, strict, False, 1)
        label = {"name": draw(st.sampled_from(_SYSTEM_NAMES)), "path": "labels/cells"}
        ends = [{"name": intrinsic}, label]
        if _maybe(draw):
            ends.reverse()
        links.append(_link(draw, t, ends[0], ends[1]))
    if len(links) > 1 and _maybe(draw):
        links = draw(st.permutations(links))
    ms: Json = {"coordinateSystems": systems, "datasets": datasets}
    if links or _maybe(draw, 4):
        ms["coordinateTransformations"] = links
    if strict or _maybe(draw):
        ms["name"] = draw(st.sampled_from(("image", "0", "")) | st.text(max_size=8))
    if strict or _maybe(draw):
        ms["type"] = draw(st.sampled_from(("gaussian", "local_mean", "nearest")))
    if strict or _maybe(draw):
        ms["metadata"] = draw(
            st.sampled_from(({}, {"method": "skimage.transform.pyramid_gaussian"}))
        )
    if extras:
        ms.update(draw(_EXTRAS))
    return ms


def multiscale_v06(
    *, strict: bool = False, ndim: int | None = None, max_levels: int = 4, labels: bool = True
) -> SearchStrategy[dict[str, Any]]:
    """One 0.6rc0 multiscale.

    Parameters
    ----------
    strict
        Satisfy every SHOULD rule (``name``, ``type``, ``metadata``; typed axes with units;
        no ``name`` in a level's input; no affine a simpler type would do; bijections of types
        not invertible in closed form).
    ndim
        The number of axes (2 to 5; drawn when None).
    max_levels
        The largest number of levels (at least 1).
    labels
        Sometimes link the intrinsic coordinate system to one of the child label image
        ``labels/cells``.

    Returns
    -------
    SearchStrategy[dict]
        Multiscales with 1 to 4 coordinate systems (the first drawn is the intrinsic one, listed
        in any place), levels mapping to it by ``scale``, ``identity`` (level 0) or
        ``sequence`` [scale, translation], and one transformation of any type per further
        coordinate system, from or to the intrinsic one.
    """
    if max_levels < 1:
        raise ValueError("max_levels must be at least 1")
    if ndim is not None and not 2 <= ndim <= 5:
        raise ValueError(f"a multiscale has 2 to 5 axes, not ndim={ndim}")
    return _draw_multiscale(strict, False, labels, ndim, max_levels)


# ------------------------------------------------------------------------------------------
# scenes


@st.composite
def _draw_scene(draw: st.DrawFn, strict: bool, extras: bool) -> Json:
    roles = draw(_roles())
    n = len(roles)
    names = draw(st.lists(st.sampled_from(_SYSTEM_NAMES), min_size=1, max_size=3, unique=True))
    systems = [
        {"name": name, "axes": draw(_draw_axes(roles, strict, extras, f"{k}" if k else ""))}
        for k, name in enumerate(names)
    ]
    images = draw(
        st.lists(
            st.sampled_from(("images/a", "images/b", "0", "../other.zarr", "region/1")),
            min_size=1 if len(names) == 1 else 0,
            max_size=3,
            unique=True,
        )
    )
    nodes: list[Json] = [{"name": name} for name in names]
    links: list[Json] = []
    for name in names[1:]:  # systems linked to the first one
        t = _draw_transformation(
            draw, draw(st.sampled_from(TRANSFORMATION_TYPES)), n, roles, strict, True
        )
        links.append(_link(draw, t, {"name": names[0]}, {"name": name}))
    for path in images:  # an image linked to a system or to an earlier image
        target = draw(st.sampled_from(nodes))
        image = {"name": draw(st.sampled_from(("physical", "intrinsic"))), "path": path}
        t = _draw_transformation(
            draw, draw(st.sampled_from(TRANSFORMATION_TYPES)), n, roles, strict, True
        )
        ends = [image, copy.deepcopy(target)]
        if _maybe(draw):
            ends.reverse()
        links.append(_link(draw, t, ends[0], ends[1]))
        nodes.append(image)
    if len(links) > 1 and _maybe(draw):
        links = draw(st.permutations(links))
    scene: Json = {"coordinateTransformations": links}
    if systems or not strict:
        scene["coordinateSystems"] = systems
    if extras:
        scene.update(draw(_EXTRAS))
    return scene


def scene_v06(*, strict: bool = False) -> SearchStrategy[dict[str, Any]]:
    """The ``scene`` object of a 0.6rc0 scene group.

    Parameters
    ----------
    strict
        Satisfy every SHOULD rule.

    Returns
    -------
    SearchStrategy[dict]
        1 to 3 coordinate systems of one dimensionality, and transformations of every type
        linking them and 0 to 3 images (referenced by ``name`` and ``path``) into one graph.
    """
    return _draw_scene(strict, False)


# ------------------------------------------------------------------------------------------
# documents


def _strategies() -> Any:
    from omezarr_models.testing import strategies

    return strategies


@st.composite
def _draw_document(draw: st.DrawFn, kind: str, strict: bool) -> Document:
    s = _strategies()
    extras = _maybe(draw, 3)
    ome: Json = {"version": V06}
    if kind in _IMAGES:
        count = draw(st.integers(1, 2))
        ndim = None
        ome["multiscales"] = [
            draw(_draw_multiscale(strict, extras, kind == "image", ndim, 4)) for _ in range(count)
        ]
        if kind == "image" and _maybe(draw, 3):
            ome["omero"] = _relabel(draw(s.omero()))
        if kind == "label-image":
            ome["image-label"] = _relabel(draw(s.image_label("0.5", strict=strict)))
    else:
        ome["scene"] = draw(_draw_scene(strict, extras))
    if extras:
        ome.update(draw(_EXTRAS))
    doc: Document = {"ome": ome}
    if extras:
        doc.update(draw(_EXTRAS))
    return doc


@cache
def _valid(kind: str, strict: bool) -> SearchStrategy[Document]:
    if kind in _BORROWED:
        return _strategies().documents("0.5", kind, strict=strict).map(_relabel)  # type: ignore[no-any-return]
    return _draw_document(kind, strict)


def _check_kind(kind: str) -> None:
    if kind not in KINDS_V06:
        raise ValueError(
            f"OME-Zarr 0.6rc0 has no {kind} groups; choose one of {', '.join(KINDS_V06)}"
        )


@overload
def documents_v06(
    kind: str, *, valid: Literal[True] = ..., strict: bool = ...
) -> SearchStrategy[Document]: ...
@overload
def documents_v06(
    kind: str, *, valid: Literal[False], strict: bool = ..., codes: Collection[str] | None = ...
) -> SearchStrategy[tuple[Document, str]]: ...
@overload
def documents_v06(
    kind: str, *, valid: bool, strict: bool = ..., codes: Collection[str] | None = ...
) -> SearchStrategy[Document] | SearchStrategy[tuple[Document, str]]: ...
def documents_v06(
    kind: str, *, valid: bool = True, strict: bool = False, codes: Collection[str] | None = None
) -> SearchStrategy[Document] | SearchStrategy[tuple[Document, str]]:
    """Whole OME-Zarr 0.6rc0 attributes documents of one kind.

    Parameters
    ----------
    kind
        One of :data:`KINDS_V06`.
    valid
        True: documents the validator accepts. False: ``(document, code)`` pairs, a valid
        document with one mutation that breaks a rule and the code the validator must report as
        an error (see :func:`mutations_v06`).
    strict
        With ``valid=True``, documents that satisfy every SHOULD rule too. With ``valid=False``,
        SHOULD rules may be the ones broken (errors when validating with ``strict=True``).
    codes
        With ``valid=False``, only mutations of these codes (see :func:`mutation_codes_v06`).

    Returns
    -------
    SearchStrategy
        Of ``{"ome": {"version": "0.6rc0", ...}}`` documents, or of ``(document, code)`` pairs.

    Raises
    ------
    ValueError
        For an unknown kind, ``codes`` with ``valid=True``, or ``codes`` no mutation breaks.
    """
    _check_kind(kind)
    if valid:
        if codes is not None:
            raise ValueError("codes only applies to valid=False")
        return _valid(kind, strict)
    return mutations_v06(kind, strict=strict, codes=codes).map(_pair)


def _pair(m: Mutated) -> tuple[Document, str]:
    return m.document, m.code


# ------------------------------------------------------------------------------------------
# mutations

Apply = Callable[[st.DrawFn, Document], "str | None"]


@dataclass(frozen=True, slots=True)
class _Mutation:
    label: str
    code: str
    kinds: frozenset[str]
    apply: Apply
    should: bool = False
    applies: Callable[[Document], bool] | None = None


_M: list[_Mutation] = []


def _mutation(
    label: str,
    code: str,
    kinds: frozenset[str] = _LINKED,
    *,
    should: bool = False,
    applies: Callable[[Document], bool] | None = None,
) -> Callable[[Apply], Apply]:
    def register(fn: Apply) -> Apply:
        _M.append(_Mutation(label, code, kinds, fn, should, applies))
        return fn

    return register


def _holder(doc: Document) -> tuple[Json, str]:
    """The multiscale (the first) or scene that holds coordinate systems, and its pointer."""
    ome = doc["ome"]
    if "scene" in ome:
        return ome["scene"], "/ome/scene"
    return ome["multiscales"][0], "/ome/multiscales/0"


def _anchor(doc: Document) -> tuple[str, list[Json], int]:
    """The intrinsic coordinate system (of a scene: its first), its axes and its index."""
    holder, _ = _holder(doc)
    systems = holder["coordinateSystems"]
    name = systems[0]["name"]
    if "datasets" in holder:
        name = holder["datasets"][0]["coordinateTransformations"][0]["output"]["name"]
    for k, system in enumerate(systems):
        if system["name"] == name:
            return name, system["axes"], k
    raise AssertionError("no anchor")  # pragma: no cover


def _has_systems(doc: Document) -> bool:
    holder, _ = _holder(doc)
    return bool(holder.get("coordinateSystems"))


def _fresh(holder: Json, base: str = "extra") -> str:
    taken = {s.get("name") for s in holder.get("coordinateSystems", [])}
    k = 0
    while f"{base}{k}" in taken:
        k += 1
    return f"{base}{k}"


def _add_link(doc: Document, t: Json, *, reverse: bool = False) -> str:
    """Add a coordinate system like the anchor and ``t`` from the anchor to it; return the
    pointer of ``t``."""
    holder, ptr = _holder(doc)
    name, axes, _ = _anchor(doc)
    new = _fresh(holder)
    holder["coordinateSystems"].append({"name": new, "axes": copy.deepcopy(axes)})
    ends = [{"name": name}, {"name": new}]
    if reverse:
        ends.reverse()
    cts = holder.setdefault("coordinateTransformations", [])
    cts.append({**t, "input": ends[0], "output": ends[1]})
    return f"{ptr}/coordinateTransformations/{len(cts) - 1}"


def _ndim(doc: Document) -> int:
    return len(_anchor(doc)[1])


def _linked(
    code: str, label: str, make: Callable[[st.DrawFn, int], tuple[Json, str | None]], **kw: Any
) -> None:
    """A mutation that adds a coordinate system and a broken transformation to it;
    ``make(draw, n)`` gives the transformation and the pointer suffix of the issue."""

    def apply(draw: st.DrawFn, doc: Document) -> str | None:
        t, suffix = make(draw, _ndim(doc))
        ptr = _add_link(doc, t, reverse=draw(st.booleans()))
        return None if suffix is None else ptr + suffix

    _mutation(label, code, applies=_has_systems, **kw)(apply)


def _eye(n: int, extra: int = 0) -> list[list[Any]]:
    return [[1 if a == b else 0 for b in range(n + extra)] for a in range(n)]


# --- parameters against dimensionality
_linked(
    "affine-shape-mismatch",
    "affine N x N (no translation column)",
    lambda d, n: ({"type": "affine", "affine": _eye(n)}, "/affine/0"),
)
_linked(
    "affine-shape-mismatch",
    "affine with one row too many",
    lambda d, n: ({"type": "affine", "affine": [*_eye(n, 1), [0] * (n + 1)]}, "/affine"),
)
_linked(
    "rotation-not-orthonormal",
    "rotation with a reflection (determinant -1)",
    lambda d, n: (
        {
            "type": "rotation",
            "rotation": [[-1 if a == b == 0 else int(a == b) for b in range(n)] for a in range(n)],
        },
        "/rotation",
    ),
)
_linked(
    "rotation-not-orthonormal",
    "rotation that scales",
    lambda d, n: (
        {"type": "rotation", "rotation": [[2.0 * (a == b) for b in range(n)] for a in range(n)]},
        "/rotation",
    ),
)
_linked(
    "rotation-shape-mismatch",
    "rotation of N+1 axes",
    lambda d, n: ({"type": "rotation", "rotation": _eye(n + 1)}, "/rotation"),
)
_linked(
    "map-axis-not-permutation",
    "mapAxis repeating an index",
    lambda d, n: ({"type": "mapAxis", "mapAxis": [0] * n}, None),
)
_linked(
    "map-axis-length-mismatch",
    "mapAxis missing an axis",
    lambda d, n: ({"type": "mapAxis", "mapAxis": list(range(n - 1))}, "/mapAxis"),
)
_linked(
    "map-axis-index-out-of-range",
    "mapAxis naming axis N",
    lambda d, n: ({"type": "mapAxis", "mapAxis": [n, *range(1, n)]}, "/mapAxis/0"),
)
_linked(
    "axis-index-invalid",
    "mapAxis naming axis -1",
    lambda d, n: ({"type": "mapAxis", "mapAxis": [-1, *range(1, n)]}, None),
)
_linked(
    "project-axis-index-out-of-range",
    "projectAxis dropping axis N",
    lambda d, n: (
        {"type": "projectAxis", "droppedInputs": [n], "createdOutputs": [0]},
        "/droppedInputs/0",
    ),
)
_linked(
    "project-axis-indices-not-unique",
    "projectAxis dropping an axis twice",
    lambda d, n: ({"type": "projectAxis", "droppedInputs": [0, 0], "createdOutputs": [0]}, None),
)
_linked(
    "transformation-dimensionality-mismatch",
    "projectAxis dropping an axis without creating one",
    lambda d, n: ({"type": "projectAxis", "droppedInputs": [0]}, ""),
)
_linked(
    "scale-length-mismatch",
    "scale of N+1 values",
    lambda d, n: ({"type": "scale", "scale": [1.0] * (n + 1)}, "/scale"),
)
_linked(
    "translation-length-mismatch",
    "translation of N-1 values",
    lambda d, n: ({"type": "translation", "translation": [0.5] * (n - 1)}, "/translation"),
)
_linked(
    "sequence-empty",
    "sequence of no transformation",
    lambda d, n: ({"type": "sequence", "transformations": []}, None),
)
_linked(
    "by-dimension-output-axis-missing",
    "byDimension leaving out the last axis",
    lambda d, n: (
        {
            "type": "byDimension",
            "transformations": [
                {
                    "transformation": {"type": "identity"},
                    "inputAxes": list(range(n - 1)),
                    "outputAxes": list(range(n - 1)),
                }
            ],
        },
        "/transformations",
    ),
)
_linked(
    "by-dimension-output-axis-repeated",
    "byDimension writing axis 0 twice",
    lambda d, n: (
        {
            "type": "byDimension",
            "transformations": [
                {
                    "transformation": {"type": "identity"},
                    "inputAxes": list(range(n)),
                    "outputAxes": list(range(n)),
                },
                {
                    "transformation": {"type": "scale", "scale": [2]},
                    "inputAxes": [0],
                    "outputAxes": [0],
                },
            ],
        },
        "/transformations/1/outputAxes/0",
    ),
)
_linked(
    "by-dimension-axis-out-of-range",
    "byDimension reading axis N",
    lambda d, n: (
        {
            "type": "byDimension",
            "transformations": [
                {
                    "transformation": {"type": "identity"},
                    "inputAxes": [*range(n - 1), n],
                    "outputAxes": list(range(n)),
                }
            ],
        },
        f"/transformations/0/inputAxes/{n - 1}",
    ),
)
_linked(
    "by-dimension-item-field-missing",
    "byDimension part without outputAxes",
    lambda d, n: (
        {
            "type": "byDimension",
            "transformations": [
                {"transformation": {"type": "identity"}, "inputAxes": list(range(n))}
            ],
        },
        None,
    ),
)
_linked(
    "transformation-type-unknown",
    "a transformation of type 'warp'",
    lambda d, n: ({"type": "warp"}, None),
)
_linked(
    "transformation-type-missing",
    "a transformation without type",
    lambda d, n: ({"scale": [1] * n}, None),
)
_linked(
    "transformation-parameters-missing",
    "scale without scale or path",
    lambda d, n: ({"type": "scale"}, None),
)
_linked(
    "transformation-parameters-ambiguous",
    "translation with both vector and path",
    lambda d, n: (
        {"type": "translation", "translation": [0] * n, "path": "coordinateTransformations/t"},
        None,
    ),
)
# SHOULD rules of transformations
_linked(
    "scale-value-zero",
    "scale with a zero",
    lambda d, n: ({"type": "scale", "scale": [0, *([1] * (n - 1))]}, "/scale/0"),
    should=True,
)
_linked(
    "affine-simpler-type-available",
    "affine that is a scale",
    lambda d, n: (
        {"type": "affine", "affine": [[2 * (a == b) for b in range(n)] + [0] for a in range(n)]},
        "/type",
    ),
    should=True,
)
_linked(
    "bijection-direction-invertible",
    "bijection of two translations",
    lambda d, n: (
        {
            "type": "bijection",
            "forward": {"type": "translation", "translation": [1] * n},
            "inverse": {"type": "translation", "translation": [-1] * n},
        },
        "/forward/type",
    ),
    should=True,
)
_linked(
    "transformation-array-location",
    "parameters stored outside coordinateTransformations/",
    lambda d, n: ({"type": "scale", "path": "params/scale"}, "/path"),
    should=True,
)


# --- references and the graph
@_mutation(
    "a transformation to a coordinate system that does not exist",
    "coordinate-system-unknown",
    applies=_has_systems,
)
def _unknown_system(draw: st.DrawFn, doc: Document) -> str | None:
    holder, ptr = _holder(doc)
    name = _anchor(doc)[0]
    cts = holder.setdefault("coordinateTransformations", [])
    cts.append({"type": "identity", "input": {"name": name}, "output": {"name": "nowhere"}})
    return f"{ptr}/coordinateTransformations/{len(cts) - 1}/output/name"


@_mutation(
    "a coordinate system linked to nothing",
    "coordinate-systems-not-connected",
    applies=_has_systems,
)
def _lonely(draw: st.DrawFn, doc: Document) -> str | None:
    holder, ptr = _holder(doc)
    axes = copy.deepcopy(_anchor(doc)[1])
    holder["coordinateSystems"].append({"name": _fresh(holder, "lonely"), "axes": axes})
    return f"{ptr}/coordinateSystems/{len(holder['coordinateSystems']) - 1}"


@_mutation(
    "a coordinate system listed twice", "coordinate-system-names-not-unique", applies=_has_systems
)
def _twice(draw: st.DrawFn, doc: Document) -> str | None:
    holder, ptr = _holder(doc)
    k = _anchor(doc)[2]
    holder["coordinateSystems"].append(copy.deepcopy(holder["coordinateSystems"][k]))
    return f"{ptr}/coordinateSystems/{len(holder['coordinateSystems']) - 1}/name"


@_mutation("two axes of one name", "axis-names-not-unique", applies=_has_systems)
def _same_axis_names(draw: st.DrawFn, doc: Document) -> str | None:
    _, ptr = _holder(doc)
    _, axes, k = _anchor(doc)
    axes[1]["name"] = axes[0]["name"]
    return f"{ptr}/coordinateSystems/{k}/axes/1/name"


@_mutation("an axis named ''", "axis-name-empty", applies=_has_systems)
def _empty_axis_name(draw: st.DrawFn, doc: Document) -> str | None:
    _anchor(doc)[1][0]["name"] = ""
    return None


@_mutation("a coordinate system named ''", "coordinate-system-name-empty", applies=_has_systems)
def _empty_system_name(draw: st.DrawFn, doc: Document) -> str | None:
    holder, _ = _holder(doc)
    holder["coordinateSystems"][_anchor(doc)[2]]["name"] = ""
    return None


@_mutation(
    "a coordinate system without name", "coordinate-system-name-missing", applies=_has_systems
)
def _no_system_name(draw: st.DrawFn, doc: Document) -> str | None:
    holder, _ = _holder(doc)
    del holder["coordinateSystems"][_anchor(doc)[2]]["name"]
    return None


@_mutation(
    "a coordinate system without axes", "coordinate-system-axes-missing", applies=_has_systems
)
def _no_axes(draw: st.DrawFn, doc: Document) -> str | None:
    holder, _ = _holder(doc)
    del holder["coordinateSystems"][_anchor(doc)[2]]["axes"]
    return None


@_mutation(
    "an output that is a string", "transformation-reference-not-object", applies=_has_systems
)
def _string_ref(draw: st.DrawFn, doc: Document) -> str | None:
    holder, _ = _holder(doc)
    holder.setdefault("coordinateTransformations", []).append(
        {"type": "identity", "input": {"name": _anchor(doc)[0]}, "output": "world"}
    )
    return None


@_mutation("a transformation without input", "transformation-input-missing", applies=_has_systems)
def _no_input(draw: st.DrawFn, doc: Document) -> str | None:
    holder, _ = _holder(doc)
    holder.setdefault("coordinateTransformations", []).append(
        {"type": "identity", "output": {"name": _anchor(doc)[0]}}
    )
    return None


@_mutation("a transformation without output", "transformation-output-missing", applies=_has_systems)
def _no_output(draw: st.DrawFn, doc: Document) -> str | None:
    holder, _ = _holder(doc)
    holder.setdefault("coordinateTransformations", []).append(
        {"type": "identity", "input": {"name": _anchor(doc)[0]}}
    )
    return None


# --- axes of a multiscale
def _set_axes(doc: Document, axes: list[Json]) -> str:
    holder, ptr = _holder(doc)
    _, _, k = _anchor(doc)
    holder["coordinateSystems"][k]["axes"] = axes
    return f"{ptr}/coordinateSystems/{k}/axes"


def _sp(name: str) -> Json:
    return {"name": name, "type": "space", "unit": "micrometer"}


@_mutation(
    "a space axis first",
    "axes-order",
    _IMAGES,
    applies=lambda d: _anchor(d)[1][0].get("type") != "space",
)
def _space_first(draw: st.DrawFn, doc: Document) -> str | None:
    _, ptr = _holder(doc)
    _, axes, k = _anchor(doc)
    axes.insert(0, axes.pop())
    return f"{ptr}/coordinateSystems/{k}/axes/1"


@_mutation("six axes", "axes-count", _IMAGES)
def _six_axes(draw: st.DrawFn, doc: Document) -> str | None:
    _set_axes(
        doc,
        [
            {"name": "t", "type": "time", "unit": "second"},
            {"name": "c", "type": "channel"},
            *[_sp(n) for n in "wvzyx"][1:],
            _sp("q"),
        ],
    )
    return None


@_mutation("one space axis", "space-axes-count", _IMAGES)
def _one_space(draw: st.DrawFn, doc: Document) -> str | None:
    _set_axes(doc, [{"name": "t", "type": "time", "unit": "second"}, _sp("x")])
    return None


@_mutation("two time axes", "time-axes-count", _IMAGES)
def _two_times(draw: st.DrawFn, doc: Document) -> str | None:
    _set_axes(
        doc,
        [
            {"name": "t", "type": "time", "unit": "second"},
            {"name": "s", "type": "time", "unit": "second"},
            _sp("y"),
            _sp("x"),
        ],
    )
    return None


@_mutation("a channel and a custom axis", "channel-axes-count", _IMAGES)
def _two_others(draw: st.DrawFn, doc: Document) -> str | None:
    _set_axes(
        doc, [{"name": "c", "type": "channel"}, {"name": "a", "type": "angle"}, _sp("y"), _sp("x")]
    )
    return None


# --- levels
def _levels(doc: Document) -> list[Json]:
    levels: list[Json] = doc["ome"]["multiscales"][0]["datasets"]
    return levels


def _level_t(doc: Document, j: int = 0) -> Json:
    t: Json = _levels(doc)[j]["coordinateTransformations"][0]
    return t


_P0 = "/ome/multiscales/0/datasets/0"


@_mutation("a level's input path not its path", "dataset-transformation-input-mismatch", _IMAGES)
def _input_elsewhere(draw: st.DrawFn, doc: Document) -> str | None:
    _level_t(doc)["input"]["path"] = "elsewhere"
    return f"{_P0}/coordinateTransformations/0/input/path"


@_mutation("a level's input without path", "dataset-transformation-input-path-missing", _IMAGES)
def _input_no_path(draw: st.DrawFn, doc: Document) -> str | None:
    _level_t(doc)["input"] = {}
    return None


def _two_levels(doc: Document) -> bool:
    return len(_levels(doc)) >= 2


@_mutation(
    "a level mapping to another coordinate system",
    "dataset-transformation-outputs-differ",
    _IMAGES,
    applies=_two_levels,
)
def _outputs_differ(draw: st.DrawFn, doc: Document) -> str | None:
    _add_link(doc, {"type": "identity"})
    holder, _ = _holder(doc)
    _level_t(doc, 1)["output"] = {"name": holder["coordinateSystems"][-1]["name"]}
    return "/ome/multiscales/0/datasets/1/coordinateTransformations/0/output/name"


@_mutation("a level path listed twice", "dataset-paths-not-unique", _IMAGES, applies=_two_levels)
def _paths_twice(draw: st.DrawFn, doc: Document) -> str | None:
    levels = _levels(doc)
    levels[1]["path"] = levels[0]["path"]
    _level_t(doc, 1)["input"]["path"] = levels[0]["path"]
    return "/ome/multiscales/0/datasets/1/path"


@_mutation("a level path going up", "dataset-path-invalid", _IMAGES)
def _path_up(draw: st.DrawFn, doc: Document) -> str | None:
    _levels(doc)[0]["path"] = "../0"
    _level_t(doc)["input"]["path"] = "../0"
    return f"{_P0}/path"


@_mutation("a level without path", "dataset-path-missing", _IMAGES)
def _no_path(draw: st.DrawFn, doc: Document) -> str | None:
    del _levels(doc)[0]["path"]
    return None


@_mutation("a level sequence of translation then scale", "dataset-sequence-invalid", _IMAGES)
def _sequence_reversed(draw: st.DrawFn, doc: Document) -> str | None:
    t = _level_t(doc)
    n = _ndim(doc)
    for key in ("scale", "translation", "transformations"):
        t.pop(key, None)
    t["type"] = "sequence"
    t["transformations"] = [
        {"type": "translation", "translation": [0] * n},
        {"type": "scale", "scale": [1] * n},
    ]
    return f"{_P0}/coordinateTransformations/0/transformations"


@_mutation("a level transformation of a forbidden type", "transformation-type-not-allowed", _IMAGES)
def _level_type(draw: st.DrawFn, doc: Document) -> str | None:
    t = _level_t(doc)
    n = _ndim(doc)
    kind = draw(st.sampled_from(("translation", "affine", "rotation", "mapAxis")))
    for key in ("scale", "transformations"):
        t.pop(key, None)
    t["type"] = kind
    t[kind] = {
        "translation": [0] * n,
        "affine": _eye(n, 1),
        "rotation": _eye(n),
        "mapAxis": list(range(n)),
    }[kind]
    return None


@_mutation("two transformations in a level", "dataset-transformation-count", _IMAGES)
def _two_level_ts(draw: st.DrawFn, doc: Document) -> str | None:
    cts = _levels(doc)[0]["coordinateTransformations"]
    cts.append(copy.deepcopy(cts[0]))
    return None


@_mutation("a level without transformations", "dataset-transformations-missing", _IMAGES)
def _level_no_ts(draw: st.DrawFn, doc: Document) -> str | None:
    del _levels(doc)[0]["coordinateTransformations"]
    return None


@_mutation("no levels", "datasets-empty", _IMAGES)
def _no_levels(draw: st.DrawFn, doc: Document) -> str | None:
    doc["ome"]["multiscales"][0]["datasets"] = []
    return None


@_mutation("a multiscale without datasets", "multiscale-datasets-missing", _IMAGES)
def _no_datasets(draw: st.DrawFn, doc: Document) -> str | None:
    del doc["ome"]["multiscales"][0]["datasets"]
    return None


@_mutation(
    "a multiscale without coordinate systems", "multiscale-coordinate-systems-missing", _IMAGES
)
def _no_systems(draw: st.DrawFn, doc: Document) -> str | None:
    del doc["ome"]["multiscales"][0]["coordinateSystems"]
    return None


@_mutation("a multiscale with no coordinate system", "multiscale-coordinate-systems-empty", _IMAGES)
def _empty_systems(draw: st.DrawFn, doc: Document) -> str | None:
    doc["ome"]["multiscales"][0]["coordinateSystems"] = []
    return None


@_mutation("an empty multiscales list", "multiscales-empty", _IMAGES)
def _empty_multiscales(draw: st.DrawFn, doc: Document) -> str | None:
    doc["ome"]["multiscales"] = []
    return None


# --- the multiscale's own transformations
@_mutation(
    "a link between two other coordinate systems",
    "multiscale-transformation-not-intrinsic",
    _IMAGES,
)
def _not_intrinsic(draw: st.DrawFn, doc: Document) -> str | None:
    _add_link(doc, {"type": "identity"})
    holder, ptr = _holder(doc)
    first = holder["coordinateSystems"][-1]["name"]
    holder["coordinateSystems"].append(
        {"name": _fresh(holder), "axes": copy.deepcopy(_anchor(doc)[1])}
    )
    cts = holder["coordinateTransformations"]
    cts.append(
        {
            "type": "identity",
            "input": {"name": first},
            "output": {"name": holder["coordinateSystems"][-1]["name"]},
        }
    )
    return f"{ptr}/coordinateTransformations/{len(cts) - 1}"


@_mutation("a link into another image", "multiscale-transformation-reference-invalid", _IMAGES)
def _other_image(draw: st.DrawFn, doc: Document) -> str | None:
    holder, ptr = _holder(doc)
    cts = holder.setdefault("coordinateTransformations", [])
    cts.append(
        {
            "type": "identity",
            "input": {"name": _anchor(doc)[0]},
            "output": {"name": "physical", "path": "../other"},
        }
    )
    return f"{ptr}/coordinateTransformations/{len(cts) - 1}/output/path"


@_mutation("a rotation into a label image", "labels-transformation-type-not-allowed", _IMAGES)
def _label_rotation(draw: st.DrawFn, doc: Document) -> str | None:
    holder, ptr = _holder(doc)
    n = _ndim(doc)
    cts = holder.setdefault("coordinateTransformations", [])
    cts.append(
        {
            "type": "rotation",
            "rotation": _eye(n),
            "input": {"name": _anchor(doc)[0]},
            "output": {"name": "physical", "path": "labels/nuclei"},
        }
    )
    return f"{ptr}/coordinateTransformations/{len(cts) - 1}/type"


# --- SHOULD rules of multiscales and axes
def _strict_ms(key: str) -> Callable[[Document], bool]:
    return lambda doc: key in doc["ome"]["multiscales"][0]


for _key in ("name", "type", "metadata"):

    def _drop(draw: st.DrawFn, doc: Document, key: str = _key) -> str | None:
        del doc["ome"]["multiscales"][0][key]
        return None

    _mutation(
        f"a multiscale without {_key}",
        f"multiscale-{_key}-missing",
        _IMAGES,
        should=True,
        applies=_strict_ms(_key),
    )(_drop)


@_mutation(
    "a level input with a name", "dataset-transformation-input-name-present", _IMAGES, should=True
)
def _input_name(draw: st.DrawFn, doc: Document) -> str | None:
    _level_t(doc)["input"]["name"] = "array"
    return None


@_mutation(
    "a level output with a path", "dataset-transformation-output-path-present", _IMAGES, should=True
)
def _output_path(draw: st.DrawFn, doc: Document) -> str | None:
    _level_t(doc)["output"]["path"] = "."
    return None


def _typed(doc: Document) -> bool:
    return _has_systems(doc) and all("type" in a for a in _anchor(doc)[1])


@_mutation("an axis without type", "axis-type-missing", should=True, applies=_typed)
def _no_type(draw: st.DrawFn, doc: Document) -> str | None:
    del _anchor(doc)[1][-1]["type"]
    return None


def _space_units(doc: Document) -> bool:
    return _has_systems(doc) and all(
        "unit" in a for a in _anchor(doc)[1] if a.get("type") == "space"
    )


@_mutation("a space axis without unit", "axis-unit-missing", should=True, applies=_space_units)
def _no_unit(draw: st.DrawFn, doc: Document) -> str | None:
    del _anchor(doc)[1][-1]["unit"]
    return None


@_mutation("a space axis in furlongs", "axis-unit-unknown", should=True, applies=_has_systems)
def _furlong(draw: st.DrawFn, doc: Document) -> str | None:
    _anchor(doc)[1][-1]["unit"] = "furlong"
    return None


def _zyx(doc: Document) -> bool:
    return [a["name"] for a in _anchor(doc)[1] if a.get("type") == "space"] == ["z", "y", "x"]


@_mutation("space axes ordered z, x, y", "space-axes-not-zyx", _IMAGES, should=True, applies=_zyx)
def _zxy(draw: st.DrawFn, doc: Document) -> str | None:
    _, ptr = _holder(doc)
    _, axes, k = _anchor(doc)
    axes[-1]["name"], axes[-2]["name"] = "y", "x"
    return f"{ptr}/coordinateSystems/{k}/axes"


# --- scenes
_SCENE = frozenset({"scene"})


@_mutation("a scene without transformations", "scene-transformations-missing", _SCENE)
def _scene_no_ts(draw: st.DrawFn, doc: Document) -> str | None:
    del doc["ome"]["scene"]["coordinateTransformations"]
    return None


@_mutation(
    "an image reference without name",
    "transformation-input-name-missing",
    _SCENE,
    applies=_has_systems,
)
def _image_no_name(draw: st.DrawFn, doc: Document) -> str | None:
    doc["ome"]["scene"]["coordinateTransformations"].append(
        {"type": "identity", "input": {"path": "images/z"}, "output": {"name": _anchor(doc)[0]}}
    )
    return None


# Codes of 0.5 mutations that 0.6rc0 keeps (omero, image-label, the ome object).
_BORROWED_CODES: Final = frozenset(
    {
        "channel-color-invalid",
        "channel-color-missing",
        "channel-window-missing",
        "window-field-missing",
        "omero-channels-missing",
        "label-value-missing",
        "label-values-not-unique",
        "label-rgba-invalid",
        "label-colors-missing",
        "image-label-missing",
        "label-image-multiscales-missing",
        "no-ome-metadata",
        "ome-not-object",
        "ome-version-missing",
        "version-invalid",
    }
)


def _own(kind: str, strict: bool, codes: frozenset[str] | None) -> list[_Mutation]:
    return [
        m
        for m in _M
        if kind in m.kinds and (strict or not m.should) and (codes is None or m.code in codes)
    ]


def _borrowed(kind: str, strict: bool, codes: frozenset[str] | None) -> list[Any]:
    if kind not in _IMAGES:
        return []
    return [m for m in candidates("0.5", kind, strict, codes) if m.code in _BORROWED_CODES]


@cache
def mutation_codes_v06(kind: str, *, strict: bool = False) -> frozenset[str]:
    """The codes that ``documents_v06(kind, valid=False, strict=strict)`` may pair with its
    documents.

    Parameters
    ----------
    kind
        One of :data:`KINDS_V06`.
    strict
        Include the codes of SHOULD rules.

    Returns
    -------
    frozenset[str]
        Codes of ``omezarr_models.codes.CODES``.
    """
    _check_kind(kind)
    if kind in _BORROWED:
        from omezarr_models.testing._catalogue import mutation_codes

        return mutation_codes("0.5", kind, strict=strict)
    return frozenset(m.code for m in (*_own(kind, strict, None), *_borrowed(kind, strict, None)))


_FIELD_PATH = re.compile(r"[A-Za-z0-9._-]+")


def _field_path_v06(path: Any) -> bool:
    """A field path 0.6rc0 allows (a zarr node name)."""
    return (
        type(path) is str
        and _FIELD_PATH.fullmatch(path) is not None
        and not path.startswith("__")
        and set(path) != {"."}
    )


def _broken_in_v06(m: Mutated) -> bool:
    """False for a 0.5 mutation that 0.6rc0 allows: a field path of '-', '_' or '.'."""
    if m.code != "well-image-path-invalid":
        return True
    images = m.document["ome"]["well"]["images"]
    return any(not _field_path_v06(i.get("path")) for i in images if isinstance(i, dict))


def mutations_v06(
    kind: str, *, strict: bool = False, codes: Collection[str] | None = None
) -> SearchStrategy[Mutated]:
    """Valid 0.6rc0 documents of ``kind`` with one labelled mutation that breaks one rule.

    Parameters
    ----------
    kind
        One of :data:`KINDS_V06`.
    strict
        Also mutations that break a SHOULD rule (an error only when validating with
        ``strict=True``); the documents mutated satisfy every SHOULD.
    codes
        Only mutations of these codes (all when None).

    Returns
    -------
    SearchStrategy[Mutated]
        ``Mutated(document, code, label, pointer)``: ``pointer`` is where the validator reports
        ``code`` (None when the mutation does not say).

    Raises
    ------
    ValueError
        For an unknown kind, or ``codes`` that no mutation of ``kind`` breaks.
    """
    _check_kind(kind)
    wanted = None if codes is None else frozenset(codes)
    if wanted is not None and not wanted & mutation_codes_v06(kind, strict=strict):
        raise ValueError(f"no mutation of a 0.6rc0 {kind} breaks {sorted(wanted)}")
    if kind in _BORROWED:
        base = _strategies().mutations("0.5", kind, strict=strict, codes=wanted)
        return base.filter(_broken_in_v06).map(  # type: ignore[no-any-return]
            lambda m: Mutated(_relabel(m.document), m.code, m.label, m.pointer)
        )
    own = _own(kind, strict, wanted)
    borrowed = _borrowed(kind, strict, wanted)
    docs = _valid(kind, strict)

    @st.composite
    def build(draw: st.DrawFn) -> Mutated:
        doc = copy.deepcopy(draw(docs))
        usable: list[Any] = [m for m in own if m.applies is None or m.applies(doc)]
        usable += [m for m in borrowed if m.applies is None or m.applies(doc, "0.5")]
        assume(usable)
        m = draw(st.sampled_from(usable))
        pointer = m.apply(draw, doc) if isinstance(m, _Mutation) else m.apply(draw, doc, "0.5")
        event(f"mutation {m.code}")
        note(f"mutation: {m.label} -> {m.code} at {pointer}")
        return Mutated(doc, m.code, m.label, pointer)

    return build()


def mutation_labels_v06(kind: str, *, strict: bool = False) -> frozenset[str]:
    """The labels of the mutations of ``kind`` defined here (not those borrowed from 0.5)."""
    return frozenset(m.label for m in _own(kind, strict, None))
