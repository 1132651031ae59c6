# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v06 import DocumentBase


class Series(DocumentBase):
    """
    Transitional: the OME-Zarr Metadata of the "OME" group of a bioformats2raw collection, listing its images (0.6rc0 §bf2raw-details).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: Annotated[str, Field(title="OmeVersion")]
    """
    MUST: the version of the OME-Zarr Metadata, a string; consistent within a hierarchy (0.6rc0 §metadata).
    """
    series: Annotated[list[str], Field(title="SeriesList")]
    """
    MUST be a list of strings, each the path to an image group, in the order of the Image elements of OME/METADATA.ome.xml (0.6rc0 §bf2raw-details).
    """
