"""The typed models of ``omezarr_models.v03``: valid documents round-trip exactly, invalid ones are
rejected (the hand-written MUST rules with their issue code as the pydantic error type)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from omezarr_models import v03
from tests.v03.cases import (
    CH0,
    DS,
    IL,
    IMAGE,
    LABEL_IMAGE,
    MS,
    OMERO,
    PLATE,
    WELL,
    WIN0,
    Case,
    all_cases,
    keys,
)

# The model of a group's attributes, by the key that decides its kind.
GROUP_MODELS: list[tuple[str, type[BaseModel]]] = [
    ("plate", v03.Plate),
    ("well", v03.Well),
    ("image-label", v03.LabelImage),
    ("multiscales", v03.Image),
    ("labels", v03.Labels),
]


def model_of(doc: dict[str, Any]) -> type[BaseModel] | None:
    model = next((model for key, model in GROUP_MODELS if key in doc), None)
    if model is v03.LabelImage and "multiscales" not in doc:
        return None  # an image-label fragment is no label image group
    return model


def same_json(a: Any, b: Any) -> bool:
    """Equal as JSON text: 1 and 1.0 (and 1 and true) differ, key order does not matter."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


CASES = [c for c in all_cases() if model_of(c.doc) is not None and not c.xfail]
# Valid documents the validator gets wrong today (see the case's reason); the models run the same
# rules, except for SHOULD findings, which are no errors of a model.
KNOWN = [c for c in all_cases() if model_of(c.doc) is not None and c.xfail and c.level != "must"]
MODEL_OK = {"plate/column-names-differ-in-case"}
BUILDABLE = [c for c in CASES if c.level != "must"]
INTEGRAL_FLOATS = [c for c in CASES if c.level == "must" and c.id.endswith("integral-float")]
HAND = [c for c in CASES if c.level == "must" and c.rule == "hand" and c not in INTEGRAL_FLOATS]
SCHEMA = [c for c in CASES if c.level == "must" and c.rule == "schema"]


def _ids(cases: list[Case]) -> list[Any]:
    return [pytest.param(c, id=c.id) for c in cases]


@pytest.mark.parametrize(
    "case",
    [
        *_ids(BUILDABLE),
        *[c.param() if c.id not in MODEL_OK else pytest.param(c, id=c.id) for c in KNOWN],
    ],
)
def test_valid_document_round_trips(case: Case) -> None:
    model = model_of(case.doc)
    assert model is not None
    out = model.model_validate(case.doc).to_json_dict()  # type: ignore[attr-defined]
    assert same_json(out, case.doc)


@pytest.mark.parametrize("case", _ids(HAND))
def test_hand_written_rule_raises_its_code(case: Case) -> None:
    model = model_of(case.doc)
    assert model is not None
    with pytest.raises(ValidationError) as info:
        model.model_validate(case.doc)
    assert case.code in {e["type"] for e in info.value.errors()}


@pytest.mark.parametrize("case", _ids(INTEGRAL_FLOATS))
def test_integral_float_is_not_an_integer(case: Case) -> None:
    model = model_of(case.doc)
    assert model is not None
    with pytest.raises(ValidationError) as info:
        model.model_validate(case.doc)
    first = info.value.errors()[0]
    where = tuple(keys(case.pointer or ""))
    # pydantic's own error at that place (a union adds its member), or the rule's code
    assert (
        first["type"] in {"wrong-type", "label-rgba-invalid"} or first["loc"][: len(where)] == where
    )


@pytest.mark.parametrize("case", _ids(SCHEMA))
def test_schema_rule_is_enforced(case: Case) -> None:
    model = model_of(case.doc)
    assert model is not None
    with pytest.raises(ValidationError):
        model.model_validate(case.doc)


def _at(doc: dict[str, Any], pointer: str) -> Any:
    target: Any = doc
    for key in keys(pointer):
        target = target[key]
    return target


# Every public model on the piece of a base document it describes.
PARTS: list[tuple[type[BaseModel], dict[str, Any], str]] = [
    (v03.Multiscale, IMAGE, MS),
    (v03.Dataset, IMAGE, f"{DS}/1"),
    (v03.Omero, IMAGE, OMERO),
    (v03.Channel, IMAGE, CH0),
    (v03.Window, IMAGE, WIN0),
    (v03.Rdefs, IMAGE, f"{OMERO}/rdefs"),
    (v03.ImageLabel, LABEL_IMAGE, IL),
    (v03.LabelColor, LABEL_IMAGE, f"{IL}/colors/1"),
    (v03.LabelProperty, LABEL_IMAGE, f"{IL}/properties/0"),
    (v03.LabelSource, LABEL_IMAGE, f"{IL}/source"),
    (v03.PlateMetadata, PLATE, "/plate"),
    (v03.Row, PLATE, "/plate/rows/1"),
    (v03.Column, PLATE, "/plate/columns/2"),
    (v03.PlateWell, PLATE, "/plate/wells/2"),
    (v03.Acquisition, PLATE, "/plate/acquisitions/0"),
    (v03.WellMetadata, WELL, "/well"),
    (v03.WellImage, WELL, "/well/images/2"),
]


@pytest.mark.parametrize(
    ("model", "doc", "pointer"),
    [pytest.param(m, d, p, id=f"{m.__name__}:{p}") for m, d, p in PARTS],
)
def test_part_round_trips(model: type[BaseModel], doc: dict[str, Any], pointer: str) -> None:
    part = _at(doc, pointer)
    out = model.model_validate(part).to_json_dict()  # type: ignore[attr-defined]
    assert same_json(out, part)


def test_empty_column_and_row_objects() -> None:
    # "If not empty, it MUST contain a `name` key"
    assert v03.Column.model_validate({}).to_json_dict() == {}  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        v03.Row.model_validate({"label": "C"})
