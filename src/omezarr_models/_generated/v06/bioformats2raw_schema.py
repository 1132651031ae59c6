# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated, Literal
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v06 import DocumentBase


class Bioformats2Raw(DocumentBase):
    """
    Transitional: the OME-Zarr Metadata of the top group of a bioformats2raw collection of images (0.6rc0 §bf2raw). When the group is also a plate, its metadata follows the plate schema, which takes precedence.
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: Annotated[str, Field(title="OmeVersion")]
    """
    MUST: the version of the OME-Zarr Metadata, a string; consistent within a hierarchy (0.6rc0 §metadata).
    """
    bioformats2raw_layout: Annotated[
        Literal[3], Field(alias="bioformats2raw.layout", title="Bioformats2RawLayout")
    ]
    """
    MUST have the value 3 (0.6rc0 §bf2raw-details).
    """
