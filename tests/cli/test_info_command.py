"""``omezarr info``: the hierarchy as a tree, with arrays' layout and the problems found."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from omezarr_cli.main import app
from tests.dataset.builders import image, plate

runner = CliRunner()


def test_tree_of_a_valid_plate(tmp_path: Path) -> None:
    root = plate("0.5", rows=1, columns=2, fields=1).write(tmp_path / "p.zarr")
    result = runner.invoke(app, ["info", str(root)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"{root}  OME-Zarr 0.5 plate"
    assert any(line.endswith("1  OME-Zarr 0.5 well") for line in lines)
    assert any(
        "0  array (1, 32, 32)  uint16  chunks (1, 32, 32)  codecs bytes" in line for line in lines
    )
    assert lines[-1].startswith("valid — valid OME-Zarr 0.5 plate (6 groups, 4 arrays)")


def test_problems_are_shown_under_their_node(tmp_path: Path) -> None:
    h = image("0.4", labels=True)
    h.arrays["labels/cells/0"]["dtype"] = "float32"
    h.arrays["labels/cells/1"]["dtype"] = "float32"
    root = h.write(tmp_path / "i.zarr")
    result = runner.invoke(app, ["info", str(root)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    lines = result.output.splitlines()
    cells = next(
        i for i, line in enumerate(lines) if line.endswith("cells  OME-Zarr 0.4 label-image")
    )
    problem = next(i for i, line in enumerate(lines) if "label-dtype-not-integer" in line)
    assert problem > cells
    assert "labels/cells/0/.zarray" in lines[problem]


def test_sharded_array_layout(tmp_path: Path) -> None:
    import zarr

    h = image("0.5")
    h.arrays.clear()
    root = h.write(tmp_path / "s.zarr")
    for level, size in ((0, 64), (1, 32)):
        zarr.create_array(
            store=str(root / str(level)),
            shape=(2, size, size),
            chunks=(1, 8, 8),
            shards=(1, 16, 16),
            dtype="uint16",
            dimension_names=["c", "y", "x"],
            zarr_format=3,
        )
    result = runner.invoke(app, ["info", str(root)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert (
        "chunks (1, 8, 8)  shards (1, 16, 16)  codecs sharding_indexed, bytes, zstd"
        in result.output
    )


def test_unusable_source_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["info", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert "unusable" in result.output
