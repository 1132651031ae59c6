"""numpy only with this subpackage; zarr only inside zarr_resolver."""

from __future__ import annotations

import json
import subprocess
import sys


def _loaded_after(code: str) -> dict[str, bool]:
    modules = ("numpy", "zarr", "pydantic", "omezarr_models.transforms")
    probe = (
        f"{code}\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {modules!r}}}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def test_import_omezarr_models_imports_neither_numpy_nor_transforms() -> None:
    loaded = _loaded_after("import omezarr_models")
    assert loaded["numpy"] is False
    assert loaded["omezarr_models.transforms"] is False


def test_transforms_import_numpy_but_not_zarr_or_pydantic() -> None:
    loaded = _loaded_after("import omezarr_models.transforms")
    assert loaded == {
        "numpy": True,
        "zarr": False,
        "pydantic": False,
        "omezarr_models.transforms": True,
    }
