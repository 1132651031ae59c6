"""``omezarr validate``: output formats, exit codes, the conformance-runner protocol."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from omezarr_cli.main import app

runner = CliRunner()

VALID: dict[str, Any] = {"well": {"version": "0.4", "images": [{"path": "0"}]}}
INVALID: dict[str, Any] = {"well": {"version": "0.4", "images": [{"path": "0"}, {"path": "0"}]}}
SHOULD_ONLY: dict[str, Any] = {
    "plate": {"version": "0.4", "rows": [{"name": "A"}], "columns": [{"name": "1"}], "wells": []}
}


def _file(tmp_path: Path, name: str, doc: Any) -> str:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return str(path)


def test_valid_exits_0(tmp_path: Path) -> None:
    path = _file(tmp_path, "ok.json", VALID)
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 0, result.output
    assert f"{path}: valid" in result.output


def test_invalid_exits_1_with_one_line_per_problem(tmp_path: Path) -> None:
    path = _file(tmp_path, "bad.json", INVALID)
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert re.fullmatch(
        rf"{re.escape(path)}:/well/images/1/path  well-image-paths-not-unique  .+  \[spec 0\.4 §well-md\]",
        lines[0],
    ), lines[0]
    assert lines[-1].startswith(f"{path}: invalid")


def test_unusable_exits_2_without_traceback(tmp_path: Path) -> None:
    path = _file(tmp_path, "broken.json", "{")
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 2
    assert "unusable: not valid JSON" in result.output
    assert "Traceback" not in result.output


def test_worst_status_wins(tmp_path: Path) -> None:
    ok, bad = _file(tmp_path, "ok.json", VALID), _file(tmp_path, "bad.json", INVALID)
    assert runner.invoke(app, ["validate", ok, bad]).exit_code == 1
    assert runner.invoke(app, ["validate", ok, bad, str(tmp_path / "missing")]).exit_code == 2


def test_exit_zero_keeps_output(tmp_path: Path) -> None:
    bad = _file(tmp_path, "bad.json", INVALID)
    plain = runner.invoke(app, ["validate", bad])
    zero = runner.invoke(app, ["validate", "--exit-zero", bad])
    assert zero.exit_code == 0
    assert zero.output == plain.output


def test_strict_turns_should_into_errors(tmp_path: Path) -> None:
    path = _file(tmp_path, "plate.json", SHOULD_ONLY)
    lenient = runner.invoke(app, ["validate", path])
    assert lenient.exit_code == 0
    assert "plate-name-missing" in lenient.output
    assert runner.invoke(app, ["validate", "--strict", path]).exit_code == 1


def test_version_override(tmp_path: Path) -> None:
    path = _file(tmp_path, "ok.json", VALID)
    result = runner.invoke(app, ["validate", "--version", "0.5", path])
    assert result.exit_code == 1
    assert "version-mismatch" in result.output


def test_unknown_version_option_exits_2(tmp_path: Path) -> None:
    path = _file(tmp_path, "ok.json", VALID)
    result = runner.invoke(app, ["validate", "--version", "9.9", path])
    assert result.exit_code == 2
    assert "unknown --version '9.9'" in result.output


def test_json_single_path_is_one_object(tmp_path: Path) -> None:
    path = _file(tmp_path, "bad.json", INVALID)
    result = runner.invoke(app, ["validate", "--format", "json", path])
    data = json.loads(result.output)
    assert data["path"] == path
    assert data["valid"] is False
    assert data["version"] == "0.4"
    assert data["kind"] == "well"
    assert isinstance(data["message"], str)
    assert data["message"]
    [issue] = [i for i in data["issues"] if i["severity"] == "error"]
    assert issue == {
        "path": "/well/images/1/path",
        "code": "well-image-paths-not-unique",
        "severity": "error",
        "message": "field of view path '0' is listed more than once",
        "spec": "0.4 §well-md",
        "file": path,
    }


def test_json_several_paths_is_a_list(tmp_path: Path) -> None:
    ok, bad = _file(tmp_path, "ok.json", VALID), _file(tmp_path, "bad.json", INVALID)
    data = json.loads(runner.invoke(app, ["validate", "--format", "json", ok, bad]).output)
    assert [d["valid"] for d in data] == [True, False]


@pytest.mark.parametrize("content", ["{", "[]", None], ids=["not-json", "not-object", "missing"])
def test_conformance_protocol_on_unusable_input(tmp_path: Path, content: str | None) -> None:
    path = str(tmp_path / "missing") if content is None else _file(tmp_path, "in.json", content)
    result = runner.invoke(app, ["validate", "--format", "json", "--exit-zero", path])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["valid"] is False
    assert data["message"].startswith("unusable input: ")


def test_folder_is_a_dataset_and_zarr_json_a_document(tmp_path: Path) -> None:
    folder = tmp_path / "g.zarr"
    folder.mkdir()
    meta = {
        "zarr_format": 3,
        "node_type": "group",
        "attributes": {"ome": {"version": "0.5", "labels": ["a"]}},
    }
    (folder / "zarr.json").write_text(json.dumps(meta))
    # the document alone is valid; the dataset lacks the label image it lists
    assert runner.invoke(app, ["validate", str(folder / "zarr.json")]).exit_code == 0
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 1
    assert f"{folder}/zarr.json:/ome/labels/0  label-image-missing" in result.output


def test_bundled_examples_validate_as_datasets() -> None:
    root = Path(__file__).resolve().parents[2] / "examples"
    result = runner.invoke(
        app,
        [
            "validate",
            "--strict",
            str(root / "0.4" / "image.zarr"),
            str(root / "0.5" / "image.zarr"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("(1 groups, 2 arrays)") == 2


def test_dataset_json_has_counts(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2] / "examples" / "0.5" / "image.zarr"
    data = json.loads(runner.invoke(app, ["validate", "--format", "json", str(root)]).output)
    assert data["valid"] is True
    assert data["counts"]["arrays"] == 2


def test_fields_option_is_checked(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--fields", "none", str(tmp_path)])
    assert result.exit_code == 2
    assert "--fields must be" in result.output


def test_unusable_dataset_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "missing.zip")])
    assert result.exit_code == 2
    assert "unusable" in result.output


def test_stdin() -> None:
    result = runner.invoke(app, ["validate", "-"], input=json.dumps(INVALID))
    assert result.exit_code == 1
    assert "-:/well/images/1/path" in result.output


def test_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    exe = shutil.which("omezarr", path=str(Path(sys.executable).parent))
    assert exe is not None, "the omezarr console script is not installed"
    for args, status in (
        ([str(tmp_path / "nope.json")], 2),
        ([_file(tmp_path, "bad.json", INVALID)], 1),
    ):
        done = subprocess.run([exe, "validate", *args], capture_output=True, text=True, check=False)
        assert done.returncode == status
        assert "Traceback" not in done.stdout + done.stderr
