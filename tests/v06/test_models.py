"""The typed 0.6rc0 models (``omezarr_models.v06``): they describe the content of the ``ome``
object, give back exactly the JSON they were built from, and refuse what the validator calls an
error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from omezarr_models import v06, validate_attributes
from tests.conftest import spec_examples
from tests.v06.cases import (
    TCZYX,
    Case,
    bound,
    colors,
    cs_ref,
    image,
    label_image,
    local,
    scale,
    sequence,
    translation,
)
from tests.v06.test_examples import INVALID, attributes, name_of
from tests.v06.test_oracle import ALL_CASES, HAND_WRITTEN

MODELS: dict[str, type[BaseModel]] = {
    "image": v06.Image,
    "label-image": v06.LabelImage,
    "labels": v06.Labels,
    "plate": v06.Plate,
    "well": v06.Well,
    "bioformats2raw": v06.Bioformats2Raw,
    "series": v06.Series,
    "scene": v06.Scene,
}


def model_input(attrs: dict[str, Any]) -> tuple[type[BaseModel], Any]:
    """The model for a 0.6rc0 attributes document and what it is built from: the ``ome`` object
    for a group-level model; the block itself for an image-label or omero block alone."""
    meta = attrs["ome"]
    kind = validate_attributes(attrs).kind
    if kind == "label-image" and "multiscales" not in meta:
        return v06.ImageLabel, meta["image-label"]
    if kind == "omero":
        return v06.Omero, meta["omero"]
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
        and meta.get("version") == "0.6rc0"
        and validate_attributes(case.doc).kind is not None
    )


VALID_DOCS = [
    pytest.param(c.doc, id=f"{name}/{c.id}")
    for name, c in ALL_CASES
    if c.level == "valid" and _modelled(c)
]
MUST_CASES = [
    pytest.param(c, id=f"{name}/{c.id}")
    for name, c in ALL_CASES
    if c.level == "must" and _modelled(c)
]
#: Codes that a model reports as the pydantic error type (the first error of a document).
NAMED = HAND_WRITTEN | {"version-mismatch"}


@pytest.mark.parametrize("attrs", VALID_DOCS)
def test_valid_document_round_trips(attrs: dict[str, Any]) -> None:
    model, data = model_input(attrs)
    built = model.model_validate(data)
    assert exact(built.to_json_dict()) == exact(data)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=name_of(p)) for p in spec_examples("0.6rc0") if name_of(p) not in INVALID],
)
def test_spec_example_round_trips(spec_dir: Path, path: Path) -> None:
    model, data = model_input(attributes(path))
    assert exact(model.model_validate(data).to_json_dict()) == exact(data)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=name_of(p)) for p in spec_examples("0.6rc0") if name_of(p) in INVALID],
)
def test_model_refuses_the_invalid_spec_examples(spec_dir: Path, path: Path) -> None:
    model, data = model_input(attributes(path))
    with pytest.raises(ValidationError):
        model.model_validate(data)


@pytest.mark.parametrize("case", MUST_CASES)
def test_model_refuses_what_the_validator_rejects(case: Case) -> None:
    model, data = model_input(case.doc)
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    if case.code in NAMED and len(case.report().errors) == 1:
        assert info.value.errors()[0]["type"] == case.code


def test_hand_written_rules_are_exercised_on_models() -> None:
    tried = {c.code for p in MUST_CASES for c in p.values if c.code in HAND_WRITTEN}  # type: ignore[union-attr]
    assert tried >= {
        "coordinate-system-names-not-unique",
        "coordinate-system-unknown",
        "coordinate-systems-not-connected",
        "transformation-dimensionality-mismatch",
        "map-axis-index-out-of-range",
        "rotation-not-orthonormal",
        "by-dimension-output-axis-repeated",
        "dataset-sequence-invalid",
        "multiscale-transformation-not-intrinsic",
        "labels-transformation-type-not-allowed",
    }


def test_transformations_are_parsed_into_their_classes() -> None:
    data = local(
        sequence(
            {"type": "affine", "affine": [[1, 0, 0], [0, 1, 0]]},
            {
                "type": "byDimension",
                "transformations": [
                    {"transformation": scale(2), "inputAxes": [0], "outputAxes": [0]},
                    {"transformation": translation(1), "inputAxes": [1], "outputAxes": [1]},
                ],
            },
        )
    )["ome"]
    built = v06.Scene.model_validate(data)
    seq = built.scene.coordinateTransformations[0]
    assert isinstance(seq, v06.Sequence)
    affine, by_dimension = seq.transformations
    assert isinstance(affine, v06.Affine)
    assert affine.affine == [[1, 0, 0], [0, 1, 0]]
    assert isinstance(by_dimension, v06.ByDimension)
    assert isinstance(by_dimension.transformations[0], v06.ByDimensionItem)
    assert isinstance(by_dimension.transformations[0].transformation, v06.Scale)
    assert isinstance(seq.input, v06.CoordinateSystemReference)
    assert seq.input.name == "in"
    assert exact(built.to_json_dict()) == exact(data)


def test_extra_keys_and_number_types_survive_at_every_level() -> None:
    data = image(TCZYX, vendor={"scanner": "A1"})["ome"]
    data["note"] = [1, 2.5, None]
    level = data["multiscales"][0]["datasets"][1]["coordinateTransformations"][0]
    level["origin"] = "fit"
    level["transformations"][0]["scale"] = [1, 1.0, 2, 2.0, 0.5]
    data["multiscales"][0]["coordinateSystems"][0]["axes"][0]["discrete"] = False
    built = v06.Image.model_validate(data)
    assert exact(built.to_json_dict()) == exact(data)
    part = built.multiscales[0].datasets[1].coordinateTransformations[0]
    assert isinstance(part, v06.Sequence)
    assert [type(v) for v in part.transformations[0].scale] == [int, float, int, float, float]  # type: ignore[union-attr]
    assert validate_attributes({"ome": data}, strict=True).valid


def test_model_version_must_be_0_6rc0() -> None:
    data = dict(image()["ome"], version="0.5")
    with pytest.raises(ValidationError) as info:
        v06.Image.model_validate(data)
    assert info.value.errors()[0]["type"] == "version-mismatch"


def test_model_error_names_pointer_and_spec() -> None:
    data = local({"type": "rotation", "rotation": [[2, 0], [0, 1]]})["ome"]
    with pytest.raises(ValidationError) as info:
        v06.Scene.model_validate(data)
    error = info.value.errors()[0]
    assert error["type"] == "rotation-not-orthonormal"
    assert "/coordinateTransformations/0/rotation" in error["msg"]
    assert "0.6rc0 §rotation-md" in error["msg"]


def test_label_image_model_rejects_repeated_label_values() -> None:
    data = label_image({"colors": colors(3, 3)})["ome"]
    with pytest.raises(ValidationError) as info:
        v06.LabelImage.model_validate(data)
    assert info.value.errors()[0]["type"] == "label-values-not-unique"


def test_sub_models_round_trip() -> None:
    items: list[tuple[type[BaseModel], dict[str, Any]]] = [
        (v06.Axis, {"name": "c", "type": "channel", "discrete": True, "longName": "dye"}),
        (v06.CoordinateSystem, {"name": "world", "axes": [{"name": "x", "type": "space"}]}),
        (v06.CoordinateSystemReference, {"name": "world", "path": None}),
        (v06.Identity, {"type": "identity", "input": {"path": "s0"}, "output": {"name": "a"}}),
        (v06.MapAxis, {"type": "mapAxis", "mapAxis": [2, 0, 1]}),
        (v06.ProjectAxis, {"type": "projectAxis", "droppedInputs": [0], "createdOutputs": []}),
        (v06.Translation, {"type": "translation", "path": "params/t"}),
        (v06.Scale, {"type": "scale", "scale": [1, 0.5], "name": "pixels"}),
        (v06.Affine, {"type": "affine", "affine": [[1, 0.5, 0], [0, 1, -2.0]]}),
        (v06.Rotation, {"type": "rotation", "rotation": [[1, 0], [0, 1]]}),
        (v06.Coordinates, {"type": "coordinates", "path": "c", "interpolation": "nearest"}),
        (v06.Displacements, {"type": "displacements", "path": "d"}),
        (
            v06.Bijection,
            {
                "type": "bijection",
                "forward": {"type": "coordinates", "path": "f"},
                "inverse": {"type": "coordinates", "path": "i"},
            },
        ),
        (v06.Window, {"min": -1, "max": 1.5, "start": 0, "end": 1}),
        (v06.LabelColor, {"label-value": 2, "rgba": [0, 1, 2, 255]}),
        (v06.PlateWell, {"path": "B/3", "rowIndex": 1, "columnIndex": 2}),
        (v06.WellImage, {"path": "f-1.zarr", "acquisition": 1}),
        (v06.Labels, {"version": "0.6rc0", "labels": ["cells"]}),
        (v06.Series, {"version": "0.6rc0", "series": ["0", "1"]}),
    ]
    for model, data in items:
        assert exact(model.model_validate(data).to_json_dict()) == exact(data), model  # type: ignore[attr-defined]


def test_sub_models_refuse_their_own_errors() -> None:
    with pytest.raises(ValidationError):
        v06.MapAxis.model_validate({"type": "mapAxis", "mapAxis": [0, 0]})
    with pytest.raises(ValidationError):
        v06.Scale.model_validate({"type": "scale", "scale": [1], "path": "s"})
    with pytest.raises(ValidationError):
        v06.Scale.model_validate({"type": "translation", "translation": [1]})
    with pytest.raises(ValidationError):
        v06.WellImage.model_validate({"path": "__x"})


def test_scene_model_needs_the_scene() -> None:
    with pytest.raises(ValidationError):
        v06.Scene.model_validate({"version": "0.6rc0"})
    ref = cs_ref("physical", "a")
    data = {
        "version": "0.6rc0",
        "scene": {"coordinateTransformations": [bound(scale(1, 1), ref, cs_ref("physical", "b"))]},
    }
    assert exact(v06.Scene.model_validate(data).to_json_dict()) == exact(data)
