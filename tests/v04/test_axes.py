"""0.4 §axes-md: the axis objects of a multiscale (name, type, unit).

The count, kinds and order of the axes of a multiscale are rules of §multiscale-md: see
``test_multiscales.py``.
"""

from __future__ import annotations

import pytest

from tests.v04.cases import (
    AXES,
    IMAGE,
    Case,
    Y,
    axis,
    change,
    check,
    drop,
    image,
    must,
    params,
    should,
    space,
    valid,
)

SECTION = "axes-md"

# The units the text lists as valid UDUNITS-2 units, for "space" and for "time" axes.
SPACE_UNITS = [
    "angstrom",
    "attometer",
    "centimeter",
    "decimeter",
    "exameter",
    "femtometer",
    "foot",
    "gigameter",
    "hectometer",
    "inch",
    "kilometer",
    "megameter",
    "meter",
    "micrometer",
    "mile",
    "millimeter",
    "nanometer",
    "parsec",
    "petameter",
    "picometer",
    "terameter",
    "yard",
    "yoctometer",
    "yottameter",
    "zeptometer",
    "zettameter",
]
TIME_UNITS = [
    "attosecond",
    "centisecond",
    "day",
    "decisecond",
    "exasecond",
    "femtosecond",
    "gigasecond",
    "hectosecond",
    "hour",
    "kilosecond",
    "megasecond",
    "microsecond",
    "millisecond",
    "minute",
    "nanosecond",
    "petasecond",
    "picosecond",
    "second",
    "terasecond",
    "yoctosecond",
    "yottasecond",
    "zeptosecond",
    "zettasecond",
]

# In IMAGE the axes are t (0), c (1), z (2), y (3), x (4).
T_AXIS, C_AXIS, Z_AXIS, Y_AXIS, X_AXIS = (f"{AXES}/{k}" for k in range(5))

CASES: list[Case] = [
    valid("axes/complete", IMAGE),
    # "MUST contain the field "name" that gives the name for this dimension."
    must(
        "axes/name-missing",
        change(IMAGE, C_AXIS, {"type": "channel"}),
        "axis-name-missing",
        C_AXIS,
        SECTION,
    ),
    must(
        "axes/name-not-a-string",
        change(IMAGE, f"{C_AXIS}/name", 1),
        "wrong-type",
        f"{C_AXIS}/name",
        SECTION,
    ),
    must(
        "axes/name-null",
        change(IMAGE, f"{C_AXIS}/name", None),
        "wrong-type",
        f"{C_AXIS}/name",
        SECTION,
    ),
    # "The values MUST be unique across all "name" fields."
    must(
        "axes/names-not-unique-space",
        change(IMAGE, f"{X_AXIS}/name", "y"),
        "axis-names-not-unique",
        f"{X_AXIS}/name",
        SECTION,
        rule="hand",
    ),
    must(
        "axes/names-not-unique-across-types",
        change(IMAGE, f"{C_AXIS}/name", "t"),
        "axis-names-not-unique",
        f"{C_AXIS}/name",
        SECTION,
        rule="hand",
    ),
    valid("axes/names-differ-in-case", image([axis("X", "channel"), space("y"), space("x")])),
    # "SHOULD contain the field "type"."
    should(
        "axes/type-missing", drop(IMAGE, f"{C_AXIS}/type"), "axis-type-missing", C_AXIS, SECTION
    ),
    must(
        "axes/type-not-a-string",
        change(IMAGE, f"{C_AXIS}/type", 3),
        "wrong-type",
        f"{C_AXIS}/type",
        SECTION,
    ),
    # "It SHOULD be one of "space", "time" or "channel", but MAY take other string values for
    # custom axis types"
    valid("axes/custom-type", image([axis("lifetime", "fluorescence-lifetime"), Y, space("x")])),
    valid(
        "axes/custom-type-with-unit", image([axis("l", "lifetime", "nanosecond"), Y, space("x")])
    ),
    # "SHOULD contain the field "unit" to specify the physical unit of this dimension."
    should(
        "axes/space-unit-missing",
        drop(IMAGE, f"{Y_AXIS}/unit"),
        "axis-unit-missing",
        Y_AXIS,
        SECTION,
    ),
    should(
        "axes/time-unit-missing",
        drop(IMAGE, f"{T_AXIS}/unit"),
        "axis-unit-missing",
        T_AXIS,
        SECTION,
    ),
    # a channel axis has no physical unit: the spec's own 0.4 example leaves it out
    valid("axes/channel-without-unit", image([axis("c", "channel"), Y, space("x")])),
    must(
        "axes/unit-not-a-string",
        change(IMAGE, f"{C_AXIS}/unit", 1),
        "wrong-type",
        f"{C_AXIS}/unit",
        SECTION,
    ),
    valid(
        "axes/extra-keys-kept",
        change(IMAGE, f"{Z_AXIS}/longName", "depth below the coverslip"),
    ),
    # "The value SHOULD be one of the following strings, which are valid units according to
    # UDUNITS-2." (space and time lists)
    *[valid(f"axes/space-unit-{u}", image([space("y", u), space("x", u)])) for u in SPACE_UNITS],
    *[
        valid(f"axes/time-unit-{u}", image([axis("t", "time", u), Y, space("x")]))
        for u in TIME_UNITS
    ],
    *[
        should(
            f"axes/space-unit-unknown-{name}",
            change(IMAGE, f"{Y_AXIS}/unit", unit),
            "axis-unit-unknown",
            f"{Y_AXIS}/unit",
            SECTION,
        )
        for name, unit in [
            ("um", "um"),
            ("micron", "micron"),
            ("capitalised", "Micrometer"),
            ("plural", "micrometers"),
            ("a-time-unit", "second"),
            ("pixel", "pixel"),
            ("empty", ""),
        ]
    ],
    *[
        should(
            f"axes/time-unit-unknown-{name}",
            change(IMAGE, f"{T_AXIS}/unit", unit),
            "axis-unit-unknown",
            f"{T_AXIS}/unit",
            SECTION,
        )
        for name, unit in [
            ("s", "s"),
            ("sec", "sec"),
            ("capitalised", "Second"),
            ("a-space-unit", "meter"),
        ]
    ],
]

# Not testable on one attributes document: "If part of multiscales metadata, the length of
# "axes" MUST be equal to the number of dimensions of the arrays that contain the image data"
# (it needs the arrays' own metadata).


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)


def test_the_unit_lists_are_the_spec_lists() -> None:
    assert len(SPACE_UNITS) == len(set(SPACE_UNITS)) == 26
    assert len(TIME_UNITS) == len(set(TIME_UNITS)) == 23
