# Generated from schemas/0.1 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v01 import Base, MultiscaleBase
from pydantic import ConfigDict, Field
from typing import Annotated


class Dataset(Base):
    """
    One resolution level: the path of its array, relative to the current zarr group (0.1 §multiscale).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    path: str
    """
    the path to the array for this resolution, relative to the current zarr group (0.1 §multiscale).
    """


class Multiscale(MultiscaleBase):
    """
    One multiscale image: its name and its resolution levels (datasets) (0.1 §multiscale).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: str | None = None
    """
    The version of this metadata. The 0.1 text does not describe the field (its multiscales are specified in zarr-specs#50); when present it is a string like the other version fields of 0.1 (0.1 §multiscale).
    """
    name: str | None = None
    """
    The name of this multiscale image, by which a user can choose among several (0.1 §multiscale).
    """
    datasets: Annotated[list[Dataset], Field(min_length=1)]
    """
    The resolution levels, one array each, ordered from highest resolution to lowest (0.1 §multiscale, §image-layout).
    """
