"""The example documents of the 0.5 text, and zarr v3 group folders read from disk."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from omezarr_models import UnusableInputError, validate_attributes, validate_path
from tests.conftest import (
    SPEC_DIR,
    assert_error,
    assert_valid,
    load_spec_example,
    spec_examples,
)
from tests.v05.cases import TCZYX, colors, dataset, image, label_image, scale, translation

EXAMPLES = spec_examples("0.5")
ROOT = SPEC_DIR / "examples" / "0.5"

# What each example folder holds (the kind the validator should name).
KINDS = {
    "multiscales_strict/multiscales_example.json": "image",
    "plate_strict/plate_6wells.json": "plate",
    "plate_strict/plate_2wells.json": "plate",
    "well_strict/well_4fields.json": "well",
    "well_strict/well_2fields.json": "well",
    "label_strict/colors_properties.json": "label-image",
    "bf2raw/image.json": "bioformats2raw",
    "bf2raw/plate.json": "plate",
    "ome/series-2.json": "series",
}


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _params(strict_only: bool = False) -> list[Any]:
    return [
        pytest.param(p, id=_name(p))
        for p in EXAMPLES
        if not strict_only or p.parent.name.endswith("_strict")
    ]


def test_the_examples_are_there(spec_dir: Path) -> None:
    assert {_name(p) for p in spec_examples("0.5")} == set(KINDS)


def test_every_example_the_text_includes_exists(spec_dir: Path) -> None:
    text = (spec_dir / "ngff-0.5.md").read_text(encoding="utf-8")
    included = set(re.findall(r"literalinclude\}\s*examples/(\S+\.json)", text))
    assert included
    assert included <= set(KINDS)


@pytest.mark.parametrize("path", _params())
def test_example_is_valid(spec_dir: Path, path: Path) -> None:
    attrs = load_spec_example(path)
    report = validate_attributes(attrs, file=str(path))
    assert_valid(report)
    assert report.version == "0.5"
    assert report.kind == KINDS[_name(path)]


@pytest.mark.parametrize("path", _params(strict_only=True))
def test_strict_example_is_strictly_valid(spec_dir: Path, path: Path) -> None:
    report = validate_attributes(load_spec_example(path), strict=True)
    assert_valid(report, no_warnings=True)


@pytest.mark.parametrize("path", _params())
def test_example_as_a_zarr_group_folder(spec_dir: Path, path: Path, tmp_path: Path) -> None:
    # The examples are full zarr.json documents; their comments are for clarity only ("comments
    # MUST NOT be included in JSON objects"), so the document written here has none.
    doc = json.loads(re.sub(r"//[^\n]*", "", path.read_text(encoding="utf-8")))
    folder = tmp_path / "group.zarr"
    folder.mkdir()
    (folder / "zarr.json").write_text(json.dumps(doc), encoding="utf-8")
    report = validate_path(folder, strict=path.parent.name.endswith("_strict"))
    assert_valid(report, no_warnings=path.parent.name.endswith("_strict"))
    assert report.source == str(folder / "zarr.json")
    assert report.kind == KINDS[_name(path)]


def _group(folder: Path, attributes: Any, **meta: Any) -> Path:
    folder.mkdir(parents=True)
    doc = {"zarr_format": 3, "node_type": "group", "attributes": attributes, **meta}
    (folder / "zarr.json").write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return folder


def test_valid_0_5_group_folder(tmp_path: Path) -> None:
    doc = image(TCZYX, [dataset("0", scale(1, 1, 2, 0.5, 0.5), translation(0, 0, 10, 0, 0))])
    folder = _group(tmp_path / "img.zarr", doc)
    for target in (folder, folder / "zarr.json"):
        report = validate_path(target, strict=True)
        assert_valid(report, no_warnings=True)
        assert (report.version, report.kind) == ("0.5", "image")


def test_group_folder_with_an_error_names_its_file(tmp_path: Path) -> None:
    folder = _group(tmp_path / "lbl.zarr", label_image({"colors": colors(4, 4)}))
    report = validate_path(folder)
    assert_error(report, "label-values-not-unique", "/ome/image-label/colors/1/label-value")
    assert all(i.file == str(folder / "zarr.json") for i in report.issues)


def test_group_without_attributes_has_no_ome(tmp_path: Path) -> None:
    folder = tmp_path / "bare.zarr"
    folder.mkdir()
    (folder / "zarr.json").write_text('{"zarr_format": 3, "node_type": "group"}', encoding="utf-8")
    report = validate_path(folder, version="0.5")
    assert_error(report, "ome-missing", "")


def test_v2_group_holding_0_5_metadata_is_a_format_mismatch(tmp_path: Path) -> None:
    folder = tmp_path / "v2.zarr"
    folder.mkdir()
    (folder / ".zgroup").write_text('{"zarr_format": 2}', encoding="utf-8")
    (folder / ".zattrs").write_text(json.dumps(image()), encoding="utf-8")
    report = validate_path(folder)
    assert report.version == "0.5"
    assert_error(report, "zarr-format-mismatch", "")
    assert report.errors[0].spec == "0.5 §storage-format"
    # The metadata itself is fine: the format is the only error.
    assert [i.code for i in report.errors] == ["zarr-format-mismatch"]
    # The .zattrs file alone is zarr v2 metadata too.
    assert_error(validate_path(folder / ".zattrs"), "zarr-format-mismatch", "")


def test_bare_attributes_file_has_no_zarr_format_to_check(tmp_path: Path) -> None:
    path = tmp_path / "attrs.json"
    path.write_text(json.dumps(image()), encoding="utf-8")
    assert_valid(validate_path(path, strict=True), no_warnings=True)


def test_zarr_json_with_comments_is_unusable(tmp_path: Path) -> None:
    # "comments MUST NOT be included in JSON objects"
    folder = tmp_path / "commented.zarr"
    folder.mkdir()
    text = json.dumps({"zarr_format": 3, "node_type": "group", "attributes": image()}, indent=2)
    text = text.replace('"version": "0.5",', '"version": "0.5", // the OME-Zarr version', 1)
    assert "//" in text
    (folder / "zarr.json").write_text(text, encoding="utf-8")
    with pytest.raises(UnusableInputError, match="not valid JSON"):
        validate_path(folder)


def test_zarr_array_is_not_a_group(tmp_path: Path) -> None:
    folder = _group(tmp_path / "arr.zarr", image())
    meta = json.loads((folder / "zarr.json").read_text(encoding="utf-8"))
    meta["node_type"] = "array"
    (folder / "zarr.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(UnusableInputError, match="not a zarr group"):
        validate_path(folder)
