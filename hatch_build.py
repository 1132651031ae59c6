"""Build hook: compile the optional C extension ``omezarr_models._speedups``.

The extension is the native fast path of metadata validation (``src/omezarr_models/_speedups.c``).
It is optional: when no C compiler is available the package installs without it and validates
with jsonschema-rs and Python alone (same reports, slower), and this hook says so.

A regular wheel carries the compiled module; an editable install (``pip install -e .``) puts it
beside the sources in ``src/omezarr_models/``, where the editable package is imported from.
``OMEZARR_BUILD_SPEEDUPS=0`` skips the build; ``=1`` makes a failed build an error (CI).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "omezarr_models._speedups"
SOURCE = Path("src", "omezarr_models", "_speedups.c")


def compile_extension(root: Path, out_dir: Path) -> Path:
    """Compile the extension with setuptools' compiler driver; return the built file."""
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    extension = Extension(
        MODULE,
        sources=[str(root / SOURCE)],
        extra_compile_args=["-O2"] if os.name != "nt" else [],
    )
    dist = Distribution({"name": "omezarr-speedups", "ext_modules": [extension]})
    command = build_ext(dist)
    command.build_lib = str(out_dir / "lib")
    command.build_temp = str(out_dir / "temp")
    command.ensure_finalized()
    command.run()
    return Path(command.get_ext_fullpath(MODULE))


class SpeedupsBuildHook(BuildHookInterface):  # type: ignore[misc]
    """Compiles ``_speedups.c`` for wheels and editable installs."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        wanted = os.environ.get("OMEZARR_BUILD_SPEEDUPS", "")
        if wanted == "0":
            return
        root = Path(self.root)
        tmp = Path(tempfile.mkdtemp(prefix="omezarr-speedups-"))
        try:
            built = compile_extension(root, tmp)
        except Exception as exc:
            if wanted == "1":
                raise
            self.app.display_warning(
                f"omezarr: the C extension {MODULE} was not built ({exc}); validation works "
                "without it, only slower"
            )
            return
        if version == "editable":
            target = root / SOURCE.parent / built.name
            shutil.copyfile(built, target)
        else:
            keep = Path(self.directory) / ".speedups"
            keep.mkdir(parents=True, exist_ok=True)
            target = keep / built.name
            shutil.copyfile(built, target)
            build_data["force_include"][str(target)] = f"omezarr_models/{built.name}"
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        shutil.rmtree(tmp, ignore_errors=True)
