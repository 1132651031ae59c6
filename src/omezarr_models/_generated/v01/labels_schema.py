# Generated from schemas/0.1 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v01 import DocumentBase


class Labels(DocumentBase):
    """
    The attributes of the special group "labels" under an image: the paths of its label images (0.1 §labels).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    labels: Annotated[list[str], Field(title="LabelPaths")]
    """
    The paths to the label objects which can be found underneath the labels group; unlisted groups MAY be labels (0.1 §labels).
    """
