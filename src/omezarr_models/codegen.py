"""Regenerate the pydantic models from the schemas, or check that the committed ones are current.

Usage: ``python -m omezarr_models.codegen [--check]``. Needs the ``dev`` extra
(datamodel-code-generator, pinned in pyproject.toml, whose profiles ``v04``, ``v05``... hold the
options). Only a repository checkout can be regenerated: the schemas are read from ``schemas/``.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = REPO / "schemas"
GENERATED = Path(__file__).resolve().parent / "_generated"
SCRATCH = REPO / ".codegen-check"
#: Schemas that only the validator uses: no models are generated from them.
ENGINE_ONLY = frozenset({"attributes.schema.json"})
VERSIONS = {"0.1": "v01", "0.2": "v02", "0.3": "v03", "0.4": "v04", "0.5": "v05", "0.6rc0": "v06"}


def generate(version: str, out: Path) -> None:
    """Generate the models of ``version`` into the package folder ``out``."""
    tag = VERSIONS[version]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "schemas"
        src.mkdir()
        for path in sorted((SCHEMAS / version).glob("*.schema.json")):
            if path.name not in ENGINE_ONLY:
                shutil.copy(path, src / path.name)
        cmd = [
            sys.executable,
            "-m",
            "datamodel_code_generator",
            "--profile",
            tag,
            "--input",
            str(src),
            "--output",
            str(out),
        ]
        done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"datamodel-codegen failed for {version}:\n{done.stderr}")
    shutil.rmtree(out / ".ruff_cache", ignore_errors=True)


def _diff(a: Path, b: Path) -> list[str]:
    cmp = filecmp.dircmp(a, b, ignore=["__pycache__"])
    out = [f"only in committed: {n}" for n in cmp.left_only if n != ".ruff_cache"]
    out += [f"missing from committed: {n}" for n in cmp.right_only]
    out += [f"differs: {n}" for n in cmp.diff_files]
    return out


def main(argv: list[str] | None = None) -> int:
    """Regenerate (default) or ``--check`` for drift; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="fail if regenerating changes anything"
    )
    args = parser.parse_args(argv)
    problems: list[str] = []
    for version, tag in VERSIONS.items():
        target = GENERATED / tag
        if args.check:
            # inside the repository, so that the formatter reads the same configuration
            SCRATCH.mkdir(exist_ok=True)
            with tempfile.TemporaryDirectory(dir=SCRATCH) as tmp:
                fresh = Path(tmp) / tag
                generate(version, fresh)
                problems += [f"{tag}: {p}" for p in _diff(target, fresh)]
        else:
            if target.exists():
                shutil.rmtree(target)
            generate(version, target)
    if problems:
        print("generated models are out of date with schemas/:", *problems, sep="\n  ")
        print("run `python -m omezarr_models.codegen` and commit the result")
        return 1
    print("generated models are up to date" if args.check else "regenerated models")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
