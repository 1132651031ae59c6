"""Base classes of the generated OME-Zarr 0.2 models (named in pyproject's codegen profile v02)."""

from __future__ import annotations

from omezarr_models._mixins import version_bases

_BASES = version_bases("0.2", namespaced=False)
Base = _BASES["Base"]
MultiscaleBase = _BASES["MultiscaleBase"]
PlateMetadataBase = _BASES["PlateMetadataBase"]
WellMetadataBase = _BASES["WellMetadataBase"]
ImageLabelBase = _BASES["ImageLabelBase"]
DocumentBase = _BASES["DocumentBase"]
