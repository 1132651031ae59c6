# Generated from schemas/0.4 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v04 import Base, DocumentBase, WellMetadataBase


class WellImage(Base):
    """
    One field of view of a well (0.4 §well-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    path: Annotated[str, Field(pattern="^[A-Za-z0-9]+$")]
    """
    MUST: the path to the field of view, alphanumeric, case-sensitive, unique within the well (0.4 §well-md).
    """
    acquisition: int | None = None
    """
    The integer id of the acquisition of this field; MUST be present when the plate has several acquisitions and MUST match one of them (0.4 §well-md).
    """


class WellMetadata(WellMetadataBase):
    """
    The fields of view of one well (0.4 §well-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    images: list[WellImage]
    """
    MUST: every field of view of the well (0.4 §well-md).
    """
    version: str | None = None
    """
    SHOULD be present: the version of the well specification (0.4 §well-md).
    """


class Well(DocumentBase):
    """
    The attributes of a well group of a plate: the "well" key (0.4 §well-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    well: WellMetadata
