"""0.1 §well-md (and §hcs-layout): the "well" metadata of a well group of a plate."""

from __future__ import annotations

import pytest

from tests.v01.cases import (
    WELL,
    WELL_PTR,
    Case,
    change,
    check,
    drop,
    must,
    params,
    should,
    valid,
)

SECTION = "well-md"

IMAGES = f"{WELL_PTR}/images"

CASES: list[Case] = [
    valid("well/complete", WELL),
    valid("well/one-field-no-acquisition", change(WELL, IMAGES, [{"path": "0"}])),
    valid("well/no-fields-yet", change(WELL, IMAGES, [])),
    valid("well/extra-keys-kept", change(WELL, f"{IMAGES}/0/exposure", 0.5)),
    # "images: A list of JSON objects defining the fields of views for a given well."
    must("well/images-missing", drop(WELL, IMAGES), "well-images-missing", WELL_PTR, SECTION),
    must(
        "well/images-not-a-list", change(WELL, IMAGES, {"path": "0"}), "wrong-type", IMAGES, SECTION
    ),
    must(
        "well/image-not-an-object",
        change(WELL, f"{IMAGES}/1", "1"),
        "wrong-type",
        f"{IMAGES}/1",
        SECTION,
    ),
    # "Each object MUST contain a `path` key identifying the path to the field of view."
    must(
        "well/image-path-missing",
        drop(WELL, f"{IMAGES}/1/path"),
        "well-image-path-missing",
        f"{IMAGES}/1",
        SECTION,
    ),
    must(
        "well/image-path-not-a-string",
        change(WELL, f"{IMAGES}/1/path", 1),
        "wrong-type",
        f"{IMAGES}/1/path",
        SECTION,
    ),
    # no alphanumeric paths and no uniqueness rule (0.4 adds both)
    valid(
        "well/image-paths-not-alphanumeric",
        change(WELL, IMAGES, [{"path": "field-1"}, {"path": "fields/2"}]),
    ),
    valid(
        "well/image-paths-repeated",
        change(WELL, f"{IMAGES}/2/path", "0"),
    ),
    # "If multiple acquisitions were performed in the plate, it SHOULD contain an `acquisition`
    # key identifying the id of the acquisition" (0.4: MUST): when the well's own fields name
    # two acquisitions, each field should name one
    should(
        "well/acquisition-missing-among-several",
        drop(WELL, f"{IMAGES}/1/acquisition"),
        "well-image-acquisition-missing",
        f"{IMAGES}/1",
        SECTION,
        rule="hand",
    ),
    valid("well/no-acquisitions-named", change(WELL, IMAGES, [{"path": "0"}, {"path": "1"}])),
    valid("well/acquisition-zero", change(WELL, f"{IMAGES}/2/acquisition", 0)),
    # "version: A string defining the version of the specification." (0.4: SHOULD)
    valid("well/without-version", drop(WELL, f"{WELL_PTR}/version")),
    must(
        "well/version-not-a-string",
        change(WELL, f"{WELL_PTR}/version", 2),
        "wrong-type",
        f"{WELL_PTR}/version",
        SECTION,
    ),
    must(
        "well/not-an-object",
        change(WELL, WELL_PTR, [{"path": "0"}]),
        "wrong-type",
        WELL_PTR,
        SECTION,
    ),
]

# Not testable on one attributes document: the acquisition "must match one of acquisition JSON
# objects defined in the plate metadata", and whether the plate had several acquisitions when
# the well's fields name one only (both need the plate's metadata). §hcs-layout "the group above
# the images defines the well and MUST implement the well specification": the well schema
# requires "well" (see tests/test_early_oracle.py).


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)
