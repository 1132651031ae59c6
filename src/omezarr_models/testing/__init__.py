"""Testing helpers for code that reads or writes OME-Zarr metadata.

:mod:`omezarr_models.testing.strategies` holds `Hypothesis <https://hypothesis.works>`_
strategies that draw OME-Zarr 0.1 to 0.5 attributes documents: valid ones (optionally
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
    AXIS_ORDERS_03,
    KINDS,
    SPACE_UNITS,
    TIME_UNITS,
    VERSIONS,
    Mutated,
    axes,
    bioformats2raw,
    documents,
    image_label,
    json_values,
    kinds,
    labels,
    multiscale,
    mutation_codes,
    mutations,
    omero,
    plate_metadata,
    series,
    well_metadata,
)

__all__ = [
    "AXIS_ORDERS_03",
    "KINDS",
    "SPACE_UNITS",
    "TIME_UNITS",
    "VERSIONS",
    "Mutated",
    "axes",
    "bioformats2raw",
    "documents",
    "image_label",
    "json_values",
    "kinds",
    "labels",
    "multiscale",
    "mutation_codes",
    "mutations",
    "omero",
    "plate_metadata",
    "series",
    "well_metadata",
]
