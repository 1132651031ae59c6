"""OME-Zarr 0.4 and 0.5: lists of ``scale``/``translation`` per dataset and per multiscale.

In these versions a dataset's ``coordinateTransformations`` map its array indices to the physical
space of the ``axes``; the multiscale's own list (if any) is applied after them. Both are plain
lists applied in order, with no ``input``/``output``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from omezarr_models.transforms.base import CoordinateSystemRef, Transform
from omezarr_models.transforms.composite import Sequence
from omezarr_models.transforms.errors import LevelNotFoundError, MalformedTransformError
from omezarr_models.transforms.parse import Resolver, as_json_dict, parse_transforms

LEGACY_TYPES = ("identity", "scale", "translation")
"""The transformation types of 0.4 and 0.5."""


def legacy_transform(
    dataset_transforms: Any,
    multiscale_transforms: Any = None,
    *,
    resolver: Resolver | None = None,
    json_path: str = "",
    multiscale_json_path: str = "",
) -> Transform:
    """Compose a 0.4/0.5 dataset's transformations and then its multiscale's.

    Parameters
    ----------
    dataset_transforms
        The dataset's ``coordinateTransformations`` list (dicts or models).
    multiscale_transforms
        The multiscale's ``coordinateTransformations`` list, if any.
    resolver
        Gives the arrays of transformations stored at a ``path``.
    json_path
        JSON pointer of the dataset list, for messages.
    multiscale_json_path
        JSON pointer of the multiscale list, for messages.

    Returns
    -------
    Transform
        From array indices to the physical space: the only transformation, or a
        :class:`Sequence` of them in order.

    Raises
    ------
    MalformedTransformError
        If an item is malformed or of a type other than identity, scale, translation, or
        there is no transformation at all.
    """
    transforms = parse_transforms(dataset_transforms, resolver=resolver, json_path=json_path)
    if multiscale_transforms is not None:
        transforms += parse_transforms(
            multiscale_transforms,
            resolver=resolver,
            json_path=multiscale_json_path,
        )
    for transform in transforms:
        if transform.type not in LEGACY_TYPES:
            raise transform.error(
                MalformedTransformError,
                f"0.4/0.5 allow only {', '.join(LEGACY_TYPES)}, not {transform.type}",
            )
    if not transforms:
        raise MalformedTransformError("no transformation given", json_path=json_path)
    if len(transforms) == 1:
        return transforms[0]
    return Sequence(transforms, json_path=json_path)


def legacy_level_transform(
    multiscale: Any, level: int | str, *, resolver: Resolver | None = None
) -> Transform:
    """The transformation from a 0.4/0.5 level's array indices to the multiscale's physical space.

    Parameters
    ----------
    multiscale
        One item of ``multiscales`` (a dict or a model).
    level
        The dataset's index in ``datasets`` or its ``path``.
    resolver
        Gives the arrays of transformations stored at a ``path``.

    Returns
    -------
    Transform
        The dataset's transformations followed by the multiscale's, with ``input`` the level's
        array (``CoordinateSystemRef(path=...)``).

    Raises
    ------
    LevelNotFoundError
        If the level does not exist.
    MalformedTransformError
        If the transformations are malformed.
    """
    data = as_json_dict(multiscale)
    datasets = data.get("datasets") if isinstance(data, Mapping) else None
    if not isinstance(datasets, list):
        raise MalformedTransformError("the multiscale has no datasets")
    index = _level_index(datasets, level)
    dataset = datasets[index]
    transform = legacy_transform(
        dataset.get("coordinateTransformations", []),
        data.get("coordinateTransformations"),
        resolver=resolver,
        json_path=f"/datasets/{index}/coordinateTransformations",
        multiscale_json_path="/coordinateTransformations",
    )
    transform.input = CoordinateSystemRef(path=dataset.get("path"))
    return transform


def _level_index(datasets: list[Any], level: int | str) -> int:
    if isinstance(level, int):
        if not -len(datasets) <= level < len(datasets):
            raise LevelNotFoundError(level, [str(i) for i in range(len(datasets))])
        return level % len(datasets)
    for index, dataset in enumerate(datasets):
        if isinstance(dataset, Mapping) and dataset.get("path") == level:
            return index
    paths = [str(d.get("path")) for d in datasets if isinstance(d, Mapping)]
    raise LevelNotFoundError(level, paths)
