"""0.6rc0 §coordinate-systems-md and §axes-md, and the axis rules of §multiscales-md that apply
to every coordinate system of a multiscale."""

from __future__ import annotations

import pytest

from tests.v06.cases import (
    AXES,
    C_AXIS,
    CS,
    MS,
    SC_CS,
    T_AXIS,
    TCZYX,
    YX,
    ZYX,
    Case,
    axis,
    bound,
    changed,
    image,
    local,
    multiscale,
    must,
    ome,
    params,
    run_case,
    scale,
    scene,
    should,
    space,
    system,
    valid,
)

CASES: list[Case] = [
    valid("tczyx", image(TCZYX)),
    valid(
        "discrete and longName",
        image([dict(C_AXIS, discrete=True, longName="emission channel"), *YX]),
    ),
    valid("continuous space axes", image([dict(a, discrete=False) for a in YX])),
    # "Every coordinate system MUST contain the field `name`. The value MUST be a non-empty
    # string that is unique among all entries in a `coordinateSystems` array."
    must(
        "name missing",
        changed(image(), f"{CS}/name", delete=True),
        "coordinate-system-name-missing",
        CS,
        "coordinate-systems-md",
    ),
    must(
        "name empty",
        changed(image(), f"{CS}/name", ""),
        "coordinate-system-name-empty",
        f"{CS}/name",
        "coordinate-systems-md",
    ),
    must("name a number", changed(image(), f"{CS}/name", 1), "wrong-type", f"{CS}/name"),
    must(
        "names repeated in a multiscale",
        ome(multiscales=[multiscale(systems=[system("physical"), system("physical")])]),
        "coordinate-system-names-not-unique",
        f"{MS}/coordinateSystems/1/name",
        "coordinate-systems-md",
    ),
    must(
        "names repeated in a scene",
        scene(
            [bound(scale(1, 1), "a", "b")],
            [system("a"), system("b"), system("a")],
        ),
        "coordinate-system-names-not-unique",
        f"{SC_CS}/2/name",
        "coordinate-systems-md",
    ),
    valid("same name in two multiscales", ome(multiscales=[multiscale(), multiscale(ZYX)])),
    # "MUST contain the field `axes`, whose value is an array of valid `axes`"
    must(
        "axes missing",
        changed(image(), AXES, delete=True),
        "coordinate-system-axes-missing",
        CS,
        "coordinate-systems-md",
    ),
    must("axes an object", changed(image(), AXES, {"y": "space"}), "wrong-type", AXES),
    must(
        "coordinate systems missing",
        changed(image(), f"{MS}/coordinateSystems", delete=True),
        "multiscale-coordinate-systems-missing",
        MS,
        "multiscales-md",
    ),
    must(
        "coordinate systems empty",
        changed(image(), f"{MS}/coordinateSystems", []),
        "multiscale-coordinate-systems-empty",
        f"{MS}/coordinateSystems",
        "multiscales-md",
    ),
    # §axes-md: "MUST contain the field `name` ... The value MUST be a non-empty string."
    must(
        "axis name missing",
        image([{"type": "space", "unit": "meter"}, space("x")]),
        "axis-name-missing",
        f"{AXES}/0",
        "axes-md",
    ),
    must(
        "axis name empty",
        image([space(""), space("x")]),
        "axis-name-empty",
        f"{AXES}/0/name",
        "axes-md",
    ),
    # "The values in the `name` fields MUST be unique within the same coordinate system."
    must(
        "axis names repeated",
        image([space("y"), space("y")]),
        "axis-names-not-unique",
        f"{AXES}/1/name",
        "axes-md",
    ),
    must(
        "axis names repeated in a scene",
        scene([], [system("s", [space("x"), space("x")])]),
        "axis-names-not-unique",
        f"{SC_CS}/0/axes/1/name",
        "axes-md",
    ),
    # "MAY contain the field `discrete`. The value MUST be a boolean"
    must(
        "discrete a string",
        image([dict(space("y"), discrete="true"), space("x")]),
        "wrong-type",
        f"{AXES}/0/discrete",
    ),
    # "MAY contain the field `longName`. The value MUST be a string"
    must(
        "longName a number",
        image([dict(space("y"), longName=1), space("x")]),
        "wrong-type",
        f"{AXES}/0/longName",
    ),
    # "SHOULD contain the field `type`." / "SHOULD contain the field `unit`" (space and time,
    # with the UDUNITS-2 units listed).
    should(
        "axis type missing",
        image([axis("c"), *YX]),
        "axis-type-missing",
        f"{AXES}/0",
        "axes-md",
    ),
    should(
        "space unit missing",
        image([axis("y", "space"), space("x")]),
        "axis-unit-missing",
        f"{AXES}/0",
        "axes-md",
    ),
    should(
        "space unit unknown",
        image([space("y", "pixel"), space("x")]),
        "axis-unit-unknown",
        f"{AXES}/0/unit",
        "axes-md",
    ),
    should(
        "time unit unknown",
        image([axis("t", "time", "fortnight"), *YX]),
        "axis-unit-unknown",
        f"{AXES}/0/unit",
        "axes-md",
    ),
    valid("custom axis type", image([axis("angle", "angular", "radian"), *YX])),
    # §multiscales-md: "The length of `axes` must be between 2 and 5"; "MUST contain 2 or 3
    # entries of type:space"; "MAY contain one additional entry of type:time"; "MAY contain one
    # additional entry of type:channel or a null / custom type"; ordered time, channel, space.
    must("one axis", image([space("x")], []), "axes-count", AXES, "multiscales-md"),
    must(
        "six axes",
        image([T_AXIS, C_AXIS, axis("w", "angle"), *ZYX], []),
        "axes-count",
        AXES,
        "multiscales-md",
    ),
    must(
        "one space axis",
        image([T_AXIS, space("x")], []),
        "space-axes-count",
        AXES,
        "multiscales-md",
    ),
    must(
        "four space axes",
        image([space("w"), *ZYX], []),
        "space-axes-count",
        AXES,
        "multiscales-md",
    ),
    must(
        "two time axes",
        image([T_AXIS, axis("u", "time", "second"), *YX], []),
        "time-axes-count",
        AXES,
        "multiscales-md",
    ),
    must(
        "two channel axes",
        image([C_AXIS, axis("d", "channel"), *YX], []),
        "channel-axes-count",
        AXES,
        "multiscales-md",
    ),
    must(
        "space before time",
        image([space("y"), T_AXIS, space("x")]),
        "axes-order",
        f"{AXES}/1",
        "multiscales-md",
    ),
    valid("displacement axis before space", image([axis("v", "displacement"), *YX])),
    # "If there are three spatial axes ... the spatial axes SHOULD be ordered as zyx."
    should(
        "xyz",
        image([space("x"), space("y"), space("z")]),
        "space-axes-not-zyx",
        AXES,
        "multiscales-md",
    ),
    # "The following conditions apply to all coordinate systems inside multiscales metadata":
    # every one has as many axes as the arrays have dimensions.
    must(
        "second coordinate system of another dimensionality",
        ome(
            multiscales=[
                multiscale(
                    systems=[system("physical"), system("volume", ZYX)],
                    coordinateTransformations=[bound(scale(1, 1), "physical", "volume")],
                )
            ]
        ),
        "coordinate-system-ndim-mismatch",
        f"{MS}/coordinateSystems/1/axes",
        "multiscales-md",
    ),
    must(
        "order rules apply to every coordinate system",
        ome(
            multiscales=[
                multiscale(
                    [T_AXIS, *YX],
                    systems=[
                        system("physical", [T_AXIS, *YX]),
                        system("flipped", [space("y"), T_AXIS, space("x")]),
                    ],
                    coordinateTransformations=[bound(scale(1, 1, 1), "physical", "flipped")],
                )
            ]
        ),
        "axes-order",
        f"{MS}/coordinateSystems/1/axes/1",
        "multiscales-md",
    ),
    # Scene coordinate systems are not multiscale ones: any number of axes.
    valid("one-dimensional scene coordinate systems", local(scale(2.0), n_in=1)),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)
