"""Whole OME-Zarr 0.6rc0 datasets, written with zarr-python: an image with a label image and a
transformation to it, a scene of two images with a stored affine; each defect alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import zarr

from omezarr_models import validate_attributes, validate_dataset
from omezarr_models.dataset import DatasetReport

V = "0.6rc0"
YX = [
    {"name": "y", "type": "space", "unit": "micrometer"},
    {"name": "x", "type": "space", "unit": "micrometer"},
]


def multiscale(
    system: str = "physical", shapes: tuple[int, ...] = (1, 2), **extra: Any
) -> dict[str, Any]:
    """A YX multiscale whose levels s0, s1... are scaled by ``shapes`` into ``system``."""
    return {
        "name": "cells",
        "type": "mean",
        "metadata": {"method": "2x2 mean"},
        "coordinateSystems": [{"name": system, "axes": YX}],
        "datasets": [
            {
                "path": f"s{k}",
                "coordinateTransformations": [
                    {
                        "type": "scale",
                        "scale": [0.5 * f, 0.5 * f],
                        "input": {"path": f"s{k}"},
                        "output": {"name": system},
                    }
                ],
            }
            for k, f in enumerate(shapes)
        ],
        **extra,
    }


def write_image(
    root: zarr.Group, path: str, meta: dict[str, Any], *, dtype: str = "uint16", size: int = 64
) -> zarr.Group:
    """An image group at ``path`` with ``meta`` under "ome" and one array per level (halving)."""
    group = root.create_group(path) if path else root
    group.attrs["ome"] = {"version": V, **meta}
    for k, ds in enumerate(meta["multiscales"][0]["datasets"]):
        n = size // 2**k
        group.create_array(ds["path"], shape=(n, n), dtype=dtype, dimension_names=["y", "x"])
    return group


def image_with_labels(tmp_path: Path, **changes: Any) -> Path:
    """image.zarr: a 2-level image, a labels group, a label image "cells" linked by identity."""
    root_path = tmp_path / "image.zarr"
    root = zarr.open_group(root_path, mode="w", zarr_format=3)
    link = {
        "type": "identity",
        "input": {"name": "physical"},
        "output": {"name": "physical", "path": "labels/cells"},
    }
    meta = multiscale(coordinateTransformations=[changes.get("link", link)])
    write_image(root, "", {"multiscales": [meta]})
    labels = root.create_group("labels")
    labels.attrs["ome"] = {"version": V, "labels": ["cells"]}
    label_meta = {
        "multiscales": [multiscale(changes.get("label_system", "physical"))],
        "image-label": {"colors": [{"label-value": 1, "rgba": [255, 0, 0, 255]}]},
    }
    write_image(labels, "cells", label_meta, dtype=changes.get("label_dtype", "uint8"))
    return root_path


def scene(tmp_path: Path, *, affine_shape: tuple[int, ...] = (2, 3), **changes: Any) -> Path:
    """scene.zarr: images "a" and "b" and an affine between them stored in zarr."""
    root_path = tmp_path / "scene.zarr"
    root = zarr.open_group(root_path, mode="w", zarr_format=3)
    write_image(root, "a", {"multiscales": [multiscale("physical_a")]})
    write_image(root, "b", {"multiscales": [multiscale("physical_b")]})
    params = root.create_group("coordinateTransformations")
    params.create_array("a_to_b", shape=affine_shape, dtype="float64")
    transformation = {
        "type": "affine",
        "path": "coordinateTransformations/a_to_b",
        "input": {"name": "physical_a", "path": "a"},
        "output": {"name": changes.get("output_name", "physical_b"), "path": "b"},
    }
    root.attrs["ome"] = {
        "version": V,
        "scene": {
            "coordinateSystems": [{"name": "world", "axes": YX}],
            "coordinateTransformations": [
                transformation,
                {
                    "type": "translation",
                    "translation": [10.0, -4.0],
                    "input": {"name": "physical_b", "path": "b"},
                    "output": {"name": "world"},
                },
            ],
        },
    }
    return root_path


def errors(report: DatasetReport) -> list[tuple[str | None, str, str]]:
    return [(i.file, i.path, i.code) for i in report.errors]


def test_image_with_labels_is_valid(tmp_path: Path) -> None:
    report = validate_dataset(image_with_labels(tmp_path), strict=True)
    assert report.valid, errors(report)
    assert not report.warnings
    assert (report.version, report.kind) == (V, "image")


def test_scene_is_valid(tmp_path: Path) -> None:
    report = validate_dataset(scene(tmp_path), strict=True)
    assert report.valid, errors(report)
    assert (report.version, report.kind) == (V, "scene")


def test_array_dimensions_must_match_the_intrinsic_coordinate_system(tmp_path: Path) -> None:
    path = image_with_labels(tmp_path)
    root = zarr.open_group(path, mode="r+")
    root.create_array(
        "s1", shape=(4, 32, 32), dtype="uint16", overwrite=True, dimension_names=["z", "y", "x"]
    )
    report = validate_dataset(path)
    assert ("s1/zarr.json", "/shape", "array-ndim-mismatch") in errors(report)


def test_label_image_must_define_the_linked_coordinate_system(tmp_path: Path) -> None:
    report = validate_dataset(image_with_labels(tmp_path, label_system="other"))
    pointer = "/ome/multiscales/0/coordinateTransformations/0/output/name"
    assert ("zarr.json", pointer, "coordinate-system-unknown") in errors(report)


def test_linked_label_image_must_exist(tmp_path: Path) -> None:
    link = {
        "type": "identity",
        "input": {"name": "physical"},
        "output": {"name": "physical", "path": "labels/nuclei"},
    }
    report = validate_dataset(image_with_labels(tmp_path, link=link))
    pointer = "/ome/multiscales/0/coordinateTransformations/0/output/path"
    assert ("zarr.json", pointer, "group-missing") in errors(report)


def test_label_dtype_must_be_integer(tmp_path: Path) -> None:
    report = validate_dataset(image_with_labels(tmp_path, label_dtype="float32"))
    assert ("labels/cells/s0/zarr.json", "", "label-dtype-not-integer") in errors(report)


def test_scene_image_must_define_the_named_coordinate_system(tmp_path: Path) -> None:
    report = validate_dataset(scene(tmp_path, output_name="physical"))
    pointer = "/ome/scene/coordinateTransformations/0/output/name"
    assert ("zarr.json", pointer, "coordinate-system-unknown") in errors(report)


def test_scene_image_must_exist(tmp_path: Path) -> None:
    path = scene(tmp_path)
    meta = json.loads((path / "zarr.json").read_text())
    meta["attributes"]["ome"]["scene"]["coordinateTransformations"][0]["input"]["path"] = "c"
    (path / "zarr.json").write_text(json.dumps(meta))
    report = validate_dataset(path)
    pointer = "/ome/scene/coordinateTransformations/0/input/path"
    assert ("zarr.json", pointer, "group-missing") in errors(report)


@pytest.mark.parametrize("shape", [(3, 3), (2, 2), (6,)])
def test_stored_affine_must_be_m_by_n_plus_one(tmp_path: Path, shape: tuple[int, ...]) -> None:
    report = validate_dataset(scene(tmp_path, affine_shape=shape))
    pointer = "/ome/scene/coordinateTransformations/0/path"
    assert errors(report) == [("zarr.json", pointer, "transformation-array-shape-mismatch")]


def test_stored_parameters_must_exist(tmp_path: Path) -> None:
    path = scene(tmp_path)
    zarr.open_group(path, mode="r+").create_group("coordinateTransformations", overwrite=True)
    report = validate_dataset(path)
    pointer = "/ome/scene/coordinateTransformations/0/path"
    assert errors(report) == [("zarr.json", pointer, "transformation-array-missing")]


def test_scene_transformation_must_fit_the_images(tmp_path: Path) -> None:
    # Both ends are images: the scene alone cannot tell that a 3-vector does not fit "a" and "b".
    path = scene(tmp_path)
    meta = json.loads((path / "zarr.json").read_text())
    first = meta["attributes"]["ome"]["scene"]["coordinateTransformations"][0]
    del first["path"]
    first.update(type="scale", scale=[1, 2, 3])
    (path / "zarr.json").write_text(json.dumps(meta))
    assert validate_attributes(meta["attributes"]).valid
    report = validate_dataset(path)
    pointer = "/ome/scene/coordinateTransformations/0/scale"
    assert errors(report) == [("zarr.json", pointer, "scale-length-mismatch")]


def displaced_image(
    tmp_path: Path, field_axes: list[dict[str, Any]] | None, components: int = 2
) -> Path:
    """image.zarr whose "physical" maps to "output" by the displacement field
    coordinateTransformations/field (CYX, c the displacement axis) unless ``field_axes`` is None."""
    root_path = tmp_path / "image.zarr"
    root = zarr.open_group(root_path, mode="w", zarr_format=3)
    meta = multiscale()
    meta["coordinateSystems"].append({"name": "output", "axes": YX})
    meta["coordinateTransformations"] = [
        {
            "type": "displacements",
            "path": "coordinateTransformations/field",
            "input": {"name": "physical"},
            "output": {"name": "output"},
        }
    ]
    write_image(root, "", {"multiscales": [meta]})
    if field_axes is not None:
        field = root.create_group("coordinateTransformations").create_group("field")
        field.attrs["ome"] = {
            "version": V,
            "multiscales": [
                {
                    "name": "field",
                    "type": "none",
                    "metadata": {},
                    "coordinateSystems": [{"name": "physical", "axes": field_axes}],
                    "datasets": [
                        {
                            "path": "s0",
                            "coordinateTransformations": [
                                {
                                    "type": "scale",
                                    "scale": [1.0] * len(field_axes),
                                    "input": {"path": "s0"},
                                    "output": {"name": "physical"},
                                }
                            ],
                        }
                    ],
                }
            ],
        }
        names = [a["name"] for a in field_axes]
        shape = [components if a["type"] == "displacement" else 16 for a in field_axes]
        field.create_array("s0", shape=shape, dtype="float32", dimension_names=names)
    return root_path


VECTOR = {"name": "c", "type": "displacement", "discrete": True}
FIELD_POINTER = "/ome/multiscales/0/coordinateTransformations/0/path"


def test_displacement_field_is_valid(tmp_path: Path) -> None:
    report = validate_dataset(displaced_image(tmp_path, [VECTOR, *YX]), strict=True)
    assert report.valid, errors(report)
    assert not report.warnings


def test_displacement_field_must_exist(tmp_path: Path) -> None:
    report = validate_dataset(displaced_image(tmp_path, None))
    assert errors(report) == [("zarr.json", FIELD_POINTER, "transformation-array-missing")]


def test_displacement_field_vectors_need_a_discrete_displacement_axis(tmp_path: Path) -> None:
    axes = [{"name": "c", "type": "displacement"}, *YX]
    report = validate_dataset(displaced_image(tmp_path, axes))
    assert errors(report) == [("zarr.json", FIELD_POINTER, "field-vector-axis-invalid")]


def test_displacement_field_has_one_more_dimension_than_the_input(tmp_path: Path) -> None:
    axes = [VECTOR, {"name": "z", "type": "space", "unit": "micrometer"}, *YX]
    report = validate_dataset(displaced_image(tmp_path, axes))
    assert ("zarr.json", FIELD_POINTER, "transformation-array-shape-mismatch") in errors(report)


def test_displacement_vectors_have_one_component_per_axis(tmp_path: Path) -> None:
    report = validate_dataset(displaced_image(tmp_path, [VECTOR, *YX], components=3))
    assert errors(report) == [("zarr.json", FIELD_POINTER, "transformation-array-shape-mismatch")]


def write_plate(tmp_path: Path, *, fields: tuple[str, ...] = ("0",)) -> Path:
    """plate.zarr: row A, columns 1 and 2, one well A/1 whose fields are ``fields``."""
    root_path = tmp_path / "plate.zarr"
    root = zarr.open_group(root_path, mode="w", zarr_format=3)
    root.attrs["ome"] = {
        "version": V,
        "plate": {
            "name": "screen",
            "field_count": 1,
            "rows": [{"name": "A"}],
            "columns": [{"name": "1"}, {"name": "2"}],
            "wells": [{"path": "A/1", "rowIndex": 0, "columnIndex": 0}],
        },
    }
    well = root.create_group("A").create_group("1")
    well.attrs["ome"] = {"version": V, "well": {"images": [{"path": f} for f in fields]}}
    write_image(well, "0", {"multiscales": [multiscale()]})
    return root_path


def test_plate_is_valid(tmp_path: Path) -> None:
    report = validate_dataset(write_plate(tmp_path), strict=True)
    assert report.valid, errors(report)
    assert (report.version, report.kind) == (V, "plate")


def test_plate_field_must_exist(tmp_path: Path) -> None:
    report = validate_dataset(write_plate(tmp_path, fields=("0", "f-1")))
    assert errors(report) == [("A/1/zarr.json", "/ome/well/images/1/path", "field-image-missing")]
