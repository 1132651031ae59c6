"""Linear-algebra transformations: ``translation``, ``scale``, ``affine``, ``rotation``.

Each takes its parameters either as JSON values or from a zarr array at ``path`` (resolved when
parsing with a resolver; an unresolved one raises :class:`UnresolvedParameterError` when used).
Matrices act on column vectors whose first entry is the first axis of the coordinate system.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from omezarr_models.transforms.base import FloatArray, Transform
from omezarr_models.transforms.errors import (
    MalformedTransformError,
    NotInvertibleError,
    UnresolvedParameterError,
)

ORTHONORMAL_TOLERANCE = 1e-6
"""How far ``R Rᵀ`` may be from the identity (max abs entry) and ``det R`` from 1 for a rotation."""


class ParametrisedTransform(Transform):
    """A transformation whose parameters are an array given inline or stored at ``path``.

    Parameters
    ----------
    values
        The parameters (``None`` if they are stored at ``path`` and not resolved yet).
    path
        The ``path`` field: a zarr array holding the parameters.
    **meta
        ``name``, ``input``, ``output``, ``json_path`` (see :class:`Transform`).
    """

    parameter_ndim = 1
    """Dimensions the parameter array must have (1 for vectors, 2 for matrices)."""

    def __init__(
        self, values: npt.ArrayLike | None = None, *, path: str | None = None, **meta: Any
    ) -> None:
        super().__init__(**meta)
        self.path = path
        self._values: FloatArray | None = None
        if values is None:
            if path is None:
                raise self.error(MalformedTransformError, "neither parameters nor a path given")
        else:
            self._values = self._checked(values)

    @property
    def is_resolved(self) -> bool:
        """Whether the parameters are known (given inline or resolved from ``path``)."""
        return self._values is not None

    @property
    def values(self) -> FloatArray:
        """The parameter array.

        Raises
        ------
        UnresolvedParameterError
            If they are stored at ``path`` and no resolver supplied them.
        """
        if self._values is None:
            raise self.error(
                UnresolvedParameterError,
                f"parameters stored at path {self.path!r} were not resolved"
                " (parse with a resolver, e.g. zarr_resolver(group))",
                path=self.path or "",
            )
        return self._values

    def _checked(self, values: npt.ArrayLike) -> FloatArray:
        try:
            array = np.array(values, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise self.error(
                MalformedTransformError, f"parameters are not an array of numbers ({exc})"
            ) from exc
        if array.ndim != self.parameter_ndim:
            shape = "a vector" if self.parameter_ndim == 1 else "a 2-D matrix"
            raise self.error(
                MalformedTransformError,
                f"parameters must be {shape}, got an array of shape {array.shape}",
            )
        if not np.all(np.isfinite(array)):
            raise self.error(MalformedTransformError, "parameters contain NaN or infinity")
        if array.size == 0:
            raise self.error(MalformedTransformError, "parameters are empty")
        array.setflags(write=False)
        return array

    def _repr_fields(self) -> dict[str, Any]:
        if self._values is None:
            return {"path": self.path}
        return {"values": self._values.tolist()}


class Translation(ParametrisedTransform):
    """``translation``: ``output = input + translation`` (N coordinates in, N out)."""

    type = "translation"

    @property
    def translation(self) -> FloatArray:
        """The translation vector."""
        return self.values

    @property
    def input_ndim(self) -> int | None:
        """Number of input coordinates (``None``: not fixed by the parameters)."""
        return None if self._values is None else len(self._values)

    @property
    def output_ndim(self) -> int | None:
        """Number of output coordinates: as many as input."""
        return self.input_ndim

    def _apply(self, points: FloatArray) -> FloatArray:
        return points + self.values

    def inverse(self) -> Translation:
        """The opposite translation."""
        return Translation(-self.values, **self._inverse_meta())


class Scale(ParametrisedTransform):
    """``scale``: ``output[i] = scale[i] * input[i]`` (N coordinates in, N out)."""

    type = "scale"

    @property
    def scale(self) -> FloatArray:
        """The scale factors."""
        return self.values

    @property
    def input_ndim(self) -> int | None:
        """Number of input coordinates (``None``: not fixed by the parameters)."""
        return None if self._values is None else len(self._values)

    @property
    def output_ndim(self) -> int | None:
        """Number of output coordinates: as many as input."""
        return self.input_ndim

    def _apply(self, points: FloatArray) -> FloatArray:
        return points * self.values

    def inverse(self) -> Scale:
        """The reciprocal factors.

        Raises
        ------
        NotInvertibleError
            If a factor is 0.
        """
        zeros = np.flatnonzero(self.values == 0).tolist()
        if zeros:
            raise self.error(
                NotInvertibleError, f"scale factor 0 on axes {zeros} cannot be inverted"
            )
        return Scale(1.0 / self.values, **self._inverse_meta())


class Affine(ParametrisedTransform):
    """``affine``: an ``M x (N+1)`` matrix ``[A | b]``; ``output = A @ input + b``.

    The matrix is the upper part of the ``(M+1) x (N+1)`` homogeneous matrix, rows in the
    order of the output axes, columns in the order of the input axes, translation last.
    """

    type = "affine"
    parameter_ndim = 2

    def _checked(self, values: npt.ArrayLike) -> FloatArray:
        if isinstance(values, list) and values and isinstance(values[0], list):
            lengths = {len(row) if isinstance(row, list) else -1 for row in values}
            if len(lengths) > 1:
                raise self.error(
                    MalformedTransformError,
                    f"matrix rows differ in length ({sorted(lengths)}); a row of N+1 numbers each",
                )
        matrix = super()._checked(values)
        if matrix.shape[1] < 2:
            raise self.error(
                MalformedTransformError,
                f"matrix of shape {matrix.shape} must have N+1 >= 2 columns (last: translation)",
            )
        return matrix

    @property
    def matrix(self) -> FloatArray:
        """The ``M x (N+1)`` matrix."""
        return self.values

    @property
    def linear(self) -> FloatArray:
        """The ``M x N`` linear part ``A``."""
        return self.values[:, :-1]

    @property
    def offset(self) -> FloatArray:
        """The translation ``b`` (last column)."""
        return self.values[:, -1]

    @property
    def input_ndim(self) -> int | None:
        """Number of input coordinates (``None``: not fixed by the parameters)."""
        return None if self._values is None else self._values.shape[1] - 1

    @property
    def output_ndim(self) -> int | None:
        """Number of output coordinates (``None``: not fixed by the parameters)."""
        return None if self._values is None else self._values.shape[0]

    def homogeneous(self) -> FloatArray:
        """The ``(M+1) x (N+1)`` matrix in homogeneous coordinates (last row ``0 ... 0 1``)."""
        rows, cols = self.values.shape
        full = np.zeros((rows + 1, cols), dtype=np.float64)
        full[:rows] = self.values
        full[rows, -1] = 1.0
        return full

    def _apply(self, points: FloatArray) -> FloatArray:
        result: FloatArray = points @ self.linear.T + self.offset
        return result

    def inverse(self) -> Affine:
        """The inverse affine ``[A⁻¹ | -A⁻¹ b]``.

        Raises
        ------
        NotInvertibleError
            If the matrix is not ``N x (N+1)`` or ``A`` is singular.
        """
        rows, cols = self.values.shape
        if rows != cols - 1:
            raise self.error(
                NotInvertibleError,
                f"a {rows}x{cols} affine maps {cols - 1} to {rows} dimensions: not invertible",
            )
        try:
            inv = np.linalg.inv(self.linear)
        except np.linalg.LinAlgError as exc:
            raise self.error(NotInvertibleError, "the linear part is singular") from exc
        if not np.all(np.isfinite(inv)) or np.linalg.cond(self.linear) > 1e15:
            raise self.error(NotInvertibleError, "the linear part is (numerically) singular")
        return Affine(np.hstack([inv, -(inv @ self.offset)[:, None]]), **self._inverse_meta())


class Rotation(ParametrisedTransform):
    """``rotation``: an ``N x N`` orthonormal matrix ``R`` with determinant 1; ``output = R @ input``.

    Raises
    ------
    MalformedTransformError
        If the matrix is not square, not orthonormal or has determinant -1 (a reflection),
        within :data:`ORTHONORMAL_TOLERANCE`.
    """

    type = "rotation"
    parameter_ndim = 2

    def _checked(self, values: npt.ArrayLike) -> FloatArray:
        matrix = super()._checked(values)
        rows, cols = matrix.shape
        if rows != cols:
            raise self.error(
                MalformedTransformError, f"a rotation matrix must be N x N, got {rows}x{cols}"
            )
        deviation = float(np.max(np.abs(matrix @ matrix.T - np.eye(rows))))
        if deviation > ORTHONORMAL_TOLERANCE:
            raise self.error(
                MalformedTransformError,
                f"rotation matrix rows are not orthonormal (R Rᵀ deviates from I by {deviation:.3g})",
            )
        det = float(np.linalg.det(matrix))
        if abs(det - 1.0) > ORTHONORMAL_TOLERANCE:
            raise self.error(
                MalformedTransformError,
                f"rotation matrix has determinant {det:.6g}, must be 1 (-1 is a reflection)",
            )
        return matrix

    @property
    def matrix(self) -> FloatArray:
        """The ``N x N`` rotation matrix."""
        return self.values

    @property
    def input_ndim(self) -> int | None:
        """Number of input coordinates (``None``: not fixed by the parameters)."""
        return None if self._values is None else self._values.shape[1]

    @property
    def output_ndim(self) -> int | None:
        """Number of output coordinates: as many as input."""
        return self.input_ndim

    def _apply(self, points: FloatArray) -> FloatArray:
        result: FloatArray = points @ self.values.T
        return result

    def inverse(self) -> Rotation:
        """The transposed rotation."""
        return Rotation(self.values.T.copy(), **self._inverse_meta())
