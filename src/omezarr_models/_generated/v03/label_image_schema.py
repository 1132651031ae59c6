# Generated from schemas/0.3 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v03 import DocumentBase
from . import image_label_schema, multiscales_schema, omero_schema


class LabelImage(DocumentBase):
    """
    The attributes of a label image group: image-label metadata, and multiscales, which image-label groups MUST also contain; the two "datasets" series MUST have the same number of entries (a rule on the hierarchy) (0.3 §image-label).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    multiscales: Annotated[
        list[multiscales_schema.Multiscale], Field(min_length=1, title="Multiscales")
    ]
    """
    "multiscales": a list of dictionaries, each describing a multiscale image stored at several resolutions (0.3 §multiscale-md).
    """
    omero: omero_schema.Omero | None = None
    image_label: Annotated[image_label_schema.ImageLabel, Field(alias="image-label")]
