# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v06 import DocumentBase


class Labels(DocumentBase):
    """
    The OME-Zarr Metadata (the "ome" object in zarr.json attributes) of the "labels" group under an image: the paths of its label images (0.6rc0 §labels-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: Annotated[str, Field(title="OmeVersion")]
    """
    MUST: the version of the OME-Zarr Metadata, a string; consistent within a hierarchy (0.6rc0 §metadata).
    """
    labels: Annotated[list[str], Field(title="LabelPaths")]
    """
    The paths to the label images found underneath the labels group (0.6rc0 §labels-md).
    """
