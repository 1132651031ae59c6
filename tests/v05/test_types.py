"""Strict JSON types in 0.5 documents: ``"100"`` and ``true`` are not numbers, ``1.0`` is not an
integer (JSON Schema would accept it; the spec's "integer" and typed readers do not)."""

from __future__ import annotations

from typing import Any

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_error, assert_valid
from tests.v05.cases import (
    CH,
    CT,
    IL,
    MS_CT,
    OMERO,
    PLATE,
    WELL,
    YX,
    changed,
    channel,
    dataset,
    image,
    label_image,
    ome_keys,
    plate,
    scale,
    translation,
    well,
    with_omero,
)

OMERO_DOC = with_omero(
    {
        "id": 1,
        "channels": [channel(coefficient=1)],
        "rdefs": {"defaultT": 0, "defaultZ": 0, "model": "greyscale"},
    }
)
IMAGE_DOC = image(
    YX,
    [dataset("0", scale(1, 1), translation(0, 0))],
    coordinateTransformations=[scale(1, 1)],
)
LABEL_DOC = label_image(
    {"colors": [{"label-value": 1, "rgba": [1, 1, 1, 1]}], "properties": [{"label-value": 1}]}
)
PLATE_DOC = plate(
    acquisitions=[{"id": 1, "name": "a", "maximumfieldcount": 1, "starttime": 1, "endtime": 1}]
)
WELL_DOC = well([{"path": "0", "acquisition": 1}])
LAYOUT_DOC = ome_keys({"bioformats2raw.layout": 3})

# (document, pointer): where the spec asks for a number ("List[float]", the window values, ...).
NUMBERS = [
    pytest.param(IMAGE_DOC, f"{CT}/0/scale/0", id="scale"),
    pytest.param(IMAGE_DOC, f"{CT}/1/translation/1", id="translation"),
    pytest.param(IMAGE_DOC, f"{MS_CT}/0/scale/1", id="multiscale scale"),
    *[
        pytest.param(OMERO_DOC, f"{CH}/window/{k}", id=f"window {k}")
        for k in ("min", "max", "start", "end")
    ],
    pytest.param(OMERO_DOC, f"{CH}/coefficient", id="coefficient"),
]

# (document, pointer, an allowed integer, the code of a non-integer): where the spec asks for
# an integer.
INTEGERS = [
    pytest.param(OMERO_DOC, f"{OMERO}/id", 7, "wrong-type", id="omero id"),
    pytest.param(OMERO_DOC, f"{OMERO}/rdefs/defaultT", 1, "wrong-type", id="defaultT"),
    pytest.param(OMERO_DOC, f"{OMERO}/rdefs/defaultZ", 1, "wrong-type", id="defaultZ"),
    pytest.param(LABEL_DOC, f"{IL}/colors/0/label-value", 1, "wrong-type", id="colour label-value"),
    pytest.param(
        LABEL_DOC, f"{IL}/properties/0/label-value", 1, "wrong-type", id="property label-value"
    ),
    pytest.param(LABEL_DOC, f"{IL}/colors/0/rgba/2", 100, "label-rgba-invalid", id="rgba"),
    pytest.param(PLATE_DOC, f"{PLATE}/field_count", 100, "wrong-type", id="field_count"),
    pytest.param(PLATE_DOC, f"{PLATE}/acquisitions/0/id", 100, "wrong-type", id="acquisition id"),
    pytest.param(
        PLATE_DOC,
        f"{PLATE}/acquisitions/0/maximumfieldcount",
        100,
        "wrong-type",
        id="maximumfieldcount",
    ),
    pytest.param(PLATE_DOC, f"{PLATE}/acquisitions/0/starttime", 100, "wrong-type", id="starttime"),
    pytest.param(PLATE_DOC, f"{PLATE}/acquisitions/0/endtime", 100, "wrong-type", id="endtime"),
    pytest.param(PLATE_DOC, f"{PLATE}/wells/2/rowIndex", 1, "wrong-type", id="rowIndex"),
    pytest.param(PLATE_DOC, f"{PLATE}/wells/1/columnIndex", 2, "wrong-type", id="columnIndex"),
    pytest.param(
        WELL_DOC, f"{WELL}/images/0/acquisition", 100, "wrong-type", id="well acquisition"
    ),
    pytest.param(LAYOUT_DOC, "/ome/bioformats2raw.layout", 3, "bf2raw-layout-invalid", id="layout"),
]


@pytest.mark.parametrize(("doc", "pointer"), NUMBERS)
@pytest.mark.parametrize("value", [100, 1.0, -2.5, 0, 1e-9], ids=repr)
def test_json_numbers_are_numbers(doc: dict[str, Any], pointer: str, value: Any) -> None:
    assert_valid(validate_attributes(changed(doc, pointer, value), strict=True), no_warnings=True)


@pytest.mark.parametrize(("doc", "pointer"), NUMBERS)
@pytest.mark.parametrize("value", ["100", True, False, None, [1], {"value": 1}], ids=repr)
def test_other_json_types_are_not_numbers(doc: dict[str, Any], pointer: str, value: Any) -> None:
    assert_error(validate_attributes(changed(doc, pointer, value)), "wrong-type", pointer)


@pytest.mark.parametrize(("doc", "pointer", "good", "code"), INTEGERS)
def test_integers_are_accepted(doc: dict[str, Any], pointer: str, good: int, code: str) -> None:
    assert_valid(validate_attributes(changed(doc, pointer, good), strict=True), no_warnings=True)


@pytest.mark.parametrize(("doc", "pointer", "good", "code"), INTEGERS)
def test_an_integral_float_is_not_an_integer(
    doc: dict[str, Any], pointer: str, good: int, code: str
) -> None:
    report = validate_attributes(changed(doc, pointer, float(good)))
    expected = "wrong-type" if code == "bf2raw-layout-invalid" else code
    assert_error(report, expected, pointer)
    assert [i.path for i in report.errors] == [pointer]


@pytest.mark.parametrize(("doc", "pointer", "good", "code"), INTEGERS)
@pytest.mark.parametrize("kind", ["string", "boolean"])
def test_strings_and_booleans_are_not_integers(
    doc: dict[str, Any], pointer: str, good: int, code: str, kind: str
) -> None:
    value = str(good) if kind == "string" else True
    assert_error(validate_attributes(changed(doc, pointer, value)), code, pointer)


def test_large_integers_stay_integers() -> None:
    doc = changed(PLATE_DOC, f"{PLATE}/acquisitions/0/starttime", 2**62)
    assert_valid(validate_attributes(doc, strict=True), no_warnings=True)
