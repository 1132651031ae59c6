"""omezarr_models: schema-first OME-Zarr (OME-NGFF) metadata: validation, typed models, schemas.

Quick start
-----------
>>> from omezarr_models import validate_attributes
>>> report = validate_attributes({"labels": ["cells"]}, version="0.4")
>>> report.valid, report.kind
(True, 'labels')

The typed models live in one subpackage per version (``omezarr_models.v04``, ``.v05``, ``.v06``
for 0.6rc0); they
are imported on first use, so that ``import omezarr_models`` stays fast (and never imports dask or
zarr).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from omezarr_models.documents import Document, load_document
from omezarr_models.errors import OmeZarrError, UnusableInputError
from omezarr_models.report import Issue, Report, Severity
from omezarr_models.schemas import load_schema
from omezarr_models.schemas import versions as supported_versions
from omezarr_models.validate import validate_attributes, validate_path

if TYPE_CHECKING:
    from omezarr_models import build, v01, v02, v03, v04, v05, v06
    from omezarr_models.conversion import ConversionError, ConversionReport, convert
    from omezarr_models.dataset import DatasetReport, open_ome_zarr, validate_dataset

__version__ = "0.1.0"

__all__ = [
    "ConversionError",
    "ConversionReport",
    "DatasetReport",
    "Document",
    "Issue",
    "OmeZarrError",
    "Report",
    "Severity",
    "UnusableInputError",
    "build",
    "convert",
    "load_document",
    "load_schema",
    "open_ome_zarr",
    "supported_versions",
    "v01",
    "v02",
    "v03",
    "v04",
    "v05",
    "v06",
    "validate_attributes",
    "validate_dataset",
    "validate_path",
]

_LAZY = {"v01", "v02", "v03", "v04", "v05", "v06", "build"}
# Conversion between versions (omezarr_models.conversion): imported on first use.
_CONVERT = {"convert", "ConversionError", "ConversionReport"}
# Dataset access needs zarr-python: imported on first use, not with the package.
_DATASET = {"validate_dataset", "open_ome_zarr", "DatasetReport"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return importlib.import_module(f"omezarr_models.{name}")
    if name in _CONVERT:
        return getattr(importlib.import_module("omezarr_models.conversion"), name)
    if name in _DATASET:
        return getattr(importlib.import_module("omezarr_models.dataset"), name)
    raise AttributeError(f"module 'omezarr_models' has no attribute {name!r}")
