"""0.4 §well-md: the "well" metadata of a well group of a plate."""

from __future__ import annotations

import pytest

from tests.v04.cases import (
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
    valid(
        "well/alphanumeric-paths",
        change(WELL, IMAGES, [{"path": "fov1"}, {"path": "FOV2"}, {"path": "3"}]),
    ),
    # "MUST be case-sensitive": paths that differ in case only are different paths
    valid("well/paths-differ-in-case", change(WELL, IMAGES, [{"path": "a"}, {"path": "A"}])),
    valid("well/no-fields-yet", change(WELL, IMAGES, [])),
    valid("well/extra-keys-kept", change(WELL, f"{IMAGES}/0/exposure", 0.5)),
    # "The `well` dictionary MUST contain an `images` key whose value MUST be a list of JSON
    # objects"
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
    # "Each image object MUST contain a `path` key whose value MUST be a string"
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
    # "The `path` MUST contain only alphanumeric characters"
    *[
        must(
            f"well/image-path-{name}",
            change(WELL, f"{IMAGES}/1/path", value),
            "well-image-path-invalid",
            f"{IMAGES}/1/path",
            SECTION,
        )
        for name, value in [
            ("nested", "0/1"),
            ("dash", "field-1"),
            ("dot", "1.0"),
            ("space", "1 "),
            ("empty", ""),
        ]
    ],
    # "and MUST NOT be a duplicate of any other `path` in the `images` list"
    must(
        "well/image-paths-not-unique",
        change(WELL, f"{IMAGES}/2/path", "0"),
        "well-image-paths-not-unique",
        f"{IMAGES}/2/path",
        SECTION,
        rule="hand",
    ),
    # "it MUST contain an `acquisition` key whose value MUST be an integer" (see test_types.py
    # for the integer itself)
    valid("well/acquisition-zero", change(WELL, f"{IMAGES}/2/acquisition", 0)),
    # "If multiple acquisitions were performed in the plate, it MUST contain an `acquisition`
    # key": when the well's own fields name two acquisitions, each field must name one
    must(
        "well/acquisition-missing-among-several",
        drop(WELL, f"{IMAGES}/1/acquisition"),
        "well-image-acquisition-missing",
        f"{IMAGES}/1",
        SECTION,
        rule="hand",
    ),
    valid("well/no-acquisitions-named", change(WELL, IMAGES, [{"path": "0"}, {"path": "1"}])),
    # "The `well` dictionary SHOULD contain a `version` key whose value MUST be a string"
    should(
        "well/version-missing",
        drop(WELL, f"{WELL_PTR}/version"),
        "well-version-missing",
        WELL_PTR,
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

# Not testable on one attributes document: the acquisition "MUST match one of the acquisition
# JSON objects defined in the plate metadata" and, when the well's fields name one acquisition
# only, whether the plate had several (both need the plate's metadata); "A well group SHOULD
# NOT be present if there are no images in the well" (about the groups present).


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)
