"""0.1 §multiscale: multiscales and their datasets.

The 0.1 text defers the specification of "multiscales" to zarr-specs#50 and states how to read
it: "If only one multiscale is provided, use it. Otherwise, the user can choose by name, using
the first multiscale as a fallback", taking ``x["path"] for x in named["datasets"]``; and "The
subresolutions in each multiscale are ordered from highest-resolution to lowest." So a multiscale
has "datasets", each with a "path", and may have a "name"; nothing else is stated (no SHOULD).
"""

from __future__ import annotations

import pytest

from tests.v01.cases import (
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
    valid,
)

SECTION = "multiscale"


CASES: list[Case] = [
    valid("ms/complete", IMAGE),
    valid("ms/one-level", image(("0",))),
    valid("ms/extra-keys-kept", change(IMAGE, f"{DS}/0/origin", {"array": "0", "level": 0})),
    # "If only one multiscale is provided, use it. Otherwise, the user can choose by name, using
    # the first multiscale as a fallback"
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
    # datasets = [x["path"] for x in multiscales[0]["datasets"]]: a list of objects, one per
    # resolution level ("Each multiscale level is stored as a separate Zarr array", §image-layout)
    must("ms/datasets-missing", drop(IMAGE, DS), "multiscale-datasets-missing", MS, SECTION),
    must("ms/datasets-empty", change(IMAGE, DS, []), "datasets-empty", DS, SECTION),
    must("ms/datasets-not-a-list", change(IMAGE, DS, {"path": "0"}), "wrong-type", DS, SECTION),
    must(
        "ms/dataset-not-an-object", change(IMAGE, f"{DS}/1", "1"), "wrong-type", f"{DS}/1", SECTION
    ),
    # ... each with a "path"
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
    # the path of a level's array, in the image group
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
    # "The subresolutions in each multiscale are ordered from highest-resolution to lowest": the
    # order needs the arrays; a path listed twice cannot be in that order
    must(
        "ms/dataset-paths-not-unique",
        change(IMAGE, f"{DS}/2/path", "0"),
        "dataset-paths-not-unique",
        f"{DS}/2/path",
        SECTION,
        rule="hand",
    ),
    # "the user can choose by name": a name is a string, and optional
    valid("ms/without-name", drop(IMAGE, f"{MS}/name")),
    must(
        "ms/name-not-a-string", change(IMAGE, f"{MS}/name", 3), "wrong-type", f"{MS}/name", SECTION
    ),
    # the version of the metadata, where the validator reads it (not described by 0.1)
    valid("ms/without-version", drop(IMAGE, f"{MS}/version")),
    must(
        "ms/version-not-a-string",
        change(IMAGE, f"{MS}/version", ["0.1"]),
        "wrong-type",
        f"{MS}/version",
        SECTION,
    ),
    # "type" and "metadata" are 0.2's (SHOULD there): in 0.1 they are unknown keys, kept
    valid("ms/only-datasets", {"multiscales": [{"datasets": [{"path": "0"}]}]}),
    valid("ms/type-and-metadata-kept", image(type=["gaussian"], metadata="a pyramid")),
    # 0.1 has no "axes" and no "coordinateTransformations" (the arrays are 5D, t c z y x):
    # such keys are unknown keys, kept as they are.
    valid("ms/axes-key-is-not-0.1", change(IMAGE, f"{MS}/axes", ["x", "y"])),
    valid(
        "ms/transformations-key-is-not-0.1",
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
