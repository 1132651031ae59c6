"""OME-Zarr 0.6rc0: rules on coordinate systems and coordinate transformations that a JSON Schema
cannot state.

Three places hold transformations, each with its own constraints (0.6rc0
§coord-trafo-constraints): a multiscale's datasets, the multiscale itself and a scene. What is
checked here, on one document:

* coordinate systems: unique names, unique axis names, and in a multiscale the axis rules of
  §multiscales-md and one dimensionality for all of them (that of the arrays);
* references: a coordinate system named without a ``path`` exists in the same document; a
  dataset's transformation reads the dataset's array and writes one coordinate system, the
  same for every level (the intrinsic one); a multiscale's own transformations start or end
  in the intrinsic coordinate system, and reach beyond the document only into a child label
  image, with a simple transformation;
* parameters against dimensionality: vector lengths, matrix shapes, axis indices of mapAxis,
  projectAxis and byDimension, rotations that are rotations; ``sequence``, ``bijection`` and
  ``byDimension`` pass the dimensionality on to their parts;
* the transformation graph: every coordinate system is linked to the others.

What needs other documents or arrays (a coordinate system of another group, a parameter array's
shape) is checked by the dataset walk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from omezarr_models.rules.collector import Collector, is_inner_path

#: The version these rules belong to.
V06: Final = "0.6rc0"

#: Types whose inverse is known in closed form (a bijection's directions SHOULD not be these).
_INVERTIBLE: Final = frozenset({"identity", "mapAxis", "translation", "scale", "rotation"})
#: Types allowed for a transformation to a child label image (§labels-md, §multiscales-md).
_LABEL_TYPES: Final = frozenset({"identity", "scale", "translation"})
_VECTOR_TYPES: Final = ("translation", "scale")
_TOLERANCE: Final = 1e-6


@dataclass(frozen=True, slots=True)
class Ref:
    """An ``input`` or ``output`` object: a coordinate system ``name``, a ``path`` (None when
    absent or null) and whether it is an object at all."""

    name: str | None
    path: str | None
    valid: bool

    @property
    def local(self) -> bool:
        """True for a named coordinate system of the same document (no path, or null)."""
        return self.valid and self.path is None and self.name is not None


def ref(value: Any) -> Ref:
    """Read an ``input``/``output`` value; anything but an object is an invalid reference."""
    if type(value) is not dict:
        return Ref(None, None, False)
    name = value.get("name")
    path = value.get("path")
    return Ref(name if type(name) is str else None, path if type(path) is str else None, True)


class Context:
    """What transformation checks need: the collector and the document's coordinate systems
    (name -> number of axes)."""

    __slots__ = ("c", "systems")

    def __init__(self, c: Collector, systems: dict[str, int | None]) -> None:
        self.c = c
        self.systems = systems

    def dims(self, r: Ref) -> int | None:
        """The dimensionality of a local reference (None when unknown or not local)."""
        return self.systems.get(r.name) if r.local and r.name is not None else None


# ------------------------------------------------------------------------------------------
# coordinate systems


def check_coordinate_systems(
    systems: Any, ptr: str, c: Collector, *, multiscale: bool
) -> dict[str, int | None]:
    """Unique names (§coordinate-systems-md), unique axis names (§axes-md) and, in a multiscale,
    the order of the axes (§multiscales-md). Returns name -> number of axes (first of a name)."""
    from omezarr_models.rules.multiscales import check_axes

    out: dict[str, int | None] = {}
    if type(systems) is not list:
        return out
    for k, system in enumerate(systems):
        if type(system) is not dict:
            continue
        here = f"{ptr}/{k}"
        name = system.get("name")
        axes = system.get("axes")
        if type(axes) is list:
            if multiscale:
                check_axes(axes, here, c)
            else:
                _unique_axis_names(axes, here, c)
        if type(name) is not str:
            continue
        if name in out:
            c.must(
                f"{here}/name",
                "coordinate-system-names-not-unique",
                f"coordinate system name {name!r} is used more than once",
                "coordinate-systems-md",
            )
            continue
        out[name] = len(axes) if type(axes) is list else None
    return out


def _unique_axis_names(axes: list[Any], ptr: str, c: Collector) -> None:
    seen: set[str] = set()
    for j, axis in enumerate(axes):
        name = axis.get("name") if type(axis) is dict else None
        if type(name) is not str:
            continue
        if name in seen:
            c.must(
                f"{ptr}/axes/{j}/name",
                "axis-names-not-unique",
                f"axis name {name!r} is used more than once in this coordinate system",
                "axes-md",
            )
        seen.add(name)


# ------------------------------------------------------------------------------------------
# one transformation


def _ints(values: Any, ptr: str, c: Collector, section: str) -> list[int] | None:
    """The integers of an index list (None if it is not a list); integral floats are reported
    (JSON Schema counts ``1.0`` as an integer, the text's integers do not) and skipped."""
    if type(values) is not list:
        return None
    out = []
    for j, value in enumerate(values):
        if type(value) is int:
            out.append(value)
        elif type(value) is float and value.is_integer():
            c.must(
                f"{ptr}/{j}", "wrong-type", f"{value!r} is a float; an index is an integer", section
            )
    return out


def _numbers(values: Any) -> list[float] | None:
    """A list of JSON numbers as floats, or None when it is anything else."""
    if type(values) is not list:
        return None
    out = []
    for v in values:
        if type(v) not in (int, float):
            return None
        out.append(float(v))
    return out


def _matrix(values: Any) -> list[list[float]] | None:
    """A list of rows of JSON numbers, or None."""
    if type(values) is not list or not values:
        return None
    rows = [_numbers(row) for row in values]
    return None if any(r is None for r in rows) else rows  # type: ignore[return-value]


def out_dims(t: Any, n_in: int | None) -> int | None:
    """The output dimensionality a transformation implies, given its input's (None: unknown)."""
    if type(t) is not dict:
        return None
    kind = t.get("type")
    if kind in ("identity", "rotation"):
        if n_in is not None:
            return n_in
        rows = t.get("rotation")
        return len(rows) if type(rows) is list else None
    if kind in _VECTOR_TYPES:
        vector = t.get(kind)
        return len(vector) if type(vector) is list else n_in
    if kind == "mapAxis":
        perm = t.get("mapAxis")
        return len(perm) if type(perm) is list else n_in
    if kind == "affine":
        rows = t.get("affine")
        return len(rows) if type(rows) is list else None
    if kind == "projectAxis" and n_in is not None:
        dropped = t.get("droppedInputs")
        created = t.get("createdOutputs")
        n_drop = len(set(map(repr, dropped))) if type(dropped) is list else 0
        n_make = len(set(map(repr, created))) if type(created) is list else 0
        return n_in - n_drop + n_make
    if kind == "displacements":
        return n_in
    return None


def _dims_of(
    t: dict[str, Any], n_in: int | None, n_out: int | None, ctx: Context
) -> tuple[int | None, int | None]:
    """A part's own input/output, where it names local coordinate systems, beats the inherited."""
    own_in = ctx.dims(ref(t["input"])) if "input" in t else None
    own_out = ctx.dims(ref(t["output"])) if "output" in t else None
    return (own_in if own_in is not None else n_in, own_out if own_out is not None else n_out)


def check_transformation(
    t: Any, ptr: str, n_in: int | None, n_out: int | None, ctx: Context
) -> None:
    """Check one transformation's parameters against the dimensionality of its input and output
    (None where unknown), its local references, and its parts."""
    if type(t) is not dict:
        return
    c = ctx.c
    for end in ("input", "output"):
        if end in t:
            _check_local(ref(t[end]), f"{ptr}/{end}", ctx)
    kind = t.get("type")
    if kind in _VECTOR_TYPES:
        _check_vector(t, kind, ptr, n_in, n_out, c)
    elif kind == "mapAxis":
        _check_map_axis(t, ptr, n_in, n_out, c)
    elif kind == "projectAxis":
        _check_project_axis(t, ptr, n_in, n_out, c)
    elif kind == "affine":
        _check_affine(t, ptr, n_in, n_out, c)
    elif kind == "rotation":
        _check_rotation(t, ptr, n_in, n_out, c)
    elif kind == "sequence":
        _check_sequence(t, ptr, n_in, n_out, ctx)
    elif kind == "byDimension":
        _check_by_dimension(t, ptr, n_in, n_out, ctx)
    elif kind == "bijection":
        _check_bijection(t, ptr, n_in, n_out, ctx)
    elif kind in ("displacements", "identity"):
        _same_dims(kind, ptr, n_in, n_out, c, f"{kind}-md" if kind == "identity" else None)


def _check_local(r: Ref, ptr: str, ctx: Context) -> None:
    if r.local and r.name not in ctx.systems:
        ctx.c.must(
            f"{ptr}/name",
            "coordinate-system-unknown",
            f"no coordinate system named {r.name!r} is defined here "
            "(a coordinate system of another group needs its 'path')",
            "input-output-md",
        )


def _same_dims(
    kind: str, ptr: str, n_in: int | None, n_out: int | None, c: Collector, section: str | None
) -> bool:
    """Report input and output of different dimensionality; True when they agree (or unknown)."""
    if n_in is None or n_out is None or n_in == n_out:
        return True
    c.must(
        ptr,
        "transformation-dimensionality-mismatch",
        f"a {kind} maps N dimensions to N, but its input has {n_in} and its output {n_out}",
        section or "coordinates-displacements-md",
    )
    return False


def _check_vector(
    t: dict[str, Any], kind: str, ptr: str, n_in: int | None, n_out: int | None, c: Collector
) -> None:
    section = f"{kind}-md"
    _same_dims(kind, ptr, n_in, n_out, c, section)
    vector = t.get(kind)
    if type(vector) is not list:
        return
    n = n_in if n_in is not None else n_out
    if n is not None and len(vector) != n:
        c.must(
            f"{ptr}/{kind}",
            f"{kind}-length-mismatch",
            f"the {kind} vector has {len(vector)} entries but the coordinate systems have {n} axes",
            section,
        )
    if kind == "scale":
        for j, value in enumerate(vector):
            if type(value) in (int, float) and value == 0:
                c.should(
                    f"{ptr}/scale/{j}",
                    "scale-value-zero",
                    "scale values should be non-zero (a zero scale is not invertible)",
                    section,
                )


def _check_map_axis(
    t: dict[str, Any], ptr: str, n_in: int | None, n_out: int | None, c: Collector
) -> None:
    perm = _ints(t.get("mapAxis"), f"{ptr}/mapAxis", c, "mapAxis-md")
    if perm is None:
        return
    for n, which in ((n_in, "input"), (n_out, "output")):
        if n is not None and len(t["mapAxis"]) != n:
            c.must(
                f"{ptr}/mapAxis",
                "map-axis-length-mismatch",
                f"mapAxis has {len(t['mapAxis'])} entries but the {which} has {n} axes",
                "mapAxis-md",
            )
            break
    if n_in is not None:
        for j, index in enumerate(t["mapAxis"]):
            if type(index) is int and index >= n_in:
                c.must(
                    f"{ptr}/mapAxis/{j}",
                    "map-axis-index-out-of-range",
                    f"index {index} is not an axis of the {n_in}-dimensional input",
                    "mapAxis-md",
                )


def _check_project_axis(
    t: dict[str, Any], ptr: str, n_in: int | None, n_out: int | None, c: Collector
) -> None:
    dropped = _ints(t.get("droppedInputs"), f"{ptr}/droppedInputs", c, "projectAxis-md")
    created = _ints(t.get("createdOutputs"), f"{ptr}/createdOutputs", c, "projectAxis-md")
    for key, values, n, which in (
        ("droppedInputs", dropped, n_in, "input"),
        ("createdOutputs", created, n_out, "output"),
    ):
        if values is None or n is None:
            continue
        for j, index in enumerate(t[key]):
            if type(index) is int and index >= n:
                c.must(
                    f"{ptr}/{key}/{j}",
                    "project-axis-index-out-of-range",
                    f"index {index} is not an axis of the {n}-dimensional {which}",
                    "projectAxis-md",
                )
    if n_in is not None and n_out is not None:
        expected = n_in - len(set(dropped or ())) + len(set(created or ()))
        if expected != n_out:
            c.must(
                ptr,
                "transformation-dimensionality-mismatch",
                f"dropping {len(set(dropped or ()))} of {n_in} input axes and creating "
                f"{len(set(created or ()))} gives {expected} axes, but the output has {n_out}",
                "projectAxis-md",
            )


def _check_affine(
    t: dict[str, Any], ptr: str, n_in: int | None, n_out: int | None, c: Collector
) -> None:
    rows = t.get("affine")
    if type(rows) is not list:
        return
    if n_out is not None and len(rows) != n_out:
        c.must(
            f"{ptr}/affine",
            "affine-shape-mismatch",
            f"the matrix has {len(rows)} rows; an affine to {n_out} output axes has {n_out} (M)",
            "affine-md",
        )
    widths = {len(row) for row in rows if type(row) is list}
    for i, row in enumerate(rows):
        if type(row) is not list:
            continue
        if n_in is not None and len(row) != n_in + 1:
            c.must(
                f"{ptr}/affine/{i}",
                "affine-shape-mismatch",
                f"row {i} has {len(row)} numbers; an affine from {n_in} input axes has rows of "
                f"{n_in + 1} (N+1)",
                "affine-md",
            )
        elif n_in is None and len(widths) > 1 and len(row) != len(rows[0]):
            c.must(
                f"{ptr}/affine/{i}",
                "affine-shape-mismatch",
                f"row {i} has {len(row)} numbers, row 0 {len(rows[0])}: the rows of a matrix "
                "have one length",
                "affine-md",
            )
    matrix = _matrix(rows)
    if matrix is None or len(widths) != 1 or len(matrix[0]) != len(matrix) + 1:
        return
    linear = [row[:-1] for row in matrix]
    shift = any(row[-1] != 0 for row in matrix)
    simpler = None
    if _is_diagonal(linear):
        simpler = "a sequence of a scale and a translation" if shift else "a scale"
        if shift and all(linear[i][i] == 1 for i in range(len(linear))):
            simpler = "a translation"
    elif _is_rotation(linear):
        simpler = "a sequence of a rotation and a translation" if shift else "a rotation"
    if simpler is not None:
        c.should(
            f"{ptr}/type",
            "affine-simpler-type-available",
            f"this affine is {simpler}, which should be preferred to its equivalent affine",
            "affine-md",
        )


def _is_diagonal(m: list[list[float]]) -> bool:
    return all(m[i][j] == 0 for i in range(len(m)) for j in range(len(m)) if i != j)


def _is_rotation(m: list[list[float]]) -> bool:
    """Orthonormal rows (and so columns) and determinant one, within a tolerance."""
    n = len(m)
    for i in range(n):
        for j in range(n):
            dot = sum(m[i][k] * m[j][k] for k in range(n))
            if abs(dot - (1.0 if i == j else 0.0)) > _TOLERANCE:
                return False
    return abs(_determinant(m) - 1.0) <= _TOLERANCE


def _determinant(m: list[list[float]]) -> float:
    """The determinant by Gaussian elimination with partial pivoting."""
    a = [row[:] for row in m]
    n = len(a)
    det = 1.0
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if a[pivot][col] == 0:
            return 0.0
        if pivot != col:
            a[col], a[pivot] = a[pivot], a[col]
            det = -det
        det *= a[col][col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            for k in range(col, n):
                a[r][k] -= factor * a[col][k]
    return det


def _check_rotation(
    t: dict[str, Any], ptr: str, n_in: int | None, n_out: int | None, c: Collector
) -> None:
    _same_dims("rotation", ptr, n_in, n_out, c, "rotation-md")
    rows = t.get("rotation")
    if type(rows) is not list:
        return
    n = n_in if n_in is not None else n_out
    square = all(type(row) is not list or len(row) == len(rows) for row in rows)
    if n is not None and len(rows) != n:
        c.must(
            f"{ptr}/rotation",
            "rotation-shape-mismatch",
            f"the matrix has {len(rows)} rows; a rotation of {n} axes is {n} x {n}",
            "rotation-md",
        )
    elif not square:
        c.must(
            f"{ptr}/rotation",
            "rotation-shape-mismatch",
            f"the matrix has {len(rows)} rows of unequal or different length: a rotation is N x N",
            "rotation-md",
        )
    matrix = _matrix(rows)
    if matrix is not None and square and not _is_rotation(matrix):
        c.must(
            f"{ptr}/rotation",
            "rotation-not-orthonormal",
            "the matrix is not a rotation: its rows and columns must be orthonormal and its "
            "determinant one",
            "rotation-md",
        )


def _check_sequence(
    t: dict[str, Any], ptr: str, n_in: int | None, n_out: int | None, ctx: Context
) -> None:
    parts = t.get("transformations")
    if type(parts) is not list:
        return
    current = n_in
    last = len(parts) - 1
    for k, part in enumerate(parts):
        if type(part) is not dict:
            current = None
            continue
        part_in, part_out = _dims_of(part, current, n_out if k == last else None, ctx)
        if part_out is None:
            part_out = out_dims(part, part_in)
        check_transformation(part, f"{ptr}/transformations/{k}", part_in, part_out, ctx)
        current = part_out


def _check_by_dimension(
    t: dict[str, Any], ptr: str, n_in: int | None, n_out: int | None, ctx: Context
) -> None:
    c = ctx.c
    parts = t.get("transformations")
    if type(parts) is not list:
        return
    owner: dict[int, int] = {}
    for k, part in enumerate(parts):
        if type(part) is not dict:
            continue
        here = f"{ptr}/transformations/{k}"
        ins = _ints(part.get("inputAxes"), f"{here}/inputAxes", c, "byDimension-md")
        outs = _ints(part.get("outputAxes"), f"{here}/outputAxes", c, "byDimension-md")
        for key, values, n, which in (
            ("inputAxes", ins, n_in, "input"),
            ("outputAxes", outs, n_out, "output"),
        ):
            if values is None or n is None:
                continue
            for j, index in enumerate(part[key]):
                if type(index) is int and index >= n:
                    c.must(
                        f"{here}/{key}/{j}",
                        "by-dimension-axis-out-of-range",
                        f"index {index} is not an axis of the {n}-dimensional {which}",
                        "byDimension-md",
                    )
        if type(part.get("outputAxes")) is list:
            for j, index in enumerate(part["outputAxes"]):
                if type(index) is not int:
                    continue
                if index in owner:
                    c.must(
                        f"{here}/outputAxes/{j}",
                        "by-dimension-output-axis-repeated",
                        f"output axis {index} is already produced by part {owner[index]}",
                        "byDimension-md",
                    )
                else:
                    owner[index] = k
        check_transformation(
            part.get("transformation"),
            f"{here}/transformation",
            len(part["inputAxes"]) if type(part.get("inputAxes")) is list else None,
            len(part["outputAxes"]) if type(part.get("outputAxes")) is list else None,
            ctx,
        )
    if n_out is not None:
        missing = [i for i in range(n_out) if i not in owner]
        if missing:
            c.must(
                f"{ptr}/transformations",
                "by-dimension-output-axis-missing",
                f"output axes {missing} appear in no part's outputAxes; every output axis must "
                "appear in exactly one",
                "byDimension-md",
            )


def _check_bijection(
    t: dict[str, Any], ptr: str, n_in: int | None, n_out: int | None, ctx: Context
) -> None:
    c = ctx.c
    _same_dims("bijection", ptr, n_in, n_out, c, "bijection-md")
    for key, dims in (("forward", (n_in, n_out)), ("inverse", (n_out, n_in))):
        part = t.get(key)
        if type(part) is not dict:
            continue
        part_in, part_out = _dims_of(part, *dims, ctx)
        check_transformation(part, f"{ptr}/{key}", part_in, part_out, ctx)
        if part.get("type") in _INVERTIBLE:
            c.should(
                f"{ptr}/{key}/type",
                "bijection-direction-invertible",
                f"a {part['type']} is invertible in closed form; a bijection's directions should "
                "be transformations that are not",
                "bijection-md",
            )


# ------------------------------------------------------------------------------------------
# multiscales


def _is_scale_then_translation(t: dict[str, Any]) -> bool:
    parts = t.get("transformations")
    return (
        type(parts) is list
        and len(parts) == 2
        and all(type(p) is dict for p in parts)
        and parts[0].get("type") == "scale"
        and parts[1].get("type") == "translation"
    )


def check_multiscale_v06(ms: dict[str, Any], ptr: str, c: Collector) -> None:
    """Check one 0.6rc0 multiscale: coordinate systems, dataset paths and transformations,
    the multiscale's own transformations, and the graph they form (§multiscales-md)."""
    systems = check_coordinate_systems(
        ms.get("coordinateSystems"), f"{ptr}/coordinateSystems", c, multiscale=True
    )
    ctx = Context(c, systems)
    intrinsic = _check_datasets(ms.get("datasets"), ptr, ctx)
    n = systems.get(intrinsic) if intrinsic is not None else None
    if n is not None and type(ms.get("coordinateSystems")) is list:
        for k, system in enumerate(ms["coordinateSystems"]):
            axes = system.get("axes") if type(system) is dict else None
            if type(axes) is list and len(axes) != n:
                c.must(
                    f"{ptr}/coordinateSystems/{k}/axes",
                    "coordinate-system-ndim-mismatch",
                    f"this coordinate system has {len(axes)} axes but the arrays (and the "
                    f"intrinsic coordinate system {intrinsic!r}) have {n} dimensions",
                    "multiscales-md",
                )
    edges: list[tuple[str, str]] = []
    cts = ms.get("coordinateTransformations")
    if type(cts) is list:
        for k, t in enumerate(cts):
            if type(t) is dict:
                edges += _check_multiscale_transformation(
                    t, f"{ptr}/coordinateTransformations/{k}", intrinsic, ctx
                )
    if intrinsic is not None and intrinsic in systems:
        reached = _component(intrinsic, edges)
        for k, system in enumerate(ms.get("coordinateSystems") or ()):
            name = system.get("name") if type(system) is dict else None
            if type(name) is str and name in systems and name not in reached:
                c.must(
                    f"{ptr}/coordinateSystems/{k}",
                    "coordinate-systems-not-connected",
                    f"coordinate system {name!r} is linked to the intrinsic coordinate system "
                    f"{intrinsic!r} by no transformation",
                    "coord-trafo-md",
                )


def _check_datasets(datasets: Any, ptr: str, ctx: Context) -> str | None:
    """Paths and transformations of the levels; returns the intrinsic coordinate system's name
    (the output of the first level's transformation), or None."""
    c = ctx.c
    if type(datasets) is not list:
        return None
    seen: set[str] = set()
    intrinsic: str | None = None
    for j, ds in enumerate(datasets):
        if type(ds) is not dict:
            continue
        here = f"{ptr}/datasets/{j}"
        path = ds.get("path")
        if type(path) is str:
            if not is_inner_path(path):
                c.must(
                    f"{here}/path",
                    "dataset-path-invalid",
                    f"dataset path {path!r} must be a relative path inside the image group",
                    "multiscales-md",
                )
            if path in seen:
                c.must(
                    f"{here}/path",
                    "dataset-paths-not-unique",
                    f"dataset path {path!r} is listed more than once",
                    "multiscales-md",
                )
            seen.add(path)
        cts = ds.get("coordinateTransformations")
        if type(cts) is not list or not cts or type(cts[0]) is not dict:
            continue
        t = cts[0]
        tp = f"{here}/coordinateTransformations/0"
        source, target = ref(t.get("input")), ref(t.get("output"))
        if source.path is not None and type(path) is str and source.path != path:
            c.must(
                f"{tp}/input/path",
                "dataset-transformation-input-mismatch",
                f"the input path {source.path!r} is not the dataset's path {path!r}",
                "multiscales-md",
            )
        if target.name is not None:
            if intrinsic is None:
                intrinsic = target.name
            elif target.name != intrinsic:
                c.must(
                    f"{tp}/output/name",
                    "dataset-transformation-outputs-differ",
                    f"this level maps to {target.name!r}, the first level to {intrinsic!r}; "
                    "every level maps to the same (intrinsic) coordinate system",
                    "multiscales-md",
                )
            if target.name not in ctx.systems:
                c.must(
                    f"{tp}/output/name",
                    "coordinate-system-unknown",
                    f"the multiscale defines no coordinate system named {target.name!r}",
                    "multiscales-md",
                )
        if t.get("type") == "sequence" and not _is_scale_then_translation(t):
            c.must(
                f"{tp}/transformations",
                "dataset-sequence-invalid",
                "a dataset's sequence must hold exactly one scale followed by one translation",
                "multiscales-md",
            )
        n = ctx.systems.get(target.name) if target.name is not None else None
        # the input is the level's array, whose dimensions are the axes' (§multiscales-md)
        inner = {k: v for k, v in t.items() if k not in ("input", "output")}
        check_transformation(inner, tp, n, n, ctx)
    return intrinsic


def _check_location(t: dict[str, Any], ptr: str, c: Collector) -> None:
    """Parameters stored in zarr SHOULD be in the group "coordinateTransformations" beside the
    images (§scene-format)."""
    for p in stored_parameters(t, ptr, None, None):
        if not p.path.startswith("coordinateTransformations/"):
            c.should(
                f"{p.pointer}/path",
                "transformation-array-location",
                f"{p.path!r} should be in the group 'coordinateTransformations' beside the "
                "images (e.g. 'coordinateTransformations/...')",
                "scene-format",
            )


def _check_multiscale_transformation(
    t: dict[str, Any], ptr: str, intrinsic: str | None, ctx: Context
) -> list[tuple[str, str]]:
    """One of a multiscale's own transformations; returns its edge between local systems."""
    c = ctx.c
    _check_location(t, ptr, c)
    source, target = ref(t.get("input")), ref(t.get("output"))
    if not (source.valid and target.valid):
        return []
    ends = {"input": source, "output": target}
    at_intrinsic = [
        end for end, r in ends.items() if r.local and intrinsic is not None and r.name == intrinsic
    ]
    if intrinsic is not None and not at_intrinsic:
        c.must(
            ptr,
            "multiscale-transformation-not-intrinsic",
            f"neither the input nor the output is the intrinsic coordinate system {intrinsic!r}",
            "coord-trafo-constraints",
        )
    for end, r in ends.items():
        if r.path is None:
            continue
        if not (r.path.startswith("labels/") and is_inner_path(r.path) and r.path != "labels/"):
            c.must(
                f"{ptr}/{end}/path",
                "multiscale-transformation-reference-invalid",
                f"{r.path!r} is not a label image below this image's 'labels' group; a multiscale's "
                "transformations reach no other group",
                "coord-trafo-constraints",
            )
        elif r.name is None:
            c.must(
                f"{ptr}/{end}",
                "transformation-input-name-missing"
                if end == "input"
                else "transformation-output-name-missing",
                "a coordinate system of a child label image is referenced by 'name' and 'path'",
                "coord-trafo-constraints",
            )
        kind = t.get("type")
        if kind not in _LABEL_TYPES and not (kind == "sequence" and _is_scale_then_translation(t)):
            c.must(
                f"{ptr}/type",
                "labels-transformation-type-not-allowed",
                f"a transformation to a label image must be identity, scale or translation "
                f"(or a sequence of a scale and a translation), not {kind!r}",
                "labels-md",
            )
    n_in, n_out = ctx.dims(source), ctx.dims(target)
    if source.path is not None and n_out is not None:
        n_in = n_out if t.get("type") in _LABEL_TYPES else None
    if target.path is not None and n_in is not None:
        n_out = n_in if t.get("type") in _LABEL_TYPES else None
    check_transformation(t, ptr, n_in, n_out, ctx)
    if source.local and target.local:
        assert source.name is not None
        assert target.name is not None
        return [(source.name, target.name)]
    return []


def _component(start: str, edges: Iterable[tuple[str, str]]) -> set[str]:
    """The nodes linked to ``start`` (edges in either direction)."""
    links: dict[str, set[str]] = {}
    for a, b in edges:
        links.setdefault(a, set()).add(b)
        links.setdefault(b, set()).add(a)
    seen = {start}
    todo = [start]
    while todo:
        for other in links.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


# ------------------------------------------------------------------------------------------
# scene


def check_scene(scene: Any, ptr: str, c: Collector) -> None:
    """Check a scene (§scene-md): its coordinate systems, every transformation, references to
    its own coordinate systems, and the graph of its coordinate systems and images."""
    if type(scene) is not dict:
        return
    systems = check_coordinate_systems(
        scene.get("coordinateSystems"), f"{ptr}/coordinateSystems", c, multiscale=False
    )
    ctx = Context(c, systems)
    cts = scene.get("coordinateTransformations")
    if type(cts) is not list:
        return
    edges: list[tuple[str, str]] = []
    first_seen: dict[str, str] = {}
    for k, t in enumerate(cts):
        if type(t) is not dict:
            continue
        here = f"{ptr}/coordinateTransformations/{k}"
        source, target = ref(t.get("input")), ref(t.get("output"))
        check_transformation(t, here, ctx.dims(source), ctx.dims(target), ctx)
        _check_location(t, here, c)
        nodes = []
        for end, r in (("input", source), ("output", target)):
            if not r.valid or r.name is None:
                continue
            node = f"image:{r.path}" if r.path is not None else f"cs:{r.name}"
            first_seen.setdefault(node, f"{here}/{end}")
            nodes.append(node)
        if len(nodes) == 2:
            edges.append((nodes[0], nodes[1]))
    everything = [f"cs:{name}" for name in systems] + [
        n for n in first_seen if n.startswith("image:")
    ]
    if len(everything) < 2:
        return
    # the largest group of linked nodes is the scene; every node outside it is reported
    components: list[set[str]] = []
    for node in everything:
        if not any(node in done for done in components):
            components.append(_component(node, edges))
    reached = max(components, key=len)
    for node in everything:
        if node in reached:
            continue
        if node.startswith("cs:"):
            index = _index_of(scene.get("coordinateSystems"), node[3:])
            where = f"{ptr}/coordinateSystems/{index}"
            what = f"coordinate system {node[3:]!r}"
        else:
            where = first_seen[node]
            what = f"the image at {node[6:]!r}"
        c.must(
            where,
            "coordinate-systems-not-connected",
            f"{what} is linked to the rest of the scene by no chain of transformations",
            "coord-trafo-md",
        )


def _index_of(systems: Any, name: str) -> int:
    for k, system in enumerate(systems):
        if type(system) is dict and system.get("name") == name:
            return k
    return 0


# ------------------------------------------------------------------------------------------
# helpers for the dataset walk


def intrinsic_name(ms: dict[str, Any]) -> str | None:
    """The intrinsic coordinate system of a multiscale: the output of its first level's
    transformation (None when it names none)."""
    datasets = ms.get("datasets")
    if type(datasets) is not list:
        return None
    for ds in datasets:
        cts = ds.get("coordinateTransformations") if type(ds) is dict else None
        if type(cts) is list and cts and type(cts[0]) is dict:
            name = ref(cts[0].get("output")).name
            if name is not None:
                return name
    return None


def intrinsic_axes(ms: dict[str, Any]) -> list[Any] | None:
    """The axes of a multiscale's intrinsic coordinate system (those of its only coordinate
    system when no level names one), or None."""
    systems = ms.get("coordinateSystems")
    if type(systems) is not list:
        return None
    name = intrinsic_name(ms)
    for system in systems:
        if type(system) is not dict:
            continue
        if system.get("name") == name or (name is None and len(systems) == 1):
            axes = system.get("axes")
            return axes if type(axes) is list else None
    return None


def systems_of(meta: dict[str, Any] | None) -> dict[str, int | None]:
    """Every coordinate system a group's metadata defines (its multiscales' and its scene's),
    name -> number of axes."""
    out: dict[str, int | None] = {}
    if meta is None:
        return out
    holders: list[Any] = []
    multiscales = meta.get("multiscales")
    if type(multiscales) is list:
        holders += [ms.get("coordinateSystems") for ms in multiscales if type(ms) is dict]
    scene = meta.get("scene")
    if type(scene) is dict:
        holders.append(scene.get("coordinateSystems"))
    for systems in holders:
        if type(systems) is not list:
            continue
        for system in systems:
            if type(system) is dict and type(system.get("name")) is str:
                axes = system.get("axes")
                out.setdefault(system["name"], len(axes) if type(axes) is list else None)
    return out


@dataclass(frozen=True, slots=True)
class Parameters:
    """A transformation whose parameters are stored in zarr (``path``), with the shape its
    dimensionality asks for (None where unknown) and where it is."""

    pointer: str
    kind: str
    path: str
    n_in: int | None
    n_out: int | None


def stored_parameters(t: Any, ptr: str, n_in: int | None, n_out: int | None) -> list[Parameters]:
    """The transformations stored by ``path`` in ``t`` (itself or the parts of a sequence)."""
    if type(t) is not dict:
        return []
    kind = t.get("type")
    path = t.get("path")
    if type(kind) is str and type(path) is str:
        if kind in ("scale", "translation", "affine", "rotation", "coordinates", "displacements"):
            return [Parameters(ptr, kind, path, n_in, n_out)]
        return []
    parts = t.get("transformations")
    if kind == "sequence" and type(parts) is list:
        out = []
        current = n_in
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            part_out = n_out if last else out_dims(part, current)
            out += stored_parameters(part, f"{ptr}/transformations/{k}", current, part_out)
            current = part_out
        return out
    return []


def expected_shape(p: Parameters) -> list[int] | None:
    """The array shape the text asks of stored parameters (None when it cannot be known):
    a vector of N for scale and translation, (M)x(N+1) for affine, N x N for rotation."""
    n, m = p.n_in, p.n_out
    if p.kind in _VECTOR_TYPES:
        size = n if n is not None else m
        return [size] if size is not None else None
    if p.kind == "affine" and n is not None and m is not None:
        return [m, n + 1]
    if p.kind == "rotation" and (n is not None or m is not None):
        size = n if n is not None else m
        assert size is not None
        return [size, size]
    return None
