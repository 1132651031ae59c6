"""The typed models of ``omezarr_models.v04``: valid documents round-trip exactly, invalid ones are
rejected (the hand-written MUST rules with their issue code as the pydantic error type)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from omezarr_models import v04
from tests.conftest import load_spec_example, spec_examples
from tests.v04.cases import (
    AXES,
    CH0,
    CT1,
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
    change,
    keys,
)

# The model of a group's attributes, by the key that decides its kind (the plate takes
# precedence over bioformats2raw.layout, says §bf2raw-attributes).
GROUP_MODELS: list[tuple[str, type[BaseModel]]] = [
    ("plate", v04.Plate),
    ("well", v04.Well),
    ("image-label", v04.LabelImage),
    ("multiscales", v04.Image),
    ("labels", v04.Labels),
    ("bioformats2raw.layout", v04.Bioformats2Raw),
    ("series", v04.Series),
]


def model_of(doc: dict[str, Any]) -> type[BaseModel] | None:
    return next((model for key, model in GROUP_MODELS if key in doc), None)


def same_json(a: Any, b: Any) -> bool:
    """Equal as JSON text: 1 and 1.0 (and 1 and true) differ, key order does not matter."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


CASES = [c for c in all_cases() if model_of(c.doc) is not None]
BUILDABLE = [c for c in CASES if c.level != "must"]
INTEGRAL_FLOATS = [c for c in CASES if c.level == "must" and c.id.endswith("integral-float")]
HAND = [c for c in CASES if c.level == "must" and c.rule == "hand" and c not in INTEGRAL_FLOATS]
SCHEMA = [c for c in CASES if c.level == "must" and c.rule == "schema"]

MODEL_GAPS: dict[str, str] = {}


def _params(cases: list[Case], gaps: dict[str, str] | None = None) -> list[Any]:
    out = []
    for c in cases:
        reason = (gaps or {}).get(c.code or "")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(c, id=c.id, marks=marks))
    return out


@pytest.mark.parametrize("case", _params(BUILDABLE))
def test_valid_document_round_trips(case: Case) -> None:
    model = model_of(case.doc)
    assert model is not None
    out = model.model_validate(case.doc).to_json_dict()  # type: ignore[attr-defined]
    assert out == case.doc
    assert same_json(out, case.doc)


@pytest.mark.parametrize("case", _params(HAND, MODEL_GAPS))
def test_hand_written_rule_raises_its_code(case: Case) -> None:
    model = model_of(case.doc)
    assert model is not None
    with pytest.raises(ValidationError) as info:
        model.model_validate(case.doc)
    assert info.value.errors()[0]["type"] == case.code


@pytest.mark.parametrize("case", _params(INTEGRAL_FLOATS))
def test_integral_float_is_not_an_integer(case: Case) -> None:
    # strict pydantic types reject 1.0 for int before any rule runs (the error is pydantic's, at
    # the same place), or the model's own rule does (with the issue code)
    model = model_of(case.doc)
    assert model is not None
    with pytest.raises(ValidationError) as info:
        model.model_validate(case.doc)
    first = info.value.errors()[0]
    assert first["type"] == "wrong-type" or first["loc"] == tuple(keys(case.pointer or ""))


@pytest.mark.parametrize("case", _params(SCHEMA))
def test_schema_rule_is_enforced(case: Case) -> None:
    model = model_of(case.doc)
    assert model is not None
    with pytest.raises(ValidationError):
        model.model_validate(case.doc)


def test_numbers_keep_their_json_type_and_unknown_keys_stay() -> None:
    doc = change(IMAGE, f"{MS}/datasets/0/futureKey", {"nested": [1, 1.0, True, None]})
    out = v04.Image.model_validate(doc).to_json_dict()
    scale = out["multiscales"][0]["datasets"][0]["coordinateTransformations"][0]["scale"]
    assert [type(v) for v in scale] == [int, int, float, float, float]
    assert out["multiscales"][0]["datasets"][0]["futureKey"] == {"nested": [1, 1.0, True, None]}
    assert out["_ARRAY_DIMENSIONS"] == ["t", "c", "z", "y", "x"]
    window = out["omero"]["channels"][1]["window"]
    assert [type(window[k]) for k in ("min", "max", "start")] == [float, float, float]
    assert same_json(out, doc)


