"""0.2 §multiscale-md: multiscales and their datasets (no axes, no transformations in 0.2)."""

from __future__ import annotations

import pytest

from omezarr_models import validate_attributes
from tests.v02.cases import (
    DS,
    IMAGE,
    MS,
    Case,
    change,
    check,
    drop,
    image,
    multiscale,
    must,
    params,
    should,
    valid,
)

SECTION = "multiscale-md"


CASES: list[Case] = [
    valid("ms/complete", IMAGE),
    valid("ms/one-level", image(("0",))),
    valid("ms/extra-keys-kept", change(IMAGE, f"{DS}/0/origin", {"array": "0", "level": 0})),
    # ""multiscales" contains a list of dictionaries where each entry describes a multiscale
    # image." ... "Otherwise, the user can choose by name, using the first multiscale as a
    # fallback"
    valid("ms/two-multiscales", {"multiscales": [multiscale(), multiscale(name="3D")]}),
    must("ms/multiscales-empty", {"multiscales": []}, "multiscales-empty", "/multiscales", SECTION),
    must(
        "ms/multiscales-not-a-list",
        {"multiscales": multiscale()},
        "wrong-type",
        "/multiscales",
        SECTION,
    ),
    must(
        "ms/multiscale-not-an-object",
        change(IMAGE, "/multiscales/1", "3D"),
        "wrong-type",
        "/multiscales/1",
        SECTION,
    ),
    # "Each dictionary contained in the list MUST contain the field "datasets", which is a list
    # of dictionaries"
    must("ms/datasets-missing", drop(IMAGE, DS), "multiscale-datasets-missing", MS, SECTION),
    must("ms/datasets-empty", change(IMAGE, DS, []), "datasets-empty", DS, SECTION),
    must("ms/datasets-not-a-list", change(IMAGE, DS, {"path": "0"}), "wrong-type", DS, SECTION),
    must(
        "ms/dataset-not-an-object", change(IMAGE, f"{DS}/1", "1"), "wrong-type", f"{DS}/1", SECTION
    ),
    # "Each dictionary in "datasets" MUST contain the field "path""
    must(
        "ms/dataset-path-missing",
        drop(IMAGE, f"{DS}/0/path"),
        "dataset-path-missing",
        f"{DS}/0",
        SECTION,
    ),
    must(
        "ms/dataset-path-not-a-string",
        change(IMAGE, f"{DS}/0/path", 0),
        "wrong-type",
        f"{DS}/0/path",
        SECTION,
    ),
    # "whose value contains the path to the array for this resolution relative to the current
    # zarr group"
    valid("ms/dataset-path-nested", image(("levels/full", "levels/half"))),
    *[
        must(
            f"ms/dataset-path-{name}",
            change(IMAGE, f"{DS}/1/path", path),
            "dataset-path-invalid",
            f"{DS}/1/path",
            SECTION,
            rule="hand",
        )
        for name, path in [
            ("empty", ""),
            ("absolute", "/data/1"),
            ("parent", "../other.zarr/1"),
            ("url", "https://example.org/image.zarr/1"),
        ]
    ],
    # "The "path"s MUST be ordered from largest (i.e. highest resolution) to smallest": the
    # order needs the arrays; a path listed twice cannot be in that order
    must(
        "ms/dataset-paths-not-unique",
        change(IMAGE, f"{DS}/2/path", "0"),
        "dataset-paths-not-unique",
        f"{DS}/2/path",
        SECTION,
        rule="hand",
    ),
    # "It SHOULD contain the field "name"."
    should("ms/name-missing", drop(IMAGE, f"{MS}/name"), "multiscale-name-missing", MS, SECTION),
    must(
        "ms/name-not-a-string", change(IMAGE, f"{MS}/name", 3), "wrong-type", f"{MS}/name", SECTION
    ),
    # "It SHOULD contain the field "version""
    should(
        "ms/version-missing",
        drop(IMAGE, f"{MS}/version"),
        "multiscale-version-missing",
        MS,
        SECTION,
    ),
    must(
        "ms/version-not-a-string",
        change(IMAGE, f"{MS}/version", ["0.2"]),
        "wrong-type",
        f"{MS}/version",
        SECTION,
    ),
    # "It SHOULD contain the field "type""
    should("ms/type-missing", drop(IMAGE, f"{MS}/type"), "multiscale-type-missing", MS, SECTION),
    must(
        "ms/type-not-a-string",
        change(IMAGE, f"{MS}/type", ["gaussian"]),
        "wrong-type",
        f"{MS}/type",
        SECTION,
    ),
    # "It SHOULD contain the field "metadata", which contains a dictionary"
    should(
        "ms/metadata-missing",
        drop(IMAGE, f"{MS}/metadata"),
        "multiscale-metadata-missing",
        MS,
        SECTION,
    ),
    must(
        "ms/metadata-not-an-object",
        change(IMAGE, f"{MS}/metadata", "gaussian"),
        "wrong-type",
        f"{MS}/metadata",
        SECTION,
    ),
    # 0.2 has no "axes" and no "coordinateTransformations" (the arrays are 5D, t c z y x):
    # such keys are unknown keys, kept as they are.
    valid("ms/axes-key-is-not-0.2", change(IMAGE, f"{MS}/axes", ["x", "y"])),
    valid(
        "ms/transformations-key-is-not-0.2",
        change(
            IMAGE,
            f"{DS}/0/coordinateTransformations",
            [{"type": "translation", "translation": [0, 0]}, {"type": "scale", "scale": [1]}],
        ),
    ),
]

# Not testable on one attributes document: the order of the levels from largest to smallest
# and the 5 dimensions (t, c, z, y, x) of the arrays (both need the arrays' metadata).


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)


def test_several_should_breaches_at_once() -> None:
    doc = {"multiscales": [{"datasets": [{"path": "0"}]}]}
    expected = {
        (MS, "multiscale-name-missing"),
        (MS, "multiscale-version-missing"),
        (MS, "multiscale-type-missing"),
        (MS, "multiscale-metadata-missing"),
    }
    lax = validate_attributes(doc, version="0.2")
    assert lax.valid
    assert {(i.path, i.code) for i in lax.warnings} == expected
    strict = validate_attributes(doc, version="0.2", strict=True)
    assert {(i.path, i.code) for i in strict.errors} == expected
