"""0.1 §plate-md (and §hcs-layout): the "plate" metadata of a high-content screening plate group.

0.1 marks only "acquisitions" as optional; columns, rows and wells define the plate. Its keys
"name", "field_count" and "version" have a type but no MUST or SHOULD, names need not be
alphanumeric, and wells have a path only (0.4 adds rowIndex/columnIndex and ties the path to the
row and column names).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.v01.cases import (
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


CASES: list[Case] = [
    valid("plate/complete", PLATE),
    valid("plate/extra-keys-kept", change(PLATE, f"{P}/barcode", "PL-000123")),
    # "name", "field_count" and "version" are described, not required (0.4: SHOULD)
    valid(
        "plate/layout-only", {"plate": {k: PLATE["plate"][k] for k in ("rows", "columns", "wells")}}
    ),
    # "acquisitions: An optional list of JSON objects"
    valid("plate/without-acquisitions", drop(PLATE, ACQ)),
    must(
        "plate/acquisitions-not-a-list", change(PLATE, ACQ, {"id": 0}), "wrong-type", ACQ, SECTION
    ),
    must(
        "plate/acquisition-not-an-object",
        change(PLATE, f"{ACQ}/1", 5),
        "wrong-type",
        f"{ACQ}/1",
        SECTION,
    ),
    # "Each acquisition object MUST contain an `id` key providing an unique identifier within the
    # context of the plate" (an integer in the example; 0.4 adds ">= 0")
    must(
        "plate/acquisition-id-missing",
        drop(PLATE, f"{ACQ}/1/id"),
        "acquisition-id-missing",
        f"{ACQ}/1",
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
    # "It SHOULD contain a `name` key identifying the name of the acquisition."
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
    # "It SHOULD contain a `maximumfieldcount` key indicating the maximum number of fields of
    # view for the acquisition."
    should(
        "plate/acquisition-maximumfieldcount-missing",
        drop(PLATE, f"{ACQ}/1/maximumfieldcount"),
        "acquisition-maximumfieldcount-missing",
        f"{ACQ}/1",
        SECTION,
    ),
    should(
        "plate/acquisition-id-only",
        change(PLATE, f"{ACQ}/1", {"id": 5}),
        "acquisition-name-missing",
        f"{ACQ}/1",
        SECTION,
        also=((f"{ACQ}/1", "acquisition-maximumfieldcount-missing"),),
    ),
    # "It MAY contain a `description` key providing a description for the acquisition."
    must(
        "plate/acquisition-description-not-a-string",
        change(PLATE, f"{ACQ}/0/description", 1),
        "wrong-type",
        f"{ACQ}/0/description",
        SECTION,
    ),
    # "It MAY contain a `startime` and/or `endtime` key specifying the start and/or end
    # timestamp of the acquisition using an epoch string." (the example: an integer)
    valid(
        "plate/acquisition-times-in-milliseconds",
        change(PLATE, f"{ACQ}/1/starttime", 1343731272000),
    ),
    valid(
        "plate/acquisition-time-as-epoch-string", change(PLATE, f"{ACQ}/0/endtime", "1700003600")
    ),
    must(
        "plate/starttime-a-boolean",
        change(PLATE, f"{ACQ}/0/starttime", True),
        "wrong-type",
        f"{ACQ}/0/starttime",
        SECTION,
    ),
    # "columns: A list of JSON objects defining the columns of the plate."
    must("plate/columns-missing", drop(PLATE, COLS), "plate-columns-missing", P, SECTION),
    must("plate/columns-not-a-list", change(PLATE, COLS, "1,2,3"), "wrong-type", COLS, SECTION),
    must(
        "plate/column-not-an-object",
        change(PLATE, f"{COLS}/3", "4"),
        "wrong-type",
        f"{COLS}/3",
        SECTION,
    ),
    # "If not empty, it MUST contain a `name` key specifying the column name."
    valid("plate/column-empty-object", change(PLATE, f"{COLS}/3", {})),
    must(
        "plate/column-name-missing",
        change(PLATE, f"{COLS}/3", {"label": "4"}),
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
    # no alphanumeric names, no "every column MUST be defined", no uniqueness (0.4 adds them)
    valid("plate/column-name-not-alphanumeric", change(PLATE, f"{COLS}/3", {"name": "4-a"})),
    valid("plate/no-columns-no-rows-no-wells", plate(columns=[], rows=[], wells=[])),
    valid("plate/column-names-repeated", change(PLATE, f"{COLS}/3", {"name": "2"})),
    valid(
        "plate/column-names-differ-in-case",
        change(change(PLATE, f"{COLS}/3", {"name": "Aa"}), f"{COLS}/4", {"name": "aA"}),
    ),
    # "field_count: An integer defining the maximum number of fields per view across all wells."
    valid("plate/without-field-count", drop(PLATE, f"{P}/field_count")),
    valid("plate/field-count-zero", change(PLATE, f"{P}/field_count", 0)),
    # "name: A string defining the name of the plate."
    valid("plate/without-name", drop(PLATE, f"{P}/name")),
    must(
        "plate/name-not-a-string", change(PLATE, f"{P}/name", 3), "wrong-type", f"{P}/name", SECTION
    ),
    # "rows: A list of JSON objects defining the rows of the plate."
    must("plate/rows-missing", drop(PLATE, ROWS), "plate-rows-missing", P, SECTION),
    must("plate/rows-not-a-list", change(PLATE, ROWS, "A,B"), "wrong-type", ROWS, SECTION),
    must(
        "plate/rows-of-strings",
        change(NO_WELLS, ROWS, ["A", "B"]),
        "wrong-type",
        f"{ROWS}/0",
        SECTION,
        also=((f"{ROWS}/1", "wrong-type"),),
    ),
    # "If not empty, it MUST contain a `name` key specifying the row name."
    valid("plate/row-empty-object", change(PLATE, f"{ROWS}/2", {})),
    must(
        "plate/row-name-missing",
        change(PLATE, f"{ROWS}/2", {"label": "C"}),
        "row-name-missing",
        f"{ROWS}/2",
        SECTION,
    ),
    must(
        "plate/row-name-not-a-string",
        change(PLATE, f"{ROWS}/2", {"name": ["C"]}),
        "wrong-type",
        f"{ROWS}/2/name",
        SECTION,
    ),
    valid("plate/row-name-not-alphanumeric", change(PLATE, f"{ROWS}/2", {"name": "C "})),
    valid("plate/row-names-repeated", change(PLATE, f"{ROWS}/2", {"name": "A"})),
    # "version: A string defining the version of the specification." (0.4: SHOULD)
    must(
        "plate/version-not-a-string",
        change(PLATE, f"{P}/version", 0.1),
        "wrong-type",
        f"{P}/version",
        SECTION,
    ),
    # "wells: A list of JSON objects defining the wells of the plate."
    must("plate/wells-missing", drop(PLATE, WELLS), "plate-wells-missing", P, SECTION),
    must("plate/wells-not-a-list", change(PLATE, WELLS, "A/1"), "wrong-type", WELLS, SECTION),
    must(
        "plate/well-not-an-object",
        change(PLATE, f"{WELLS}/1", "A/3"),
        "wrong-type",
        f"{WELLS}/1",
        SECTION,
    ),
    # "Each well object MUST contain a `path` key identifying the path to the well subgroup."
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
    # the text's own example has paths with a leading directory ("<date>/A/1"); nothing ties
    # the path to the row and column names, nor asks for rowIndex/columnIndex (0.4 does)
    valid(
        "plate/well-paths-with-a-leading-directory",
        plate(wells=[{"path": "run7/A/1"}, {"path": "run7/B/3"}]),
    ),
    valid("plate/well-path-without-separator", change(PLATE, f"{WELLS}/1/path", "A3")),
    valid(
        "plate/well-path-names-another-row",
        change(PLATE, f"{WELLS}/1/path", "C/3"),
    ),
    valid("plate/wells-repeated", change(PLATE, f"{WELLS}/3", {"path": "A/1"})),
    must("plate/not-an-object", change(PLATE, P, [PLATE["plate"]]), "wrong-type", P, SECTION),
]

# §hcs-layout "the group above the well row defines an entire plate ... It MUST implement the
# plate specification": the plate schema requires "plate" (see tests/test_early_oracle.py).


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)