def _at(doc: dict[str, Any], pointer: str) -> Any:
    target: Any = doc
    for key in keys(pointer):
        target = target[key]
    return target


# Every public model on the piece of a base document it describes.
PARTS: list[tuple[type[BaseModel], dict[str, Any], str]] = [
    (v04.Multiscale, IMAGE, MS),
    (v04.Dataset, IMAGE, f"{DS}/1"),
    (v04.Axis, IMAGE, f"{AXES}/0"),
    (v04.Axis, IMAGE, f"{AXES}/1"),
    (v04.ScaleTransformation, IMAGE, f"{CT1}/0"),
    (v04.TranslationTransformation, IMAGE, f"{CT1}/1"),
    (v04.Omero, IMAGE, OMERO),
    (v04.Channel, IMAGE, CH0),
    (v04.Window, IMAGE, WIN0),
    (v04.ImageLabel, LABEL_IMAGE, IL),
    (v04.LabelColor, LABEL_IMAGE, f"{IL}/colors/1"),
    (v04.LabelProperty, LABEL_IMAGE, f"{IL}/properties/0"),
    (v04.LabelSource, LABEL_IMAGE, f"{IL}/source"),
    (v04.PlateMetadata, PLATE, "/plate"),
    (v04.Row, PLATE, "/plate/rows/1"),
    (v04.Column, PLATE, "/plate/columns/2"),
    (v04.PlateWell, PLATE, "/plate/wells/2"),
    (v04.Acquisition, PLATE, "/plate/acquisitions/0"),
    (v04.WellMetadata, WELL, "/well"),
    (v04.WellImage, WELL, "/well/images/2"),
]


@pytest.mark.parametrize(
    ("model", "doc", "pointer"),
    [pytest.param(m, d, p, id=f"{m.__name__}:{p}") for m, d, p in PARTS],
)
def test_part_round_trips(model: type[BaseModel], doc: dict[str, Any], pointer: str) -> None:
    part = _at(doc, pointer)
    out = model.model_validate(part).to_json_dict()  # type: ignore[attr-defined]
    assert same_json(out, part)


@pytest.mark.parametrize(
    ("model", "part", "code"),
    [
        pytest.param(
            v04.Multiscale,
            change(_at(IMAGE, MS), "/axes/4/name", "z"),
            "axis-names-not-unique",
            id="Multiscale",
        ),
        pytest.param(
            v04.PlateMetadata,
            change(PLATE["plate"], "/wells/0/path", "B/1"),
            "well-index-mismatch",
            id="PlateMetadata",
        ),
        pytest.param(
            v04.WellMetadata,
            change(WELL["well"], "/images/1/path", "0"),
            "well-image-paths-not-unique",
            id="WellMetadata",
        ),
        pytest.param(
            v04.ImageLabel,
            change(LABEL_IMAGE["image-label"], "/colors/1/label-value", 1),
            "label-values-not-unique",
            id="ImageLabel",
        ),
    ],
)
def test_part_rule_raises_its_code(model: type[BaseModel], part: dict[str, Any], code: str) -> None:
    with pytest.raises(ValidationError) as info:
        model.model_validate(part)
    assert info.value.errors()[0]["type"] == code


EXAMPLES = spec_examples("0.4")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name + "/" + p.name for p in EXAMPLES])
def test_spec_example_round_trips(path: Path) -> None:
    doc = load_spec_example(path)
    model = model_of(doc)
    if "multiscales" not in doc and "image-label" in doc:
        # the label example is the image-label dictionary alone (a label image group also has
        # multiscales)
        model, doc = v04.ImageLabel, doc["image-label"]
    assert model is not None
    assert same_json(model.model_validate(doc).to_json_dict(), doc)  # type: ignore[attr-defined]
