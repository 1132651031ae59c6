# Generated from schemas/0.2 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v02 import DocumentBase
from pydantic import ConfigDict, Field
from . import multiscales_schema, omero_schema
from typing import Annotated


class Image(DocumentBase):
    """
    The attributes of an image group: its multiscales and, optionally, omero rendering metadata (0.2 §multiscale-md, §omero-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    multiscales: Annotated[
        list[multiscales_schema.Multiscale], Field(min_length=1, title="Multiscales")
    ]
    """
    "multiscales": a list of dictionaries, each describing a multiscale image stored at several resolutions (0.2 §multiscale-md).
    """
    omero: omero_schema.Omero | None = None
