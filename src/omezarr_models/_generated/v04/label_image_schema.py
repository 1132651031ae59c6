# Generated from schemas/0.4 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v04 import DocumentBase
from . import image_label_schema, multiscales_schema, omero_schema


class LabelImage(DocumentBase):
    """
    The attributes of a label image group: image-label metadata, and multiscales as for any image (0.4 §label-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    multiscales: Annotated[
        list[multiscales_schema.Multiscale], Field(min_length=1, title="Multiscales")
    ]
    """
    "multiscales": a list of multiscale images, each a 2- to 5-dimensional image stored at several resolutions (0.4 §multiscale-md).
    """
    omero: omero_schema.Omero | None = None
    image_label: Annotated[image_label_schema.ImageLabel, Field(alias="image-label")]
