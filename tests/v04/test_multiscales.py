"""0.4 §multiscale-md and §trafo-md: multiscales, their axes, datasets and transformations."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from omezarr_models import validate_attributes
from tests.conftest import assert_error, assert_valid, codes
from tests.v04.cases import (
    AXES,
    CT0,
    CT1,
    DS,
    IMAGE,
    MS,
    MS_CT,
    C,
    Case,
    T,
    X,
    Y,
    Z,
    axis,
    change,
    check,
    dataset,
    drop,
    image,
    multiscale,
    must,
    params,
    scale,
    should,
    space,
    translation,
    valid,
)

SECTION = "multiscale-md"
TRAFO = "trafo-md"

S5 = scale(1, 1, 1, 1, 1)
T5 = translation(0, 0, 0, 0, 0)
S2 = scale(1, 1)


def custom(name: str = "l") -> dict[str, Any]:
    return axis(name, "lifetime", "nanosecond")


CASES: list[Case] = [
    # "Each "multiscales" dictionary MUST contain the field "axes""
    must("ms/axes-missing", drop(IMAGE, AXES), "multiscale-axes-missing", MS, SECTION),
    # "The length of "axes" must be between 2 and 5"
    *[
        valid(f"ms/shape-{name}", image(axes))
        for name, axes in [
            ("yx", [Y, X]),
            ("zyx", [Z, Y, X]),
            ("cyx", [C, Y, X]),
            ("tyx", [T, Y, X]),
            ("tzyx", [T, Z, Y, X]),
            ("czyx", [C, Z, Y, X]),
            ("tcyx", [T, C, Y, X]),
            ("tczyx", [T, C, Z, Y, X]),
        ]
    ],
    must(
        "ms/one-axis",
        image([X]),
        "axes-count",
        AXES,
        SECTION,
        also=((AXES, "space-axes-count"),),
    ),
    must(
        "ms/six-axes",
        image([T, C, space("w"), Z, Y, X]),
        "axes-count",
        AXES,
        SECTION,
        also=((AXES, "space-axes-count"),),
    ),
    # "The "axes" MUST contain 2 or 3 entries of "type:space""
    must("ms/one-space-axis", image([C, X]), "space-axes-count", AXES, SECTION),
    must("ms/no-space-axis", image([T, C]), "space-axes-count", AXES, SECTION),
    must("ms/four-space-axes", image([space("w"), Z, Y, X]), "space-axes-count", AXES, SECTION),
    # "and MAY contain one additional entry of "type:time""
    must(
        "ms/two-time-axes",
        image([T, axis("u", "time", "second"), Y, X]),
        "time-axes-count",
        AXES,
        SECTION,
    ),
    # "and MAY contain one additional entry of "type:channel" or a null / custom type"
    valid("ms/custom-instead-of-channel", image([T, custom(), Z, Y, X])),
    must(
        "ms/two-channel-axes",
        image([C, axis("d", "channel"), Y, X]),
        "channel-axes-count",
        AXES,
        SECTION,
    ),
    must(
        "ms/channel-and-custom-axes",
        image([C, custom(), Y, X]),
        "channel-axes-count",
        AXES,
        SECTION,
    ),
    must(
        "ms/two-untyped-axes",
        image([axis("a"), axis("b"), Y, X]),
        "channel-axes-count",
        AXES,
        SECTION,
        also=((f"{AXES}/0", "axis-type-missing"), (f"{AXES}/1", "axis-type-missing")),
    ),
    # "the entries MUST be ordered by "type" where the "time" axis must come first (if
    # present), followed by the "channel" or custom axis (if present) and the axes of type
    # "space"."
    must(
        "ms/order-channel-before-time",
        image([C, T, Y, X]),
        "axes-order",
        f"{AXES}/1",
        SECTION,
        rule="hand",
    ),
    must(
        "ms/order-space-before-channel",
        image([Y, X, C]),
        "axes-order",
        f"{AXES}/2",
        SECTION,
        rule="hand",
    ),
    must(
        "ms/order-space-before-time",
        image([Z, T, Y, X]),
        "axes-order",
        f"{AXES}/1",
        SECTION,
        rule="hand",
    ),
    must(
        "ms/order-custom-between-space",
        image([Y, custom(), X]),
        "axes-order",
        f"{AXES}/1",
        SECTION,
        rule="hand",
    ),
    # "If there are three spatial axes ... the spatial axes SHOULD be ordered as "zyx"."
    should("ms/space-xyz", image([X, Y, Z]), "space-axes-not-zyx", AXES, SECTION, rule="hand"),
    should(
        "ms/space-czxy",
        image([C, Z, X, Y]),
        "space-axes-not-zyx",
        AXES,
        SECTION,
        rule="hand",
    ),
    valid("ms/space-not-named-xyz", image([space("p"), space("q"), space("r")])),
    # "Each "multiscales" dictionary MUST contain the field "datasets""
    must("ms/datasets-missing", drop(IMAGE, DS), "multiscale-datasets-missing", MS, SECTION),
    must("ms/datasets-empty", change(IMAGE, DS, []), "datasets-empty", DS, SECTION),
    valid("ms/one-level", image(datasets=[dataset("0", S2)])),
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
    # "...the path to the array for this resolution relative to the current zarr group"
    valid("ms/dataset-path-nested", image(datasets=[dataset("levels/full", S2)])),
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
            ("parent-inside", "levels/../../1"),
            ("url", "https://example.org/image.zarr/1"),
            ("empty-segment", "levels//1"),
        ]
    ],
    must(
        "ms/dataset-paths-not-unique",
        change(IMAGE, f"{DS}/1/path", "0"),
        "dataset-paths-not-unique",
        f"{DS}/1/path",
        SECTION,
        rule="hand",
    ),
    # "Each dictionary in "datasets" MUST contain the field "coordinateTransformations""
    must(
        "ms/dataset-transformations-missing",
        drop(IMAGE, CT0),
        "dataset-transformations-missing",
        f"{DS}/0",
        SECTION,
    ),
    # "They MUST contain exactly one `scale` transformation"
    must("ms/dataset-transformations-empty", change(IMAGE, CT0, []), "scale-count", CT0, SECTION),
    must("ms/dataset-no-scale", change(IMAGE, CT0, [T5]), "scale-count", CT0, SECTION),
    must("ms/dataset-two-scales", change(IMAGE, CT0, [S5, S5]), "scale-count", CT0, SECTION),
    # "It MAY contain exactly one `translation`"
    must(
        "ms/dataset-two-translations",
        change(IMAGE, CT1, [S5, T5, T5]),
        "translation-count",
        CT1,
        SECTION,
    ),
    # "If `translation` is given it MUST be listed after `scale`"
    must(
        "ms/dataset-translation-before-scale",
        change(IMAGE, CT1, [T5, S5]),
        "translation-before-scale",
        f"{CT1}/0",
        SECTION,
        rule="hand",
    ),
    # "The transformation MUST only be of type `translation` or `scale`."
    must(
        "ms/dataset-identity",
        change(IMAGE, f"{CT0}/1", {"type": "identity"}),
        "transformation-type-not-allowed",
        f"{CT0}/1",
        SECTION,
    ),
    must(
        "ms/dataset-affine",
        change(IMAGE, f"{CT0}/1", {"type": "affine", "affine": [1, 0, 0, 1]}),
        "transformation-type-not-allowed",
        f"{CT0}/1",
        SECTION,
    ),
    # §trafo-md "Each entry describes a single transformation and MUST contain the field "type"."
    must(
        "ms/transformation-type-missing",
        change(IMAGE, f"{CT1}/1", {"translation": [0, 0, 0, 0, 0]}),
        "transformation-type-missing",
        f"{CT1}/1",
        TRAFO,
    ),
    # §trafo-md: scale/translation give "one of: "scale":List[float], "path":str"
    valid("ms/scale-by-path", change(IMAGE, f"{CT0}/0", {"type": "scale", "path": "scale0"})),
    valid(
        "ms/translation-by-path",
        change(IMAGE, f"{CT1}/1", {"type": "translation", "path": "offsets/1"}),
    ),
    must(
        "ms/scale-neither-vector-nor-path",
        change(IMAGE, f"{CT0}/0", {"type": "scale"}),
        "transformation-parameters-missing",
        f"{CT0}/0",
        TRAFO,
    ),
    must(
        "ms/scale-vector-and-path",
        change(IMAGE, f"{CT0}/0/path", "scale0"),
        "transformation-parameters-ambiguous",
        f"{CT0}/0",
        TRAFO,
    ),
    must(
        "ms/translation-neither-vector-nor-path",
        change(IMAGE, f"{CT1}/1", {"type": "translation"}),
        "transformation-parameters-missing",
        f"{CT1}/1",
        TRAFO,
    ),
    must(
        "ms/translation-vector-and-path",
        change(IMAGE, f"{CT1}/1/path", "offsets/1"),
        "transformation-parameters-ambiguous",
        f"{CT1}/1",
        TRAFO,
    ),
    must(
        "ms/scale-not-a-list",
        change(IMAGE, f"{CT0}/0/scale", 2),
        "wrong-type",
        f"{CT0}/0/scale",
        TRAFO,
    ),
    # "The length of the `scale` and `translation` array MUST be the same as the length of
    # "axes"."
    must(
        "ms/scale-too-short",
        change(IMAGE, f"{CT0}/0/scale", [1, 1, 1, 1]),
        "scale-length-mismatch",
        f"{CT0}/0/scale",
        SECTION,
        rule="hand",
    ),
    must(
        "ms/scale-too-long",
        change(IMAGE, f"{CT1}/0/scale", [1, 1, 1, 1, 1, 1]),
        "scale-length-mismatch",
        f"{CT1}/0/scale",
        SECTION,
        rule="hand",
    ),
    must(
        "ms/translation-too-short",
        change(IMAGE, f"{CT1}/1/translation", [0, 0]),
        "translation-length-mismatch",
        f"{CT1}/1/translation",
        SECTION,
        rule="hand",
    ),
    must(
        "ms/second-multiscale-scale-length",
        {"multiscales": [multiscale(), multiscale(name="b", datasets=[dataset("b0", scale(1))])]},
        "scale-length-mismatch",
        "/multiscales/1/datasets/0/coordinateTransformations/0/scale",
        SECTION,
        rule="hand",
    ),
    # "Each "multiscales" dictionary MAY contain the field "coordinateTransformations" ...
    # The transformations MUST follow the same rules about allowed types, order, etc."
    valid(
        "ms/multiscale-scale-translation", image(coordinateTransformations=[S2, translation(5, -5)])
    ),
    valid(
        "ms/multiscale-by-path", image(coordinateTransformations=[{"type": "scale", "path": "s"}])
    ),
    valid("ms/without-multiscale-transformations", drop(IMAGE, MS_CT)),
    must(
        "ms/multiscale-transformations-empty",
        change(IMAGE, MS_CT, []),
        "scale-count",
        MS_CT,
        SECTION,
    ),
    must("ms/multiscale-no-scale", change(IMAGE, MS_CT, [T5]), "scale-count", MS_CT, SECTION),
    must("ms/multiscale-two-scales", change(IMAGE, MS_CT, [S5, S5]), "scale-count", MS_CT, SECTION),
    must(
        "ms/multiscale-two-translations",
        change(IMAGE, MS_CT, [S5, T5, T5]),
        "translation-count",
        MS_CT,
        SECTION,
    ),
    must(
        "ms/multiscale-translation-before-scale",
        change(IMAGE, MS_CT, [T5, S5]),
        "translation-before-scale",
        f"{MS_CT}/0",
        SECTION,
        rule="hand",
    ),
    must(
        "ms/multiscale-identity",
        change(IMAGE, f"{MS_CT}/1", {"type": "identity"}),
        "transformation-type-not-allowed",
        f"{MS_CT}/1",
        SECTION,
    ),
    must(
        "ms/multiscale-scale-parameters-missing",
        change(IMAGE, f"{MS_CT}/0", {"type": "scale"}),
        "transformation-parameters-missing",
        f"{MS_CT}/0",
        TRAFO,
    ),
    must(
        "ms/multiscale-scale-length",
        change(IMAGE, f"{MS_CT}/0/scale", [2.5]),
        "scale-length-mismatch",
        f"{MS_CT}/0/scale",
        SECTION,
        rule="hand",
    ),
    must(
        "ms/multiscale-translation-length",
        change(IMAGE, f"{MS_CT}/1", translation(0, 0, 0)),
        "translation-length-mismatch",
        f"{MS_CT}/1/translation",
        SECTION,
        rule="hand",
    ),
    # "Each "multiscales" dictionary SHOULD contain the field "name". It SHOULD contain the
    # field "version""
    should("ms/name-missing", drop(IMAGE, f"{MS}/name"), "multiscale-name-missing", MS, SECTION),
    must(
        "ms/name-not-a-string", change(IMAGE, f"{MS}/name", 3), "wrong-type", f"{MS}/name", SECTION
    ),
    # (without a version anywhere the document also gets the version-missing warning)
    should(
        "ms/version-missing",
        drop(IMAGE, f"{MS}/version"),
        "multiscale-version-missing",
        MS,
        SECTION,
    ),
    # "Each "multiscales" dictionary SHOULD contain the field "type""
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
    # "multiscales" contains a list of dictionaries
    valid("ms/two-multiscales", {"multiscales": [multiscale(), multiscale([Z, Y, X], name="3D")]}),
    must("ms/multiscales-empty", {"multiscales": []}, "multiscales-empty", "/multiscales", SECTION),
    must(
        "ms/multiscales-not-a-list",
        {"multiscales": multiscale()},
        "wrong-type",
        "/multiscales",
        SECTION,
    ),
    valid("ms/extra-keys-kept", change(IMAGE, f"{DS}/0/origin", {"array": "0", "level": 0})),
]

# Not testable on one attributes document: "The "path"s MUST be ordered from largest (i.e.
# highest resolution) to smallest" and "Each "datasets" dictionary MUST have the same number of
# dimensions and MUST NOT have more than 5 dimensions" (they need the arrays' metadata).


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)


# --------------------------------------------------------------------------------------------
# Property: any axes allowed by the text validate, in any other order they are out of order.

_RANK = {"time": 0, "channel": 1, "lifetime": 1, "space": 2}


@st.composite
def allowed_axes(draw: st.DrawFn) -> list[dict[str, Any]]:
    """2 to 5 axes as the text allows them: [time] [channel | custom] space{2,3}."""
    axes = []
    if draw(st.booleans()):
        axes.append(axis("t", "time", draw(st.sampled_from(["second", "hour", "millisecond"]))))
    middle = draw(st.sampled_from([None, "channel", "lifetime"]))
    if middle is not None:
        axes.append(axis("c", middle))
    names = ["z", "y", "x"] if draw(st.booleans()) else ["y", "x"]
    unit = draw(st.sampled_from(["micrometer", "nanometer", "angstrom"]))
    axes.extend(space(n, unit) for n in names)
    return axes


@settings(deadline=None)
@given(allowed_axes(), st.data())
def test_allowed_axes_validate_and_reordering_breaks_the_order(
    axes: list[dict[str, Any]], data: st.DataObject
) -> None:
    assert_valid(validate_attributes(image(axes), strict=True), no_warnings=True)
    shuffled = data.draw(st.permutations(axes))
    report = validate_attributes(image(list(shuffled)))
    ranks = [_RANK[a["type"]] for a in shuffled]
    if ranks == sorted(ranks):
        assert "axes-order" not in codes(report)
    else:
        first_bad = next(k for k in range(1, len(ranks)) if ranks[k] < max(ranks[:k]))
        assert_error(report, "axes-order", f"{AXES}/{first_bad}")
