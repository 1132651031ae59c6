# Generated from schemas/0.5 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated, Any
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v05 import Base, MultiscaleBase
from . import axes_schema, coordinate_transformations_schema


class Dataset(Base):
    """
    One resolution level: the path of its array, relative to the image group, and the transformations from array to physical coordinates (0.5 §multiscale-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    path: str
    """
    MUST: the path to the array of this resolution level, relative to the current zarr group (0.5 §multiscale-md).
    """
    coordinateTransformations: Annotated[
        list[coordinate_transformations_schema.ScaleOrTranslation],
        Field(min_length=1, title="MultiscaleTransformations"),
    ]
    """
    MUST: exactly one `scale`, then at most one `translation`; each vector as long as the axes (0.5 §multiscale-md).
    """


class Multiscale(MultiscaleBase):
    """
    One multiscale image: its axes, its resolution levels (datasets) and how they map to physical space (0.5 §multiscale-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    name: str | None = None
    """
    SHOULD be present: the name of this multiscale image, by which users can choose among several (0.5 §multiscale-md).
    """
    type: str | None = None
    """
    SHOULD be present: the type of downscaling method used to generate the pyramid (0.5 §multiscale-md).
    """
    metadata: dict[str, Any] | None = None
    """
    SHOULD be present: additional information about the downscaling method (0.5 §multiscale-md).
    """
    axes: Annotated[
        list[axes_schema.Axis], Field(max_length=5, min_length=2, title="MultiscaleAxes")
    ]
    """
    The axes of a multiscale image: 2 to 5 axes, 2 or 3 of type space, at most one of type time and at most one of type channel or a custom type, ordered time, channel/custom, space (0.5 §multiscale-md). Space count: `contains`; at most one time axis: `if`/`then`; at most one channel or custom axis: `not`.
    """
    datasets: Annotated[list[Dataset], Field(min_length=1)]
    """
    MUST: the resolution levels, ordered from largest (highest resolution) to smallest (0.5 §multiscale-md).
    """
    coordinateTransformations: Annotated[
        list[coordinate_transformations_schema.ScaleOrTranslation] | None,
        Field(min_length=1, title="MultiscaleTransformations"),
    ] = None
    """
    MAY: transformations applied to all resolution levels after their own; the same rules as for a dataset's transformations apply (0.5 §multiscale-md).
    """
