"""0.6rc0 §scene-md: transformations between the coordinate systems of a scene and of the
multiscale images below it, and §coord-trafo-md's connected graph."""

from __future__ import annotations

from typing import Any

import pytest

from tests.v06.cases import (
    SC_CS,
    SC_CT,
    SCENE,
    Case,
    bound,
    changed,
    cs_ref,
    must,
    ome,
    params,
    run_case,
    scale,
    scene,
    sequence,
    system,
    translation,
    valid,
)

A = cs_ref("physical", "imageA")
B = cs_ref("physical", "imageB")


def affine3d() -> dict[str, Any]:
    return {"type": "affine", "path": "coordinateTransformations/a_to_b"}


CASES: list[Case] = [
    valid("between two images", scene([bound(affine3d(), A, B)])),
    valid(
        "into a scene coordinate system",
        scene(
            [bound(translation(1, 2), A, "world"), bound(scale(1, 1), B, "world")],
            [system("world")],
        ),
    ),
    valid(
        "path null names a scene coordinate system",
        scene([bound(scale(1, 1), A, cs_ref("world") | {"path": None})], [system("world")]),
    ),
    # §coord-trafo-md "Example: Embedded expression": a translation in array units.
    valid(
        "embedded expression",
        scene(
            [
                bound(
                    sequence(scale(2, 2), translation(10, 20), scale(0.5, 0.5)),
                    cs_ref("intrinsic", "imageA"),
                    cs_ref("intrinsic", "imageB"),
                )
            ]
        ),
    ),
    valid(
        "multi-hop",
        scene([bound(affine3d(), A, B), bound(affine3d(), cs_ref("physical", "imageC"), B)]),
    ),
    must("scene not an object", ome(scene=[]), "wrong-type", SCENE),
    # "The scene object MUST contain the field coordinateTransformations, whose value MUST be an
    # array of valid transformations. It MAY contain the field coordinateSystems".
    must(
        "transformations missing",
        ome(scene={"coordinateSystems": [system("world")]}),
        "scene-transformations-missing",
        SCENE,
        "scene-md",
    ),
    must(
        "transformations an object",
        ome(scene={"coordinateTransformations": bound(affine3d(), A, B)}),
        "wrong-type",
        SC_CT,
    ),
    must(
        "coordinate systems an object",
        changed(scene([bound(affine3d(), A, B)]), f"{SCENE}/coordinateSystems", system("w")),
        "wrong-type",
        SC_CS,
    ),
    must(
        "transformation of an unknown type",
        scene([bound({"type": "warp"}, A, B)]),
        "transformation-type-unknown",
        f"{SC_CT}/0",
    ),
    # "the input and output fields ... MUST contain the field name and MAY contain the field path"
    must(
        "input without name",
        scene([bound(affine3d(), cs_ref(path="imageA"), B)]),
        "transformation-input-name-missing",
        f"{SC_CT}/0/input",
        "scene-md",
    ),
    must(
        "output without name",
        scene([bound(affine3d(), A, cs_ref(path="imageB"))]),
        "transformation-output-name-missing",
        f"{SC_CT}/0/output",
        "scene-md",
    ),
    must(
        "output missing",
        changed(scene([bound(affine3d(), A, B)]), f"{SC_CT}/0/output", delete=True),
        "transformation-output-missing",
        f"{SC_CT}/0",
        "scene-md",
    ),
    # "If name refers to a coordinate system in the scene object, the path value MAY be omitted
    # or null": without a path, the name is the scene's.
    must(
        "scene coordinate system unknown",
        scene([bound(scale(1, 1), A, "world")], [system("earth")]),
        "coordinate-system-unknown",
        f"{SC_CT}/0/output/name",
        "input-output-md",
    ),
    # §coord-trafo-md: "The graph MUST be connected".
    must(
        "scene coordinate system linked to nothing",
        scene([bound(affine3d(), A, B)], [system("world")]),
        "coordinate-systems-not-connected",
        f"{SC_CS}/0",
        "coord-trafo-md",
    ),
    must(
        "two separate pairs of images",
        scene(
            [
                bound(affine3d(), A, B),
                bound(affine3d(), cs_ref("physical", "imageC"), cs_ref("physical", "imageD")),
            ]
        ),
        "coordinate-systems-not-connected",
        f"{SC_CT}/1/input",
        "coord-trafo-md",
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)
