"""§labels-md and image-label rule cases of 0.2 and 0.3, whose texts say the same of them.

The image-label metadata is §label-md in 0.2 and §image-label in 0.3; each version's
``test_labels`` module lists these cases against its own base documents.
"""

from __future__ import annotations

from typing import Any

from tests.early_cases import Case, change, drop, must, valid

LABELS_MD = "labels-md"
IL = "/image-label"
COLORS = f"{IL}/colors"
PROPS = f"{IL}/properties"


def labels_cases(
    version: str, section: str, labels: dict[str, Any], label_image: dict[str, Any]
) -> list[Case]:
    """The labels and image-label rule cases of ``version`` (``"0.2"`` or ``"0.3"``).

    ``section`` is the version's image-label section; ``labels`` and ``label_image`` are its
    base documents of a labels group and a label image.
    """
    return [
        # §labels-md: "the key `labels` containing the paths to label objects which can be found
        # underneath the group"
        valid("labels/paths", labels),
        valid("labels/none-yet", {"labels": []}),
        must("labels/not-a-list", {"labels": "nuclei"}, "labels-invalid", "/labels", LABELS_MD),
        must(
            "labels/an-object",
            {"labels": {"nuclei": "nuclei"}},
            "labels-invalid",
            "/labels",
            LABELS_MD,
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
            for name, path in [
                ("parent", "../nuclei"),
                ("absolute", "/labels/cells"),
                ("empty", ""),
            ]
        ],
        # the image-label section (label-md in 0.2, image-label in 0.3)
        valid("label/complete", label_image),
        # "The `colors` key defines a list of JSON objects describing the unique label values."
        # (no SHOULD: 0.4 adds "SHOULD contain a `colors` key")
        valid("label/without-colors", drop(label_image, COLORS)),
        valid("label/no-colors-listed", change(label_image, COLORS, [])),
        must(
            "label/colors-not-a-list",
            change(label_image, COLORS, {"1": [255, 0, 0, 255]}),
            "wrong-type",
            COLORS,
            section,
        ),
        must(
            "label/color-not-an-object",
            change(label_image, f"{COLORS}/0", 1),
            "wrong-type",
            f"{COLORS}/0",
            section,
        ),
        # "Each entry in the list MUST contain the key "label-value" with the pixel value for that
        # label." (label images hold integer values only: see test_types.py)
        must(
            "label/color-label-value-missing",
            drop(label_image, f"{COLORS}/2/label-value"),
            "label-value-missing",
            f"{COLORS}/2",
            section,
        ),
        valid("label/label-value-negative", change(label_image, f"{COLORS}/2/label-value", -1)),
        # "Some implementations may represent overlapping labels by using a specially assigned
        # value, for example the highest integer available in the pixel range."
        valid(
            "label/label-value-highest-uint16",
            change(label_image, f"{COLORS}/2/label-value", 65535),
        ),
        # "Additionally, the "rgba" key MAY be present, the value for which is an RGBA unsigned-int
        # 4-tuple: `[uint8, uint8, uint8, uint8]`"
        valid("label/color-without-rgba", drop(label_image, f"{COLORS}/0/rgba")),
        valid("label/rgba-bounds", change(label_image, f"{COLORS}/2/rgba", [0, 255, 0, 255])),
        *[
            must(
                f"label/rgba-{name}",
                change(label_image, f"{COLORS}/0/rgba{where}", value),
                "label-rgba-invalid",
                f"{COLORS}/0/rgba{where}",
                section,
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
            change(label_image, f"{COLORS}/0/rgba/0", 255.0),
            "label-rgba-invalid",
            f"{COLORS}/0/rgba/0",
            section,
            rule="hand",
        ),
        # "All `label-value`s must be unique."
        must(
            "label/label-values-not-unique",
            change(label_image, f"{COLORS}/2/label-value", 1),
            "label-values-not-unique",
            f"{COLORS}/2/label-value",
            section,
            rule="hand",
        ),
        # "The `properties` key defines a list of JSON objects which also describes the unique label
        # values."
        valid("label/without-properties", drop(label_image, PROPS)),
        must(
            "label/properties-not-a-list",
            change(label_image, PROPS, {"1": {"area": 3}}),
            "wrong-type",
            PROPS,
            section,
        ),
        must(
            "label/property-not-an-object",
            change(label_image, f"{PROPS}/0", [1, "neuron"]),
            "wrong-type",
            f"{PROPS}/0",
            section,
        ),
        # "Each entry in the list MUST contain the key "label-value""
        must(
            "label/property-label-value-missing",
            drop(label_image, f"{PROPS}/1/label-value"),
            "label-value-missing",
            f"{PROPS}/1",
            section,
        ),
        # "an arbitrary number of key-value pairs MAY be present for each label value ... Not all
        # label values must share the same key-value pairs within the properties list."
        valid(
            "label/properties-own-keys",
            change(
                label_image, f"{PROPS}/2", {"label-value": 0, "background": True, "tags": ["a"]}
            ),
        ),
        # "The `source` key is an optional dictionary"
        valid("label/without-source", drop(label_image, f"{IL}/source")),
        valid("label/source-without-image", change(label_image, f"{IL}/source", {})),
        must(
            "label/source-not-an-object",
            change(label_image, f"{IL}/source", "../../"),
            "wrong-type",
            f"{IL}/source",
            section,
        ),
        # "If included it MAY include a key `image` whose value is the relative path to a Zarr image
        # group."
        valid(
            "label/source-image-elsewhere",
            change(label_image, f"{IL}/source/image", "../../../raw"),
        ),
        must(
            "label/source-image-not-a-string",
            change(label_image, f"{IL}/source/image", ["../../"]),
            "wrong-type",
            f"{IL}/source/image",
            section,
        ),
        # the example's "version" is a string (no SHOULD: 0.4 adds one)
        valid("label/without-version", drop(label_image, f"{IL}/version")),
        must(
            "label/version-not-a-string",
            change(label_image, f"{IL}/version", [version]),
            "wrong-type",
            f"{IL}/version",
            section,
        ),
        must(
            "label/not-an-object",
            change(label_image, IL, [{"label-value": 1}]),
            "wrong-type",
            IL,
            section,
        ),
    ]
