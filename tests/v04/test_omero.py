"""0.4 §omero-md: the transitional "omero" rendering metadata."""

from __future__ import annotations

import pytest

from tests.v04.cases import (
    CH0,
    IMAGE,
    OMERO,
    WIN0,
    C,
    Case,
    X,
    Y,
    change,
    check,
    drop,
    image,
    merge,
    must,
    params,
    valid,
)

SECTION = "omero-md"

MINIMAL_OMERO = {
    "channels": [{"color": "0000FF", "window": {"min": 0, "max": 255, "start": 10, "end": 200}}]
}

CASES: list[Case] = [
    valid("omero/complete", IMAGE),
    valid("omero/minimal", merge(image([C, Y, X]), omero=MINIMAL_OMERO)),
    valid("omero/without-omero", drop(IMAGE, OMERO)),
    valid("omero/extra-keys-kept", change(IMAGE, f"{CH0}/emissionWavelength", 510)),
    # "if present it MUST contain the field "channels", which is an array of dictionaries"
    must(
        "omero/channels-missing",
        drop(IMAGE, f"{OMERO}/channels"),
        "omero-channels-missing",
        OMERO,
        SECTION,
    ),
    must(
        "omero/channels-not-a-list",
        change(IMAGE, f"{OMERO}/channels", {"0": {}}),
        "wrong-type",
        f"{OMERO}/channels",
        SECTION,
    ),
    must("omero/channel-not-an-object", change(IMAGE, CH0, "00FF00"), "wrong-type", CH0, SECTION),
    valid("omero/no-channels-listed", change(IMAGE, f"{OMERO}/channels", [])),
    must(
        "omero/not-an-object", change(IMAGE, OMERO, [MINIMAL_OMERO]), "wrong-type", OMERO, SECTION
    ),
    # "Each dictionary in "channels" MUST contain the field "color", which is a string of 6
    # hexadecimal digits"
    must("omero/color-missing", drop(IMAGE, f"{CH0}/color"), "channel-color-missing", CH0, SECTION),
    *[
        must(
            f"omero/color-{name}",
            change(IMAGE, f"{CH0}/color", color),
            "channel-color-invalid",
            f"{CH0}/color",
            SECTION,
        )
        for name, color in [
            ("hash-prefix", "#00FF00"),
            ("five-digits", "00FF0"),
            ("seven-digits", "00FF000"),
            ("eight-digits-rgba", "00FF00FF"),
            ("three-digits", "0F0"),
            ("not-hex", "00GG00"),
            ("a-name", "green"),
            ("empty", ""),
            ("trailing-newline", "00FF00\n"),
        ]
    ],
    valid("omero/color-lower-case", change(IMAGE, f"{CH0}/color", "a0b1c2")),
    must(
        "omero/color-a-number",
        change(IMAGE, f"{CH0}/color", 65280),
        "wrong-type",
        f"{CH0}/color",
        SECTION,
    ),
    # "Each dictionary in "channels" MUST contain the field "window", which is a dictionary"
    must(
        "omero/window-missing", drop(IMAGE, f"{CH0}/window"), "channel-window-missing", CH0, SECTION
    ),
    must(
        "omero/window-not-an-object",
        change(IMAGE, WIN0, [0, 255, 0, 255]),
        "wrong-type",
        WIN0,
        SECTION,
    ),
    # "The field "window" MUST contain the fields "min" and "max" ... It MUST also contain the
    # fields "start" and "end""
    *[
        must(
            f"omero/window-{key}-missing",
            drop(IMAGE, f"{WIN0}/{key}"),
            "window-field-missing",
            WIN0,
            SECTION,
        )
        for key in ("min", "max", "start", "end")
    ],
    valid(
        "omero/window-floats",
        change(IMAGE, WIN0, {"min": -1.5, "max": 1e6, "start": 0.25, "end": 9.5e5}),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)
