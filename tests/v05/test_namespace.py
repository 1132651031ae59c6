"""0.5 §metadata: the "ome" namespace of the attributes and the version of the metadata."""

from __future__ import annotations

from typing import Any

import pytest

from omezarr_models import Severity, validate_attributes
from tests.conftest import assert_error, assert_valid, codes
from tests.v05.cases import (
    IL,
    MS,
    OME,
    PLATE,
    WELL,
    Case,
    changed,
    colors,
    image,
    label_image,
    multiscale,
    must,
    ome,
    params,
    plate,
    run_case,
    valid,
    well,
)


def unnamespaced(doc: dict[str, Any]) -> dict[str, Any]:
    """The 0.4 layout of a 0.5 document: the OME keys at the top, no "ome" object."""
    return {k: v for k, v in doc["ome"].items() if k != "version"}


CASES: list[Case] = [
    # §metadata: "the metadata is stored under the namespaced key `ome` in `attributes`."
    valid("image under ome", image()),
    must("ome missing", unnamespaced(image()), "ome-missing", "", "metadata", version="0.5"),
    must("ome missing, labels", {"labels": ["a"]}, "ome-missing", "", "metadata", version="0.5"),
    must("ome a list", {"ome": [{"version": "0.5"}]}, "ome-not-object", OME, "metadata"),
    must("ome a string", {"ome": "0.5"}, "ome-not-object", OME, "metadata"),
    # Zarr attributes may hold other keys beside "ome".
    valid("other attributes beside ome", dict(image(), **{"acme": {"scanner": 3}, "note": "x"})),
    # §metadata: "The version of the OME-Zarr Metadata is denoted as a string in the `version`
    # attribute within the `ome` namespace."
    must(
        "version missing",
        changed(image(), "/ome/version", delete=True),
        "ome-version-missing",
        OME,
        "metadata",
    ),
    # Keys of the "ome" object other than the OME keys are allowed; one OME key is needed.
    valid("extra key in ome", changed(image(), "/ome/acme", {"id": 3})),
    must("ome without an OME key", {"ome": {"version": "0.5"}}, "no-ome-metadata", OME, "metadata"),
    must(
        "ome with only unknown keys",
        {"ome": {"version": "0.5", "Multiscales": []}},
        "no-ome-metadata",
        OME,
        "metadata",
    ),
    # §metadata: "The OME-Zarr Metadata version MUST be consistent within a hierarchy." Within one
    # document: a version nested in an OME key must equal "ome.version".
    valid("nested versions equal", label_image({"colors": colors(1), "version": "0.5"})),
    must(
        "multiscale version differs",
        ome(multiscales=[multiscale(version="0.4")]),
        "version-mismatch",
        f"{MS}/version",
        "metadata",
    ),
    must(
        "second multiscale version differs",
        ome(multiscales=[multiscale(version="0.5"), multiscale(name="b", version="0.6")]),
        "version-mismatch",
        "/ome/multiscales/1/version",
        "metadata",
    ),
    must(
        "plate version differs",
        plate(version="0.4"),
        "version-mismatch",
        f"{PLATE}/version",
        "metadata",
    ),
    must(
        "well version differs",
        well([], version="0.4"),
        "version-mismatch",
        f"{WELL}/version",
        "metadata",
    ),
    must(
        "image-label version differs",
        label_image({"colors": [], "version": "0.4"}),
        "version-mismatch",
        f"{IL}/version",
        "metadata",
    ),
    # A document written as 0.5 and judged as 0.4 (or the reverse) disagrees with itself.
    must(
        "ome.version differs from the forced version",
        image(),
        "version-mismatch",
        "/ome/version",
        version="0.4",
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)


def test_ome_version_decides_the_version() -> None:
    report = validate_attributes(image())
    assert report.version == "0.5"
    assert report.kind == "image"
    assert "version-missing" not in codes(report)


def test_ome_without_version_is_judged_as_0_5() -> None:
    report = validate_attributes(changed(image(), "/ome/version", delete=True))
    assert report.version == "0.5"
    assert [(i.path, i.code) for i in report.errors] == [(OME, "ome-version-missing")]


@pytest.mark.parametrize("version", [0.5, 5, ["0.5"], {"major": 0}], ids=repr)
def test_non_string_ome_version_is_unusable(version: Any) -> None:
    report = validate_attributes(changed(image(), "/ome/version", version))
    assert_error(report, "version-invalid", "")
    assert "/ome/version" in report.errors[0].message


def test_null_ome_version_is_a_wrong_type() -> None:
    # null counts as no version (so the document is judged as 0.5), then fails "a string".
    report = validate_attributes(changed(image(), "/ome/version", None))
    assert report.version == "0.5"
    assert_error(report, "wrong-type", "/ome/version")


@pytest.mark.parametrize("version", ["0.6", "0.5.0", "v0.5", ""])
def test_unknown_ome_version_is_unusable(version: str) -> None:
    report = validate_attributes(changed(image(), "/ome/version", version))
    assert_error(report, "version-unknown", "")
    assert report.version is None


def test_ome_key_outside_the_namespace_is_a_warning_even_when_strict() -> None:
    # 0.5 readers only look inside "ome": an OME key beside it is ignored, which is worth a note
    # but breaks no rule of the text.
    doc = dict(image(), multiscales=[multiscale()])
    for strict in (False, True):
        report = validate_attributes(doc, strict=strict)
        assert_valid(report)
        [note] = [i for i in report.issues if i.code == "ome-key-outside-namespace"]
        assert note.path == "/multiscales"
        assert note.severity is Severity.WARNING
        assert note.spec == "0.5 §metadata"


@pytest.mark.parametrize(
    "key",
    [
        "multiscales",
        "omero",
        "image-label",
        "labels",
        "plate",
        "well",
        "bioformats2raw.layout",
        "series",
    ],
)
def test_every_ome_key_outside_the_namespace_is_noted(key: str) -> None:
    doc = dict(image(), **{key: {}})
    report = validate_attributes(doc)
    assert_valid(report)
    assert [(i.path, i.code) for i in report.issues] == [(f"/{key}", "ome-key-outside-namespace")]


def test_0_4_document_judged_as_0_5() -> None:
    doc = {"multiscales": [dict(multiscale(), version="0.4")]}
    report = validate_attributes(doc, version="0.5")
    assert report.version == "0.5"
    assert_error(report, "ome-missing", "")
    assert_error(report, "version-mismatch", "/multiscales/0/version")
    assert any(
        i.code == "ome-key-outside-namespace" and i.path == "/multiscales" for i in report.warnings
    )


def test_0_5_layout_is_not_read_as_0_4() -> None:
    # Without "ome" there is no 0.5 metadata: a versionless top-level document is 0.4.
    report = validate_attributes({"labels": ["a"]})
    assert report.version == "0.4"
    assert "ome-missing" not in codes(report)


def test_nested_version_does_not_override_ome_version() -> None:
    report = validate_attributes(ome(multiscales=[multiscale(version="0.4")]))
    assert report.version == "0.5"
    assert [(i.path, i.code) for i in report.errors] == [(f"{MS}/version", "version-mismatch")]


def test_forced_0_5_on_a_0_5_document_changes_nothing() -> None:
    assert validate_attributes(image(), version="0.5").issues == []


# A wrong type is the base schema's finding: the SHOULD overlay must not report it again (as a
# warning, or as a second error when strict).
@pytest.mark.parametrize(
    ("doc", "pointer"),
    [
        pytest.param({"ome": "0.5"}, OME, id="ome"),
        pytest.param(ome(multiscales="m"), "/ome/multiscales", id="multiscales"),
        pytest.param(ome(multiscales=["m"]), MS, id="multiscale"),
        pytest.param(label_image("cells"), IL, id="image-label"),
        pytest.param(plate(acquisitions={}), f"{PLATE}/acquisitions", id="acquisitions"),
    ],
)
def test_a_wrong_type_is_reported_once(doc: dict[str, Any], pointer: str) -> None:
    for strict in (False, True):
        report = validate_attributes(doc, strict=strict)
        assert not report.valid
        at = [i for i in report.issues if i.path == pointer]
        assert len(at) == 1, [(i.code, i.severity) for i in at]
        assert at[0].severity is Severity.ERROR
