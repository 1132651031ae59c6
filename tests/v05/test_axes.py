"""0.5 §axes-md, and the rules of §multiscale-md on the axes of a multiscale image."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_valid, assert_warning
from tests.v05.cases import (
    AXES,
    C_AXIS,
    T_AXIS,
    YX,
    ZYX,
    Case,
    axis,
    changed,
    image,
    must,
    params,
    run_case,
    should,
    space,
    valid,
)

CASES: list[Case] = [
    # §axes-md: each axis "MUST contain the field "name" that gives the name for this dimension."
    valid("named yx", image(YX)),
    valid("named tczyx", image([T_AXIS, C_AXIS, *ZYX])),
    must(
        "name missing",
        image([axis("y", "space", "micrometer"), {"type": "space", "unit": "micrometer"}]),
        "axis-name-missing",
        f"{AXES}/1",
        "axes-md",
    ),
    must(
        "name not a string", changed(image(), f"{AXES}/0/name", 0), "wrong-type", f"{AXES}/0/name"
    ),
    # §axes-md: "The values MUST be unique across all "name" fields."
    valid("distinct names differing in case", image([space("X"), space("x")])),
    must(
        "duplicate name",
        image([space("x"), space("x")]),
        "axis-names-not-unique",
        f"{AXES}/1/name",
        "axes-md",
    ),
    must(
        "duplicate name across types",
        image([axis("y", "channel"), space("y"), space("x")]),
        "axis-names-not-unique",
        f"{AXES}/1/name",
        "axes-md",
    ),
    # §axes-md: each axis "SHOULD contain the field "type"".
    should(
        "type missing",
        image([axis("c"), *YX]),
        "axis-type-missing",
        f"{AXES}/0",
        "axes-md",
    ),
    # §axes-md: the type "SHOULD be one of "space", "time" or "channel", but MAY take other
    # string values for custom axis types" (so a custom type is neither an error nor a warning).
    valid("custom type", image([axis("lifetime", "fluorescence-lifetime"), *YX])),
    must("type not a string", image([axis("c", 3), *YX]), "wrong-type", f"{AXES}/0/type"),
    # §axes-md: each axis "SHOULD contain the field "unit"" (for space and time axes: the text
    # lists units for those types only).
    valid("channel axis without unit", image([C_AXIS, *YX])),
    should(
        "space unit missing",
        image([axis("y", "space"), space("x")]),
        "axis-unit-missing",
        f"{AXES}/0",
        "axes-md",
    ),
    should(
        "time unit missing",
        image([axis("t", "time"), *YX]),
        "axis-unit-missing",
        f"{AXES}/0",
        "axes-md",
    ),
    # §axes-md: "The value SHOULD be one of the following strings, which are valid units
    # according to UDUNITS-2."
    valid("space unit angstrom", image([space("y", "angstrom"), space("x", "angstrom")])),
    valid("time unit hour", image([axis("t", "time", "hour"), *YX])),
    should(
        "space unit not listed",
        image([space("y", "pixel"), space("x")]),
        "axis-unit-unknown",
        f"{AXES}/0/unit",
        "axes-md",
    ),
    should(
        "space unit wrong case",
        image([space("y"), space("x", "Micrometer")]),
        "axis-unit-unknown",
        f"{AXES}/1/unit",
        "axes-md",
    ),
    should(
        "space unit abbreviated",
        image([space("y", "um"), space("x", "micrometer")]),
        "axis-unit-unknown",
        f"{AXES}/0/unit",
        "axes-md",
    ),
    should(
        "time unit on a space axis",
        image([space("y", "second"), space("x")]),
        "axis-unit-unknown",
        f"{AXES}/0/unit",
        "axes-md",
    ),
    should(
        "space unit on a time axis",
        image([axis("t", "time", "meter"), *YX]),
        "axis-unit-unknown",
        f"{AXES}/0/unit",
        "axes-md",
    ),
    must(
        "unit not a string", image([space("y", 1e-6), space("x")]), "wrong-type", f"{AXES}/0/unit"
    ),
    # §multiscale-md: "The length of "axes" must be between 2 and 5".
    valid("two axes", image(YX)),
    valid("five axes", image([T_AXIS, C_AXIS, *ZYX])),
    must("one axis", image([space("x")]), "axes-count", AXES, "multiscale-md"),
    must(
        "six axes",
        image([T_AXIS, C_AXIS, *ZYX, axis("w", "space", "micrometer")]),
        "axes-count",
        AXES,
        "multiscale-md",
    ),
    # §multiscale-md: "The "axes" MUST contain 2 or 3 entries of "type:space"".
    valid("three space axes", image(ZYX)),
    must("one space axis", image([C_AXIS, space("x")]), "space-axes-count", AXES, "multiscale-md"),
    must(
        "four space axes",
        image([space("w"), *ZYX]),
        "space-axes-count",
        AXES,
        "multiscale-md",
    ),
    must(
        "no space axis",
        image([T_AXIS, C_AXIS]),
        "space-axes-count",
        AXES,
        "multiscale-md",
    ),
    # §multiscale-md: "and MAY contain one additional entry of "type:time"".
    valid("one time axis", image([T_AXIS, *YX])),
    must(
        "two time axes",
        image([T_AXIS, axis("t2", "time", "second"), *YX]),
        "time-axes-count",
        AXES,
        "multiscale-md",
    ),
    # §multiscale-md: "and MAY contain one additional entry of "type:channel" or a null / custom
    # type".
    valid("one custom axis", image([axis("phase", "custom"), *ZYX])),
    must(
        "channel and custom axes",
        image([C_AXIS, axis("phase", "custom"), *YX]),
        "channel-axes-count",
        AXES,
        "multiscale-md",
    ),
    must(
        "two channel axes",
        image([C_AXIS, axis("c2", "channel"), *YX]),
        "channel-axes-count",
        AXES,
        "multiscale-md",
    ),
    must(
        "channel and untyped axes",
        image([C_AXIS, axis("n"), *YX]),
        "channel-axes-count",
        AXES,
        "multiscale-md",
    ),
    # §multiscale-md: "the entries MUST be ordered by "type" where the "time" axis must come
    # first (if present), followed by the "channel" or custom axis (if present) and the axes of
    # type "space"."
    valid("time channel space", image([T_AXIS, C_AXIS, *YX])),
    valid("custom then space", image([axis("angle", "rotation"), *ZYX])),
    must(
        "channel before time",
        image([C_AXIS, T_AXIS, *YX]),
        "axes-order",
        f"{AXES}/1",
        "multiscale-md",
    ),
    must(
        "space before channel",
        image([space("y"), C_AXIS, space("x")]),
        "axes-order",
        f"{AXES}/1",
        "multiscale-md",
    ),
    must(
        "space before time",
        image([*YX, T_AXIS]),
        "axes-order",
        f"{AXES}/2",
        "multiscale-md",
    ),
    must(
        "space before custom",
        image([*YX, axis("angle", "rotation")]),
        "axes-order",
        f"{AXES}/2",
        "multiscale-md",
    ),
    # §multiscale-md: "If there are three spatial axes where two correspond to the image plane
    # ("yx") and images are stacked along the other (anisotropic) axis ("z"), the spatial axes
    # SHOULD be ordered as "zyx"."
    valid("zyx", image(ZYX)),
    valid("other spatial names", image([space("a"), space("b"), space("c")])),
    should(
        "xyz",
        image([space("x"), space("y"), space("z")]),
        "space-axes-not-zyx",
        AXES,
        "multiscale-md",
    ),
    should(
        "yxz after time",
        image([T_AXIS, space("y"), space("x"), space("z")]),
        "space-axes-not-zyx",
        AXES,
        "multiscale-md",
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)


def test_untyped_axis_is_the_one_null_axis() -> None:
    # "MAY contain one additional entry of "type:channel" or a null / custom type": one axis
    # without "type" only draws the SHOULD warning of §axes-md.
    report = validate_attributes(image([axis("n"), *ZYX]))
    assert_valid(report)
    assert {(i.path, i.code) for i in report.issues} == {(f"{AXES}/0", "axis-type-missing")}


def _spec_units(text: str, kind: str) -> list[str]:
    line = next(line for line in text.splitlines() if f'Units for "{kind}" axes' in line)
    return re.findall(r"'([a-z]+)'", line)


@pytest.mark.parametrize("kind", ["space", "time"])
def test_every_unit_the_text_lists_is_accepted_strictly(spec_dir: Path, kind: str) -> None:
    # §axes-md lists the UDUNITS-2 units of "space" and "time" axes; each must pass strict=True.
    units = _spec_units((spec_dir / "ngff-0.5.md").read_text(encoding="utf-8"), kind)
    assert len(units) > 20, units
    for unit in units:
        axes = [axis("t", "time", unit), *YX] if kind == "time" else [space("y", unit), *YX[1:]]
        report = validate_attributes(image(axes), strict=True)
        assert_valid(report, no_warnings=True)


def test_unit_of_the_other_kind_is_only_a_warning() -> None:
    report = validate_attributes(image([axis("t", "time", "micrometer"), *YX]))
    assert_valid(report)
    assert_warning(report, "axis-unit-unknown", f"{AXES}/0/unit")


def test_only_the_first_misplaced_axis_is_reported() -> None:
    report = validate_attributes(image([space("y"), C_AXIS, T_AXIS, space("x")]))
    orders = [i.path for i in report.errors if i.code == "axes-order"]
    assert orders == [f"{AXES}/1"]
