"""The ``omezarr`` command on OME-Zarr 0.6rc0: schemas, documents, datasets, the tree."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from omezarr_cli.main import app
from tests.dataset.test_v06 import image_with_labels, scene
from tests.v06.cases import local

runner = CliRunner()


def test_schema_command_prints_the_scene_schema() -> None:
    result = runner.invoke(app, ["schema", "0.6rc0", "scene"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["$id"] == "https://omezarr.invalid/schemas/0.6rc0/scene.schema.json"
    strict = json.loads(runner.invoke(app, ["schema", "0.6rc0", "image", "--strict"]).output)
    assert strict["title"] == "ImageStrict"


def test_validate_a_document_with_an_error(tmp_path: Path) -> None:
    path = tmp_path / "attrs.json"
    path.write_text(json.dumps(local({"type": "mapAxis", "mapAxis": [0, 0]})), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1
    out = json.loads(result.output)
    assert (out["version"], out["kind"], out["valid"]) == ("0.6rc0", "scene", False)
    assert [(i["code"], i["spec"]) for i in out["issues"]] == [
        ("map-axis-not-permutation", "0.6rc0 §mapAxis-md")
    ]


def test_validate_datasets(tmp_path: Path) -> None:
    image = image_with_labels(tmp_path)
    sc = scene(tmp_path)
    result = runner.invoke(app, ["validate", "--strict", str(image), str(sc)])
    assert result.exit_code == 0, result.output
    assert "valid OME-Zarr 0.6rc0 image" in result.output
    assert "valid OME-Zarr 0.6rc0 scene" in result.output


def test_info_shows_the_scene_and_its_images(tmp_path: Path) -> None:
    root = scene(tmp_path)
    result = runner.invoke(app, ["info", str(root)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"{root}  OME-Zarr 0.6rc0 scene"
    assert any(line.endswith("a  OME-Zarr 0.6rc0 image") for line in lines)
    assert any(line.endswith("b  OME-Zarr 0.6rc0 image") for line in lines)
