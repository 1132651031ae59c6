"""The base of every transformation: points in, points out, the inverse where one exists."""

from __future__ import annotations

import builtins
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import numpy.typing as npt

from omezarr_models.transforms.errors import (
    DimensionMismatchError,
    NotInvertibleError,
    TransformError,
)

if TYPE_CHECKING:
    from omezarr_models.transforms.composite import Sequence

FloatArray = npt.NDArray[np.float64]
"""An array of float64 values (points are ``(N, D)``: N points of D coordinates)."""

_E = TypeVar("_E", bound=TransformError)


@dataclass(frozen=True, order=True)
class CoordinateSystemRef:
    """A reference to a coordinate system or an array space, as in ``input``/``output``.

    Parameters
    ----------
    name
        Name of a coordinate system (``None`` for the array space of a dataset).
    path
        Path of the zarr group holding the coordinate system (``None``: the same document), or of
        the array whose discrete index space is meant (for a multiscale dataset, with no name).
    """

    name: str | None = None
    path: str | None = None

    def __str__(self) -> str:
        if self.name is None:
            return f"array {self.path!r}"
        if self.path:
            return f"{self.name!r} in {self.path!r}"
        return repr(self.name)

    @classmethod
    def from_json(cls, value: Any) -> CoordinateSystemRef | None:
        """Read an ``input``/``output`` value: ``{"name": ..., "path": ...}`` or a bare name.

        Parameters
        ----------
        value
            The JSON value (``None`` gives ``None``).

        Returns
        -------
        CoordinateSystemRef or None
            The reference, paths normalised (no leading/trailing ``/``; ``""`` is ``None``).
        """
        if value is None:
            return None
        if isinstance(value, str):
            return cls(name=value or None)
        if isinstance(value, dict):
            name = value.get("name")
            path = value.get("path")
            return cls(
                name=name if isinstance(name, str) and name else None,
                path=normalise_path(path) if isinstance(path, str) else None,
            )
        return None


def normalise_path(path: str | None) -> str | None:
    """Strip ``/`` at both ends and ``./`` prefixes; an empty path becomes ``None``."""
    if path is None:
        return None
    parts = [p for p in path.split("/") if p not in ("", ".")]
    return "/".join(parts) or None


def join_path(prefix: str | None, path: str | None) -> str | None:
    """Join two group-relative paths (either may be ``None``)."""
    return normalise_path("/".join(p for p in (prefix, path) if p))


class Transform(ABC):
    """A coordinate transformation: a function from points of its input space to its output.

    Subclasses are one per ``type`` of the spec. Points are given in the axis order of the input
    coordinate system, results in the axis order of the output one.

    Attributes
    ----------
    type
        The ``type`` the transformation has in metadata (``"scale"``, ``"sequence"``, ...).
    name
        Its ``name`` field, if any.
    input, output
        The coordinate systems it maps between, when given (wrapped transformations may omit them).
    json_path
        JSON pointer to the transformation in its metadata document (``""`` if not known).
    """

    type: str = ""

    def __init__(
        self,
        *,
        name: str | None = None,
        input: CoordinateSystemRef | None = None,
        output: CoordinateSystemRef | None = None,
        json_path: str = "",
    ) -> None:
        self.name = name
        self.input = input
        self.output = output
        self.json_path = json_path

    # -- what subclasses provide ------------------------------------------------------------

    @property
    def input_ndim(self) -> int | None:
        """Number of input coordinates, if fixed by the parameters (``None``: any)."""
        return None

    @property
    def output_ndim(self) -> int | None:
        """Number of output coordinates, if fixed by the parameters (``None``: as many as input)."""
        return None

    @abstractmethod
    def _apply(self, points: FloatArray) -> FloatArray:
        """Map ``(N, D)`` points whose D was checked against :attr:`input_ndim`."""

    def inverse(self) -> Transform:
        """The inverse transformation (from the output space back to the input space).

        Returns
        -------
        Transform
            A transformation with ``input`` and ``output`` swapped.

        Raises
        ------
        NotInvertibleError
            If the transformation has no closed-form inverse.
        UnresolvedParameterError
            If its parameters are stored at a ``path`` that was not resolved.
        """
        raise self.error(NotInvertibleError, f"{self.type} transformations are not invertible")

    # -- the public evaluation ----------------------------------------------------------------

    def apply(self, points: npt.ArrayLike) -> FloatArray:
        """Transform points.

        Parameters
        ----------
        points
            An ``(N, D)`` array of N points with D coordinates each (in the axis order of the
            input coordinate system), or one point as a ``(D,)`` array.

        Returns
        -------
        numpy.ndarray
            ``(N, M)`` float64 points in the output coordinate system (``(M,)`` for one point).

        Raises
        ------
        DimensionMismatchError
            If D is not the number of input coordinates the transformation takes, or ``points``
            is not a 1-D or 2-D array of numbers.
        UnresolvedParameterError
            If parameters stored at a ``path`` were not resolved.
        """
        array, single = self._as_points(points)
        self._check_ndim(array.shape[1])
        result = self._apply(array)
        return result[0] if single else result

    def __call__(self, points: npt.ArrayLike) -> FloatArray:
        """Same as :meth:`apply`."""
        return self.apply(points)

    @property
    def is_invertible(self) -> bool:
        """Whether :meth:`inverse` succeeds."""
        try:
            self.inverse()
        except TransformError:
            return False
        return True

    def then(self, other: Transform) -> Sequence:
        """The composition applying this transformation first and ``other`` after it.

        Parameters
        ----------
        other
            The transformation applied to the results of this one.

        Returns
        -------
        Sequence
            ``sequence[self, other]``, from this input to ``other``'s output.
        """
        from omezarr_models.transforms.composite import Sequence

        return Sequence([self, other], input=self.input, output=other.output)

    # -- helpers ------------------------------------------------------------------------------

    def describe(self) -> str:
        """``type 'name' at /json/path`` for messages."""
        from omezarr_models.transforms.errors import describe_transform

        return describe_transform(self.type, self.name, self.json_path)

    def error(self, cls: builtins.type[_E], problem: str, **extra: Any) -> _E:
        """Build an error of class ``cls`` naming this transformation."""
        return cls(
            problem, transform_type=self.type, name=self.name, json_path=self.json_path, **extra
        )

    def _inverse_meta(self) -> dict[str, Any]:
        """Keyword arguments for an inverse: name marked, input and output swapped."""
        return {
            "name": f"inverse of {self.name}" if self.name else None,
            "input": self.output,
            "output": self.input,
            "json_path": self.json_path,
        }

    def _as_points(self, points: npt.ArrayLike) -> tuple[FloatArray, bool]:
        try:
            array = np.asarray(points, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise self.error(
                DimensionMismatchError, f"points are not an array of numbers ({exc})"
            ) from exc
        if array.ndim == 1:
            return array[np.newaxis, :], True
        if array.ndim == 2:
            return array, False
        raise self.error(
            DimensionMismatchError,
            f"points must be a (N, D) array or one (D,) point, not an array of shape {array.shape}",
        )

    def _check_ndim(self, ndim: int) -> None:
        expected = self.input_ndim
        if expected is not None and ndim != expected:
            raise self.error(
                DimensionMismatchError,
                f"points have {ndim} coordinates, the transformation takes {expected}",
                expected=expected,
                actual=ndim,
            )

    def __repr__(self) -> str:
        fields = [f"{k}={v!r}" for k, v in self._repr_fields().items()]
        if self.name:
            fields.append(f"name={self.name!r}")
        return f"{type(self).__name__}({', '.join(fields)})"

    def _repr_fields(self) -> dict[str, Any]:
        return {}
