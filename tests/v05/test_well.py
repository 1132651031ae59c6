"""0.5 §well-md: the fields of view of a well."""

from __future__ import annotations

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_valid
from tests.v05.cases import WELL, Case, changed, must, params, run_case, valid, well

IMAGES = f"{WELL}/images"

CASES: list[Case] = [
    valid("two fields", well([{"path": "0"}, {"path": "1"}])),
    must("well not an object", changed(well([]), WELL, [{"path": "0"}]), "wrong-type", WELL),
    # §well-md: "The `well` dictionary MUST contain an `images` key whose value MUST be a list of
    # JSON objects specifying all fields of views for a given well."
    valid("no field yet", well([])),
    must(
        "images missing",
        changed(well([]), f"{WELL}/images", delete=True),
        "well-images-missing",
        WELL,
        "well-md",
    ),
    must("images an object", well({"path": "0"}), "wrong-type", IMAGES),
    must("image not an object", well(["0"]), "wrong-type", f"{IMAGES}/0"),
    # §well-md: "Each image object MUST contain a `path` key whose value MUST be a string
    # specifying the path to the field of view."
    must(
        "path missing",
        well([{"path": "0"}, {"acquisition": 0}]),
        "well-image-path-missing",
        f"{IMAGES}/1",
        "well-md",
    ),
    must("path a number", well([{"path": 0}]), "wrong-type", f"{IMAGES}/0/path"),
    # §well-md: "The `path` MUST contain only alphanumeric characters, MUST be case-sensitive, and
    # MUST NOT be a duplicate of any other `path` in the `images` list."
    valid("alphanumeric paths", well([{"path": "field1"}, {"path": "F2"}, {"path": "10"}])),
    valid("paths differing in case", well([{"path": "a"}, {"path": "A"}])),
    must(
        "path nested",
        well([{"path": "0/0"}]),
        "well-image-path-invalid",
        f"{IMAGES}/0/path",
        "well-md",
    ),
    must(
        "path with dot",
        well([{"path": "0.zarr"}]),
        "well-image-path-invalid",
        f"{IMAGES}/0/path",
        "well-md",
    ),
    must(
        "path with dash",
        well([{"path": "f-1"}]),
        "well-image-path-invalid",
        f"{IMAGES}/0/path",
        "well-md",
    ),
    must(
        "path empty", well([{"path": ""}]), "well-image-path-invalid", f"{IMAGES}/0/path", "well-md"
    ),
    must(
        "path repeated",
        well([{"path": "0"}, {"path": "1"}, {"path": "0"}]),
        "well-image-paths-not-unique",
        f"{IMAGES}/2/path",
        "well-md",
    ),
    # §well-md: "it MUST contain an `acquisition` key whose value MUST be an integer identifying
    # the acquisition".
    valid(
        "fields of two acquisitions",
        well([{"path": "0", "acquisition": 0}, {"path": "1", "acquisition": 3}]),
    ),
    # ... "If multiple acquisitions were performed in the plate, it MUST contain an `acquisition`
    # key": checkable within the well when its own fields name two acquisitions or more.
    valid(
        "one acquisition named, one field without",
        well([{"path": "0", "acquisition": 2}, {"path": "1"}]),
    ),
    must(
        "field without acquisition among two acquisitions",
        well([{"path": "0", "acquisition": 0}, {"path": "1", "acquisition": 1}, {"path": "2"}]),
        "well-image-acquisition-missing",
        f"{IMAGES}/2",
        "well-md",
    ),
    must(
        "acquisition an integral float",
        well([{"path": "0", "acquisition": 1.0}]),
        "wrong-type",
        f"{IMAGES}/0/acquisition",
        "well-md",
    ),
    must(
        "acquisition a string",
        well([{"path": "0", "acquisition": "1"}]),
        "wrong-type",
        f"{IMAGES}/0/acquisition",
    ),
    must(
        "acquisition a boolean",
        well([{"path": "0", "acquisition": False}]),
        "wrong-type",
        f"{IMAGES}/0/acquisition",
    ),
    # §well-md: "The `well` dictionary SHOULD contain a `version` key" — superseded in 0.5 by
    # "ome.version" (the spec's own well examples omit it): not asked for; when present it must
    # agree.
    valid("well version equal", well([{"path": "0"}], version="0.5")),
    must(
        "well version differs",
        well([{"path": "0"}], version="0.4"),
        "version-mismatch",
        f"{WELL}/version",
        "metadata",
    ),
    must(
        "well version a number", well([{"path": "0"}], version=5), "wrong-type", f"{WELL}/version"
    ),
    # Extra keys are allowed.
    valid("extra keys", well([{"path": "0", "note": "out of focus"}], note="edge well")),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)


def test_well_kind_and_no_version_warning_when_strict() -> None:
    report = validate_attributes(well([{"path": "0"}]), strict=True)
    assert_valid(report, no_warnings=True)
    assert report.kind == "well"
    assert "well-version-missing" not in {i.code for i in report.issues}
