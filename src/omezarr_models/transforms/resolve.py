"""Resolvers: where the arrays behind a transformation's ``path`` come from.

A resolver is any callable ``path -> numpy array`` (or ``-> SampledField`` for a field with its
grid transformation). :func:`zarr_resolver` reads them from a zarr group; :func:`mapping_resolver`
from a dict (handy in tests and for arrays already in memory).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from omezarr_models.transforms.axes import Identity
from omezarr_models.transforms.base import Transform, join_path
from omezarr_models.transforms.composite import Sequence
from omezarr_models.transforms.errors import MalformedTransformError
from omezarr_models.transforms.fields import SampledField
from omezarr_models.transforms.linear import Scale, Translation
from omezarr_models.transforms.parse import Resolver, parse_transforms

FIELD_AXIS_TYPES = ("displacement", "coordinate")
"""Axis types that mark the vector dimension of a coordinates/displacements field."""


def mapping_resolver(arrays: Mapping[str, npt.ArrayLike | SampledField]) -> Resolver:
    """A resolver looking paths up in a mapping.

    Parameters
    ----------
    arrays
        ``path -> array`` (or :class:`SampledField`).

    Returns
    -------
    Resolver
        Raises ``KeyError`` for a path not in ``arrays`` (reported by the parser as
        :class:`UnresolvedParameterError`).
    """

    def resolve(path: str) -> Any:
        value = arrays[path]
        return value if isinstance(value, SampledField) else np.asarray(value)

    return resolve


def prefixed_resolver(resolver: Resolver, prefix: str | None) -> Resolver:
    """A resolver for paths relative to the subgroup ``prefix`` of what ``resolver`` reads."""
    if not prefix:
        return resolver

    def resolve(path: str) -> Any:
        return resolver(join_path(prefix, path) or "")

    return resolve


def zarr_resolver(group: Any) -> Callable[[str], np.ndarray[Any, Any] | SampledField]:
    """A resolver reading from a zarr group (zarr-python 3, imported here only).

    Parameters
    ----------
    group
        A ``zarr.Group``, or anything ``zarr.open_group(..., mode="r")`` opens (a path, a store).

    Returns
    -------
    Resolver
        For a path naming an array: its whole content as a numpy array. For a path naming a
        multiscale group (a coordinates/displacements field, as the spec stores them): a
        :class:`SampledField` of its first dataset, the vector axis found by its axis ``type``
        (``displacement``/``coordinate``; the first axis if none is typed) and the grid
        transformation from the dataset's ``coordinateTransformations`` (its component along
        the vector axis left out when it has one).
    """
    import zarr

    root = group if isinstance(group, zarr.Group) else zarr.open_group(group, mode="r")

    def resolve(path: str) -> np.ndarray[Any, Any] | SampledField:
        node = root[path]
        if isinstance(node, zarr.Array):
            return np.asarray(node[...])
        return _field_from_group(node, path)

    return resolve


def _field_from_group(group: Any, path: str) -> SampledField:
    attrs = dict(group.attrs)
    ome = attrs.get("ome", attrs)
    multiscales = ome.get("multiscales") if isinstance(ome, Mapping) else None
    if not isinstance(multiscales, list) or not multiscales:
        raise MalformedTransformError(
            f"the group at {path!r} is neither an array nor a multiscale group holding a field"
        )
    multiscale = multiscales[0]
    datasets = multiscale.get("datasets") or []
    if not datasets:
        raise MalformedTransformError(f"the multiscale field at {path!r} has no datasets")
    dataset = datasets[0]
    values = np.asarray(group[dataset["path"]][...])
    vector_axis = _vector_axis(multiscale, dataset, values.ndim)
    json_path = f"{path}/multiscales/0/datasets/0/coordinateTransformations"
    transforms = parse_transforms(dataset.get("coordinateTransformations", []), json_path=json_path)
    grid: Transform | None
    if not transforms:
        grid = None
    elif len(transforms) == 1:
        grid = transforms[0]
    else:
        grid = Sequence(transforms, json_path=json_path)
    if grid is not None and grid.input_ndim == values.ndim:
        grid = drop_axis(grid, vector_axis)
    return SampledField(values, vector_axis=vector_axis, grid_to_input=grid)


def _vector_axis(multiscale: Mapping[str, Any], dataset: Mapping[str, Any], ndim: int) -> int:
    output = None
    for transform in dataset.get("coordinateTransformations") or []:
        if isinstance(transform, Mapping) and isinstance(transform.get("output"), Mapping):
            output = transform["output"].get("name")
    systems = [cs for cs in multiscale.get("coordinateSystems") or [] if isinstance(cs, Mapping)]
    chosen = [cs for cs in systems if cs.get("name") == output] or systems
    for system in chosen:
        axes = system.get("axes") or []
        if len(axes) != ndim:
            continue
        for index, axis in enumerate(axes):
            if isinstance(axis, Mapping) and axis.get("type") in FIELD_AXIS_TYPES:
                return index
    return 0


def drop_axis(transform: Transform, axis: int) -> Transform:
    """The same per-axis transformation without its component along ``axis``.

    Parameters
    ----------
    transform
        An ``identity``, ``scale``, ``translation`` or a ``sequence`` of them.
    axis
        The axis to remove.

    Returns
    -------
    Transform
        The transformation of the remaining axes.

    Raises
    ------
    MalformedTransformError
        For other types (whose axes are not independent).
    """
    if isinstance(transform, Identity):
        return transform
    if isinstance(transform, Scale | Translation):
        return type(transform)(
            np.delete(transform.values, axis),
            name=transform.name,
            input=transform.input,
            output=transform.output,
            json_path=transform.json_path,
        )
    if isinstance(transform, Sequence):
        return Sequence(
            [drop_axis(member, axis) for member in transform.transformations],
            name=transform.name,
            input=transform.input,
            output=transform.output,
            json_path=transform.json_path,
        )
    raise transform.error(
        MalformedTransformError,
        f"cannot leave out axis {axis} of a {transform.type} (only identity, scale, translation)",
    )
