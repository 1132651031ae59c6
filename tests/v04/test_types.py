"""Strict JSON types: a number is a JSON number, an integer is a JSON number without a fraction.

``"100"`` is not a number, ``true`` is not a number, and ``1.0`` is not an integer (a typed
reader would read a float). JSON Schema counts ``1.0`` as an integer, so integral floats are a
hand-written rule (code ``wrong-type``); the other cases are stated by the schemas.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.v04.cases import (
    BF2RAW,
    CT0,
    CT1,
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
WELLS = "/plate/wells"
IMAGES = "/well/images"
COLORS = f"{IL}/colors"

# (id, base document, pointer, spec section) of every value the spec requires to be an integer.
INTEGERS: list[tuple[str, dict[str, Any], str, str]] = [
    # §plate-md "an `id` key whose value MUST be an unique integer identifier"
    ("acquisition-id", PLATE, f"{ACQ}/1/id", "plate-md"),
    # "`maximumfieldcount` key whose value MUST be a positive integer"
    ("maximumfieldcount", PLATE, f"{ACQ}/0/maximumfieldcount", "plate-md"),
    # "`starttime` and/or `endtime` key whose values MUST be integer epoch timestamps"
    ("starttime", PLATE, f"{ACQ}/0/starttime", "plate-md"),
    ("endtime", PLATE, f"{ACQ}/0/endtime", "plate-md"),
    # "a `field_count` key whose value MUST be a positive integer"
    ("field-count", PLATE, "/plate/field_count", "plate-md"),
    # "a `rowIndex` key whose value MUST be an integer ... a `columnIndex` key whose value MUST
    # be an integer"
    ("row-index", PLATE, f"{WELLS}/2/rowIndex", "plate-md"),
    ("column-index", PLATE, f"{WELLS}/1/columnIndex", "plate-md"),
    # §well-md "an `acquisition` key whose value MUST be an integer"
    ("well-acquisition", WELL, f"{IMAGES}/2/acquisition", "well-md"),
    # §label-md "the `label-value` key whose value MUST be an integer"
    ("color-label-value", LABEL_IMAGE, f"{COLORS}/1/label-value", "label-md"),
    ("property-label-value", LABEL_IMAGE, f"{IL}/properties/1/label-value", "label-md"),
    # §omero-md: the OMERO image id and default planes of the example are integers
    ("omero-id", IMAGE, f"{OMERO}/id", "omero-md"),
    ("omero-default-z", IMAGE, f"{OMERO}/rdefs/defaultZ", "omero-md"),
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
    must(
        "types/bf2raw-layout-integral-float",
        {"bioformats2raw.layout": 3.0},
        "wrong-type",
        "/bioformats2raw.layout",
        "bf2raw-details",
        rule="hand",
    ),
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
    # numbers: integers and floats, integral or not, are numbers ...
    valid("types/scale-integers", change(IMAGE, f"{CT0}/0/scale", [1, 1, 2, 1, 1])),
    valid(
        "types/scale-integral-floats", change(IMAGE, f"{CT0}/0/scale", [1.0, 1.0, 2.0, 1.0, 1.0])
    ),
    valid(
        "types/scale-exponents", change(IMAGE, f"{CT0}/0/scale", [1e0, 1, 2.5e-1, 3.25e-7, 1e300])
    ),
    valid(
        "types/window-integral-floats",
        change(IMAGE, WIN0, {"min": 0.0, "max": 255.0, "start": 1.0, "end": 2.0}),
    ),
    # ... "100" is not a number, true is not a number, null is not a number
    *[
        must(f"types/{name}", change(IMAGE, ptr, value), "wrong-type", ptr, None)
        for name, ptr, value in [
            ("scale-string", f"{CT0}/0/scale/2", "2.0"),
            ("scale-boolean", f"{CT0}/0/scale/0", True),
            ("scale-null", f"{CT0}/0/scale/4", None),
            ("translation-string", f"{CT1}/1/translation/0", "0"),
            ("translation-boolean", f"{CT1}/1/translation/1", False),
        ]
    ],
    *[
        must(f"types/{name}", change(IMAGE, ptr, value), "wrong-type", ptr, "omero-md")
        for name, ptr, value in [
            ("window-min-string", f"{WIN0}/min", "100"),
            ("window-max-boolean", f"{WIN0}/max", True),
            ("window-start-null", f"{WIN0}/start", None),
            ("window-end-list", f"{WIN0}/end", [2000]),
        ]
    ],
    valid("types/bf2raw-layout-integer", BF2RAW),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)
