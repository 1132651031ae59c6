"""validate_dataset on folders the tests write: valid hierarchies, then one defect each."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from omezarr_models.dataset import DatasetReport, validate_dataset
from tests.dataset.builders import Hierarchy, add_image, bioformats2raw, image, plate

VERSIONS = ["0.4", "0.5"]


def assert_valid(report: DatasetReport) -> None:
    assert report.valid, "\n".join(f"{i.file}:{i.path} {i.code} {i.message}" for i in report.issues)


def assert_error(
    report: DatasetReport, code: str, file: str | None = None, path: str | None = None
) -> None:
    assert not report.valid, f"expected {code}, but the dataset is valid"
    hits = [
        i
        for i in report.errors
        if i.code == code and (file is None or i.file == file) and (path is None or i.path == path)
    ]
    assert hits, f"expected {code} in {file}:{path}; got " + "; ".join(
        f"{i.file}:{i.path} {i.code}" for i in report.issues
    )


def meta_file(version: str, group: str) -> str:
    name = ".zattrs" if version == "0.4" else "zarr.json"
    return f"{group}/{name}" if group else name


def array_file(version: str, array: str) -> str:
    return f"{array}/{'.zarray' if version == '0.4' else 'zarr.json'}"


def ome(version: str) -> str:
    return "" if version == "0.4" else "/ome"


# ------------------------------------------------------------------------------ valid datasets


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(
    "build",
    [
        lambda v: image(v),
        lambda v: image(v, labels=True),
        lambda v: plate(v),
        lambda v: plate(v, acquisitions=2),
        lambda v: bioformats2raw(v),
        lambda v: bioformats2raw(v, series=False, images=3),
    ],
    ids=[
        "image",
        "image+labels",
        "plate",
        "plate-2-acquisitions",
        "bf2raw-series",
        "bf2raw-numbered",
    ],
)
def test_valid_datasets(tmp_path: Path, version: str, build: Callable[[str], Hierarchy]) -> None:
    h = build(version)
    report = validate_dataset(h.write(tmp_path / "d.zarr"), strict=True)
    assert_valid(report)
    assert report.version == version
    assert report.groups == len(h.groups) - ("OME" in h.groups and False)
    assert report.arrays == len(h.arrays)


def test_counts_and_kind_of_a_plate(tmp_path: Path) -> None:
    h = plate("0.5", rows=2, columns=2, fields=3)
    report = validate_dataset(h.write(tmp_path / "p.zarr"))
    assert report.kind == "plate"
    assert report.groups == 1 + 2 + 4 + 12  # plate, rows, wells, fields
    assert report.arrays == 24
    assert report.to_dict()["counts"] == {"groups": 19, "arrays": 24, "documents": report.documents}


def test_real_zarr_arrays(tmp_path: Path) -> None:
    zarr = pytest.importorskip("zarr")
    import numpy as np

    root = tmp_path / "real.zarr"
    h = image("0.5")
    h.arrays.clear()
    h.write(root)
    for level, size in ((0, 64), (1, 32)):
        arr = zarr.create_array(
            store=str(root / str(level)),
            shape=(2, size, size),
            chunks=(1, 16, 16),
            dtype="uint16",
            dimension_names=["c", "y", "x"],
            zarr_format=3,
        )
        arr[:] = np.arange(2 * size * size, dtype="uint16").reshape(2, size, size)
    assert_valid(validate_dataset(root, strict=True))


# ------------------------------------------------------------------------------ one defect each


def _image_levels(h: Hierarchy) -> list[str]:
    return [p for p in h.arrays if "/" not in p]


@pytest.mark.parametrize("version", VERSIONS)
def test_missing_level_array(tmp_path: Path, version: str) -> None:
    h = image(version)
    del h.arrays["1"]
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(
        report,
        "dataset-array-missing",
        meta_file(version, ""),
        f"{ome(version)}/multiscales/0/datasets/1/path",
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_level_is_a_group_not_an_array(tmp_path: Path, version: str) -> None:
    h = image(version)
    del h.arrays["1"]
    h.groups["1"] = {}
    report = validate_dataset(h.write(tmp_path / "d"))
    assert not report.valid
    assert {"dataset-array-missing", "dataset-not-an-array"} & {i.code for i in report.errors}


@pytest.mark.parametrize("version", VERSIONS)
def test_array_dimensions_must_match_axes(tmp_path: Path, version: str) -> None:
    h = image(version)
    h.arrays["0"]["shape"] = [64, 64]
    h.arrays["0"].pop("dimension_names", None)
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(report, "array-ndim-mismatch", array_file(version, "0"), "/shape")


def test_dimension_names_required_from_0_5(tmp_path: Path) -> None:
    h = image("0.5")
    del h.arrays["1"]["dimension_names"]
    assert_error(
        validate_dataset(h.write(tmp_path / "d")), "dimension-names-missing", "1/zarr.json"
    )


def test_dimension_names_must_match_axes(tmp_path: Path) -> None:
    h = image("0.5")
    h.arrays["0"]["dimension_names"] = ["c", "x", "y"]
    assert_error(
        validate_dataset(h.write(tmp_path / "d")), "dimension-names-mismatch", "0/zarr.json"
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_levels_must_go_from_largest_to_smallest(tmp_path: Path, version: str) -> None:
    h = image(version)
    h.arrays["1"]["shape"] = [2, 128, 128]
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(
        report,
        "levels-not-decreasing",
        meta_file(version, ""),
        f"{ome(version)}/multiscales/0/datasets",
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_level_dtypes_differ_is_a_warning(tmp_path: Path, version: str) -> None:
    h = image(version)
    h.arrays["1"]["dtype"] = "float32"
    report = validate_dataset(h.write(tmp_path / "d"))
    assert report.valid
    assert "level-dtypes-differ" in {i.code for i in report.warnings}


def test_0_4_flat_chunk_keys_are_a_warning(tmp_path: Path) -> None:
    h = image("0.4")
    h.arrays["0"]["separator"] = "."
    report = validate_dataset(h.write(tmp_path / "d"))
    assert report.valid
    assert [(i.file, i.code) for i in report.warnings] == [("0/.zarray", "chunk-separator")]


@pytest.mark.parametrize("version", VERSIONS)
def test_label_dtype_must_be_integer(tmp_path: Path, version: str) -> None:
    h = image(version, labels=True)
    for key in h.arrays:
        if key.startswith("labels/"):
            h.arrays[key]["dtype"] = "float32"
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(report, "label-dtype-not-integer", array_file(version, "labels/cells/0"))


@pytest.mark.parametrize("version", VERSIONS)
def test_label_levels_must_match_the_image(tmp_path: Path, version: str) -> None:
    h = image(version, labels=True)
    h.groups["labels/cells"]["multiscales"][0]["datasets"].pop()
    del h.arrays["labels/cells/1"]
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(report, "label-levels-mismatch", meta_file(version, "labels/cells"))


@pytest.mark.parametrize("version", VERSIONS)
def test_label_shape_should_match_the_image(tmp_path: Path, version: str) -> None:
    h = image(version, labels=True)
    h.arrays["labels/cells/0"]["shape"] = [1, 60, 64]
    report = validate_dataset(h.write(tmp_path / "d"))
    assert report.valid
    assert "label-shape-mismatch" in {i.code for i in report.warnings}
    assert_error(validate_dataset(tmp_path / "d", strict=True), "label-shape-mismatch")


@pytest.mark.parametrize("version", VERSIONS)
def test_listed_label_must_exist(tmp_path: Path, version: str) -> None:
    h = image(version, labels=True)
    h.groups["labels"]["labels"].append("nuclei")
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(
        report, "label-image-missing", meta_file(version, "labels"), f"{ome(version)}/labels/1"
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_label_image_needs_multiscales(tmp_path: Path, version: str) -> None:
    h = image(version, labels=True)
    del h.groups["labels/cells"]["multiscales"]
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(report, "label-image-multiscales-missing", meta_file(version, "labels/cells"))


@pytest.mark.parametrize("version", VERSIONS)
def test_labels_group_must_list_labels(tmp_path: Path, version: str) -> None:
    h = image(version, labels=True)
    h.groups["labels"] = {"something": 1} if version == "0.4" else {"labels": []}
    if version == "0.5":
        h.groups["labels"] = {}
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(report, "labels-group-invalid", meta_file(version, "labels"))


@pytest.mark.parametrize("version", VERSIONS)
def test_plate_row_group_must_exist(tmp_path: Path, version: str) -> None:
    h = plate(version)
    for key in [k for k in h.groups if k == "B" or k.startswith("B/")]:
        del h.groups[key]
    for key in [k for k in h.arrays if k.startswith("B/")]:
        del h.arrays[key]
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(report, "row-group-missing", meta_file(version, ""))
    assert sum(i.code == "row-group-missing" for i in report.issues) == 1


@pytest.mark.parametrize("version", VERSIONS)
def test_plate_well_must_exist(tmp_path: Path, version: str) -> None:
    h = plate(version)
    for key in [k for k in h.groups if k.startswith("A/2")]:
        del h.groups[key]
    for key in [k for k in h.arrays if k.startswith("A/2/")]:
        del h.arrays[key]
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(
        report, "well-group-missing", meta_file(version, ""), f"{ome(version)}/plate/wells/1/path"
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_well_group_needs_well_metadata(tmp_path: Path, version: str) -> None:
    h = plate(version)
    h.groups["A/1"] = {}
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(report, "well-metadata-missing", meta_file(version, "A/1"))


@pytest.mark.parametrize("version", VERSIONS)
def test_field_must_exist(tmp_path: Path, version: str) -> None:
    h = plate(version)
    del h.groups["B/3/1"]
    for key in [k for k in h.arrays if k.startswith("B/3/1/")]:
        del h.arrays[key]
    root = h.write(tmp_path / "d")
    report = validate_dataset(root)
    assert_error(
        report,
        "field-image-missing",
        meta_file(version, "B/3"),
        f"{ome(version)}/well/images/1/path",
    )
    # the missing field is the second one: checking only the first field per well misses it
    assert validate_dataset(root, fields="first").valid
    assert validate_dataset(root, fields=1).valid
    assert not validate_dataset(root, fields=2).valid


def test_fields_argument_is_checked(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="fields must be"):
        validate_dataset(tmp_path, fields=0)


@pytest.mark.parametrize("version", VERSIONS)
def test_field_must_be_an_image(tmp_path: Path, version: str) -> None:
    h = plate(version)
    h.groups["A/1/0"] = {}
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(report, "not-an-image", meta_file(version, "A/1/0"))


@pytest.mark.parametrize("version", VERSIONS)
def test_field_acquisition_must_be_in_the_plate(tmp_path: Path, version: str) -> None:
    h = plate(version)
    h.groups["A/1"]["well"]["images"][0]["acquisition"] = 7
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(
        report,
        "well-image-acquisition-unknown",
        meta_file(version, "A/1"),
        f"{ome(version)}/well/images/0/acquisition",
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_field_must_name_its_acquisition_when_the_plate_has_several(
    tmp_path: Path, version: str
) -> None:
    h = plate(version, acquisitions=2)
    del h.groups["A/1"]["well"]["images"][0]["acquisition"]
    del h.groups["A/1"]["well"]["images"][1]["acquisition"]
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(
        report,
        "well-image-acquisition-missing",
        meta_file(version, "A/1"),
        f"{ome(version)}/well/images/0",
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_series_image_must_exist(tmp_path: Path, version: str) -> None:
    h = bioformats2raw(version, images=2)
    h.groups["OME"]["series"].append("2")
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(
        report, "series-image-missing", meta_file(version, "OME"), f"{ome(version)}/series/2"
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_numbered_collection_needs_image_0(tmp_path: Path, version: str) -> None:
    h = bioformats2raw(version, images=0, series=False)
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(report, "series-image-missing", meta_file(version, ""))


@pytest.mark.parametrize("version", VERSIONS)
def test_version_must_be_the_same_across_the_hierarchy(tmp_path: Path, version: str) -> None:
    h = plate(version)
    other = "0.5" if version == "0.4" else "0.4"
    h.groups["A/1"]["well"]["version"] = other
    report = validate_dataset(h.write(tmp_path / "d"))
    assert_error(report, "version-mismatch", meta_file(version, "A/1"))


def test_0_5_metadata_in_zarr_v2_is_a_format_mismatch(tmp_path: Path) -> None:
    h = image("0.5")
    report = validate_dataset(h.write(tmp_path / "d", zarr_format=2))
    assert_error(report, "zarr-format-mismatch", ".zattrs")


def test_0_4_metadata_in_zarr_v3_is_a_format_mismatch(tmp_path: Path) -> None:
    h = image("0.4")
    report = validate_dataset(h.write(tmp_path / "d", zarr_format=3))
    assert_error(report, "zarr-format-mismatch", "zarr.json")


# ------------------------------------------------------------------------------ corrupt input


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("{", "json-invalid"),
        ("[1]", "json-not-object"),
        ("[" * 50_000 + "]" * 50_000, "json-invalid"),
        (b"\xff\xfe", "json-invalid"),
    ],
    ids=["truncated", "not-object", "deep", "not-utf8"],
)
@pytest.mark.parametrize("where", ["root", "child"])
def test_corrupt_metadata_is_reported_not_raised(
    tmp_path: Path, content: Any, code: str, where: str
) -> None:
    h = plate("0.5")
    root = h.write(tmp_path / "d")
    target = root / ("zarr.json" if where == "root" else "A/1/zarr.json")
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content)
    report = validate_dataset(root)
    assert report.unusable is None
    assert_error(report, code, "zarr.json" if where == "root" else "A/1/zarr.json")


def test_empty_folder_is_invalid(tmp_path: Path) -> None:
    report = validate_dataset(tmp_path)
    assert report.unusable is None
    assert_error(report, "group-missing")


def test_array_where_the_group_belongs(tmp_path: Path) -> None:
    h = image("0.5")
    root = h.write(tmp_path / "d")
    report = validate_dataset(root / "0")
    assert_error(report, "group-missing")
    assert "node_type" in report.errors[0].message or "array" in report.errors[0].message


@pytest.mark.parametrize("make", ["missing", "file"])
def test_unusable_inputs(tmp_path: Path, make: str) -> None:
    path = tmp_path / "x"
    if make == "file":
        path.write_text("hello")
    report = validate_dataset(path)
    assert report.unusable is not None
    assert not report.valid
    assert report.message.startswith("unusable input")


def test_unknown_root_version_stops_the_walk(tmp_path: Path) -> None:
    h = image("0.5")
    root = h.write(tmp_path / "d")
    doc = json.loads((root / "zarr.json").read_text())
    doc["attributes"]["ome"]["version"] = "9.9"
    (root / "zarr.json").write_text(json.dumps(doc))
    report = validate_dataset(root)
    assert_error(report, "version-unknown")


def test_works_inside_a_running_event_loop(tmp_path: Path) -> None:
    import asyncio

    root = image("0.5").write(tmp_path / "d")

    async def inside() -> DatasetReport:
        return validate_dataset(root)

    assert asyncio.run(inside()).valid


def test_each_document_is_read_once(tmp_path: Path) -> None:
    h = image("0.5", labels=True)
    root = h.write(tmp_path / "d")
    report = validate_dataset(root)
    files = len(list(root.rglob("zarr.json")))
    # the root probe reads 4 keys (zarr.json and the three v2 names); the labels group is probed
    # once and then read from the cache
    assert report.documents == files + 3
    add_image(h, "unused")  # not referenced: never read


@pytest.mark.parametrize("series", [True, False])
def test_versionless_0_4_collection_takes_the_version_of_its_images(
    tmp_path: Path, series: bool
) -> None:
    report = validate_dataset(bioformats2raw("0.4", series=series).write(tmp_path / "c"))
    assert report.version == "0.4"
    assert not report.issues  # no "version-missing" warning for a root that cannot carry one


@pytest.mark.parametrize("version", VERSIONS)
def test_a_file_where_a_folder_belongs(tmp_path: Path, version: str) -> None:
    import shutil

    root = plate(version).write(tmp_path / "d")
    shutil.rmtree(root / "A" / "2")
    (root / "A" / "2").write_text("not a folder")
    report = validate_dataset(root)
    assert report.unusable is None
    assert_error(
        report, "well-group-missing", meta_file(version, ""), f"{ome(version)}/plate/wells/1/path"
    )
