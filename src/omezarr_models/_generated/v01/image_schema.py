# Generated from schemas/0.1 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v01 import DocumentBase
from pydantic import ConfigDict, Field
from . import multiscales_schema, omero_schema
from typing import Annotated


class Image(DocumentBase):
    """
    The attributes of an image group: its multiscales and, optionally, omero rendering metadata (0.1 §multiscale, §omero).
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
