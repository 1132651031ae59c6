"""0.3 §omero-md: the "omero" rendering metadata.

The 0.3 text gives an example only (and a link to OMERO's imgdata): no key is required, each
value has the type of the example. The MUST rules on channels, colours and windows are 0.4's.
"""

from __future__ import annotations

import pytest

from tests.v03.cases import (
    CH0,
    IMAGE,
    OMERO,
    WIN0,
    Case,
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

CASES: list[Case] = [
    valid("omero/complete", IMAGE),
    valid("omero/without-omero", drop(IMAGE, OMERO)),
    valid("omero/extra-keys-kept", change(IMAGE, f"{CH0}/emissionWavelength", 510)),
    # no key is required (0.4 requires channels, color, window and its four fields)
    valid("omero/empty", merge(image(), omero={})),
    valid("omero/without-channels", drop(IMAGE, f"{OMERO}/channels")),
    valid("omero/channel-without-color", drop(IMAGE, f"{CH0}/color")),
    valid("omero/channel-without-window", drop(IMAGE, f"{CH0}/window")),
    valid("omero/window-start-end-only", change(IMAGE, WIN0, {"start": 0, "end": 100})),
    valid("omero/without-rdefs", drop(IMAGE, f"{OMERO}/rdefs")),
    # the types of the example
    must(
        "omero/not-an-object",
        change(IMAGE, OMERO, [{"channels": []}]),
        "wrong-type",
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
    must(
        "omero/color-a-number",
        change(IMAGE, f"{CH0}/color", 65280),
        "wrong-type",
        f"{CH0}/color",
        SECTION,
    ),
    must(
        "omero/active-a-string",
        change(IMAGE, f"{CH0}/active", "true"),
        "wrong-type",
        f"{CH0}/active",
        SECTION,
    ),
    must(
        "omero/inverted-a-number",
        change(IMAGE, f"{CH0}/inverted", 0),
        "wrong-type",
        f"{CH0}/inverted",
        SECTION,
    ),
    must(
        "omero/label-a-number",
        change(IMAGE, f"{CH0}/label", 1),
        "wrong-type",
        f"{CH0}/label",
        SECTION,
    ),
    must(
        "omero/family-a-list",
        change(IMAGE, f"{CH0}/family", ["linear"]),
        "wrong-type",
        f"{CH0}/family",
        SECTION,
    ),
    must(
        "omero/window-not-an-object",
        change(IMAGE, WIN0, [0, 255, 0, 255]),
        "wrong-type",
        WIN0,
        SECTION,
    ),
    must(
        "omero/name-a-number",
        change(IMAGE, f"{OMERO}/name", 7),
        "wrong-type",
        f"{OMERO}/name",
        SECTION,
    ),
    must(
        "omero/version-a-number",
        change(IMAGE, f"{OMERO}/version", 0.3),
        "wrong-type",
        f"{OMERO}/version",
        SECTION,
    ),
    must(
        "omero/rdefs-not-an-object",
        change(IMAGE, f"{OMERO}/rdefs", "color"),
        "wrong-type",
        f"{OMERO}/rdefs",
        SECTION,
    ),
    must(
        "omero/rdefs-model-a-number",
        change(IMAGE, f"{OMERO}/rdefs/model", 1),
        "wrong-type",
        f"{OMERO}/rdefs/model",
        SECTION,
    ),
    valid(
        "omero/window-floats",
        change(IMAGE, WIN0, {"min": -1.5, "max": 1e6, "start": 0.25, "end": 9.5e5}),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)
