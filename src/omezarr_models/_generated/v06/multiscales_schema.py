# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated, Any
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v06 import Base, MultiscaleBase
from typing_extensions import TypeAliasType
from . import axes_schema, coordinate_systems_schema, coordinate_transformations_schema


MultiscaleAxes = TypeAliasType(
    "MultiscaleAxes",
    Annotated[list[axes_schema.Axis], Field(max_length=5, min_length=2, title="MultiscaleAxes")],
)
"""
The axes of a coordinate system of a multiscale image: 2 to 5 axes, 2 or 3 of type space, at most one of type time and at most one of type channel or a custom type (or none), ordered time, channel/custom, space (0.6rc0 §multiscales-md). Space count: `contains`; at most one time axis: `if`/`then`; at most one channel or custom axis: `not`.
"""


class Multiscale(MultiscaleBase):
    """
    One multiscale image: its coordinate systems, its resolution levels (datasets) with their transformations to the intrinsic coordinate system, and further transformations (0.6rc0 §multiscales-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    coordinateSystems: Annotated[
        list[coordinate_systems_schema.CoordinateSystem], Field(min_length=1)
    ]
    """
    MUST: the coordinate systems of the multiscale image; the names are unique; every one of them has the multiscale axes (0.6rc0 §multiscales-md, §coordinate-systems-md).
    """
    datasets: Annotated[list[Dataset], Field(min_length=1)]
    """
    MUST: the resolution levels, ordered from largest (highest resolution) to smallest (0.6rc0 §multiscales-md).
    """
    coordinateTransformations: (
        list[
            coordinate_transformations_schema.Identity
            | coordinate_transformations_schema.MapAxis
            | coordinate_transformations_schema.ProjectAxis
            | coordinate_transformations_schema.Translation
            | coordinate_transformations_schema.Scale
            | coordinate_transformations_schema.Affine
            | coordinate_transformations_schema.Rotation
            | coordinate_transformations_schema.Sequence
            | coordinate_transformations_schema.Coordinates
            | coordinate_transformations_schema.Displacements
            | coordinate_transformations_schema.ByDimension
            | coordinate_transformations_schema.Bijection
        ]
        | None
    ) = None
    """
    MAY: further transformations applied to all resolution levels alike; each goes from or to the intrinsic coordinate system, to or from another coordinate system of this multiscale or of a child label image (0.6rc0 §multiscales-md, §coord-trafo-constraints).
    """
    name: str | None = None
    """
    SHOULD be present: the name of this multiscale image, by which users can choose among several (0.6rc0 §multiscales-md).
    """
    type: str | None = None
    """
    SHOULD be present: the type of downscaling method used to generate the pyramid (0.6rc0 §multiscales-md).
    """
    metadata: dict[str, Any] | None = None
    """
    SHOULD be present: additional information about the downscaling method (0.6rc0 §multiscales-md).
    """


class Dataset(Base):
    """
    One resolution level: the path of its array, relative to the image group, and the transformation from its array coordinates to the intrinsic coordinate system (0.6rc0 §multiscales-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    path: str
    """
    MUST: the path to the array of this resolution level, relative to the current zarr group (0.6rc0 §multiscales-md).
    """
    coordinateTransformations: Annotated[
        list[coordinate_transformations_schema.DatasetTransformation],
        Field(max_length=1, min_length=1, title="DatasetTransformations"),
    ]
    """
    The transformations of a resolution level: exactly one (0.6rc0 §coord-trafo-constraints), whose `input` names the level's array by `path` and whose `output` names the intrinsic coordinate system by `name` (0.6rc0 §multiscales-md).
    """


Multiscale.model_rebuild()
