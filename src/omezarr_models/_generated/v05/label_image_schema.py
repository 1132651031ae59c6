# Generated from schemas/0.5 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v05 import DocumentBase
from . import image_label_schema, multiscales_schema, omero_schema


class LabelImage(DocumentBase):
    """
    The OME-Zarr Metadata of a label image group: it MUST implement multiscales and SHOULD contain image-label (0.5 §labels-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: Annotated[str, Field(title="OmeVersion")]
    """
    MUST: the version of the OME-Zarr Metadata, a string; consistent within a hierarchy (0.5 §metadata).
    """
    multiscales: Annotated[
        list[multiscales_schema.Multiscale], Field(min_length=1, title="Multiscales")
    ]
    """
    "multiscales": a list of multiscale images, each a 2- to 5-dimensional image stored at several resolutions (0.5 §multiscale-md).
    """
    omero: omero_schema.Omero | None = None
    image_label: Annotated[image_label_schema.ImageLabel, Field(alias="image-label")]
