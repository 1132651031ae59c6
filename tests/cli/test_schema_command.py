"""``omezarr schema``: prints our schemas."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from omezarr_cli.main import app

runner = CliRunner()


def test_prints_the_schema_of_a_kind() -> None:
    result = runner.invoke(app, ["schema", "0.4", "plate"])
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["$id"] == "https://omezarr.invalid/schemas/0.4/plate.schema.json"
    assert doc["title"] == "Plate"


def test_default_kind_is_the_attributes_document() -> None:
    doc = json.loads(runner.invoke(app, ["schema", "0.5"]).output)
    assert doc["$id"].endswith("/0.5/attributes.schema.json")


def test_strict_variant() -> None:
    doc = json.loads(runner.invoke(app, ["schema", "0.5", "image", "--strict"]).output)
    assert doc["$id"].endswith("/0.5/strict/image.schema.json")


def test_unknown_version_or_kind_exits_2() -> None:
    assert runner.invoke(app, ["schema", "0.9"]).exit_code == 2
    result = runner.invoke(app, ["schema", "0.4", "nothing"])
    assert result.exit_code == 2
    assert "no schema 'nothing'" in result.output
