"""0.5 §bf2raw-attributes and §bf2raw-details: the transitional bioformats2raw layout."""

from __future__ import annotations

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_error, assert_valid
from tests.v05.cases import PLATE, Case, must, ome_keys, params, plate_meta, run_case, valid

LAYOUT = "/ome/bioformats2raw.layout"


def layout(value: object, **keys: object) -> dict[str, object]:
    return ome_keys({"bioformats2raw.layout": value, **keys})


CASES: list[Case] = [
    # §bf2raw-details: conforming groups "MUST have the value "3" for the "bioformats2raw.layout"
    # key in their OME-Zarr Metadata in the `zarr.json` at the top of the hierarchy".
    valid("layout 3", layout(3)),
    must("layout 2", layout(2), "bf2raw-layout-invalid", LAYOUT, "bf2raw-details"),
    must("layout 4", layout(4), "bf2raw-layout-invalid", LAYOUT, "bf2raw-details"),
    must("layout a string", layout("3"), "bf2raw-layout-invalid", LAYOUT, "bf2raw-details"),
    must("layout true", layout(True), "bf2raw-layout-invalid", LAYOUT, "bf2raw-details"),
    must("layout null", layout(None), "bf2raw-layout-invalid", LAYOUT, "bf2raw-details"),
    must("layout an integral float", layout(3.0), "wrong-type", LAYOUT, "bf2raw-details"),
    # §bf2raw-attributes: "If the top-level group represents a plate, the `bioformats2raw.layout`
    # metadata will be present but the "plate" key MUST also be present, takes precedence and
    # parsing of such datasets should follow [[#plate-md]]."
    valid("layout with a plate", layout(3, plate=plate_meta())),
    must(
        "plate rules apply under the layout",
        layout(3, plate=plate_meta(rows=[{"name": "A"}, {"name": "A"}], wells=[])),
        "row-names-not-unique",
        f"{PLATE}/rows/1/name",
        "plate-md",
    ),
    must(
        "layout checked beside a plate",
        layout(2, plate=plate_meta()),
        "bf2raw-layout-invalid",
        LAYOUT,
        "bf2raw-details",
    ),
    # §bf2raw-details: the OME group "MAY contain a "series" attribute. If so: "series" MUST be a
    # list of string objects, each of which is a path to an image group."
    valid("series", ome_keys({"series": ["0", "1", "2"]})),
    valid("series of nested paths", ome_keys({"series": ["images/0", "images/1"]})),
    valid("series empty", ome_keys({"series": []})),
    must(
        "series a string",
        ome_keys({"series": "0"}),
        "series-invalid",
        "/ome/series",
        "bf2raw-details",
    ),
    must(
        "series of numbers",
        ome_keys({"series": ["0", 1]}),
        "series-invalid",
        "/ome/series/1",
        "bf2raw-details",
    ),
    must(
        "series of objects",
        ome_keys({"series": [{"path": "0"}]}),
        "series-invalid",
        "/ome/series/0",
        "bf2raw-details",
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)


@pytest.mark.parametrize(
    ("doc", "kind"),
    [
        pytest.param(layout(3), "bioformats2raw", id="layout"),
        pytest.param(layout(3, plate=plate_meta()), "plate", id="plate takes precedence"),
        pytest.param(ome_keys({"series": ["0"]}), "series", id="series"),
    ],
)
def test_kind(doc: dict[str, object], kind: str) -> None:
    report = validate_attributes(doc, strict=True)
    assert_valid(report, no_warnings=True)
    assert report.kind == kind


def test_layout_outside_ome_is_not_read() -> None:
    # 0.5 readers only look inside "ome": a layout beside it is advice, and "ome" still needs an
    # OME key.
    doc = {"bioformats2raw.layout": 3, "ome": {"version": "0.5"}}
    report = validate_attributes(doc)
    assert_error(report, "no-ome-metadata", "/ome")
    assert any(
        i.code == "ome-key-outside-namespace" and i.path == "/bioformats2raw.layout"
        for i in report.warnings
    )
