"""0.1 §labels ("labels" groups) and §image-label ("image-label" metadata of label images)."""

from __future__ import annotations

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_valid
from tests.v01.cases import (
    IL,
    LABEL_IMAGE,
    LABELS,
    Case,
    change,
    check,
    drop,
    must,
    params,
    valid,
)

LABELS_MD = "labels"
SECTION = "image-label"

COLORS = f"{IL}/colors"

CASES: list[Case] = [
    # §labels: "the key `labels` containing the paths to label objects which can be found
    # underneath the group"
    valid("labels/paths", LABELS),
    valid("labels/none-yet", {"labels": []}),
    must("labels/not-a-list", {"labels": "nuclei"}, "labels-invalid", "/labels", LABELS_MD),
    must(
        "labels/an-object", {"labels": {"nuclei": "nuclei"}}, "labels-invalid", "/labels", LABELS_MD
    ),
    must(
        "labels/path-not-a-string",
        {"labels": ["nuclei", 2]},
        "labels-invalid",
        "/labels/1",
        LABELS_MD,
    ),
    *[
        must(
            f"labels/path-{name}",
            {"labels": ["nuclei", path]},
            "labels-path-invalid",
            "/labels/1",
            LABELS_MD,
            rule="hand",
        )
        for name, path in [("parent", "../nuclei"), ("absolute", "/labels/cells"), ("empty", "")]
    ],
    # §image-label
    valid("label/complete", LABEL_IMAGE),
    # "The `colors` key defines a list of JSON objects describing the unique label values."
    # (no SHOULD: 0.4 adds "SHOULD contain a `colors` key")
    valid("label/without-colors", drop(LABEL_IMAGE, COLORS)),
    valid("label/no-colors-listed", change(LABEL_IMAGE, COLORS, [])),
    must(
        "label/colors-not-a-list",
        change(LABEL_IMAGE, COLORS, {"1": [255, 0, 0, 255]}),
        "wrong-type",
        COLORS,
        SECTION,
    ),
    must(
        "label/color-not-an-object",
        change(LABEL_IMAGE, f"{COLORS}/0", 1),
        "wrong-type",
        f"{COLORS}/0",
        SECTION,
    ),
    # "Each entry in the list MUST contain the key "label-value" with the pixel value for that
    # label." (label images hold integer values only: see test_types.py)
    must(
        "label/color-label-value-missing",
        drop(LABEL_IMAGE, f"{COLORS}/2/label-value"),
        "label-value-missing",
        f"{COLORS}/2",
        SECTION,
    ),
    valid("label/label-value-negative", change(LABEL_IMAGE, f"{COLORS}/2/label-value", -1)),
    # "Some implementations may represent overlapping labels by using a specially assigned
    # value, for example the highest integer available in the pixel range."
    valid(
        "label/label-value-highest-uint16", change(LABEL_IMAGE, f"{COLORS}/2/label-value", 65535)
    ),
    # "Additionally, the "rgba" key MAY be present, the value for which is an RGBA unsigned-int
    # 4-tuple: `[uint8, uint8, uint8, uint8]`"
    valid("label/color-without-rgba", drop(LABEL_IMAGE, f"{COLORS}/0/rgba")),
    valid("label/rgba-bounds", change(LABEL_IMAGE, f"{COLORS}/2/rgba", [0, 255, 0, 255])),
    *[
        must(
            f"label/rgba-{name}",
            change(LABEL_IMAGE, f"{COLORS}/0/rgba{where}", value),
            "label-rgba-invalid",
            f"{COLORS}/0/rgba{where}",
            SECTION,
        )
        for name, where, value in [
            ("three", "", [255, 0, 0]),
            ("five", "", [255, 0, 0, 255, 0]),
            ("hex", "", "FF0000FF"),
            ("256", "/3", 256),
            ("negative", "/1", -1),
            ("fraction", "/0", 127.5),
            ("string", "/0", "255"),
        ]
    ],
    must(
        "label/rgba-integral-float",
        change(LABEL_IMAGE, f"{COLORS}/0/rgba/0", 255.0),
        "label-rgba-invalid",
        f"{COLORS}/0/rgba/0",
        SECTION,
        rule="hand",
    ),
    # "All `label-value`s must be unique."
    must(
        "label/label-values-not-unique",
        change(LABEL_IMAGE, f"{COLORS}/2/label-value", 1),
        "label-values-not-unique",
        f"{COLORS}/2/label-value",
        SECTION,
        rule="hand",
    ),
    # 0.1 has no "properties" (0.2 adds them): the key is unknown and kept as it is
    valid(
        "label/properties-not-in-0.1",
        change(LABEL_IMAGE, f"{IL}/properties", [{"area": 12}, "not an object"]),
    ),
    # "The `source` key is an optional dictionary"
    valid("label/without-source", drop(LABEL_IMAGE, f"{IL}/source")),
    valid("label/source-without-image", change(LABEL_IMAGE, f"{IL}/source", {})),
    must(
        "label/source-not-an-object",
        change(LABEL_IMAGE, f"{IL}/source", "../../"),
        "wrong-type",
        f"{IL}/source",
        SECTION,
    ),
    # "If included it MAY include a key `image` whose value is the relative path to a Zarr image
    # group."
    valid(
        "label/source-image-elsewhere", change(LABEL_IMAGE, f"{IL}/source/image", "../../../raw")
    ),
    must(
        "label/source-image-not-a-string",
        change(LABEL_IMAGE, f"{IL}/source/image", ["../../"]),
        "wrong-type",
        f"{IL}/source/image",
        SECTION,
    ),
    # the example's "version" is a string (no SHOULD: 0.4 adds one)
    valid("label/without-version", drop(LABEL_IMAGE, f"{IL}/version")),
    must(
        "label/version-not-a-string",
        change(LABEL_IMAGE, f"{IL}/version", ["0.1"]),
        "wrong-type",
        f"{IL}/version",
        SECTION,
    ),
    must(
        "label/not-an-object",
        change(LABEL_IMAGE, IL, [{"label-value": 1}]),
        "wrong-type",
        IL,
        SECTION,
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)


# "`image-label` groups MUST also contain `multiscales` metadata and the two "datasets" series
# MUST have the same number of entries." The validator judges one attributes document: the
# fragment without multiscales passes validate_attributes (as in 0.4); the group-level
# label-image schema requires both keys (see tests/test_early_oracle.py); the number of levels is a rule on
# the hierarchy.


def test_image_label_fragment_is_a_label_image() -> None:
    fragment = drop(LABEL_IMAGE, "/multiscales")
    report = validate_attributes(fragment, version="0.1")
    assert_valid(report)
    assert report.kind == "label-image"
