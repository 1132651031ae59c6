"""0.4 §metadata: which documents hold OME metadata, versions, and how the attributes are stored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from omezarr_models import Severity, UnusableInputError, validate_attributes, validate_path
from tests.conftest import assert_error, assert_valid, codes
from tests.v04.cases import (
    BF2RAW,
    IL,
    IMAGE,
    LABEL_IMAGE,
    LABELS,
    MS,
    PLATE,
    SERIES,
    WELL,
    Case,
    change,
    check,
    drop,
    multiscale,
    must,
    params,
    valid,
)

CASES: list[Case] = [
    # A group's attributes are OME metadata when they hold at least one of the keys "specified
    # below" (§metadata); others are not OME-Zarr.
    must("meta/empty-attributes", {}, "no-ome-metadata", "", "metadata"),
    must("meta/xarray-only", {"_ARRAY_DIMENSIONS": ["y", "x"]}, "no-ome-metadata", "", "metadata"),
    must(
        "meta/key-case-matters",
        {"Multiscales": IMAGE["multiscales"]},
        "no-ome-metadata",
        "",
        "metadata",
    ),
    must(
        "meta/only-unknown-keys",
        {"ome-zarr": {"version": "0.4"}},
        "no-ome-metadata",
        "",
        "metadata",
    ),
    valid("meta/omero-alone", {"omero": IMAGE["omero"]}),
    # Documents without any version key are judged as 0.4, with a warning.
    valid("meta/labels-declare-no-version", LABELS),
    # Every version a document declares must agree.
    valid("meta/two-multiscales-of-0.4", {"multiscales": [multiscale(), multiscale(name="b")]}),
    must(
        "meta/multiscales-disagree",
        {"multiscales": [multiscale(), multiscale(name="b", version="0.3")]},
        "version-mismatch",
        "/multiscales/1/version",
        "metadata",
        rule="hand",
    ),
    must(
        "meta/image-label-disagrees",
        change(LABEL_IMAGE, f"{IL}/version", "0.3"),
        "version-mismatch",
        f"{IL}/version",
        "metadata",
        rule="hand",
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)


@pytest.mark.parametrize(
    ("doc", "kind"),
    [
        pytest.param(IMAGE, "image", id="multiscales"),
        pytest.param(LABEL_IMAGE, "label-image", id="image-label"),
        pytest.param(LABELS, "labels", id="labels"),
        pytest.param(PLATE, "plate", id="plate"),
        pytest.param(WELL, "well", id="well"),
        pytest.param(BF2RAW, "bioformats2raw", id="bioformats2raw.layout"),
        pytest.param(SERIES, "series", id="series"),
        pytest.param({"omero": IMAGE["omero"]}, "omero", id="omero"),
    ],
)
def test_each_ome_key_is_enough_and_names_the_kind(doc: dict[str, Any], kind: str) -> None:
    report = validate_attributes(doc)
    assert_valid(report)
    assert (report.version, report.kind) == ("0.4", kind)


@pytest.mark.parametrize(
    ("doc", "declares"),
    [
        pytest.param(IMAGE, True, id="multiscales-version"),
        pytest.param(drop(IMAGE, f"{MS}/version"), False, id="no-multiscales-version"),
        pytest.param(PLATE, True, id="plate-version"),
        pytest.param(WELL, True, id="well-version"),
        pytest.param(drop(LABEL_IMAGE, f"{MS}/version"), True, id="image-label-version"),
        pytest.param(LABELS, False, id="labels"),
        pytest.param(BF2RAW, False, id="bioformats2raw"),
        pytest.param(SERIES, False, id="series"),
    ],
)
def test_version_detection(doc: dict[str, Any], declares: bool) -> None:
    for strict in (False, True):
        report = validate_attributes(doc, strict=strict)
        assert report.version == "0.4"
        missing = [i for i in report.issues if i.code == "version-missing"]
        if declares:
            assert not missing
        else:
            # a note, never an error: 0.4 labels, bioformats2raw and series carry no version
            [issue] = missing
            assert (issue.path, issue.severity) == ("", Severity.WARNING)
            assert "0.4" in issue.message


@pytest.mark.parametrize(
    ("doc", "code"),
    [
        pytest.param(change(IMAGE, f"{MS}/version", 0.4), "version-invalid", id="number"),
        pytest.param(change(IMAGE, f"{MS}/version", "0.4.0"), "version-unknown", id="unknown"),
        pytest.param(change(WELL, "/well/version", "4"), "version-unknown", id="unknown-well"),
    ],
)
def test_unusable_versions(doc: dict[str, Any], code: str) -> None:
    report = validate_attributes(doc)
    assert_error(report, code, "")
    assert report.version is None
    assert [i.code for i in report.issues] == [code]


def test_null_version_is_an_error() -> None:
    # "a `version` key whose value MUST be a string"
    report = validate_attributes(change(PLATE, "/plate/version", None))
    assert_error(report, "wrong-type", "/plate/version")


def test_judging_as_0_4_explicitly() -> None:
    assert_valid(validate_attributes(IMAGE, version="0.4", strict=True), no_warnings=True)
    # labels declare no version: naming it removes the guess and its warning
    assert_valid(validate_attributes(LABELS, version="0.4", strict=True), no_warnings=True)


# §on-disk "Arrays MUST be defined and stored in a hierarchical organization as defined by the
# version 2 of the Zarr specification. OME-NGFF metadata MUST be stored as attributes in the
# corresponding Zarr groups."


def test_zarr_v2_group_folder(tmp_path: Path) -> None:
    (tmp_path / ".zgroup").write_text(json.dumps({"zarr_format": 2}))
    (tmp_path / ".zattrs").write_text(json.dumps(IMAGE))
    report = validate_path(tmp_path, strict=True)
    assert_valid(report, no_warnings=True)
    assert report.kind == "image"


def test_zarr_v3_metadata_is_not_0_4(tmp_path: Path) -> None:
    meta = {"zarr_format": 3, "node_type": "group", "attributes": IMAGE}
    (tmp_path / "zarr.json").write_text(json.dumps(meta))
    report = validate_path(tmp_path)
    assert report.version == "0.4"
    assert_error(report, "zarr-format-mismatch", "")


# §document-conventions "comments MUST NOT be included in JSON objects"


def test_comments_are_not_json(tmp_path: Path) -> None:
    text = json.dumps(IMAGE, indent=2).replace('"name": "embryo",', '"name": "embryo", // why')
    assert "//" in text
    path = tmp_path / ".zattrs"
    path.write_text(text)
    with pytest.raises(UnusableInputError, match="not valid JSON"):
        validate_path(path)


def test_versions_of_other_keys_do_not_count() -> None:
    # the "version" inside "omero" is its own (transitional) version
    report = validate_attributes(change(IMAGE, "/omero/version", "0.1"))
    assert_valid(report, no_warnings=True)
    assert "version-mismatch" not in codes(report)
