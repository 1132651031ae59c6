"""Sampled vector fields: ``coordinates`` and ``displacements`` transformations.

A field is a regular grid of vectors: an array with one dimension per input axis and one more
(the *vector axis*) holding the vector components; component ``i`` refers to output axis ``i``.
A transformation ``grid_to_input`` (the field's own dataset transformation, usually a ``scale``)
maps the grid's array indices to the input coordinate system.

Evaluating a point ``x`` (following the hint in the spec's "coordinates and displacements"):

1. ``x_a = grid_to_input.inverse()(x)``: the point in the field's array index space;
2. the vector at ``x_a`` is looked up (on a grid point) or interpolated:

   - ``"nearest"``: the vector of the grid point whose pixel contains ``x_a``
     (pixel ``k`` covers ``[k - 0.5, k + 0.5)``, so the index is ``floor(x_a + 0.5)``);
   - ``"linear"`` (the spec's default): multilinear interpolation between the ``2^N``
     surrounding grid points; in the outer half pixel of the grid (between ``-0.5`` and ``0``,
     and between ``n - 1`` and ``n - 0.5``) the edge value is held;
   - ``"bspline-cubic"`` is not implemented: evaluating raises
     :class:`UnsupportedTransformError` (choose another method explicitly with
     :meth:`FieldTransform.with_interpolation`).

3. ``coordinates``: the vector is the output point; ``displacements``: the output is ``x`` plus the
   vector.

Points outside the grid's extent (``[-0.5, n - 0.5)`` along each axis, in array indices) give NaN
by default; ``out_of_bounds="clamp"`` uses the nearest edge value instead and ``"raise"`` raises
:class:`OutsideFieldError`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from omezarr_models.transforms.base import FloatArray, Transform
from omezarr_models.transforms.errors import (
    MalformedTransformError,
    NotInvertibleError,
    OutsideFieldError,
    TransformError,
    UnresolvedParameterError,
    UnsupportedTransformError,
)

Interpolation = Literal["nearest", "linear", "bspline-cubic"]
OutOfBounds = Literal["nan", "clamp", "raise"]
SUPPORTED_INTERPOLATIONS = ("nearest", "linear")
"""The interpolation methods evaluated here (``bspline-cubic`` is parsed but not evaluated)."""


@dataclass(frozen=True, eq=False)
class SampledField:
    """The data of a ``coordinates``/``displacements`` field.

    Parameters
    ----------
    values
        The field: N grid dimensions plus one vector dimension.
    vector_axis
        Which dimension of ``values`` holds the vector components (the spec's example and its
        axis-order rule put it before the spatial axes: 0 when there is no time axis).
    grid_to_input
        Maps the N grid indices (vector axis left out) to the input coordinate system;
        ``None`` means the identity (grid indices are input coordinates).
    """

    values: npt.ArrayLike
    vector_axis: int = 0
    grid_to_input: Transform | None = None
    grid: FloatArray = field(init=False, repr=False)
    """The values with the vector axis moved last: shape ``(*grid_shape, components)``."""

    def __post_init__(self) -> None:
        array = np.asarray(self.values, dtype=np.float64)
        if array.ndim < 2:
            raise ValueError(
                f"a field needs a grid and a vector dimension, got shape {array.shape}"
            )
        if not -array.ndim <= self.vector_axis < array.ndim:
            raise ValueError(f"vector_axis {self.vector_axis} out of range for shape {array.shape}")
        grid = np.moveaxis(array, self.vector_axis, -1)
        object.__setattr__(self, "grid", grid)

    @property
    def grid_shape(self) -> tuple[int, ...]:
        """The shape of the grid (the vector dimension left out)."""
        return tuple(self.grid.shape[:-1])

    @property
    def components(self) -> int:
        """The length of the vectors."""
        return int(self.grid.shape[-1])


class FieldTransform(Transform):
    """Common part of :class:`Coordinates` and :class:`Displacements`.

    Parameters
    ----------
    path
        The ``path`` field: the multiscale group (or array) holding the field.
    field
        The resolved field (``None`` until resolved).
    interpolation
        ``"linear"`` (default), ``"nearest"`` or ``"bspline-cubic"`` (kept, not evaluated).
    out_of_bounds
        What points outside the field's extent give: ``"nan"`` (default), ``"clamp"``, ``"raise"``.
    **meta
        ``name``, ``input``, ``output``, ``json_path`` (see :class:`Transform`).
    """

    def __init__(
        self,
        path: str,
        field: SampledField | None = None,
        *,
        interpolation: str = "linear",
        out_of_bounds: OutOfBounds = "nan",
        **meta: Any,
    ) -> None:
        super().__init__(**meta)
        self.path = path
        self.interpolation = interpolation
        self.out_of_bounds: OutOfBounds = out_of_bounds
        self._field = field
        self._to_grid: Transform | None = None
        if field is not None:
            self._check_field(field)
            if field.grid_to_input is not None:
                try:
                    self._to_grid = field.grid_to_input.inverse()
                except TransformError as exc:
                    raise self.error(
                        MalformedTransformError,
                        f"the field's grid transformation cannot be inverted ({exc.problem})",
                    ) from exc

    def _check_field(self, field: SampledField) -> None:
        expected = self._expected_components(len(field.grid_shape))
        if expected is not None and field.components != expected:
            raise self.error(
                MalformedTransformError,
                f"the field at {self.path!r} has vectors of {field.components} components"
                f" for a {len(field.grid_shape)}-D grid; a {self.type} field needs {expected}",
            )

    def _expected_components(self, grid_ndim: int) -> int | None:
        return None

    @property
    def field(self) -> SampledField:
        """The resolved field.

        Raises
        ------
        UnresolvedParameterError
            If the field at ``path`` was not resolved.
        """
        if self._field is None:
            raise self.error(
                UnresolvedParameterError,
                f"the field at path {self.path!r} was not resolved"
                " (parse with a resolver, e.g. zarr_resolver(group))",
                path=self.path,
            )
        return self._field

    @property
    def input_ndim(self) -> int | None:
        """Number of input coordinates (``None``: not fixed by the parameters)."""
        return None if self._field is None else len(self._field.grid_shape)

    def inverse(self) -> Transform:
        """Always raises: a sampled field has no closed-form inverse.

        Raises
        ------
        NotInvertibleError
            Always; store the inverse field too, in a ``bijection``.
        """
        raise self.error(
            NotInvertibleError,
            f"{self.type} transformations are not invertible in closed form"
            " (a bijection can supply the inverse field)",
        )

    def with_interpolation(
        self, interpolation: str | None = None, *, out_of_bounds: OutOfBounds | None = None
    ) -> FieldTransform:
        """A copy evaluated with another interpolation method or out-of-bounds policy.

        Parameters
        ----------
        interpolation
            ``"nearest"`` or ``"linear"`` (``None``: keep).
        out_of_bounds
            ``"nan"``, ``"clamp"`` or ``"raise"`` (``None``: keep).

        Returns
        -------
        FieldTransform
            The same field and metadata, evaluated as asked.
        """
        return type(self)(
            self.path,
            self._field,
            interpolation=interpolation or self.interpolation,
            out_of_bounds=out_of_bounds or self.out_of_bounds,
            name=self.name,
            input=self.input,
            output=self.output,
            json_path=self.json_path,
        )

    def vectors_at(self, points: npt.ArrayLike) -> FloatArray:
        """The (interpolated) field vectors at points of the input coordinate system.

        Parameters
        ----------
        points
            ``(N, D)`` points (or one ``(D,)`` point) in the input coordinate system.

        Returns
        -------
        numpy.ndarray
            ``(N, C)`` vectors (``(C,)`` for one point); rows of NaN for points outside the
            field when ``out_of_bounds="nan"``.
        """
        array, single = self._as_points(points)
        self._check_ndim(array.shape[1])
        vectors = self._vectors(array)
        return vectors[0] if single else vectors

    def _vectors(self, points: FloatArray) -> FloatArray:
        field = self.field
        if self.interpolation not in SUPPORTED_INTERPOLATIONS:
            raise self.error(
                UnsupportedTransformError,
                f"interpolation {self.interpolation!r} is not implemented (only"
                f" {', '.join(SUPPORTED_INTERPOLATIONS)}); choose one explicitly with"
                " with_interpolation()",
            )
        indices = points if self._to_grid is None else self._to_grid.apply(points)
        shape = np.asarray(field.grid_shape, dtype=np.float64)
        outside = np.any((indices < -0.5) | (indices >= shape - 0.5), axis=1)
        if self.out_of_bounds == "raise" and np.any(outside):
            first = int(np.flatnonzero(outside)[0])
            raise self.error(
                OutsideFieldError,
                f"point {points[first].tolist()} (field index {indices[first].tolist()}) is"
                f" outside the field's grid of shape {list(field.grid_shape)}"
                f" ({int(np.count_nonzero(outside))} points outside)",
            )
        if self.interpolation == "nearest":
            vectors = _nearest(field.grid, indices)
        else:
            vectors = _linear(field.grid, indices)
        if self.out_of_bounds == "nan":
            vectors[outside] = np.nan
        return vectors

    def _repr_fields(self) -> dict[str, Any]:
        return {"path": self.path, "interpolation": self.interpolation}


class Coordinates(FieldTransform):
    """``coordinates``: the output point is the field's vector at the input point.

    The vectors have M components (the output dimension). Not invertible: wrap it in a
    :class:`~omezarr_models.transforms.Bijection` with an explicit inverse.
    """

    type = "coordinates"

    @property
    def output_ndim(self) -> int | None:
        """Number of output coordinates (``None``: not fixed by the parameters)."""
        return None if self._field is None else self._field.components

    def _apply(self, points: FloatArray) -> FloatArray:
        return self._vectors(points)


class Displacements(FieldTransform):
    """``displacements``: the output point is the input point plus the field's vector there.

    The vectors have N components (input and output dimension are equal). Not invertible:
    wrap it in a :class:`~omezarr_models.transforms.Bijection` with an explicit inverse.
    """

    type = "displacements"

    def _expected_components(self, grid_ndim: int) -> int | None:
        return grid_ndim

    @property
    def output_ndim(self) -> int | None:
        """Number of output coordinates (``None``: not fixed by the parameters)."""
        return self.input_ndim

    def _apply(self, points: FloatArray) -> FloatArray:
        return points + self._vectors(points)


def _nearest(grid: FloatArray, indices: FloatArray) -> FloatArray:
    upper = np.asarray(grid.shape[:-1]) - 1
    nearest = np.clip(np.floor(indices + 0.5), 0, upper).astype(np.intp)
    result: FloatArray = grid[tuple(nearest.T)].astype(np.float64, copy=True)
    return result


def _linear(grid: FloatArray, indices: FloatArray) -> FloatArray:
    upper = np.asarray(grid.shape[:-1]) - 1
    clamped = np.clip(indices, 0, upper)
    base = np.clip(np.floor(clamped), 0, np.maximum(upper - 1, 0)).astype(np.intp)
    frac = clamped - base
    result = np.zeros((indices.shape[0], grid.shape[-1]), dtype=np.float64)
    ndim = indices.shape[1]
    for corner in itertools.product((0, 1), repeat=ndim):
        offset = np.asarray(corner, dtype=np.intp)
        weight = np.prod(np.where(offset == 1, frac, 1.0 - frac), axis=1)
        index = np.minimum(base + offset, upper)
        result += weight[:, np.newaxis] * grid[tuple(index.T)]
    return result
