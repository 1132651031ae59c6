"""0.5 §labels-md: the "labels" group and the "image-label" metadata of a label image."""

from __future__ import annotations

from typing import Any

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_valid
from tests.v05.cases import (
    IL,
    Case,
    colors,
    label_image,
    must,
    ome,
    ome_keys,
    params,
    run_case,
    should,
    valid,
)

FULL_LABEL: dict[str, Any] = {
    "colors": [
        {"label-value": 0, "rgba": [0, 0, 0, 0]},
        {"label-value": 1, "rgba": [255, 255, 255, 255]},
        {"label-value": 7, "rgba": [12, 180, 64, 200], "name": "nucleus"},
    ],
    "properties": [
        {"label-value": 1, "volume (um3)": 812.5, "phase": "G1"},
        {"label-value": 7, "dividing": True},
    ],
    "source": {"image": "../../"},
}


def color(**entry: Any) -> dict[str, Any]:
    """A label image whose only colour is ``entry``."""
    return label_image({"colors": [entry]})


CASES: list[Case] = [
    # §labels-md: the "labels" group "MUST contain a JSON object with the key `labels`, whose value
    # is a JSON array of paths to the labeled multiscale image(s)."
    valid("labels group", ome(labels=["cells", "nuclei/v2"])),
    valid("labels group with no label yet", ome(labels=[])),
    must("labels a string", ome(labels="cells"), "labels-invalid", "/ome/labels", "labels-md"),
    must(
        "labels an object",
        ome(labels={"cells": "cells"}),
        "labels-invalid",
        "/ome/labels",
        "labels-md",
    ),
    must(
        "label path a number",
        ome(labels=["cells", 2]),
        "labels-invalid",
        "/ome/labels/1",
        "labels-md",
    ),
    # §labels-md: the label image's OME-Zarr Metadata "SHOULD contain another key, `image-label`,
    # whose value is also a JSON object."
    valid("label image", label_image(FULL_LABEL)),
    valid("image-label alone", ome_keys({"image-label": {"colors": colors(1, 2)}})),
    must("image-label not an object", label_image([{"label-value": 1}]), "wrong-type", IL),
    # §labels-md: "That `image-label` object SHOULD contain ... a `colors` key, whose value MUST
    # be a JSON array describing color information for the unique label values."
    valid("no colour listed", label_image({"colors": []})),
    should("colors missing", label_image({"source": {}}), "label-colors-missing", IL, "labels-md"),
    should("image-label empty", label_image({}), "label-colors-missing", IL, "labels-md"),
    must(
        "colors not a list",
        label_image({"colors": {"1": [0, 0, 0, 0]}}),
        "wrong-type",
        f"{IL}/colors",
    ),
    must("colour not an object", label_image({"colors": [1]}), "wrong-type", f"{IL}/colors/0"),
    # §labels-md: the text's "version" key of image-label is superseded by "ome.version": it is
    # not asked for, and when present it must agree.
    valid("image-label version equal", label_image({"colors": colors(1), "version": "0.5"})),
    must(
        "image-label version differs",
        label_image({"colors": colors(1), "version": "0.4"}),
        "version-mismatch",
        f"{IL}/version",
        "metadata",
    ),
    must(
        "image-label version not a string",
        label_image({"colors": colors(1), "version": 0.5}),
        "wrong-type",
        f"{IL}/version",
    ),
    # §labels-md: "Each of these objects MUST contain the `label-value` key, whose value MUST be
    # the integer corresponding to a particular label."
    valid("negative label value", color(**{"label-value": -3})),
    valid("large label value", color(**{"label-value": 2**40})),
    must(
        "label-value missing",
        color(rgba=[1, 2, 3, 4]),
        "label-value-missing",
        f"{IL}/colors/0",
        "labels-md",
    ),
    must(
        "label-value a float",
        color(**{"label-value": 1.5}),
        "wrong-type",
        f"{IL}/colors/0/label-value",
    ),
    must(
        "label-value an integral float",
        color(**{"label-value": 2.0}),
        "wrong-type",
        f"{IL}/colors/0/label-value",
        "labels-md",
    ),
    must(
        "label-value a string",
        color(**{"label-value": "1"}),
        "wrong-type",
        f"{IL}/colors/0/label-value",
    ),
    must(
        "label-value a boolean",
        color(**{"label-value": True}),
        "wrong-type",
        f"{IL}/colors/0/label-value",
    ),
    # §labels-md: "This array contains one JSON object for each unique custom label."
    must(
        "label-value repeated",
        label_image({"colors": colors(1, 2, 1)}),
        "label-values-not-unique",
        f"{IL}/colors/2/label-value",
        "labels-md",
    ),
    # §labels-md: "the objects in this array MAY contain an `rgba` key whose value MUST be an
    # array of four integers between 0 and 255, inclusive."
    valid("colour without rgba", color(**{"label-value": 3})),
    valid("rgba bounds", label_image({"colors": [{"label-value": 0, "rgba": [0, 255, 0, 255]}]})),
    must(
        "rgba of three",
        color(**{"label-value": 1, "rgba": [1, 2, 3]}),
        "label-rgba-invalid",
        f"{IL}/colors/0/rgba",
        "labels-md",
    ),
    must(
        "rgba of five",
        color(**{"label-value": 1, "rgba": [1, 2, 3, 4, 5]}),
        "label-rgba-invalid",
        f"{IL}/colors/0/rgba",
        "labels-md",
    ),
    must(
        "rgba a string",
        color(**{"label-value": 1, "rgba": "#00ff00ff"}),
        "label-rgba-invalid",
        f"{IL}/colors/0/rgba",
        "labels-md",
    ),
    must(
        "rgba above 255",
        color(**{"label-value": 1, "rgba": [0, 256, 0, 0]}),
        "label-rgba-invalid",
        f"{IL}/colors/0/rgba/1",
        "labels-md",
    ),
    must(
        "rgba below 0",
        color(**{"label-value": 1, "rgba": [0, 0, -1, 0]}),
        "label-rgba-invalid",
        f"{IL}/colors/0/rgba/2",
        "labels-md",
    ),
    must(
        "rgba a fraction",
        color(**{"label-value": 1, "rgba": [0, 0, 0, 0.5]}),
        "label-rgba-invalid",
        f"{IL}/colors/0/rgba/3",
        "labels-md",
    ),
    must(
        "rgba an integral float",
        color(**{"label-value": 1, "rgba": [128.0, 0, 0, 0]}),
        "label-rgba-invalid",
        f"{IL}/colors/0/rgba/0",
        "labels-md",
    ),
    must(
        "rgba a string entry",
        color(**{"label-value": 1, "rgba": ["1", 0, 0, 0]}),
        "label-rgba-invalid",
        f"{IL}/colors/0/rgba/0",
        "labels-md",
    ),
    # §labels-md: "Additional keys under `colors` are allowed."
    valid("extra colour keys", color(**{"label-value": 1, "name": "cytoplasm", "index": [1]})),
    # §labels-md: "the value of the `properties` key MUST be an array of JSON objects ... Each
    # object in the `properties` array MUST contain the `label-value` key, whose value again MUST
    # be an integer ... Label-value objects within the `properties` array do not need to have the
    # same keys."
    valid(
        "properties with different keys",
        label_image({"colors": [], "properties": FULL_LABEL["properties"]}),
    ),
    must(
        "properties not a list",
        label_image({"colors": [], "properties": {"1": {}}}),
        "wrong-type",
        f"{IL}/properties",
    ),
    must(
        "property not an object",
        label_image({"colors": [], "properties": [1]}),
        "wrong-type",
        f"{IL}/properties/0",
    ),
    must(
        "property label-value missing",
        label_image({"colors": [], "properties": [{"label-value": 1}, {"class": "cell"}]}),
        "label-value-missing",
        f"{IL}/properties/1",
        "labels-md",
    ),
    must(
        "property label-value an integral float",
        label_image({"colors": [], "properties": [{"label-value": 1.0}]}),
        "wrong-type",
        f"{IL}/properties/0/label-value",
        "labels-md",
    ),
    must(
        "property label-value a string",
        label_image({"colors": [], "properties": [{"label-value": "1"}]}),
        "wrong-type",
        f"{IL}/properties/0/label-value",
    ),
    # §labels-md: "The value of the `source` key MUST be a JSON object ... This object MAY include
    # a key `image`, whose value MUST be a string specifying the relative path to a Zarr image
    # group."
    valid("source without image", label_image({"colors": [], "source": {}})),
    valid(
        "source image elsewhere", label_image({"colors": [], "source": {"image": "../../../raw"}})
    ),
    must(
        "source a string",
        label_image({"colors": [], "source": "../../"}),
        "wrong-type",
        f"{IL}/source",
    ),
    must(
        "source image a list",
        label_image({"colors": [], "source": {"image": ["../../"]}}),
        "wrong-type",
        f"{IL}/source/image",
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)


def test_label_image_kind_and_section() -> None:
    report = validate_attributes(label_image({"colors": colors(1, 1)}))
    assert report.kind == "label-image"
    assert [(i.code, i.spec) for i in report.errors] == [
        ("label-values-not-unique", "0.5 §labels-md")
    ]


def test_labels_group_kind() -> None:
    report = validate_attributes(ome(labels=["a"]))
    assert_valid(report, no_warnings=True)
    assert report.kind == "labels"


def test_property_label_values_may_repeat_colours() -> None:
    # Uniqueness is asked of "colors" ("one JSON object for each unique custom label"); the same
    # value in "colors" and "properties" is the normal case.
    doc = label_image(
        {"colors": colors(1, 2), "properties": [{"label-value": 2}, {"label-value": 1}]}
    )
    assert_valid(validate_attributes(doc, strict=True), no_warnings=True)


def test_every_bad_rgba_component_is_reported() -> None:
    # 300 and -2 break the schema's bounds, 1.0 the hand-written integer rule; 7 is fine.
    report = validate_attributes(color(**{"label-value": 1, "rgba": [300, 7, -2, 1.0]}))
    bad = sorted(i.path for i in report.errors if i.code == "label-rgba-invalid")
    assert bad == [f"{IL}/colors/0/rgba/0", f"{IL}/colors/0/rgba/2", f"{IL}/colors/0/rgba/3"]
