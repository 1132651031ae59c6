"""0.5 §omero-md: the transitional rendering metadata of an image."""

from __future__ import annotations

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_valid
from tests.v05.cases import (
    CH,
    OMERO,
    Case,
    changed,
    channel,
    image,
    must,
    ome,
    params,
    run_case,
    valid,
    window,
    with_omero,
)

FULL_OMERO = {
    "id": 42,
    "name": "mitosis.czi",
    "channels": [
        {
            "active": True,
            "coefficient": 1,
            "color": "FF0000",
            "family": "linear",
            "inverted": False,
            "label": "H2B",
            "window": {"min": 0, "max": 65535, "start": 120, "end": 3500},
        },
        {
            "active": False,
            "coefficient": 0.5,
            "color": "00ff00",
            "family": "exponential",
            "inverted": True,
            "label": "tubulin",
            "window": {"min": -1.5, "max": 1.5, "start": -0.25, "end": 0.75},
        },
    ],
    "rdefs": {"defaultT": 0, "defaultZ": 12, "model": "color"},
}

CASES: list[Case] = [
    # §omero-md: "The "omero" metadata is optional".
    valid("image without omero", image()),
    valid("omero with every documented field", with_omero(FULL_OMERO)),
    valid("omero alone in a group", ome(omero={"channels": [channel()]})),
    must("omero not an object", with_omero([channel()]), "wrong-type", OMERO),
    # §omero-md: "if present it MUST contain the field "channels", which is an array of
    # dictionaries describing the channels of the image."
    valid("no channels listed", with_omero({"channels": []})),
    must(
        "channels missing", with_omero({"name": "x"}), "omero-channels-missing", OMERO, "omero-md"
    ),
    must(
        "channels not a list",
        with_omero({"channels": channel()}),
        "wrong-type",
        f"{OMERO}/channels",
    ),
    must("channel not an object", with_omero({"channels": ["FF0000"]}), "wrong-type", CH),
    # §omero-md: "Each dictionary in "channels" MUST contain the field "color", which is a string
    # of 6 hexadecimal digits specifying the color of the channel in RGB format."
    valid("lowercase colour", with_omero({"channels": [channel(color="a0b1c2")]})),
    must(
        "colour missing",
        changed(with_omero({"channels": [channel()]}), f"{CH}/color", delete=True),
        "channel-color-missing",
        CH,
        "omero-md",
    ),
    must(
        "colour of 3 digits",
        with_omero({"channels": [channel(color="F00")]}),
        "channel-color-invalid",
        f"{CH}/color",
        "omero-md",
    ),
    must(
        "colour with alpha",
        with_omero({"channels": [channel(color="FF000080")]}),
        "channel-color-invalid",
        f"{CH}/color",
        "omero-md",
    ),
    must(
        "colour with hash",
        with_omero({"channels": [channel(color="#FF0000")]}),
        "channel-color-invalid",
        f"{CH}/color",
        "omero-md",
    ),
    must(
        "colour not hexadecimal",
        with_omero({"channels": [channel(color="GG0000")]}),
        "channel-color-invalid",
        f"{CH}/color",
        "omero-md",
    ),
    must(
        "colour a name",
        with_omero({"channels": [channel(color="red")]}),
        "channel-color-invalid",
        f"{CH}/color",
        "omero-md",
    ),
    must(
        "colour a number",
        with_omero({"channels": [channel(color=0xFF0000)]}),
        "wrong-type",
        f"{CH}/color",
    ),
    # §omero-md: "Each dictionary in "channels" MUST contain the field "window", which is a
    # dictionary describing the windowing of the channel."
    must(
        "window missing",
        changed(with_omero({"channels": [channel()]}), f"{CH}/window", delete=True),
        "channel-window-missing",
        CH,
        "omero-md",
    ),
    must(
        "window not an object",
        with_omero({"channels": [channel(window=[0, 255, 0, 255])]}),
        "wrong-type",
        f"{CH}/window",
    ),
    # §omero-md: "The field "window" MUST contain the fields "min" and "max" ... It MUST also
    # contain the fields "start" and "end"".
    *[
        must(
            f"window {key} missing",
            changed(with_omero({"channels": [channel()]}), f"{CH}/window/{key}", delete=True),
            "window-field-missing",
            f"{CH}/window",
            "omero-md",
        )
        for key in ("min", "max", "start", "end")
    ],
    valid("float window", with_omero({"channels": [channel(window=window(start=0.5, end=99.5))]})),
    must(
        "window min a string",
        with_omero({"channels": [channel(window=window(min="0"))]}),
        "wrong-type",
        f"{CH}/window/min",
    ),
    must(
        "window end a boolean",
        with_omero({"channels": [channel(window=window(end=True))]}),
        "wrong-type",
        f"{CH}/window/end",
    ),
    # The example's value types: "id" an integer, rdefs "defaultT"/"defaultZ" integers,
    # "active"/"inverted" booleans, "coefficient" a number.
    must("id a float", with_omero(dict(FULL_OMERO, id=42.0)), "wrong-type", f"{OMERO}/id"),
    must("id a string", with_omero(dict(FULL_OMERO, id="42")), "wrong-type", f"{OMERO}/id"),
    must(
        "defaultZ a float",
        with_omero(dict(FULL_OMERO, rdefs={"defaultT": 0, "defaultZ": 12.0, "model": "color"})),
        "wrong-type",
        f"{OMERO}/rdefs/defaultZ",
    ),
    must(
        "active a number",
        with_omero({"channels": [channel(active=1)]}),
        "wrong-type",
        f"{CH}/active",
    ),
    must(
        "coefficient a string",
        with_omero({"channels": [channel(coefficient="1")]}),
        "wrong-type",
        f"{CH}/coefficient",
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)


def test_every_broken_channel_is_reported() -> None:
    doc = with_omero({"channels": [channel(), channel(color="blue"), {"color": "0000FF"}]})
    report = validate_attributes(doc)
    assert sorted((i.path, i.code) for i in report.errors) == [
        (f"{OMERO}/channels/1/color", "channel-color-invalid"),
        (f"{OMERO}/channels/2", "channel-window-missing"),
    ]


def test_omero_only_group_is_kind_omero() -> None:
    report = validate_attributes(ome(omero={"channels": [channel()]}))
    assert_valid(report, no_warnings=True)
    assert report.kind == "omero"
    assert validate_attributes(with_omero({"channels": []})).kind == "image"
