# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v06 import Base, DocumentBase, WellMetadataBase


class WellImage(Base):
    """
    One field of view of a well (0.6rc0 §well-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    path: Annotated[str, Field(pattern="^[A-Za-z0-9._-]+$")]
    """
    MUST: the path to the field of view, case-sensitive, unique within the well; a zarr node name: only a-z, A-Z, 0-9, '-', '_' and '.', not empty, no '/', not only periods, not starting with '__' (0.6rc0 §well-md).
    """
    acquisition: int | None = None
    """
    The integer id of the acquisition of this field; MUST be present when the plate has several acquisitions and MUST match one of them (0.6rc0 §well-md).
    """


class WellMetadata(WellMetadataBase):
    """
    The fields of view of one well (0.6rc0 §well-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    images: list[WellImage]
    """
    MUST: every field of view of the well (0.6rc0 §well-md).
    """
    version: str | None = None
    """
    Superseded by the "version" of the OME-Zarr Metadata (0.6rc0 §metadata); when present it must agree with it.
    """


class Well(DocumentBase):
    """
    The OME-Zarr Metadata (the "ome" object in zarr.json attributes) of a well group of a plate: the "well" key (0.6rc0 §well-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: Annotated[str, Field(title="OmeVersion")]
    """
    MUST: the version of the OME-Zarr Metadata, a string; consistent within a hierarchy (0.6rc0 §metadata).
    """
    well: WellMetadata
