"""Base classes of the generated OME-Zarr 0.3 models (named in pyproject's codegen profile v03)."""

from __future__ import annotations

from omezarr_models._mixins import version_bases

_BASES = version_bases("0.3", namespaced=False)
Base = _BASES["Base"]
MultiscaleBase = _BASES["MultiscaleBase"]
PlateMetadataBase = _BASES["PlateMetadataBase"]
WellMetadataBase = _BASES["WellMetadataBase"]
ImageLabelBase = _BASES["ImageLabelBase"]
DocumentBase = _BASES["DocumentBase"]
