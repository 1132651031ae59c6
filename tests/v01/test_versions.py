"""0.1 §metadata: which documents hold OME metadata, versions, and how the attributes are stored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from omezarr_models import Severity, validate_attributes, validate_path
from tests.conftest import assert_error, assert_valid, codes
from tests.v01.cases import (
    IL,
    IMAGE,
    LABEL_IMAGE,
    LABELS,
    MS,
    PLATE,
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
    must("meta/unrelated-keys", {"creator": {"name": "x"}}, "no-ome-metadata", "", "metadata"),
    must(
        "meta/key-case-matters",
        {"Multiscales": IMAGE["multiscales"]},
        "no-ome-metadata",
        "",
        "metadata",
    ),
    # 0.1 has no bioformats2raw layout: the key alone is no OME metadata of 0.1
    must(
        "meta/bioformats2raw-is-not-0.1",
        {"bioformats2raw.layout": 3},
        "no-ome-metadata",
        "",
        "metadata",
    ),
    valid("meta/omero-alone", {"omero": IMAGE["omero"]}),
    valid("meta/labels-declare-no-version", LABELS),
    # Every version a document declares must agree.
    valid("meta/two-multiscales-of-0.1", {"multiscales": [multiscale(), multiscale(name="b")]}),
    must(
        "meta/multiscales-disagree",
        {"multiscales": [multiscale(), multiscale(name="b", version="0.2")]},
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
        pytest.param({"omero": IMAGE["omero"]}, "omero", id="omero"),
    ],
)
def test_each_ome_key_is_enough_and_names_the_kind(doc: dict[str, Any], kind: str) -> None:
    report = validate_attributes(doc, version="0.1", strict=True)
    assert_valid(report, no_warnings=True)
    assert (report.version, report.kind) == ("0.1", kind)


@pytest.mark.parametrize(
    ("doc", "declares"),
    [
        pytest.param(IMAGE, True, id="multiscales-version"),
        pytest.param(PLATE, True, id="plate-version"),
        pytest.param(WELL, True, id="well-version"),
        pytest.param(drop(LABEL_IMAGE, f"{MS}/version"), True, id="image-label-version"),
    ],
)
def test_version_detection(doc: dict[str, Any], declares: bool) -> None:
    report = validate_attributes(doc)
    assert report.version == "0.1"
    assert "version-missing" not in codes(report)


def test_versionless_image_is_judged_as_0_2() -> None:
    # without a version, the 0.1 and 0.2 layouts (no axes) cannot be told apart: such a document
    # is judged as 0.2, the newer (with a warning, never an error); naming 0.1 removes the guess
    doc = {"multiscales": [{"name": "raw", "datasets": [{"path": "0"}, {"path": "1"}]}]}
    report = validate_attributes(doc)
    assert report.version == "0.2"
    missing = [i for i in report.issues if i.code == "version-missing"]
    assert [(i.path, i.severity) for i in missing] == [("", Severity.WARNING)]
    assert report.valid
    assert_valid(validate_attributes(doc, version="0.1", strict=True), no_warnings=True)


@pytest.mark.parametrize(
    ("doc", "code"),
    [
        pytest.param(change(IMAGE, f"{MS}/version", 0.1), "version-invalid", id="number"),
        pytest.param(change(IMAGE, f"{MS}/version", "0.1.0"), "version-unknown", id="unknown"),
    ],
)
def test_unusable_versions(doc: dict[str, Any], code: str) -> None:
    report = validate_attributes(doc)
    assert_error(report, code, "")
    assert report.version is None


def test_judging_as_0_1_explicitly() -> None:
    assert_valid(validate_attributes(LABELS, version="0.1", strict=True), no_warnings=True)
    # a 0.1 document judged as 0.4 lacks the axes 0.4 requires
    report = validate_attributes(IMAGE, version="0.4")
    assert "version-mismatch" in codes(report)
    assert "multiscale-axes-missing" in codes(report)


def test_versions_of_omero_do_not_count() -> None:
    # the "version" inside "omero" is the omero block's own
    report = validate_attributes(change(IMAGE, "/omero/version", "0.2"))
    assert_valid(report, no_warnings=True)
    assert report.version == "0.1"


# §image-layout: the attributes of a group are stored in its .zattrs (zarr v2).


def test_zarr_v2_group_folder(tmp_path: Path) -> None:
    (tmp_path / ".zgroup").write_text(json.dumps({"zarr_format": 2}))
    (tmp_path / ".zattrs").write_text(json.dumps(IMAGE))
    report = validate_path(tmp_path, strict=True)
    assert_valid(report, no_warnings=True)
    assert (report.version, report.kind) == ("0.1", "image")


def test_zarr_v3_metadata_is_not_0_1(tmp_path: Path) -> None:
    meta = {"zarr_format": 3, "node_type": "group", "attributes": IMAGE}
    (tmp_path / "zarr.json").write_text(json.dumps(meta))
    report = validate_path(tmp_path)
    assert report.version == "0.1"
    assert_error(report, "zarr-format-mismatch", "")
