"""0.5 §plate-md: the plate layout of a high-content screening dataset."""

from __future__ import annotations

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_valid
from tests.v05.cases import (
    PLATE,
    Case,
    changed,
    must,
    params,
    plate,
    plate_meta,
    plate_well,
    run_case,
    should,
    valid,
)

ACQ = f"{PLATE}/acquisitions"
WELLS = f"{PLATE}/wells"


def one_well(path: str, row: object, column: object) -> dict[str, object]:
    """The default 2x3 plate with a single well."""
    return plate(wells=[plate_well(path, row, column)])


def acquisition(**fields: object) -> dict[str, object]:
    """The default plate with a single acquisition of ``fields`` (name and count by default)."""
    return plate(acquisitions=[{"name": "scan", "maximumfieldcount": 1, **fields}])


CASES: list[Case] = [
    valid("full plate", plate()),
    valid("plate without acquisitions", changed(plate(), f"{PLATE}/acquisitions", delete=True)),
    must("plate not an object", changed(plate(), PLATE, []), "wrong-type", PLATE),
    # §plate-md: "The `plate` dictionary MAY contain an `acquisitions` key whose value MUST be a
    # list of JSON objects".
    valid("no acquisition listed", plate(acquisitions=[])),
    must("acquisitions an object", plate(acquisitions={"id": 0}), "wrong-type", ACQ),
    must("acquisition not an object", plate(acquisitions=[0]), "wrong-type", f"{ACQ}/0"),
    # §plate-md: "Each acquisition object MUST contain an `id` key whose value MUST be an unique
    # integer identifier greater than or equal to 0 within the context of the plate".
    valid("acquisition id 0", acquisition(id=0)),
    valid("large acquisition id", acquisition(id=2**31)),
    must("acquisition id missing", acquisition(), "acquisition-id-missing", f"{ACQ}/0", "plate-md"),
    must(
        "acquisition id negative",
        acquisition(id=-1),
        "acquisition-id-invalid",
        f"{ACQ}/0/id",
        "plate-md",
    ),
    must(
        "acquisition id an integral float",
        acquisition(id=3.0),
        "wrong-type",
        f"{ACQ}/0/id",
        "plate-md",
    ),
    must("acquisition id a string", acquisition(id="3"), "wrong-type", f"{ACQ}/0/id"),
    must("acquisition id a boolean", acquisition(id=True), "wrong-type", f"{ACQ}/0/id"),
    must(
        "acquisition id repeated",
        changed(plate(), f"{ACQ}/1/id", 0),
        "acquisition-ids-not-unique",
        f"{ACQ}/1/id",
        "plate-md",
    ),
    # §plate-md: "Each acquisition object SHOULD contain a `name` key whose value MUST be a string
    # identifying the name of the acquisition."
    should(
        "acquisition name missing",
        changed(plate(), f"{ACQ}/1/name", delete=True),
        "acquisition-name-missing",
        f"{ACQ}/1",
        "plate-md",
    ),
    must("acquisition name a number", acquisition(id=0, name=1), "wrong-type", f"{ACQ}/0/name"),
    # §plate-md: "Each acquisition object SHOULD contain a `maximumfieldcount` key whose value
    # MUST be a positive integer".
    should(
        "maximumfieldcount missing",
        changed(plate(), f"{ACQ}/0/maximumfieldcount", delete=True),
        "acquisition-maximumfieldcount-missing",
        f"{ACQ}/0",
        "plate-md",
    ),
    must(
        "maximumfieldcount 0",
        acquisition(id=0, maximumfieldcount=0),
        "maximumfieldcount-invalid",
        f"{ACQ}/0/maximumfieldcount",
        "plate-md",
    ),
    must(
        "maximumfieldcount an integral float",
        acquisition(id=0, maximumfieldcount=2.0),
        "wrong-type",
        f"{ACQ}/0/maximumfieldcount",
        "plate-md",
    ),
    must(
        "maximumfieldcount a string",
        acquisition(id=0, maximumfieldcount="2"),
        "wrong-type",
        f"{ACQ}/0/maximumfieldcount",
    ),
    # §plate-md: "Each acquisition object MAY contain a `description` key whose value MUST be a
    # string".
    valid("acquisition description", acquisition(id=0, description="after drug B")),
    must(
        "acquisition description a list",
        acquisition(id=0, description=["after"]),
        "wrong-type",
        f"{ACQ}/0/description",
    ),
    # §plate-md: "a `starttime` and/or `endtime` key whose values MUST be integer epoch timestamps".
    valid("acquisition times", acquisition(id=0, starttime=1343731272000, endtime=1343735801000)),
    must(
        "starttime a fraction",
        acquisition(id=0, starttime=1343731272.5),
        "wrong-type",
        f"{ACQ}/0/starttime",
    ),
    must(
        "endtime an integral float",
        acquisition(id=0, endtime=1343735801.0),
        "wrong-type",
        f"{ACQ}/0/endtime",
        "plate-md",
    ),
    must(
        "starttime a date string",
        acquisition(id=0, starttime="2012-07-31T10:41:12"),
        "wrong-type",
        f"{ACQ}/0/starttime",
    ),
    # §plate-md: "The `plate` dictionary MUST contain a `columns` key whose value MUST be a list of
    # JSON objects defining the columns of the plate."
    must(
        "columns missing",
        changed(plate(), f"{PLATE}/columns", delete=True),
        "plate-columns-missing",
        PLATE,
        "plate-md",
    ),
    must("columns an object", plate(columns={"name": "1"}), "wrong-type", f"{PLATE}/columns"),
    # §plate-md: "Each column in the physical plate MUST be defined, even if no wells in the
    # column are defined."
    valid("columns without wells", plate(wells=[])),
    must(
        "no column",
        plate(columns=[], wells=[]),
        "plate-columns-empty",
        f"{PLATE}/columns",
        "plate-md",
    ),
    # §plate-md: "Each column object MUST contain a `name` key whose value is a string".
    must(
        "column name missing",
        plate(columns=[{"name": "1"}, {}], wells=[]),
        "column-name-missing",
        f"{PLATE}/columns/1",
        "plate-md",
    ),
    must(
        "column name a number",
        plate(columns=[{"name": 1}], wells=[]),
        "wrong-type",
        f"{PLATE}/columns/0/name",
    ),
    # §plate-md: "The `name` MUST contain only alphanumeric characters".
    valid("alphanumeric column names", plate(columns=[{"name": "c01"}, {"name": "C2"}], wells=[])),
    must(
        "column name with dash",
        plate(columns=[{"name": "1-2"}], wells=[]),
        "column-name-invalid",
        f"{PLATE}/columns/0/name",
        "plate-md",
    ),
    must(
        "column name with space",
        plate(columns=[{"name": "col 1"}], wells=[]),
        "column-name-invalid",
        f"{PLATE}/columns/0/name",
        "plate-md",
    ),
    must(
        "column name with slash",
        plate(columns=[{"name": "1/2"}], wells=[]),
        "column-name-invalid",
        f"{PLATE}/columns/0/name",
        "plate-md",
    ),
    must(
        "column name empty",
        plate(columns=[{"name": ""}], wells=[]),
        "column-name-invalid",
        f"{PLATE}/columns/0/name",
        "plate-md",
    ),
    # §plate-md: "MUST be case-sensitive, and MUST NOT be a duplicate of any other `name` in the
    # `columns` list."
    must(
        "column name repeated",
        plate(columns=[{"name": "1"}, {"name": "2"}, {"name": "1"}], wells=[]),
        "column-names-not-unique",
        f"{PLATE}/columns/2/name",
        "plate-md",
    ),
    # §plate-md: "Care SHOULD be taken to avoid collisions on case-insensitive filesystems (e.g.
    # avoid using both `Aa` and `aA`)." Case-sensitive names differing only in case are distinct
    # (no MUST error) but collide.
    should(
        "column names differ only in case",
        plate(columns=[{"name": "Aa"}, {"name": "aA"}], wells=[]),
        "column-names-case-collision",
        f"{PLATE}/columns/1/name",
        "plate-md",
    ),
    # §plate-md: "The `plate` dictionary SHOULD contain a `field_count` key whose value MUST be a
    # positive integer".
    should(
        "field_count missing",
        changed(plate(), f"{PLATE}/field_count", delete=True),
        "plate-field-count-missing",
        PLATE,
        "plate-md",
    ),
    must(
        "field_count 0",
        plate(field_count=0),
        "field-count-invalid",
        f"{PLATE}/field_count",
        "plate-md",
    ),
    must(
        "field_count negative",
        plate(field_count=-2),
        "field-count-invalid",
        f"{PLATE}/field_count",
        "plate-md",
    ),
    must(
        "field_count an integral float",
        plate(field_count=2.0),
        "wrong-type",
        f"{PLATE}/field_count",
        "plate-md",
    ),
    must("field_count a string", plate(field_count="2"), "wrong-type", f"{PLATE}/field_count"),
    # §plate-md: "The `plate` dictionary SHOULD contain a `name` key whose value MUST be a string".
    should(
        "name missing",
        changed(plate(), f"{PLATE}/name", delete=True),
        "plate-name-missing",
        PLATE,
        "plate-md",
    ),
    must("name a number", plate(name=7), "wrong-type", f"{PLATE}/name"),
    # §plate-md: "The `plate` dictionary MUST contain a `rows` key whose value MUST be a list of
    # JSON objects defining the rows of the plate. ... Each row in the physical plate MUST be
    # defined, even if no wells in the row are defined."
    must(
        "rows missing",
        changed(plate(), f"{PLATE}/rows", delete=True),
        "plate-rows-missing",
        PLATE,
        "plate-md",
    ),
    must("rows a string", plate(rows="AB"), "wrong-type", f"{PLATE}/rows"),
    must("no row", plate(rows=[], wells=[]), "plate-rows-empty", f"{PLATE}/rows", "plate-md"),
    # §plate-md: "Each defined row MUST contain a `name` key whose value MUST be a string ... The
    # `name` MUST contain only alphanumeric characters, MUST be case-sensitive, and MUST NOT be a
    # duplicate of any other `name` in the `rows` list."
    valid("rows differing in case", plate(rows=[{"name": "A"}, {"name": "b"}], wells=[])),
    must(
        "row name missing",
        plate(rows=[{}], wells=[]),
        "row-name-missing",
        f"{PLATE}/rows/0",
        "plate-md",
    ),
    must(
        "row name a number",
        plate(rows=[{"name": 1}], wells=[]),
        "wrong-type",
        f"{PLATE}/rows/0/name",
    ),
    must(
        "row name with underscore",
        plate(rows=[{"name": "A_1"}], wells=[]),
        "row-name-invalid",
        f"{PLATE}/rows/0/name",
        "plate-md",
    ),
    must(
        "row name with accent",
        plate(rows=[{"name": "É"}], wells=[]),
        "row-name-invalid",
        f"{PLATE}/rows/0/name",
        "plate-md",
    ),
    must(
        "row name repeated",
        plate(rows=[{"name": "A"}, {"name": "A"}], wells=[]),
        "row-names-not-unique",
        f"{PLATE}/rows/1/name",
        "plate-md",
    ),
    # §plate-md: rows, too: "Care SHOULD be taken to avoid collisions on case-insensitive
    # filesystems".
    should(
        "row names differ only in case",
        plate(rows=[{"name": "A"}, {"name": "a"}], wells=[]),
        "row-names-case-collision",
        f"{PLATE}/rows/1/name",
        "plate-md",
    ),
    # §plate-md: "The `plate` dictionary MUST contain a `version` key" — superseded in 0.5 by
    # "ome.version" (the spec's own plate examples omit it): not asked for; when present it must
    # agree.
    valid("plate version equal", plate(version="0.5")),
    must(
        "plate version differs",
        plate(version="0.4"),
        "version-mismatch",
        f"{PLATE}/version",
        "metadata",
    ),
    must("plate version a number", plate(version=0.5), "wrong-type", f"{PLATE}/version"),
    # §plate-md: "The `plate` dictionary MUST contain a `wells` key whose value MUST be a list of
    # JSON objects defining the wells of the plate."
    must(
        "wells missing",
        changed(plate(), f"{PLATE}/wells", delete=True),
        "plate-wells-missing",
        PLATE,
        "plate-md",
    ),
    must("wells an object", plate(wells={"A/1": [0, 0]}), "wrong-type", WELLS),
    must("well not an object", plate(wells=["A/1"]), "wrong-type", f"{WELLS}/0"),
    # §plate-md: "Each well object MUST contain a `path` key whose value MUST be a string
    # specifying the path to the well subgroup."
    must(
        "well path missing",
        plate(wells=[{"rowIndex": 0, "columnIndex": 0}]),
        "well-path-missing",
        f"{WELLS}/0",
        "plate-md",
    ),
    must("well path a list", one_well(["A", "1"], 0, 0), "wrong-type", f"{WELLS}/0/path"),  # type: ignore[arg-type]
    # §plate-md: "The `path` MUST consist of a `name` in the `rows` list, a file separator (`/`),
    # and a `name` from the `columns` list, in that order. The `path` MUST NOT contain additional
    # leading or trailing directories."
    valid("well in the last row and column", one_well("B/3", 1, 2)),
    must(
        "well path without separator",
        one_well("A1", 0, 0),
        "well-path-invalid",
        f"{WELLS}/0/path",
        "plate-md",
    ),
    must(
        "well path with a leading directory",
        one_well("plate/A/1", 0, 0),
        "well-path-invalid",
        f"{WELLS}/0/path",
        "plate-md",
    ),
    must(
        "well path with a trailing directory",
        one_well("A/1/0", 0, 0),
        "well-path-invalid",
        f"{WELLS}/0/path",
        "plate-md",
    ),
    must(
        "well path absolute",
        one_well("/A/1", 0, 0),
        "well-path-invalid",
        f"{WELLS}/0/path",
        "plate-md",
    ),
    must(
        "well path with trailing slash",
        one_well("A/1/", 0, 0),
        "well-path-invalid",
        f"{WELLS}/0/path",
        "plate-md",
    ),
    must(
        "well path with backslash",
        one_well("A\\1", 0, 0),
        "well-path-invalid",
        f"{WELLS}/0/path",
        "plate-md",
    ),
    must(
        "well row not a row name",
        one_well("C/1", 0, 0),
        "well-path-row-unknown",
        f"{WELLS}/0/path",
        "plate-md",
    ),
    must(
        "well column not a column name",
        one_well("A/4", 0, 0),
        "well-path-column-unknown",
        f"{WELLS}/0/path",
        "plate-md",
    ),
    must(
        "well path column then row",
        one_well("1/A", 0, 0),
        "well-path-row-unknown",
        f"{WELLS}/0/path",
        "plate-md",
    ),
    must(
        "well row in the wrong case",
        one_well("a/1", 0, 0),
        "well-path-row-unknown",
        f"{WELLS}/0/path",
        "plate-md",
    ),
    # §plate-md: "Each well object MUST contain both a `rowIndex` key whose value MUST be an
    # integer identifying the index into the `rows` list and a `columnIndex` key whose value MUST
    # be an integer identifying the index into the `columns` list."
    must(
        "rowIndex missing",
        plate(wells=[{"path": "A/1", "columnIndex": 0}]),
        "well-row-index-missing",
        f"{WELLS}/0",
        "plate-md",
    ),
    must(
        "columnIndex missing",
        plate(wells=[{"path": "A/1", "rowIndex": 0}]),
        "well-column-index-missing",
        f"{WELLS}/0",
        "plate-md",
    ),
    must(
        "rowIndex an integral float",
        one_well("B/1", 1.0, 0),
        "wrong-type",
        f"{WELLS}/0/rowIndex",
        "plate-md",
    ),
    must(
        "columnIndex an integral float",
        one_well("A/2", 0, 1.0),
        "wrong-type",
        f"{WELLS}/0/columnIndex",
        "plate-md",
    ),
    must("rowIndex a string", one_well("A/1", "0", 0), "wrong-type", f"{WELLS}/0/rowIndex"),
    must("columnIndex a boolean", one_well("A/2", 0, True), "wrong-type", f"{WELLS}/0/columnIndex"),
    # §plate-md: "`rowIndex` and `columnIndex` MUST be 0-based."
    valid("first well", one_well("A/1", 0, 0)),
    must(
        "rowIndex negative",
        one_well("A/1", -1, 0),
        "well-index-out-of-range",
        f"{WELLS}/0/rowIndex",
        "plate-md",
    ),
    must(
        "columnIndex negative",
        one_well("A/1", 0, -1),
        "well-index-out-of-range",
        f"{WELLS}/0/columnIndex",
        "plate-md",
    ),
    must(
        "rowIndex 1-based",
        one_well("B/1", 2, 0),
        "well-index-out-of-range",
        f"{WELLS}/0/rowIndex",
        "plate-md",
    ),
    must(
        "columnIndex 1-based",
        one_well("A/3", 0, 3),
        "well-index-out-of-range",
        f"{WELLS}/0/columnIndex",
        "plate-md",
    ),
    # §plate-md: "The `rowIndex`, `columnIndex`, and `path` MUST all refer to the same row/column
    # pair."
    must(
        "rowIndex of another row",
        one_well("A/2", 1, 1),
        "well-index-mismatch",
        f"{WELLS}/0/rowIndex",
        "plate-md",
    ),
    must(
        "columnIndex of another column",
        one_well("B/2", 1, 2),
        "well-index-mismatch",
        f"{WELLS}/0/columnIndex",
        "plate-md",
    ),
    # A well is one subgroup: listing the same path twice describes it twice.
    must(
        "well repeated",
        plate(wells=[plate_well("A/1", 0, 0), plate_well("A/1", 0, 0)]),
        "well-paths-not-unique",
        f"{WELLS}/1/path",
        "plate-md",
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)


def test_sparse_96_well_plate() -> None:
    rows = [{"name": r} for r in "ABCDEFGH"]
    columns = [{"name": str(c)} for c in range(1, 13)]
    wells = [plate_well("C/5", 2, 4), plate_well("H/12", 7, 11)]
    doc = plate(rows=rows, columns=columns, wells=wells)
    report = validate_attributes(doc, strict=True)
    assert_valid(report, no_warnings=True)
    assert report.kind == "plate"


def test_names_that_differ_only_in_case_are_not_duplicates() -> None:
    # "MUST be case-sensitive": A and a are two rows (only the SHOULD about filesystems applies),
    # and a well may be in either.
    doc = plate(rows=[{"name": "A"}, {"name": "a"}], wells=[plate_well("a/1", 1, 0)])
    report = validate_attributes(doc)
    assert_valid(report)
    assert {i.code for i in report.issues} == {"row-names-case-collision"}


def test_every_broken_well_is_reported() -> None:
    doc = plate(
        wells=[plate_well("A/1", 0, 0), plate_well("A/9", 0, 0), plate_well("B/2", 1, 5)],
        field_count=0,
    )
    report = validate_attributes(doc)
    assert sorted((i.path, i.code) for i in report.errors) == [
        (f"{PLATE}/field_count", "field-count-invalid"),
        (f"{WELLS}/1/path", "well-path-column-unknown"),
        (f"{WELLS}/2/columnIndex", "well-index-out-of-range"),
    ]


def test_plate_metadata_builder_is_strictly_valid() -> None:
    # The builder documents the test base: every SHOULD key present, nothing extra reported.
    assert set(plate_meta()) == {"name", "field_count", "acquisitions", "rows", "columns", "wells"}
    assert_valid(validate_attributes(plate(), strict=True), no_warnings=True)
