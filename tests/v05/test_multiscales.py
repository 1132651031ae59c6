"""0.5 §multiscale-md (datasets, their transformations, the SHOULD keys) and §trafo-md."""

from __future__ import annotations

from typing import Any

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_error, assert_valid
from tests.v05.cases import (
    CT,
    DS,
    MS,
    MS_CT,
    OME,
    TCZYX,
    YX,
    ZYX,
    Case,
    changed,
    dataset,
    image,
    multiscale,
    must,
    ome,
    params,
    run_case,
    scale,
    should,
    translation,
    valid,
)


def levels(*transformations: Any) -> dict[str, Any]:
    """A YX image whose single level has ``transformations``."""
    return image(YX, [dataset("0", *transformations)])


CASES: list[Case] = [
    # §multiscale-md: ""multiscales" contains a list of dictionaries where each entry describes a
    # multiscale image."
    valid("two multiscales", ome(multiscales=[multiscale(), multiscale(ZYX, name="3D")])),
    must("multiscales not a list", ome(multiscales=multiscale()), "wrong-type", "/ome/multiscales"),
    must("multiscale not an object", ome(multiscales=["0"]), "wrong-type", "/ome/multiscales/0"),
    must("multiscales empty", ome(multiscales=[]), "multiscales-empty", "/ome/multiscales"),
    must(
        "second multiscale broken",
        ome(multiscales=[multiscale(), multiscale(datasets=[])]),
        "datasets-empty",
        "/ome/multiscales/1/datasets",
        "multiscale-md",
    ),
    # §multiscale-md: "Each "multiscales" dictionary MUST contain the field "axes"".
    must(
        "axes missing",
        changed(image(), f"{MS}/axes", delete=True),
        "multiscale-axes-missing",
        MS,
        "multiscale-md",
    ),
    must(
        "axes not a list",
        changed(image(), f"{MS}/axes", {"y": "space"}),
        "wrong-type",
        f"{MS}/axes",
    ),
    # §multiscale-md: "Each "multiscales" dictionary MUST contain the field "datasets", which is a
    # list of dictionaries describing the arrays storing the individual resolution levels."
    valid("one level", image(YX, [dataset("0", scale(0.5, 0.5))])),
    must(
        "datasets missing",
        changed(image(), f"{MS}/datasets", delete=True),
        "multiscale-datasets-missing",
        MS,
        "multiscale-md",
    ),
    must("datasets empty", image(YX, []), "datasets-empty", f"{MS}/datasets", "multiscale-md"),
    must("dataset not an object", image(YX, ["0"]), "wrong-type", DS),
    # §multiscale-md: "Each dictionary in "datasets" MUST contain the field "path", whose value
    # contains the path to the array for this resolution relative to the current zarr group."
    valid("nested relative path", image(YX, [dataset("s0/array", scale(1, 1))])),
    valid(
        "non-numeric path", image(YX, [dataset("full", scale(1, 1)), dataset("half", scale(2, 2))])
    ),
    must(
        "path missing",
        changed(image(), f"{DS}/path", delete=True),
        "dataset-path-missing",
        DS,
        "multiscale-md",
    ),
    must("path not a string", changed(image(), f"{DS}/path", 0), "wrong-type", f"{DS}/path"),
    # The paths name distinct arrays: a level listed twice is an error.
    must(
        "path repeated",
        image(YX, [dataset("0", scale(1, 1)), dataset("0", scale(2, 2))]),
        "dataset-paths-not-unique",
        f"{MS}/datasets/1/path",
        "multiscale-md",
    ),
    # §multiscale-md: "Each dictionary in "datasets" MUST contain the field
    # "coordinateTransformations"".
    must(
        "transformations missing",
        changed(image(), f"{DS}/coordinateTransformations", delete=True),
        "dataset-transformations-missing",
        DS,
        "multiscale-md",
    ),
    must("transformations not a list", changed(image(), CT, scale(1, 1)), "wrong-type", CT),
    # §multiscale-md: "The transformation MUST only be of type `translation` or `scale`."
    valid("scale and translation", levels(scale(0.5, 0.5), translation(10, -4.5))),
    must(
        "identity",
        levels(scale(1, 1), {"type": "identity"}),
        "transformation-type-not-allowed",
        f"{CT}/1",
        "multiscale-md",
    ),
    must(
        "affine",
        levels(scale(1, 1), {"type": "affine", "affine": [[1, 0, 0], [0, 1, 0]]}),
        "transformation-type-not-allowed",
        f"{CT}/1",
        "multiscale-md",
    ),
    must(
        "unknown type",
        levels({"type": "zoom", "zoom": [2, 2]}, scale(1, 1)),
        "transformation-type-not-allowed",
        f"{CT}/0",
        "multiscale-md",
    ),
    must(
        "transformation not an object",
        levels(scale(1, 1), "translation"),
        "transformation-type-not-allowed",
        f"{CT}/1",
    ),
    # §trafo-md: "Each entry describes a single transformation and MUST contain the field
    # "type"."
    must(
        "type missing",
        levels({"scale": [1, 1]}),
        "transformation-type-missing",
        f"{CT}/0",
        "trafo-md",
    ),
    # §multiscale-md: "They MUST contain exactly one `scale` transformation".
    valid("scale only", levels(scale(1, 1))),
    must("no transformation", levels(), "scale-count", CT, "multiscale-md"),
    must("translation only", levels(translation(1, 1)), "scale-count", CT, "multiscale-md"),
    must("two scales", levels(scale(1, 1), scale(2, 2)), "scale-count", CT, "multiscale-md"),
    # §multiscale-md: "It MAY contain exactly one `translation`".
    must(
        "two translations",
        levels(scale(1, 1), translation(0, 0), translation(1, 1)),
        "translation-count",
        CT,
        "multiscale-md",
    ),
    # §multiscale-md: "If `translation` is given it MUST be listed after `scale`".
    must(
        "translation before scale",
        levels(translation(5, 5), scale(1, 1)),
        "translation-before-scale",
        f"{CT}/0",
        "multiscale-md",
    ),
    # §multiscale-md: "The length of the `scale` and `translation` array MUST be the same as the
    # length of "axes"."
    valid(
        "five axes, five entries",
        image(TCZYX, [dataset("0", scale(1, 1, 0.5, 0.2, 0.2), translation(0, 0, 3, 1.5, 1.5))]),
    ),
    must(
        "scale too short",
        levels(scale(1)),
        "scale-length-mismatch",
        f"{CT}/0/scale",
        "multiscale-md",
    ),
    must(
        "scale too long",
        levels(scale(1, 1, 1)),
        "scale-length-mismatch",
        f"{CT}/0/scale",
        "multiscale-md",
    ),
    must(
        "translation too long",
        levels(scale(1, 1), translation(0, 0, 0)),
        "translation-length-mismatch",
        f"{CT}/1/translation",
        "multiscale-md",
    ),
    must(
        "second level scale too short",
        image(YX, [dataset("0", scale(1, 1)), dataset("1", scale(2))]),
        "scale-length-mismatch",
        f"{MS}/datasets/1/coordinateTransformations/0/scale",
        "multiscale-md",
    ),
    # §trafo-md: the vector is given "either as a list of floats ("scale") or as binary data at
    # a location in this container ("path")", one of them.
    valid("scale by path", levels({"type": "scale", "path": "transforms/scale0"})),
    valid("translation by path", levels(scale(1, 1), {"type": "translation", "path": "t0"})),
    must(
        "scale without vector or path",
        levels({"type": "scale"}),
        "transformation-parameters-missing",
        f"{CT}/0",
        "trafo-md",
    ),
    must(
        "translation without vector or path",
        levels(scale(1, 1), {"type": "translation"}),
        "transformation-parameters-missing",
        f"{CT}/1",
        "trafo-md",
    ),
    must(
        "scale with vector and path",
        levels({"type": "scale", "scale": [1, 1], "path": "s"}),
        "transformation-parameters-ambiguous",
        f"{CT}/0",
        "trafo-md",
    ),
    must(
        "scale path not a string",
        levels({"type": "scale", "path": 3}),
        "wrong-type",
        f"{CT}/0/path",
    ),
    must(
        "scale vector not a list",
        levels({"type": "scale", "scale": 2}),
        "wrong-type",
        f"{CT}/0/scale",
    ),
    # JSON numbers: "a list of floats".
    valid("integer and float entries", levels(scale(1, 0.25), translation(-3, 7.5))),
    must("scale entry a string", levels(scale("1", 1)), "wrong-type", f"{CT}/0/scale/0"),
    must("scale entry a boolean", levels(scale(1, True)), "wrong-type", f"{CT}/0/scale/1"),
    must(
        "translation entry null",
        levels(scale(1, 1), translation(None, 0)),
        "wrong-type",
        f"{CT}/1/translation/0",
    ),
    # §multiscale-md: "Each "multiscales" dictionary MAY contain the field
    # "coordinateTransformations" ... The transformations MUST follow the same rules about allowed
    # types, order, etc. as in "datasets:coordinateTransformations"".
    valid("multiscale scale", image(YX, coordinateTransformations=[scale(0.1, 0.1)])),
    valid(
        "multiscale scale and translation",
        image(YX, coordinateTransformations=[scale(0.1, 0.1), translation(4, 4)]),
    ),
    must(
        "multiscale translation only",
        image(YX, coordinateTransformations=[translation(4, 4)]),
        "scale-count",
        MS_CT,
        "multiscale-md",
    ),
    must(
        "multiscale translation first",
        image(YX, coordinateTransformations=[translation(4, 4), scale(1, 1)]),
        "translation-before-scale",
        f"{MS_CT}/0",
        "multiscale-md",
    ),
    must(
        "multiscale identity",
        image(YX, coordinateTransformations=[scale(1, 1), {"type": "identity"}]),
        "transformation-type-not-allowed",
        f"{MS_CT}/1",
        "multiscale-md",
    ),
    must(
        "multiscale scale length",
        image(YX, coordinateTransformations=[scale(1, 1, 1)]),
        "scale-length-mismatch",
        f"{MS_CT}/0/scale",
        "multiscale-md",
    ),
    must(
        "multiscale two translations",
        image(YX, coordinateTransformations=[scale(1, 1), translation(0, 0), translation(0, 0)]),
        "translation-count",
        MS_CT,
        "multiscale-md",
    ),
    # §multiscale-md: "Each "multiscales" dictionary SHOULD contain the field "name"."
    should(
        "name missing",
        changed(image(), f"{MS}/name", delete=True),
        "multiscale-name-missing",
        MS,
        "multiscale-md",
    ),
    must("name not a string", changed(image(), f"{MS}/name", 3), "wrong-type", f"{MS}/name"),
    # §multiscale-md: "Each "multiscales" dictionary SHOULD contain the field "type", which gives
    # the type of downscaling method used to generate the multiscale image pyramid."
    should(
        "type missing",
        changed(image(), f"{MS}/type", delete=True),
        "multiscale-type-missing",
        MS,
        "multiscale-md",
    ),
    must(
        "type not a string",
        changed(image(), f"{MS}/type", ["gaussian"]),
        "wrong-type",
        f"{MS}/type",
    ),
    # §multiscale-md: "It SHOULD contain the field "metadata", which contains a dictionary with
    # additional information about the downscaling method."
    should(
        "metadata missing",
        changed(image(), f"{MS}/metadata", delete=True),
        "multiscale-metadata-missing",
        MS,
        "multiscale-md",
    ),
    must(
        "metadata not an object",
        changed(image(), f"{MS}/metadata", "mean"),
        "wrong-type",
        f"{MS}/metadata",
    ),
    # 0.5 multiscales carry no "version" (it is in the "ome" object); extra keys are allowed.
    valid("no multiscale version", image()),
    valid("multiscale version equal to ome.version", image(version="0.5")),
    valid("extra keys", changed(image(custom={"a": 1}), f"{DS}/note", "kept")),
    must(
        "multiscale version differs",
        image(version="0.4"),
        "version-mismatch",
        f"{MS}/version",
        "metadata",
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)


def test_missing_should_keys_are_one_warning_each() -> None:
    doc = ome(multiscales=[{"axes": YX, "datasets": [dataset("0", scale(1, 1))]}])
    report = validate_attributes(doc)
    assert_valid(report)
    assert sorted((i.path, i.code) for i in report.warnings) == [
        (MS, "multiscale-metadata-missing"),
        (MS, "multiscale-name-missing"),
        (MS, "multiscale-type-missing"),
    ]
    strict = validate_attributes(doc, strict=True)
    assert len(strict.errors) == 3


def test_no_multiscale_version_is_asked_for_in_0_5() -> None:
    # The catalogue's "multiscale-version-missing" is a 0.4 rule: 0.5 keeps the version in "ome".
    report = validate_attributes(image(), strict=True)
    assert "multiscale-version-missing" not in {i.code for i in report.issues}
    assert_valid(report, no_warnings=True)


def test_every_level_is_checked() -> None:
    doc = image(
        ZYX,
        [
            dataset("0", scale(1, 1, 1)),
            dataset("1", translation(0, 0, 0), scale(2, 2, 2)),
            dataset("2", scale(4, 4)),
        ],
    )
    report = validate_attributes(doc)
    assert [(i.path, i.code) for i in report.errors] == [
        (f"{MS}/datasets/1/coordinateTransformations/0", "translation-before-scale"),
        (f"{MS}/datasets/2/coordinateTransformations/0/scale", "scale-length-mismatch"),
    ]


def test_empty_transformations_report_scale_count_once() -> None:
    report = validate_attributes(levels())
    assert [(i.path, i.code) for i in report.issues] == [(CT, "scale-count")]


@pytest.mark.parametrize("path", ["", "/0", "/abs/0", "../0", "a/../../0", "s3://bucket/0", "0//1"])
def test_dataset_path_must_be_a_relative_path(path: str) -> None:
    report = validate_attributes(changed(image(), f"{DS}/path", path))
    assert_error(report, "dataset-path-invalid", f"{DS}/path")


def test_error_in_metadata_is_located_under_ome() -> None:
    report = validate_attributes(changed(image(), f"{MS}/datasets", "0"))
    assert_error(report, "wrong-type", f"{MS}/datasets")
    assert all(i.path.startswith(OME) for i in report.issues)
