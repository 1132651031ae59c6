# Generated from schemas/0.3 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated, Any, Literal
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v03 import Base, MultiscaleBase


class Dataset(Base):
    """
    One resolution level: the path of its array, relative to the current zarr group (0.3 §multiscale-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    path: str
    """
    MUST: the path to the array for this resolution, relative to the current zarr group (0.3 §multiscale-md).
    """


class Multiscale(MultiscaleBase):
    """
    One multiscale image: its axes, its resolution levels (datasets) and, as SHOULD be present, its name, version, downscaling type and metadata (0.3 §multiscale-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: str | None = None
    """
    SHOULD be present: the version of the multiscale metadata of this image (current version is 0.3) (0.3 §multiscale-md).
    """
    name: str | None = None
    """
    SHOULD be present: the name of this multiscale image, by which users can choose among several (0.3 §multiscale-md).
    """
    type: str | None = None
    """
    SHOULD be present: the type of downscaling method used to generate the multiscale image pyramid (0.3 §multiscale-md).
    """
    metadata: dict[str, Any] | None = None
    """
    SHOULD be present: a dictionary with additional information about the downscaling method (0.3 §multiscale-md).
    """
    axes: Annotated[
        list[Literal["t", "c", "z", "y", "x"]],
        Field(max_length=5, min_length=2, title="MultiscaleAxes"),
    ]
    """
    MUST: the names of the dimensions of the image's arrays, as many as the arrays have dimensions. The values MUST be unique and one of "t", "c", "z", "y", "x"; the arrays are up to 5-dimensional with dimension order (t, c, z, y, x) (0.3 §multiscale-md, §image-layout). So there are 2 to 5 names; their order (t, c, z, y, x with some of t, c, z left out, ending with y, x) is a hand-written rule.
    """
    datasets: Annotated[list[Dataset], Field(min_length=1)]
    """
    MUST: the arrays storing the individual resolution levels, ordered from largest (highest resolution) to smallest (0.3 §multiscale-md).
    """
