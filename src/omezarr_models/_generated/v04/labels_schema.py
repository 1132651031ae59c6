# Generated from schemas/0.4 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v04 import DocumentBase


class Labels(DocumentBase):
    """
    The attributes of the "labels" group under an image: the paths of its label images (0.4 §labels-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    labels: Annotated[list[str], Field(title="LabelPaths")]
    """
    The paths to the label images found underneath the labels group (0.4 §labels-md).
    """
