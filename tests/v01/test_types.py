"""Strict JSON types: a number is a JSON number, an integer is a JSON number without a fraction.

``"100"`` is not a number, ``true`` is not a number, and ``1.0`` is not an integer (a typed
reader would read a float). JSON Schema counts ``1.0`` as an integer, so integral floats are a
hand-written rule (code ``wrong-type``); the other cases are stated by the schemas.

0.1 states few types in words; the integers below are those of the text ("field_count: An
integer"), of its examples (ids, counts, timestamps, OMERO ids and planes) and of label images,
which hold integer pixel values only (§image-layout), so a "label-value" is an integer.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.v01.cases import (
    IL,
    IMAGE,
    LABEL_IMAGE,
    OMERO,
    PLATE,
    WELL,
    WIN0,
    Case,
    change,
    check,
    must,
    params,
    valid,
)

ACQ = "/plate/acquisitions"
IMAGES = "/well/images"
COLORS = f"{IL}/colors"

# (id, base document, pointer, spec section) of every value that is an integer in 0.1.
INTEGERS: list[tuple[str, dict[str, Any], str, str]] = [
    ("acquisition-id", PLATE, f"{ACQ}/1/id", "plate-md"),
    ("maximumfieldcount", PLATE, f"{ACQ}/0/maximumfieldcount", "plate-md"),
    ("field-count", PLATE, "/plate/field_count", "plate-md"),
    ("well-acquisition", WELL, f"{IMAGES}/2/acquisition", "well-md"),
    ("color-label-value", LABEL_IMAGE, f"{COLORS}/1/label-value", "image-label"),
    ("omero-id", IMAGE, f"{OMERO}/id", "omero"),
    ("omero-default-t", IMAGE, f"{OMERO}/rdefs/defaultT", "omero"),
    ("omero-default-z", IMAGE, f"{OMERO}/rdefs/defaultZ", "omero"),
]


def _value(doc: dict[str, Any], pointer: str) -> Any:
    target: Any = doc
    for token in pointer.split("/")[1:]:
        target = target[int(token)] if isinstance(target, list) else target[token]
    return target


CASES: list[Case] = [
    # "1.0" is not an integer (hand-written: JSON Schema would accept it)
    *[
        must(
            f"types/{name}-integral-float",
            change(doc, ptr, float(_value(doc, ptr))),
            "wrong-type",
            ptr,
            section,
            rule="hand",
        )
        for name, doc, ptr, section in INTEGERS
    ],
    # a number with a fraction, a string or a boolean is not an integer either
    *[
        must(f"types/{name}-{kind}", change(doc, ptr, value), "wrong-type", ptr, section)
        for name, doc, ptr, section in INTEGERS
        for kind, value in [
            ("fraction", _value(doc, ptr) + 0.5),
            ("string", str(_value(doc, ptr))),
            ("boolean", True),
        ]
    ],
    # the acquisition times: an integer (the example) or an epoch string (the text)
    must(
        "types/starttime-integral-float",
        change(PLATE, f"{ACQ}/0/starttime", 1700000000.0),
        "wrong-type",
        f"{ACQ}/0/starttime",
        "plate-md",
        rule="hand",
    ),
    must(
        "types/endtime-fraction",
        change(PLATE, f"{ACQ}/0/endtime", 1700003600.5),
        "wrong-type",
        f"{ACQ}/0/endtime",
        "plate-md",
    ),
    must(
        "types/endtime-list",
        change(PLATE, f"{ACQ}/0/endtime", [1700003600]),
        "wrong-type",
        f"{ACQ}/0/endtime",
        "plate-md",
    ),
    # numbers: integers and floats, integral or not, are numbers ...
    valid(
        "types/window-integral-floats",
        change(IMAGE, WIN0, {"min": 0.0, "max": 255.0, "start": 1.0, "end": 2.0}),
    ),
    valid(
        "types/window-exponents",
        change(IMAGE, WIN0, {"min": -1e3, "max": 2.5e9, "start": 1e-3, "end": 1e9}),
    ),
    valid("types/coefficient-float", change(IMAGE, f"{OMERO}/channels/0/coefficient", 0.5)),
    # ... "100" is not a number, true is not a number, null is not a number
    *[
        must(f"types/{name}", change(IMAGE, ptr, value), "wrong-type", ptr, "omero")
        for name, ptr, value in [
            ("window-min-string", f"{WIN0}/min", "100"),
            ("window-max-boolean", f"{WIN0}/max", True),
            ("window-start-null", f"{WIN0}/start", None),
            ("window-end-list", f"{WIN0}/end", [2000]),
            ("coefficient-string", f"{OMERO}/channels/0/coefficient", "1"),
        ]
    ],
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)
