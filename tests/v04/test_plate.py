"""0.4 §plate-md: the "plate" metadata of a high-content screening plate group."""

from __future__ import annotations

from typing import Any

import pytest

from tests.v04.cases import (
    PLATE,
    PLATE_PTR,
    Case,
    change,
    check,
    drop,
    must,
    params,
    should,
    valid,
)

SECTION = "plate-md"

P = PLATE_PTR
ACQ = f"{P}/acquisitions"
ROWS = f"{P}/rows"
COLS = f"{P}/columns"
WELLS = f"{P}/wells"
NO_WELLS = change(PLATE, WELLS, [])


def plate(**changes: Any) -> dict[str, Any]:
    """PLATE with some keys of the plate dictionary replaced."""
    doc = change(PLATE, P, dict(PLATE["plate"]))
    doc["plate"].update(changes)
    return doc


def well(path: str, row: int, column: int) -> dict[str, Any]:
    return {"path": path, "rowIndex": row, "columnIndex": column}


CASES: list[Case] = [
    valid("plate/complete", PLATE),
    valid(
        "plate/sparse-96",
        plate(
            rows=[{"name": r} for r in "ABCDEFGH"],
            columns=[{"name": str(c)} for c in range(1, 13)],
            wells=[well("C/5", 2, 4), well("H/12", 7, 11)],
        ),
    ),
    valid(
        "plate/multi-character-names",
        plate(
            rows=[{"name": "AA"}, {"name": "AB"}],
            columns=[{"name": "01"}, {"name": "x10"}],
            wells=[well("AB/x10", 1, 1)],
        ),
    ),
    valid("plate/extra-keys-kept", change(PLATE, f"{P}/barcode", "PL-000123")),
    # "The `plate` dictionary MAY contain an `acquisitions` key"
    valid("plate/without-acquisitions", drop(PLATE, ACQ)),
    must(
        "plate/acquisitions-not-a-list", change(PLATE, ACQ, {"id": 0}), "wrong-type", ACQ, SECTION
    ),
    # "Each acquisition object MUST contain an `id` key whose value MUST be an unique integer
    # identifier greater than or equal to 0"
    must(
        "plate/acquisition-id-missing",
        drop(PLATE, f"{ACQ}/1/id"),
        "acquisition-id-missing",
        f"{ACQ}/1",
        SECTION,
    ),
    must(
        "plate/acquisition-id-negative",
        change(PLATE, f"{ACQ}/1/id", -1),
        "acquisition-id-invalid",
        f"{ACQ}/1/id",
        SECTION,
    ),
    must(
        "plate/acquisition-ids-not-unique",
        change(PLATE, f"{ACQ}/1/id", 0),
        "acquisition-ids-not-unique",
        f"{ACQ}/1/id",
        SECTION,
        rule="hand",
    ),
    # "Each acquisition object SHOULD contain a `name` key whose value MUST be a string"
    should(
        "plate/acquisition-name-missing",
        drop(PLATE, f"{ACQ}/1/name"),
        "acquisition-name-missing",
        f"{ACQ}/1",
        SECTION,
    ),
    must(
        "plate/acquisition-name-not-a-string",
        change(PLATE, f"{ACQ}/1/name", 2),
        "wrong-type",
        f"{ACQ}/1/name",
        SECTION,
    ),
    # "SHOULD contain a `maximumfieldcount` key whose value MUST be a positive integer"
    should(
        "plate/acquisition-maximumfieldcount-missing",
        drop(PLATE, f"{ACQ}/1/maximumfieldcount"),
        "acquisition-maximumfieldcount-missing",
        f"{ACQ}/1",
        SECTION,
    ),
    must(
        "plate/maximumfieldcount-zero",
        change(PLATE, f"{ACQ}/1/maximumfieldcount", 0),
        "maximumfieldcount-invalid",
        f"{ACQ}/1/maximumfieldcount",
        SECTION,
    ),
    must(
        "plate/maximumfieldcount-negative",
        change(PLATE, f"{ACQ}/1/maximumfieldcount", -3),
        "maximumfieldcount-invalid",
        f"{ACQ}/1/maximumfieldcount",
        SECTION,
    ),
    # "MAY contain a `description` key whose value MUST be a string"
    must(
        "plate/acquisition-description-not-a-string",
        change(PLATE, f"{ACQ}/0/description", 1),
        "wrong-type",
        f"{ACQ}/0/description",
        SECTION,
    ),
    # "MAY contain a `starttime` and/or `endtime` key whose values MUST be integer epoch
    # timestamps"
    valid(
        "plate/acquisition-times-in-milliseconds",
        change(PLATE, f"{ACQ}/1/starttime", 1343731272000),
    ),
    must(
        "plate/starttime-a-date",
        change(PLATE, f"{ACQ}/0/starttime", "2023-11-14T22:13:20Z"),
        "wrong-type",
        f"{ACQ}/0/starttime",
        SECTION,
    ),
    # "The `plate` dictionary MUST contain a `columns` key whose value MUST be a list of JSON
    # objects"
    must("plate/columns-missing", drop(PLATE, COLS), "plate-columns-missing", P, SECTION),
    must("plate/columns-not-a-list", change(NO_WELLS, COLS, "1,2,3"), "wrong-type", COLS, SECTION),
    # "Each column in the physical plate MUST be defined"
    must("plate/columns-empty", change(NO_WELLS, COLS, []), "plate-columns-empty", COLS, SECTION),
    # "Each column object MUST contain a `name` key"
    must(
        "plate/column-name-missing",
        change(PLATE, f"{COLS}/3", {}),
        "column-name-missing",
        f"{COLS}/3",
        SECTION,
    ),
    must(
        "plate/column-name-not-a-string",
        change(PLATE, f"{COLS}/3", {"name": 4}),
        "wrong-type",
        f"{COLS}/3/name",
        SECTION,
    ),
    # "The `name` MUST contain only alphanumeric characters"
    *[
        must(
            f"plate/column-name-{name}",
            change(PLATE, f"{COLS}/3", {"name": value}),
            "column-name-invalid",
            f"{COLS}/3/name",
            SECTION,
        )
        for name, value in [
            ("dash", "4-5"),
            ("space", "4 "),
            ("slash", "4/5"),
            ("empty", ""),
            ("underscore", "_4"),
        ]
    ],
    # "MUST be case-sensitive, and MUST NOT be a duplicate of any other `name`"
    must(
        "plate/column-names-not-unique",
        change(PLATE, f"{COLS}/3", {"name": "2"}),
        "column-names-not-unique",
        f"{COLS}/3/name",
        SECTION,
        rule="hand",
    ),
    # "Care SHOULD be taken to avoid collisions on case-insensitive filesystems"
    should(
        "plate/column-names-case-collision",
        change(change(PLATE, f"{COLS}/3", {"name": "Aa"}), f"{COLS}/4", {"name": "aA"}),
        "column-names-case-collision",
        f"{COLS}/4/name",
        SECTION,
        rule="hand",
    ),
    # "The `plate` dictionary SHOULD contain a `field_count` key whose value MUST be a positive
    # integer"
    should(
        "plate/field-count-missing",
        drop(PLATE, f"{P}/field_count"),
        "plate-field-count-missing",
        P,
        SECTION,
    ),
    must(
        "plate/field-count-zero",
        change(PLATE, f"{P}/field_count", 0),
        "field-count-invalid",
        f"{P}/field_count",
        SECTION,
    ),
    must(
        "plate/field-count-negative",
        change(PLATE, f"{P}/field_count", -2),
        "field-count-invalid",
        f"{P}/field_count",
        SECTION,
    ),
    # "The `plate` dictionary SHOULD contain a `name` key whose value MUST be a string"
    should("plate/name-missing", drop(PLATE, f"{P}/name"), "plate-name-missing", P, SECTION),
    must(
        "plate/name-not-a-string", change(PLATE, f"{P}/name", 3), "wrong-type", f"{P}/name", SECTION
    ),
    # "The `plate` dictionary MUST contain a `rows` key whose value MUST be a list of JSON
    # objects"
    must("plate/rows-missing", drop(PLATE, ROWS), "plate-rows-missing", P, SECTION),
    must("plate/rows-empty", change(NO_WELLS, ROWS, []), "plate-rows-empty", ROWS, SECTION),
    must(
        "plate/row-not-an-object",
        change(PLATE, f"{ROWS}/2", "C"),
        "wrong-type",
        f"{ROWS}/2",
        SECTION,
    ),
    # "Each defined row MUST contain a `name` key whose value MUST be a string"
    must(
        "plate/row-name-missing",
        change(PLATE, f"{ROWS}/2", {"label": "C"}),
        "row-name-missing",
        f"{ROWS}/2",
        SECTION,
    ),
    *[
        must(
            f"plate/row-name-{name}",
            change(PLATE, f"{ROWS}/2", {"name": value}),
            "row-name-invalid",
            f"{ROWS}/2/name",
            SECTION,
        )
        for name, value in [("dot", "C."), ("leading-space", " C"), ("empty", ""), ("plus", "C+")]
    ],
    must(
        "plate/row-names-not-unique",
        change(PLATE, f"{ROWS}/2", {"name": "A"}),
        "row-names-not-unique",
        f"{ROWS}/2/name",
        SECTION,
        rule="hand",
    ),
    should(
        "plate/row-names-case-collision",
        change(PLATE, f"{ROWS}/2", {"name": "a"}),
        "row-names-case-collision",
        f"{ROWS}/2/name",
        SECTION,
        rule="hand",
    ),
    # "The `plate` dictionary SHOULD contain a `version` key whose value MUST be a string"
    # (without it the document declares no version: the version-missing warning comes too)
    should(
        "plate/version-missing", drop(PLATE, f"{P}/version"), "plate-version-missing", P, SECTION
    ),
    # "The `plate` dictionary MUST contain a `wells` key whose value MUST be a list of JSON
    # objects"
    must("plate/wells-missing", drop(PLATE, WELLS), "plate-wells-missing", P, SECTION),
    must("plate/wells-not-a-list", change(PLATE, WELLS, "A/1"), "wrong-type", WELLS, SECTION),
    valid("plate/no-wells-yet", NO_WELLS),
    # "Each well object MUST contain a `path` key whose value MUST be a string"
    must(
        "plate/well-path-missing",
        drop(PLATE, f"{WELLS}/1/path"),
        "well-path-missing",
        f"{WELLS}/1",
        SECTION,
    ),
    must(
        "plate/well-path-not-a-string",
        change(PLATE, f"{WELLS}/1/path", ["A", "3"]),
        "wrong-type",
        f"{WELLS}/1/path",
        SECTION,
    ),
    # "The `path` MUST consist of a `name` in the `rows` list, a file separator (`/`), and a
    # `name` from the `columns` list, in that order. The `path` MUST NOT contain additional
    # leading or trailing directories."
    *[
        must(
            f"plate/well-path-{name}",
            change(PLATE, f"{WELLS}/1/path", value),
            "well-path-invalid",
            f"{WELLS}/1/path",
            SECTION,
        )
        for name, value in [
            ("no-separator", "A3"),
            ("backslash", "A\\3"),
            ("leading-directory", "plate/A/3"),
            ("trailing-directory", "A/3/0"),
            ("leading-slash", "/A/3"),
            ("trailing-slash", "A/3/"),
            ("double-slash", "A//3"),
        ]
    ],
    must(
        "plate/well-path-unknown-row",
        change(PLATE, f"{WELLS}/1/path", "C/3"),
        "well-path-row-unknown",
        f"{WELLS}/1/path",
        SECTION,
        rule="hand",
    ),
    must(
        "plate/well-path-row-case",
        change(PLATE, f"{WELLS}/1/path", "a/3"),
        "well-path-row-unknown",
        f"{WELLS}/1/path",
        SECTION,
        rule="hand",
    ),
    must(
        "plate/well-path-unknown-column",
        change(PLATE, f"{WELLS}/1/path", "A/4"),
        "well-path-column-unknown",
        f"{WELLS}/1/path",
        SECTION,
        rule="hand",
    ),
    must(
        "plate/well-path-column-then-row",
        change(PLATE, WELLS, [well("1/A", 0, 0)]),
        "well-path-row-unknown",
        f"{WELLS}/0/path",
        SECTION,
        rule="hand",
        also=((f"{WELLS}/0/path", "well-path-column-unknown"),),
    ),
    must(
        "plate/wells-not-unique",
        change(PLATE, f"{WELLS}/3", well("A/1", 0, 0)),
        "well-paths-not-unique",
        f"{WELLS}/3/path",
        SECTION,
        rule="hand",
    ),
    # "Each well object MUST contain both a `rowIndex` key ... and a `columnIndex` key"
    must(
        "plate/well-row-index-missing",
        drop(PLATE, f"{WELLS}/1/rowIndex"),
        "well-row-index-missing",
        f"{WELLS}/1",
        SECTION,
    ),
    must(
        "plate/well-column-index-missing",
        drop(PLATE, f"{WELLS}/1/columnIndex"),
        "well-column-index-missing",
        f"{WELLS}/1",
        SECTION,
    ),
    # "`rowIndex` and `columnIndex` MUST be 0-based."
    must(
        "plate/well-row-index-negative",
        change(PLATE, f"{WELLS}/0/rowIndex", -1),
        "well-index-out-of-range",
        f"{WELLS}/0/rowIndex",
        SECTION,
    ),
    must(
        "plate/well-column-index-negative",
        change(PLATE, f"{WELLS}/0/columnIndex", -1),
        "well-index-out-of-range",
        f"{WELLS}/0/columnIndex",
        SECTION,
    ),
    must(
        "plate/well-row-index-past-the-end",
        change(PLATE, f"{WELLS}/2/rowIndex", 2),
        "well-index-out-of-range",
        f"{WELLS}/2/rowIndex",
        SECTION,
        rule="hand",
    ),
    must(
        "plate/well-column-index-past-the-end",
        change(PLATE, f"{WELLS}/1/columnIndex", 3),
        "well-index-out-of-range",
        f"{WELLS}/1/columnIndex",
        SECTION,
        rule="hand",
    ),
    must(
        "plate/well-indices-one-based",
        change(PLATE, WELLS, [well("A/1", 1, 1)]),
        "well-index-mismatch",
        f"{WELLS}/0/rowIndex",
        SECTION,
        rule="hand",
        also=((f"{WELLS}/0/columnIndex", "well-index-mismatch"),),
    ),
    # "The `rowIndex`, `columnIndex`, and `path` MUST all refer to the same row/column pair."
    must(
        "plate/well-row-index-mismatch",
        change(PLATE, f"{WELLS}/2/rowIndex", 0),
        "well-index-mismatch",
        f"{WELLS}/2/rowIndex",
        SECTION,
        rule="hand",
    ),
    must(
        "plate/well-column-index-mismatch",
        change(PLATE, f"{WELLS}/1/columnIndex", 1),
        "well-index-mismatch",
        f"{WELLS}/1/columnIndex",
        SECTION,
        rule="hand",
    ),
    must("plate/not-an-object", change(PLATE, P, [PLATE["plate"]]), "wrong-type", P, SECTION),
]

# Not testable on one attributes document: "A well row group SHOULD NOT be present if there are
# no images in the well row" (it is about the groups of the hierarchy).


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)
