"""The generated spec reference: pages per version and kind, rule index, changes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from omezarr_cli.main import app
from omezarr_models import supported_versions
from omezarr_models.codes import CODES
from omezarr_models.docs import generate_docs


def test_pages_for_every_version_and_kind(tmp_path: Path) -> None:
    files = {p.relative_to(tmp_path).as_posix() for p in generate_docs(tmp_path)}
    assert {"index.md", "rules.md", "changes.md"} <= files
    for version in supported_versions():
        assert f"{version}/image.md" in files
        assert f"{version}/plate.md" in files
    assert "0.4/bioformats2raw.md" in files
    assert "0.3/bioformats2raw.md" not in files  # the collection arrives with 0.4


def test_a_page_lists_fields_with_type_requirement_and_section(tmp_path: Path) -> None:
    generate_docs(tmp_path)
    page = (tmp_path / "0.4" / "plate.md").read_text()
    assert page.startswith("# Plate — OME-Zarr 0.4")
    assert "## PlateWell" in page
    row = next(line for line in page.splitlines() if line.startswith("| `rowIndex` |"))
    assert "| integer | yes | minimum 0 |" in row
    assert "0.4 §plate-md" in row
    assert "| `acquisitions` | array of [Acquisition](#acquisition) | no |" in page


def test_rule_index_has_every_code_with_its_sources(tmp_path: Path) -> None:
    generate_docs(tmp_path)
    index = (tmp_path / "rules.md").read_text()
    for code in CODES:
        assert f'<a id="{code}"></a>`{code}`' in index
    line = next(x for x in index.splitlines() if "`axis-names-not-unique`" in x)
    assert line.endswith("| yes |  |")  # a hand-written document rule
    line = next(x for x in index.splitlines() if "`levels-not-decreasing`" in x)
    assert line.endswith("|  | yes |")  # a dataset rule
    line = next(x for x in index.splitlines() if "`plate-columns-missing`" in x)
    assert "0.4, 0.5" in line


def test_changes_are_computed_from_the_schemas(tmp_path: Path) -> None:
    generate_docs(tmp_path)
    changes = (tmp_path / "changes.md").read_text()
    section = changes.split("## 0.3 → 0.4")[1].split("##")[0]
    assert "`Dataset.coordinateTransformations`: new (required" in section
    assert "`Axis`" in section
    assert "## 0.4 → 0.5" in changes


def test_cli(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["docs", str(tmp_path / "site")])
    assert result.exit_code == 0
    assert (tmp_path / "site" / "0.5" / "image.md").is_file()
