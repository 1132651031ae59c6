"""The example documents of the 0.4 spec text are valid; those of ``*_strict/`` even strictly.

The examples are read from the spec folder beside the repository (never copied in); their
``//`` comments, "only for clarity purposes" says the text, are removed when loading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from omezarr_models import validate_attributes
from tests.conftest import SPEC_DIR, assert_valid, load_spec_example, spec_examples

FOLDER = SPEC_DIR / "examples" / "0.4"
NAMES = [p.relative_to(FOLDER).as_posix() for p in spec_examples("0.4")]

# What each example describes (by folder, or file for bf2raw/).
KINDS = {
    "bf2raw/image.json": "bioformats2raw",
    "bf2raw/plate.json": "plate",
    "label_strict": "label-image",
    "multiscales_strict": "image",
    "plate_strict": "plate",
    "well_strict": "well",
}


def _kind(name: str) -> str:
    return KINDS.get(name) or KINDS[name.split("/", 1)[0]]


def test_the_examples_are_there(spec_dir: Path) -> None:
    folders = {n.split("/", 1)[0] for n in NAMES}
    assert {
        "bf2raw",
        "label_strict",
        "multiscales_strict",
        "plate_strict",
        "well_strict",
    } <= folders
    assert all(_kind(n) for n in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_example_is_valid(spec_dir: Path, name: str) -> None:
    doc = load_spec_example(spec_dir / "examples" / "0.4" / name)
    report = validate_attributes(doc)
    assert_valid(report)
    assert (report.version, report.kind) == ("0.4", _kind(name))


@pytest.mark.parametrize("name", [n for n in NAMES if n.split("/", 1)[0].endswith("_strict")])
def test_strict_example_is_valid_strictly(spec_dir: Path, name: str) -> None:
    doc = load_spec_example(spec_dir / "examples" / "0.4" / name)
    assert_valid(validate_attributes(doc, strict=True), no_warnings=True)
