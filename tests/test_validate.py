"""The engine's generic behaviour: inputs, versions, kinds, reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from omezarr_models import Severity, validate_attributes, validate_path
from tests.conftest import assert_error, assert_valid, codes

IMAGE_04: dict[str, Any] = {
    "multiscales": [
        {
            "version": "0.4",
            "axes": [{"name": "y", "type": "space"}, {"name": "x", "type": "space"}],
            "datasets": [
                {"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1, 1]}]}
            ],
        }
    ]
}


@pytest.mark.parametrize("value", [None, [], "x", 3, 1.5, True])
def test_non_object_attributes_are_reported_not_raised(value: Any) -> None:
    report = validate_attributes(value)
    assert_error(report, "attributes-not-object", "")
    assert report.kind is None


def test_empty_object_has_no_ome_metadata() -> None:
    assert_error(validate_attributes({}, version="0.4"), "no-ome-metadata", "")


@pytest.mark.parametrize(
    ("doc", "pointer"),
    [
        (
            {
                "plate": {
                    "version": "0.4",
                    "rows": [{"name": "A"}],
                    "columns": [{"name": "1"}],
                    "wells": [],
                }
            },
            "/plate/version",
        ),
        ({"well": {"version": "0.4", "images": [{"path": "0"}]}}, "/well/version"),
        ({"image-label": {"version": "0.4"}}, "/image-label/version"),
    ],
)
def test_version_detected_from_each_source(doc: dict[str, Any], pointer: str) -> None:
    report = validate_attributes(doc)
    assert report.version == "0.4"
    assert "version-missing" not in codes(report)


def test_multiscales_version_is_looked_at_first() -> None:
    assert validate_attributes(IMAGE_04).version == "0.4"


def test_missing_version_is_assumed_with_a_warning_that_says_where_it_looked() -> None:
    report = validate_attributes({"labels": ["a"]})
    assert report.valid
    assert report.version == "0.4"
    [issue] = [i for i in report.issues if i.code == "version-missing"]
    assert issue.severity is Severity.WARNING
    assert "/multiscales/0/version" in issue.message
    assert "/plate/version" in issue.message


def test_missing_version_stays_a_warning_when_strict() -> None:
    report = validate_attributes({"labels": ["a"]}, strict=True)
    assert report.valid


def test_unknown_version_is_an_error_naming_where_it_was_found() -> None:
    doc = json.loads(json.dumps(IMAGE_04))
    doc["multiscales"][0]["version"] = "0.9"
    report = validate_attributes(doc)
    assert_error(report, "version-unknown")
    assert "/multiscales/0/version" in report.errors[0].message
    assert report.version is None


def test_non_string_version_is_an_error() -> None:
    report = validate_attributes({"ome": {"version": 0.5, "labels": []}})
    assert_error(report, "version-invalid")


def test_forced_version_reports_the_declared_one_as_mismatch() -> None:
    doc = {"ome": {"version": "0.5", "labels": ["a"]}}
    report = validate_attributes(doc, version="0.4")
    assert report.version == "0.4"
    assert_error(report, "version-mismatch", "/ome/version")
    assert "no-ome-metadata" in codes(report)
    image = validate_attributes(IMAGE_04, version="0.5")
    assert_error(image, "version-mismatch", "/multiscales/0/version")
    assert_error(image, "ome-missing", "")


def test_versions_within_one_document_must_agree() -> None:
    doc = dict(
        IMAGE_04,
        plate={"version": "0.5", "rows": [{"name": "A"}], "columns": [{"name": "1"}], "wells": []},
    )
    assert_error(validate_attributes(doc), "version-mismatch", "/plate/version")


def test_unsupported_version_argument_raises() -> None:
    with pytest.raises(ValueError, match=r"unsupported version '0\.7'"):
        validate_attributes({}, version="0.7")


@pytest.mark.parametrize(
    ("meta", "kind"),
    [
        ({"plate": {}, "bioformats2raw.layout": 3}, "plate"),
        ({"well": {}}, "well"),
        ({"multiscales": [], "image-label": {}}, "label-image"),
        ({"multiscales": []}, "image"),
        ({"labels": []}, "labels"),
        ({"bioformats2raw.layout": 3}, "bioformats2raw"),
        ({"series": []}, "series"),
        ({"omero": {}}, "omero"),
    ],
)
def test_kind(meta: dict[str, Any], kind: str) -> None:
    assert validate_attributes(meta, version="0.4").kind == kind
    assert validate_attributes({"ome": dict(meta, version="0.5")}).kind == kind


def test_all_problems_are_reported_sorted_by_location() -> None:
    doc = json.loads(json.dumps(IMAGE_04))
    ms = doc["multiscales"][0]
    ms["axes"][1]["name"] = "y"
    ms["datasets"].append(
        {"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1]}]}
    )
    report = validate_attributes(doc)
    errors = [(i.path, i.code) for i in report.errors]
    assert errors == [
        ("/multiscales/0/axes/1/name", "axis-names-not-unique"),
        ("/multiscales/0/datasets/1/coordinateTransformations/0/scale", "scale-length-mismatch"),
        ("/multiscales/0/datasets/1/path", "dataset-paths-not-unique"),
    ]


def test_every_issue_names_its_spec_section_and_file() -> None:
    doc = json.loads(json.dumps(IMAGE_04))
    doc["multiscales"][0]["axes"][0]["name"] = 7
    report = validate_attributes(doc, file="img/.zattrs")
    assert report.source == "img/.zattrs"
    for issue in report.issues:
        assert issue.file == "img/.zattrs"
        if issue.code != "version-missing":
            assert issue.spec.startswith("0.4 §"), issue


def test_report_json_form() -> None:
    report = validate_attributes(IMAGE_04, file="a.json")
    data = report.to_dict()
    assert set(data) == {"path", "valid", "version", "kind", "message", "issues"}
    assert data["valid"] is True
    assert data["version"] == "0.4"
    assert data["kind"] == "image"
    assert data["message"].startswith("valid OME-Zarr 0.4 image")
    assert {"path", "code", "severity", "message", "spec"} <= set(data["issues"][0])


def test_invalid_message_names_the_first_error() -> None:
    doc = json.loads(json.dumps(IMAGE_04))
    doc["multiscales"][0]["axes"][1]["name"] = "y"
    message = validate_attributes(doc).message
    assert message.startswith("invalid OME-Zarr 0.4 image: 1 error")
    assert "axis-names-not-unique" in message


def test_zarr_format_must_match_the_version(tmp_path: Path) -> None:
    folder = tmp_path / "img.zarr"
    folder.mkdir()
    (folder / "zarr.json").write_text(
        json.dumps({"zarr_format": 3, "node_type": "group", "attributes": IMAGE_04})
    )
    report = validate_path(folder)
    assert_error(report, "zarr-format-mismatch", "")
    v2 = tmp_path / "v2.zarr"
    v2.mkdir()
    (v2 / ".zgroup").write_text('{"zarr_format": 2}')
    (v2 / ".zattrs").write_text(json.dumps(IMAGE_04))
    assert_valid(validate_path(v2))


def test_bundled_examples_are_strictly_valid() -> None:
    root = Path(__file__).resolve().parents[1] / "examples"
    for folder in (root / "0.4" / "image.zarr", root / "0.5" / "image.zarr"):
        assert_valid(validate_path(folder, strict=True), no_warnings=True)
