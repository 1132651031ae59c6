"""validate_dataset on 0.1, 0.2 and 0.3 images: what the arrays must look like in each."""

from __future__ import annotations

from pathlib import Path

import pytest

from omezarr_models.dataset import validate_dataset
from tests.dataset.builders import image
from tests.dataset.test_local import assert_error, assert_valid

OLD = ["0.1", "0.2", "0.3"]


@pytest.mark.parametrize("version", OLD)
@pytest.mark.parametrize("labels", [False, True])
def test_valid_images(tmp_path: Path, version: str, labels: bool) -> None:
    report = validate_dataset(image(version, labels=labels).write(tmp_path / "i.zarr"))
    assert_valid(report)
    assert report.version == version


@pytest.mark.parametrize("version", ["0.1", "0.2"])
def test_images_before_0_3_are_5d(tmp_path: Path, version: str) -> None:
    h = image(version)
    h.arrays["0"]["shape"] = [2, 64, 64]
    report = validate_dataset(h.write(tmp_path / "i.zarr"))
    assert_error(report, "array-ndim-mismatch", "0/.zarray", "/shape")


@pytest.mark.parametrize(("version", "wrong"), [("0.1", "/"), ("0.2", ".")])
def test_chunk_key_layout_of_0_1_and_0_2(tmp_path: Path, version: str, wrong: str) -> None:
    h = image(version)
    h.arrays["1"]["separator"] = wrong
    report = validate_dataset(h.write(tmp_path / "i.zarr"))
    assert_error(report, "chunk-separator", "1/.zarray", "/dimension_separator")


def test_0_3_flat_chunk_keys_are_a_warning(tmp_path: Path) -> None:
    h = image("0.3")
    h.arrays["0"]["separator"] = "."
    report = validate_dataset(h.write(tmp_path / "i.zarr"))
    assert report.valid
    assert [i.code for i in report.warnings] == ["chunk-separator"]


def test_0_3_arrays_repeat_the_axes(tmp_path: Path) -> None:
    h = image("0.3")
    del h.arrays["1"]["array_dimensions"]
    h.arrays["0"]["array_dimensions"] = ["c", "x", "y"]
    report = validate_dataset(h.write(tmp_path / "i.zarr"))
    assert_error(report, "array-dimensions-missing", ".zattrs")
    assert_error(report, "array-dimensions-mismatch", "0/.zattrs", "/_ARRAY_DIMENSIONS")


def test_0_3_axes_repeated_on_the_group_as_the_text_says(tmp_path: Path) -> None:
    h = image("0.3")
    for spec in h.arrays.values():
        del spec["array_dimensions"]
    h.groups[""]["_ARRAY_DIMENSIONS"] = ["c", "y", "x"]
    assert_valid(validate_dataset(h.write(tmp_path / "i.zarr")))
    h.groups[""]["_ARRAY_DIMENSIONS"] = ["y", "x"]
    assert_error(
        validate_dataset(h.write(tmp_path / "j.zarr")),
        "array-dimensions-mismatch",
        ".zattrs",
        "/_ARRAY_DIMENSIONS",
    )


def test_0_3_array_dimensions_follow_the_axes(tmp_path: Path) -> None:
    h = image("0.3")
    h.arrays["0"]["shape"] = [64, 64]
    report = validate_dataset(h.write(tmp_path / "i.zarr"))
    assert_error(report, "array-ndim-mismatch", "0/.zarray")
