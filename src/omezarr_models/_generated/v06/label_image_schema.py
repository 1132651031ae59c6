# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v06 import DocumentBase
from . import image_label_schema, multiscales_schema, omero_schema


class LabelImage(DocumentBase):
    """
    The OME-Zarr Metadata of a label image group: it MUST implement multiscales and SHOULD contain image-label (0.6rc0 §labels-md).
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
    image_label: Annotated[image_label_schema.ImageLabel, Field(alias="image-label")]
