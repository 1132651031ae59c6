"""§plate-md rule cases of 0.1, 0.2 and 0.3, whose texts say the same of plates.

These versions mark only "acquisitions" as optional; columns, rows and wells define the plate.
Its keys "name", "field_count" and "version" have a type but no MUST or SHOULD, names need not
be alphanumeric, and wells have a path only (0.4 adds rowIndex/columnIndex and ties the path to
the row and column names). Each version's ``test_plate`` module lists these cases against its
own base plate document.
"""

from __future__ import annotations

from typing import Any

from tests.early_cases import Case, change, drop, must, should, valid

SECTION = "plate-md"

P = "/plate"
ACQ = f"{P}/acquisitions"
ROWS = f"{P}/rows"
COLS = f"{P}/columns"
WELLS = f"{P}/wells"


def plate_cases(version: str, base: dict[str, Any]) -> list[Case]:
    """The plate rule cases of ``version`` (``"0.1"`` to ``"0.3"``), made from its base plate."""
    no_wells = change(base, WELLS, [])

    def plate(**changes: Any) -> dict[str, Any]:
        """The base plate with some keys of the plate dictionary replaced."""
        doc = change(base, P, dict(base["plate"]))
        doc["plate"].update(changes)
        return doc

    return [
        valid("plate/complete", base),
        valid("plate/extra-keys-kept", change(base, f"{P}/barcode", "PL-000123")),
        # "name", "field_count" and "version" are described, not required (0.4: SHOULD)
        valid(
            "plate/layout-only",
            {"plate": {k: base["plate"][k] for k in ("rows", "columns", "wells")}},
        ),
        # "acquisitions: An optional list of JSON objects"
        valid("plate/without-acquisitions", drop(base, ACQ)),
        must(
            "plate/acquisitions-not-a-list",
            change(base, ACQ, {"id": 0}),
            "wrong-type",
            ACQ,
            SECTION,
        ),
        must(
            "plate/acquisition-not-an-object",
            change(base, f"{ACQ}/1", 5),
            "wrong-type",
            f"{ACQ}/1",
            SECTION,
        ),
        # "Each acquisition object MUST contain an `id` key providing an unique identifier within the
        # context of the plate" (an integer in the example; 0.4 adds ">= 0")
        must(
            "plate/acquisition-id-missing",
            drop(base, f"{ACQ}/1/id"),
            "acquisition-id-missing",
            f"{ACQ}/1",
            SECTION,
        ),
        must(
            "plate/acquisition-ids-not-unique",
            change(base, f"{ACQ}/1/id", 0),
            "acquisition-ids-not-unique",
            f"{ACQ}/1/id",
            SECTION,
            rule="hand",
        ),
        # "It SHOULD contain a `name` key identifying the name of the acquisition."
        should(
            "plate/acquisition-name-missing",
            drop(base, f"{ACQ}/1/name"),
            "acquisition-name-missing",
            f"{ACQ}/1",
            SECTION,
        ),
        must(
            "plate/acquisition-name-not-a-string",
            change(base, f"{ACQ}/1/name", 2),
            "wrong-type",
            f"{ACQ}/1/name",
            SECTION,
        ),
        # "It SHOULD contain a `maximumfieldcount` key indicating the maximum number of fields of
        # view for the acquisition."
        should(
            "plate/acquisition-maximumfieldcount-missing",
            drop(base, f"{ACQ}/1/maximumfieldcount"),
            "acquisition-maximumfieldcount-missing",
            f"{ACQ}/1",
            SECTION,
        ),
        should(
            "plate/acquisition-id-only",
            change(base, f"{ACQ}/1", {"id": 5}),
            "acquisition-name-missing",
            f"{ACQ}/1",
            SECTION,
            also=((f"{ACQ}/1", "acquisition-maximumfieldcount-missing"),),
        ),
        # "It MAY contain a `description` key providing a description for the acquisition."
        must(
            "plate/acquisition-description-not-a-string",
            change(base, f"{ACQ}/0/description", 1),
            "wrong-type",
            f"{ACQ}/0/description",
            SECTION,
        ),
        # "It MAY contain a `startime` and/or `endtime` key specifying the start and/or end
        # timestamp of the acquisition using an epoch string." (the example: an integer)
        valid(
            "plate/acquisition-times-in-milliseconds",
            change(base, f"{ACQ}/1/starttime", 1343731272000),
        ),
        valid(
            "plate/acquisition-time-as-epoch-string", change(base, f"{ACQ}/0/endtime", "1700003600")
        ),
        must(
            "plate/starttime-a-boolean",
            change(base, f"{ACQ}/0/starttime", True),
            "wrong-type",
            f"{ACQ}/0/starttime",
            SECTION,
        ),
        # "columns: A list of JSON objects defining the columns of the plate."
        must("plate/columns-missing", drop(base, COLS), "plate-columns-missing", P, SECTION),
        must("plate/columns-not-a-list", change(base, COLS, "1,2,3"), "wrong-type", COLS, SECTION),
        must(
            "plate/column-not-an-object",
            change(base, f"{COLS}/3", "4"),
            "wrong-type",
            f"{COLS}/3",
            SECTION,
        ),
        # "If not empty, it MUST contain a `name` key specifying the column name."
        valid("plate/column-empty-object", change(base, f"{COLS}/3", {})),
        must(
            "plate/column-name-missing",
            change(base, f"{COLS}/3", {"label": "4"}),
            "column-name-missing",
            f"{COLS}/3",
            SECTION,
        ),
        must(
            "plate/column-name-not-a-string",
            change(base, f"{COLS}/3", {"name": 4}),
            "wrong-type",
            f"{COLS}/3/name",
            SECTION,
        ),
        # no alphanumeric names, no "every column MUST be defined", no uniqueness (0.4 adds them)
        valid("plate/column-name-not-alphanumeric", change(base, f"{COLS}/3", {"name": "4-a"})),
        valid("plate/no-columns-no-rows-no-wells", plate(columns=[], rows=[], wells=[])),
        valid("plate/column-names-repeated", change(base, f"{COLS}/3", {"name": "2"})),
        valid(
            "plate/column-names-differ-in-case",
            change(change(base, f"{COLS}/3", {"name": "Aa"}), f"{COLS}/4", {"name": "aA"}),
        ),
        # "field_count: An integer defining the maximum number of fields per view across all wells."
        valid("plate/without-field-count", drop(base, f"{P}/field_count")),
        valid("plate/field-count-zero", change(base, f"{P}/field_count", 0)),
        # "name: A string defining the name of the plate."
        valid("plate/without-name", drop(base, f"{P}/name")),
        must(
            "plate/name-not-a-string",
            change(base, f"{P}/name", 3),
            "wrong-type",
            f"{P}/name",
            SECTION,
        ),
        # "rows: A list of JSON objects defining the rows of the plate."
        must("plate/rows-missing", drop(base, ROWS), "plate-rows-missing", P, SECTION),
        must("plate/rows-not-a-list", change(base, ROWS, "A,B"), "wrong-type", ROWS, SECTION),
        must(
            "plate/rows-of-strings",
            change(no_wells, ROWS, ["A", "B"]),
            "wrong-type",
            f"{ROWS}/0",
            SECTION,
            also=((f"{ROWS}/1", "wrong-type"),),
        ),
        # "If not empty, it MUST contain a `name` key specifying the row name."
        valid("plate/row-empty-object", change(base, f"{ROWS}/2", {})),
        must(
            "plate/row-name-missing",
            change(base, f"{ROWS}/2", {"label": "C"}),
            "row-name-missing",
            f"{ROWS}/2",
            SECTION,
        ),
        must(
            "plate/row-name-not-a-string",
            change(base, f"{ROWS}/2", {"name": ["C"]}),
            "wrong-type",
            f"{ROWS}/2/name",
            SECTION,
        ),
        valid("plate/row-name-not-alphanumeric", change(base, f"{ROWS}/2", {"name": "C "})),
        valid("plate/row-names-repeated", change(base, f"{ROWS}/2", {"name": "A"})),
        # "version: A string defining the version of the specification." (0.4: SHOULD)
        must(
            "plate/version-not-a-string",
            change(base, f"{P}/version", float(version)),
            "wrong-type",
            f"{P}/version",
            SECTION,
        ),
        # "wells: A list of JSON objects defining the wells of the plate."
        must("plate/wells-missing", drop(base, WELLS), "plate-wells-missing", P, SECTION),
        must("plate/wells-not-a-list", change(base, WELLS, "A/1"), "wrong-type", WELLS, SECTION),
        must(
            "plate/well-not-an-object",
            change(base, f"{WELLS}/1", "A/3"),
            "wrong-type",
            f"{WELLS}/1",
            SECTION,
        ),
        # "Each well object MUST contain a `path` key identifying the path to the well subgroup."
        must(
            "plate/well-path-missing",
            drop(base, f"{WELLS}/1/path"),
            "well-path-missing",
            f"{WELLS}/1",
            SECTION,
        ),
        must(
            "plate/well-path-not-a-string",
            change(base, f"{WELLS}/1/path", ["A", "3"]),
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
        valid("plate/well-path-without-separator", change(base, f"{WELLS}/1/path", "A3")),
        valid(
            "plate/well-path-names-another-row",
            change(base, f"{WELLS}/1/path", "C/3"),
        ),
        valid("plate/wells-repeated", change(base, f"{WELLS}/3", {"path": "A/1"})),
        must("plate/not-an-object", change(base, P, [base["plate"]]), "wrong-type", P, SECTION),
    ]
