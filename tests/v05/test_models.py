"""The typed 0.5 models (``omezarr_models.v05``): they describe the content of the ``ome`` object,
give back exactly the JSON they were built from, and refuse what the validator calls an error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from omezarr_models import v05, validate_attributes
from tests.conftest import load_spec_example, spec_examples
from tests.v05.cases import (
    TCZYX,
    YX,
    Case,
    axis,
    colors,
    dataset,
    image,
    label_image,
    ome,
    scale,
    translation,
)
from tests.v05.test_oracle import ALL_CASES, HAND_WRITTEN

MODELS: dict[str, type[BaseModel]] = {
    "image": v05.Image,
    "label-image": v05.LabelImage,
    "labels": v05.Labels,
    "plate": v05.Plate,
    "well": v05.Well,
    "bioformats2raw": v05.Bioformats2Raw,
    "series": v05.Series,
}


def model_input(attrs: dict[str, Any]) -> tuple[type[BaseModel], Any]:
    """The model for a 0.5 attributes document and what it is built from: the ``ome`` object
    for a group-level model; the block itself for an image-label or omero block alone."""
    meta = attrs["ome"]
    kind = validate_attributes(attrs).kind
    if kind == "label-image" and "multiscales" not in meta:
        return v05.ImageLabel, meta["image-label"]
    if kind == "omero":
        return v05.Omero, meta["omero"]
    assert kind in MODELS, kind
    return MODELS[kind], meta


def exact(value: Any) -> str:
    """JSON text that tells 1 from 1.0 (``==`` does not)."""
    return json.dumps(value, sort_keys=True)


def _modelled(case: Case) -> bool:
    meta = case.doc.get("ome") if isinstance(case.doc, dict) else None
    return (
        case.version is None
        and isinstance(meta, dict)
        and validate_attributes(case.doc).kind is not None
        and not case.marks
    )


VALID_DOCS = [
    pytest.param(c.doc, id=f"{name}/{c.id}")
    for name, c in ALL_CASES
    if c.level == "valid" and _modelled(c)
]


def _must_param(name: str, case: Case) -> Any:
    return pytest.param(case, id=f"{name}/{case.id}")


MUST_CASES = [_must_param(n, c) for n, c in ALL_CASES if c.level == "must" and _modelled(c)]


@pytest.mark.parametrize("attrs", VALID_DOCS)
def test_valid_document_round_trips(attrs: dict[str, Any]) -> None:
    model, data = model_input(attrs)
    built = model.model_validate(data)
    assert exact(built.to_json_dict()) == exact(data)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=p.relative_to(p.parents[1]).as_posix()) for p in spec_examples("0.5")],
)
def test_spec_example_round_trips(spec_dir: Path, path: Path) -> None:
    model, data = model_input(load_spec_example(path))
    assert exact(model.model_validate(data).to_json_dict()) == exact(data)  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", MUST_CASES)
def test_model_refuses_what_the_validator_rejects(case: Case) -> None:
    model, data = model_input(case.doc)
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    if case.code in HAND_WRITTEN or case.code == "version-mismatch":
        # Hand-written MUST rules name their code as the pydantic error type.
        assert info.value.errors()[0]["type"] == case.code


def test_hand_written_rules_are_exercised_on_models() -> None:
    tried = {
        c.code
        for p in MUST_CASES
        for c in p.values
        if not p.marks and (c.code in HAND_WRITTEN or c.code == "version-mismatch")
    }
    assert tried >= (
        HAND_WRITTEN
        - {"space-axes-not-zyx", "row-names-case-collision", "column-names-case-collision"}
    ) | {"version-mismatch"}


def test_extra_keys_and_number_types_survive_at_every_level() -> None:
    data: dict[str, Any] = {
        "version": "0.5",
        "vendor": {"scanner": "A1", "run": 3},
        "multiscales": [
            {
                "name": "raw",
                "type": "gaussian",
                "metadata": {"sigma": 1.0, "order": 0, "nested": {"a": [1, 2.5, None]}},
                "axes": [dict(a, note=i) for i, a in enumerate(TCZYX)],
                "datasets": [
                    dict(
                        dataset("0", scale(1, 1, 0.5, 0.25, 0.25), translation(0, 0, 1.0, 2, -3.5)),
                        level=0,
                    ),
                    dataset("1", dict(scale(1.0, 1, 1, 0.5, 0.5), origin="fit")),
                ],
                "coordinateTransformations": [scale(2, 1.0, 1, 1, 1)],
                "anything": True,
            }
        ],
        "omero": {
            "id": 3,
            "channels": [
                {
                    "color": "FF00FF",
                    "window": {"min": 0, "max": 255.0, "start": 1, "end": 2.5},
                    "x": 1,
                },
            ],
            "rdefs": {"defaultT": 0, "defaultZ": 3, "model": "color", "projection": "mip"},
        },
    }
    built = v05.Image.model_validate(data)
    assert exact(built.to_json_dict()) == exact(data)
    level0 = built.multiscales[0].datasets[0].coordinateTransformations[0]
    assert [type(v) for v in level0.scale] == [int, int, float, float, float]  # type: ignore[union-attr]
    assert validate_attributes({"ome": data}, strict=True).valid


def test_models_describe_the_ome_object_not_the_attributes() -> None:
    attrs = image()
    assert v05.Image.model_validate(attrs["ome"]).to_json_dict() == attrs["ome"]
    with pytest.raises(ValidationError):
        v05.Image.model_validate(attrs)


def test_model_version_must_be_0_5() -> None:
    data = dict(image()["ome"], version="0.4")
    with pytest.raises(ValidationError) as info:
        v05.Image.model_validate(data)
    assert info.value.errors()[0]["type"] == "version-mismatch"


def test_model_error_message_names_pointer_and_spec() -> None:
    data = image([axis("y", "space", "meter"), axis("y", "space", "meter")])["ome"]
    with pytest.raises(ValidationError) as info:
        v05.Image.model_validate(data)
    error = info.value.errors()[0]
    assert error["type"] == "axis-names-not-unique"
    assert "/axes/1/name" in error["msg"]
    assert "0.5 §axes-md" in error["msg"]


def test_label_image_model_rejects_repeated_label_values() -> None:
    data = label_image({"colors": colors(3, 3)})["ome"]
    with pytest.raises(ValidationError) as info:
        v05.LabelImage.model_validate(data)
    assert info.value.errors()[0]["type"] == "label-values-not-unique"


def test_sub_models_round_trip() -> None:
    items: list[tuple[type[BaseModel], dict[str, Any]]] = [
        (v05.Axis, {"name": "z", "type": "space", "unit": "nanometer", "extra": [1]}),
        (v05.ScaleTransformation, {"type": "scale", "scale": [1, 0.5]}),
        (v05.TranslationTransformation, {"type": "translation", "path": "t"}),
        (v05.Window, {"min": -1, "max": 1.5, "start": 0, "end": 1}),
        (v05.LabelColor, {"label-value": 2, "rgba": [0, 1, 2, 255]}),
        (v05.LabelProperty, {"label-value": 2, "area": 10.0}),
        (v05.LabelSource, {"image": "../../"}),
        (v05.PlateWell, {"path": "B/3", "rowIndex": 1, "columnIndex": 2}),
        (v05.Acquisition, {"id": 0, "starttime": 1343731272000}),
        (v05.WellImage, {"path": "0", "acquisition": 1}),
        (v05.Labels, {"version": "0.5", "labels": ["cells"]}),
        (v05.Series, {"version": "0.5", "series": ["0", "1"]}),
    ]
    for model, data in items:
        assert exact(model.model_validate(data).to_json_dict()) == exact(data), model  # type: ignore[attr-defined]


_numbers = st.one_of(
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_numbers, min_size=2, max_size=2), st.lists(_numbers, min_size=2, max_size=2))
def test_any_json_numbers_round_trip_and_validate(sc: list[Any], tr: list[Any]) -> None:
    attrs = image(YX, [dataset("0", scale(*sc), translation(*tr))])
    assert validate_attributes(attrs, strict=True).valid
    built = v05.Image.model_validate(attrs["ome"])
    assert exact(built.to_json_dict()) == exact(attrs["ome"])


def test_omero_alone_builds_the_omero_model() -> None:
    attrs = ome(
        omero={
            "channels": [{"color": "123456", "window": {"min": 0, "max": 1, "start": 0, "end": 1}}]
        }
    )
    model, data = model_input(attrs)
    assert model is v05.Omero
    assert exact(model.model_validate(data).to_json_dict()) == exact(data)  # type: ignore[attr-defined]
