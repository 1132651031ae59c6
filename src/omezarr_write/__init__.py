"""omezarr_write: validated OME-Zarr metadata plus Dask-computed pyramids into zarr groups.

Writes OME-Zarr 0.4 (zarr v2) and 0.5 (zarr v3, optionally sharded). Every write is
described by metadata that passes :func:`omezarr_models.validate_attributes` before any byte
is written, the arrays are computed in one pass over the source with bounded memory, and the
metadata lands last, so nothing half-written ever claims to be a complete image.

Needs the ``write`` extra (dask, numpy).
"""

from __future__ import annotations

from omezarr_write.bf2raw import write_bioformats2raw
from omezarr_write.convert import convert_dataset
from omezarr_write.errors import (
    DestinationError,
    DestinationExistsError,
    InvalidArgumentError,
    InvalidMetadataError,
    WriteError,
)
from omezarr_write.hcs import write_plate, write_well
from omezarr_write.image import write_image
from omezarr_write.labels import write_labels
from omezarr_write.pyramid import build_pyramid

__all__ = [
    "DestinationError",
    "DestinationExistsError",
    "InvalidArgumentError",
    "InvalidMetadataError",
    "WriteError",
    "build_pyramid",
    "convert_dataset",
    "write_bioformats2raw",
    "write_image",
    "write_labels",
    "write_plate",
    "write_well",
]
