# Generated from schemas/0.3 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v03 import Base, DocumentBase, WellMetadataBase
from pydantic import ConfigDict


class WellImage(Base):
    """
    One field of view of the well (0.3 §well-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    path: str
    """
    MUST: the path to the field of view (0.3 §well-md).
    """
    acquisition: int | None = None
    """
    The id of the acquisition of this field, which must match one of the plate's acquisitions; SHOULD be present if multiple acquisitions were performed in the plate (a hand-written rule) (0.3 §well-md).
    """


class WellMetadata(WellMetadataBase):
    """
    The fields of view of one well (0.3 §well-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    images: list[WellImage]
    """
    A list of JSON objects defining the fields of view of the well (0.3 §well-md).
    """
    version: str | None = None
    """
    A string, the version of the specification (0.3 §well-md).
    """


class Well(DocumentBase):
    """
    The attributes of a well group of a plate, which MUST implement the well specification: the "well" key (0.3 §well-md, §hcs-layout).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    well: WellMetadata
