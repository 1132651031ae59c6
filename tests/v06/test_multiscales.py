"""0.6rc0 §multiscales-md and §coord-trafo-constraints: datasets and their transformation to the
intrinsic coordinate system, a multiscale's own transformations, the graph they form."""

from __future__ import annotations

from typing import Any

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_valid
from tests.v06.cases import (
    CT,
    DS,
    MS,
    MS_CT,
    TCZYX,
    YX,
    ZYX,
    Case,
    bound,
    changed,
    cs_ref,
    extra_system,
    image,
    level,
    multiscale,
    must,
    ome,
    params,
    run_case,
    scale,
    sequence,
    should,
    system,
    translation,
    valid,
)

LABEL = cs_ref("physical", "labels/cells")


def linked(t: dict[str, Any], target: Any = LABEL) -> dict[str, Any]:
    """A YX image whose one extra transformation ``t`` goes from "physical" to ``target``."""
    return image(coordinateTransformations=[bound(t, "physical", target)])


def three_systems(*cts: dict[str, Any]) -> dict[str, Any]:
    """A YX image with the coordinate systems physical, a and b and the transformations ``cts``."""
    systems = [system("physical"), system("a"), system("b")]
    return ome(multiscales=[multiscale(systems=systems, coordinateTransformations=list(cts))])


