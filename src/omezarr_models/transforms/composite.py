"""Transformations built of others: ``sequence``, ``byDimension``, ``bijection``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from omezarr_models.transforms.axes import Identity, ProjectAxis
from omezarr_models.transforms.base import FloatArray, Transform
from omezarr_models.transforms.errors import (
    DimensionMismatchError,
    MalformedTransformError,
    NotInvertibleError,
)


class Sequence(Transform):
    """``sequence``: apply ``transformations[0]``, then ``[1]`` to its result, and so on.

    Parameters
    ----------
    transformations
        A non-empty list of transformations.
    **meta
        ``name``, ``input``, ``output``, ``json_path`` (see :class:`Transform`).
    """

    type = "sequence"

    def __init__(self, transformations: Iterable[Transform], **meta: Any) -> None:
        super().__init__(**meta)
        self.transformations = tuple(transformations)
        if not self.transformations:
            raise self.error(
                MalformedTransformError, "a sequence needs at least one transformation"
            )

    @property
    def input_ndim(self) -> int | None:
        """Number of input coordinates (``None``: not fixed by the parameters)."""
        for member in self.transformations:
            if member.input_ndim is not None:
                return member.input_ndim
            if not isinstance(member, Identity):
                return None
        return None

    @property
    def output_ndim(self) -> int | None:
        """Number of output coordinates (``None``: not fixed by the parameters)."""
        for member in reversed(self.transformations):
            if member.output_ndim is not None:
                return member.output_ndim
            if not isinstance(member, Identity):
                return None
        return None

    def _apply(self, points: FloatArray) -> FloatArray:
        for member in self.transformations:
            points = member.apply(points)
        return points

    def inverse(self) -> Sequence:
        """The inverses of the members in reverse order.

        Raises
        ------
        NotInvertibleError
            If a member is not invertible (the error names that member).
        """
        return Sequence(
            [member.inverse() for member in reversed(self.transformations)],
            **self._inverse_meta(),
        )

    def _repr_fields(self) -> dict[str, Any]:
        return {"transformations": list(self.transformations)}


@dataclass(frozen=True)
class AxesMapping:
    """One item of a ``byDimension``: a transformation of some input axes into some output axes.

    Attributes
    ----------
    transformation
        The lower-dimensional transformation.
    input_axes
        Indices of the parent's input axes it reads, in the order of its own input.
    output_axes
        Indices of the parent's output axes it writes, in the order of its own output.
    """

    transformation: Transform
    input_axes: tuple[int, ...]
    output_axes: tuple[int, ...]


class ByDimension(Transform):
    """``byDimension``: lower-dimensional transformations on subsets of the axes.

    For each item, the input coordinates at ``input_axes`` (in that order) are transformed by the
    item's transformation and written to the output coordinates at ``output_axes``. Every output
    axis is written by exactly one item; an input axis may be read by several items or by none.

    Parameters
    ----------
    items
        The :class:`AxesMapping` items (``transformations`` in the metadata).
    output_ndim
        Number of output axes, if known from the output coordinate system (default: the number of
        output axes the items write, which must then be ``0..M-1``).
    **meta
        ``name``, ``input``, ``output``, ``json_path`` (see :class:`Transform`).

    Raises
    ------
    MalformedTransformError
        If an output axis is written by two items or by none, an index is negative, or an item's
        axis lists do not fit its transformation's dimensions.
    """

    type = "byDimension"

    def __init__(
        self, items: Iterable[AxesMapping], *, output_ndim: int | None = None, **meta: Any
    ) -> None:
        super().__init__(**meta)
        self.items = tuple(items)
        if not self.items:
            raise self.error(
                MalformedTransformError, "byDimension needs at least one transformation"
            )
        written: list[int] = [axis for item in self.items for axis in item.output_axes]
        self._output_ndim = output_ndim if output_ndim is not None else len(written)
        for index, item in enumerate(self.items):
            self._check_item(index, item)
        repeated = sorted({axis for axis in written if written.count(axis) > 1})
        if repeated:
            raise self.error(
                MalformedTransformError,
                f"output axes {repeated} appear in more than one transformation's outputAxes",
            )
        outside = sorted(axis for axis in written if axis >= self._output_ndim)
        if outside:
            raise self.error(
                MalformedTransformError,
                f"outputAxes {outside} do not exist: the output has {self._output_ndim} axes",
            )
        missing = sorted(set(range(self._output_ndim)) - set(written))
        if missing:
            raise self.error(MalformedTransformError, f"output axes {missing} are in no outputAxes")

    def _check_item(self, index: int, item: AxesMapping) -> None:
        where = f"transformations[{index}]"
        if any(a < 0 for a in item.input_axes + item.output_axes):
            raise self.error(MalformedTransformError, f"{where} has a negative axis index")
        if len(set(item.input_axes)) != len(item.input_axes):
            raise self.error(MalformedTransformError, f"{where}: inputAxes repeat an axis")
        child = item.transformation
        n_in, n_out = child.input_ndim, child.output_ndim
        if n_in is not None and n_in != len(item.input_axes):
            raise self.error(
                MalformedTransformError,
                f"{where}: inputAxes {list(item.input_axes)} has {len(item.input_axes)} axes,"
                f" its {child.type} takes {n_in}",
            )
        if isinstance(child, ProjectAxis):
            # N inputs give N - dropped + created outputs (§projectAxis-md)
            expected = (
                len(item.input_axes)
                - len(set(child.dropped_inputs))
                + len(set(child.created_outputs))
            )
            if expected != len(item.output_axes):
                raise self.error(
                    MalformedTransformError,
                    f"{where}: projectAxis maps {len(item.input_axes)} inputAxes to {expected}"
                    f" axes, but outputAxes has {len(item.output_axes)}",
                )
            return
        if n_out is None and n_in is None and len(item.input_axes) != len(item.output_axes):
            raise self.error(
                MalformedTransformError,
                f"{where}: {child.type} keeps the dimension but inputAxes has"
                f" {len(item.input_axes)} axes and outputAxes {len(item.output_axes)}",
            )
        if n_out is not None and n_out != len(item.output_axes):
            raise self.error(
                MalformedTransformError,
                f"{where}: outputAxes {list(item.output_axes)} has {len(item.output_axes)} axes,"
                f" its {child.type} gives {n_out}",
            )

    @property
    def output_ndim(self) -> int:
        """Number of output coordinates (``None``: not fixed by the parameters)."""
        return self._output_ndim

    def _apply(self, points: FloatArray) -> FloatArray:
        ndim = points.shape[1]
        highest = max(axis for item in self.items for axis in item.input_axes)
        if highest >= ndim:
            raise self.error(
                DimensionMismatchError,
                f"inputAxes refer to axis {highest}, the points have {ndim} coordinates",
                actual=ndim,
            )
        result = np.empty((points.shape[0], self._output_ndim), dtype=np.float64)
        for item in self.items:
            part = item.transformation.apply(points[:, list(item.input_axes)])
            if part.shape[1] != len(item.output_axes):
                raise item.transformation.error(
                    DimensionMismatchError,
                    f"gives {part.shape[1]} coordinates for outputAxes {list(item.output_axes)}",
                    expected=len(item.output_axes),
                    actual=part.shape[1],
                )
            result[:, list(item.output_axes)] = part
        return result

    def inverse(self) -> ByDimension:
        """The item inverses with input and output axes swapped.

        Raises
        ------
        NotInvertibleError
            If an item is not invertible, or the items do not read every input axis
            ``0..M-1`` exactly once (some input would be lost or duplicated).
        """
        read = [axis for item in self.items for axis in item.input_axes]
        if sorted(read) != list(range(self._output_ndim)):
            raise self.error(
                NotInvertibleError,
                f"the items read input axes {sorted(read)}: not each of the"
                f" {self._output_ndim} axes exactly once",
            )
        return ByDimension(
            [
                AxesMapping(item.transformation.inverse(), item.output_axes, item.input_axes)
                for item in self.items
            ],
            output_ndim=self._output_ndim,
            **self._inverse_meta(),
        )

    def _repr_fields(self) -> dict[str, Any]:
        return {
            "items": [
                (item.transformation, list(item.input_axes), list(item.output_axes))
                for item in self.items
            ]
        }


class Bijection(Transform):
    """``bijection``: an explicit ``forward`` transformation and its explicit ``inverse``.

    :meth:`apply` applies ``forward``; :meth:`inverse` is the bijection the other way round.
    Nothing checks that the two are inverse to each other (the spec expects them to agree only
    within the extent of their fields).

    Parameters
    ----------
    forward, inverse
        The two transformations.
    **meta
        ``name``, ``input``, ``output``, ``json_path`` (see :class:`Transform`).
    """

    type = "bijection"

    def __init__(self, forward: Transform, inverse: Transform, **meta: Any) -> None:
        super().__init__(**meta)
        self.forward = forward
        self.backward = inverse
        for role, part, expected in (
            ("forward", forward.input_ndim, inverse.output_ndim),
            ("inverse", inverse.input_ndim, forward.output_ndim),
        ):
            if part is not None and expected is not None and part != expected:
                raise self.error(
                    MalformedTransformError,
                    f"the {role} transformation takes {part} coordinates, the other gives {expected}",
                )

    @property
    def input_ndim(self) -> int | None:
        """Number of input coordinates (``None``: not fixed by the parameters)."""
        return self.forward.input_ndim

    @property
    def output_ndim(self) -> int | None:
        """Number of output coordinates (``None``: not fixed by the parameters)."""
        return self.forward.output_ndim

    def _apply(self, points: FloatArray) -> FloatArray:
        return self.forward.apply(points)

    def inverse(self) -> Bijection:
        """The same pair with the roles swapped."""
        return Bijection(self.backward, self.forward, **self._inverse_meta())

    def _repr_fields(self) -> dict[str, Any]:
        return {"forward": self.forward, "inverse": self.backward}
