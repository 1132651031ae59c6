"""0.3 §multiscale-md: multiscales, their axes (a list of names) and datasets (no transformations)."""

from __future__ import annotations

import pytest

from omezarr_models import validate_attributes
from tests.v03.cases import (
    AXES,
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
    valid("ms/one-level", image(paths=("0",))),
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
    valid("ms/dataset-path-nested", image(paths=("levels/full", "levels/half"))),
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
        change(IMAGE, f"{MS}/version", ["0.3"]),
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
    # 0.3 has no "coordinateTransformations": such a key is unknown and kept as it is
    valid(
        "ms/transformations-key-is-not-0.3",
        change(
            IMAGE,
            f"{DS}/0/coordinateTransformations",
            [{"type": "translation", "translation": [0, 0]}, {"type": "scale", "scale": [1]}],
        ),
    ),
    # "It MUST contain the field "axes", which is a list of dimension names of the axes."
    must("ms/axes-missing", drop(IMAGE, AXES), "multiscale-axes-missing", MS, SECTION),
    must("ms/axes-not-a-list", change(IMAGE, AXES, "tczyx"), "wrong-type", AXES, SECTION),
    # 0.4's axis objects are not 0.3 names
    must(
        "ms/axes-as-objects",
        change(image(), AXES, [{"name": "y"}, {"name": "x"}]),
        "invalid-value",
        f"{AXES}/0",
        SECTION,
        also=((f"{AXES}/1", "invalid-value"),),
    ),
    # "The values MUST be unique and one of {"t", "c", "z", "y", "x"}." With the dimension
    # order (t, c, z, y, x) of arrays "up to 5-dimensional" (§image-layout), the allowed axes
    # are that sequence with some of t, c and z left out.
    *[
        valid(f"ms/axes-{''.join(axes)}", image(axes))
        for axes in [
            ("y", "x"),
            ("z", "y", "x"),
            ("c", "y", "x"),
            ("t", "y", "x"),
            ("c", "z", "y", "x"),
            ("t", "z", "y", "x"),
            ("t", "c", "y", "x"),
            ("t", "c", "z", "y", "x"),
        ]
    ],
    *[
        must(
            f"ms/axis-name-{name}",
            change(IMAGE, f"{AXES}/{j}", value),
            code,
            f"{AXES}/{j}",
            SECTION,
        )
        for name, j, value, code in [
            ("upper-case", 4, "X", "invalid-value"),
            ("other-letter", 1, "w", "invalid-value"),
            ("a-word", 0, "time", "invalid-value"),
            ("empty", 2, "", "invalid-value"),
            ("a-number", 2, 2, "invalid-value"),
            ("null", 1, None, "invalid-value"),
        ]
    ],
    must(
        "ms/axis-names-not-unique",
        image(("z", "y", "y")),
        "axis-names-not-unique",
        f"{AXES}/2",
        SECTION,
        # the schema's "uniqueItems" reports the list as well
        also=((AXES, "axis-names-not-unique"),),
    ),
    must(
        "ms/axis-names-not-unique-apart",
        image(("y", "x", "y")),
        "axis-names-not-unique",
        f"{AXES}/2",
        SECTION,
        also=((AXES, "axis-names-not-unique"),),
    ),
    # a list of 2 to 5 names (up to 5 dimensions; y and x at least)
    # (one name cannot end with y, x either)
    must("ms/axes-one", image(("x",)), "axes-count", AXES, SECTION, also=((AXES, "axes-order"),)),
    must("ms/axes-none", image(()), "axes-count", AXES, SECTION),
    must(
        "ms/axes-six",
        image(("t", "c", "z", "y", "x", "x")),
        "axes-count",
        AXES,
        SECTION,
        also=((AXES, "axis-names-not-unique"), (f"{AXES}/5", "axis-names-not-unique")),
    ),
    # "with dimension order (t, c, z, y, x)" (§image-layout)
    *[
        must(
            f"ms/axes-order-{''.join(axes)}", image(axes), "axes-order", AXES, SECTION, rule="hand"
        )
        for axes in [
            ("x", "y"),
            ("z", "x", "y"),
            ("c", "t", "y", "x"),
            ("y", "x", "c"),
            ("t", "c", "y", "x", "z"),
            ("z", "c", "y", "x"),
            ("y", "z", "x"),
            # y and x come last: a 2D image is (y, x), not (z, y) or (c, x)
            ("z", "y"),
            ("c", "x"),
            ("t", "c", "z"),
        ]
    ],
]

# Not testable on one attributes document: the order of the levels from largest to smallest;
# "The number of values MUST be the same as the number of dimensions of the arrays"; "the
# "axes" values MUST be repeated in the field "_ARRAY_DIMENSIONS" of all scale groups" (all
# need the arrays' metadata: the dataset rules array-ndim-mismatch and array-dimensions-*).


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)


def test_several_should_breaches_at_once() -> None:
    doc = {"multiscales": [{"axes": ["y", "x"], "datasets": [{"path": "0"}]}]}
    expected = {
        (MS, "multiscale-name-missing"),
        (MS, "multiscale-version-missing"),
        (MS, "multiscale-type-missing"),
        (MS, "multiscale-metadata-missing"),
    }
    lax = validate_attributes(doc, version="0.3")
    assert lax.valid
    assert {(i.path, i.code) for i in lax.warnings} == expected
    strict = validate_attributes(doc, version="0.3", strict=True)
    assert {(i.path, i.code) for i in strict.errors} == expected
