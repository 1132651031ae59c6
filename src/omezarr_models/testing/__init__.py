"""Testing helpers for code that reads or writes OME-Zarr metadata.

:mod:`omezarr_models.testing.strategies` holds `Hypothesis <https://hypothesis.works>`_
strategies that draw OME-Zarr 0.4 and 0.5 attributes documents: valid ones (optionally
satisfying every SHOULD rule too) and documents broken on purpose, each paired with the issue
code the validator must report.

This subpackage needs ``hypothesis`` (installed with the ``test`` extra); importing
``omezarr_models`` alone never imports it.

Examples
--------
>>> from omezarr_models.testing import documents
>>> strategy = documents("0.4", "image", strict=True)
"""

from __future__ import annotations

from omezarr_models.testing.strategies import (
    KINDS,
    SPACE_UNITS,
    TIME_UNITS,
    VERSIONS,
    axes,
    bioformats2raw,
    documents,
    image_label,
    json_values,
    labels,
    multiscale,
    mutation_codes,
    omero,
    plate_metadata,
    series,
    well_metadata,
)

__all__ = [
    "KINDS",
    "SPACE_UNITS",
    "TIME_UNITS",
    "VERSIONS",
    "axes",
    "bioformats2raw",
    "documents",
    "image_label",
    "json_values",
    "labels",
    "multiscale",
    "mutation_codes",
    "omero",
    "plate_metadata",
    "series",
    "well_metadata",
]
