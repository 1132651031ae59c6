"""Transformations that move coordinates between axes: ``identity``, ``mapAxis``, ``projectAxis``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from omezarr_models.transforms.base import FloatArray, Transform
from omezarr_models.transforms.errors import (
    DimensionMismatchError,
    MalformedTransformError,
    NotInvertibleError,
)


class Identity(Transform):
    """``identity``: the i-th output coordinate is the i-th input coordinate (any dimension)."""

    type = "identity"

    def _apply(self, points: FloatArray) -> FloatArray:
        return points.copy()

    def inverse(self) -> Identity:
        """The identity again, ``input`` and ``output`` swapped."""
        return Identity(**self._inverse_meta())


class MapAxis(Transform):
    """``mapAxis``: an axis permutation; output axis ``i`` is input axis ``mapAxis[i]``.

    Parameters
    ----------
    map_axis
        A permutation of ``0..N-1``.
    **meta
        ``name``, ``input``, ``output``, ``json_path`` (see :class:`Transform`).

    Raises
    ------
    MalformedTransformError
        If ``map_axis`` is not a permutation of ``0..N-1``.
    """

    type = "mapAxis"

    def __init__(self, map_axis: Iterable[int], **meta: Any) -> None:
        super().__init__(**meta)
        self.map_axis = tuple(int(i) for i in map_axis)
        if sorted(self.map_axis) != list(range(len(self.map_axis))):
            raise self.error(
                MalformedTransformError,
                f"mapAxis {list(self.map_axis)} is not a permutation of 0..{len(self.map_axis) - 1}"
                " (every input axis index exactly once)",
            )

    @property
    def input_ndim(self) -> int:
        """Number of input coordinates (``None``: not fixed by the parameters)."""
        return len(self.map_axis)

    @property
    def output_ndim(self) -> int:
        """Number of output coordinates (``None``: not fixed by the parameters)."""
        return len(self.map_axis)

    def _apply(self, points: FloatArray) -> FloatArray:
        return points[:, list(self.map_axis)]

    def inverse(self) -> MapAxis:
        """The inverse permutation."""
        return MapAxis(np.argsort(self.map_axis).tolist(), **self._inverse_meta())

    def _repr_fields(self) -> dict[str, Any]:
        return {"map_axis": list(self.map_axis)}


class ProjectAxis(Transform):
    """``projectAxis``: drop input coordinates and insert zero-valued output coordinates.

    The input coordinates at ``dropped_inputs`` are removed; the remaining ones fill, in order,
    the output positions that are not in ``created_outputs``; the output coordinates at
    ``created_outputs`` are 0. With N inputs the output has ``N - len(dropped) + len(created)``
    coordinates.

    Parameters
    ----------
    dropped_inputs
        Unique input indices to drop (``droppedInputs``).
    created_outputs
        Unique output indices at which a zero coordinate is added (``createdOutputs``).
    **meta
        ``name``, ``input``, ``output``, ``json_path`` (see :class:`Transform`).

    Notes
    -----
    Never invertible here: dropping loses coordinates, and creating axes maps onto the subspace
    where those axes are 0, so points elsewhere have no preimage.
    """

    type = "projectAxis"

    def __init__(
        self, dropped_inputs: Iterable[int] = (), created_outputs: Iterable[int] = (), **meta: Any
    ) -> None:
        super().__init__(**meta)
        self.dropped_inputs = tuple(int(i) for i in dropped_inputs)
        self.created_outputs = tuple(int(i) for i in created_outputs)
        for field, values in (
            ("droppedInputs", self.dropped_inputs),
            ("createdOutputs", self.created_outputs),
        ):
            if len(set(values)) != len(values):
                raise self.error(
                    MalformedTransformError, f"{field} {list(values)} repeats an index"
                )
            if any(i < 0 for i in values):
                raise self.error(
                    MalformedTransformError, f"{field} {list(values)} has a negative index"
                )

    def _apply(self, points: FloatArray) -> FloatArray:
        ndim = points.shape[1]
        out_of_range = [i for i in self.dropped_inputs if i >= ndim]
        if out_of_range:
            raise self.error(
                DimensionMismatchError,
                f"droppedInputs {out_of_range} out of range for points of {ndim} coordinates",
                actual=ndim,
            )
        kept = [i for i in range(ndim) if i not in self.dropped_inputs]
        out_ndim = len(kept) + len(self.created_outputs)
        bad_created = [i for i in self.created_outputs if i >= out_ndim]
        if bad_created:
            raise self.error(
                DimensionMismatchError,
                f"createdOutputs {bad_created} out of range: points of {ndim} coordinates give"
                f" {out_ndim} output coordinates",
                actual=ndim,
            )
        result = np.zeros((points.shape[0], out_ndim), dtype=np.float64)
        passed = [j for j in range(out_ndim) if j not in self.created_outputs]
        result[:, passed] = points[:, kept]
        return result

    def inverse(self) -> Transform:
        """Always raises: see the class notes."""
        if self.dropped_inputs:
            why = f"it drops input axes {list(self.dropped_inputs)}, whose values are lost"
        else:
            why = (
                f"it creates output axes {list(self.created_outputs)} fixed at 0,"
                " so other output points have no preimage"
            )
        raise self.error(NotInvertibleError, f"projectAxis is not invertible: {why}")

    def _repr_fields(self) -> dict[str, Any]:
        return {
            "dropped_inputs": list(self.dropped_inputs),
            "created_outputs": list(self.created_outputs),
        }
