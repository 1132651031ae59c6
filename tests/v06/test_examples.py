"""The example documents of the 0.6rc0 text.

Most are whole ``zarr.json`` documents. The examples of the transformation types are fragments,
``{"coordinateSystems": [...], "coordinateTransformations": [...]}``: exactly the content of a
scene, and judged as one (§scene-md); ``bijection_verbose.json`` is a single transformation, put
in a scene with the coordinate systems of ``bijection.json``. Some examples break the text, and
the validator says where:

* ``transformations/mapAxis1.json``: the input and output of its first transformation are strings,
  where "the input and output fields are objects" (§input-output-md);
* ``transformations/byDimensionInvalid1.json`` and ``byDimensionInvalid2.json``: invalid, as
  the text says;
* ``transformations/displacements/displacement_field.json``: its scale has 2 values for the 3
  axes of its coordinate system (§scale-md);
* ``transformations/displacements/multiscales.json``: ``"ome": "0.6rc0"`` where the text's
  layout has ``"ome": {"version": "0.6rc0", ...}``; judged with that repaired;
* ``label_strict/colors_properties.json``: in a ``_strict`` folder, but its multiscale has no
  ``name``, ``type`` or ``metadata``, which the text says each multiscale SHOULD have.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from omezarr_models import validate_attributes, validate_path
from tests.conftest import SPEC_DIR, assert_error, assert_valid, load_spec_example, spec_examples

V = "0.6rc0"
EXAMPLES = spec_examples(V)
ROOT = SPEC_DIR / "examples" / V
SC_CT = "/ome/scene/coordinateTransformations"

# What each example folder holds (the kind the validator should name).
KINDS = {
    "bf2raw/image.json": "bioformats2raw",
    "bf2raw/plate.json": "plate",
    "label_strict/colors_properties.json": "label-image",
    "multiscales_strict/multiscales_example.json": "image",
    "ome/series-2.json": "series",
    "plate_strict/plate_2wells.json": "plate",
    "plate_strict/plate_6wells.json": "plate",
    "well_strict/well_2fields.json": "well",
    "well_strict/well_4fields.json": "well",
    "transformations/displacements/displacement_field.json": "image",
    "transformations/displacements/multiscales.json": "image",
    **{
        f"transformations/{name}.json": "scene"
        for name in (
            "affine2d2d",
            "affine2d2d_with_channel",
            "affine2d3d",
            "bijection",
            "bijection_verbose",
            "byDimension1",
            "byDimension2",
            "byDimensionInvalid1",
            "byDimensionInvalid2",
            "identity",
            "mapAxis1",
            "projectAxis",
            "projectAxis2",
            "rotation",
            "scale",
            "scale_with_discrete",
            "sequence",
            "translation",
        )
    },
}

#: The examples that break the text: (JSON pointer, code) of each error.
INVALID: dict[str, set[tuple[str, str]]] = {
    "transformations/mapAxis1.json": {
        (f"{SC_CT}/0/input", "transformation-reference-not-object"),
        (f"{SC_CT}/0/output", "transformation-reference-not-object"),
        # "out1" is then linked to nothing
        ("/ome/scene/coordinateSystems/1", "coordinate-systems-not-connected"),
    },
    "transformations/byDimensionInvalid1.json": {
        (f"{SC_CT}/0/transformations/0/outputAxes/0", "by-dimension-axis-out-of-range"),
        (f"{SC_CT}/0/transformations/1/outputAxes/0", "by-dimension-axis-out-of-range"),
        (f"{SC_CT}/0/transformations/1/outputAxes/0", "by-dimension-output-axis-repeated"),
        (f"{SC_CT}/0/transformations", "by-dimension-output-axis-missing"),
    },
    "transformations/byDimensionInvalid2.json": {
        (f"{SC_CT}/0/transformations/1/outputAxes/0", "by-dimension-output-axis-repeated"),
        (f"{SC_CT}/0/transformations", "by-dimension-output-axis-missing"),
    },
    "transformations/displacements/displacement_field.json": {
        (
            "/ome/multiscales/0/datasets/0/coordinateTransformations/0/scale",
            "scale-length-mismatch",
        ),
    },
}
#: Strict-folder examples that miss SHOULD keys of the text.
NOT_STRICT = {
    "label_strict/colors_properties.json": {
        ("/ome/multiscales/0", "multiscale-name-missing"),
        ("/ome/multiscales/0", "multiscale-type-missing"),
        ("/ome/multiscales/0", "multiscale-metadata-missing"),
    }
}


def name_of(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def attributes(path: Path) -> dict[str, Any]:
    """The attributes an example stands for (see the module docstring)."""
    doc = load_spec_example(path)
    name = name_of(path)
    if name == "transformations/bijection_verbose.json":
        systems = load_spec_example(path.with_name("bijection.json"))["coordinateSystems"]
        return {
            "ome": {
                "version": V,
                "scene": {"coordinateSystems": systems, "coordinateTransformations": [doc]},
            }
        }
    if name.startswith("transformations/") and "coordinateTransformations" in doc:
        return {"ome": {"version": V, "scene": doc}}
    if name == "transformations/displacements/multiscales.json":
        assert doc["ome"] == V
        return {"ome": {"version": V, **{k: v for k, v in doc.items() if k != "ome"}}}
    return doc


def _params(strict_only: bool = False) -> list[Any]:
    return [
        pytest.param(p, id=name_of(p))
        for p in EXAMPLES
        if not strict_only or p.parent.name.endswith("_strict")
    ]


def test_the_examples_are_there(spec_dir: Path) -> None:
    assert {name_of(p) for p in EXAMPLES} == set(KINDS)


def test_every_example_the_text_includes_exists(spec_dir: Path) -> None:
    text = (spec_dir / f"ngff-{V}.md").read_text(encoding="utf-8")
    included = set(re.findall(r"literalinclude\}\s*examples/(\S+\.json)", text))
    assert len(included) > 20
    # the text includes one example that its release candidate does not ship
    assert included - set(KINDS) == {"multiscales_strict/multiscale_reference_to_label.json"}


@pytest.mark.parametrize("path", _params())
def test_example_verdict(spec_dir: Path, path: Path) -> None:
    name = name_of(path)
    report = validate_attributes(attributes(path), file=str(path))
    assert report.version == V
    assert report.kind == KINDS[name]
    if name in INVALID:
        assert {(i.path, i.code) for i in report.errors} == INVALID[name]
    else:
        assert_valid(report)


@pytest.mark.parametrize("path", _params(strict_only=True))
def test_strict_example_is_strictly_valid(spec_dir: Path, path: Path) -> None:
    report = validate_attributes(attributes(path), strict=True)
    expected = NOT_STRICT.get(name_of(path), set())
    assert {(i.path, i.code) for i in report.issues} == expected
    assert report.valid is not expected


@pytest.mark.parametrize("path", [p for p in _params() if "zarr_format" in p.values[0].read_text()])
def test_example_as_a_zarr_group_folder(spec_dir: Path, path: Path, tmp_path: Path) -> None:
    doc = json.loads(re.sub(r"//[^\n]*", "", path.read_text(encoding="utf-8")))
    folder = tmp_path / "group.zarr"
    folder.mkdir()
    (folder / "zarr.json").write_text(json.dumps(doc), encoding="utf-8")
    report = validate_path(folder)
    assert_valid(report)
    assert (report.version, report.kind) == (V, KINDS[name_of(path)])


def test_a_0_6_group_in_zarr_v2_is_a_format_mismatch(tmp_path: Path) -> None:
    example = ROOT / "multiscales_strict" / "multiscales_example.json"
    folder = tmp_path / "v2.zarr"
    folder.mkdir()
    (folder / ".zgroup").write_text('{"zarr_format": 2}', encoding="utf-8")
    (folder / ".zattrs").write_text(json.dumps(load_spec_example(example)), encoding="utf-8")
    report = validate_path(folder)
    assert report.version == V
    assert_error(report, "zarr-format-mismatch", "")
