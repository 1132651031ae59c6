# Generated from schemas/0.2 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v02 import Base, MultiscaleBase
from pydantic import ConfigDict, Field
from typing import Annotated, Any


class Dataset(Base):
    """
    One resolution level: the path of its array, relative to the current zarr group (0.2 §multiscale-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    path: str
    """
    MUST: the path to the array for this resolution, relative to the current zarr group (0.2 §multiscale-md).
    """


class Multiscale(MultiscaleBase):
    """
    One multiscale image: its resolution levels (datasets) and, as SHOULD be present, its name, version, downscaling type and metadata (0.2 §multiscale-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: str | None = None
    """
    SHOULD be present: the version of the multiscale metadata of this image (current version is 0.2) (0.2 §multiscale-md).
    """
    name: str | None = None
    """
    SHOULD be present: the name of this multiscale image, by which users can choose among several (0.2 §multiscale-md).
    """
    type: str | None = None
    """
    SHOULD be present: the type of downscaling method used to generate the multiscale image pyramid (0.2 §multiscale-md).
    """
    metadata: dict[str, Any] | None = None
    """
    SHOULD be present: a dictionary with additional information about the downscaling method (0.2 §multiscale-md).
    """
    datasets: Annotated[list[Dataset], Field(min_length=1)]
    """
    MUST: the arrays storing the individual resolution levels, ordered from largest (highest resolution) to smallest (0.2 §multiscale-md).
    """
