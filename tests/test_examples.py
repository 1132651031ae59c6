"""The example documents of the spec reference: one per version and kind, valid, round trips."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from omezarr_models import validate_attributes
from omezarr_models.docs import generate_docs
from omezarr_models.examples import VERSIONS, example, kinds

# The typed model of each kind (``attributes``: the example is an image).
MODELS = {
    "image": "Image",
    "label-image": "LabelImage",
    "labels": "Labels",
    "plate": "Plate",
    "well": "Well",
    "bioformats2raw": "Bioformats2Raw",
    "series": "Series",
    "attributes": "Image",
}
CASES = [(v, k) for v in VERSIONS for k in kinds(v)]


@pytest.mark.parametrize(("version", "kind"), CASES)
def test_example_is_valid_strictly_with_no_issue(version: str, kind: str) -> None:
    report = validate_attributes(example(version, kind), version=version, strict=True)
    assert report.issues == []
    assert report.valid
    expected = "image" if kind == "attributes" else kind
    assert (report.version, report.kind) == (version, expected)


@pytest.mark.parametrize(("version", "kind"), CASES)
def test_example_is_detected_as_its_version_and_kind(version: str, kind: str) -> None:
    report = validate_attributes(example(version, kind), strict=True)
    assert report.valid
    assert report.kind == ("image" if kind == "attributes" else kind)
    if report.version != version:  # no version in the document: judged by its layout
        assert [i.code for i in report.issues] == ["version-missing"]


@pytest.mark.parametrize(("version", "kind"), CASES)
def test_example_round_trips_through_its_model(version: str, kind: str) -> None:
    module = importlib.import_module(f"omezarr_models.v0{version[-1]}")
    doc = example(version, kind)
    metadata = doc["ome"] if version == "0.5" else doc
    model = getattr(module, MODELS[kind]).model_validate(metadata)
    assert model.to_json_dict() == metadata


def test_every_version_has_every_kind_of_its_schemas() -> None:
    from omezarr_models import schemas

    for version in VERSIONS:
        assert set(kinds(version)) == {k for k in schemas.kinds(version) if k in MODELS}, version


def test_examples_are_fresh_copies() -> None:
    doc = example("0.4", "image")
    doc["multiscales"][0]["name"] = "changed"
    assert example("0.4", "image")["multiscales"][0]["name"] == "cells"


def test_unknown_version_or_kind() -> None:
    with pytest.raises(KeyError):
        example("0.9", "image")
    with pytest.raises(KeyError):
        example("0.3", "bioformats2raw")


def test_each_reference_page_shows_its_example(tmp_path: Path) -> None:
    import json

    generate_docs(tmp_path)
    for version, kind in CASES:
        page = (tmp_path / version / f"{kind}.md").read_text(encoding="utf-8")
        block = page.split("## Example", 1)[1].split("```json\n", 1)[1].split("\n```", 1)[0]
        assert json.loads(block) == example(version, kind)
