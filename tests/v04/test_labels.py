"""0.4 §labels-md ("labels" groups) and §label-md ("image-label" metadata of label images)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from omezarr_models import v04, validate_attributes
from tests.conftest import assert_valid
from tests.v04.cases import (
    IL,
    LABEL_IMAGE,
    LABELS,
    Case,
    change,
    check,
    drop,
    must,
    params,
    should,
    valid,
)

LABELS_MD = "labels-md"
SECTION = "label-md"

COLORS = f"{IL}/colors"
PROPS = f"{IL}/properties"

CASES: list[Case] = [
    # §labels-md: "the key `labels` containing the paths to label objects"
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
    # "...paths to label objects which can be found underneath the group"
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
    # §label-md
    valid("label/complete", LABEL_IMAGE),
    # "The `image-label` dictionary SHOULD contain a `colors` key"
    should("label/colors-missing", drop(LABEL_IMAGE, COLORS), "label-colors-missing", IL, SECTION),
    # "whose value MUST be a list of JSON objects describing the unique label values"
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
    valid("label/no-colors-listed", change(LABEL_IMAGE, COLORS, [])),
    # "Each color object MUST contain the `label-value` key whose value MUST be an integer"
    must(
        "label/color-label-value-missing",
        drop(LABEL_IMAGE, f"{COLORS}/2/label-value"),
        "label-value-missing",
        f"{COLORS}/2",
        SECTION,
    ),
    valid("label/label-value-negative", change(LABEL_IMAGE, f"{COLORS}/2/label-value", -1)),
    # "Some implementations MAY represent overlapping labels by using a specially assigned value,
    # for example the highest integer available in the pixel range."
    valid(
        "label/label-value-highest-uint16", change(LABEL_IMAGE, f"{COLORS}/2/label-value", 65535)
    ),
    # "It MAY contain an `rgba` key whose value MUST be an array of four integers between 0 and
    # 255"
    valid("label/color-without-rgba", drop(LABEL_IMAGE, f"{COLORS}/0/rgba")),
    valid("label/rgba-bounds", change(LABEL_IMAGE, f"{COLORS}/2/rgba", [0, 255, 0, 255])),
    must(
        "label/rgba-three",
        change(LABEL_IMAGE, f"{COLORS}/0/rgba", [255, 0, 0]),
        "label-rgba-invalid",
        f"{COLORS}/0/rgba",
        SECTION,
    ),
    must(
        "label/rgba-five",
        change(LABEL_IMAGE, f"{COLORS}/0/rgba", [255, 0, 0, 255, 0]),
        "label-rgba-invalid",
        f"{COLORS}/0/rgba",
        SECTION,
    ),
    must(
        "label/rgba-256",
        change(LABEL_IMAGE, f"{COLORS}/0/rgba/3", 256),
        "label-rgba-invalid",
        f"{COLORS}/0/rgba/3",
        SECTION,
    ),
    must(
        "label/rgba-negative",
        change(LABEL_IMAGE, f"{COLORS}/0/rgba/1", -1),
        "label-rgba-invalid",
        f"{COLORS}/0/rgba/1",
        SECTION,
    ),
    must(
        "label/rgba-fraction",
        change(LABEL_IMAGE, f"{COLORS}/0/rgba/0", 127.5),
        "label-rgba-invalid",
        f"{COLORS}/0/rgba/0",
        SECTION,
    ),
    must(
        "label/rgba-string",
        change(LABEL_IMAGE, f"{COLORS}/0/rgba/0", "255"),
        "label-rgba-invalid",
        f"{COLORS}/0/rgba/0",
        SECTION,
    ),
    must(
        "label/rgba-hex",
        change(LABEL_IMAGE, f"{COLORS}/0/rgba", "FF0000FF"),
        "label-rgba-invalid",
        f"{COLORS}/0/rgba",
        SECTION,
    ),
    must(
        "label/rgba-integral-float",
        change(LABEL_IMAGE, f"{COLORS}/0/rgba/0", 255.0),
        "label-rgba-invalid",
        f"{COLORS}/0/rgba/0",
        SECTION,
        rule="hand",
    ),
    # "All the values under the `label-value` key MUST be unique."
    must(
        "label/label-values-not-unique",
        change(LABEL_IMAGE, f"{COLORS}/2/label-value", 1),
        "label-values-not-unique",
        f"{COLORS}/2/label-value",
        SECTION,
        rule="hand",
    ),
    # "MAY contain a `properties` key whose value MUST be a list of JSON objects"
    valid("label/without-properties", drop(LABEL_IMAGE, PROPS)),
    must(
        "label/properties-not-a-list",
        change(LABEL_IMAGE, PROPS, {"1": {"area": 3}}),
        "wrong-type",
        PROPS,
        SECTION,
    ),
    # "Each property object MUST contain the `label-value` key whose value MUST be an integer"
    must(
        "label/property-label-value-missing",
        drop(LABEL_IMAGE, f"{PROPS}/1/label-value"),
        "label-value-missing",
        f"{PROPS}/1",
        SECTION,
    ),
    # "Not all label values must share the same key-value pairs within the properties list."
    valid(
        "label/properties-own-keys",
        change(LABEL_IMAGE, f"{PROPS}/2", {"label-value": 0, "background": True, "tags": ["a"]}),
    ),
    # "MAY contain a `source` key whose value MUST be a JSON object"
    valid("label/without-source", drop(LABEL_IMAGE, f"{IL}/source")),
    valid("label/source-without-image", change(LABEL_IMAGE, f"{IL}/source", {})),
    must(
        "label/source-not-an-object",
        change(LABEL_IMAGE, f"{IL}/source", "../../"),
        "wrong-type",
        f"{IL}/source",
        SECTION,
    ),
    # "it MAY include a key `image` whose value MUST be a string"
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
    # "SHOULD contain a `version` key whose value MUST be a string"
    should(
        "label/version-missing",
        drop(LABEL_IMAGE, f"{IL}/version"),
        "image-label-version-missing",
        IL,
        SECTION,
    ),
    must(
        "label/version-not-a-string",
        change(LABEL_IMAGE, f"{IL}/version", ["0.4"]),
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


# "`image-label` groups MUST also contain `multiscales` metadata". The validator judges one
# attributes document, and the spec's own label example (label_strict/colors_properties.json) is
# an image-label dictionary without multiscales, so validate_attributes accepts the fragment;
# the group-level document (LabelImage model, label-image schema) requires both.


def test_label_image_group_needs_multiscales() -> None:
    fragment = drop(LABEL_IMAGE, "/multiscales")
    assert_valid(validate_attributes(fragment))
    assert validate_attributes(fragment).kind == "label-image"
    with pytest.raises(ValidationError) as info:
        v04.LabelImage.model_validate(fragment)
    assert [e["loc"] for e in info.value.errors()] == [("multiscales",)]
    assert v04.LabelImage.model_validate(LABEL_IMAGE).to_json_dict() == LABEL_IMAGE
