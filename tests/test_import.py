"""Importing the models package stays light: no dask, no zarr, no pydantic until asked for."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after(code: str) -> dict[str, bool]:
    probe = (
        f"{code}\nimport json, sys\n"
        "print(json.dumps({m: m in sys.modules for m in ('dask', 'zarr', 'pydantic', 'numpy')}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def test_import_omezarr_models_imports_neither_dask_nor_zarr() -> None:
    loaded = _modules_after("import omezarr_models")
    assert loaded == {"dask": False, "zarr": False, "pydantic": False, "numpy": False}


def test_validation_needs_no_models() -> None:
    loaded = _modules_after(
        "from omezarr_models import validate_attributes\n"
        "assert validate_attributes({'labels': ['a']}, version='0.4').valid"
    )
    assert loaded["pydantic"] is False
    assert loaded["dask"] is False


def test_models_are_imported_on_first_use() -> None:
    loaded = _modules_after("import omezarr_models\nomezarr_models.v05.Axis(name='x')")
    assert loaded["pydantic"] is True
    assert loaded["dask"] is False
