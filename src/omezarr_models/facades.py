"""The typed-model module (façade) of each OME-Zarr version."""

from __future__ import annotations

import importlib
from types import ModuleType

#: Façade module names by version: ``omezarr_models.<name>``.
MODULES = {
    "0.1": "v01",
    "0.2": "v02",
    "0.3": "v03",
    "0.4": "v04",
    "0.5": "v05",
    "0.6rc0": "v06",
}


def facade(version: str) -> ModuleType:
    """The module with the stable model names of ``version`` (``omezarr_models.v05``...).

    Raises
    ------
    KeyError
        For a version that has no models.
    """
    return importlib.import_module(f"omezarr_models.{MODULES[version]}")
