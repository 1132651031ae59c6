# Generated from schemas/0.1 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v01 import DocumentBase
from . import image_label_schema, multiscales_schema, omero_schema


class LabelImage(DocumentBase):
    """
    The attributes of a label image group: image-label metadata, and multiscales, which image-label groups MUST also contain; the two "datasets" series MUST have the same number of entries (a rule on the hierarchy) (0.1 §image-label).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    multiscales: Annotated[
        list[multiscales_schema.Multiscale], Field(min_length=1, title="Multiscales")
    ]
    """
    "multiscales": a list of multiscale images, each stored at several resolutions. The 0.1 text defers the specification to zarr-specs#50 and states only how to read it: choose a multiscale by "name" (the first as a fallback) and take the "path" of each of its "datasets", ordered from highest to lowest resolution (0.1 §multiscale).
    """
    omero: omero_schema.Omero | None = None
    image_label: Annotated[image_label_schema.ImageLabel, Field(alias="image-label")]
