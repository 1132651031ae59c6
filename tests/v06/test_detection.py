"""Telling 0.6rc0 documents apart from 0.5 ones (both keep their metadata under "ome")."""

from __future__ import annotations

import copy

from omezarr_models import validate_attributes
from tests.conftest import assert_error, assert_valid
from tests.v05 import cases as v05
from tests.v06.cases import OME, image, local


def without_version(doc: dict) -> dict:  # type: ignore[type-arg]
    out = copy.deepcopy(doc)
    del out["ome"]["version"]
    return out


def test_declared_version_decides() -> None:
    assert validate_attributes(image()).version == "0.6rc0"
    assert validate_attributes(v05.image()).version == "0.5"


def test_a_version_less_0_6_image_is_judged_as_0_6() -> None:
    report = validate_attributes(without_version(image()))
    assert report.version == "0.6rc0"
    assert report.kind == "image"
    assert [(i.path, i.code) for i in report.errors] == [(OME, "ome-version-missing")]


def test_a_version_less_scene_is_judged_as_0_6() -> None:
    report = validate_attributes(without_version(local({"type": "identity"})))
    assert (report.version, report.kind) == ("0.6rc0", "scene")


def test_a_version_less_0_5_image_is_still_judged_as_0_5() -> None:
    report = validate_attributes(without_version(v05.image()))
    assert report.version == "0.5"


def test_a_0_5_image_declaring_0_6_misses_its_coordinate_systems() -> None:
    doc = v05.image()
    doc["ome"]["version"] = "0.6rc0"
    report = validate_attributes(doc)
    assert_error(report, "multiscale-coordinate-systems-missing", "/ome/multiscales/0")


def test_judging_a_0_6_image_as_0_5_names_the_mismatch() -> None:
    report = validate_attributes(image(), version="0.5")
    assert report.version == "0.5"
    assert_error(report, "version-mismatch", "/ome/version")
    assert_error(report, "multiscale-axes-missing", "/ome/multiscales/0")


def test_a_scene_is_no_0_5_metadata() -> None:
    doc = local({"type": "identity"})
    doc["ome"]["version"] = "0.5"
    report = validate_attributes(doc)
    assert report.version == "0.5"
    assert_error(report, "no-ome-metadata", OME)


def test_0_6_judged_as_itself_is_valid() -> None:
    assert_valid(validate_attributes(image(), version="0.6rc0", strict=True), no_warnings=True)
