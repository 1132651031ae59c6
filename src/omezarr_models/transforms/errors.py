"""Typed errors of coordinate transformations: what is wrong, in which transformation, where.

Every error carries the transformation's ``type``, ``name`` and JSON path (where known) as
attributes and in its message, e.g.
``scale 'pixels' at /coordinateTransformations/0: points have 3 coordinates, the transformation takes 2``.
"""

from __future__ import annotations

from omezarr_models.errors import OmeZarrError


def describe_transform(
    transform_type: str | None, name: str | None = None, json_path: str | None = None
) -> str:
    """Name a transformation for messages: ``type 'name' at /json/path`` (missing parts left out).

    Parameters
    ----------
    transform_type
        The ``type`` of the transformation (``None`` when unknown).
    name
        Its ``name`` field, if any.
    json_path
        A JSON pointer to it in the metadata document, if known (``""`` is the document itself).

    Returns
    -------
    str
        A short human-readable designation.
    """
    text = transform_type or "transformation"
    if name:
        text += f" {name!r}"
    if json_path:
        text += f" at {json_path}"
    return text


class TransformError(OmeZarrError):
    """A problem with one coordinate transformation.

    Attributes
    ----------
    transform_type
        The transformation's ``type`` (``None`` if the object had none).
    name
        The transformation's ``name`` field, if any.
    json_path
        JSON pointer to the transformation in its metadata document (``""`` if not known).
    problem
        What is wrong, in a few words (the message without the designation).
    """

    def __init__(
        self,
        problem: str,
        *,
        transform_type: str | None = None,
        name: str | None = None,
        json_path: str = "",
    ) -> None:
        self.transform_type = transform_type
        self.name = name
        self.json_path = json_path
        self.problem = problem
        super().__init__(f"{describe_transform(transform_type, name, json_path)}: {problem}")


class MalformedTransformError(TransformError):
    """The metadata of a transformation cannot describe a valid transformation.

    Examples: an unknown ``type``, a missing or non-numeric parameter, a matrix whose rows differ
    in length, a rotation matrix that is not orthonormal, a ``mapAxis`` that is no permutation,
    ``byDimension`` output axes that are not covered exactly once.
    """


class UnsupportedTransformError(TransformError):
    """The transformation is valid but this implementation cannot evaluate it as asked.

    Example: a ``coordinates`` field with ``"interpolation": "bspline-cubic"`` (use
    :meth:`~omezarr_models.transforms.FieldTransform.with_interpolation` to pick ``linear`` or
    ``nearest`` explicitly).
    """


class DimensionMismatchError(TransformError):
    """Points (or parameters) do not have the dimensionality the transformation works in.

    Attributes
    ----------
    expected
        The number of coordinates the transformation takes (``None`` if only a bound is known).
    actual
        The number of coordinates given.
    """

    def __init__(
        self,
        problem: str,
        *,
        expected: int | None = None,
        actual: int | None = None,
        transform_type: str | None = None,
        name: str | None = None,
        json_path: str = "",
    ) -> None:
        self.expected = expected
        self.actual = actual
        super().__init__(problem, transform_type=transform_type, name=name, json_path=json_path)


class NotInvertibleError(TransformError):
    """The transformation has no inverse that can be computed in closed form.

    ``projectAxis``, non-square or singular ``affine``, ``scale`` with a zero factor,
    ``coordinates``/``displacements`` outside a ``bijection``, and wrappers (``sequence``,
    ``byDimension``) around any of these.
    """


class UnresolvedParameterError(TransformError):
    """Parameters stored in a zarr array (``path``) were needed but no resolver supplied them.

    Attributes
    ----------
    path
        The ``path`` field of the transformation.
    """

    def __init__(
        self,
        problem: str,
        *,
        path: str,
        transform_type: str | None = None,
        name: str | None = None,
        json_path: str = "",
    ) -> None:
        self.path = path
        super().__init__(problem, transform_type=transform_type, name=name, json_path=json_path)


class OutsideFieldError(TransformError):
    """A point falls outside the sampled extent of a ``coordinates``/``displacements`` field.

    Raised only when the transformation was asked to (``out_of_bounds="raise"``); by default
    such points map to NaN.
    """


class CoordinateSystemNotFoundError(OmeZarrError):
    """A coordinate system (or array space) is not a node of the transformation graph.

    Attributes
    ----------
    ref
        The coordinate system asked for, as text.
    known
        The nodes the graph has, as text.
    """

    def __init__(self, ref: str, known: list[str]) -> None:
        self.ref = ref
        self.known = known
        listed = ", ".join(known) if known else "none"
        super().__init__(f"no coordinate system {ref} in the graph (it has: {listed})")


class NoPathError(OmeZarrError):
    """No chain of (invertible where walked backwards) transformations links two nodes.

    Attributes
    ----------
    source, target
        The two coordinate systems, as text.
    blocked_by
        Transformations that link the two only against their direction and cannot be inverted,
        with the reason (empty if the two are not connected at all).
    """

    def __init__(self, source: str, target: str, blocked_by: list[str]) -> None:
        self.source = source
        self.target = target
        self.blocked_by = blocked_by
        if blocked_by:
            detail = "connected only through transformations that cannot be inverted: " + (
                "; ".join(blocked_by)
            )
        else:
            detail = "the two are not connected by any transformation"
        super().__init__(f"{target} is unreachable from {source}: {detail}")


class LevelNotFoundError(OmeZarrError):
    """A multiscale (or one of its resolution levels) asked for does not exist.

    Attributes
    ----------
    level
        The index or path asked for.
    available
        What exists, as text.
    """

    def __init__(self, level: object, available: list[str], what: str = "level") -> None:
        self.level = level
        self.available = available
        listed = ", ".join(available) if available else "none"
        super().__init__(f"no {what} {level!r} (there are: {listed})")
