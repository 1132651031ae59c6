# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v06 import DocumentBase
from pydantic import ConfigDict, Field
from . import multiscales_schema, omero_schema
from typing import Annotated


class Image(DocumentBase):
    """
    The OME-Zarr Metadata (the "ome" object in zarr.json attributes) of an image group: the version, its multiscales and, optionally, omero rendering metadata (0.6rc0 §multiscales-md, §omero-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: Annotated[str, Field(title="OmeVersion")]
    """
    MUST: the version of the OME-Zarr Metadata, a string; consistent within a hierarchy (0.6rc0 §metadata).
    """
    multiscales: Annotated[
        list[multiscales_schema.Multiscale], Field(min_length=1, title="Multiscales")
    ]
    """
    "multiscales": a list of multiscale images, each a 2- to 5-dimensional image stored at several resolutions, with its coordinate systems (0.6rc0 §multiscales-md).
    """
    omero: omero_schema.Omero | None = None
