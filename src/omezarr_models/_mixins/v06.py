"""Base classes of the generated OME-Zarr 0.6rc0 models (named in pyproject's codegen profile v06)."""

from __future__ import annotations

from omezarr_models._mixins import version_bases
from omezarr_models.rules.coordinates import check_scene

_BASES = version_bases(
    "0.6rc0", namespaced=True, extra={"SceneMetadataBase": check_scene}, tag="v06"
)
Base = _BASES["Base"]
MultiscaleBase = _BASES["MultiscaleBase"]
PlateMetadataBase = _BASES["PlateMetadataBase"]
WellMetadataBase = _BASES["WellMetadataBase"]
ImageLabelBase = _BASES["ImageLabelBase"]
DocumentBase = _BASES["DocumentBase"]
SceneMetadataBase = _BASES["SceneMetadataBase"]
