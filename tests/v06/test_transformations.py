"""0.6rc0 §coord-trafo-md, §transform-type-md, §input-output-md and §trafo-types-md: the twelve
transformation types, their parameters against the dimensionality of their input and output.

The cases put one transformation in a scene between the coordinate systems "in" and "out"
(:func:`tests.v06.cases.local`), where both dimensionalities are known.
"""

from __future__ import annotations

from typing import Any

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_error
from tests.v06.cases import (
    SC_CT,
    Case,
    bound,
    changed,
    local,
    must,
    params,
    run_case,
    scale,
    sequence,
    should,
    translation,
    valid,
)

T = f"{SC_CT}/0"


def t(kind: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, **fields}


def by_dim(*parts: tuple[dict[str, Any], list[Any], list[Any]]) -> dict[str, Any]:
    return t(
        "byDimension",
        transformations=[
            {"transformation": p, "inputAxes": i, "outputAxes": o} for p, i, o in parts
        ],
    )


FIELD = t("coordinates", path="coordinateTransformations/forward")
INVERSE = t("coordinates", path="coordinateTransformations/inverse")

CASES: list[Case] = [
    # §coord-trafo-md: "type" is required and decides the other fields.
    valid("identity", local(t("identity"))),
    must("type missing", local({"scale": [1, 1]}), "transformation-type-missing", T),
    must("type unknown", local(t("zoom", zoom=[2, 2])), "transformation-type-unknown", T),
    must("type a number", local(t(3)), "transformation-type-unknown", T),  # type: ignore[arg-type]
    must(
        "transformation a string",
        changed(local(t("identity")), T, "identity"),
        "transformation-type-unknown",
        T,
    ),
    valid("named", local(t("identity", name="do nothing"))),
    must("name a number", local(t("identity", name=1)), "wrong-type", f"{T}/name"),
    # "input"/"output": "yes, unless part of a wrapper transform"; objects with name and path.
    must(
        "input missing",
        changed(local(t("identity")), f"{T}/input", delete=True),
        "transformation-input-missing",
        T,
        "scene-md",
    ),
    must(
        "output missing",
        changed(local(t("identity")), f"{T}/output", delete=True),
        "transformation-output-missing",
        T,
        "scene-md",
    ),
    must(
        "input a string",
        changed(local(t("identity")), f"{T}/input", "in"),
        "transformation-reference-not-object",
        f"{T}/input",
        "input-output-md",
    ),
    must(
        "path a number",
        changed(local(t("identity")), f"{T}/input/path", 3),
        "wrong-type",
        f"{T}/input/path",
    ),
    valid("path null", changed(local(t("identity")), f"{T}/input/path", None)),
    # Every coordinate system named without a path is defined in the same document.
    must(
        "input names an unknown coordinate system",
        changed(local(t("identity")), f"{T}/input/name", "elsewhere"),
        "coordinate-system-unknown",
        f"{T}/input/name",
        "input-output-md",
    ),
    # §mapAxis-md
    valid("mapAxis", local(t("mapAxis", mapAxis=[1, 0]))),
    valid("mapAxis equivalent to identity", local(t("mapAxis", mapAxis=[0, 1, 2]), 3)),
    must(
        "mapAxis missing",
        local(t("mapAxis")),
        "transformation-parameters-missing",
        T,
        "mapAxis-md",
    ),
    must(
        "mapAxis index twice",
        local(t("mapAxis", mapAxis=[0, 0])),
        "map-axis-not-permutation",
        f"{T}/mapAxis",
        "mapAxis-md",
    ),
    must(
        "mapAxis index negative",
        local(t("mapAxis", mapAxis=[-1, 0])),
        "axis-index-invalid",
        f"{T}/mapAxis/0",
    ),
    must(
        "mapAxis index past the input",
        local(t("mapAxis", mapAxis=[0, 2])),
        "map-axis-index-out-of-range",
        f"{T}/mapAxis/1",
        "mapAxis-md",
    ),
    must(
        "mapAxis too short",
        local(t("mapAxis", mapAxis=[0])),
        "map-axis-length-mismatch",
        f"{T}/mapAxis",
        "mapAxis-md",
    ),
    must(
        "mapAxis between dimensionalities",
        local(t("mapAxis", mapAxis=[1, 0]), 2, 3),
        "map-axis-length-mismatch",
        f"{T}/mapAxis",
        "mapAxis-md",
    ),
    must(
        "mapAxis index a float",
        local(t("mapAxis", mapAxis=[1.0, 0])),
        "wrong-type",
        f"{T}/mapAxis/0",
        "mapAxis-md",
    ),
    # §projectAxis-md
    valid("projectAxis adding", local(t("projectAxis", createdOutputs=[0, 1]), 2, 4)),
    valid(
        "projectAxis adding and dropping",
        local(t("projectAxis", createdOutputs=[0], droppedInputs=[0]), 3),
    ),
    valid("projectAxis dropping", local(t("projectAxis", droppedInputs=[2]), 3, 2)),
    must(
        "projectAxis created twice",
        local(t("projectAxis", createdOutputs=[0, 0]), 2, 3),
        "project-axis-indices-not-unique",
        f"{T}/createdOutputs",
        "projectAxis-md",
    ),
    must(
        "projectAxis dropped twice",
        local(t("projectAxis", droppedInputs=[1, 1]), 3, 2),
        "project-axis-indices-not-unique",
        f"{T}/droppedInputs",
        "projectAxis-md",
    ),
    must(
        "projectAxis dropped past the input",
        local(t("projectAxis", droppedInputs=[2]), 2, 1),
        "project-axis-index-out-of-range",
        f"{T}/droppedInputs/0",
        "projectAxis-md",
    ),
    must(
        "projectAxis created past the output",
        local(t("projectAxis", createdOutputs=[3]), 2, 3),
        "project-axis-index-out-of-range",
        f"{T}/createdOutputs/0",
        "projectAxis-md",
    ),
    must(
        "projectAxis count does not add up",
        local(t("projectAxis", createdOutputs=[0])),
        "transformation-dimensionality-mismatch",
        T,
        "projectAxis-md",
    ),
    # §translation-md and §scale-md: "Input and output dimensionality MUST be identical and MUST
    # equal the length of the array"; parameters inline or in zarr (path), not both.
    valid("translation", local(translation(9, -1.42))),
    valid(
        "translation stored in zarr",
        local(t("translation", path="coordinateTransformations/shift")),
    ),
    valid("scale", local(scale(2, 3.12))),
    must(
        "translation and path",
        local(t("translation", translation=[1, 1], path="coordinateTransformations/shift")),
        "transformation-parameters-ambiguous",
        T,
        "translation-md",
    ),
    must(
        "translation without parameters",
        local(t("translation")),
        "transformation-parameters-missing",
        T,
        "translation-md",
    ),
    must(
        "translation too long",
        local(translation(1, 2, 3)),
        "translation-length-mismatch",
        f"{T}/translation",
        "translation-md",
    ),
    must(
        "translation between dimensionalities",
        local(translation(1, 2), 2, 3),
        "transformation-dimensionality-mismatch",
        T,
        "translation-md",
    ),
    must(
        "translation value a string",
        local(translation("1", 2)),
        "wrong-type",
        f"{T}/translation/0",
    ),
    must(
        "scale too short",
        local(scale(2), 2),
        "scale-length-mismatch",
        f"{T}/scale",
        "scale-md",
    ),
    must(
        "scale and path",
        local(t("scale", scale=[1, 1], path="s")),
        "transformation-parameters-ambiguous",
        T,
        "scale-md",
    ),
    # "Values in the `scale` array SHOULD be non-zero"
    should("scale zero", local(scale(2, 0)), "scale-value-zero", f"{T}/scale/1", "scale-md"),
    # §affine-md: "(M)x(N+1)", outer array length M, inner arrays length N+1.
    valid("affine 2D to 2D", local(t("affine", affine=[[1, 2, 3], [4, 5, 6]]))),
    valid("affine 2D to 3D", local(t("affine", affine=[[1, 0, 0], [2, 3, 4], [5, 6, 7]]), 2, 3)),
    valid("affine 3D to 2D", local(t("affine", affine=[[1, 2, 3, 4], [5, 6, 7, 8]]), 3, 2)),
    valid("affine stored in zarr", local(t("affine", path="coordinateTransformations/affine"))),
    must(
        "affine with a homogeneous row",
        local(t("affine", affine=[[1, 2, 3], [4, 5, 6], [0, 0, 1]])),
        "affine-shape-mismatch",
        f"{T}/affine",
        "affine-md",
    ),
    must(
        "affine row too short",
        local(t("affine", affine=[[1, 2, 3], [4, 5]])),
        "affine-shape-mismatch",
        f"{T}/affine/1",
        "affine-md",
    ),
    must(
        "affine empty",
        local(t("affine", affine=[])),
        "affine-shape-mismatch",
        f"{T}/affine",
        "affine-md",
    ),
    must(
        "affine empty row",
        local(t("affine", affine=[[], [1, 2, 3]])),
        "affine-shape-mismatch",
        f"{T}/affine/0",
        "affine-md",
    ),
    must(
        "affine flat",
        local(t("affine", affine=[1, 2, 3])),
        "wrong-type",
        f"{T}/affine/0",
    ),
    must(
        "affine and path",
        local(t("affine", affine=[[1, 0, 0], [0, 1, 0]], path="a")),
        "transformation-parameters-ambiguous",
        T,
        "affine-md",
    ),
    # "When possible, a scale transformation SHOULD be preferred to its equivalent affine";
    # "a rotation transformation SHOULD be used instead of an equivalent affine".
    should(
        "affine that is a scale",
        local(t("affine", affine=[[2, 0, 0], [0, 3, 0]])),
        "affine-simpler-type-available",
        f"{T}/type",
        "affine-md",
    ),
    should(
        "affine that is a translation",
        local(t("affine", affine=[[1, 0, 5], [0, 1, 6]])),
        "affine-simpler-type-available",
        f"{T}/type",
        "affine-md",
    ),
    should(
        "affine that is a rotation",
        local(t("affine", affine=[[0, -1, 0], [1, 0, 0]])),
        "affine-simpler-type-available",
        f"{T}/type",
        "affine-md",
    ),
    # §rotation-md: N x N, determinant one, orthonormal rows and columns.
    valid("rotation", local(t("rotation", rotation=[[0, -1], [1, 0]]))),
    valid(
        "rotation 3D",
        local(t("rotation", rotation=[[0.6, -0.8, 0], [0.8, 0.6, 0], [0, 0, 1]]), 3),
    ),
    valid(
        "rotation stored in zarr", local(t("rotation", path="coordinateTransformations/rotation"))
    ),
    must(
        "rotation not square",
        local(t("rotation", rotation=[[1, 0, 0], [0, 1, 0]])),
        "rotation-shape-mismatch",
        f"{T}/rotation",
        "rotation-md",
    ),
    must(
        "rotation of another dimensionality",
        local(t("rotation", rotation=[[1, 0, 0], [0, 1, 0], [0, 0, 1]])),
        "rotation-shape-mismatch",
        f"{T}/rotation",
        "rotation-md",
    ),
    must(
        "rotation that scales",
        local(t("rotation", rotation=[[2, 0], [0, 1]])),
        "rotation-not-orthonormal",
        f"{T}/rotation",
        "rotation-md",
    ),
    must(
        "rotation that reflects",
        local(t("rotation", rotation=[[1, 0], [0, -1]])),
        "rotation-not-orthonormal",
        f"{T}/rotation",
        "rotation-md",
    ),
    must(
        "rotation between dimensionalities",
        local(t("rotation", rotation=[[0, -1], [1, 0]]), 2, 3),
        "transformation-dimensionality-mismatch",
        T,
        "rotation-md",
    ),
    must(
        "rotation without parameters",
        local(t("rotation")),
        "transformation-parameters-missing",
        T,
        "rotation-md",
    ),
    # §sequence-md: "A non-empty array of transformations"; parts need no input/output.
    valid("sequence", local(sequence(translation(0.1, 0.9), scale(2, 3)))),
    valid(
        "sequence through another dimensionality",
        local(
            sequence(t("affine", affine=[[1, 0, 0], [2, 3, 4], [5, 6, 7]]), scale(1, 2, 3)), 2, 3
        ),
    ),
    valid("nested sequences", local(sequence(sequence(scale(1, 2)), translation(1, 1)))),
    must(
        "sequence empty",
        local(sequence()),
        "sequence-empty",
        f"{T}/transformations",
        "sequence-md",
    ),
    must(
        "sequence without transformations",
        local(t("sequence")),
        "transformation-parameters-missing",
        T,
        "sequence-md",
    ),
    must(
        "sequence part of an unknown type",
        local(sequence(t("warp"))),
        "transformation-type-unknown",
        f"{T}/transformations/0",
    ),
    must(
        "sequence part without parameters",
        local(sequence(scale(1, 1), t("translation"))),
        "transformation-parameters-missing",
        f"{T}/transformations/1",
        "translation-md",
    ),
    must(
        "sequence part too short",
        local(sequence(translation(1, 1), scale(1))),
        "scale-length-mismatch",
        f"{T}/transformations/1/scale",
        "scale-md",
    ),
    must(
        "sequence part after a change of dimensionality",
        local(sequence(t("affine", affine=[[1, 0, 0], [2, 3, 4], [5, 6, 7]]), scale(1, 2)), 2, 3),
        "scale-length-mismatch",
        f"{T}/transformations/1/scale",
        "scale-md",
    ),
    # §coordinates-displacements-md: "path" (the field), "interpolation" MAY.
    valid(
        "coordinates",
        local(t("coordinates", path="coordinateTransformations/c", interpolation="linear")),
    ),
    valid("displacements", local(t("displacements", path="coordinateTransformations/d"))),
    must(
        "coordinates without path",
        local(t("coordinates")),
        "transformation-parameters-missing",
        T,
        "coordinates-displacements-md",
    ),
    must(
        "interpolation a number",
        local(t("displacements", path="d", interpolation=1)),
        "wrong-type",
        f"{T}/interpolation",
    ),
    must(
        "displacements between dimensionalities",
        local(t("displacements", path="d"), 2, 3),
        "transformation-dimensionality-mismatch",
        T,
        "coordinates-displacements-md",
    ),
    valid(
        "coordinates between dimensionalities",
        local(t("coordinates", path="coordinateTransformations/c"), 2, 3),
    ),
    # §scene-format: "those Zarr arrays SHOULD be stored in a Zarr group on the same level as
    # images called coordinateTransformations".
    should(
        "parameters stored elsewhere",
        local(t("affine", path="params/affine")),
        "transformation-array-location",
        f"{T}/path",
        "scene-format",
    ),
    should(
        "field of a sequence stored elsewhere",
        local(sequence(scale(1, 1), t("displacements", path="fields/d"))),
        "transformation-array-location",
        f"{T}/transformations/1/path",
        "scene-format",
    ),
    # §byDimension-md
    valid(
        "byDimension",
        local(by_dim((translation(-1.0), [1], [1]), (scale(2.0), [0], [0]))),
    ),
    valid(
        "byDimension from 4D to 3D",
        local(by_dim((translation(0.5, 1.5), [3, 2], [1, 2]), (scale(2), [1], [0])), 4, 3),
    ),
    must(
        "byDimension part without outputAxes",
        local(
            t("byDimension", transformations=[{"transformation": scale(1, 1), "inputAxes": [0, 1]}])
        ),
        "by-dimension-item-field-missing",
        f"{T}/transformations/0",
        "byDimension-md",
    ),
    must(
        "byDimension output axis past the output",
        local(by_dim((translation(-1.0), [1], [2]), (scale(2.0), [0], [0]))),
        "by-dimension-axis-out-of-range",
        f"{T}/transformations/0/outputAxes/0",
        "byDimension-md",
    ),
    must(
        "byDimension input axis past the input",
        local(by_dim((translation(-1.0), [5], [1]), (scale(2.0), [0], [0]))),
        "by-dimension-axis-out-of-range",
        f"{T}/transformations/0/inputAxes/0",
        "byDimension-md",
    ),
    must(
        "byDimension output axis twice",
        local(by_dim((translation(-1.0), [1], [1]), (scale(2.0), [0], [1]))),
        "by-dimension-output-axis-repeated",
        f"{T}/transformations/1/outputAxes/0",
        "byDimension-md",
    ),
    must(
        "byDimension output axis never",
        local(by_dim((translation(-1.0), [1], [1]))),
        "by-dimension-output-axis-missing",
        f"{T}/transformations",
        "byDimension-md",
    ),
    must(
        "byDimension part parameters of another length",
        local(by_dim((translation(1, 2), [1], [1]), (scale(2.0), [0], [0]))),
        "translation-length-mismatch",
        f"{T}/transformations/0/transformation/translation",
        "translation-md",
    ),
    must(
        "byDimension negative axis",
        local(by_dim((translation(-1.0), [-1], [1]), (scale(2.0), [0], [0]))),
        "axis-index-invalid",
        f"{T}/transformations/0/inputAxes/0",
    ),
    # §bijection-md
    valid("bijection", local(t("bijection", forward=FIELD, inverse=INVERSE))),
    valid(
        "bijection with explicit directions",
        local(
            t(
                "bijection",
                forward=bound(FIELD, "in", "out"),
                inverse=bound(INVERSE, "out", "in"),
            )
        ),
    ),
    must(
        "bijection without inverse",
        local(t("bijection", forward=FIELD)),
        "transformation-parameters-missing",
        T,
        "bijection-md",
    ),
    must(
        "bijection between dimensionalities",
        local(t("bijection", forward=FIELD, inverse=INVERSE), 2, 3),
        "transformation-dimensionality-mismatch",
        T,
        "bijection-md",
    ),
    must(
        "bijection direction of an unknown type",
        local(t("bijection", forward=t("spline"), inverse=INVERSE)),
        "transformation-type-unknown",
        f"{T}/forward",
    ),
    # "Each direction SHOULD be a transformation type that is not closed-form invertible."
    should(
        "bijection of scales",
        local(t("bijection", forward=scale(2, 2), inverse=INVERSE)),
        "bijection-direction-invertible",
        f"{T}/forward/type",
        "bijection-md",
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)


def test_error_of_a_typed_transformation_is_the_branch_of_its_type() -> None:
    # A scale without parameters fails every branch of the union; only the scale's own
    # complaint is reported, not eleven "wrong type" errors.
    report = validate_attributes(local(t("scale")))
    assert [(i.path, i.code) for i in report.issues] == [(T, "transformation-parameters-missing")]


def test_deeply_nested_errors_keep_their_place() -> None:
    inner = by_dim((sequence(scale(1), t("translation", translation=["x"])), [0], [0]))
    doc = local(t("bijection", forward=FIELD, inverse=sequence(inner)), 1)
    report = validate_attributes(doc)
    pointer = f"{T}/inverse/transformations/0/transformations/0/transformation/transformations/1"
    assert_error(report, "wrong-type", f"{pointer}/translation/0")
    assert len(report.errors) == 1