CASES: list[Case] = [
    valid("two levels", image()),
    valid("tczyx", image(TCZYX)),
    valid("two multiscales", ome(multiscales=[multiscale(), multiscale(ZYX, name="3D")])),
    must("multiscales empty", ome(multiscales=[]), "multiscales-empty", "/ome/multiscales"),
    must("multiscale not an object", ome(multiscales=["0"]), "wrong-type", MS),
    # "Each object in datasets MUST contain the field path"; paths ordered largest first.
    must(
        "datasets missing",
        changed(image(), f"{MS}/datasets", delete=True),
        "multiscale-datasets-missing",
        MS,
        "multiscales-md",
    ),
    must("datasets empty", image(YX, []), "datasets-empty", f"{MS}/datasets", "multiscales-md"),
    must(
        "path missing",
        changed(image(), f"{DS}/path", delete=True),
        "dataset-path-missing",
        DS,
        "multiscales-md",
    ),
    must(
        "path repeated",
        image(YX, [level("0", scale(1, 1)), level("0", scale(2, 2))]),
        "dataset-paths-not-unique",
        f"{MS}/datasets/1/path",
        "multiscales-md",
    ),
    must(
        "path leaves the group",
        image(YX, [level("../0", scale(1, 1))]),
        "dataset-path-invalid",
        f"{DS}/path",
        "multiscales-md",
    ),
    # "Each object in datasets MUST contain the field coordinateTransformations"; §coord-trafo-
    # constraints: "restricted to a single scale, identity or sequence of a scale followed by a
    # translation transformation".
    must(
        "transformations missing",
        changed(image(), f"{DS}/coordinateTransformations", delete=True),
        "dataset-transformations-missing",
        DS,
        "multiscales-md",
    ),
    must(
        "two transformations",
        changed(image(), f"{DS}/coordinateTransformations/-", translation(0, 0)),
        "dataset-transformation-count",
        f"{DS}/coordinateTransformations",
        "coord-trafo-constraints",
    ),
    must(
        "no transformation",
        changed(image(), f"{DS}/coordinateTransformations", []),
        "dataset-transformation-count",
        f"{DS}/coordinateTransformations",
        "coord-trafo-constraints",
    ),
    valid("identity level", image(YX, [level("0", {"type": "identity"})])),
    valid("scale stored in zarr", image(YX, [level("0", {"type": "scale", "path": "scales/0"})])),
    must(
        "translation level",
        image(YX, [level("0", translation(1, 1))]),
        "transformation-type-not-allowed",
        CT,
        "coord-trafo-constraints",
    ),
    must(
        "affine level",
        image(YX, [level("0", {"type": "affine", "affine": [[1, 0, 0], [0, 1, 0]]})]),
        "transformation-type-not-allowed",
        CT,
        "coord-trafo-constraints",
    ),
    must(
        "sequence translation then scale",
        image(YX, [level("0", sequence(translation(1, 1), scale(1, 1)))]),
        "dataset-sequence-invalid",
        f"{CT}/transformations",
        "multiscales-md",
    ),
    must(
        "sequence of a scale alone",
        image(YX, [level("0", sequence(scale(1, 1)))]),
        "dataset-sequence-invalid",
        f"{CT}/transformations",
        "multiscales-md",
    ),
    # "The input object MUST specify a path field matching the path field of the dataset";
    # "The name field of output MUST be the name of a coordinate system"; "It MUST be the same
    # value for every resolution level".
    must(
        "input missing",
        changed(image(), f"{CT}/input", delete=True),
        "transformation-input-missing",
        CT,
        "multiscales-md",
    ),
    must(
        "input without path",
        changed(image(), f"{CT}/input", {}),
        "dataset-transformation-input-path-missing",
        f"{CT}/input",
        "multiscales-md",
    ),
    must(
        "input path of another level",
        changed(image(), f"{CT}/input/path", "1"),
        "dataset-transformation-input-mismatch",
        f"{CT}/input/path",
        "multiscales-md",
    ),
    must(
        "output without name",
        changed(image(), f"{CT}/output", {}),
        "transformation-output-name-missing",
        f"{CT}/output",
        "multiscales-md",
    ),
    must(
        "output unknown",
        changed(image(), f"{CT}/output/name", "world"),
        "coordinate-system-unknown",
        f"{CT}/output/name",
        "multiscales-md",
    ),
    must(
        "levels to different coordinate systems",
        ome(
            multiscales=[
                multiscale(
                    datasets=[level("0", scale(1, 1)), level("1", scale(2, 2), "aligned")],
                    systems=[system("physical"), system("aligned")],
                    coordinateTransformations=[bound(scale(1, 1), "physical", "aligned")],
                )
            ]
        ),
        "dataset-transformation-outputs-differ",
        f"{MS}/datasets/1/coordinateTransformations/0/output/name",
        "multiscales-md",
    ),
    # "The name field under input SHOULD be omitted"; "The path field of output SHOULD be
    # omitted".
    should(
        "input with a name",
        changed(image(), f"{CT}/input/name", "array"),
        "dataset-transformation-input-name-present",
        f"{CT}/input",
        "multiscales-md",
    ),
    should(
        "output with a path",
        changed(image(), f"{CT}/output/path", "."),
        "dataset-transformation-output-path-present",
        f"{CT}/output",
        "multiscales-md",
    ),
    valid("output path null", changed(image(), f"{CT}/output/path", None)),
    # The scale has one value per axis of the intrinsic coordinate system.
    must(
        "scale too short",
        image(YX, [level("0", scale(1))]),
        "scale-length-mismatch",
        f"{CT}/scale",
        "scale-md",
    ),
    must(
        "translation too long",
        image(YX, [level("0", sequence(scale(1, 1), translation(0, 0, 0)))]),
        "translation-length-mismatch",
        f"{CT}/transformations/1/translation",
        "translation-md",
    ),
    should(
        "scale zero",
        image(YX, [level("0", scale(1, 0))]),
        "scale-value-zero",
        f"{CT}/scale/1",
        "scale-md",
    ),
    # "Each multiscales object SHOULD contain the field name" / "type" / "metadata".
    should(
        "name missing",
        changed(image(), f"{MS}/name", delete=True),
        "multiscale-name-missing",
        MS,
        "multiscales-md",
    ),
    should(
        "type missing",
        changed(image(), f"{MS}/type", delete=True),
        "multiscale-type-missing",
        MS,
        "multiscales-md",
    ),
    should(
        "metadata missing",
        changed(image(), f"{MS}/metadata", delete=True),
        "multiscale-metadata-missing",
        MS,
        "multiscales-md",
    ),
    must(
        "multiscale version differs",
        image(version="0.5"),
        "version-mismatch",
        f"{MS}/version",
        "metadata",
    ),
    # multiscales > coordinateTransformations: "One of input or output MUST reference the
    # intrinsic coordinate system by name"; "The other ... a named coordinate system in the same
    # multiscales group ... or in a child labels group (by name and path)"; to a label image
    # only identity, scale or translation.
    valid("extra coordinate system", extra_system(scale(2, 2))),
    valid(
        "extra coordinate system as input",
        image(
            systems=[system("physical"), system("array")],
            coordinateTransformations=[bound(scale(2, 2), "array", "physical")],
        ),
    ),
    valid("link to a label image", linked({"type": "identity"})),
    valid("scaled link to a label image", linked(scale(2, 2))),
    valid(
        "link to a label image by scale then translation",
        linked(sequence(scale(2, 2), translation(1, 1))),
    ),
    must(
        "transformation not at the intrinsic coordinate system",
        three_systems(bound(scale(2, 2), "physical", "a"), bound(scale(2, 2), "a", "b")),
        "multiscale-transformation-not-intrinsic",
        f"{MS_CT}/1",
        "coord-trafo-constraints",
    ),
    must(
        "transformation to an unknown coordinate system",
        changed(extra_system(scale(2, 2)), f"{MS_CT}/0/output/name", "nowhere"),
        "coordinate-system-unknown",
        f"{MS_CT}/0/output/name",
        "input-output-md",
    ),
    must(
        "link outside the labels group",
        linked({"type": "identity"}, cs_ref("physical", "../other")),
        "multiscale-transformation-reference-invalid",
        f"{MS_CT}/0/output/path",
        "coord-trafo-constraints",
    ),
    must(
        "link to the labels group itself",
        linked({"type": "identity"}, cs_ref("physical", "labels/")),
        "multiscale-transformation-reference-invalid",
        f"{MS_CT}/0/output/path",
        "coord-trafo-constraints",
    ),
    must(
        "link to a label image without a name",
        linked({"type": "identity"}, cs_ref(path="labels/cells")),
        "transformation-output-name-missing",
        f"{MS_CT}/0/output",
        "coord-trafo-constraints",
    ),
    must(
        "affine link to a label image",
        linked({"type": "affine", "affine": [[1, 0, 1], [0, 1, 0]]}),
        "labels-transformation-type-not-allowed",
        f"{MS_CT}/0/type",
        "labels-md",
    ),
    must(
        "extra transformation without input",
        changed(extra_system(scale(2, 2)), f"{MS_CT}/0/input", delete=True),
        "transformation-input-missing",
        f"{MS_CT}/0",
        "coord-trafo-md",
    ),
    must(
        "extra transformation too short",
        extra_system(scale(2)),
        "scale-length-mismatch",
        f"{MS_CT}/0/scale",
        "scale-md",
    ),
    # §coord-trafo-md: "The graph MUST be connected".
    must(
        "coordinate system linked to nothing",
        ome(multiscales=[multiscale(systems=[system("physical"), system("orphan")])]),
        "coordinate-systems-not-connected",
        f"{MS}/coordinateSystems/1",
        "coord-trafo-md",
    ),
    valid(
        "coordinate system two hops away",
        three_systems(bound(scale(2, 2), "physical", "a"), bound(scale(2, 2), "b", "physical")),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)


def test_the_spec_example_of_a_unitless_coordinate_system() -> None:
    # §coord-trafo-md, "Example: Unitless coordinate system", with the SHOULD keys added.
    array_axes = [{"name": "y", "type": "space"}, {"name": "x", "type": "space"}]
    doc = ome(
        multiscales=[
            multiscale(
                datasets=[level("s0", scale(0.5, 0.5), "intrinsic")],
                systems=[system("intrinsic"), {"name": "array", "axes": array_axes}],
                coordinateTransformations=[bound(scale(2.0, 2.0), "intrinsic", "array")],
            )
        ]
    )
    report = validate_attributes(doc)
    assert_valid(report)
    # the "array" axes have no unit: a SHOULD, as the text's own example shows
    assert {i.code for i in report.warnings} == {"axis-unit-missing"}
