"""0.4 §bf2raw (transitional): "bioformats2raw.layout" and the "series" of the OME group."""

from __future__ import annotations

import pytest

from omezarr_models import validate_attributes
from tests.v04.cases import (
    BF2RAW,
    PLATE,
    SERIES,
    Case,
    check,
    merge,
    must,
    params,
    valid,
)

SECTION = "bf2raw-details"

LAYOUT = "/bioformats2raw.layout"
BF2RAW_PLATE = merge(PLATE, **BF2RAW)

CASES: list[Case] = [
    # "MUST have the value "3" for the "bioformats2raw.layout" key"
    valid("bf2raw/layout-3", BF2RAW),
    valid("bf2raw/extra-keys-kept", merge(BF2RAW, creator={"name": "bioformats2raw"})),
    *[
        must(
            f"bf2raw/layout-{name}",
            {"bioformats2raw.layout": value},
            "bf2raw-layout-invalid",
            LAYOUT,
            SECTION,
        )
        for name, value in [
            ("2", 2),
            ("4", 4),
            ("string", "3"),
            ("fraction", 3.5),
            ("null", None),
            ("true", True),
            ("list", [3]),
        ]
    ],
    # "If the top-level group represents a plate, the `bioformats2raw.layout` metadata will be
    # present but the "plate" key MUST also be present"
    valid("bf2raw/plate", BF2RAW_PLATE),
    must(
        "bf2raw/plate-layout-2",
        merge(PLATE, **{"bioformats2raw.layout": 2}),
        "bf2raw-layout-invalid",
        LAYOUT,
        SECTION,
    ),
    # ""series" MUST be a list of string objects, each of which is a path to an image group."
    valid("series/paths", SERIES),
    valid("series/one-image", {"series": ["0"]}),
    must("series/not-a-list", {"series": "0"}, "series-invalid", "/series", SECTION),
    must("series/an-object", {"series": {"0": "0"}}, "series-invalid", "/series", SECTION),
    must("series/path-a-number", {"series": ["0", 1]}, "series-invalid", "/series/1", SECTION),
    must("series/path-null", {"series": [None]}, "series-invalid", "/series/0", SECTION),
    # the images of the collection are groups of the fileset ("0/", "1/", ... under its root)
    valid("series/nested-path", {"series": ["images/0", "images/1"]}),
    *[
        must(
            f"series/path-{name}",
            {"series": ["0", path]},
            "series-path-invalid",
            "/series/1",
            SECTION,
            rule="hand",
        )
        for name, path in [("parent", "../other.ome.zarr/0"), ("absolute", "/1"), ("empty", "")]
    ],
]

# Not testable on one attributes document: the OME/METADATA.ome.xml rules, the order of
# "series" against it, and "separate "multiscales" images MUST be stored in consecutively
# numbered groups starting from 0" (they are about other files and groups).


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)


def test_plate_takes_precedence() -> None:
    # "the "plate" key MUST also be present, takes precedence"
    assert validate_attributes(BF2RAW_PLATE).kind == "plate"
    assert validate_attributes(BF2RAW).kind == "bioformats2raw"
    assert validate_attributes(SERIES).kind == "series"
